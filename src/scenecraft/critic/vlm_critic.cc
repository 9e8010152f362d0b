#include "scenecraft/critic/vlm_critic.h"

#include <filesystem>
#include <set>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/llm/llm_planner.h"
#include "scenecraft/llm/prompts.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using nlohmann::json;

struct ModelFailure {
  std::string reason;
};

json CritiqueSchema() {
  json finding{{"type", "object"},
               {"properties",
                {{"kind",
                  {{"type", "string"},
                   {"enum", {"relation", "missing_object", "wrong_asset", "composition"}}}},
                 {"relation", {{"type", "integer"}}},
                 {"objects", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                 {"observed", {{"type", "string"}}},
                 {"suggestion", {{"type", "string"}}}}},
               {"required", {"kind", "objects", "observed", "suggestion"}},
               {"additionalProperties", false}};
  return json{
      {"type", "object"},
      {"properties",
       {{"score", {{"type", "number"}}}, {"findings", {{"type", "array"}, {"items", finding}}}}},
      {"required", {"score", "findings"}},
      {"additionalProperties", false}};
}

// The text part of the request: description, objects, numbered relations.
std::string DescribeScene(const CritiqueInput& input) {
  const SceneGraph& g = *input.graph;
  std::string text = "Description:\n" + (input.prompt.empty() ? g.prompt : input.prompt) + "\n\n";
  text += "Objects (id: category, description):\n";
  for (const Object& o : g.objects) {
    text += "- " + o.id + ": " + o.category + (o.description.empty() ? "" : ", " + o.description) +
            "\n";
  }
  text += "\nRelations (number: relation):\n";
  for (size_t i = 0; i < g.relations.size(); ++i) {
    text += std::to_string(i) + ": " + g.relations[i].ToString() + "\n";
  }
  if (g.relations.empty()) text += "(none)\n";
  return text;
}

bool ReadPng(const std::string& path, std::string* bytes) {
  if (path.empty() || !EndsWith(ToLower(path), ".png") || !std::filesystem::exists(path)) {
    return false;
  }
  *bytes = ReadFile(path);
  return true;
}

bool Measurable(Finding::Kind kind) {
  switch (kind) {
    case Finding::Kind::kRelation:
    case Finding::Kind::kCollision:
    case Finding::Kind::kFloating:
    case Finding::Kind::kOutOfRoom:
    case Finding::Kind::kVisibility:
    case Finding::Kind::kNavigability:
    case Finding::Kind::kAccess:
      return true;
    case Finding::Kind::kCount:
    case Finding::Kind::kAsset:
    case Finding::Kind::kComposition:
      return false;
  }
  return true;
}

}  // namespace

void VlmCriticOptions::Check() const {
  if (repair_rounds < 0 || repair_rounds > 10) throw Error("vlm critic: repair_rounds 0 to 10");
}

Critique ParseVlmCritique(const json& reply, const SceneGraph& graph, JsonProblems* problems) {
  Critique c;
  std::vector<Finding> per_relation(graph.relations.size());
  for (size_t i = 0; i < per_relation.size(); ++i) {
    Finding& f = per_relation[i];
    f.kind = Finding::Kind::kRelation;
    f.relation = i;
    f.objects = graph.relations[i].objects;
    f.pass = true;
    f.measured = "looks right in the render";
    f.expected = graph.relations[i].ToString();
    f.source = "vlm";
  }
  std::vector<Finding> others;
  JsonObjectReader r(reply, "", problems);
  if (auto score = r.Number("score", /*required=*/true)) {
    if (*score < 0 || *score > 1) r.AddProblem("score", "must be in [0, 1]");
  }
  if (const json* findings = r.Get("findings", /*required=*/true)) {
    if (!findings->is_array()) {
      r.AddProblem("findings", "expected an array, found " + JsonTypeName(*findings));
    } else {
      for (size_t i = 0; i < findings->size(); ++i) {
        JsonObjectReader fr((*findings)[i], JsonPointerAppend("/findings", i), problems);
        Finding f;
        f.source = "vlm";
        f.pass = false;
        const std::string kind = fr.String("kind", /*required=*/true).value_or("");
        f.objects = fr.StringArray("objects").value_or(std::vector<std::string>{});
        f.measured = fr.String("observed", /*required=*/true).value_or("");
        f.suggestion = fr.String("suggestion").value_or("");
        // The one integer policy first (1.5, 1e400 and -1 are problems), then the range.
        const std::optional<int64_t> relation =
            fr.Integer("relation", 0, static_cast<int64_t>(SceneLimits::kMaxRelations));
        if (kind == "relation") {
          if (!relation) {
            if (!fr.Has("relation")) {
              fr.AddProblem("relation", "a relation finding needs the relation's number");
            }
          } else if (*relation >= static_cast<int64_t>(graph.relations.size())) {
            fr.AddProblem("relation", "no relation has number " + std::to_string(*relation) +
                                          " (they are numbered 0 to " +
                                          std::to_string(graph.relations.size()) + " - 1)");
          } else {
            Finding& target = per_relation[static_cast<size_t>(*relation)];
            target.pass = false;
            target.measured = f.measured;
            target.suggestion = f.suggestion;
          }
        } else if (kind == "missing_object" || kind == "wrong_asset" || kind == "composition") {
          if (relation) fr.AddProblem("relation", "only relation findings take a relation number");
          f.kind = kind == "missing_object" ? Finding::Kind::kCount
                   : kind == "wrong_asset"  ? Finding::Kind::kAsset
                                            : Finding::Kind::kComposition;
          f.expected = kind == "missing_object" ? "what the description asks for"
                       : kind == "wrong_asset"  ? "the kind of object the plan names"
                                                : "a plausible, well-framed scene";
          others.push_back(std::move(f));
        } else if (!kind.empty()) {
          fr.AddProblem("kind", "unknown finding kind '" + kind +
                                    "' (expected relation, missing_object, wrong_asset or "
                                    "composition)");
        }
        fr.Finish();
      }
    }
  }
  r.Finish();
  for (Finding& f : per_relation) {
    ++c.relations_total;
    c.relations_passed += f.pass ? 1 : 0;
    c.findings.push_back(std::move(f));
  }
  for (Finding& f : others) c.findings.push_back(std::move(f));
  c.score =
      c.relations_total == 0 ? 1.0 : static_cast<double>(c.relations_passed) / c.relations_total;
  return c;
}

