#include "scenecraft/llm/llm_planner.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/llm/prompts.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using nlohmann::json;

// Why the model's plan could not be used; the planner then falls back.
struct ModelFailure {
  std::string reason;
};

// Problems are listed to the model at most this many at a time (the rest are counted).
constexpr size_t kMaxProblemsShown = 25;

std::string ProblemsForModel(const JsonProblems& problems) {
  std::string out;
  size_t shown = 0;
  for (const JsonProblems::Problem& p : problems.problems()) {
    if (shown++ == kMaxProblemsShown) {
      out += "- ... and " + std::to_string(problems.size() - kMaxProblemsShown) + " more\n";
      break;
    }
    out += "- " + (p.pointer.empty() ? std::string("(root)") : p.pointer) + ": " + p.message + "\n";
  }
  return out;
}

std::string FirstProblems(const JsonProblems& problems, size_t n) {
  std::vector<std::string> lines;
  for (size_t i = 0; i < problems.size() && i < n; ++i) {
    const auto& p = problems.problems()[i];
    lines.push_back((p.pointer.empty() ? std::string("(root)") : p.pointer) + ": " + p.message);
  }
  return Join(lines, "; ");
}

json StringEnum(const std::vector<std::string>& values) {
  return json{{"type", "string"}, {"enum", values}};
}

json AssetsSchema() {
  json object{
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "string"}}},
        {"category", {{"type", "string"}}},
        {"description", {{"type", "string"}}},
        {"size_m",
         {{"type", "array"}, {"items", {{"type", "number"}}}, {"minItems", 3}, {"maxItems", 3}}},
        {"has_front", {{"type", "boolean"}}},
        {"support", StringEnum({"floor", "surface", "wall", "ceiling"})}}},
      {"required", {"id", "category", "description", "size_m", "has_front", "support"}},
      {"additionalProperties", false}};
  json environment{{"type", "object"},
                   {"properties",
                    {{"kind", StringEnum({"room", "outdoor"})},
                     {"size_m", {{"type", "array"}, {"items", {{"type", "number"}}}}}}},
                   {"required", {"kind", "size_m"}}};
  return json{{"type", "object"},
              {"properties",
               {{"environment", environment}, {"objects", {{"type", "array"}, {"items", object}}}}},
              {"required", {"environment", "objects"}},
              {"additionalProperties", false}};
}

json SubscenesSchema() {
  json sub{{"type", "object"},
           {"properties",
            {{"title", {{"type", "string"}}},
             {"description", {{"type", "string"}}},
             {"objects", {{"type", "array"}, {"items", {{"type", "string"}}}}}}},
           {"required", {"title", "description", "objects"}},
           {"additionalProperties", false}};
  return json{{"type", "object"},
              {"properties", {{"subscenes", {{"type", "array"}, {"items", sub}}}}},
              {"required", {"subscenes"}},
              {"additionalProperties", false}};
}

json RelationsSchema() {
  std::vector<std::string> names;
  for (const RelationInfo& info : AllRelationInfos()) names.emplace_back(info.name);
  json rel{{"type", "object"},
           {"properties",
            {{"type", StringEnum(names)},
             {"objects", {{"type", "array"}, {"items", {{"type", "string"}}}}},
             {"args", {{"type", "object"}}},
             {"hard", {{"type", "boolean"}}}}},
           {"required", {"type", "objects"}},
           {"additionalProperties", false}};
  return json{{"type", "object"},
              {"properties", {{"relations", {{"type", "array"}, {"items", rel}}}}},
              {"required", {"relations"}},
              {"additionalProperties", false}};
}

// Asks for one JSON reply, validates it, and sends its problems back for up to `repairs` more
// replies. Returns the first valid reply; throws ModelFailure when none is valid or the model
// refuses. LlmError (endpoint failures, budget) passes through.
class Conversation {
 public:
  Conversation(ChatClient* client, LlmPlanStats* stats, int repairs)
      : client_(client), stats_(stats), repairs_(repairs) {}

