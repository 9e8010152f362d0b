// The layout solver's state (see solver.h): one entry per object with what its relations make
// of it (what it rests on, what it faces, what it may overlap), the bodies the relation tests
// see, the collision grid, and the geometry every part of the solver shares (where an object
// rests, its footprint at a turn, the floor and the walls).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/room.h"
#include "scenecraft/core/scene.h"
#include "scenecraft/layout/collision_grid.h"
#include "scenecraft/layout/relations.h"
#include "scenecraft/layout/solver.h"
#include "scenecraft/util/rng.h"

namespace scenecraft::solver {

// The search state: one entry per object.
struct Item {
  Object* object = nullptr;
  bool fixed = false;
  int parent = -1;                // the object it rests on (on / stack) or in (inside), or -1
  bool in_parent = false;         // rests on the parent's bottom, inside it (inside)
  std::vector<int> children;      // objects resting on or in it
  std::vector<size_t> relations;  // relations it takes part in
  int face_target = -1;           // an object it should face (facing, around, across)
  int face_back = -1;             // the one object facing it, when it faces nothing itself
  bool wall = false;              // hangs on a wall
  bool ceiling = false;           // hangs from the ceiling
  int above = -1;                 // on a wall or the ceiling over this object (above)
  bool flat = false;              // rug-like: may lie under others
  bool wall_aligned = false;      // stands against or hangs on a wall: square to it
  bool in_formation = false;      // a member of a large row or grid: small steps, no jumps
  std::vector<int> exempt;        // objects it may overlap (on, under, stack ...)
  std::vector<int> dependents;    // floor objects placed relative to it (it is their reference)
  std::vector<int> related;       // objects any relation names together with it
};

class State {
 public:
  // Reads the graph's objects and relations; objects need sizes. Keeps pointers into the graph.
  State(SceneGraph* graph, const SolverOptions& options);

  // An object and everything resting on it, the object first.
  void Subtree(int i, std::vector<int>* out) const;
  std::vector<int> Subtree(int i) const;
  std::vector<Pose> Poses() const;
  void SetPoses(const std::vector<Pose>& poses);
  // Refreshes the box and turn of an object's body and its place in the collision grid.
  void UpdateBody(int i);
  const Vec3& SizeOf(int i) const { return items_[i].object->size; }
  // The z where an object rests: on its parent's top, on the floor, on a wall, at the ceiling.
  double RestZ(int i) const;
  // Half extents of an object's footprint at a yaw.
  Vec2 Half(int i, double yaw) const;
  // Keeps a floor object's footprint inside the floor.
  void ClampToFloor(int i, Pose* p) const;
  // Puts a wall object flat against the wall nearest to (x, y), facing into the room.
  void SnapToWall(int i, Pose* p) const;
  // Floor polygon rooms: the built wall nearest to a point (null without walls), and an
  // object's back flat against a wall, slid along it to the point's place, front into the room.
  const WallSegment* NearestWall(const Vec2& p) const;
  void SnapToSegment(int i, const WallSegment& wall, Pose* p) const;
  double RandomQuarterTurn();
  // Members per row of a row or grid relation (see Pitch).
  static int Columns(const Relation& r);
  // Centre-to-centre distances of a row or grid relation's members (along x, between rows).
  Vec2 Pitch(const Relation& r) const;
  // The yaw that turns object i toward object t.
  double FaceYaw(int i, int t) const;
  // The RELATIONS.md test of relation r on the current bodies; a failure is worded only when
  // `words` (the report, not the search).
  RelationEvaluation Evaluate(size_t r, bool words = false) const;
  // Whether a relation names both objects (a chair at its desk may stand in the desk's access).
  bool Related(int a, int b) const;
  // The side of object i whose access the solver keeps clear (layout/access.h): its front, or
  // the long side toward the middle of the floor; -1 without access.
  int AccessSide(int i) const;

  SceneGraph* graph_;
  SolverOptions options_;
  Rng rng_;
  std::vector<Item> items_;
  std::vector<Body> bodies_;
  std::map<std::string, int> index_;
  std::vector<std::vector<int>> members_;  // per relation: its objects' indices
  std::vector<int> group_target_;          // per row or grid relation: what it faces, or -1
  std::vector<Vec2> grid_pitch_;           // per row or grid relation: its spacing (Pitch)
  Rect2 floor_;                            // the room's floor, or the outdoor site
  Polygon2 polygon_;                       // the room's floor polygon, when it has one
  std::vector<WallSegment> walls_;         // with a polygon: the walls things may stand against
  // Every object is listed by its footprint grown by GridMargin: half the clearance, and its
  // access depth when it has access, so that a query of another footprint grown by its own
  // margin meets every object it may collide with or stand in the access zone of (or that
  // stands in its own); objects without access are not looked for farther away.
  CollisionGrid grid_;
  double GridMargin(int i) const { return options_.clearance_m / 2 + bodies_[i].access_m + 1e-9; }

 private:
  // Makes `child` rest on (or in) `parent`; false when it has a parent already or a cycle would
  // form.
  bool Attach(int child, int parent);
  mutable std::vector<const Body*> scratch_;
};

}  // namespace scenecraft::solver
