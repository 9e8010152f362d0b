// The whole-scene tests of relations.h: bodies, collisions, in the room, support.
#include <algorithm>
#include <cmath>

#include "scenecraft/core/polygon.h"
#include "scenecraft/layout/relation_tests.h"

namespace scenecraft {

using relation_tests::DistanceToWall;
using relation_tests::F;
using relation_tests::Wall;
using relation_tests::Walls;

std::array<Vec2, 4> Body::FootCorners() const {
  const Rect2 f = Foot();
  if (local_size.x <= 0 || local_size.y <= 0) {
    return {f.min, Vec2{f.max.x, f.min.y}, f.max, Vec2{f.min.x, f.max.y}};
  }
  const Vec2 c = origin.value_or(f.Center());
  const Vec2 u{std::cos(yaw_rad) * local_size.x / 2, std::sin(yaw_rad) * local_size.x / 2};
  const Vec2 v{-std::sin(yaw_rad) * local_size.y / 2, std::cos(yaw_rad) * local_size.y / 2};
  return {c - u - v, c + u - v, c + u + v, c - u + v};
}

Rect2 Body::RoundFoot() const {
  const Rect2 f = Foot();
  if (!modelled || local_size.x <= 0 || local_size.y <= 0) return f;
  const double c = std::cos(yaw_rad), s = std::sin(yaw_rad);
  const double a = local_size.x / 2, b = local_size.y / 2;
  // The half extents of the turned ellipse with half axes a and b, never more than the box's.
  const Vec2 half{std::min(f.Width() / 2, std::hypot(a * c, b * s)),
                  std::min(f.Depth() / 2, std::hypot(a * s, b * c))};
  const Vec2 centre = f.Center();
  return Rect2{centre - half, centre + half};
}

Body BodyOf(const Object& o) {
  Body b;
  b.id = o.id;
  b.category = o.category;
  b.local_size = o.size;
  b.box = o.WorldBox();
  b.yaw_rad = o.pose ? o.pose->yaw_rad : 0.0;
  b.has_front = o.has_front;
  b.support = o.support;
  b.access_m = o.access_m;
  b.access_long_side = o.access_long_side;
  return b;
}

bool IsFlatCovering(const std::string& category) {
  return category == "rug" || category == "carpet" || category == "mat" || category == "area rug";
}

bool AllowsOverlap(RelationType type) {
  return type == RelationType::kOn || type == RelationType::kUnder ||
         type == RelationType::kAbove || type == RelationType::kOverlap ||
         type == RelationType::kStack || type == RelationType::kInside;
}

double CollisionShare(const Body& a, const Body& b) {
  const double smaller = std::min(a.box.Volume(), b.box.Volume());
  if (smaller <= 0) return 0.0;
  return IntersectionVolume(a.box, b.box) / smaller;
}

bool Collides(const Body& a, const Body& b) {
  return CollisionShare(a, b) > 0.10;
}

bool InsideRoom(const Body& body, const Environment& env) {
  if (!env.IsRoom()) return true;
  const Rect2 floor = env.FloorRect();
  const Rect2 f = body.Foot();
  if (!env.floor_polygon_m.empty())
    return QuadInside(env.floor_polygon_m, body.FootCorners(), 0.01);
  return f.min.x >= floor.min.x - 0.01 && f.max.x <= floor.max.x + 0.01 &&
         f.min.y >= floor.min.y - 0.01 && f.max.y <= floor.max.y + 0.01;
}

std::string SupportProblem(const Body& body, const std::vector<const Body*>& others,
                           const Environment& env) {
  const double bottom = body.box.min.z;
  if (std::abs(bottom) <= kContactEpsilon) return "";
  for (const Body* o : others) {
    if (o->id == body.id) continue;
    if (std::abs(bottom - o->box.max.z) <= kContactEpsilon &&
        o->Foot().Contains(body.Center2(), 0.0)) {
      return "";
    }
    // Resting inside a container, on its bottom.
    if (std::abs(bottom - o->box.min.z) <= kContactEpsilon && body.box.max.z <= o->box.max.z &&
        o->Foot().Contains(body.Center2(), 0.0)) {
      return "";
    }
  }
  if (body.support == Support::kWall) {
    for (const Wall& wall : Walls(env)) {
      if (std::abs(DistanceToWall(body, wall)) <= 0.05) return "";
    }
  }
  if (env.IsRoom() && std::abs(body.box.max.z - env.size.z) <= 0.05) return "";
  return body.id + " floats: its bottom is " + F(bottom) +
         " m above the floor and rests on nothing";
}

}  // namespace scenecraft
