// The layout solver (ARCHITECTURE.md section 7): turns a scene graph of sized objects into poses
// that satisfy its relations.
//
// 1. Constructive placement in stage order (anchors against walls, in corners and at the
//    centre; groups around a reference, rows, grids and circles; everything else near what it
//    relates to; objects on surfaces). Groups and objects go to the least crowded of a few
//    candidate spots, so the search starts from a layout that is mostly right.
// 2. Annealed local search over x, y and yaw (z follows the support). Most moves go to objects
//    taking part in a failure (min-conflicts); a reference now and then moves with the objects
//    placed relative to it. Each move re-evaluates only the relations it touches, against
//    cached costs, and checks collisions through a uniform grid. Hard relations weigh 100x.
//    A stuck search restarts warm from its best state; several restarts that fix nothing end it.
// 3. Once everything holds: a short greedy polish of the preferences (grids in line and evenly
//    spaced, furniture square to the walls) that never breaks what holds.
//
// In a room with a door, the free floor reachable from the door and the fronts of the objects
// people use are a term of their own (walkway), updated in place move by move.
//
// The parts live in their own files: solver_state (objects, bodies, shared geometry),
// collision_grid, constructive_start (1), search (2 and 3), cost_terms (what a move costs) and
// walkway.
//
// Deterministic for a seed (unless the time budget cuts the search short: it is a safety net,
// `max_moves` is the regular limit) and time-boxed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenecraft/core/scene.h"

namespace scenecraft {

struct SolverOptions {
  uint64_t seed = 1;           // same seed, same layout
  double time_budget_s = 2.0;  // the search stops after this long
  int max_moves = 400000;      // and after this many proposed moves
  double clearance_m = 0.0;    // extra free space kept between floor objects (walkways)
  // In a room with a door: keep the floor reachable from the door and every used object's front
  // reachable (layout/walkway.h); false only to measure what the term costs.
  bool walkway = true;
  void Check() const;  // throws Error on a bad value
};

struct SolveResult {
  int relations_total = 0;
  int relations_passed = 0;
  int hard_failed = 0;   // hard relations that do not hold
  int collisions = 0;    // colliding pairs that no relation allows
  int outside_room = 0;  // objects leaving the room
  // Objects whose access (layout/access.h) another object blocks, pairs counted once, plus
  // access zones leaving the floor.
  int access_blocked = 0;
  // In a room with a door (layout/walkway.h): objects whose front no walker from the door
  // reaches, plus one when the reached share of the free floor falls short; and that share.
  int walkway_failures = 0;
  double walkway_share = 1.0;
  double seconds = 0.0;
  int moves = 0;
  int accepted = 0;
  std::vector<std::string> warnings;   // failures in words ("left_of(a, b): ...")
  std::vector<std::string> conflicts;  // relations that cannot hold together, when detected
  bool AllPass() const {
    return relations_passed == relations_total && collisions == 0 && outside_room == 0 &&
           access_blocked == 0 && walkway_failures == 0;
  }
  std::string ToString() const;
};

// Fills the pose of every object that has none (objects with pose_fixed keep theirs; objects with
// a pose that is not fixed are used as a warm start) and graph->results. Objects need sizes.
SolveResult Solve(SceneGraph* graph, const SolverOptions& options);

// The paper's order for scenes of many assets: solves the sub-scenes one after another (the
// environment's anchors first, details last), each with the ones before it held still, then
// judges the whole scene. Objects in no sub-scene come last. Without two sub-scenes this is Solve.
SolveResult SolveBySubscenes(SceneGraph* graph, const SolverOptions& options);

}  // namespace scenecraft
