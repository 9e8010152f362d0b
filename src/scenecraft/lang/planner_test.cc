#include "scenecraft/lang/planner.h"

#include <gtest/gtest.h>

#include <map>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/lang/corpus.h"
#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

TEST(Planner, LampOnDesk) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A lamp on a wooden desk.");
  ASSERT_EQ(plan.graph.objects.size(), 2u);
  ASSERT_EQ(plan.graph.relations.size(), 1u);
  EXPECT_EQ(plan.graph.relations[0].type, RelationType::kOn);
  EXPECT_EQ(plan.graph.objects[1].description, "wooden");
}

TEST(Planner, RejectsTextWithoutObjects) {
  OfflinePlanner planner;
  EXPECT_THROW(planner.Plan(""), Error);
  EXPECT_THROW(planner.Plan("   \n\t "), Error);
  EXPECT_THROW(planner.Plan("xqzv blorp frumious"), Error);
  EXPECT_THROW(planner.Plan(std::string(100000, 'a')), Error);
  try {
    const PlanResult plan = planner.Plan("Ein Tisch mit vier Stühlen");
    ADD_FAILURE() << FormatPlanTable(plan);
  } catch (const Error&) {
  }
}

TEST(Planner, InvalidUtf8IsReplacedNotFatal) {
  // Found by the fuzzer: invalid UTF-8 once escaped as an exception from the JSON writer.
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A lamp on a wooden \xbb\xbb\xff desk.");
  EXPECT_EQ(plan.graph.objects.size(), 2u);
  EXPECT_NO_THROW(ParseSceneGraph(SceneGraphToJsonText(plan.graph), "utf8"));
}

TEST(Planner, ControlCharactersAreSpaces) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("a lamp\x01\x02 on a\x7f desk");
  EXPECT_EQ(plan.graph.objects.size(), 2u);
}

TEST(Planner, DevCorpusMeetsTheTargets) {
  const auto corpus =
      LoadCorpus(std::string(SCENECRAFT_SOURCE_DIR) + "/../shared/corpus/dev.jsonl");
  OfflinePlanner planner;
  const CorpusScore score = ScoreCorpus(corpus, planner);
  std::printf("%s",
              score.ToString(/*details=*/std::getenv("SCENECRAFT_DETAILS") != nullptr).c_str());
  // The targets of issue 4.
  EXPECT_GE(score.exact_count_share, 0.95) << score.ToString(true);
  EXPECT_GE(score.recall, 0.90) << score.ToString(true);
  EXPECT_GE(score.precision, 0.90) << score.ToString(true);
}

TEST(Planner, OwnCorpusMeetsTheTargets) {
  // 62 prompts written for this project (tests/corpus/planner.jsonl), in other wordings.
  const auto corpus =
      LoadCorpus(std::string(SCENECRAFT_SOURCE_DIR) + "/tests/corpus/planner.jsonl");
  ASSERT_GE(corpus.size(), 40u);
  OfflinePlanner planner;
  const CorpusScore score = ScoreCorpus(corpus, planner);
  EXPECT_GE(score.exact_count_share, 0.95) << score.ToString(true);
  EXPECT_GE(score.recall, 0.90) << score.ToString(true);
  EXPECT_GE(score.precision, 0.90) << score.ToString(true);
}

// Colour and material words before a noun describe it; they are not objects of their own
// ("fabric", "oak" and "glass" are also WordNet nouns: a tree, a mirror).
TEST(Planner, MaterialWordsDescribeTheNounAfterThem) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "A grey fabric sofa facing a TV on a low oak TV stand, a black leather armchair and a glass "
      "coffee table.");
  std::map<std::string, std::string> found;
  for (const Object& o : plan.graph.objects) found[o.category] = o.description;
  EXPECT_EQ(found.size(), 5u);
  EXPECT_EQ(found["sofa"], "grey fabric");
  EXPECT_EQ(found["tv stand"], "low oak");
  EXPECT_EQ(found["armchair"], "black leather");
  EXPECT_EQ(found["coffee table"], "glass");
  EXPECT_TRUE(found.count("tv"));
}

