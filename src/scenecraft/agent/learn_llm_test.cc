// The LLM library-learner against a local OpenAI-compatible server (cpp-httplib on 127.0.0.1,
// the real curl transport and chat client): what the model proposes is checked against the skill
// schema, and every invalid proposal is rejected with its reason.
#include "scenecraft/agent/learn_llm.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <mutex>
#include <thread>

#include "scenecraft/agent/learn.h"
#include "scenecraft/agent/learn_testing.h"
#include "scenecraft/llm/http_transport.h"
#include "scenecraft/skills/skill_json.h"
#include "scenecraft/skills/store.h"

namespace scenecraft {
namespace {

// A model's reply: one valid refinement, a learned fix, and four that the schema refuses (an
// argument `near` does not take, an unknown relation, code where data belongs, an unknown kind).
constexpr const char* kProposals = R"json({"skills": [
  {"kind": "refinement", "params": {"relation": "near", "subject": "nightstand",
   "reference": "bed", "args": {"distance_m": 0.3}}, "why": "3 queries measured 0.1-0.2 m"},
  {"kind": "refinement", "params": {"relation": "near", "subject": "chair", "reference": "desk",
   "hard": true, "on_failure": true}, "why": "fixed in 2 queries"},
  {"kind": "refinement", "params": {"relation": "near", "subject": "lamp", "reference": "desk",
   "args": {"height_m": 2}}, "why": "x"},
  {"kind": "motif", "params": {"anchor": "desk", "relations": [{"relation": "levitate",
   "member": "chair"}]}, "why": "x"},
  {"kind": "implied", "params": {"subject": "rug", "relation": "under", "target": "sofa"},
   "why": "x", "code": "__import__('os').system('true')"
},
  {"kind": "script", "params": {}, "why": "x"}]
})json";

