// The versioned prompt files of src/scenecraft/llm/prompts/, compiled into the binary by
// embed_prompt.cmake. A prompt change is a new file (planner_*_v2.md), so transcripts and cached
// replies stay attributable to the prompt that produced them.
#pragma once

namespace scenecraft::prompts {

extern const char* const kPlannerAssetsV1;     // step 1: assets with real sizes
extern const char* const kPlannerSubscenesV1;  // step 2: ordered sub-scenes
extern const char* const kPlannerRelationsV1;  // step 3: one sub-scene's relation graph
extern const char* const kCriticV1;            // the vision critic

}  // namespace scenecraft::prompts