  json Ask(const std::string& purpose, std::vector<ChatMessage> messages, const json& schema,
           const std::function<void(const json&, JsonProblems*)>& validate) {
    for (int round = 0;; ++round) {
      ChatRequest request;
      request.purpose = round == 0 ? purpose : purpose + " (repair " + std::to_string(round) + ")";
      request.messages = messages;
      request.schema = schema;
      request.schema_name = "scenecraft_" + Split(purpose, '/').back();
      ++stats_->requests;
      const ChatReply reply = client_->Complete(request);

      // A refusal is an expected outcome: no repair, the caller falls back.
      if (!reply.refusal.empty()) {
        throw ModelFailure{"the model refused (" + purpose + "): " + Excerpt(reply.refusal)};
      }
      if (LooksLikeRefusal(reply.content)) {
        throw ModelFailure{"the model refused (" + purpose + "): " + Excerpt(Trim(reply.content))};
      }

      // Parse and validate; every problem carries its JSON pointer into the reply.
      JsonProblems problems;
      const json value = ParseReplyJson(reply.content, &problems);
      if (problems.empty()) validate(value, &problems);
      if (problems.empty()) return value;
      if (reply.finish_reason == "length") {
        problems.Add("", "the reply was cut off at the token limit; answer more briefly");
      }
      LogInfo("llm planner: " + purpose + ": the reply has " + std::to_string(problems.size()) +
              " problem(s): " + FirstProblems(problems, 3));
      if (round >= repairs_) {
        throw ModelFailure{"the " + purpose + " reply still had " +
                           std::to_string(problems.size()) + " problem(s) after " +
                           std::to_string(repairs_) +
                           " repair round(s): " + FirstProblems(problems, 3)};
      }

      // Repair: the model sees its reply and the exact problems.
      ++stats_->repairs;
      messages.push_back(ChatMessage{"assistant", reply.content, {}});
      messages.push_back(ChatMessage{
          "user",
          "Your reply has these problems (JSON pointers into your reply):\n" +
              ProblemsForModel(problems) +
              "Fix every problem and answer again with the whole JSON object, and nothing else.",
          {}});
    }
  }

 private:
  ChatClient* client_;
  LlmPlanStats* stats_;
  int repairs_;
};

// Keys of an LLM object that the planner does not let the model set: the resolver picks assets,
// the solver poses, and sources are ours.
const char* const kForbiddenObjectKeys[] = {"asset", "pose", "pose_fixed", "source", "count_group"};

}  // namespace

void LlmPlannerOptions::Check() const {
  if (repair_rounds < 0 || repair_rounds > 10) throw Error("llm planner: repair_rounds 0 to 10");
  if (max_subscenes < 1) throw Error("llm planner: max_subscenes must be positive");
  if (max_objects < 1) throw Error("llm planner: max_objects must be positive");
}

std::string RelationVocabularyForPrompt() {
  std::string out;
  for (const RelationInfo& info : AllRelationInfos()) {
    if (info.type == RelationType::kInsideRoom) continue;  // implicit for every indoor object
    std::string arity =
        info.max_objects == info.min_objects
            ? std::to_string(info.min_objects)
            : std::to_string(info.min_objects) + "-" +
                  (info.max_objects < 0 ? std::string("n") : std::to_string(info.max_objects));
    out += "- " + std::string(info.name) + " (" + arity + " objects" +
           (info.has_reference ? ", reference last" : "") + ")";
    if (!info.args.empty()) {
      std::vector<std::string> args(info.args.begin(), info.args.end());
      out += " args: " + Join(args, ", ");
    }
    out += ": " + std::string(info.reads_as) + "\n";
  }
  return out;
}

