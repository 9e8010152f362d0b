// Applying a skill library to a planned scene graph (issue 13): a pass that only adds relations or
// parameterises them, never removes one nor overrides what the text said, and never adds objects.
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "scenecraft/core/scene.h"
#include "scenecraft/skills/skill.h"

namespace scenecraft {

// Whether a category belongs to a class (a WordNet noun): the agent passes the planner's WordNet
// test (lang/defaults.h IsKindOf); tests pass their own.
using ClassMatcher = std::function<bool(const std::string& category, const std::string& cls)>;

// The class test without WordNet: the category is the class or ends with it ("oak desk" is a
// desk); "*" matches every category.
bool MatchesClassByName(const std::string& category, const std::string& cls);

// One skill that changed the scene, and what it did.
struct AppliedSkill {
  SkillKind kind = SkillKind::kRefinement;
  std::string key;
  int version = 0;
  std::vector<std::string> changes;  // "added facing(chair_1, desk_1)", "near(...) distance_m 0.4"
  std::string ToString() const;      // "motif desk v2: added facing(chair_1, desk_1); ..."
};

// Applies `skills` to `graph`, in the order implied relations, motifs, refinements (so that what
// the first two add is refined too). Relations the pass adds carry the source pointer
// "skill:<kind>/<key>@<version>". Returns the skills that changed something.
std::vector<AppliedSkill> ApplySkills(const std::vector<Skill>& skills, const ClassMatcher& matches,
                                      SceneGraph* graph);

// The reviser's first try for a failing relation (index `relation` of `graph`): the first learned
// fix (a refinement on_failure) that matches it and changes it, applied: its arguments set (also
// over ones the relation carries, since they failed, except those in `stated`: the text's own),
// made hard. nullopt when no fix matches or every match is already in effect.
std::optional<AppliedSkill> ApplyLearnedFix(const std::vector<Skill>& skills,
                                            const ClassMatcher& matches, size_t relation,
                                            SceneGraph* graph,
                                            const std::set<std::string>& stated = {});

}  // namespace scenecraft