TEST(Planner, CoreferenceAndDistribution) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "A bed against the wall with a nightstand on each side and a lamp on each nightstand.");
  int lamps = 0, ons = 0, symmetric = 0;
  for (const Object& o : plan.graph.objects) lamps += o.category == "lamp";
  for (const Relation& r : plan.graph.relations) {
    ons += r.type == RelationType::kOn;
    symmetric += r.type == RelationType::kSymmetric;
  }
  EXPECT_EQ(lamps, 2);
  EXPECT_EQ(ons, 2);
  EXPECT_EQ(symmetric, 1);
  // Every relation keeps the span of the prompt it came from.
  for (const Relation& r : plan.graph.relations) {
    ASSERT_GE(r.source.begin, 0) << r.ToString();
    EXPECT_LE(r.source.end, static_cast<int>(plan.graph.prompt.size()));
  }
}

TEST(Planner, OneTheOtherFormerLatter) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "Two chairs by the window, one facing the desk and the other facing the bed. A lamp and a "
      "vase; the former on the desk, the latter on the bed.");
  std::set<std::string> relations;
  for (const Relation& r : plan.graph.relations) relations.insert(r.ToString());
  EXPECT_TRUE(relations.count("facing(chair_1, desk_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(relations.count("facing(chair_2, bed_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(relations.count("on(lamp_1, desk_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(relations.count("on(vase_1, bed_1)")) << FormatPlanTable(plan);
  EXPECT_FALSE(relations.count("facing(chair_2, desk_1)")) << FormatPlanTable(plan);
}

TEST(Planner, UnknownPhysicalNounGetsAGenericObjectAndAWarning) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A harpsichord next to a sofa.");
  ASSERT_EQ(plan.graph.objects.size(), 2u);
  EXPECT_EQ(plan.graph.objects[0].category, "harpsichord");
  ASSERT_FALSE(plan.warnings.empty());
  EXPECT_NE(plan.warnings[0].find("harpsichord"), std::string::npos);
}

TEST(Planner, WordNetMapsHyponymsToCategories) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A terrier beside a settee.");
  ASSERT_EQ(plan.graph.objects.size(), 2u);
  EXPECT_EQ(plan.graph.objects[0].category, "dog");
  EXPECT_EQ(plan.graph.objects[1].category, "sofa");
}

TEST(Planner, DecomposesIntoOrderedSubscenes) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "A living room: a three-seat sofa against the wall, two armchairs on either side of a coffee "
      "table facing the sofa, a floor lamp in the corner, a TV stand opposite the sofa with a TV "
      "on it, and a plant next to the TV stand.");
  ASSERT_EQ(plan.graph.subscenes.size(), 3u);
  EXPECT_EQ(plan.graph.subscenes[0].title, "anchors");
  EXPECT_EQ(plan.graph.subscenes[2].title, "details");
  size_t total = 0;
  for (const Subscene& s : plan.graph.subscenes) total += s.objects.size();
  EXPECT_EQ(total, plan.graph.objects.size());
  // The TV rests on its stand: a detail, placed after the anchors.
  const auto& details = plan.graph.subscenes[2].objects;
  EXPECT_NE(std::find(details.begin(), details.end(), "tv_1"), details.end());
  const auto& anchors = plan.graph.subscenes[0].objects;
  EXPECT_NE(std::find(anchors.begin(), anchors.end(), "sofa_1"), anchors.end());
}

TEST(Planner, SceneTypeAloneGetsADefaultFurnishing) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("a cozy bedroom");
  EXPECT_TRUE(plan.graph.environment.IsRoom());
  EXPECT_GE(plan.graph.objects.size(), 4u);
  const PlanResult park = planner.Plan("a park");
  EXPECT_FALSE(park.graph.environment.IsRoom());
}

}  // namespace
}  // namespace scenecraft