std::string ExtractJsonText(std::string_view reply) {
  const std::string_view trimmed = Trim(reply);
  if (StartsWith(trimmed, "{")) return std::string(trimmed);
  const size_t fence = trimmed.find("```");
  if (fence != std::string_view::npos) {
    size_t start = trimmed.find('\n', fence);
    const size_t end = start == std::string_view::npos ? start : trimmed.find("```", start);
    if (start != std::string_view::npos && end != std::string_view::npos) {
      return std::string(Trim(trimmed.substr(start + 1, end - start - 1)));
    }
  }
  const size_t open = trimmed.find('{');
  const size_t close = trimmed.rfind('}');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    return std::string(trimmed.substr(open, close - open + 1));
  }
  return std::string(trimmed);
}

json ParseReplyJson(std::string_view reply, JsonProblems* problems) {
  try {
    return ParseJson(ExtractJsonText(reply), "reply");
  } catch (const Error& e) {
    problems->Add("", std::string("the reply is not valid JSON: ") + e.what());
    return json();
  }
}

bool LooksLikeRefusal(std::string_view reply) {
  if (reply.find('{') != std::string_view::npos) return false;
  const std::string lower = ToLower(Trim(reply));
  for (const char* phrase : {"i'm sorry", "i am sorry", "i can't", "i cannot", "i won't",
                             "i will not", "as an ai", "i'm unable", "i am unable"}) {
    if (lower.find(phrase) != std::string::npos) return true;
  }
  return false;
}

LlmPlanner::LlmPlanner(ChatClient* client, Planner* fallback, LlmPlannerOptions options)
    : client_(client), fallback_(fallback), options_(options) {
  SC_CHECK(client_ != nullptr);
  options_.Check();
}

PlanResult LlmPlanner::Plan(std::string_view text) {
  stats_ = LlmPlanStats{};
  if (Trim(text).empty()) throw Error("plan: the description is empty");
  if (text.size() > options_.max_text_bytes) {
    throw Error("plan: the description is " + std::to_string(text.size()) +
                " bytes long; at most " + std::to_string(options_.max_text_bytes));
  }
  std::string reason;
  try {
    PlanResult result = PlanWithModel(text);
    LogInfo("llm planner: " + std::to_string(stats_.requests) + " requests, " +
            std::to_string(stats_.repairs) + " repairs, " + std::to_string(client_->tokens_used()) +
            " tokens so far");
    return result;
  } catch (const ModelFailure& f) {
    reason = f.reason;
  } catch (const LlmError& e) {
    reason = FallbackReason(e);
  }
  reason = client_->Redact(reason);
  stats_.fell_back = true;
  stats_.fallback_reason = reason;
  if (fallback_ == nullptr) throw Error("llm planner: " + reason);
  LogWarning("llm planner: " + reason + "; using the fallback planner");
  PlanResult result = fallback_->Plan(text);
  result.planner = "llm->" + (result.planner.empty() ? std::string("fallback") : result.planner);
  result.warnings.insert(
      result.warnings.begin(),
      "llm planner failed, fell back to the " + result.planner.substr(5) + " planner: " + reason);
  return result;
}

