// Capacity of supports: a table, counter or shelf holds only what fits on its top. Objects that
// do not fit go to another support of the same kind with room, or stand on the floor beside it,
// and the plan says so.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/core/scene.h"

namespace scenecraft {

// The share of a top's area that objects standing on it may cover, side by side.
constexpr double kUsableTopShare = 0.85;

// Moves `on` relations whose support is full (objects need sizes) and returns what it changed,
// one line each; the lines are also added to the graph's notes.
std::vector<std::string> FitOnSupports(SceneGraph* graph);

}  // namespace scenecraft
