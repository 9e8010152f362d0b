#include "scenecraft/skills/skill.h"

#include "scenecraft/skills/skill_json.h"

namespace scenecraft {

std::string_view SkillKindName(SkillKind kind) {
  switch (kind) {
    case SkillKind::kRefinement:
      return "refinement";
    case SkillKind::kMotif:
      return "motif";
    case SkillKind::kImplied:
      return "implied";
  }
  return "refinement";
}

std::optional<SkillKind> SkillKindFromName(std::string_view name) {
  for (SkillKind kind : {SkillKind::kRefinement, SkillKind::kMotif, SkillKind::kImplied}) {
    if (SkillKindName(kind) == name) return kind;
  }
  return std::nullopt;
}

std::string SkillKey(const Skill& skill) {
  switch (skill.kind) {
    case SkillKind::kRefinement: {
      const Refinement& r = skill.refinement;
      return std::string(RelationTypeName(r.relation)) + ":" + r.subject + ":" + r.reference +
             (r.on_failure ? ":fix" : "");
    }
    case SkillKind::kMotif:
      return skill.motif.anchor;
    case SkillKind::kImplied: {
      const Implied& i = skill.implied;
      std::string key = std::string(RelationTypeName(i.relation)) + ":" + i.subject;
      if (!i.target.empty()) key += ":" + i.target;
      return key;
    }
  }
  return {};
}

std::string Skill::ToString() const {
  return std::string(SkillKindName(kind)) + " " + key + " v" + std::to_string(version) + " " +
         SkillParamsToJson(*this).dump();
}

}  // namespace scenecraft
