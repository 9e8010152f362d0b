#include "scenecraft/layout/access.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/room.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

constexpr double kSideInsetM = 0.05;  // a zone is this much narrower than its side at each end
constexpr double kHeadShare = 0.3;    // a long side's zone leaves this share at the head end
constexpr double kStepM = 0.05;       // the critic's measuring step
constexpr double kToleranceM = 0.02;  // overlaps below this do not block

// Projections of a quad onto an axis.
std::pair<double, double> Project(const Quad& q, const Vec2& axis) {
  double lo = 1e18, hi = -1e18;
  for (const Vec2& p : q) {
    const double t = p.Dot(axis);
    lo = std::min(lo, t);
    hi = std::max(hi, t);
  }
  return {lo, hi};
}

}  // namespace

Quad AccessZone(const Body& body, int side, double depth_m) {
  const std::array<Vec2, 4> c = body.FootCorners();  // c0 -u-v, c1 +u-v, c2 +u+v, c3 -u+v
  const Vec2 u = (c[1] - c[0]) * 0.5, v = (c[3] - c[0]) * 0.5;  // half width, half depth
  const double nu = u.Norm(), nv = v.Norm();
  const Vec2 uh = nu > 0 ? u * (1 / nu) : Vec2{1, 0}, vh = nv > 0 ? v * (1 / nv) : Vec2{0, 1};
  if (side == 0) {
    // The front is the -v side (yaw 0 faces -Y).
    const Vec2 a = c[0] + uh * kSideInsetM, b = c[1] - uh * kSideInsetM;
    return {a - vh * depth_m, b - vh * depth_m, b, a};
  }
  // Left (-u) or right (+u): from the foot (front) end, leaving the head end.
  const double sign = side == 1 ? -1.0 : 1.0;
  const Vec2 edge_front = side == 1 ? c[0] : c[1];
  const Vec2 a = edge_front + vh * kSideInsetM;
  const Vec2 b = edge_front + vh * (2 * nv * (1 - kHeadShare));
  const Vec2 out = uh * (sign * depth_m);
  return side == 1 ? Quad{a + out, a, b, b + out} : Quad{a, a + out, b + out, b};
}

std::vector<int> AccessSides(const Body& body) {
  if (body.access_m <= 0) return {};
  if (!body.access_long_side) return {0};
  return {1, 2};
}

double Penetration(const Quad& a, const Quad& b) {
  double least = 1e18;
  for (const Quad* q : {&a, &b}) {
    for (int k = 0; k < 2; ++k) {
      Vec2 axis = (*q)[k + 1] - (*q)[k];
      const double n = axis.Norm();
      if (n < 1e-12) continue;
      axis = axis * (1 / n);
      const auto [a0, a1] = Project(a, axis);
      const auto [b0, b1] = Project(b, axis);
      const double overlap = std::min(a1, b1) - std::max(a0, b0);
      if (overlap <= 0) return 0.0;
      least = std::min(least, overlap);
    }
  }
  return least >= 1e17 ? 0.0 : least;
}

bool CanBlockAccess(const Body& body, const Body& other) {
  return other.id != body.id && other.box.min.z < 0.5 && !IsFlatCovering(other.category) &&
         other.category != "door clearance";
}

std::string AccessCheck::ToString() const {
  std::string out = id + ": " + FormatNumber(free_m, 2) + " m clear " +
                    (side.empty() ? "" : "at its " + side) + " (needs " + FormatNumber(need_m, 2) +
                    " m)";
  if (!pass) out += blocked_by.empty() ? ", stopped by the wall" : ", blocked by " + blocked_by;
  return out;
}

AccessCheck MeasureAccess(const Body& body, const std::vector<const Body*>& others,
                          const Environment& environment) {
  AccessCheck best;
  best.id = body.id;
  best.need_m = body.access_m;
  best.free_m = -1;
  const std::vector<Vec2> floor =
      environment.IsRoom() ? environment.FloorPolygon() : std::vector<Vec2>{};
  for (int side : AccessSides(body)) {
    double free = 0;
    std::string blocker;
    for (double d = kStepM; d <= body.access_m + 1e-9; d += kStepM) {
      const Quad zone = AccessZone(body, side, d);
      if (!floor.empty() && QuadOutsideDepth(floor, zone) > kToleranceM) {
        blocker.clear();
        break;
      }
      const Body* hit = nullptr;
      for (const Body* o : others) {
        if (CanBlockAccess(body, *o) && Penetration(zone, o->FootCorners()) > kToleranceM) {
          hit = o;
          break;
        }
      }
      if (hit != nullptr) {
        blocker = hit->id;
        break;
      }
      free = d;
    }
    if (free > best.free_m) {
      best.free_m = free;
      best.side = side == 0 ? "front" : side == 1 ? "left side" : "right side";
      best.blocked_by = blocker;
    }
  }
  if (best.free_m < 0) best.free_m = 0;
  best.pass = best.free_m >= body.access_m - 1e-9;
  if (best.pass) best.blocked_by.clear();
  return best;
}

}  // namespace scenecraft
