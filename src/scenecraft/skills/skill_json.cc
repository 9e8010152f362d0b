#include "scenecraft/skills/skill_json.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"

namespace scenecraft {
namespace {

using nlohmann::json;

constexpr int kMaxVersion = 1000000;
constexpr size_t kMaxListItems = 1000;

// A class is a WordNet noun written in lower case ("chest of drawers", "tv stand"), or "*".
bool ValidClassName(const std::string& name) {
  if (name == "*") return true;
  if (name.empty() || name.size() > 60 || name.front() == ' ' || name.back() == ' ') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' || c == '-' || c == '_';
  });
}

std::string ReadClass(JsonObjectReader& r, std::string_view key, bool required) {
  const std::optional<std::string> name = r.String(key, required);
  if (!name) return {};
  if (!ValidClassName(*name)) {
    r.AddProblem(key, "expected a class name (lower-case noun, at most 60 characters) or \"*\"");
    return {};
  }
  return *name;
}

std::optional<RelationType> ReadRelation(JsonObjectReader& r, std::string_view key) {
  const std::optional<std::string> name = r.String(key, /*required=*/true);
  if (!name) return std::nullopt;
  const std::optional<RelationType> type = RelationTypeFromName(*name);
  if (!type) r.AddProblem(key, "unknown relation type (RELATIONS.md)");
  return type;
}

json ArgsToJson(const RelationArgs& args) {
  json out = json::object();
  for (const auto& [k, v] : args.numbers) out[k] = v;
  for (const auto& [k, v] : args.words) out[k] = v;
  return out;
}

