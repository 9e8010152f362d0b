#include "scenecraft/agent/room_fit.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/core/polygon.h"
#include "scenecraft/layout/relations.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// How many times its planned height a room's ceiling may rise to clear what stands in it.
constexpr double kCeilingRise = 2.0;

// The objects that stand on the room's floor by themselves: floor things no relation puts on,
// in, on a wall or hanging from something (what stands on them needs no floor of its own), and
// no flat covering that others stand on.
std::vector<const Object*> FloorThings(const SceneGraph& graph) {
  std::set<std::string> held;
  for (const Relation& r : graph.relations) {
    if (r.objects.empty()) continue;
    if (r.type == RelationType::kOn || r.type == RelationType::kInside ||
        r.type == RelationType::kOnWall || r.type == RelationType::kHanging) {
      held.insert(r.objects.front());
    } else if (r.type == RelationType::kStack) {
      held.insert(r.objects.begin() + 1, r.objects.end());
    }
  }
  std::vector<const Object*> out;
  for (const Object& o : graph.objects) {
    if (!o.HasSize() || o.support != Support::kFloor || held.count(o.id) > 0 ||
        IsFlatCovering(o.category)) {
      continue;
    }
    out.push_back(&o);
  }
  return out;
}

double FloorArea(const Environment& env) {
  if (!env.floor_polygon_m.empty()) return Area(env.floor_polygon_m);
  return env.size.x * env.size.y;
}

// Grows the room by `factor` along x and y: the floor outline, and the doors and windows keep
// their place along their walls' new lengths.
void GrowRoom(Environment* env, double fx, double fy) {
  if (!env->floor_polygon_m.empty()) {
    std::vector<Vec2> grown = env->floor_polygon_m;
    for (Vec2& p : grown) p = {p.x * fx, p.y * fy};
    env->SetFloorPolygon(std::move(grown));
  } else {
    env->size.x *= fx;
    env->size.y *= fy;
  }
  for (Opening& o : env->openings) {
    o.offset_m *= o.wall == "left" || o.wall == "right" ? fy : fx;
  }
}

}  // namespace

void RoomFitOptions::Check() const {
  if (!(walkway_m >= 0 && walkway_m < 5)) throw Error("room fit: walkway_m must be in [0, 5)");
  if (!(wall_clearance_m >= 0 && wall_clearance_m < 10))
    throw Error("room fit: wall_clearance_m must be in [0, 10)");
  if (!(headroom_m >= 0 && headroom_m < 10)) throw Error("room fit: headroom_m must be in [0, 10)");
  if (!(min_scale > 0 && min_scale <= 1)) throw Error("room fit: min_scale must be in (0, 1]");
}

double FloorNeed(const SceneGraph& graph, const std::set<std::string>& scaled_ids, double scale,
                 const RoomFitOptions& options) {
  double need = 0.0;
  for (const Object* o : FloorThings(graph)) {
    const double s = scaled_ids.count(o->id) > 0 ? scale : 1.0;
    need += (s * o->size.x + options.walkway_m) * (s * o->size.y + options.walkway_m);
  }
  return need;
}

bool TextSizedRoom(const SceneGraph& graph) {
  return std::any_of(graph.notes.begin(), graph.notes.end(), [](const std::string& note) {
    return StartsWith(note, "room: ") && note.find(" m, as the text says") != std::string::npos;
  });
}