PlanResult LlmPlanner::PlanWithModel(std::string_view text) {
  Conversation conversation(client_, &stats_, options_.repair_rounds);
  const std::string description = "Scene description:\n" + std::string(text);

  // Step 1: the assets, with the environment. Validated as scene JSON with the strict reader.
  json environment;
  json objects;
  SceneGraph assets_graph;
  {
    std::vector<ChatMessage> messages = {{"system", prompts::kPlannerAssetsV1, {}},
                                         {"user", description, {}}};
    const json reply = conversation.Ask(
        "plan/assets", messages, AssetsSchema(), [&](const json& j, JsonProblems* problems) {
          JsonObjectReader r(j, "", problems);
          const json* env = r.Get("environment", /*required=*/true);
          const json* objs = r.Get("objects", /*required=*/true);
          r.Finish();
          if (env == nullptr || objs == nullptr) return;
          json scene{{"schema", SceneGraph::kSchema}, {"environment", *env}, {"objects", *objs}};
          if (objs->is_array()) {
            if (objs->empty()) problems->Add("/objects", "list at least one physical object");
            if (static_cast<int>(objs->size()) > options_.max_objects) {
              problems->Add("/objects", "at most " + std::to_string(options_.max_objects) +
                                            " objects, found " + std::to_string(objs->size()));
            }
            for (size_t i = 0; i < objs->size(); ++i) {
              const json& o = (*objs)[i];
              if (!o.is_object()) continue;
              const std::string ptr = JsonPointerAppend("/objects", i);
              for (const char* key : kForbiddenObjectKeys) {
                if (o.contains(key)) {
                  problems->Add(JsonPointerAppend(ptr, key),
                                "the planner does not set '" + std::string(key) +
                                    "' (assets and poses are chosen later); leave it out");
                  scene["objects"][i].erase(key);
                }
              }
              if (!o.contains("size_m")) {
                problems->Add(JsonPointerAppend(ptr, "size_m"),
                              "give the object's real size [width, depth, height] in metres");
              }
              if (!o.contains("description") || !o["description"].is_string() ||
                  Trim(o["description"].get<std::string>()).empty()) {
                problems->Add(JsonPointerAppend(ptr, "description"),
                              "describe the object (colour, material, style)");
              }
            }
          }
          assets_graph = SceneGraphFromJson(scene, problems);
        });
    environment = reply["environment"];
    objects = reply["objects"];
  }
  for (size_t i = 0; i < assets_graph.objects.size(); ++i) {
    assets_graph.objects[i].source.pointer = JsonPointerAppend("/objects", i);
  }

  // Step 2: ordered sub-scenes; every object in exactly one.
  std::vector<std::string> ids;
  for (const Object& o : assets_graph.objects) ids.push_back(o.id);
  std::vector<Subscene> subscenes;
  {
    std::vector<ChatMessage> messages = {
        {"system", prompts::kPlannerSubscenesV1, {}},
        {"user", description + "\n\nObjects (step 1):\n" + json{{"objects", objects}}.dump(1), {}}};
    conversation.Ask(
        "plan/subscenes", messages, SubscenesSchema(), [&](const json& j, JsonProblems* problems) {
          JsonObjectReader r(j, "", problems);
          const json* subs = r.Get("subscenes", /*required=*/true);
          r.Finish();
          if (subs == nullptr) return;
          json scene{{"schema", SceneGraph::kSchema},
                     {"environment", environment},
                     {"objects", objects},
                     {"subscenes", *subs}};
          const SceneGraph g = SceneGraphFromJson(scene, problems);
          if (!subs->is_array()) return;
          if (subs->empty()) problems->Add("/subscenes", "give at least one sub-scene");
          if (static_cast<int>(subs->size()) > options_.max_subscenes) {
            problems->Add("/subscenes", "at most " + std::to_string(options_.max_subscenes) +
                                            " sub-scenes, found " + std::to_string(subs->size()));
          }
          std::map<std::string, int> seen;
          for (size_t i = 0; i < g.subscenes.size(); ++i) {
            for (size_t k = 0; k < g.subscenes[i].objects.size(); ++k) {
              const std::string& id = g.subscenes[i].objects[k];
              if (++seen[id] == 2) {
                problems->Add(
                    JsonPointerAppend(
                        JsonPointerAppend(JsonPointerAppend("/subscenes", i), "objects"), k),
                    "object '" + id + "' is already in an earlier sub-scene");
              }
            }
          }
          for (const std::string& id : ids) {
            if (seen.count(id) == 0) {
              problems->Add("/subscenes", "object '" + id + "' is in no sub-scene");
            }
          }
          subscenes = g.subscenes;
        });
  }

  // Step 3: each sub-scene's relation graph, in order; a relation may name objects of this and
  // earlier sub-scenes only.
  SceneGraph graph = assets_graph;
  graph.subscenes = subscenes;
  graph.prompt = std::string(text);
  std::set<std::string> placed;
  for (size_t s = 0; s < subscenes.size(); ++s) {
    const Subscene& sub = subscenes[s];
    const std::set<std::string> current(sub.objects.begin(), sub.objects.end());
    std::vector<std::string> earlier(placed.begin(), placed.end());
    json so_far = json::array();
    for (const Relation& r : graph.relations) so_far.push_back(RelationToJson(r));
    std::string user =
        description + "\n\nObjects:\n" + json{{"objects", objects}}.dump(1) + "\n\nSub-scenes:\n" +
        json{{"subscenes",
              [&] {
                json a = json::array();
                for (const Subscene& x : subscenes)
                  a.push_back(json{
                      {"title", x.title}, {"description", x.description}, {"objects", x.objects}});
                return a;
              }()}}
            .dump(1) +
        "\n\nRelations of earlier sub-scenes:\n" + so_far.dump(1) + "\n\nSub-scene " +
        std::to_string(s + 1) + " of " + std::to_string(subscenes.size()) + ": \"" + sub.title +
        "\". Its objects: " + Join(sub.objects, ", ") +
        (earlier.empty() ? "" : ". Already placed: " + Join(earlier, ", ")) + ".";
    std::string prompt =
        ReplaceAll(prompts::kPlannerRelationsV1, "{{RELATIONS}}", RelationVocabularyForPrompt());
    std::vector<ChatMessage> messages = {{"system", prompt, {}}, {"user", user, {}}};
    std::vector<Relation> relations;
    conversation.Ask(
        "plan/relations " + std::to_string(s + 1), messages, RelationsSchema(),
        [&](const json& j, JsonProblems* problems) {
          JsonObjectReader r(j, "", problems);
          const json* rels = r.Get("relations", /*required=*/true);
          r.Finish();
          if (rels == nullptr) return;
          json scene{{"schema", SceneGraph::kSchema},
                     {"environment", environment},
                     {"objects", objects},
                     {"relations", *rels}};
          if (rels->is_array()) {
            for (size_t i = 0; i < rels->size(); ++i) {
              if ((*rels)[i].is_object() && (*rels)[i].contains("source")) {
                problems->Add(JsonPointerAppend(JsonPointerAppend("/relations", i), "source"),
                              "leave 'source' out");
                scene["relations"][i].erase("source");
              }
            }
          }
          const SceneGraph g = SceneGraphFromJson(scene, problems);
          for (size_t i = 0; i < g.relations.size(); ++i) {
            const Relation& rel = g.relations[i];
            const std::string ptr =
                JsonPointerAppend(JsonPointerAppend("/relations", i), "objects");
            bool touches_current = false;
            for (size_t k = 0; k < rel.objects.size(); ++k) {
              const std::string& id = rel.objects[k];
              if (current.count(id) > 0) {
                touches_current = true;
              } else if (placed.count(id) == 0 &&
                         std::find(ids.begin(), ids.end(), id) != ids.end()) {
                problems->Add(JsonPointerAppend(ptr, k),
                              "object '" + id +
                                  "' belongs to a later sub-scene; relate it when its sub-scene "
                                  "comes");
              }
            }
            if (!touches_current && !rel.objects.empty()) {
              problems->Add(ptr, "the relation names no object of this sub-scene (" +
                                     Join(sub.objects, ", ") + ")");
            }
          }
          relations = g.relations;
        });
    for (size_t i = 0; i < relations.size(); ++i) {
      relations[i].source.pointer =
          "/subscenes/" + std::to_string(s) + "/relations/" + std::to_string(i);
      graph.relations.push_back(std::move(relations[i]));
    }
    placed.insert(current.begin(), current.end());
  }

  // The assembled graph passes the same checks as any scene file.
  JsonProblems problems;
  ValidateSceneGraph(graph, &problems);
  if (!problems.empty()) {
    throw ModelFailure{"the assembled plan has problems: " + FirstProblems(problems, 3)};
  }
  PlanResult result;
  result.graph = std::move(graph);
  result.planner = "llm";
  return result;
}

}  // namespace scenecraft
