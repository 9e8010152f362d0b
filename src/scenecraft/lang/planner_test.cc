#include "scenecraft/lang/planner.h"

#include <gtest/gtest.h>

#include <cstdlib>

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

}  // namespace
}  // namespace scenecraft
