// Relation tests against the room: walls (named or any), corners, ceiling, middle, floor.
#include <algorithm>
#include <cmath>

#include "scenecraft/core/polygon.h"
#include "scenecraft/layout/relation_tests.h"

namespace scenecraft::relation_tests {

std::optional<E> EvaluateRoomRelation(const Relation& r, const Body& a, const EvalContext& c) {
  switch (r.type) {
    case RelationType::kAgainstWall:
    case RelationType::kOnWall: {
      const bool on_wall = r.type == RelationType::kOnWall;
      if (E room = NeedRoom(c, std::string(RelationTypeName(r.type))); !room.pass) return room;
      const auto named = r.args.Word("wall");
      double best = 1e9;
      std::string best_wall;
      std::vector<Wall> walls = Walls(*c.environment);
      if (named) {
        // A named wall ("back", "long", "window", "opposite_door") resolves to one wall of any
        // floor plan (core/room.h).
        const Wall* w = ResolveWall(*c.environment, walls, *named);
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
    default:
      return std::nullopt;
  }
}

}  // namespace scenecraft::relation_tests
