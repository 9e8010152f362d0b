// What the layout tests that solve a whole scene share: a seeded solve of a copy, and the solved
// scene's bodies as the tests and the critic see them.
#pragma once

#include <cstdint>
#include <vector>

#include "scenecraft/core/room.h"
#include "scenecraft/core/scene.h"
#include "scenecraft/layout/relations.h"
#include "scenecraft/layout/solver.h"

namespace scenecraft::test_util {

// `scene` solved with `seed` (the other options as given), and what the solver reported.
struct Solved {
  SceneGraph graph;
  SolveResult result;
};

inline Solved SolveCopy(const SceneGraph& scene, uint64_t seed, SolverOptions options = {}) {
  Solved solved{scene, {}};
  options.seed = seed;
  solved.result = Solve(&solved.graph, options);
  return solved;
}

// The bodies of every object, and with `openings` those of the room's doors and windows.
inline std::vector<Body> BodiesOf(const SceneGraph& graph, bool openings = false) {
  std::vector<Body> bodies;
  for (const Object& o : graph.objects) bodies.push_back(BodyOf(o));
  if (openings) {
    for (const Object& o : OpeningObjects(graph.environment)) bodies.push_back(BodyOf(o));
  }
  return bodies;
}

}  // namespace scenecraft::test_util