// Arguments of `type`: only the keys its signature declares; numbers finite in [0, 100] (metres,
// degrees, counts), words short lower-case tokens.
RelationArgs ReadArgs(JsonObjectReader& r, std::string_view key, RelationType type,
                      JsonProblems* problems) {
  RelationArgs args;
  const json* value = r.Get(key);
  if (value == nullptr) return args;
  const std::string pointer = r.PointerTo(key);
  if (!value->is_object()) {
    problems->Add(pointer,
                  "expected an object of relation arguments, found " + JsonTypeName(*value));
    return args;
  }
  const RelationInfo& info = GetRelationInfo(type);
  for (const auto& [name, v] : value->items()) {
    const std::string at = JsonPointerAppend(pointer, name);
    if (std::find(info.args.begin(), info.args.end(), name) == info.args.end()) {
      problems->Add(at, "'" + std::string(info.name) + "' takes no argument of this name");
      continue;
    }
    if (v.is_number()) {
      const double d = v.get<double>();
      if (!std::isfinite(d) || d < 0 || d > 100) {
        problems->Add(at, "expected a number from 0 to 100");
        continue;
      }
      args.numbers[name] = d;
    } else if (v.is_string()) {
      const std::string word = v.get<std::string>();
      const bool ok = !word.empty() && word.size() <= 20 &&
                      std::all_of(word.begin(), word.end(),
                                  [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
      if (!ok) {
        problems->Add(at, "expected a lower-case word");
        continue;
      }
      args.words[name] = word;
    } else {
      problems->Add(at, "expected a number or a word, found " + JsonTypeName(v));
    }
  }
  return args;
}

template <typename Fn>
void ForEachItem(JsonObjectReader& r, std::string_view key, JsonProblems* problems, Fn&& fn) {
  const json* value = r.Get(key, /*required=*/true);
  if (value == nullptr) return;
  const std::string pointer = r.PointerTo(key);
  if (!value->is_array() || value->empty() || value->size() > kMaxListItems) {
    problems->Add(pointer, "expected an array of 1 to 1000 items");
    return;
  }
  for (size_t k = 0; k < value->size(); ++k) fn((*value)[k], JsonPointerAppend(pointer, k));
}

}  // namespace

json ProvenanceToJson(const Provenance& p) {
  json out{{"origin", p.origin}};
  if (!p.queries.empty()) out["queries"] = p.queries;
  if (!p.rounds.empty()) out["rounds"] = p.rounds;
  if (!p.measurements.empty()) out["measurements"] = p.measurements;
  if (!p.note.empty()) out["note"] = p.note;
  return out;
}

json SkillParamsToJson(const Skill& skill) {
  switch (skill.kind) {
    case SkillKind::kRefinement: {
      const Refinement& r = skill.refinement;
      json out{{"relation", RelationTypeName(r.relation)},
               {"subject", r.subject},
               {"reference", r.reference}};
      if (!r.args.empty()) out["args"] = ArgsToJson(r.args);
      if (r.hard) out["hard"] = *r.hard;
      if (r.on_failure) out["on_failure"] = true;
      return out;
    }
    case SkillKind::kMotif: {
      json relations = json::array();
      for (const MotifRelation& m : skill.motif.relations) {
        json item{{"relation", RelationTypeName(m.relation)}, {"member", m.member}};
        if (m.group) item["group"] = true;
        if (m.hard) item["hard"] = true;
        if (!m.args.empty()) item["args"] = ArgsToJson(m.args);
        relations.push_back(std::move(item));
      }
      return json{{"anchor", skill.motif.anchor}, {"relations", relations}};
    }
    case SkillKind::kImplied: {
      const Implied& i = skill.implied;
      json out{{"subject", i.subject}, {"relation", RelationTypeName(i.relation)}};
      if (!i.target.empty()) out["target"] = i.target;
      json unless = json::array();
      for (RelationType t : i.unless) unless.push_back(RelationTypeName(t));
      if (!unless.empty()) out["unless"] = unless;
      if (!i.indoors) out["indoors"] = false;
      return out;
    }
  }
  return json::object();
}

json SkillToJson(const Skill& skill) {
  json out{{"kind", SkillKindName(skill.kind)},
           {"key", skill.key},
           {"params", SkillParamsToJson(skill)},
           {"provenance", ProvenanceToJson(skill.provenance)}};
  if (skill.version > 0) out["version"] = skill.version;
  return out;
}

Provenance ProvenanceFromJson(const json& value, const std::string& pointer,
                              JsonProblems* problems) {
  Provenance p;
  JsonObjectReader r(value, pointer, problems);
  p.origin = r.String("origin", /*required=*/true).value_or("");
  if (auto q = r.StringArray("queries")) p.queries = std::move(*q);
  if (const json* rounds = r.Get("rounds")) {
    if (rounds->is_array()) {
      for (size_t k = 0; k < rounds->size(); ++k) {
        if (auto n = JsonInteger((*rounds)[k], JsonPointerAppend(r.PointerTo("rounds"), k), 0, 50,
                                 problems)) {
          p.rounds.push_back(static_cast<int>(*n));
        }
      }
    } else {
      r.AddProblem("rounds", "expected an array of round numbers");
    }
  }
  if (const json* m = r.Get("measurements")) {
    if (m->is_array() && std::all_of(m->begin(), m->end(), [](const json& v) {
          return v.is_number() && std::isfinite(v.get<double>());
        })) {
      for (const json& v : *m) p.measurements.push_back(v.get<double>());
    } else {
      r.AddProblem("measurements", "expected an array of finite numbers");
    }
  }
  p.note = r.String("note").value_or("");
  r.Finish();
  return p;
}

void SkillParamsFromJson(const json& value, const std::string& pointer, SkillKind kind,
                         JsonProblems* problems, Skill* skill) {
  JsonObjectReader r(value, pointer, problems);
  switch (kind) {
    case SkillKind::kRefinement: {
      Refinement& out = skill->refinement;
      const std::optional<RelationType> type = ReadRelation(r, "relation");
      if (type) {
        out.relation = *type;
        if (GetRelationInfo(*type).max_objects != 2 || !GetRelationInfo(*type).has_reference) {
          r.AddProblem("relation", "a refinement is for a relation of two objects");
        }
        out.args = ReadArgs(r, "args", *type, problems);
      }
      out.subject = ReadClass(r, "subject", /*required=*/true);
      out.reference = ReadClass(r, "reference", /*required=*/true);
      out.hard = r.Bool("hard");
      out.on_failure = r.Bool("on_failure").value_or(false);
      if (type && out.args.empty() && !out.hard) {
        problems->Add(pointer, "a refinement must set arguments or hard");
      }
      break;
    }
    case SkillKind::kMotif: {
      skill->motif.anchor = ReadClass(r, "anchor", /*required=*/true);
      ForEachItem(r, "relations", problems, [&](const json& item, const std::string& at) {
        JsonObjectReader m(item, at, problems);
        MotifRelation rel;
        const std::optional<RelationType> type = ReadRelation(m, "relation");
        if (type) {
          rel.relation = *type;
          rel.args = ReadArgs(m, "args", *type, problems);
        }
        rel.member = ReadClass(m, "member", /*required=*/true);
        rel.group = m.Bool("group").value_or(false);
        rel.hard = m.Bool("hard").value_or(false);
        if (type && !rel.group && GetRelationInfo(*type).min_objects > 2) {
          m.AddProblem("relation", "a relation of more than two objects must be a group");
        }
        if (type && !GetRelationInfo(*type).has_reference && !rel.group) {
          m.AddProblem("relation", "a relation without a reference must be a group");
        }
        m.Finish();
        skill->motif.relations.push_back(std::move(rel));
      });
      break;
    }
    case SkillKind::kImplied: {
      Implied& out = skill->implied;
      out.subject = ReadClass(r, "subject", /*required=*/true);
      const std::optional<RelationType> type = ReadRelation(r, "relation");
      if (type) out.relation = *type;
      out.target = ReadClass(r, "target", /*required=*/false);
      if (type) {
        const RelationInfo& info = GetRelationInfo(*type);
        const bool binary = info.min_objects == 2 && info.max_objects == 2;
        const bool unary = info.min_objects == 1;
        if (binary && out.target.empty()) r.AddProblem("target", "this relation needs a target");
        if (!binary && !unary) r.AddProblem("relation", "an implied relation has 1 or 2 objects");
        if (unary && !binary && !out.target.empty()) {
          r.AddProblem("target", "this relation takes no target");
        }
      }
      if (auto unless = r.StringArray("unless")) {
        for (size_t k = 0; k < unless->size(); ++k) {
          if (auto t = RelationTypeFromName((*unless)[k])) {
            out.unless.push_back(*t);
          } else {
            problems->Add(JsonPointerAppend(r.PointerTo("unless"), k), "unknown relation type");
          }
        }
      }
      out.indoors = r.Bool("indoors").value_or(true);
      break;
    }
  }
  r.Finish();
}

Skill SkillFromJson(const json& value, const std::string& pointer, JsonProblems* problems,
                    bool with_version) {
  Skill skill;
  JsonObjectReader r(value, pointer, problems);
  const std::optional<std::string> kind_name = r.String("kind", /*required=*/true);
  std::optional<SkillKind> kind;
  if (kind_name) {
    kind = SkillKindFromName(*kind_name);
    if (!kind) r.AddProblem("kind", "expected refinement, motif or implied");
  }
  const std::optional<std::string> key = r.String("key");
  if (with_version) {
    skill.version = static_cast<int>(r.Integer("version", 1, kMaxVersion, true).value_or(0));
  } else if (r.Has("version")) {
    skill.version = static_cast<int>(r.Integer("version", 1, kMaxVersion).value_or(0));
  }
  const json* params = r.Get("params", /*required=*/true);
  if (kind && params != nullptr) {
    skill.kind = *kind;
    const size_t before = problems->size();
    SkillParamsFromJson(*params, r.PointerTo("params"), *kind, problems, &skill);
    skill.key = SkillKey(skill);
    if (key && problems->size() == before && *key != skill.key) {
      r.AddProblem("key", "does not match the parameters (expected \"" + skill.key + "\")");
    }
  }
  if (const json* p = r.Get("provenance")) {
    skill.provenance = ProvenanceFromJson(*p, r.PointerTo("provenance"), problems);
  }
  r.Finish();
  return skill;
}

std::vector<Skill> SkillsFromJsonText(std::string_view text, std::string_view origin,
                                      bool with_version) {
  const json doc = ParseJson(text, origin);
  JsonProblems problems;
  std::vector<Skill> skills;
  JsonObjectReader r(doc, "", &problems);
  r.Integer("schema", 1, 1, /*required=*/true);
  ForEachItem(r, "skills", &problems, [&](const json& item, const std::string& at) {
    skills.push_back(SkillFromJson(item, at, &problems, with_version));
  });
  r.Finish();
  problems.ThrowIfAny(origin);
  return skills;
}

std::string SkillsToJsonText(const std::vector<Skill>& skills) {
  json list = json::array();
  for (const Skill& s : skills) list.push_back(SkillToJson(s));
  return json{{"schema", 1}, {"skills", list}}.dump(2) + "\n";
}

}  // namespace scenecraft
