#include "scenecraft/agent/provisional_layout.h"

#include <algorithm>
#include <cmath>

namespace scenecraft {

SolveResult Solve(SceneGraph* graph, const SolverOptions& /*options*/) {
  SolveResult result;
  const Rect2 floor = graph->environment.FloorRect();
  double cursor_x = floor.min.x + 0.3;
  double cursor_y = floor.min.y + 0.3;
  double row_depth = 0.0;
  for (Object& o : graph->objects) {
    if (o.pose) continue;
    if (cursor_x + o.size.x > floor.max.x - 0.3) {
      cursor_x = floor.min.x + 0.3;
      cursor_y += row_depth + 0.3;
      row_depth = 0.0;
    }
    o.pose = Pose{cursor_x + o.size.x / 2, cursor_y + o.size.y / 2, 0.0, 0.0};
    cursor_x += o.size.x + 0.3;
    row_depth = std::max(row_depth, o.size.y);
  }
  return result;
}

Camera FrameCamera(const SceneGraph& graph, const CameraOptions& options) {
  Box3 bounds;
  for (const Object& o : graph.objects) bounds.Extend(o.WorldBox());
  if (graph.environment.IsRoom()) {
    const Vec3& s = graph.environment.size;
    bounds.Extend(Vec3{-s.x / 2, -s.y / 2, 0});
    bounds.Extend(Vec3{s.x / 2, s.y / 2, std::min(s.z, 1.5)});
  }
  if (bounds.IsEmpty()) bounds = Box3{{-1, -1, 0}, {1, 1, 1}};
  const Vec3 centre = bounds.Center();
  const double radius = 0.5 * bounds.Size().Norm();
  const double half_h = DegToRad(options.fov_deg) / 2;
  const double half_v = std::atan(std::tan(half_h) / options.aspect);
  const double distance = radius / std::sin(std::min(half_h, half_v)) * 1.05;
  const double elevation = DegToRad(35.0);
  Camera c;
  c.fov_deg = options.fov_deg;
  c.target = centre;
  c.position = {centre.x, centre.y - distance * std::cos(elevation),
                centre.z + distance * std::sin(elevation)};
  return c;
}

}  // namespace scenecraft
