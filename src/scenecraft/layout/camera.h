// Camera framing: from the solved poses, a camera within the viewer-frame convention (on the -Y
// side looking along +Y, azimuth within +-35 degrees) that keeps every object in frame and
// minimises occlusion between objects.
#pragma once

#include "scenecraft/core/scene.h"

namespace scenecraft {

struct CameraOptions {
  double aspect = 4.0 / 3.0;      // image width / height
  double fov_deg = 50.0;          // horizontal field of view
  double margin = 0.06;           // share of the frame kept free at each border
  double max_azimuth_deg = 30.0;  // the search stays within +-35 degrees of the +Y view
  void Check() const;
};

// Projects a world point for a camera: (x, y) in [-1, 1] across the frame when visible, and the
// depth along the view axis (> 0 in front of the camera).
Vec3 ProjectToFrame(const Camera& camera, double aspect, const Vec3& point);

// Frames the scene's posed objects.
Camera FrameCamera(const SceneGraph& graph, const CameraOptions& options);

}  // namespace scenecraft
