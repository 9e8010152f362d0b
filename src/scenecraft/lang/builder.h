// Stage 5 of the offline planner: the reader's records (reader.h) into a scene graph: one object
// per member of every physical entity, each statement as RELATIONS.md relations (a wall, the
// floor, a corner or the middle of the room as unary placements; a door or window as an opening),
// the environment the text decides, and the coverage of the text.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/core/stages.h"
#include "scenecraft/lang/reader.h"

namespace scenecraft {

struct BuildOptions {
  int max_objects = 500;  // more objects than this are refused with a message
};

// Builds the graph (without defaults; see defaults.h). Throws Error when the text asks for more
// objects than the limit, naming the phrase.
PlanResult BuildPlan(const std::string& text, const std::vector<Word>& words,
                     const Reading& reading, const BuildOptions& options);

}  // namespace scenecraft
