#include "scenecraft/agent/learn_llm.h"

#include <map>
#include <tuple>

#include "scenecraft/skills/skill_json.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {
using json = nlohmann::json;

// Most proposals one reply may carry; the rest are rejected unread.
constexpr size_t kMaxProposals = 20;

constexpr const char* kSystem =
    "You are the library learner of a 3D scene layout tool. Scenes are built from relations "
    "between objects (near, facing, in_front_of, against_wall, ...). After a batch of scenes you "
    "see what was measured on the built scenes and which relations the revision loop had to fix. "
    "Propose updates to the skill library only where the evidence of two or more queries "
    "supports them. A skill is one of:\n"
    "- refinement: {\"relation\", \"subject\", \"reference\", \"args\", \"hard\", "
    "\"on_failure\"}: relations of that type between objects of the subject and reference "
    "classes (lower-case WordNet nouns, or \"*\") get these arguments (near: distance_m, side "
    "front|back|left|right; in_front_of and behind: distance_m; facing: angle_deg; around: "
    "distance_m) and become hard; with on_failure it is only a fix tried when such a relation "
    "fails;\n"
    "- motif: {\"anchor\", \"relations\": [{\"relation\", \"member\", \"group\", \"args\", "
    "\"hard\"}]}: members of a class related to an anchor object;\n"
    "- implied: {\"subject\", \"relation\", \"target\", \"unless\", \"indoors\"}: what objects "
    "of a class do unless the text placed them.\n"
    "Answer with JSON only: {\"skills\": [{\"kind\": \"refinement\"|\"motif\"|\"implied\", "
    "\"params\": {...}, \"why\": \"one sentence naming the evidence\"}]}; an empty list when "
    "nothing is supported.";

json ReplySchema() {
  return json{{"type", "object"},
              {"properties",
               {{"skills",
                 {{"type", "array"},
                  {"items",
                   {{"type", "object"},
                    {"properties",
                     {{"kind", {{"type", "string"}}},
                      {"params", {{"type", "object"}}},
                      {"why", {{"type", "string"}}}}},
                    {"required", {"kind", "params", "why"}}}}}}}},
              {"required", {"skills"}}};
}

}  // namespace

ChatRequest SkillLearnerRequest(const std::vector<Evidence>& evidence,
                                const std::vector<Skill>& current) {
  // One line per (relation, subject, reference, parameter, fix): the values per query.
  std::map<std::tuple<std::string, std::string, std::string, std::string, bool>,
           std::vector<std::string>>
      lines;
  for (const Evidence& e : evidence) {
    const std::string value = e.word.empty() ? FormatNumber(e.value, 2) : e.word;
    lines[{std::string(RelationTypeName(e.relation)), e.subject, e.reference, e.parameter, e.fix}]
        .push_back(e.query + "=" + value);
  }
  std::string facts;
  for (const auto& [key, values] : lines) {
    const auto& [relation, subject, reference, parameter, fix] = key;
    facts += relation + "(" + subject + ", " + reference + ") " +
             (fix ? "fixed by the loop, " : "measured, ") + parameter + ": " + Join(values, ", ") +
             "\n";
  }
  ChatRequest request;
  request.purpose = "learn/skills";
  request.schema = ReplySchema();
  request.schema_name = "skill_updates";
  request.messages.push_back({"system", kSystem, {}});
  request.messages.push_back({"user",
                              "Current library:\n" + SkillsToJsonText(current) +
                                  "\nEvidence from this batch:\n" +
                                  (facts.empty() ? std::string("(none)\n") : facts),
                              {}});
  return request;
}

LlmSkillProposals ParseSkillProposals(const std::string& reply) {
  LlmSkillProposals out;
  json doc;
  try {
    doc = json::parse(reply);
  } catch (const json::exception& e) {
    out.rejected.push_back({reply, "the reply is not JSON: " + std::string(e.what())});
    return out;
  }
  if (!doc.is_object() || !doc.contains("skills") || doc.size() != 1 || !doc["skills"].is_array()) {
    out.rejected.push_back({reply, "the reply is not {\"skills\": [...]}"});
    return out;
  }
  const json& items = doc["skills"];
  for (size_t k = 0; k < items.size(); ++k) {
    const std::string pointer = "/skills/" + std::to_string(k);
    if (k >= kMaxProposals) {
      out.rejected.push_back(
          {items[k].dump(),
           pointer + ": more than " + std::to_string(kMaxProposals) + " proposals in one reply"});
      continue;
    }
    JsonProblems problems;
    JsonObjectReader r(items[k], pointer, &problems);
    const std::optional<std::string> kind = r.String("kind", /*required=*/true);
    const json* params = r.Get("params", /*required=*/true);
    const std::string why = r.String("why").value_or("");
    r.Finish();
    Skill skill;
    if (problems.empty() && kind && params != nullptr) {
      // The learner's own provenance: the model's words are its note, nothing more.
      const json as_skill{{"kind", *kind},
                          {"params", *params},
                          {"provenance", {{"origin", "llm"}, {"note", why.substr(0, 300)}}}};
      skill = SkillFromJson(as_skill, pointer, &problems, /*with_version=*/false);
    }
    if (!problems.empty()) {
      std::string reasons;
      for (const JsonProblems::Problem& p : problems.problems()) {
        // The synthesised wrapper's pointers are the reply's own, but for the provenance.
        reasons += (reasons.empty() ? "" : "; ") + p.pointer + ": " + p.message;
      }
      out.rejected.push_back({items[k].dump(), reasons});
      continue;
    }
    out.valid.push_back(std::move(skill));
  }
  return out;
}

LlmSkillProposals ProposeSkillUpdates(ChatClient& client, const std::vector<Evidence>& evidence,
                                      const std::vector<Skill>& current) {
  try {
    const ChatReply reply = client.Complete(SkillLearnerRequest(evidence, current));
    if (!reply.refusal.empty()) return {{}, {{"", "the model refused: " + reply.refusal}}};
    return ParseSkillProposals(reply.content);
  } catch (const LlmError& e) {
    return {{}, {{"", "the learner's model call failed: " + FallbackReason(e)}}};
  }
}

}  // namespace scenecraft
