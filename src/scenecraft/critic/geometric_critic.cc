#include "scenecraft/critic/geometric_critic.h"

#include <algorithm>
#include <map>
#include <set>

#include "scenecraft/core/room.h"
#include "scenecraft/layout/access.h"
#include "scenecraft/layout/navigability.h"
#include "scenecraft/layout/relations.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// Navigability passes when a walker reaches this share of the free floor from the door.
constexpr double kMinReachableShare = 0.9;

std::string F(double v) {
  return FormatNumber(v, 2);
}

// The expected value of a relation's test, in words, for the report.
std::string Expectation(RelationType type) {
  switch (type) {
    case RelationType::kOn:
      return "bottom within 0.03 m of the top, centre over it";
    case RelationType::kNear:
      return "gap at most max(0.6, 0.3 x size) m, no interpenetration";
    case RelationType::kFar:
      return "gap at least 2 m";
    case RelationType::kFacing:
      return "front within 30 deg of the direction to the target";
    case RelationType::kAround:
      return "each within 1 m and facing; spread around";
    case RelationType::kLeftOf:
    case RelationType::kRightOf:
      return "centre more than 0.10 m to the side";
    case RelationType::kInFrontOf:
    case RelationType::kBehind:
      return "more than 0.10 m along the front axis, within 45 deg";
    case RelationType::kBetween:
      return "on the segment at 20-80 %, close to it";
    case RelationType::kAgainstWall:
      return "within 0.05 m of a wall, front into the room";
    case RelationType::kOnWall:
      return "back within 0.05 m of a wall, bottom at least 0.5 m";
    case RelationType::kInCorner:
      return "within 0.10 m of two walls";
    case RelationType::kCenter:
      return "within 15 % of the middle";
    default:
      return std::string(GetRelationInfo(type).reads_as) + " (RELATIONS.md)";
  }
}

std::string Suggestion(const Relation& r) {
  switch (r.type) {
    case RelationType::kOn:
    case RelationType::kStack:
      return "rest it on the top surface, centred";
    case RelationType::kFacing:
    case RelationType::kAround:
    case RelationType::kAcross:
      return "turn it toward its target";
    case RelationType::kNear:
    case RelationType::kCluster:
      return "move it closer";
    case RelationType::kAgainstWall:
    case RelationType::kOnWall:
    case RelationType::kInCorner:
      return "snap it to the wall, front into the room";
    default:
      return r.hard ? "solve again" : "make the relation hard and solve again";
  }
}

