// The client and the planner over real HTTP (CurlTransport) against the replay server on
// 127.0.0.1, one test per fault. Suite names contain "Integration" (real servers).
#include <gtest/gtest.h>

#include <chrono>

#include "scenecraft/lang/planner.h"
#include "scenecraft/llm/chat_client.h"
#include "scenecraft/llm/llm_planner.h"
#include "scenecraft/llm/testing/replay_server.h"

namespace scenecraft {
namespace {

using testing::ReplayServer;

constexpr const char* kKey = "sk-replay-SECRET-42";

struct PlanRun {
  PlanResult plan;
  LlmPlanStats stats;
  std::vector<testing::RecordedRequest> requests;
  double seconds = 0.0;
};

PlanRun PlanAgainst(const std::string& scenario, double request_timeout_s = 5.0) {
  ReplayServer server(scenario, 0, /*slow_s=*/3.0);
  LlmOptions options;
  options.url = server.base_url();
  options.model = "replay-model";
  options.api_key = kKey;
  options.request_timeout_s = request_timeout_s;
  options.backoff_base_s = 0.05;  // keep the tests fast; Retry-After is still honoured
  CurlTransport transport;
  ChatClient client(options, &transport);
  OfflinePlannerOptions offline_options;
  offline_options.use_wordnet = false;
  OfflinePlanner offline(offline_options);
  LlmPlanner planner(&client, &offline);
  PlanRun run;
  const auto start = std::chrono::steady_clock::now();
  run.plan = planner.Plan(testing::kReplayPrompt);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.stats = planner.last_stats();
  run.requests = server.requests();
  return run;
}

bool AnyWarningHas(const PlanResult& plan, const std::string& text) {
  for (const std::string& w : plan.warnings) {
    if (w.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(LlmPlannerIntegration, RealisticRepliesPlanTheLivingRoom) {
  const PlanRun run = PlanAgainst("ok");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.plan.graph.objects.size(), 6u);
  EXPECT_EQ(run.plan.graph.subscenes.size(), 3u);
  EXPECT_EQ(run.plan.graph.relations.size(), 8u);
  EXPECT_EQ(run.requests.size(), 5u);  // assets, subscenes, 3 relation graphs
  for (const auto& r : run.requests) {
    EXPECT_EQ(r.authorization, std::string("Bearer ") + kKey);
    EXPECT_NE(r.body.find("\"response_format\""), std::string::npos);
  }
}

TEST(LlmPlannerIntegration, MalformedJsonIsRepaired) {
  const PlanRun run = PlanAgainst("malformed_json");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.stats.repairs, 1);
  EXPECT_NE(run.requests[1].body.find("the reply is not valid JSON"), std::string::npos);
}

TEST(LlmPlannerIntegration, MissingFieldsAreRepaired) {
  const PlanRun run = PlanAgainst("missing_fields");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.stats.repairs, 1);
  const std::string& body = run.requests[1].body;
  EXPECT_NE(body.find("/objects/1/category: missing required member"), std::string::npos) << body;
  EXPECT_NE(body.find("/objects/3/size_m"), std::string::npos);
  EXPECT_NE(body.find("/objects/4/colour"), std::string::npos);
}

TEST(LlmPlannerIntegration, InventedRelationTypesAreRepaired) {
  const PlanRun run = PlanAgainst("invented_relation");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.stats.repairs, 1);
  EXPECT_NE(run.requests[3].body.find("unknown relation type 'levitating_above'"),
            std::string::npos);
}

TEST(LlmPlannerIntegration, InventedRelationsThatStayFallBackToOffline) {
  const PlanRun run = PlanAgainst("invented_relation_always");
  EXPECT_EQ(run.plan.planner, "llm->offline");
  EXPECT_EQ(run.stats.repairs, 2);
  EXPECT_TRUE(AnyWarningHas(run.plan, "levitating_above"));
  EXPECT_FALSE(run.plan.graph.objects.empty());  // the offline result is kept
}

TEST(LlmPlannerIntegration, RateLimitHonoursRetryAfter) {
  const PlanRun run = PlanAgainst("rate_limit");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.requests[0].status, 429);
  EXPECT_EQ(run.requests[1].status, 429);
  EXPECT_GE(run.seconds, 2.0);  // two waits of Retry-After: 1
}

