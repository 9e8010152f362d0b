#include "scenecraft/critic/reviser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "scenecraft/critic/reviser_args.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

bool HasRelation(const SceneGraph& graph, RelationType type, const std::vector<std::string>& ids) {
  for (const Relation& r : graph.relations) {
    if (r.type == type && r.objects == ids) return true;
  }
  return false;
}

// States a missing one-object relation as hard (on_floor, inside_room), once.
void AddHardUnary(RelationType type, const std::string& id, const std::string& why,
                  SceneGraph* graph, Revision* revision) {
  if (HasRelation(*graph, type, {id})) return;
  Relation r;
  r.type = type;
  r.objects = {id};
  r.hard = true;
  graph->relations.push_back(r);
  revision->changes.push_back("added " + r.ToString() + ": " + why);
  revision->resolve = true;
}

// Moves the camera for visibility: higher and a little closer to the scene's axis, so objects
// hidden behind others come into view; turns the azimuth back and forth across rounds.
std::string RaiseCamera(SceneGraph* graph, int round) {
  if (!graph->camera) return "";
  Camera& c = *graph->camera;
  const Vec3 offset = c.position - c.target;
  const double distance = offset.Norm();
  const double horizontal = std::hypot(offset.x, offset.y);
  double elevation = std::atan2(offset.z, horizontal);
  double azimuth = std::atan2(offset.x, -offset.y);  // 0 = straight from -Y
  elevation = std::min(DegToRad(70.0), elevation + DegToRad(12.0));
  azimuth = (round % 2 == 1 ? 1.0 : -1.0) * DegToRad(std::min(30.0, 12.0 * round));
  const double h = distance * std::cos(elevation);
  c.position = c.target +
               Vec3{h * std::sin(azimuth), -h * std::cos(azimuth), distance * std::sin(elevation)};
  return "moved the camera to elevation " + FormatNumber(RadToDeg(elevation), 0) +
         " deg, azimuth " + FormatNumber(RadToDeg(azimuth), 0) + " deg for visibility";
}

// The walls of a room a wall relation may choose (the front one is left open for the camera).
constexpr std::array<const char*, 3> kWalls = {"back", "left", "right"};

// Free length along each wall: its length less the widths of the bodies within 0.6 m of it.
double FreeLength(const std::string& wall, const Environment& env, const Readback& readback,
                  const std::string& except) {
  const Rect2 floor = env.FloorRect();
  const bool along_x = wall == "back";
  double free = along_x ? floor.Width() : floor.Depth();
  for (const ObjectReadback& r : readback.objects) {
    if (r.id == except) continue;
    const Rect2 foot = r.box.Footprint();
    const bool close = wall == "back"   ? floor.max.y - foot.max.y < 0.6
                       : wall == "left" ? foot.min.x - floor.min.x < 0.6
                                        : floor.max.x - foot.max.x < 0.6;
    if (close) free -= along_x ? foot.Width() : foot.Depth();
  }
  return free;
}

// A wall relation that names no wall and keeps failing gets the wall with the most free
// length, so the solver stops fighting over a crowded wall. (A wall the text named is kept.)
std::string ChooseWall(Relation* r, const SceneGraph& graph, const Readback& readback) {
  if (!graph.environment.IsRoom() || r->objects.empty()) return "";
  std::string best;
  double best_free = -1e9;
  for (const char* wall : kWalls) {
    const double free = FreeLength(wall, graph.environment, readback, r->objects[0]);
    if (free > best_free) {
      best_free = free;
      best = wall;
    }
  }
  if (best.empty()) return "";
  r->args.words["wall"] = best;
  return "put " + r->ToString() + " on the " + best + " wall (" + FormatNumber(best_free, 1) +
         " m free)";
}

