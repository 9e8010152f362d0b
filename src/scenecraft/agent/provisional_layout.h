// A stand-in for the layout module until the solver lands: places unposed objects on a grid
// and frames a camera that sees every object. Replaced by layout::Solve / layout::FrameCamera.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenecraft/core/scene.h"

namespace scenecraft {

struct SolverOptions {
  uint64_t seed = 1;
};
struct SolveResult {
  std::vector<std::string> warnings;
};
SolveResult Solve(SceneGraph* graph, const SolverOptions& options);

struct CameraOptions {
  double aspect = 4.0 / 3.0;  // image width / height
  double fov_deg = 50.0;      // horizontal field of view
};
Camera FrameCamera(const SceneGraph& graph, const CameraOptions& options);

}  // namespace scenecraft
