// The vision critic: strict parsing of the model's critique, the merge rule (measured facts win),
// fallback to the geometric critic, and a real exchange with the replay server (image included).
#include "scenecraft/critic/vlm_critic.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "scenecraft/llm/testing/replay_server.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

using nlohmann::json;

SceneGraph TwoObjects() {
  SceneGraph g;
  g.prompt = "A sofa facing a TV stand.";
  for (const char* id : {"sofa_1", "tv_stand_1"}) {
    Object o;
    o.id = id;
    o.category = id;
    g.objects.push_back(o);
  }
  Relation facing;
  facing.type = RelationType::kFacing;
  facing.objects = {"sofa_1", "tv_stand_1"};
  Relation near = facing;
  near.type = RelationType::kNear;
  g.relations = {facing, near};
  return g;
}

class FixedCritic : public Critic {
 public:
  Critique critique;
  int calls = 0;
  Critique Review(const CritiqueInput&) override {
    ++calls;
    return critique;
  }
};

TEST(VlmCritique, ParsesRelationVerdictsAndWhatGeometryCannotSee) {
  const SceneGraph g = TwoObjects();
  JsonProblems problems;
  const Critique c = ParseVlmCritique(json::parse(R"({"score": 0.5, "findings": [
      {"kind": "relation", "relation": 1, "objects": ["sofa_1"], "observed": "far apart",
       "suggestion": "move closer"},
      {"kind": "missing_object", "objects": ["rug"], "observed": "no rug", "suggestion": "add"},
      {"kind": "composition", "objects": [], "observed": "empty left", "suggestion": "fill"}]})"),
                                      g, &problems);
  ASSERT_TRUE(problems.empty()) << problems.ToString("reply");
  EXPECT_EQ(c.relations_total, 2);
  EXPECT_EQ(c.relations_passed, 1);
  ASSERT_EQ(c.findings.size(), 4u);
  EXPECT_TRUE(c.findings[0].pass);
  EXPECT_FALSE(c.findings[1].pass);
  EXPECT_EQ(*c.findings[1].relation, 1u);
  EXPECT_EQ(c.findings[1].measured, "far apart");
  EXPECT_EQ(c.findings[2].kind, Finding::Kind::kCount);
  EXPECT_EQ(c.findings[3].kind, Finding::Kind::kComposition);
  for (const Finding& f : c.findings) EXPECT_EQ(f.source, "vlm");
}

TEST(VlmCritique, ReportsEveryProblemWithItsPointer) {
  const SceneGraph g = TwoObjects();
  JsonProblems problems;
  ParseVlmCritique(json::parse(R"({"score": 3, "verdict": "ok", "findings": [
      {"kind": "relation", "relation": 7, "objects": [], "observed": "x"},
      {"kind": "vibes", "objects": [], "observed": "x"},
      {"kind": "composition", "objects": []}]})"),
                   g, &problems);
  const std::string text = problems.ToString("reply");
  EXPECT_NE(text.find("/score: must be in [0, 1]"), std::string::npos) << text;
  EXPECT_NE(text.find("/verdict"), std::string::npos) << text;
  EXPECT_NE(text.find("/findings/0/relation: no relation has number 7"), std::string::npos) << text;
  EXPECT_NE(text.find("/findings/1/kind: unknown finding kind 'vibes'"), std::string::npos) << text;
  EXPECT_NE(text.find("/findings/2/observed"), std::string::npos) << text;
}

TEST(MergeCritiques, MeasuredFactsWinAndTheModelAddsWhatGeometryCannotSee) {
  Critique geometric;
  Finding measured;
  measured.kind = Finding::Kind::kRelation;
  measured.relation = 0;
  measured.pass = true;
  measured.measured = "angle 4 deg";
  geometric.findings = {measured};
  geometric.relations_total = 1;
  geometric.relations_passed = 1;
  geometric.score = 1.0;

  Critique vlm;
  Finding wrong = measured;
  wrong.pass = false;  // the model thinks the relation fails; geometry measured it passing
  wrong.source = "vlm";
  Finding collision;
  collision.kind = Finding::Kind::kCollision;
  collision.source = "vlm";
  Finding missing;
  missing.kind = Finding::Kind::kCount;
  missing.objects = {"rug"};
  missing.source = "vlm";
  Finding asset = missing;
  asset.kind = Finding::Kind::kAsset;
  asset.objects = {"tv_1"};
  vlm.findings = {wrong, collision, missing, asset};

  const Critique merged = MergeCritiques(geometric, vlm);
  EXPECT_EQ(merged.relations_passed, 1);
  EXPECT_EQ(merged.score, 1.0);
  ASSERT_EQ(merged.findings.size(), 3u);
  EXPECT_TRUE(merged.findings[0].pass);
  EXPECT_EQ(merged.findings[0].source, "geometric");
  EXPECT_EQ(merged.findings[1].kind, Finding::Kind::kCount);
  EXPECT_EQ(merged.findings[2].kind, Finding::Kind::kAsset);
}

// A transport that returns one fixed assistant content.
class OneReply : public HttpTransport {
 public:
  std::string content;
  int posts = 0;
  HttpResponse Post(const HttpRequest&) override {
    ++posts;
    HttpResponse r;
    r.status = 200;
    r.body = json{{"choices", {{{"message", {{"content", content}}}}}}}.dump();
    return r;
  }
};

TEST(VlmCritic, InvalidRepliesFallBackToTheGeometricCriticWithAWarning) {
  OneReply transport;
  transport.content = "Looks great!";
  LlmOptions options;
  options.model = "m";
  ChatClient client(options, &transport, [](double) {});
  FixedCritic geometric;
  geometric.critique.relations_total = 2;
  VlmCritic critic(&client, &geometric);
  const SceneGraph g = TwoObjects();
  CritiqueInput input;
  input.graph = &g;
  const Critique c = critic.Review(input);
  EXPECT_EQ(geometric.calls, 1);
  EXPECT_EQ(c.relations_total, 2);
  EXPECT_EQ(transport.posts, 2);  // one repair round
  ASSERT_EQ(critic.warnings().size(), 1u);
  EXPECT_NE(critic.warnings()[0].find("not valid JSON"), std::string::npos) << critic.warnings()[0];
}

TEST(VlmCriticIntegration, SendsTheRenderToARealServerAndParsesItsCritique) {
  testing::ReplayServer server("ok");
  LlmOptions options;
  options.url = server.base_url();
  options.model = "replay-vision";
  CurlTransport transport;
  ChatClient client(options, &transport);
  FixedCritic geometric;
  VlmCritic critic(&client, &geometric);
  const std::filesystem::path png =
      std::filesystem::temp_directory_path() /
      ("scenecraft_vlm_test_render_" + std::to_string(getpid()) + ".png");
  WriteFileAtomic(png, std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100, 'p'));
  const SceneGraph g = TwoObjects();
  CritiqueInput input;
  input.graph = &g;
  input.render_path = png.string();
  const Critique c = critic.Review(input);
  EXPECT_EQ(geometric.calls, 0);
  EXPECT_TRUE(critic.warnings().empty());
  EXPECT_EQ(c.relations_passed, 1);  // the replayed critique flags relation 1
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].step, "critique");
  EXPECT_NE(requests[0].body.find("data:image/png;base64,iVBORw0KGg"), std::string::npos)
      << requests[0].body.substr(requests[0].body.find("image_url") - 100, 300);
  EXPECT_NE(requests[0].body.find("1: near(sofa_1, tv_stand_1)"), std::string::npos);
  std::filesystem::remove(png);
}

}  // namespace
}  // namespace scenecraft
