// Relation tests of one object against another (relation_tests.h).
#include <algorithm>
#include <cmath>
#include <vector>

#include "scenecraft/layout/relation_tests.h"

namespace scenecraft::relation_tests {

E On(const Body& a, const Body& b) {
  const double dz = std::abs(a.box.min.z - b.box.max.z);
  const double out = OutsideDistance(b.Foot(), a.Center2());
  return Result(dz <= kContactEpsilon && out <= 0.0, std::max(0.0, dz - kContactEpsilon) + out, 0.2,
                [&] {
                  return a.id + " bottom is " + F(a.box.min.z) + " m, " + b.id + " top is " +
                         F(b.box.max.z) + " m; centre " + F(out) + " m outside its top";
                });
}

E Facing(const Body& a, const Vec2& toward, const std::string& what, double limit_deg) {
  if (!a.has_front) return Result(false, 1.0, 1.0, [&] { return a.id + " has no front"; });
  const double angle = AngleBetween(FrontDirection(a.yaw_rad), toward);
  return Result(angle <= DegToRad(limit_deg), angle - DegToRad(limit_deg), 0.5, [&] {
    return a.id + " front is " + F(RadToDeg(angle)) + " deg off " + what + " (limit " +
           F(limit_deg) + ")";
  });
}

E UnderWindow(const Body& a, const Body& window) {
  const Rect2 w = window.Foot();
  const Vec2 c = a.Center2();
  // The window's box is thin across its wall and long along it.
  const bool along_x = w.max.x - w.min.x >= w.max.y - w.min.y;
  const double lo = along_x ? w.min.x : w.min.y, hi = along_x ? w.max.x : w.max.y;
  const double grow = 0.05 * (hi - lo), at = along_x ? c.x : c.y;
  const double beside = std::max({0.0, lo - grow - at, at - hi - grow});
  const double off_wall = std::max(0.0, Gap(a.Foot(), w) - 0.10);
  const double above_sill = std::max(0.0, a.box.max.z - window.box.min.z - kContactEpsilon);
  return Result(beside + off_wall + above_sill <= 0.0, beside + off_wall + above_sill, 0.3, [&] {
    return a.id + " is not under " + window.id + ": " + F(beside) + " m beside its width, " +
           F(off_wall) + " m too far from its wall, top " + F(above_sill) + " m above its sill";
  });
}

}  // namespace scenecraft::relation_tests

namespace scenecraft {

std::optional<Vec2> NearSideAxis(const Body& ref, const std::string& side) {
  const Vec2 front = ref.has_front ? FrontDirection(ref.yaw_rad) : Vec2{0, -1};
  const Vec2 left{front.y, -front.x};  // at yaw 0: front -Y, left -X
  if (side == "front") return front;
  if (side == "back") return front * -1.0;
  if (side == "left") return left;
  if (side == "right") return left * -1.0;
  return std::nullopt;
}

double NearDefaultLimit(const Body& a, const Body& b) {
  return std::max(0.6, 0.3 * std::max(a.Size(), b.Size()));
}

double LargestAngularGap(const std::vector<Vec2>& points, const Vec2& centre) {
  if (points.empty()) return 0.0;
  std::vector<double> angles;
  for (const Vec2& p : points) angles.push_back(std::atan2(p.y - centre.y, p.x - centre.x));
  std::sort(angles.begin(), angles.end());
  double largest = angles.front() + 2 * kPi - angles.back();
  for (size_t i = 0; i + 1 < angles.size(); ++i) {
    largest = std::max(largest, angles[i + 1] - angles[i]);
  }
  return largest;
}

}  // namespace scenecraft

