// The shared parts of the relation tests (relation_tests.h).
#include <algorithm>
#include <cmath>

#include "scenecraft/layout/relation_tests.h"
#include "scenecraft/util/strings.h"

namespace scenecraft::relation_tests {

bool& WordsWanted() {
  thread_local bool wanted = true;
  return wanted;
}

std::string F(double v) {
  return FormatNumber(v, 2);
}

// Combines several evaluations (all must pass).
E All(const std::vector<E>& parts) {
  E out;
  out.pass = true;
  out.score = 1.0;
  for (const E& p : parts) {
    out.pass = out.pass && p.pass;
    out.violation += p.violation;
    out.score = std::min(out.score, p.score);
    if (!p.pass && out.reason.empty()) out.reason = p.reason;
  }
  return out;
}

// Distance from a point to a rectangle (0 inside).
double OutsideDistance(const Rect2& r, const Vec2& p) {
  const double dx = std::max({r.min.x - p.x, 0.0, p.x - r.max.x});
  const double dy = std::max({r.min.y - p.y, 0.0, p.y - r.max.y});
  return std::hypot(dx, dy);
}

double AngleBetween(const Vec2& a, const Vec2& b) {
  const double na = a.Norm(), nb = b.Norm();
  if (na < 1e-9 || nb < 1e-9) return kPi;
  return std::acos(std::clamp(a.Dot(b) / (na * nb), -1.0, 1.0));
}

// Yaw difference in [0, period/2] modulo `period`.
double YawDiff(double a, double b, double period) {
  double d = std::fmod(std::abs(a - b), period);
  return std::min(d, period - d);
}

std::vector<Wall> Walls(const Environment& env) {
  return RoomWalls(env);
}

// Distance from the body's footprint side facing a wall to that wall's line (>= 0 inside): the
// least of its corners' distances.
double DistanceToWall(const Body& b, const Wall& wall) {
  double d = 1e18;
  for (const Vec2& c : b.FootCorners()) d = std::min(d, wall.DistanceInward(c));
  return d;
}

// How far the body's centre lies beyond the ends of the wall, along it (0 alongside it): a
// wall of an L-shaped room does not reach past its corner.
double BeyondWall(const Body& b, const Wall& wall) {
  const double t = (b.Center2() - wall.a).Dot(wall.Direction());
  return std::max({0.0, -t, t - wall.Length()});
}

E NeedRoom(const EvalContext& c, const std::string& what) {
  if (c.environment == nullptr || !c.environment->IsRoom()) {
    return Result(false, 1.0, 1.0, [&] { return what + " needs a room with walls"; });
  }
  return Result(true, 0, 1, [&] { return ""; });
}

}  // namespace scenecraft::relation_tests
