#include "scenecraft/layout/navigability.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/room.h"
#include "scenecraft/layout/access.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

double DistanceToRect(const Vec2& p, const Rect2& r) {
  const double dx = std::max({r.min.x - p.x, 0.0, p.x - r.max.x});
  const double dy = std::max({r.min.y - p.y, 0.0, p.y - r.max.y});
  return std::hypot(dx, dy);
}

}  // namespace

void NavigabilityOptions::Check() const {
  if (!(walker_width_m > 0 && walker_width_m < 2)) throw Error("navigability: walker 0 to 2 m");
  if (!(cell_m >= 0.01 && cell_m <= 0.5)) throw Error("navigability: cell 0.01 to 0.5 m");
  if (!(reach_m >= 0 && reach_m <= 2)) throw Error("navigability: reach 0 to 2 m");
}

std::string Navigability::ToString() const {
  if (!measured) return "not measured (no room or no placed door)";
  std::string out = FormatNumber(reachable_share * 100, 1) + " % of the free floor reachable";
  if (!unreachable.empty()) out += "; not reachable: " + Join(unreachable, ", ");
  return out;
}

Navigability MeasureNavigability(const Environment& environment,
                                 const std::vector<const Body*>& bodies,
                                 const NavigabilityOptions& options) {
  options.Check();
  Navigability nav;
  if (!environment.IsRoom()) return nav;
  const std::vector<Object> doors = [&] {
    std::vector<Object> out;
    for (const Object& o : OpeningObjects(environment)) {
      if (o.category == "door") out.push_back(o);
    }
    return out;
  }();
  if (doors.empty()) return nav;
  nav.measured = true;
  // 1. The floor as cells a walker's centre may occupy: on the floor, half a walker from the
  //    walls and from every obstacle.
  const double r = options.walker_width_m / 2;
  std::vector<std::string> opening_ids;
  for (const Opening& o : environment.openings) {
    opening_ids.push_back(o.id);
    opening_ids.push_back(DoorClearanceId(o.id));
  }
  std::vector<const Body*> obstacles;
  for (const Body* b : bodies) {
    if (IsFlatCovering(b->category) || b->box.min.z >= 1.5) continue;
    if (std::find(opening_ids.begin(), opening_ids.end(), b->id) != opening_ids.end()) continue;
    obstacles.push_back(b);
  }
  const std::vector<Vec2> floor = environment.FloorPolygon();
  const Rect2 bounds = environment.FloorRect();
  const double cell = options.cell_m;
  const int nx = std::max(1, static_cast<int>(std::ceil(bounds.Width() / cell)));
  const int ny = std::max(1, static_cast<int>(std::ceil(bounds.Depth() / cell)));
  auto centre = [&](int x, int y) {
    return Vec2{bounds.min.x + (x + 0.5) * cell, bounds.min.y + (y + 0.5) * cell};
  };
  std::vector<char> free(static_cast<size_t>(nx) * ny, 0);
  int free_count = 0;
  for (int y = 0; y < ny; ++y) {
    for (int x = 0; x < nx; ++x) {
      const Vec2 p = centre(x, y);
      if (!Contains(floor, p) || DistanceToBoundary(floor, p) < r) continue;
      bool blocked = false;
      for (const Body* b : obstacles) {
        if (DistanceToRect(p, b->Foot()) < r) {
          blocked = true;
          break;
        }
      }
      if (blocked) continue;
      free[static_cast<size_t>(y) * nx + x] = 1;
      ++free_count;
    }
  }
  // 2. Flood from the free cells just inside each door.
  std::vector<char> reached(free.size(), 0);
  std::deque<int> queue;
  for (const Object& door : doors) {
    const Vec2 inward = FrontDirection(door.pose->yaw_rad);
    const Vec2 start = Vec2{door.pose->x, door.pose->y} + inward * (r + 0.1);
    // The nearest free cell within a door's half width of the threshold.
    int best = -1;
    double best_d = door.size.x / 2 + cell;
    for (int y = 0; y < ny; ++y) {
      for (int x = 0; x < nx; ++x) {
        const int k = y * nx + x;
        if (!free[k]) continue;
        const double d = (centre(x, y) - start).Norm();
        if (d < best_d) {
          best_d = d;
          best = k;
        }
      }
    }
    if (best >= 0 && !reached[best]) {
      reached[best] = 1;
      queue.push_back(best);
    }
  }
  int reached_count = static_cast<int>(queue.size());
  while (!queue.empty()) {
    const int k = queue.front();
    queue.pop_front();
    const int x = k % nx, y = k / nx;
    const int next[4][2] = {{x + 1, y}, {x - 1, y}, {x, y + 1}, {x, y - 1}};
    for (const auto& n : next) {
      if (n[0] < 0 || n[0] >= nx || n[1] < 0 || n[1] >= ny) continue;
      const int m = n[1] * nx + n[0];
      if (!free[m] || reached[m]) continue;
      reached[m] = 1;
      ++reached_count;
      queue.push_back(m);
    }
  }
  nav.reachable_share = free_count > 0 ? static_cast<double>(reached_count) / free_count : 0.0;
  // 3. Objects people use from their front, standing on the floor: some reached cell lies within
  //    reach of the object's footprint; for an object with access (layout/access.h) the walkway
  //    must lead into its access zone (in front of a wardrobe, beside a bed), not just near it.
  for (const Body* b : obstacles) {
    if ((!b->has_front && b->access_m <= 0) || b->box.min.z > 0.05) continue;
    std::vector<Polygon2> zones;
    for (int side : AccessSides(*b)) {
      const Quad q = AccessZone(*b, side, std::max(b->access_m, r + cell));
      zones.push_back(Polygon2(q.begin(), q.end()));
    }
    const auto in_zone = [&](const Vec2& p) {
      if (zones.empty()) return DistanceToRect(p, b->Foot()) <= r + options.reach_m;
      return std::any_of(zones.begin(), zones.end(),
                         [&](const Polygon2& z) { return Contains(CounterClockwise(z), p); });
    };
    const Rect2 near = b->Foot().Expanded(r + std::max(options.reach_m, b->access_m));
    bool ok = false;
    const int x0 = std::max(0, static_cast<int>((near.min.x - bounds.min.x) / cell));
    const int x1 = std::min(nx - 1, static_cast<int>((near.max.x - bounds.min.x) / cell));
    const int y0 = std::max(0, static_cast<int>((near.min.y - bounds.min.y) / cell));
    const int y1 = std::min(ny - 1, static_cast<int>((near.max.y - bounds.min.y) / cell));
    for (int y = y0; y <= y1 && !ok; ++y) {
      for (int x = x0; x <= x1 && !ok; ++x) {
        ok = reached[static_cast<size_t>(y) * nx + x] && in_zone(centre(x, y));
      }
    }
    if (!ok) nav.unreachable.push_back(b->id);
  }
  return nav;
}

}  // namespace scenecraft