// Splits the sub-scene holding a relation's first object: the relation's objects move to a new
// sub-scene solved just before it. Returns what changed, or "" when there is nothing to split.
std::string SplitSubscene(const Relation& r, SceneGraph* graph) {
  for (size_t s = 0; s < graph->subscenes.size(); ++s) {
    Subscene& from = graph->subscenes[s];
    std::vector<std::string> moved, kept;
    for (const std::string& id : from.objects) {
      const bool in = std::find(r.objects.begin(), r.objects.end(), id) != r.objects.end();
      (in ? moved : kept).push_back(id);
    }
    if (moved.empty()) continue;
    if (kept.empty()) return "";  // already on its own
    Subscene part;
    part.title = from.title + " (" + r.ToString() + ")";
    part.description = "split off because " + r.ToString() + " kept failing";
    part.objects = moved;
    from.objects = kept;
    graph->subscenes.insert(graph->subscenes.begin() + static_cast<std::ptrdiff_t>(s), part);
    return "split sub-scene '" + graph->subscenes[s + 1].title + "': " + Join(moved, ", ") +
           " now solved first";
  }
  return "";
}

}  // namespace

void ReviserOptions::Check() const {
  if (!(weight_factor > 1.0)) throw Error("reviser: weight_factor must be > 1");
  if (!(size_tolerance > 0.0)) throw Error("reviser: size_tolerance must be > 0");
}