namespace scenecraft::relation_tests {

E Near(const Body& a, const Body& b, std::optional<double> distance_m,
       const std::optional<std::string>& side) {
  // A modelled body's mesh may be round: the gap holds for its boxes both ways (see Body).
  const double gap = std::max(Gap(a.Foot(), b.Foot()), Gap(a.RoundFoot(), b.RoundFoot()));
  const double limit = distance_m.value_or(NearDefaultLimit(a, b));
  const bool collide = Collides(a, b);
  E e = Result(
      gap <= limit && !collide, std::max(0.0, gap - limit) + (collide ? 0.2 : 0.0), 0.5, [&] {
        return collide
                   ? a.id + " and " + b.id + " interpenetrate"
                   : a.id + " is " + F(gap) + " m from " + b.id + " (at most " + F(limit) + " m)";
      });
  if (!side) return e;
  // The side: A's centre within 45 degrees of B's axis toward that side; left and right as seen
  // looking at B's front (B without a front: as the viewer sees it).
  const std::optional<Vec2> axis = NearSideAxis(b, *side);
  if (!axis) {
    return Result(false, 1.0, 1.0, [&] {
      return "near: unknown side '" + *side + "' (front, back, left or right)";
    });
  }
  const double angle = AngleBetween(a.Center2() - b.Center2(), *axis);
  return All({e, Result(angle <= DegToRad(45), angle - DegToRad(45), 0.5, [&] {
                return a.id + " is " + F(RadToDeg(angle)) + " deg off the " + *side + " side of " +
                       b.id + " (at most 45)";
              })});
}

E LeftOf(const Body& a, const Body& b) {
  const double dx = b.box.Center().x - a.box.Center().x;
  const double dy = std::abs(a.box.Center().y - b.box.Center().y);
  const double need = std::max(kDirectionMargin, 0.5 * dy);
  return Result(dx > kDirectionMargin && dx >= 0.5 * dy, need - dx, 0.5, [&] {
    return a.id + " centre is " + F(dx) + " m left of " + b.id + " centre (needs > " + F(need) +
           ")";
  });
}

E InFrontOf(const Body& a, const Body& b, bool behind, std::optional<double> distance_m) {
  if (distance_m) {
    const double gap = Gap(a.Foot(), b.Foot());
    return All({InFrontOf(a, b, behind), Result(gap <= *distance_m, gap - *distance_m, 0.5, [&] {
                  return a.id + " is " + F(gap) + " m from " + b.id + " (at most " +
                         F(*distance_m) + " m)";
                })});
  }
  const Vec2 v = a.Center2() - b.Center2();
  if (b.has_front) {
    const Vec2 f = FrontDirection(b.yaw_rad) * (behind ? -1.0 : 1.0);
    const double along = v.Dot(f);
    const double angle = AngleBetween(v, f);
    return Result(along > kDirectionMargin && angle <= DegToRad(45),
                  std::max(0.0, kDirectionMargin - along) + std::max(0.0, angle - DegToRad(45)),
                  0.5, [&] {
                    return a.id + " is " + F(along) + " m " + (behind ? "behind" : "in front of") +
                           " " + b.id + " at " + F(RadToDeg(angle)) + " deg off its " +
                           (behind ? "back" : "front") + " axis";
                  });
  }
  const double toward_viewer = behind ? v.y : -v.y;
  return Result(toward_viewer > kDirectionMargin, kDirectionMargin - toward_viewer, 0.5, [&] {
    return a.id + " is " + F(toward_viewer) + " m " + (behind ? "farther from" : "closer to") +
           " the viewer than " + b.id;
  });
}

// B's axes in the floor plane: its width axis and its front, with their half extents (from the
// world box, whose sides swap when B is turned a quarter).
struct Axes {
  Vec2 width, front;
  double half_width, half_depth;
};

Axes AxesOf(const Body& b) {
  Axes axes;
  axes.width = {std::cos(b.yaw_rad), std::sin(b.yaw_rad)};
  axes.front = FrontDirection(b.yaw_rad);
  const Rect2 f = b.Foot();
  const bool turned = std::abs(std::sin(b.yaw_rad)) > std::sqrt(0.5);
  const double hx = 0.5 * (f.max.x - f.min.x), hy = 0.5 * (f.max.y - f.min.y);
  axes.half_width = turned ? hy : hx;
  axes.half_depth = turned ? hx : hy;
  return axes;
}

// at_end (docs/RELATIONS_EXTRA.md): A near B, beyond one end of B's long axis (its depth axis
// when B has a front: the foot is the front end, the head the back end) and within B's width.
E AtEnd(const Body& a, const Body& b, const std::string& end) {
  const Axes axes = AxesOf(b);
  const bool depth_long = b.has_front || axes.half_depth >= axes.half_width;
  const Vec2 axis = depth_long ? axes.front : axes.width;
  const Vec2 across = depth_long ? axes.width : axes.front;
  const double half = depth_long ? axes.half_depth : axes.half_width;
  const double half_across = depth_long ? axes.half_width : axes.half_depth;
  const Vec2 v = a.Center2() - b.Center2();
  double along = v.Dot(axis);
  if (end == "head") along = -along;
  if (end.empty() || !b.has_front) along = std::abs(along);
  const double lateral = std::abs(v.Dot(across));
  const double gap = Gap(a.Foot(), b.Foot());
  const double short_by = std::max(0.0, half - kDirectionMargin - along);
  const double off_by = std::max(0.0, lateral - half_across);
  const double far_by = std::max(0.0, gap - 0.6);
  return Result(short_by <= 0 && off_by <= 0 && far_by <= 0, short_by + off_by + far_by, 0.5, [&] {
    return a.id + " is " + F(along - half) + " m beyond the " + (end.empty() ? "end" : end) +
           " of " + b.id + ", " + F(lateral) + " m off its axis (at most " + F(half_across) +
           "), " + F(gap) + " m away (at most 0.6)";
  });
}

// along_side (docs/RELATIONS_EXTRA.md): A near B, beside one of B's long (or short) sides and
// within that side's length.
E AlongSide(const Body& a, const Body& b, const std::string& side) {
  const Axes axes = AxesOf(b);
  const bool depth_long = axes.half_depth >= axes.half_width;
  // The long sides run along the long axis; A lies across the short axis from B's centre.
  Vec2 along_axis = depth_long ? axes.front : axes.width;
  Vec2 across_axis = depth_long ? axes.width : axes.front;
  double half_along = depth_long ? axes.half_depth : axes.half_width;
  double half_across = depth_long ? axes.half_width : axes.half_depth;
  if (side == "short") {
    std::swap(along_axis, across_axis);
    std::swap(half_along, half_across);
  }
  const Vec2 v = a.Center2() - b.Center2();
  const double out = std::abs(v.Dot(across_axis));
  const double within = std::abs(v.Dot(along_axis));
  const double gap = Gap(a.Foot(), b.Foot());
  const double short_by = std::max(0.0, half_across - kDirectionMargin - out);
  const double past_by = std::max(0.0, within - half_along);
  const double far_by = std::max(0.0, gap - 0.6);
  return Result(
      short_by <= 0 && past_by <= 0 && far_by <= 0, short_by + past_by + far_by, 0.5, [&] {
        return a.id + " is " + F(out - half_across) + " m out from the " +
               (side.empty() ? "long" : side) + " side of " + b.id + ", " + F(within - half_along) +
               " m past its end, " + F(gap) + " m away (at most 0.6)";
      });
}

// inside (docs/RELATIONS_EXTRA.md): A's centre within B's footprint and A's box between B's
// bottom and top.
E Inside(const Body& a, const Body& b) {
  const double out = OutsideDistance(b.Foot(), a.Center2());
  const double below = std::max(0.0, b.box.min.z - kContactEpsilon - a.box.min.z);
  const double above = std::max(0.0, a.box.max.z - b.box.max.z - kContactEpsilon);
  return Result(out <= 0 && below <= 0 && above <= 0, out + below + above, 0.3, [&] {
    return a.id + " centre is " + F(out) + " m outside " + b.id + "'s footprint, " + F(below) +
           " m below its bottom, " + F(above) + " m above its top";
  });
}

}  // namespace scenecraft::relation_tests
