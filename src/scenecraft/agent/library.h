// The agent's use of the skill library (issue 13, docs/SKILLS.md): which library a run uses, and
// the pass that applies it to a planned graph, with WordNet deciding which category belongs to
// which class.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scenecraft/agent/generate.h"
#include "scenecraft/skills/apply.h"
#include "scenecraft/skills/skill.h"

namespace scenecraft {

// --library, else skills.sqlite in the asset cache folder.
std::filesystem::path LibraryPath(const std::filesystem::path& library, const AssetOptions& assets);

// WordNet's test: the category is the class or a hyponym of it ("rocking chair" is a seat).
bool CategoryIsKindOf(const std::string& category, const std::string& cls);

// options.skills, or the library file's current skills (the seed library, with a warning, when
// the file cannot be used).
std::vector<Skill> LoadLibrary(const GenerateOptions& options, std::vector<std::string>* warnings);

// Applies `skills` to `graph`: relations are only added or parameterised. Each skill that changed
// something becomes a note of the graph ("skill motif desk v1: added ...").
std::vector<AppliedSkill> ApplyLibrary(const std::vector<Skill>& skills, SceneGraph* graph);
// The same with the skills of LoadLibrary(options).
std::vector<AppliedSkill> ApplyLibrary(const GenerateOptions& options, SceneGraph* graph,
                                       std::vector<std::string>* warnings);

}  // namespace scenecraft
