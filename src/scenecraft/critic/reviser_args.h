// The reviser's changes of a failing relation's arguments (critic/reviser.h): the side a `near`
// takes, and a distance the layout could not keep. An argument the text or the scene file gave
// is never changed; the ones a skill filled in are guesses the inner loop may correct, and what
// it settles on is evidence the skill library learns from (agent/learn.h).
#pragma once

#include <functional>
#include <string>

#include "scenecraft/core/readback.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

// Which arguments a revision may change: `changeable(key)` is false for the text's own.
struct ArgumentRevisionInput {
  const SceneGraph* graph = nullptr;
  const Readback* readback = nullptr;
  std::function<bool(const std::string& key)> changeable;
};

// For a relation that fails on the readback:
// - `near` with a side: the side of the reference with the most free floor next to it (no other
//   body, inside the room), when that is not the side it has;
// - `near`, `in_front_of`, `behind` with `distance_m`: when the distance is all that fails, it is
//   relaxed to the measured gap plus 0.1 m (at most double the value it had, and for `near`
//   never beyond near's own limit without an argument); `far`'s least gap is lowered the same
//   way (at most halved).
// Changes `r` and returns what it changed ("near(chair_1, desk_1): side back -> front (0.0 m
// free)"), or "" when no argument change would help.
std::string ReviseArgument(const ArgumentRevisionInput& in, Relation* r);

}  // namespace scenecraft
