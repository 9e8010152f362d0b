#include "scenecraft/layout/relations.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <set>

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/room.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using E = RelationEvaluation;

std::string F(double v) {
  return FormatNumber(v, 2);
}

// A pass/fail result with a violation; the score decays with the violation over `scale`.
// `reason` is a callable that words the failure; it runs only when the test fails, so the
// solver's many evaluations of passing relations build no strings.
template <typename Reason>
E Result(bool pass, double violation, double scale, Reason&& reason) {
  E e;
  e.pass = pass;
  e.violation = pass ? 0.0 : std::max(violation, 1e-6);
  e.score = pass ? 1.0 : 0.9 * std::exp(-e.violation / scale);
  if (!pass) e.reason = std::string(reason());
  return e;
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

using Wall = WallSegment;

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

E Near(const Body& a, const Body& b, std::optional<double> distance_m) {
  const double gap = Gap(a.Foot(), b.Foot());
  const double limit = distance_m.value_or(std::max(0.6, 0.3 * std::max(a.Size(), b.Size())));
  const bool collide = Collides(a, b);
  return Result(
      gap <= limit && !collide, std::max(0.0, gap - limit) + (collide ? 0.2 : 0.0), 0.5, [&] {
        return collide
                   ? a.id + " and " + b.id + " interpenetrate"
                   : a.id + " is " + F(gap) + " m from " + b.id + " (at most " + F(limit) + " m)";
      });
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

E InFrontOf(const Body& a, const Body& b, bool behind) {
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

// Ordered spacing along a best-fit line: returns max distance to the line and spacing CV.
std::pair<double, double> LineFit(const std::vector<Vec2>& pts) {
  const size_t n = pts.size();
  Vec2 mean;
  for (const Vec2& p : pts) mean = mean + p * (1.0 / n);
  double sxx = 0, sxy = 0, syy = 0;
  for (const Vec2& p : pts) {
    const Vec2 d = p - mean;
    sxx += d.x * d.x;
    sxy += d.x * d.y;
    syy += d.y * d.y;
  }
  const double angle = 0.5 * std::atan2(2 * sxy, sxx - syy);
  const Vec2 dir{std::cos(angle), std::sin(angle)};
  const Vec2 normal{-dir.y, dir.x};
  double worst = 0;
  std::vector<double> along;
  for (const Vec2& p : pts) {
    worst = std::max(worst, std::abs((p - mean).Dot(normal)));
    along.push_back((p - mean).Dot(dir));
  }
  std::sort(along.begin(), along.end());
  std::vector<double> gaps;
  for (size_t i = 1; i < along.size(); ++i) gaps.push_back(along[i] - along[i - 1]);
  double cv = 0;
  if (gaps.size() >= 2) {
    const double m = std::accumulate(gaps.begin(), gaps.end(), 0.0) / gaps.size();
    double var = 0;
    for (double g : gaps) var += (g - m) * (g - m);
    var /= gaps.size();
    cv = m > 1e-9 ? std::sqrt(var) / m : 1.0;
  }
  return {worst, cv};
}

E Row(const std::vector<const Body*>& bodies) {
  std::vector<Vec2> pts;
  for (const Body* b : bodies) pts.push_back(b->Center2());
  if (pts.size() < 3) return Result(true, 0, 1, [&] { return ""; });
  const auto [off, cv] = LineFit(pts);
  return Result(
      off <= 0.15 && cv <= 0.25, std::max(0.0, off - 0.15) + std::max(0.0, cv - 0.25), 0.3, [&] {
        return "centres are up to " + F(off) + " m off their line (at most 0.15), spacing varies " +
               F(cv * 100) + " % (at most 25 %)";
      });
}

// Groups values that lie within `tolerance` of their group's first member.
std::vector<std::vector<size_t>> GroupBy(const std::vector<double>& values, double tolerance) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<std::vector<size_t>> groups;
  for (size_t i : order) {
    if (groups.empty() || values[i] - values[groups.back().front()] > tolerance) {
      groups.push_back({});
    }
    groups.back().push_back(i);
  }
  return groups;
}

E Grid(const std::vector<const Body*>& bodies) {
  std::vector<double> xs, ys;
  for (const Body* b : bodies) {
    xs.push_back(b->box.Center().x);
    ys.push_back(b->box.Center().y);
  }
  const auto rows = GroupBy(ys, 0.3);
  const auto cols = GroupBy(xs, 0.3);
  int full_rows = 0, full_cols = 0;
  for (const auto& r : rows) full_rows += r.size() >= 2 ? 1 : 0;
  for (const auto& c : cols) full_cols += c.size() >= 2 ? 1 : 0;
  // Every member belongs to a row and a column of at least two.
  int lonely = 0;
  for (const auto& groups : {rows, cols}) {
    for (const auto& g : groups) lonely += g.size() < 2 ? static_cast<int>(g.size()) : 0;
  }
  double violation = 0;
  for (const auto& r : rows) {
    std::vector<const Body*> members;
    for (size_t i : r) members.push_back(bodies[i]);
    violation += Row(members).violation;
  }
  const bool pass = full_rows >= 2 && full_cols >= 2 && lonely == 0 && violation == 0.0;
  violation += (full_rows >= 2 ? 0 : 1.0) + (full_cols >= 2 ? 0 : 1.0) + 0.3 * lonely;
  return Result(pass, violation, 0.5, [&] {
    return std::to_string(full_rows) + " rows and " + std::to_string(full_cols) +
           " columns of at least two (needs 2 and 2, each row in line)";
  });
}

E Around(const std::vector<const Body*>& members, const Body& centre) {
  std::vector<E> parts;
  std::vector<double> angles;
  for (const Body* a : members) {
    const double gap = Gap(a->Foot(), centre.Foot());
    parts.push_back(Result(gap <= 1.0, gap - 1.0, 0.5, [&] {
      return a->id + " is " + F(gap) + " m from " + centre.id + " (at most 1)";
    }));
    if (a->has_front) {
      parts.push_back(Facing(*a, centre.Center2() - a->Center2(), centre.id, 45));
    }
    const Vec2 v = a->Center2() - centre.Center2();
    angles.push_back(std::atan2(v.y, v.x));
  }
  std::sort(angles.begin(), angles.end());
  if (angles.size() >= 3) {
    double largest = 0;
    for (size_t i = 0; i < angles.size(); ++i) {
      const double next = i + 1 < angles.size() ? angles[i + 1] : angles[0] + 2 * kPi;
      largest = std::max(largest, next - angles[i]);
    }
    parts.push_back(Result(largest <= kPi + 1e-9, largest - kPi, 1.0, [&] {
      return "members leave a gap of " + F(RadToDeg(largest)) + " deg around " + centre.id +
             " (at most 180)";
    }));
  } else if (angles.size() == 2) {
    const double between = YawDiff(angles[0], angles[1], 2 * kPi);
    parts.push_back(Result(between >= DegToRad(120), DegToRad(120) - between, 1.0, [&] {
      return "the two sit " + F(RadToDeg(between)) + " deg apart around " + centre.id +
             " (at least 120)";
    }));
  }
  return All(parts);
}

E Circle(const std::vector<const Body*>& bodies) {
  Vec2 mean;
  for (const Body* b : bodies) mean = mean + b->Center2() * (1.0 / bodies.size());
  std::vector<double> dist, angles;
  for (const Body* b : bodies) {
    const Vec2 v = b->Center2() - mean;
    dist.push_back(v.Norm());
    angles.push_back(std::atan2(v.y, v.x));
  }
  const double m = std::accumulate(dist.begin(), dist.end(), 0.0) / dist.size();
  double spread = 0;
  for (double d : dist) spread = std::max(spread, std::abs(d - m) / std::max(m, 1e-9));
  std::sort(angles.begin(), angles.end());
  double largest = 0;
  for (size_t i = 0; i < angles.size(); ++i) {
    const double next = i + 1 < angles.size() ? angles[i + 1] : angles[0] + 2 * kPi;
    largest = std::max(largest, next - angles[i]);
  }
  const double limit = 1.5 * 2 * kPi / bodies.size();
  return Result(spread <= 0.15 && largest <= limit,
                std::max(0.0, spread - 0.15) + std::max(0.0, largest - limit), 0.3, [&] {
                  return "distances to the centre vary " + F(spread * 100) +
                         " % (at most 15 %), largest gap " + F(RadToDeg(largest)) +
                         " deg (at most " + F(RadToDeg(limit)) + ")";
                });
}

E Symmetric(const Body& a1, const Body& a2, const Body& b) {
  const Vec2 axis{std::cos(b.yaw_rad), std::sin(b.yaw_rad)};  // B's width axis
  const double s1 = (a1.Center2() - b.Center2()).Dot(axis);
  const double s2 = (a2.Center2() - b.Center2()).Dot(axis);
  const double d1 = (a1.Center2() - b.Center2()).Norm();
  const double d2 = (a2.Center2() - b.Center2()).Norm();
  const bool opposite = s1 * s2 < 0;
  return Result(opposite && std::abs(d1 - d2) <= 0.15,
                (opposite ? 0.0 : std::min(std::abs(s1), std::abs(s2)) + 0.1) +
                    std::max(0.0, std::abs(d1 - d2) - 0.15),
                0.3, [&] {
                  return opposite ? a1.id + " and " + a2.id + " are " + F(d1) + " and " + F(d2) +
                                        " m from " + b.id + " (differ by at most 0.15)"
                                  : a1.id + " and " + a2.id + " are on the same side of " + b.id;
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

E Cluster(const std::vector<const Body*>& bodies) {
  const size_t n = bodies.size();
  std::vector<int> component(n);
  std::iota(component.begin(), component.end(), 0);
  std::function<int(int)> find = [&](int i) {
    return component[i] == i ? i : component[i] = find(component[i]);
  };
  double worst = 0;
  for (size_t i = 0; i < n; ++i) {
    double nearest = 1e9;
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const double g = Gap(bodies[i]->Foot(), bodies[j]->Foot());
      nearest = std::min(nearest, g);
      if (g <= 1.0) component[find(static_cast<int>(i))] = find(static_cast<int>(j));
    }
    worst = std::max(worst, nearest);
  }
  std::set<int> roots;
  for (size_t i = 0; i < n; ++i) roots.insert(find(static_cast<int>(i)));
  return Result(roots.size() == 1, std::max(0.0, worst - 1.0) + 0.5 * (roots.size() - 1), 0.5, [&] {
    return "the group falls into " + std::to_string(roots.size()) +
           " parts; the loneliest member is " + F(worst) + " m from the others";
  });
}

double Volume(const Body& b) {
  return b.box.Volume();
}

double Spearman(const std::vector<double>& a, const std::vector<double>& b) {
  auto ranks = [](const std::vector<double>& v) {
    std::vector<size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](size_t i, size_t j) { return v[i] < v[j]; });
    std::vector<double> r(v.size());
    for (size_t k = 0; k < idx.size(); ++k) r[idx[k]] = static_cast<double>(k);
    return r;
  };
  const auto ra = ranks(a), rb = ranks(b);
  const double n = static_cast<double>(a.size());
  double d2 = 0;
  for (size_t i = 0; i < a.size(); ++i) d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
  return 1.0 - 6.0 * d2 / (n * (n * n - 1.0));
}

}  // namespace

std::array<Vec2, 4> Body::FootCorners() const {
  const Rect2 f = Foot();
  if (local_size.x <= 0 || local_size.y <= 0) {
    return {f.min, Vec2{f.max.x, f.min.y}, f.max, Vec2{f.min.x, f.max.y}};
  }
  const Vec2 c = f.Center();
  const Vec2 u{std::cos(yaw_rad) * local_size.x / 2, std::sin(yaw_rad) * local_size.x / 2};
  const Vec2 v{-std::sin(yaw_rad) * local_size.y / 2, std::cos(yaw_rad) * local_size.y / 2};
  return {c - u - v, c + u - v, c + u + v, c - u + v};
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

RelationEvaluation EvaluateRelation(const Relation& r, const std::vector<const Body*>& bodies,
                                    const EvalContext& c) {
  SC_CHECK_EQ(bodies.size(), r.objects.size());
  for (const Body* b : bodies) SC_CHECK(b != nullptr);
  const Body& a = *bodies[0];
  const Body* ref = bodies.size() >= 2 ? bodies.back() : nullptr;
  switch (r.type) {
    case RelationType::kOn:
      return On(a, *ref);
    case RelationType::kUnder: {
      const double out = OutsideDistance(ref->Foot().Grown(0.1), a.Center2());
      const bool lower = a.box.max.z < ref->box.max.z;
      return Result(
          out <= 0 && lower, out + (lower ? 0 : a.box.max.z - ref->box.max.z + 0.01), 0.3, [&] {
            return a.id + " centre is " + F(out) + " m outside " + ref->id + "'s footprint" +
                   (lower ? "" : " and its top is not below " + ref->id + "'s top");
          });
    }
    case RelationType::kOnFloor:
      return Result(std::abs(a.box.min.z) <= kContactEpsilon,
                    std::abs(a.box.min.z) - kContactEpsilon, 0.2,
                    [&] { return a.id + " bottom is " + F(a.box.min.z) + " m above the floor"; });
    case RelationType::kAgainstWall:
    case RelationType::kOnWall: {
      const bool on_wall = r.type == RelationType::kOnWall;
      if (E room = NeedRoom(c, std::string(RelationTypeName(r.type))); !room.pass) return room;
      const auto named = r.args.Word("wall");
      double best = 1e9;
      std::string best_wall;
      std::vector<Wall> walls = Walls(*c.environment);
      if (named) {
        // A named side ("back") resolves to one wall of any floor plan.
        const Wall* w = FindWall(walls, *named);
        walls = w != nullptr ? std::vector<Wall>{*w} : std::vector<Wall>{};
      }
      for (const Wall& wall : walls) {
        double v = std::max(0.0, std::abs(DistanceToWall(a, wall)) - 0.05) + BeyondWall(a, wall);
        if (a.has_front) {
          const double angle = AngleBetween(FrontDirection(a.yaw_rad), wall.inward);
          v += std::max(0.0, angle - DegToRad(45)) * 0.5;
        }
        if (v < best) {
          best = v;
          best_wall = wall.name;
        }
      }
      if (on_wall) best += std::max(0.0, 0.5 - a.box.min.z);
      return Result(best <= 0.0, best, 0.3, [&] {
        return a.id + " is not " + (on_wall ? "on" : "against") + " a wall: nearest (" + best_wall +
               ") misses by " + F(best) + " m" +
               (on_wall ? " (and needs a bottom of at least 0.5 m)" : "");
      });
    }
    case RelationType::kInCorner: {
      if (E room = NeedRoom(c, "in_corner"); !room.pass) return room;
      // Two walls at right angles (within 10 degrees), each within 0.10 m.
      const std::vector<Wall> walls = Walls(*c.environment);
      double best = 1e18, dx = 0, dy = 0;
      for (size_t i = 0; i < walls.size(); ++i) {
        for (size_t j = i + 1; j < walls.size(); ++j) {
          if (std::abs(walls[i].inward.Dot(walls[j].inward)) > std::sin(DegToRad(10))) continue;
          const double di = DistanceToWall(a, walls[i]), dj = DistanceToWall(a, walls[j]);
          const double v = std::max(0.0, di - 0.10) + std::max(0.0, dj - 0.10) +
                           BeyondWall(a, walls[i]) + BeyondWall(a, walls[j]);
          if (v < best) {
            best = v;
            dx = di;
            dy = dj;
          }
        }
      }
      return Result(best <= 0, best, 0.3, [&] {
        return a.id + " is " + F(dx) + " and " + F(dy) + " m from the two nearest walls " +
               "(at most 0.10 each)";
      });
    }
    case RelationType::kHanging: {
      const double ceiling =
          c.environment != nullptr && c.environment->IsRoom() ? c.environment->size.z : a.box.max.z;
      const double d = std::abs(a.box.max.z - ceiling);
      return Result(d <= 0.05, d - 0.05, 0.2, [&] {
        return a.id + " top is " + F(d) + " m from the ceiling (at most 0.05)";
      });
    }
    case RelationType::kCenter: {
      const Vec3 size = c.environment != nullptr ? c.environment->size : Vec3{10, 10, 0};
      const Vec2 p = a.Center2();
      const double vx = std::max(0.0, std::abs(p.x) - 0.15 * size.x);
      const double vy = std::max(0.0, std::abs(p.y) - 0.15 * size.y);
      return Result(vx + vy <= 0, vx + vy, 0.3, [&] {
        return a.id + " centre is at " + p.ToString() + ", off the middle by more than 15 %";
      });
    }
    case RelationType::kInsideRoom: {
      const bool inside = c.environment == nullptr || InsideRoom(a, *c.environment);
      double v = 0;
      if (!inside) {
        const Rect2 floor = c.environment->FloorRect();
        const Rect2 f = a.Foot();
        v = c.environment->floor_polygon_m.empty()
                ? std::max({0.0, floor.min.x - f.min.x, f.max.x - floor.max.x}) +
                      std::max({0.0, floor.min.y - f.min.y, f.max.y - floor.max.y})
                : QuadOutsideDepth(c.environment->floor_polygon_m, a.FootCorners());
      }
      return Result(inside, v, 0.2, [&] { return a.id + " leaves the room by " + F(v) + " m"; });
    }
    case RelationType::kNear:
      return Near(a, *ref, r.args.Number("distance_m"));
    case RelationType::kFar: {
      const double gap = Gap(a.Foot(), ref->Foot());
      const double limit = r.args.Number("distance_m").value_or(2.0);
      return Result(gap >= limit, limit - gap, 1.0, [&] {
        return a.id + " is " + F(gap) + " m from " + ref->id + " (at least " + F(limit) + ")";
      });
    }
    case RelationType::kLeftOf:
      return LeftOf(a, *ref);
    case RelationType::kRightOf: {
      E e = LeftOf(*ref, a);
      if (!e.pass) {
        const double dx = a.box.Center().x - ref->box.Center().x;
        e.reason = a.id + " centre is " + F(dx) + " m right of " + ref->id + " centre";
      }
      return e;
    }
    case RelationType::kInFrontOf:
      return InFrontOf(a, *ref, /*behind=*/false);
    case RelationType::kBehind:
      return InFrontOf(a, *ref, /*behind=*/true);
    case RelationType::kAbove: {
      const double dz = std::max(0.0, ref->box.max.z - kContactEpsilon - a.box.min.z);
      const double out = OutsideDistance(ref->Foot().Grown(0.25), a.Center2());
      return Result(dz <= 0 && out <= 0, dz + out, 0.3, [&] {
        return a.id + " bottom is " + F(dz) + " m too low or its centre " + F(out) + " m outside " +
               ref->id + "'s footprint";
      });
    }
    case RelationType::kBetween: {
      const Vec2 p = a.Center2(), b0 = bodies[1]->Center2(), b1 = bodies[2]->Center2();
      const Vec2 seg = b1 - b0;
      const double len2 = std::max(seg.Dot(seg), 1e-12);
      const double t = (p - b0).Dot(seg) / len2;
      const double dist = std::abs(seg.Cross(p - b0)) / std::sqrt(len2);
      const double limit = std::max(0.5, 0.25 * std::sqrt(len2));
      const double v =
          std::max({0.0, 0.2 - t, t - 0.8}) * std::sqrt(len2) + std::max(0.0, dist - limit);
      return Result(v <= 0, v, 0.3, [&] {
        return a.id + " lies at " + F(t * 100) + " % of the way from " + bodies[1]->id + " to " +
               bodies[2]->id + ", " + F(dist) + " m off the line (20-80 %, at most " + F(limit) +
               " m)";
      });
    }
    case RelationType::kAcross: {
      const double gap = Gap(a.Foot(), ref->Foot());
      return All({Facing(a, ref->Center2() - a.Center2(), ref->id, 30),
                  Facing(*ref, a.Center2() - ref->Center2(), a.id, 30),
                  Result(gap >= 0.5, 0.5 - gap, 0.3, [&] {
                    return a.id + " and " + ref->id + " are only " + F(gap) + " m apart";
                  })});
    }
    case RelationType::kFacing:
      return Facing(a, ref->Center2() - a.Center2(), ref->id, 30);
    case RelationType::kFacingAway:
      return Facing(a, a.Center2() - ref->Center2(), "away from " + ref->id, 30);
    case RelationType::kParallel:
    case RelationType::kSameOrientation: {
      const double period = r.type == RelationType::kParallel ? kPi : 2 * kPi;
      double worst = 0;
      for (size_t i = 0; i < bodies.size(); ++i) {
        for (size_t j = i + 1; j < bodies.size(); ++j) {
          worst = std::max(worst, YawDiff(bodies[i]->yaw_rad, bodies[j]->yaw_rad, period));
        }
      }
      return Result(worst <= DegToRad(10), worst - DegToRad(10), 0.3, [&] {
        return "turns differ by up to " + F(RadToDeg(worst)) + " deg (at most 10)";
      });
    }
    case RelationType::kPerpendicular: {
      const double d = YawDiff(a.yaw_rad, bodies[1]->yaw_rad, kPi);
      const double off = std::abs(d - kPi / 2);
      return Result(off <= DegToRad(10), off - DegToRad(10), 0.3, [&] {
        return a.id + " and " + bodies[1]->id + " are " + F(RadToDeg(d)) + " deg apart (90 +- 10)";
      });
    }
    case RelationType::kAround:
      return Around({bodies.begin(), bodies.end() - 1}, *ref);
    case RelationType::kRow:
      return Row(bodies);
    case RelationType::kAligned: {
      double spread_x = 0, spread_y = 0, spread_z = 0;
      auto range = [&](auto get) {
        double lo = 1e18, hi = -1e18;
        for (const Body* b : bodies) {
          lo = std::min(lo, get(*b));
          hi = std::max(hi, get(*b));
        }
        return hi - lo;
      };
      spread_x = range([](const Body& b) { return b.box.Center().x; });
      spread_y = range([](const Body& b) { return b.box.Center().y; });
      spread_z = range([](const Body& b) { return b.box.Center().z; });
      const auto axis = r.args.Word("axis");
      const double spread = axis == "x"   ? spread_x
                            : axis == "y" ? spread_y
                            : axis == "z" ? spread_z
                                          : std::min(spread_x, spread_y);
      return Result(spread <= 0.10, spread - 0.10, 0.2, [&] {
        return "centres spread " + F(spread) + " m along the aligned axis (at most 0.10)";
      });
    }
    case RelationType::kGrid:
      return Grid(bodies);
    case RelationType::kCircle:
      return Circle(bodies);
    case RelationType::kSymmetric:
      return Symmetric(*bodies[0], *bodies[1], *bodies[2]);
    case RelationType::kStack: {
      std::vector<E> parts;
      for (size_t i = 0; i + 1 < bodies.size(); ++i)
        parts.push_back(On(*bodies[i + 1], *bodies[i]));
      return All(parts);
    }
    case RelationType::kCluster:
      return Cluster(bodies);
    case RelationType::kLarger:
      return Result(Volume(a) > Volume(*ref), Volume(*ref) - Volume(a) + 1e-3, 0.1, [&] {
        return a.id + " (" + F(Volume(a)) + " m3) is not larger than " + ref->id + " (" +
               F(Volume(*ref)) + " m3)";
      });
    case RelationType::kTaller: {
      const double ha = a.box.Size().z, hb = ref->box.Size().z;
      return Result(ha > hb, hb - ha + 1e-3, 0.1, [&] {
        return a.id + " (" + F(ha) + " m) is not taller than " + ref->id + " (" + F(hb) + " m)";
      });
    }
    case RelationType::kHierarchy: {
      double v = 0;
      for (size_t i = 0; i + 1 < bodies.size(); ++i) {
        v += std::max(0.0, Volume(*bodies[i + 1]) - Volume(*bodies[i]) + 1e-6);
      }
      return Result(v <= 0, v, 0.05, [&] { return "volumes do not decrease in the stated order"; });
    }
    case RelationType::kScaling: {
      std::vector<double> size, distance;
      for (const Body* b : bodies) {
        size.push_back(Volume(*b));
        distance.push_back(c.camera != nullptr ? (b->box.Center() - c.camera->position).Norm()
                                               : b->box.Center().y);
      }
      const double rho = bodies.size() >= 2 ? Spearman(size, distance) : -1.0;
      return Result(rho <= -0.8, rho + 0.8, 0.5, [&] {
        return "size against distance has Spearman rho " + F(rho) + " (at most -0.8)";
      });
    }
    case RelationType::kInside:
      return Inside(a, *ref);
    case RelationType::kAtEnd:
      return AtEnd(a, *ref, r.args.Word("end").value_or(""));
    case RelationType::kAlongSide:
      return AlongSide(a, *ref, r.args.Word("side").value_or("long"));
    case RelationType::kOverlap: {
      const double smaller = std::min(a.Foot().Area(), ref->Foot().Area());
      const double share = smaller > 0 ? IntersectionArea(a.Foot(), ref->Foot()) / smaller : 0.0;
      const bool below = a.box.max.z < ref->box.max.z;
      return Result(share >= 0.3 && below, std::max(0.0, 0.3 - share) + (below ? 0 : 0.1), 0.2,
                    [&] {
                      return a.id + " covers " + F(share * 100) +
                             " % of the smaller footprint (at least 30 %)" +
                             (below ? "" : " and is not below " + ref->id + "'s top");
                    });
    }
  }
  return Result(false, 1, 1, [&] { return "unknown relation"; });
}

}  // namespace scenecraft
