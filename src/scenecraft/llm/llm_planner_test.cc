// LlmPlanner against a fake transport: the paper's three steps, validation with JSON pointers,
// repair rounds, refusal, and fallback to the injected planner.
#include "scenecraft/llm/llm_planner.h"

#include <gtest/gtest.h>

#include <functional>

#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using nlohmann::json;

std::string StepOf(const json& body) {
  const std::string first = body["messages"][0]["content"].get<std::string>();
  for (const char* step : {"assets", "subscenes", "relations"}) {
    if (StartsWith(first, std::string("STEP: ") + step)) return step;
  }
  return "?";
}

// Answers each step with what `answer(step, body)` returns as the assistant content.
class StepTransport : public HttpTransport {
 public:
  std::function<std::string(const std::string&, const json&)> answer;
  std::vector<json> bodies;
  HttpResponse Post(const HttpRequest& request) override {
    const json body = json::parse(request.body);
    bodies.push_back(body);
    HttpResponse r;
    r.status = 200;
    r.body = json{{"choices",
                   {{{"message", {{"role", "assistant"}, {"content", answer(StepOf(body), body)}}},
                     {"finish_reason", "stop"}}}}}
                 .dump();
    return r;
  }
};

const char* kAssets = R"({"environment": {"kind": "room", "size_m": [4, 4, 2.7]},
  "objects": [
    {"id": "desk_1", "category": "desk", "description": "oak desk", "size_m": [1.2, 0.6, 0.75],
     "has_front": true, "support": "floor"},
    {"id": "lamp_1", "category": "lamp", "description": "brass lamp", "size_m": [0.2, 0.2, 0.45],
     "has_front": false, "support": "surface"}]})";
const char* kSubscenes = R"({"subscenes": [
    {"title": "anchor", "description": "the desk", "objects": ["desk_1"]},
    {"title": "details", "description": "the lamp on it", "objects": ["lamp_1"]}]})";

std::string GoodRelations(const json& body) {
  const std::string user = body["messages"][1]["content"].get<std::string>();
  if (user.find("Sub-scene 1 of 2") != std::string::npos) {
    return R"({"relations": [{"type": "against_wall", "objects": ["desk_1"], "hard": true}]})";
  }
  return R"({"relations": [{"type": "on", "objects": ["lamp_1", "desk_1"], "hard": true}]})";
}

class Offline : public Planner {
 public:
  int calls = 0;
  PlanResult Plan(std::string_view) override {
    ++calls;
    PlanResult r;
    r.planner = "offline";
    Object o;
    o.id = "thing_1";
    o.category = "thing";
    r.graph.objects.push_back(o);
    return r;
  }
};

LlmOptions Options() {
  LlmOptions o;
  o.model = "fake";
  o.url = "http://127.0.0.1:1/v1";
  return o;
}

TEST(LlmPlanner, FollowsThePapersStepsIntoAValidSceneGraph) {
  StepTransport transport;
  transport.answer = [](const std::string& step, const json& body) -> std::string {
    if (step == "assets") return kAssets;
    if (step == "subscenes") return std::string("```json\n") + kSubscenes + "\n```";
    return GoodRelations(body);
  };
  ChatClient client(Options(), &transport, [](double) {});
  Offline offline;
  LlmPlanner planner(&client, &offline);
  const PlanResult plan = planner.Plan("A brass lamp on an oak desk against the wall.");
  EXPECT_EQ(plan.planner, "llm");
  EXPECT_EQ(offline.calls, 0);
  ASSERT_EQ(plan.graph.objects.size(), 2u);
  EXPECT_NEAR(plan.graph.objects[1].size.z, 0.45, 1e-9);
  EXPECT_EQ(plan.graph.objects[1].support, Support::kSurface);
  ASSERT_EQ(plan.graph.subscenes.size(), 2u);
  ASSERT_EQ(plan.graph.relations.size(), 2u);
  EXPECT_EQ(plan.graph.relations[1].ToString(), "on(lamp_1, desk_1) [hard]");
  EXPECT_TRUE(plan.graph.relations[1].hard);
  EXPECT_EQ(plan.graph.relations[1].source.pointer, "/subscenes/1/relations/0");
  // 1 assets + 1 subscenes + 2 relation graphs; the vocabulary reached the prompt.
  ASSERT_EQ(transport.bodies.size(), 4u);
  const std::string system = transport.bodies[2]["messages"][0]["content"].get<std::string>();
  EXPECT_NE(system.find("- around (2-n objects, reference last) args: distance_m"),
            std::string::npos);
  EXPECT_EQ(system.find("{{RELATIONS}}"), std::string::npos);
}