Revision Revise(const Critique& critique, const Readback* readback, int round,
                const ReviserOptions& options, SceneGraph* graph, const LearnedFixFn& learned_fix,
                const StatedArgFn& stated) {
  options.Check();
  SC_CHECK(graph != nullptr);
  Revision revision;
  std::set<std::string> resized;
  bool camera_moved = false;

  // 1. Models whose real mesh disagrees with the planned size: a model stretched out of its
  //    proportions is swapped for the procedural one; otherwise take the real size, so the
  //    solver lays out what Blender builds.
  if (readback != nullptr) {
    for (const ObjectReadback& r : readback->objects) {
      Object* o = graph->FindObject(r.id);
      if (o == nullptr || r.local_size.x <= 0) continue;
      if (r.import_fit_scale && o->asset.source != "procedural") {
        const Vec3 f = *r.import_fit_scale;
        const double lo = std::min({f.x, f.y, f.z}), hi = std::max({f.x, f.y, f.z});
        if (lo > 0 && hi / lo > options.max_fit_distortion) {
          revision.swap_assets.push_back(o->id);
          revision.changes.push_back("swapped the model of " + o->id + " (" + o->asset.ToString() +
                                     ") for the procedural one: it was " + "stretched " +
                                     FormatNumber(hi / lo, 2) + "x to fit");
          revision.resolve = true;
          continue;
        }
      }
      const Vec3 d = r.local_size - o->size;
      const double worst = std::max(
          {std::abs(d.x) / o->size.x, std::abs(d.y) / o->size.y, std::abs(d.z) / o->size.z});
      if (worst > options.size_tolerance) {
        revision.changes.push_back("resized " + o->id + " from " + o->size.ToString() + " to " +
                                   r.local_size.ToString() + " m: its model is that big");
        o->size = r.local_size;
        resized.insert(o->id);
        revision.resolve = true;
      }
    }
  }

  for (const Finding& f : critique.findings) {
    if (f.pass) continue;
    switch (f.kind) {
      case Finding::Kind::kRelation: {
        if (!f.relation || *f.relation >= graph->relations.size()) break;
        // 2. What other scenes' inner loops did to make such a relation pass comes first.
        if (learned_fix) {
          if (const std::string change = learned_fix(*f.relation, graph); !change.empty()) {
            revision.changes.push_back(change + ": " + f.measured);
            revision.resolve = true;
            break;
          }
        }
        Relation& r = graph->relations[*f.relation];
        // 3. A failing relation weighs more; after a failed round it becomes hard. A hard one
        //    that still fails changes its arguments (another wall, another side, a distance the
        //    layout can keep), and later gets a sub-scene of its own, solved first.
        const bool wall_type =
            r.type == RelationType::kAgainstWall || r.type == RelationType::kOnWall;
        if (r.hard && wall_type && readback != nullptr && !r.args.Word("wall")) {
          if (const std::string change = ChooseWall(&r, *graph, *readback); !change.empty()) {
            revision.changes.push_back(change + ": " + f.measured);
            revision.resolve = true;
            break;
          }
        }
        if (r.hard && readback != nullptr) {
          const size_t index = *f.relation;
          ArgumentRevisionInput in{graph, readback, [&](const std::string& key) {
                                     return !stated || !stated(index, key);
                                   }};
          if (const std::string change = ReviseArgument(in, &r); !change.empty()) {
            revision.changes.push_back(change + ": " + f.measured);
            revision.resolve = true;
            break;
          }
        }
        if (r.hard && round >= options.split_after_rounds) {
          if (const std::string change = SplitSubscene(r, graph); !change.empty()) {
            revision.changes.push_back(change + ": " + f.measured);
            revision.solve_by_subscenes = true;
            revision.resolve = true;
            break;
          }
        }
        if (!r.hard && round >= options.hard_after_rounds) {
          r.hard = true;
          revision.changes.push_back("made " + r.ToString() + " hard: " + f.measured);
        } else {
          r.weight = std::min(1000.0, r.weight * options.weight_factor);
          revision.changes.push_back("raised the weight of " + r.ToString() + " to " +
                                     FormatNumber(r.weight) + ": " + f.measured);
        }
        revision.resolve = true;
        break;
      }
      case Finding::Kind::kFloating: {
        // 4. Missing support: state it, so the solver puts the object on the floor.
        for (const std::string& id : f.objects) {
          Object* o = graph->FindObject(id);
          if (o == nullptr || o->support != Support::kFloor) continue;
          AddHardUnary(RelationType::kOnFloor, id, f.measured, graph, &revision);
        }
        break;
      }
      case Finding::Kind::kNavigability:
      case Finding::Kind::kAccess: {
        // Objects the walker cannot reach from the door, or what blocks the floor in front of a
        // wardrobe (beside a bed), else the object itself, are placed again; the door's clearance
        // and the access zones stay hard terms of the solver.
        for (const std::string& id : f.objects) {
          Object* o = graph->FindObject(id);
          if (o == nullptr || o->pose_fixed) continue;
          o->pose.reset();
          revision.changes.push_back("placed " + id + " again: " + f.measured);
          revision.resolve = true;
        }
        break;
      }
      case Finding::Kind::kOutOfRoom: {
        for (const std::string& id : f.objects) {
          AddHardUnary(RelationType::kInsideRoom, id, f.measured, graph, &revision);
        }
        break;
      }
      case Finding::Kind::kCollision:
        // 5. Collisions: solve again with a new seed (the solver treats collisions as hard).
        revision.changes.push_back("solve again for the collision of " + Join(f.objects, " and ") +
                                   ": " + f.measured);
        revision.resolve = true;
        break;
      case Finding::Kind::kVisibility:
        // 6. Hidden or out-of-frame objects: another view.
        if (!camera_moved) {
          const std::string change = RaiseCamera(graph, round);
          if (!change.empty()) {
            revision.changes.push_back(change + " (" + Join(f.objects, ", ") + ": " + f.measured +
                                       ")");
            camera_moved = true;
          }
        }
        break;
      case Finding::Kind::kAsset:
        // 7. A model that looks wrong (the vision critic says so): the procedural one instead.
        for (const std::string& id : f.objects) {
          const Object* o = graph->FindObject(id);
          if (o == nullptr || o->asset.source == "procedural" ||
              std::find(revision.swap_assets.begin(), revision.swap_assets.end(), id) !=
                  revision.swap_assets.end()) {
            continue;
          }
          revision.swap_assets.push_back(id);
          revision.changes.push_back("swapped the model of " + id +
                                     " for the procedural one: " + f.measured);
          revision.resolve = true;
        }
        break;
      case Finding::Kind::kCount:
      case Finding::Kind::kComposition:
        // Nothing the layout can change; the report shows them.
        break;
    }
  }
  if (revision.resolve) {
    for (Object& o : graph->objects) {
      if (!o.pose_fixed) o.pose.reset();
    }
  }
  return revision;
}

}  // namespace scenecraft