// Whether a relation names both objects: a chair at its desk, a nightstand beside its bed stand
// where the other is used.
bool RelatedOrResting(const SceneGraph& graph, const std::string& a, const std::string& b) {
  for (const Relation& r : graph.relations) {
    if (std::find(r.objects.begin(), r.objects.end(), a) != r.objects.end() &&
        std::find(r.objects.begin(), r.objects.end(), b) != r.objects.end()) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::map<std::string, Body> BodiesFromReadback(const SceneGraph& graph, const Readback& readback) {
  std::map<std::string, Body> bodies;
  for (const ObjectReadback& r : readback.objects) {
    Body b;
    b.id = r.id;
    b.category = r.category;
    b.box = r.box;
    b.yaw_rad = r.yaw_rad;
    b.has_front = r.has_front;
    b.local_size = r.local_size;
    // The turned footprint stands where the root is (its origin is the bottom centre of the
    // model's box), not at the middle of the mesh's world box. A readback without a location
    // leaves it at (0, 0): then the box's middle counts.
    if (r.box.Footprint().Contains(r.location.xy(), 1e-6)) b.origin = r.location.xy();
    if (const Object* o = graph.FindObject(r.id)) {
      b.support = o->support;
      b.access_m = o->access_m;
      b.access_long_side = o->access_long_side;
    }
    bodies[r.id] = b;
  }
  // Doors and windows are holes Blender cut where the environment says: fixed boxes in their
  // walls that relations may name and that nothing may stand in.
  for (const Object& opening : OpeningObjects(graph.environment)) {
    bodies[opening.id] = BodyOf(opening);
  }
  // The floor in front of a door is kept clear: anything standing there collides with it.
  for (const Object& clearance : DoorClearanceObjects(graph.environment)) {
    bodies[clearance.id] = BodyOf(clearance);
  }
  return bodies;
}

EvalContext ContextFor(const SceneGraph& graph, const Readback& readback) {
  EvalContext context;
  context.environment = &graph.environment;
  context.camera = readback.camera ? &*readback.camera : (graph.camera ? &*graph.camera : nullptr);
  return context;
}

void GeometricCriticOptions::Check() const {
  if (min_visible_fraction < 0 || min_visible_fraction > 1) {
    throw Error("critic: min_visible_fraction must be in [0, 1]");
  }
}

GeometricCritic::GeometricCritic(GeometricCriticOptions options) : options_(options) {
  options_.Check();
}

Critique GeometricCritic::Review(const CritiqueInput& input) {
  SC_CHECK(input.graph != nullptr);
  SC_CHECK(input.readback != nullptr);
  const SceneGraph& graph = *input.graph;
  const Readback& readback = *input.readback;
  Critique critique;

  const std::map<std::string, Body> bodies = BodiesFromReadback(graph, readback);
  const EvalContext context = ContextFor(graph, readback);

  // 1. Every stated relation, with the RELATIONS.md tests on the real geometry.
  std::set<std::pair<std::string, std::string>> related;
  for (size_t i = 0; i < graph.relations.size(); ++i) {
    const Relation& rel = graph.relations[i];
    Finding f;
    f.kind = Finding::Kind::kRelation;
    f.relation = i;
    f.objects = rel.objects;
    f.expected = Expectation(rel.type);
    std::vector<const Body*> args;
    std::string missing;
    for (const std::string& id : rel.objects) {
      auto it = bodies.find(id);
      if (it == bodies.end()) {
        missing = id;
        break;
      }
      args.push_back(&it->second);
    }
    if (!missing.empty()) {
      f.pass = false;
      f.measured = missing + " was not built";
      f.suggestion = "check the Blender log";
    } else {
      const RelationEvaluation e = EvaluateRelation(rel, args, context);
      f.pass = e.pass;
      f.measured = e.pass ? "holds" : e.reason;
      if (!e.pass) f.suggestion = Suggestion(rel);
    }
    if (AllowsOverlap(rel.type)) {
      for (size_t a = 0; a < rel.objects.size(); ++a) {
        for (size_t b = 0; b < rel.objects.size(); ++b)
          related.insert({rel.objects[a], rel.objects[b]});
      }
    }
    ++critique.relations_total;
    critique.relations_passed += f.pass ? 1 : 0;
    critique.findings.push_back(std::move(f));
  }

  // A door and the clearance in front of it touch by design.
  for (const Opening& opening : graph.environment.openings) {
    related.insert({opening.id, DoorClearanceId(opening.id)});
    related.insert({DoorClearanceId(opening.id), opening.id});
  }

  // 2. Counts: every planned object of each category was built.
  std::map<std::string, int> planned, built;
  for (const Object& o : graph.objects) ++planned[o.category];
  for (const ObjectReadback& r : readback.objects) {
    if (graph.FindObject(r.id) != nullptr) ++built[r.category];
  }
  for (const auto& [category, n] : planned) {
    Finding f;
    f.kind = Finding::Kind::kCount;
    f.objects = {category};
    f.pass = built[category] == n;
    f.measured = std::to_string(built[category]) + " built";
    f.expected = std::to_string(n);
    if (!f.pass) f.suggestion = "check the Blender log for objects that failed to build";
    ++critique.relations_total;
    critique.relations_passed += f.pass ? 1 : 0;
    critique.findings.push_back(std::move(f));
  }

  // 3. Whole-scene checks, reported separately from the pass rate.
  std::vector<const Body*> all;
  for (const auto& [id, b] : bodies) all.push_back(&b);
  for (size_t i = 0; i < all.size(); ++i) {
    const Body& a = *all[i];
    for (size_t j = i + 1; j < all.size(); ++j) {
      const Body& b = *all[j];
      if (IsFlatCovering(a.category) || IsFlatCovering(b.category) || related.count({a.id, b.id})) {
        continue;
      }
      const double share = CollisionShare(a, b);
      if (share > 0.10) {
        Finding f;
        f.kind = Finding::Kind::kCollision;
        f.objects = {a.id, b.id};
        f.measured = "boxes overlap by " + F(share * 100) + " % of the smaller";
        f.expected = "at most 10 %";
        f.suggestion = "move them apart";
        critique.findings.push_back(std::move(f));
      }
    }
    if (const std::string problem = SupportProblem(a, all, graph.environment); !problem.empty()) {
      Finding f;
      f.kind = Finding::Kind::kFloating;
      f.objects = {a.id};
      f.measured = problem;
      f.expected = "resting on the floor, an object, a wall or the ceiling";
      f.suggestion = "put it on the floor or on a surface";
      critique.findings.push_back(std::move(f));
    }
    if (!InsideRoom(a, graph.environment)) {
      Finding f;
      f.kind = Finding::Kind::kOutOfRoom;
      f.objects = {a.id};
      f.measured = "footprint " + a.Foot().ToString() + " leaves the floor " +
                   graph.environment.FloorRect().ToString();
      f.expected = "inside the room";
      f.suggestion = "move it into the room";
      critique.findings.push_back(std::move(f));
    }
  }
  // 4. Navigability: the floor a 0.4 m wide walker reaches from the door, and whether it can
  //    get to every object used from its front.
  const Navigability nav = MeasureNavigability(graph.environment, all);
  if (nav.measured) {
    Finding f;
    f.kind = Finding::Kind::kNavigability;
    f.objects = nav.unreachable;
    f.pass = nav.reachable_share >= kMinReachableShare && nav.unreachable.empty();
    f.measured = nav.ToString();
    f.expected = "at least " + F(kMinReachableShare * 100) +
                 " % of the free floor and every object with a front reachable from the door";
    if (!f.pass) f.suggestion = "move what blocks the way toward the walls";
    critique.findings.push_back(std::move(f));
  }
  // 5. Access: the floor kept clear to use an object (in front of a wardrobe, beside a bed),
  //    measured among what may block it (not what a relation puts there, like a desk's chair).
  for (const Object& o : graph.objects) {
    if (o.access_m <= 0 || o.support != Support::kFloor) continue;
    const auto it = bodies.find(o.id);
    if (it == bodies.end()) continue;
    std::vector<const Body*> others;
    for (const Body* b : all) {
      if (!RelatedOrResting(graph, o.id, b->id)) others.push_back(b);
    }
    const AccessCheck check = MeasureAccess(it->second, others, graph.environment);
    Finding f;
    f.kind = Finding::Kind::kAccess;
    f.objects = {o.id};
    if (!check.blocked_by.empty() && graph.FindObject(check.blocked_by) != nullptr) {
      f.objects.insert(f.objects.begin(), check.blocked_by);
    }
    f.pass = check.pass;
    f.measured = check.ToString();
    f.expected = FormatNumber(o.access_m, 2) + " m of clear floor " +
                 (o.access_long_side ? "beside a long side" : "in front");
    if (!f.pass) f.suggestion = "move what blocks it, or turn the object toward open floor";
    critique.findings.push_back(std::move(f));
  }
  if (options_.check_visibility) {
    for (const ObjectReadback& r : readback.objects) {
      if (!r.visible_fraction || !r.in_frame) continue;  // no render
      const bool ok = *r.in_frame && *r.visible_fraction >= options_.min_visible_fraction;
      if (ok) continue;
      Finding f;
      f.kind = Finding::Kind::kVisibility;
      f.objects = {r.id};
      f.measured = !*r.in_frame ? "out of frame"
                                : F(*r.visible_fraction * 100) + " % visible (" +
                                      std::to_string(r.visible_pixels.value_or(0)) + " pixels)";
      f.expected = "in frame and at least " + F(options_.min_visible_fraction * 100) + " % visible";
      f.suggestion = "move the camera or the objects in front of it";
      critique.findings.push_back(std::move(f));
    }
  }
  critique.score = critique.relations_total == 0
                       ? 1.0
                       : static_cast<double>(critique.relations_passed) / critique.relations_total;
  return critique;
}

}  // namespace scenecraft