TEST(LlmPlanner, SendsTheExactProblemsBackAndUsesTheRepairedReply) {
  StepTransport transport;
  transport.answer = [](const std::string& step, const json& body) -> std::string {
    if (step == "assets") return kAssets;
    if (step == "subscenes") return kSubscenes;
    if (body["messages"].size() == 2 && body["messages"][1]["content"].get<std::string>().find(
                                            "Sub-scene 2") != std::string::npos) {
      return R"({"relations": [{"type": "sits_on", "objects": ["lamp_1", "desk_9"]}]})";
    }
    return GoodRelations(body);
  };
  ChatClient client(Options(), &transport, [](double) {});
  Offline offline;
  LlmPlanner planner(&client, &offline);
  const PlanResult plan = planner.Plan("A lamp on a desk.");
  EXPECT_EQ(plan.planner, "llm");
  EXPECT_EQ(planner.last_stats().repairs, 1);
  ASSERT_EQ(transport.bodies.size(), 5u);
  const json& repair = transport.bodies[4]["messages"];
  ASSERT_EQ(repair.size(), 4u);
  EXPECT_EQ(repair[2]["role"], "assistant");
  const std::string feedback = repair[3]["content"].get<std::string>();
  EXPECT_NE(feedback.find("/relations/0/type: unknown relation type 'sits_on'"), std::string::npos)
      << feedback;
  EXPECT_NE(feedback.find("/relations/0/objects/1: no object has id 'desk_9'"), std::string::npos)
      << feedback;
}

TEST(LlmPlanner, FallsBackAfterTheRepairRoundsAndSaysWhy) {
  StepTransport transport;
  transport.answer = [](const std::string& step, const json&) -> std::string {
    if (step == "assets") {
      return R"({"environment": {"kind": "room", "size_m": [4, 4, 2.7]},
                 "objects": [{"id": "desk_1", "category": "desk", "colour": "red"}]})";
    }
    return "{}";
  };
  ChatClient client(Options(), &transport, [](double) {});
  Offline offline;
  LlmPlannerOptions options;
  options.repair_rounds = 2;
  LlmPlanner planner(&client, &offline, options);
  const PlanResult plan = planner.Plan("A desk.");
  EXPECT_EQ(plan.planner, "llm->offline");
  EXPECT_EQ(offline.calls, 1);
  EXPECT_EQ(transport.bodies.size(), 3u);  // first reply + 2 repairs
  ASSERT_FALSE(plan.warnings.empty());
  EXPECT_NE(plan.warnings[0].find("after 2 repair round(s)"), std::string::npos)
      << plan.warnings[0];
  EXPECT_NE(plan.warnings[0].find("/objects/0/colour: unknown member"), std::string::npos)
      << plan.warnings[0];
}

TEST(LlmPlanner, ForbidsAssetsPosesAndMissingSizes) {
  StepTransport transport;
  transport.answer = [](const std::string&, const json&) -> std::string {
    return R"({"environment": {"kind": "room", "size_m": [4, 4, 2.7]},
               "objects": [{"id": "desk_1", "category": "desk", "description": "d",
                            "asset": "user:/etc/passwd", "pose": {"x": 1}}]})";
  };
  ChatClient client(Options(), &transport, [](double) {});
  LlmPlannerOptions options;
  options.repair_rounds = 0;
  LlmPlanner planner(&client, nullptr, options);
  try {
    planner.Plan("A desk.");
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("/objects/0/asset: the planner does not set 'asset'"), std::string::npos)
        << what;
    EXPECT_NE(what.find("/objects/0/pose"), std::string::npos) << what;
    EXPECT_NE(what.find("/objects/0/size_m"), std::string::npos) << what;
  }
}

TEST(LlmPlanner, RefusalFallsBackWithoutRepair) {
  StepTransport transport;
  transport.answer = [](const std::string&, const json&) -> std::string {
    return "I'm sorry, but I can't help with that.";
  };
  ChatClient client(Options(), &transport, [](double) {});
  Offline offline;
  LlmPlanner planner(&client, &offline);
  const PlanResult plan = planner.Plan("A desk.");
  EXPECT_EQ(plan.planner, "llm->offline");
  EXPECT_EQ(transport.bodies.size(), 1u);
  EXPECT_NE(plan.warnings[0].find("the model refused"), std::string::npos) << plan.warnings[0];
}

TEST(LlmPlanner, EmptyTextIsAnError) {
  StepTransport transport;
  ChatClient client(Options(), &transport, [](double) {});
  Offline offline;
  LlmPlanner planner(&client, &offline);
  EXPECT_THROW(planner.Plan("  "), Error);
  EXPECT_TRUE(transport.bodies.empty());
}

TEST(LlmPlannerText, ExtractsJsonFromFencesAndProse) {
  EXPECT_EQ(ExtractJsonText("  {\"a\": 1} "), "{\"a\": 1}");
  EXPECT_EQ(ExtractJsonText("Here:\n```json\n{\"a\": 1}\n```\nDone."), "{\"a\": 1}");
  EXPECT_EQ(ExtractJsonText("Sure! {\"a\": {\"b\": 2}} hope it helps"), "{\"a\": {\"b\": 2}}");
  EXPECT_TRUE(LooksLikeRefusal("I'm sorry, but I cannot help with that."));
  EXPECT_FALSE(LooksLikeRefusal("Sorry for the wait: {\"a\": 1}"));
  EXPECT_FALSE(LooksLikeRefusal("import os"));
}

}  // namespace
}  // namespace scenecraft
