// The client and the planner over real HTTP (CurlTransport) against the replay server on
// 127.0.0.1, one test per fault. Suite names contain "Integration" (real servers).
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

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

TEST(LlmPlannerIntegration, AHundredMegabyteReplyIsCutAtTheLimitAndFallsBack) {
  const PlanRun run = PlanAgainst("huge_reply");
  EXPECT_EQ(run.plan.planner, "llm->offline");
  EXPECT_EQ(run.requests.size(), 1u);  // not retried
  EXPECT_TRUE(AnyWarningHas(run.plan, "the reply is larger than 8388608 bytes"))
      << [&] { return run.plan.warnings.empty() ? std::string() : run.plan.warnings[0]; }();
  for (const std::string& w : run.plan.warnings) EXPECT_LT(w.size(), 2000u);
  EXPECT_LT(run.seconds, 30.0);
}

TEST(LlmPlannerIntegration, ANumberBeyondADoubleInAReplyIsAProblemNotAnAbort) {
  const PlanRun run = PlanAgainst("number_overflow");
  EXPECT_EQ(run.plan.planner, "llm->offline");
  EXPECT_TRUE(AnyWarningHas(run.plan, "number overflow parsing '1e400'"));
}

TEST(LlmPlannerIntegration, AnEchoedKeyNeverReachesThePlan) {
  const PlanRun run = PlanAgainst("echo_key");
  ASSERT_EQ(run.plan.planner, "llm");
  const std::string sofa = run.plan.graph.objects[0].description;
  EXPECT_EQ(sofa.find(kKey), std::string::npos) << sofa;
  EXPECT_NE(sofa.find("[REDACTED]"), std::string::npos) << sofa;
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

namespace scenecraft {
namespace {

// Writes a self-signed certificate for 127.0.0.1 (EC P-256, valid one day) and its key as PEM.
void WriteSelfSignedCertificate(const std::string& cert_path, const std::string& key_path) {
  EVP_PKEY* key = EVP_EC_gen("P-256");
  ASSERT_NE(key, nullptr);
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, key);
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
  X509_set_issuer_name(cert, name);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
  ASSERT_NE(san, nullptr);
  X509_add_ext(cert, san, -1);
  X509_EXTENSION_free(san);
  ASSERT_GT(X509_sign(cert, key, EVP_sha256()), 0);
  FILE* c = std::fopen(cert_path.c_str(), "w");
  PEM_write_X509(c, cert);
  std::fclose(c);
  FILE* k = std::fopen(key_path.c_str(), "w");
  PEM_write_PrivateKey(k, key, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(k);
  X509_free(cert);
  EVP_PKEY_free(key);
}

TEST(LlmClientTlsIntegration, HttpsWithATrustedCaWorksAndAnUntrustedOneIsNotRetried) {
  const std::string dir = std::filesystem::temp_directory_path().string();
  const std::string cert = dir + "/scenecraft_replay_cert_" + std::to_string(getpid()) + ".pem";
  const std::string key = dir + "/scenecraft_replay_key_" + std::to_string(getpid()) + ".pem";
  WriteSelfSignedCertificate(cert, key);
  testing::ReplayServer server("ok", 0, 3.0, cert, key);
  ASSERT_EQ(server.base_url().rfind("https://127.0.0.1:", 0), 0u);
  LlmOptions options;
  options.url = server.base_url();
  options.model = "replay-model";
  options.backoff_base_s = 0.01;
  ChatRequest request;
  request.purpose = "tls";
  request.messages = {{"system", "STEP: critique", {}}, {"user", "0: near(a, b)", {}}};

  // The system store does not know the self-signed certificate: no retry, a hint what to set.
  CurlTransport transport;
  ChatClient untrusted(options, &transport);
  try {
    untrusted.Complete(request);
    FAIL();
  } catch (const LlmError& e) {
    EXPECT_EQ(e.kind(), LlmError::Kind::kTls) << e.what();
    EXPECT_NE(std::string(e.what()).find("ca_file"), std::string::npos) << e.what();
  }
  EXPECT_EQ(untrusted.calls()[0].attempts, 1);

  // With the certificate as CA the exchange succeeds over TLS.
  options.ca_file = cert;
  ChatClient trusted(options, &transport);
  const ChatReply reply = trusted.Complete(request);
  EXPECT_NE(reply.content.find("\"findings\""), std::string::npos);
  std::filesystem::remove(cert);
  std::filesystem::remove(key);
}

}  // namespace
}  // namespace scenecraft
