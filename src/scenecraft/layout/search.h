// The search of the layout solver (see solver.h): annealed local search over x, y and yaw from
// the constructive start, min-conflicts move choice, incremental evaluation of what a move
// touches, warm restarts from the best state, and a final greedy polish.
#pragma once

#include <cstdint>
#include <vector>

#include "scenecraft/layout/cost_terms.h"
#include "scenecraft/layout/solver_state.h"

namespace scenecraft::solver {

class Search {
 public:
  Search(State* state, CostTerms* costs);

  // Places, searches and reports; leaves the best poses found in the graph.
  SolveResult Run();

 private:
  // Moves a floor object and what rests on it by (dx, dy), staying on the floor.
  void Translate(int i, double dx, double dy);
  // Proposes a move of object i (and the objects resting on it).
  void Propose(int i, double step);
  // The relations the objects take part in, each once.
  void TouchedRelations(const std::vector<int>& touched, std::vector<int>* out);
  // Relation results into the graph, failures, collisions and contradictions into the result.
  void Report(SolveResult* result);

  State& s_;
  CostTerms& costs_;
  std::vector<uint32_t> rel_mark_;
  uint32_t rel_stamp_ = 0;
};

}  // namespace scenecraft::solver
