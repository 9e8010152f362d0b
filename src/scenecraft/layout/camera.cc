#include "scenecraft/layout/camera.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

struct Basis {
  Vec3 forward, right, up;
};

Basis CameraBasis(const Camera& c) {
  Vec3 f = c.target - c.position;
  f = f * (1.0 / std::max(f.Norm(), 1e-12));
  Vec3 r = f.Cross(Vec3{0, 0, 1});
  if (r.Norm() < 1e-9) r = {1, 0, 0};
  r = r * (1.0 / r.Norm());
  return {f, r, r.Cross(f)};
}

// Corners of every object's box.
std::vector<Vec3> Corners(const SceneGraph& graph) {
  std::vector<Vec3> out;
  for (const Object& o : graph.objects) {
    if (!o.pose) continue;
    const Box3 b = o.WorldBox();
    for (double x : {b.min.x, b.max.x}) {
      for (double y : {b.min.y, b.max.y}) {
        for (double z : {b.min.z, b.max.z}) out.push_back({x, y, z});
      }
    }
  }
  return out;
}

// How much the objects' projected boxes hide one another (smaller is better).
double Occlusion(const SceneGraph& graph, const Camera& c, double aspect) {
  struct Shape {
    double x0, x1, y0, y1, depth;
  };
  std::vector<Shape> shapes;
  for (const Object& o : graph.objects) {
    if (!o.pose) continue;
    const Box3 b = o.WorldBox();
    Shape s{1e9, -1e9, 1e9, -1e9, 1e9};
    for (double x : {b.min.x, b.max.x}) {
      for (double y : {b.min.y, b.max.y}) {
        for (double z : {b.min.z, b.max.z}) {
          const Vec3 p = ProjectToFrame(c, aspect, {x, y, z});
          s.x0 = std::min(s.x0, p.x);
          s.x1 = std::max(s.x1, p.x);
          s.y0 = std::min(s.y0, p.y);
          s.y1 = std::max(s.y1, p.y);
          s.depth = std::min(s.depth, p.z);
        }
      }
    }
    shapes.push_back(s);
  }
  double hidden = 0;
  for (size_t i = 0; i < shapes.size(); ++i) {
    const double area_i = (shapes[i].x1 - shapes[i].x0) * (shapes[i].y1 - shapes[i].y0);
    for (size_t j = 0; j < shapes.size(); ++j) {
      if (i == j || shapes[j].depth >= shapes[i].depth) continue;  // j in front of i
      const double w = std::min(shapes[i].x1, shapes[j].x1) - std::max(shapes[i].x0, shapes[j].x0);
      const double h = std::min(shapes[i].y1, shapes[j].y1) - std::max(shapes[i].y0, shapes[j].y0);
      if (w > 0 && h > 0 && area_i > 0) hidden += std::min(1.0, w * h / area_i);
    }
  }
  return hidden;
}

}  // namespace

void CameraOptions::Check() const {
  if (!(aspect > 0.1 && aspect < 10)) throw Error("camera: aspect ratio out of range");
  if (!(fov_deg > 5 && fov_deg < 150)) throw Error("camera: field of view out of range");
}

Vec3 ProjectToFrame(const Camera& camera, double aspect, const Vec3& point) {
  const Basis b = CameraBasis(camera);
  const Vec3 v = point - camera.position;
  const double depth = v.Dot(b.forward);
  const double tan_h = std::tan(DegToRad(camera.fov_deg) / 2);
  const double tan_v = tan_h / aspect;
  if (depth <= 1e-9) return {1e9, 1e9, depth};
  return {v.Dot(b.right) / depth / tan_h, v.Dot(b.up) / depth / tan_v, depth};
}

Camera FrameCamera(const SceneGraph& graph, const CameraOptions& options) {
  options.Check();
  std::vector<Vec3> corners = Corners(graph);
  const Environment& env = graph.environment;
  // Show a little floor around the objects (the whole floor of small rooms).
  Box3 bounds;
  for (const Vec3& p : corners) bounds.Extend(p);
  if (bounds.IsEmpty()) bounds = Box3{{-1, -1, 0}, {1, 1, 1}};
  if (env.IsRoom()) {
    // Rooms are framed whole, centred on their floor.
    const Rect2 floor = env.FloorRect();
    for (double x : {floor.min.x, floor.max.x}) {
      for (double y : {floor.min.y, floor.max.y}) {
        corners.push_back({x, y, 0.0});
        bounds.Extend(Vec3{x, y, 0.0});
      }
    }
  }
  const Vec3 target{bounds.Center().x, bounds.Center().y,
                    std::min(bounds.Center().z, bounds.min.z + 0.4 * bounds.Size().z)};
  const double limit = 1.0 - 2 * options.margin;
  Camera best;
  double best_score = 1e18;
  for (double azimuth : {0.0, -15.0, 15.0, -options.max_azimuth_deg, options.max_azimuth_deg}) {
    for (double elevation : {30.0, 40.0, 52.0, 65.0}) {
      const double az = DegToRad(azimuth), el = DegToRad(elevation);
      const Vec3 dir{std::sin(az) * std::cos(el), -std::cos(az) * std::cos(el), std::sin(el)};
      // The nearest distance at which every corner is in frame (bisection).
      auto fits = [&](double distance) {
        Camera c{target + dir * distance, target, options.fov_deg};
        for (const Vec3& p : corners) {
          const Vec3 q = ProjectToFrame(c, options.aspect, p);
          if (q.z <= 0.05 || std::abs(q.x) > limit || std::abs(q.y) > limit) return false;
        }
        return true;
      };
      double lo = 0.5, hi = 4.0 * (bounds.Size().Norm() + 2.0);
      while (!fits(hi) && hi < 1e5) hi *= 2;
      for (int k = 0; k < 40; ++k) {
        const double mid = 0.5 * (lo + hi);
        (fits(mid) ? hi : lo) = mid;
      }
      Camera c{target + dir * hi, target, options.fov_deg};
      // In a room the camera stays between the side walls, so they do not block the view.
      if (env.IsRoom() && std::abs(c.position.x) > env.size.x / 2 - 0.05) continue;
      // Less occlusion first; among similar views, a three-quarter view from about 40 degrees
      // up and straight on reads best.
      const double score = Occlusion(graph, c, options.aspect) + 0.05 * std::abs(azimuth) / 15.0 +
                           0.4 * std::abs(elevation - 40.0) / 12.0;
      if (score < best_score) {
        best_score = score;
        best = c;
      }
    }
  }
  if (best_score == 1e18) {  // No candidate fitted between the walls: straight on.
    const Vec3 dir{0, -std::cos(DegToRad(45)), std::sin(DegToRad(45))};
    best = Camera{target + dir * (2.0 * bounds.Size().Norm() + 2.0), target, options.fov_deg};
  }
  return best;
}

}  // namespace scenecraft