TEST(LlmPlannerIntegration, ServerErrorsAreRetried) {
  const PlanRun run = PlanAgainst("server_error");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.requests.size(), 7u);
}

TEST(LlmPlannerIntegration, PersistentServerErrorsFallBack) {
  const PlanRun run = PlanAgainst("server_error_always");
  EXPECT_EQ(run.plan.planner, "llm->offline");
  EXPECT_EQ(run.requests.size(), 4u);  // 1 + 3 retries
  EXPECT_TRUE(AnyWarningHas(run.plan, "HTTP 500"));
}

TEST(LlmPlannerIntegration, SlowReplyTimesOutAndTheRetrySucceeds) {
  const PlanRun run = PlanAgainst("slow", /*request_timeout_s=*/1.0);
  EXPECT_EQ(run.plan.planner, "llm");
  // The first request timed out after 1 s (the server records it only when its sleep ends).
  EXPECT_GE(run.seconds, 1.0);
  EXPECT_LT(run.seconds, 3.0);
}

TEST(LlmPlannerIntegration, DroppedConnectionIsRetried) {
  const PlanRun run = PlanAgainst("drop");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.requests.size(), 6u);
}

TEST(LlmPlannerIntegration, GarbledHttpBodyIsRetried) {
  const PlanRun run = PlanAgainst("garbled_http");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.requests.size(), 6u);
}

TEST(LlmPlannerIntegration, RefusalsFallBack) {
  for (const char* scenario : {"refusal", "refusal_text"}) {
    const PlanRun run = PlanAgainst(scenario);
    EXPECT_EQ(run.plan.planner, "llm->offline") << scenario;
    EXPECT_EQ(run.requests.size(), 1u) << scenario;
    EXPECT_TRUE(AnyWarningHas(run.plan, "the model refused")) << scenario;
  }
}

TEST(LlmPlannerIntegration, ServerWithoutResponseFormatIsAskedWithout) {
  const PlanRun run = PlanAgainst("no_response_format");
  EXPECT_EQ(run.plan.planner, "llm");
  EXPECT_EQ(run.requests[0].status, 400);
  EXPECT_EQ(run.requests.size(), 6u);
  EXPECT_EQ(run.requests[5].body.find("response_format"), std::string::npos);
}

TEST(LlmPlannerIntegration, WrongKeyFallsBackAtOnceAndTheKeyStaysSecret) {
  const PlanRun run = PlanAgainst("unauthorized");
  EXPECT_EQ(run.plan.planner, "llm->offline");
  EXPECT_EQ(run.requests.size(), 1u);
  EXPECT_TRUE(AnyWarningHas(run.plan, "SCENECRAFT_API_KEY"));
  for (const std::string& w : run.plan.warnings) EXPECT_EQ(w.find(kKey), std::string::npos);
}

TEST(LlmPlannerIntegration, UnreachableEndpointFallsBackQuickly) {
  LlmOptions options;
  options.url = "http://127.0.0.1:9/v1";
  options.model = "m";
  options.backoff_base_s = 0.05;
  CurlTransport transport;
  ChatClient client(options, &transport);
  OfflinePlannerOptions offline_options;
  offline_options.use_wordnet = false;
  OfflinePlanner offline(offline_options);
  LlmPlanner planner(&client, &offline);
  const auto start = std::chrono::steady_clock::now();
  const PlanResult plan = planner.Plan("A lamp on a desk.");
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(plan.planner, "llm->offline");
  EXPECT_LT(s, 5.0);
  EXPECT_TRUE(AnyWarningHas(plan, "network"));
}

}  // namespace
}  // namespace scenecraft
