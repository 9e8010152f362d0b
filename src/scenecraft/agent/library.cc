#include "scenecraft/agent/library.h"

#include "scenecraft/assets/resolve.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/skills/skill_json.h"
#include "scenecraft/skills/store.h"
#include "scenecraft/util/error.h"

namespace scenecraft {
namespace fs = std::filesystem;

fs::path LibraryPath(const fs::path& library, const AssetOptions& assets) {
  if (!library.empty()) return library;
  return DefaultLibraryPath(assets.CacheDir());
}

bool CategoryIsKindOf(const std::string& category, const std::string& cls) {
  return MatchesClassByName(category, cls) || IsKindOf(category, cls);
}

std::vector<Skill> LoadLibrary(const GenerateOptions& options, std::vector<std::string>* warnings) {
  if (options.skills) return *options.skills;
  fs::path path;
  try {
    path = LibraryPath(options.library, options.assets);
  } catch (const Error& e) {
    warnings->push_back(std::string("skill library: ") + e.what() + "; using the seed library");
    return SeedSkills();
  }
  return LoadSkillsOrSeed(path, warnings);
}

std::vector<AppliedSkill> ApplyLibrary(const std::vector<Skill>& skills, SceneGraph* graph) {
  std::vector<AppliedSkill> applied = ApplySkills(skills, CategoryIsKindOf, graph);
  for (const AppliedSkill& a : applied) graph->notes.push_back("skill " + a.ToString());
  return applied;
}

std::vector<AppliedSkill> ApplyLibrary(const GenerateOptions& options, SceneGraph* graph,
                                       std::vector<std::string>* warnings) {
  return ApplyLibrary(LoadLibrary(options, warnings), graph);
}

}  // namespace scenecraft
