// The cost terms of the layout search (see solver.h): per relation its violation (hard relations
// weigh 100x) plus the shape people expect of it; per object collisions, leaving the floor and
// tidiness. CostTerms keeps the per-relation costs and pass flags of the current state and the
// count of failures, which the search updates move by move.
#pragma once

#include <vector>

#include "scenecraft/layout/solver_state.h"
#include "scenecraft/layout/walkway.h"

namespace scenecraft::solver {

// What a set of objects contributes beyond their relations: collisions, leaving the floor and
// tidiness. `bad` counts the failures among them (colliding pairs and objects off the floor).
struct ObjectTerms {
  double cost = 0.0;
  int bad = 0;
};

class CostTerms {
 public:
  explicit CostTerms(State* state);

  // The cost of relation r given its evaluation: weighted violation plus ShapeCost.
  double CostOf(size_t r, const RelationEvaluation& e) const;
  // What a relation's test leaves open but people expect (see the .cc).
  double ShapeCost(size_t r) const;
  // Whether two objects may overlap (rugs, on, under, stack, one parent chain).
  bool Exempt(int a, int b) const;
  // Overlap of two bodies beyond what the collision test allows, plus clearance.
  double CollisionCost(int a, int b) const;
  // The floor kept clear to use an object (layout/access.h): how deep the other stands in it,
  // both ways; and how far the zone leaves the floor. Hard like collisions.
  double AccessCost(int a, int b) const;
  double AccessOutsideCost(int i) const;
  // Objects stay on the floor of a room and on the ground of an outdoor scene.
  double OutsideCost(int i) const;
  // Objects stand square to the room or to their wall, turned to show their front.
  double TidinessCost(int i) const;
  // Collisions, floor and tidiness terms of the touched objects.
  ObjectTerms Terms(const std::vector<int>& touched);
  // The movable objects taking part in a failure.
  void Conflicted(std::vector<int>* out);
  // Evaluates everything from scratch: rel_cost_, rel_pass_, bad_ and the total cost.
  double Recount();

  // Per relation, the cost and pass flag of the current state (updated on accepted moves).
  std::vector<double> rel_cost_;
  std::vector<char> rel_pass_;
  int bad_ = 0;  // failing relations, colliding pairs, objects off the floor, walkway failures
  // The free floor reached from the door and the fronts of the objects people use (rooms with
  // a door): global, so the search moves it along with every move (walkway.h).
  Walkway walkway_;

 private:
  State& s_;
  std::vector<char> touched_mark_;
};

}  // namespace scenecraft::solver