Critique MergeCritiques(const Critique& geometric, const Critique& vlm) {
  Critique out = geometric;
  std::set<std::string> seen;
  for (const Finding& f : geometric.findings) {
    seen.insert(std::string(FindingKindName(f.kind)) + "|" + Join(f.objects, ","));
  }
  for (const Finding& f : vlm.findings) {
    if (f.pass || Measurable(f.kind)) continue;  // geometry measured it; the measurement wins
    const std::string key = std::string(FindingKindName(f.kind)) + "|" + Join(f.objects, ",");
    if (!seen.insert(key).second) continue;
    out.findings.push_back(f);
  }
  return out;
}

VlmCritic::VlmCritic(ChatClient* client, Critic* fallback, VlmCriticOptions options)
    : client_(client), fallback_(fallback), options_(options) {
  SC_CHECK(client_ != nullptr);
  options_.Check();
}

Critique VlmCritic::Review(const CritiqueInput& input) {
  SC_CHECK(input.graph != nullptr);
  std::string reason;
  try {
    // The request: the prompt file, then the scene in words and the images.
    ChatMessage user{"user", DescribeScene(input), {}};
    std::string png;
    if (ReadPng(input.render_path, &png)) {
      user.text += "\nImage 1 is the render.";
      user.pngs.push_back(png);
    }
    if (ReadPng(input.top_view_path, &png)) {
      user.text += "\nImage " + std::to_string(user.pngs.size() + 1) + " is a top-down view.";
      user.pngs.push_back(png);
    }
    if (user.pngs.empty()) user.text += "\n(No render is available; judge from the text.)";
    std::vector<ChatMessage> messages = {{"system", prompts::kCriticV1, {}}, user};

    // Ask, validate, repair.
    for (int round = 0;; ++round) {
      ChatRequest request;
      request.purpose = round == 0 ? "critique" : "critique (repair " + std::to_string(round) + ")";
      request.messages = messages;
      request.schema = CritiqueSchema();
      request.schema_name = "scenecraft_critique";
      const ChatReply reply = client_->Complete(request);
      if (!reply.refusal.empty() || LooksLikeRefusal(reply.content)) {
        throw ModelFailure{"the model refused: " +
                           Excerpt(reply.refusal.empty() ? reply.content : reply.refusal)};
      }
      JsonProblems problems;
      const json value = ParseReplyJson(reply.content, &problems);
      Critique critique;
      if (problems.empty()) critique = ParseVlmCritique(value, *input.graph, &problems);
      if (problems.empty()) return critique;
      if (round >= options_.repair_rounds) {
        throw ModelFailure{
            "the critique reply still had " + std::to_string(problems.size()) +
            " problem(s): " + std::string(Trim(problems.ToString("reply")).substr(0, 300))};
      }
      messages.push_back(ChatMessage{"assistant", reply.content, {}});
      messages.push_back(ChatMessage{"user",
                                     "Your reply has these problems (JSON pointers into your "
                                     "reply):\n" +
                                         problems.ToString("reply") +
                                         "Fix them and answer again with the whole JSON object.",
                                     {}});
    }
  } catch (const ModelFailure& f) {
    reason = f.reason;
  } catch (const LlmError& e) {
    reason = FallbackReason(e);
  }
  reason = client_->Redact(reason);
  if (fallback_ == nullptr) throw Error("vlm critic: " + reason);
  warnings_.push_back("vlm critic fell back to the geometric critic: " + reason);
  LogWarning(warnings_.back());
  return fallback_->Review(input);
}

Critique CombinedCritic::Review(const CritiqueInput& input) {
  const Critique measured = geometric_->Review(input);
  const size_t before = vlm_->warnings().size();
  const Critique seen = vlm_->Review(input);
  if (vlm_->warnings().size() > before) return measured;  // the model failed: geometry alone
  return MergeCritiques(measured, seen);
}

}  // namespace scenecraft
