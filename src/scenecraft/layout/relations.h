// The relation vocabulary of RELATIONS.md as evaluators: for every relation type the exact pass
// test (same thresholds as RELATIONS.md) and a smooth score for the optimiser. The solver
// evaluates its own model with these; the critic evaluates Blender's readback with the same
// functions, so "passes" means the same thing everywhere.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "scenecraft/core/geometry.h"
#include "scenecraft/core/relation.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

// Tolerances of RELATIONS.md.
constexpr double kContactEpsilon = 0.03;   // ε, contact
constexpr double kDirectionMargin = 0.10;  // δ, direction margin

// What the tests see of an object: its world box, its turn and whether it has a front.
struct Body {
  std::string id;
  std::string category;
  Box3 box;              // world axis-aligned bounding box of the real mesh (or the model)
  double yaw_rad = 0.0;  // yaw 0: front faces -Y
  bool has_front = false;
  Support support = Support::kFloor;
  // The floor kept clear to use it (Object::access_m, access_long_side).
  double access_m = 0.0;
  bool access_long_side = false;

  // The object's own width x depth x height before turning; (0, 0, 0) when unknown.
  Vec3 local_size;
  // Where the object's origin (the bottom centre of its own box) stands, when it is known apart
  // from the box: the world box of a turned mesh is not centred on it (a fridge's rounded back
  // corners leave its box 4 cm off), so the turned footprint is centred here.
  std::optional<Vec2> origin;
  // The solver's bodies: the box is the turned model box, not a measured mesh's. A mesh fills
  // its model box only along its own axes, so a turned mesh's world box lies between that of
  // the turned model box (a boxy mesh: a desk) and that of the box's inscribed ellipse (a round
  // one: an office chair's star base). Tests that ask for a largest gap (near) hold for both;
  // the readback's bodies are measured and leave this false.
  bool modelled = false;

  Vec2 Center2() const { return box.Center().xy(); }
  Rect2 Foot() const { return box.Footprint(); }
  // The floor box of a round mesh in this body's turned footprint: Foot() unless the body is
  // modelled, turned off the axes and of known size.
  Rect2 RoundFoot() const;
  // The turned footprint's corners, counter-clockwise (the corners of Foot() when the
  // object's own size is unknown).
  std::array<Vec2, 4> FootCorners() const;
  double Size() const { return box.Footprint().Diagonal(); }  // size(A) of RELATIONS.md
};

// The body of a posed object of the scene graph (its box from size and pose).
Body BodyOf(const Object& object);

struct RelationEvaluation {
  bool pass = false;
  double score = 0.0;      // in [0, 1]; 1 when it passes
  double violation = 0.0;  // >= 0; how far from passing (metres or radians), 0 when it passes
  std::string reason;      // for failures, in words with numbers
};

// Optional context some tests need.
struct EvalContext {
  const Environment* environment = nullptr;  // walls, ceiling, centre, floor
  const Camera* camera = nullptr;            // scaling (distance from the camera)
  // false: a failure's reason is left empty. The solver's search evaluates failing relations
  // move after move and needs only their numbers (wording them was a third of its time).
  bool words = true;
};

// Evaluates one relation; `bodies` are the relation's objects in signature order.
RelationEvaluation EvaluateRelation(const Relation& relation,
                                    const std::vector<const Body*>& bodies,
                                    const EvalContext& context);

// Whole-scene tests.
// Collision: the boxes' intersection is at most 10 % of the smaller box's volume. Returns the
// overlap share (0 when they do not collide).
double CollisionShare(const Body& a, const Body& b);
bool Collides(const Body& a, const Body& b);
// Near's side (docs/RELATIONS_EXTRA.md): the direction from `ref` toward its "front", "back",
// "left" or "right" (left and right as seen looking at its front; a reference without a front as
// the viewer sees it); nullopt for any other word.
std::optional<Vec2> NearSideAxis(const Body& ref, const std::string& side);
// Near's largest gap when the relation gives no distance_m.
double NearDefaultLimit(const Body& a, const Body& b);
// The largest angle, in radians, between neighbouring points as seen from `centre` (2 pi for one
// point, 0 for none): how much of the circle about it they leave empty.
double LargestAngularGap(const std::vector<Vec2>& points, const Vec2& centre);
// Rugs and carpets may lie under anything.
bool IsFlatCovering(const std::string& category);
// Whether a relation of this type between two objects allows their boxes to overlap.
bool AllowsOverlap(RelationType type);
// Support: the object rests on the floor, on another body, on a wall or hangs from the ceiling.
// Returns an empty string when supported, else why not.
std::string SupportProblem(const Body& body, const std::vector<const Body*>& others,
                           const Environment& environment);
// Inside the room's floor (0.01 m tolerance); always true outdoors.
bool InsideRoom(const Body& body, const Environment& environment);

}  // namespace scenecraft
