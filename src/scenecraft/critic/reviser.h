// The Reviser turns a critique's findings into changes of the scene graph, so that solving again
// fixes what the critic saw (the paper's inner loop: revise the graph, its arguments, or the view).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "scenecraft/core/readback.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

struct ReviserOptions {
  double weight_factor = 3.0;    // a failing soft relation's weight is multiplied by this
  double hard_after_rounds = 1;  // a relation that failed this many rounds becomes hard
  double size_tolerance = 0.05;  // real mesh extent vs planned size that triggers a resize
  // An imported model stretched more than this between its axes to fit its catalog size looks
  // wrong: it is swapped for the procedural model of its category.
  double max_fit_distortion = 1.25;
  // A hard relation that still fails in this round moves to a sub-scene of its own, solved
  // before the rest (the over-full sub-scene is split).
  int split_after_rounds = 2;
  void Check() const;
};

struct Revision {
  // What was changed and why, one line each ("made near(chair_1, table_1) hard: gap 0.9 m").
  std::vector<std::string> changes;
  // True when poses must be solved again (the camera-only changes do not need it).
  bool resolve = false;
  // Objects whose model should be swapped for the procedural one of their category (the agent
  // resolves assets; the reviser only knows the readback).
  std::vector<std::string> swap_assets;
  // True when a sub-scene was split: solve the sub-scenes in order from now on.
  bool solve_by_subscenes = false;
  bool empty() const { return changes.empty(); }
};

// A fix learned on other scenes (the skill library's, agent/library.h) for the failing relation
// at index `relation` of `graph`: applies it and returns what it changed, or "" when there is none
// that would change the relation. The seam keeps the critic free of the skills module.
using LearnedFixFn = std::function<std::string(size_t relation, SceneGraph* graph)>;

// Whether the argument `key` of the relation at index `relation` was given by the text or the
// scene file: the reviser never changes those (the ones a skill filled in it may).
using StatedArgFn = std::function<bool(size_t relation, const std::string& key)>;

// Applies changes for the failing findings of `critique` to `graph`. `readback` (may be null)
// supplies real mesh extents. `round` counts from 1. Poses of objects that are not fixed are
// cleared when they must be solved again. For a failing relation, a learned fix (when given and
// one applies) is the first revision tried, before the reviser's own escalation: a soft relation
// becomes hard; a hard one gets another wall, another side or a distance the layout can keep
// (critic/reviser_args.h; not the arguments `stated` says the text gave; without `stated`, none
// is), then a sub-scene of its own.
Revision Revise(const Critique& critique, const Readback* readback, int round,
                const ReviserOptions& options, SceneGraph* graph,
                const LearnedFixFn& learned_fix = nullptr, const StatedArgFn& stated = nullptr);

}  // namespace scenecraft
