#include "scenecraft/agent/time_of_day.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace scenecraft {
namespace {

PlanResult PlanWithUnaccounted(std::vector<std::string> words, int content_words) {
  PlanResult plan;
  PlanCoverage coverage;
  coverage.content_words = content_words;
  coverage.accounted_words = content_words - static_cast<int>(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    coverage.unaccounted.push_back(
        Source{static_cast<int>(10 * i), static_cast<int>(10 * i + 5), ""});
  }
  coverage.unaccounted_text = std::move(words);
  plan.coverage = coverage;
  return plan;
}

TEST(TimeOfDay, WordsNameTimesInAnyCase) {
  EXPECT_EQ(TimeOfDayOfWord("Sunset"), "dusk");
  EXPECT_EQ(TimeOfDayOfWord("morning"), "morning");
  EXPECT_EQ(TimeOfDayOfWord("MIDNIGHT"), "night");
  EXPECT_EQ(TimeOfDayOfWord("table"), std::nullopt);
}

TEST(TimeOfDay, EveryTableEntryIsAKnownTime) {
  for (const TimeWord* w = TimeWordsBegin(); w != TimeWordsEnd(); ++w) {
    EXPECT_NE(
        std::find(Environment::kTimesOfDay.begin(), Environment::kTimesOfDay.end(), w->time_of_day),
        Environment::kTimesOfDay.end())
        << w->word;
  }
}

TEST(TimeOfDay, UnaccountedTimeWordSetsTheLightAndIsAccounted) {
  PlanResult plan = PlanWithUnaccounted({"cosy", "sunset"}, 5);
  EXPECT_EQ(ApplyTimeOfDay("A cosy garden with a bench at sunset.", &plan), "sunset");
  EXPECT_EQ(plan.graph.environment.time_of_day, "dusk");
  EXPECT_EQ(plan.coverage->accounted_words, 4);
  EXPECT_EQ(plan.coverage->unaccounted_text, std::vector<std::string>{"cosy"});
  ASSERT_EQ(plan.coverage->unaccounted.size(), 1u);
  EXPECT_EQ(plan.coverage->unaccounted[0].begin, 0);
}

TEST(TimeOfDay, TimeWordThePlannerUsedStaysThePlanners) {
  // "night" went into the category "night table": not a time of day.
  PlanResult plan = PlanWithUnaccounted({}, 3);
  EXPECT_EQ(ApplyTimeOfDay("A lamp on a night table.", &plan), std::nullopt);
  EXPECT_EQ(plan.graph.environment.time_of_day, "");
  EXPECT_TRUE(plan.coverage->complete());
}

TEST(TimeOfDay, WithoutCoverageTheFirstTimeWordOfThePromptWins) {
  PlanResult plan;
  EXPECT_EQ(ApplyTimeOfDay("A quiet bedroom at night, lit by the morning sun.", &plan), "night");
  EXPECT_EQ(plan.graph.environment.time_of_day, "night");
}

TEST(TimeOfDay, ThePlansOwnTimeIsKept) {
  PlanResult plan = PlanWithUnaccounted({"evening"}, 2);
  plan.graph.environment.time_of_day = "morning";
  ApplyTimeOfDay("A kitchen in the evening.", &plan);
  EXPECT_EQ(plan.graph.environment.time_of_day, "morning");
  EXPECT_TRUE(plan.coverage->complete());  // the word is still the light's
}

}  // namespace
}  // namespace scenecraft
