// The seed library: data/skills/seed.json, compiled in and read through the skill schema once.
#include "scenecraft/skills/skill_json.h"

namespace scenecraft {
namespace internal {
extern const char* const kSeedSkillsJson;
}  // namespace internal

const std::vector<Skill>& SeedSkills() {
  static const std::vector<Skill> skills = [] {
    std::vector<Skill> s =
        SkillsFromJsonText(internal::kSeedSkillsJson, "data/skills/seed.json", false);
    for (Skill& skill : s) skill.version = 1;
    return s;
  }();
  return skills;
}

}  // namespace scenecraft