class FakeModel {
 public:
  explicit FakeModel(std::string content) : content_(std::move(content)) {
    server_.Post("/v1/chat/completions", [this](const httplib::Request& req,
                                                httplib::Response& res) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        bodies_.push_back(req.body);
      }
      const nlohmann::json reply{
          {"id", "fake"},
          {"object", "chat.completion"},
          {"choices",
           {{{"index", 0},
             {"message", {{"role", "assistant"}, {"content", content_}}},
             {"finish_reason", "stop"}}}},
          {"usage", {{"prompt_tokens", 100}, {"completion_tokens", 50}, {"total_tokens", 150}}}};
      res.set_content(reply.dump(), "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // The socket listens once bound; requests queue until the thread accepts them.
  }
  ~FakeModel() {
    server_.stop();
    thread_.join();
  }
  LlmOptions Options() const {
    LlmOptions o;
    o.url = "http://127.0.0.1:" + std::to_string(port_) + "/v1";
    o.model = "fake-learner";
    o.use_cache = false;
    o.max_retries = 0;
    return o;
  }
  std::vector<std::string> bodies() {
    std::lock_guard<std::mutex> lock(mutex_);
    return bodies_;
  }

 private:
  std::string content_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> bodies_;
};

TEST(LlmLearner, ProposalsAreCheckedAgainstTheSchemaAndInvalidOnesRejectedWithReasons) {
  FakeModel model(kProposals);
  CurlTransport transport;
  ChatClient client(model.Options(), &transport);
  Evidence e{RelationType::kNear, "nightstand", "bed", "distance_m", 0.15, "", "q1", 0};
  const LlmSkillProposals p = ProposeSkillUpdates(client, {e}, SeedSkills());
  ASSERT_EQ(p.valid.size(), 2u);
  EXPECT_EQ(p.valid[0].key, "near:nightstand:bed");
  EXPECT_EQ(p.valid[0].provenance.origin, "llm");
  EXPECT_EQ(p.valid[0].provenance.note, "3 queries measured 0.1-0.2 m");
  EXPECT_EQ(p.valid[0].version, 0);
  EXPECT_EQ(p.valid[1].key, "near:chair:desk:fix");
  ASSERT_EQ(p.rejected.size(), 4u);
  EXPECT_NE(p.rejected[0].reason.find("/skills/2/params/args/height_m: 'near' takes no argument"),
            std::string::npos)
      << p.rejected[0].reason;
  EXPECT_NE(p.rejected[1].reason.find("/skills/3/params/relations/0/relation"), std::string::npos)
      << p.rejected[1].reason;
  EXPECT_NE(p.rejected[2].reason.find("/skills/4/code"), std::string::npos) << p.rejected[2].reason;
  EXPECT_NE(p.rejected[3].reason.find("/skills/5/kind"), std::string::npos) << p.rejected[3].reason;
  // What was proposed is kept as text, for the library's log of invalid updates.
  EXPECT_EQ(nlohmann::json::parse(p.rejected[2].proposal)["code"],
            "__import__('os').system('true')");
  // The request carried the evidence and the library, as data.
  const std::vector<std::string> bodies = model.bodies();
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_NE(bodies[0].find("near(nightstand, bed) measured, distance_m: q1=0.15"),
            std::string::npos);
  EXPECT_NE(bodies[0].find("skill_updates"), std::string::npos);
}

TEST(LlmLearner, AReplyThatIsNotTheSchemaRejectsEverything) {
  EXPECT_EQ(ParseSkillProposals("not json").rejected.size(), 1u);
  const LlmSkillProposals p = ParseSkillProposals(R"({"skills": [], "extra": 1})");
  EXPECT_TRUE(p.valid.empty());
  ASSERT_EQ(p.rejected.size(), 1u);
  EXPECT_EQ(p.rejected[0].reason, "the reply is not {\"skills\": [...]}");
  EXPECT_TRUE(ParseSkillProposals(R"({"skills": []})").rejected.empty());
}

TEST(LlmLearner, AnEndpointFailureIsARejectionNotAnError) {
  LlmOptions o;
  o.url = "http://127.0.0.1:9/v1";  // nothing listens on the discard port
  o.model = "none";
  o.use_cache = false;
  o.max_retries = 0;
  o.connect_timeout_s = 2;
  CurlTransport transport;
  ChatClient client(o, &transport);
  const LlmSkillProposals p = ProposeSkillUpdates(client, {}, {});
  EXPECT_TRUE(p.valid.empty());
  ASSERT_EQ(p.rejected.size(), 1u);
  EXPECT_EQ(p.rejected[0].reason.rfind("the learner's model call failed: ", 0), 0u)
      << p.rejected[0].reason;
}

// learn with a model, end to end on the real Blender: the model's valid proposal is tried by
// re-running the queries it would change and logged with the pass rates; its invalid one is
// rejected with the reason. (Suite name with "Integration": it starts Blender.)
TEST(LlmLearnerIntegration, ValidProposalsAreTriedByTheReRunRuleInvalidOnesRejected) {
  FakeModel model(R"({"skills": [
    {"kind": "refinement", "params": {"relation": "near", "subject": "nightstand",
     "reference": "bed", "hard": true}, "why": "every query placed them close"},
    {"kind": "refinement", "params": {"relation": "near", "subject": "piano", "reference": "bed",
     "hard": true}, "why": "no such pair"},
    {"kind": "refinement", "params": {"relation": "hover", "subject": "nightstand",
     "reference": "bed"}, "why": "x"}]})");
  LearnTestBed bed("llm-learn");
  LearnOptions& options = bed.options;
  CurlTransport transport;
  ChatClient client(model.Options(), &transport);
  options.learner = &client;
  std::vector<std::string> scenes;
  for (int k = 0; k < 2; ++k) {
    scenes.push_back(R"({"schema": 1, "environment": {"kind": "room", "size_m": [)" +
                     std::to_string(4 + k) + R"(, 4, 2.7]}, "objects": [
        {"id": "bed_1", "category": "bed"}, {"id": "nightstand_1", "category": "nightstand"}],
        "relations": [{"type": "near", "objects": ["nightstand_1", "bed_1"]}]})");
  }
  const std::vector<BatchItem> items = Items("bed", scenes);
  const LearnReport report = LearnFromCorpus(items, options, bed.backends, bed.launcher);
  EXPECT_EQ(model.bodies().size(), 1u);
  SkillStore store(options.library);
  int tried = 0, unexercised = 0;
  for (const SkillUpdate& u : store.Log()) {
    if (u.candidate.provenance.origin != "llm") continue;
    if (u.candidate.key == "near:nightstand:bed") {
      ++tried;
      EXPECT_NE(u.reason.find("llm: every query placed them close; pass rate on its 2 queries "),
                std::string::npos)
          << u.reason;
    }
    if (u.candidate.key == "near:piano:bed") {
      ++unexercised;
      EXPECT_FALSE(u.accepted);
      EXPECT_EQ(u.reason, "llm proposal: no query of the batch exercises it");
    }
  }
  EXPECT_EQ(tried, 1) << report.ToString();
  EXPECT_EQ(unexercised, 1) << report.ToString();
  bool schema_rejection = false;
  for (const std::string& r : report.rejected) {
    schema_rejection = schema_rejection ||
                       r.rfind("llm proposal: /skills/2/params/relation: unknown relation", 0) == 0;
  }
  EXPECT_TRUE(schema_rejection) << report.ToString();
  // ... and it is in the library's log of invalid updates, with what was proposed.
  const std::vector<InvalidUpdate> invalid = store.InvalidLog();
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0].origin, "llm");
  EXPECT_EQ(invalid[0].reason.rfind("/skills/2/params/relation: unknown relation", 0), 0u)
      << invalid[0].reason;
  EXPECT_EQ(nlohmann::json::parse(invalid[0].proposal)["params"]["relation"], "hover");
}

}  // namespace
}  // namespace scenecraft
