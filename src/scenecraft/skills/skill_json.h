// The skill schema (issue 13): skills to and from JSON. Everything read goes through the strict
// reader of util/json.h: unknown keys, wrong types, unknown relation types, arguments the relation
// does not declare and values out of range are reported together with their JSON pointers. This
// is the one check for every skill that comes from outside: the seed file, an import, the SQLite
// store, an LLM's proposal.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/skills/skill.h"

namespace scenecraft {

class JsonProblems;

// {"kind", "key", "version", "params", "provenance"}.
nlohmann::json SkillToJson(const Skill& skill);
nlohmann::json SkillParamsToJson(const Skill& skill);
nlohmann::json ProvenanceToJson(const Provenance& provenance);

// Reads one skill at `pointer`; problems go to `problems`. `with_version`: the version must be
// there (a stored or exported skill) rather than absent (a proposal). The key is checked against
// the parameters.
Skill SkillFromJson(const nlohmann::json& json, const std::string& pointer, JsonProblems* problems,
                    bool with_version);
// Reads the parameters of a skill of `kind` into `skill`.
void SkillParamsFromJson(const nlohmann::json& json, const std::string& pointer, SkillKind kind,
                         JsonProblems* problems, Skill* skill);
Provenance ProvenanceFromJson(const nlohmann::json& json, const std::string& pointer,
                              JsonProblems* problems);

// A library document: {"schema": 1, "skills": [...]}, as `skills export` writes it and the seed
// file is. Throws Error naming `origin` and every problem.
std::vector<Skill> SkillsFromJsonText(std::string_view text, std::string_view origin,
                                      bool with_version);
std::string SkillsToJsonText(const std::vector<Skill>& skills);

// The seed library shipped with the project (data/skills/seed.json, compiled in).
const std::vector<Skill>& SeedSkills();

}  // namespace scenecraft
