#include "scenecraft/core/room.h"

#include <cmath>
#include <set>

#include "scenecraft/util/strings.h"

namespace scenecraft {

Vec2 WallSegment::Direction() const {
  const Vec2 d = b - a;
  const double n = d.Norm();
  return n > 0 ? d * (1.0 / n) : Vec2{1.0, 0.0};
}

Vec2 WallSegment::PointAt(double offset_m) const {
  return (a + b) * 0.5 + Direction() * offset_m;
}

std::string WallSegment::ToString() const {
  return name + " wall " + a.ToString() + " to " + b.ToString();
}

std::vector<WallSegment> RoomWalls(const Environment& environment) {
  if (!environment.IsRoom()) return {};
  if (!environment.floor_polygon_m.empty()) {
    // One wall per edge, named in order; the polygon runs counter-clockwise, so the room lies
    // to the left of every edge.
    const std::vector<Vec2>& p = environment.floor_polygon_m;
    std::vector<WallSegment> walls;
    for (size_t i = 0; i < p.size(); ++i) {
      WallSegment w{"wall_" + std::to_string(i + 1), p[i], p[(i + 1) % p.size()], {}};
      const Vec2 d = w.Direction();
      w.inward = {-d.y, d.x};
      walls.push_back(std::move(w));
    }
    return walls;
  }
  const Rect2 f = environment.FloorRect();
  return {
      {"back", {f.min.x, f.max.y}, {f.max.x, f.max.y}, {0.0, -1.0}},
      {"right", {f.max.x, f.min.y}, {f.max.x, f.max.y}, {-1.0, 0.0}},
      {"front", {f.min.x, f.min.y}, {f.max.x, f.min.y}, {0.0, 1.0}},
      {"left", {f.min.x, f.min.y}, {f.min.x, f.max.y}, {1.0, 0.0}},
  };
}

const WallSegment* FindWall(const std::vector<WallSegment>& walls, std::string_view name) {
  for (const WallSegment& w : walls) {
    if (w.name == name) return &w;
  }
  if (name == "long" || name == "short") {
    const WallSegment* best = nullptr;
    for (const WallSegment& w : walls) {
      const bool better = best == nullptr || (name == "long" ? w.Length() > best->Length() + 1e-9
                                                             : w.Length() < best->Length() - 1e-9);
      if (better) best = &w;
    }
    return best;
  }
  // The sides of the view name the walls of any floor plan: the longest wall facing that way
  // (its inward normal within 45 degrees of the side's), the outermost among equals.
  const Vec2 inward = name == "back"    ? Vec2{0, -1}
                      : name == "front" ? Vec2{0, 1}
                      : name == "left"  ? Vec2{1, 0}
                      : name == "right" ? Vec2{-1, 0}
                                        : Vec2{};
  if (inward.Norm() == 0) return nullptr;
  const WallSegment* best = nullptr;
  double best_score = -1e18;
  for (const WallSegment& w : walls) {
    if (w.inward.Dot(inward) < std::cos(kPi / 4) - 1e-9) continue;
    const double score = w.Length() - 0.01 * w.a.Dot(inward);
    if (score > best_score) {
      best_score = score;
      best = &w;
    }
  }
  return best;
}

const WallSegment* ResolveWall(const Environment& environment,
                               const std::vector<WallSegment>& walls, std::string_view name) {
  const auto wall_of = [&](std::string_view kind) -> const WallSegment* {
    for (const Opening& o : environment.openings) {
      if (o.kind == kind && !o.wall.empty()) return FindWall(walls, o.wall);
    }
    return nullptr;
  };
  if (name == "window" || name == "door") {
    const WallSegment* w = wall_of(name);
    // The same wall among `walls` (which may be a subset of the room's).
    for (const WallSegment& c : walls) {
      if (w != nullptr && c.name == w->name) return &c;
    }
    return nullptr;
  }
  if (name == "opposite_door") {
    const WallSegment* door = wall_of("door");
    if (door == nullptr) return nullptr;
    const WallSegment* best = nullptr;
    for (const WallSegment& w : walls) {
      if (w.inward.Dot(door->inward) > -std::cos(kPi / 4) + 1e-9) continue;
      if (best == nullptr || w.Length() > best->Length() + 1e-9) best = &w;
    }
    return best;
  }
  // An opening's id: the wall it is in ("window_2").
  for (const Opening& o : environment.openings) {
    if (o.id != name) continue;
    for (const WallSegment& c : walls) {
      if (!o.wall.empty() && c.name == o.wall) return &c;
    }
    return nullptr;
  }
  return FindWall(walls, name);
}

const Opening* FindOpening(const Environment& environment, std::string_view id) {
  for (const Opening& o : environment.openings) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

void AssignOpeningIds(SceneGraph* graph) {
  std::set<std::string> taken;
  for (const Object& o : graph->objects) taken.insert(o.id);
  for (const Opening& o : graph->environment.openings) {
    if (!o.id.empty()) taken.insert(o.id);
  }
  for (Opening& o : graph->environment.openings) {
    if (!o.id.empty()) continue;
    const std::string stem = o.kind.empty() ? "opening" : o.kind;
    for (int n = 1;; ++n) {
      std::string id = stem + "_" + std::to_string(n);
      if (taken.insert(id).second) {
        o.id = std::move(id);
        break;
      }
    }
  }
}

std::optional<Object> OpeningObject(const Environment& environment, const Opening& opening) {
  if (opening.wall.empty()) return std::nullopt;
  const std::vector<WallSegment> walls = RoomWalls(environment);
  const WallSegment* wall = FindWall(walls, opening.wall);
  if (wall == nullptr) return std::nullopt;
  Object o;
  o.id = opening.id;
  o.category = opening.kind;
  o.size = {opening.width_m, kOpeningDepthM, opening.height_m};
  o.has_front = true;
  o.support = opening.kind == "window" ? Support::kWall : Support::kFloor;
  const Vec2 c = wall->PointAt(opening.offset_m) + wall->inward * (0.5 * kOpeningDepthM);
  o.pose = Pose{c.x, c.y, opening.sill_m, YawFacing(wall->inward)};
  o.pose_fixed = true;
  return o;
}

namespace {

// Free space kept beside a corner and between two openings (a door frame, a window reveal).
constexpr double kCornerMarginM = 0.15;
constexpr double kOpeningGapM = 0.3;

// The free stretches [u0, u1] of a wall (offsets from its middle) after removing the openings
// already in it, each grown by the gap kept between openings.
std::vector<std::pair<double, double>> FreeStretches(const Environment& env,
                                                     const WallSegment& wall) {
  const double half = wall.Length() / 2 - kCornerMarginM;
  std::vector<std::pair<double, double>> free{{-half, half}};
  for (const Opening& o : env.openings) {
    if (o.wall != wall.name) continue;
    const double lo = o.offset_m - o.width_m / 2 - kOpeningGapM;
    const double hi = o.offset_m + o.width_m / 2 + kOpeningGapM;
    std::vector<std::pair<double, double>> next;
    for (const auto& [u0, u1] : free) {
      if (lo > u0) next.push_back({u0, std::min(u1, lo)});
      if (hi < u1) next.push_back({std::max(u0, hi), u1});
    }
    free = std::move(next);
  }
  return free;
}

}  // namespace

void PlaceOpenings(Environment* environment) {
  const std::vector<WallSegment> walls = RoomWalls(*environment);
  for (Opening& opening : environment->openings) {
    if (!opening.wall.empty()) continue;
    // Best so far: a seen wall first, then the longer stretch.
    std::pair<bool, double> best{false, -1.0};
    for (const WallSegment& wall : walls) {
      for (const auto& [u0, u1] : FreeStretches(*environment, wall)) {
        // A wall facing the default camera (its inward normal along +Y) is not built.
        const std::pair<bool, double> rank{wall.inward.y < 0.7, u1 - u0};
        if (rank.second < opening.width_m || rank <= best) continue;
        best = rank;
        opening.wall = wall.name;
        opening.offset_m = (u0 + u1) / 2;
      }
    }
  }
}

bool EnsureDoor(Environment* environment) {
  if (!environment->IsRoom()) return false;
  for (const Opening& o : environment->openings) {
    if (o.kind == "door") return false;
  }
  Opening door;
  door.kind = "door";
  door.width_m = 0.9;
  door.height_m = 2.05;
  environment->openings.push_back(door);
  return true;
}

int AddRoomTypeWindows(Environment* environment, const RoomTypeWindows& row) {
  if (!environment->IsRoom()) return 0;
  for (int k = 0; k < row.windows; ++k) {
    Opening window;
    window.kind = "window";
    window.width_m = row.width_m;
    window.height_m = row.height_m;
    window.sill_m = row.sill_m;
    environment->openings.push_back(window);
  }
  return row.windows;
}

std::vector<Object> OpeningObjects(const Environment& environment) {
  std::vector<Object> out;
  for (const Opening& opening : environment.openings) {
    if (auto o = OpeningObject(environment, opening)) out.push_back(std::move(*o));
  }
  return out;
}

std::string DoorClearanceId(const std::string& door_id) {
  return door_id + ".clearance";
}

std::optional<Object> DoorClearanceObject(const Environment& environment, const Opening& opening) {
  if (opening.kind != "door") return std::nullopt;
  std::optional<Object> door = OpeningObject(environment, opening);
  if (!door) return std::nullopt;
  const WallSegment* wall = FindWall(RoomWalls(environment), opening.wall);
  const double depth = kDoorSwingDepthFactor * opening.width_m;
  Object o = std::move(*door);
  o.id = DoorClearanceId(opening.id);
  o.category = "door clearance";
  o.size = {opening.width_m, depth, 2.0};
  o.support = Support::kFloor;
  const Vec2 c = wall->PointAt(opening.offset_m) + wall->inward * (kOpeningDepthM + depth / 2);
  o.pose = Pose{c.x, c.y, 0.0, YawFacing(wall->inward)};
  return o;
}

std::vector<Object> DoorClearanceObjects(const Environment& environment) {
  std::vector<Object> out;
  for (const Opening& opening : environment.openings) {
    if (auto o = DoorClearanceObject(environment, opening)) out.push_back(std::move(*o));
  }
  return out;
}

}  // namespace scenecraft
