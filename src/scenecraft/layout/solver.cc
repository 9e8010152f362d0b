// The layout solver's entry points; its parts are solver_state, collision_grid,
// constructive_start, cost_terms and search (see solver.h).
#include "scenecraft/layout/solver.h"

#include <algorithm>
#include <set>

#include "scenecraft/core/room.h"
#include "scenecraft/layout/cost_terms.h"
#include "scenecraft/layout/search.h"
#include "scenecraft/layout/solver_state.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

void SolverOptions::Check() const {
  if (!(time_budget_s > 0 && time_budget_s <= 3600)) {
    throw Error("solver: the time budget must be from 0 to 3600 s");
  }
  if (max_moves < 0) throw Error("solver: max_moves must not be negative");
  if (clearance_m < 0 || clearance_m > 2) throw Error("solver: clearance must be 0 to 2 m");
}

std::string SolveResult::ToString() const {
  std::string out = std::to_string(relations_passed) + "/" + std::to_string(relations_total) +
                    " relations pass, " + std::to_string(collisions) + " collisions, " +
                    std::to_string(outside_room) + " outside the room, " +
                    std::to_string(access_blocked) + " blocked access, " +
                    std::to_string(walkway_failures) + " walkway failures, " +
                    std::to_string(hard_failed) + " hard failures; " +
                    FormatNumber(seconds * 1000, 1) + " ms, " + std::to_string(moves) + " moves";
  for (const std::string& c : conflicts) out += "\n  conflict: " + c;
  for (const std::string& w : warnings) out += "\n  " + w;
  return out;
}

SolveResult Solve(SceneGraph* graph, const SolverOptions& options) {
  options.Check();
  SC_CHECK(graph != nullptr);
  for (const Object& o : graph->objects) {
    if (!o.HasSize()) throw Error("solve: object " + o.id + " has no size (resolve assets first)");
  }
  // Doors and windows take part as fixed boxes in their walls: relations may name them, and
  // nothing may stand in them. They join the objects for the solve only.
  AssignOpeningIds(graph);
  PlaceOpenings(&graph->environment);
  const size_t n = graph->objects.size();
  for (Object& o : OpeningObjects(graph->environment)) graph->objects.push_back(std::move(o));
  // A door's swing and first step are kept clear like a fixed object nothing may overlap.
  for (Object& o : DoorClearanceObjects(graph->environment)) {
    graph->objects.push_back(std::move(o));
  }
  struct DropOpenings {
    SceneGraph* graph;
    size_t n;
    ~DropOpenings() { graph->objects.erase(graph->objects.begin() + n, graph->objects.end()); }
  } drop{graph, n};
  std::set<std::string> ids;
  for (const Object& o : graph->objects) ids.insert(o.id);
  for (const Relation& r : graph->relations) {
    for (const std::string& id : r.objects) {
      if (ids.count(id) == 0) {
        throw Error("solve: relation " + std::string(RelationTypeName(r.type)) + " names '" + id +
                    "', which is neither an object nor an opening with room in a wall");
      }
    }
  }
  solver::State state(graph, options);
  solver::CostTerms costs(&state);
  return solver::Search(&state, &costs).Run();
}

SolveResult SolveBySubscenes(SceneGraph* graph, const SolverOptions& options) {
  SC_CHECK(graph != nullptr);
  if (graph->subscenes.size() < 2) return Solve(graph, options);
  std::vector<std::vector<std::string>> stages;
  std::set<std::string> staged;
  for (const Subscene& s : graph->subscenes) {
    stages.emplace_back();
    for (const std::string& id : s.objects) {
      if (graph->FindObject(id) != nullptr && staged.insert(id).second) stages.back().push_back(id);
    }
  }
  stages.emplace_back();
  for (const Object& o : graph->objects) {
    if (staged.insert(o.id).second) stages.back().push_back(o.id);
  }
  SolverOptions stage_options = options;
  stage_options.time_budget_s = options.time_budget_s / static_cast<double>(stages.size());
  std::set<std::string> present;
  for (const std::vector<std::string>& stage : stages) {
    if (stage.empty()) continue;
    const std::set<std::string> now(stage.begin(), stage.end());
    present.insert(stage.begin(), stage.end());
    SceneGraph part;
    part.environment = graph->environment;
    for (const Object& o : graph->objects) {
      if (!present.count(o.id)) continue;
      part.objects.push_back(o);
      if (!now.count(o.id)) part.objects.back().pose_fixed = true;  // solved in an earlier stage
    }
    for (const Relation& r : graph->relations) {
      if (std::all_of(r.objects.begin(), r.objects.end(),
                      [&](const std::string& id) { return present.count(id) > 0; })) {
        part.relations.push_back(r);
      }
    }
    Solve(&part, stage_options);
    for (const Object& o : part.objects) {
      if (now.count(o.id)) graph->FindObject(o.id)->pose = o.pose;
    }
  }
  // Judge the whole scene as it stands: every object held still.
  std::vector<bool> was_fixed;
  for (Object& o : graph->objects) {
    was_fixed.push_back(o.pose_fixed);
    o.pose_fixed = true;
  }
  SolveResult result = Solve(graph, options);
  for (size_t i = 0; i < graph->objects.size(); ++i) graph->objects[i].pose_fixed = was_fixed[i];
  return result;
}

}  // namespace scenecraft