std::vector<std::string> FitRoomToContents(SceneGraph* graph, const std::set<std::string>& fixed,
                                           bool room_given, const RoomFitOptions& options) {
  options.Check();
  std::vector<std::string> lines;
  Environment& env = graph->environment;
  const std::vector<const Object*> things = FloorThings(*graph);
  if (!env.IsRoom() || things.empty()) return lines;
  const double area = FloorArea(env);
  if (area <= 0) return lines;
  if (!room_given) {
    // A floor thing the ceiling could not rise over (more than kCeilingRise times the planned
    // height: a 12 m palm model in a shop) has the wrong size, which a hall would not mend: it is
    // scaled, in proportion, to stand under the planned ceiling before the floor is measured (its
    // footprint would grow the room too). A size the text gave is kept.
    for (const Object* thing : things) {
      if (fixed.count(thing->id) > 0 ||
          thing->size.z + options.headroom_m <= kCeilingRise * env.size.z) {
        continue;
      }
      Object* o = graph->FindObject(thing->id);
      const double scale = (env.size.z - options.headroom_m) / o->size.z;
      const Vec3 before = o->size;
      o->size = o->size * scale;
      lines.push_back("no plausible size lets " + o->id + " (" + before.SizeString() +
                      ") stand in a room: scaled by " + FormatNumber(scale, 2) +
                      " to stand under the " + FormatNumber(env.size.z, 2) + " m ceiling");
    }
    // The floor holds the walkway-grown footprints, and the largest thing fits with room to
    // pass it (its longer side along the room's longer side).
    const double need = FloorNeed(*graph, {}, 1.0, options);
    double grow = need > area ? std::sqrt(need / area) : 1.0;
    double fx = grow, fy = grow;
    double longest = 0.0, shortest = 0.0;
    for (const Object* o : things) {
      longest = std::max(longest, std::max(o->size.x, o->size.y));
      shortest = std::max(shortest, std::min(o->size.x, o->size.y));
    }
    const bool x_long = env.size.x >= env.size.y;
    const double room_long = (x_long ? env.size.x : env.size.y) * grow;
    const double room_short = (x_long ? env.size.y : env.size.x) * grow;
    const double long_factor =
        std::max(1.0, (longest + options.wall_clearance_m) / std::max(room_long, 1e-9));
    const double short_factor =
        std::max(1.0, (shortest + options.wall_clearance_m) / std::max(room_short, 1e-9));
    (x_long ? fx : fy) *= long_factor;
    (x_long ? fy : fx) *= short_factor;
    // The ceiling clears the tallest thing (a fire engine in a garage).
    double tallest = 0.0;
    for (const Object* o : things) tallest = std::max(tallest, o->size.z);
    // At most to kCeilingRise times its planned height: a thing that needs more (a 12 m palm
    // model in a shop) has the wrong size, which a hall would not mend.
    const double height =
        std::max(env.size.z, std::min(tallest + options.headroom_m, kCeilingRise * env.size.z));
    if (fx <= 1.0 + 1e-6 && fy <= 1.0 + 1e-6 && height <= env.size.z) {
      for (const std::string& line : lines) graph->notes.push_back(line);
      return lines;
    }
    const Vec3 before = env.size;
    GrowRoom(&env, fx, fy);
    env.size.z = height;
    lines.push_back("room grown to hold what stands in it (" + FormatNumber(need, 1) +
                    " m2 of floor with walkways): " + FormatNumber(before.x, 2) + " x " +
                    FormatNumber(before.y, 2) + " -> " + FormatNumber(env.size.x, 2) + " x " +
                    FormatNumber(env.size.y, 2) + " m, " + FormatNumber(before.z, 2) + " -> " +
                    FormatNumber(env.size.z, 2) + " m high");
  } else {
    // The room is as given: the floor things whose size was not given shrink by one factor.
    std::set<std::string> movable;
    for (const Object* o : things) {
      if (fixed.count(o->id) == 0) movable.insert(o->id);
    }
    if (movable.empty() || FloorNeed(*graph, movable, 1.0, options) <= area) return lines;
    // The need falls as the scale does: bisect for the largest scale that fits.
    double lo = 0.0, hi = 1.0;
    for (int k = 0; k < 40; ++k) {
      const double mid = 0.5 * (lo + hi);
      (FloorNeed(*graph, movable, mid, options) <= area ? lo : hi) = mid;
    }
    const bool enough = lo >= options.min_scale;
    const double scale = std::max(lo, options.min_scale);
    for (Object& o : graph->objects) {
      if (movable.count(o.id) > 0) o.size = o.size * scale;
    }
    lines.push_back(std::string(enough ? "" : "no plausible size lets ") +
                    std::to_string(movable.size()) + " things " +
                    (enough ? "sized to fit the room as given: scaled by "
                            : "fit the room as given; scaled by the least, ") +
                    FormatNumber(scale, 2));
  }
  for (const std::string& line : lines) graph->notes.push_back(line);
  return lines;
}

}  // namespace scenecraft
