#include "scenecraft/lang/planner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/lang/corpus.h"
#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::DescriptionOf;
using plan_test::Has;
using plan_test::RelationStrings;

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

TEST(Planner, OverlongUtf8AndC1ControlsNeverReachTheGraph) {
  // Found by the fuzzer: an overlong sequence (E0 96 8B) has the shape of UTF-8 but is not; it
  // reached object categories, and the graph then failed its own validation.
  OfflinePlanner planner;
  const PlanResult plan =
      planner.Plan("A round dining table with four chairs around\xE0\x96\x8B\xCB, a lamp\xC2\x9B.");
  JsonProblems problems;
  ValidateSceneGraph(plan.graph, &problems);
  EXPECT_TRUE(problems.empty()) << problems.ToString("plan");
  EXPECT_GE(plan.graph.objects.size(), 6u);
}

TEST(Planner, ControlCharactersAreSpaces) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("a lamp\x01\x02 on a\x7f desk");
  EXPECT_EQ(plan.graph.objects.size(), 2u);
}

TEST(Planner, DevCorpusMeetsTheTargets) {
  // The shared dev corpus lives beside the repository, not in it: a clone on its own skips this
  // test (and says so) instead of failing.
  const std::string path = std::string(SCENECRAFT_SOURCE_DIR) + "/../shared/corpus/dev.jsonl";
  if (!std::filesystem::is_regular_file(path)) {
    GTEST_SKIP() << "no shared dev corpus at " << path;
  }
  const auto corpus = LoadCorpus(path);
  OfflinePlanner planner;
  const CorpusScore score = ScoreCorpus(corpus, planner);
  std::printf("%s",
              score.ToString(/*details=*/std::getenv("SCENECRAFT_DETAILS") != nullptr).c_str());
  // Floors under what the planner of issue 12 measures (83.3 % exact counts, 79.5 % recall, 78.7 %
  // stated precision, 72.1 % precision), so that it cannot silently get worse. Issue 4's targets
  // (95 / 90 / 90 %) were met by mapping nouns to the catalog's categories ("dining table" ->
  // table, "couch" -> sofa) and by special cases keyed to these prompts; issue 12 keeps the user's
  // own noun as the category, which this corpus, scored by exact category, counts as a miss.
  EXPECT_GE(score.exact_count_share, 0.78) << score.ToString(true);
  // Eighth round (relations): 83.3 % recall, 79.5 % stated precision, 72.2 % precision ("two
  // armchairs facing each other across a coffee table" puts the table between them).
  EXPECT_GE(score.recall, 0.83) << score.ToString(true);
  // Seventh round, both branches merged: 80.8 % recall, 77.9 % stated precision, 70.8 %. "A
  // teacher's desk at the front" now plans `against_wall(desk, wall=front)` (a position with no
  // owner is the room's wall on that side), which this corpus does not list.
  // Eighth round, both branches merged: 83.3 % recall, 78.5 % stated precision, 71.4 %. A comma
  // now ends what "of" began, so "twelve student desks arranged in three rows of four, all facing
  // the teacher's desk" plans `facing(student desk, desk)`, which the corpus means but, scoring
  // categories exactly, counts as extra ("student desk" is no "desk").
  EXPECT_GE(score.stated_precision, 0.78) << score.ToString(true);
  EXPECT_GE(score.precision, 0.71) << score.ToString(true);
}

TEST(Planner, OwnCorpusMeetsTheTargets) {
  // 62 prompts written for this project (tests/corpus/planner.jsonl), in other wordings.
  const auto corpus =
      LoadCorpus(std::string(SCENECRAFT_SOURCE_DIR) + "/tests/corpus/planner.jsonl");
  ASSERT_GE(corpus.size(), 40u);
  OfflinePlanner planner;
  const CorpusScore score = ScoreCorpus(corpus, planner);
  // Floors under what issue 12's planner measures (62.9 % exact counts, 68.2 % recall, 68 %
  // stated precision, 61.9 % precision); see DevCorpusMeetsTheTargets for why they are below
  // issue 4's: many of these
  // prompts expect the catalog's name for the user's noun ("couch", "puppy", "chandelier").
  EXPECT_GE(score.exact_count_share, 0.64) << score.ToString(true);
  EXPECT_GE(score.recall, 0.70) << score.ToString(true);
  EXPECT_GE(score.stated_precision, 0.66) << score.ToString(true);
  EXPECT_GE(score.precision, 0.60) << score.ToString(true);
}

TEST(Planner, GeneralCorpusFloors) {
  // tests/corpus/general.jsonl: 320 prompts written blind, never tuned on (its README). Floors
  // under what the planner measures on it (86.2 % exact counts, 94.2 % of count clauses, 88.3 %
  // recall, 86.7 % stated precision, 79.6 % precision, 95.9 % own nouns; without asset
  // resolution), so that it cannot
  // silently get worse;
  // issue 12's targets on unseen text are higher (90 % of count clauses, 85 % recall).
  const auto corpus =
      LoadCorpus(std::string(SCENECRAFT_SOURCE_DIR) + "/tests/corpus/general.jsonl");
  ASSERT_GE(corpus.size(), 300u);
  OfflinePlanner planner;
  ScoreOptions options;
  options.resolve_assets = false;
  const CorpusScore score = ScoreCorpus(corpus, planner, options);
  EXPECT_GE(score.exact_count_share, 0.89) << score.ToString(false);
  EXPECT_GE(score.count_clause_share, 0.95) << score.ToString(false);
  // (Eighth round, both branches merged: 95.7 % of count clauses, 90.5 % recall, 87.6 % stated
  // precision, 80.2 % precision, 96.2 % own nouns of 1275.)
  EXPECT_GE(score.recall, 0.90) << score.ToString(false);
  EXPECT_GE(score.stated_precision, 0.87) << score.ToString(false);
  EXPECT_GE(score.precision, 0.80) << score.ToString(false);
  // (With planner7set merged: 96.1 % own nouns of 1276, 89.4 % / 95.7 % / 90 % / 87.3 % / 80 %.)
  EXPECT_GE(score.own_noun_share, 0.96) << score.ToString(false);
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

// The tests below were written, with their expectations, before the planner first ran on them;
// none of their wordings comes from a corpus.

TEST(Planner, OpenVocabularyKeepsTheUsersNoun) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A ukulele on a beanbag next to a hamster wheel.");
  ASSERT_EQ(plan.graph.objects.size(), 3u) << FormatPlanTable(plan);
  EXPECT_EQ(plan.graph.objects[0].category, "ukulele");
  EXPECT_EQ(plan.graph.objects[1].category, "beanbag");
  EXPECT_EQ(plan.graph.objects[2].category, "hamster wheel");
  EXPECT_TRUE(Has(plan, "on(ukulele_1, beanbag_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "near(beanbag_1, hamster_wheel_1)")) << FormatPlanTable(plan);
}

TEST(Planner, PlacesSetTheSceneAndAreNotBuilt) {
  OfflinePlanner planner;
  const PlanResult outdoors = planner.Plan("A wicker hamper on a picnic blanket in the meadow.");
  EXPECT_FALSE(outdoors.graph.environment.IsRoom()) << FormatPlanTable(outdoors);
  EXPECT_EQ(CountOf(outdoors, "meadow"), 0);
  EXPECT_EQ(CountOf(outdoors, "picnic blanket"), 1) << FormatPlanTable(outdoors);
  // A room type keeps the scene indoors whatever follows (a tree in a pot, a car model).
  const PlanResult indoors = planner.Plan("A pantry with a small potted tree and a toy car.");
  EXPECT_TRUE(indoors.graph.environment.IsRoom()) << FormatPlanTable(indoors);
  EXPECT_EQ(CountOf(indoors, "pantry"), 0);
}

TEST(Planner, AbstractionsAreWarnedAboutAndLeftUncovered) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A mahogany bureau with a calm ambience.");
  EXPECT_EQ(plan.graph.objects.size(), 1u) << FormatPlanTable(plan);
  ASSERT_TRUE(plan.coverage.has_value());
  EXPECT_FALSE(plan.coverage->complete());
  ASSERT_FALSE(plan.coverage->unaccounted_text.empty());
  EXPECT_EQ(plan.coverage->unaccounted_text.back(), "ambience");
  bool warned = false;
  for (const std::string& w : plan.warnings) warned |= w.find("ambience") != std::string::npos;
  EXPECT_TRUE(warned) << FormatPlanTable(plan);
}

TEST(Planner, EveryContentWordOfAPlainSceneIsCovered) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A brass telescope stands beside the bay window.");
  ASSERT_TRUE(plan.coverage.has_value());
  EXPECT_TRUE(plan.coverage->complete()) << Join(plan.coverage->unaccounted_text, ", ");
  EXPECT_DOUBLE_EQ(plan.coverage->share(), 1.0);
}

TEST(Planner, PronounsReachAcrossSentences) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "There is an easel in the studio. A stool stands in front of it. Two paint tins sit under "
      "the easel, and a rag lies beside both.");
  EXPECT_TRUE(Has(plan, "in_front_of(stool_1, easel_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "under(paint_tin_1, easel_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "near(rag_1, paint_tin_1)")) << FormatPlanTable(plan);
  EXPECT_EQ(CountOf(plan, "easel"), 1);
}

TEST(Planner, TheLatterAndEachOfThem) {
  OfflinePlanner planner;
  const PlanResult latter =
      planner.Plan("A harp and a cello wait in the corner. A music stand is next to the latter.");
  EXPECT_TRUE(Has(latter, "near(music_stand_1, cello_1)")) << FormatPlanTable(latter);
  const PlanResult each =
      planner.Plan("Three crates stand against the wall, and a lantern sits on each of them.");
  EXPECT_EQ(CountOf(each, "lantern"), 3) << FormatPlanTable(each);
  EXPECT_TRUE(Has(each, "on(lantern_3, crate_3)")) << FormatPlanTable(each);
}

TEST(Planner, OneAndTheOtherOne) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "There are two stools, one by the counter and the other one next to the fridge.");
  EXPECT_TRUE(Has(plan, "near(stool_1, counter_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "near(stool_2, fridge_1)")) << FormatPlanTable(plan);
}

TEST(Planner, PossessivesNameAPartOfTheThing) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A daybed by the wall; a trunk rests at the daybed's foot.");
  EXPECT_TRUE(Has(plan, "in_front_of(trunk_1, daybed_1)")) << FormatPlanTable(plan);
}

TEST(Planner, FlankedByIsTwoThingsAboutTheSubject) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A stone hearth flanked by two tall vases.");
  EXPECT_EQ(CountOf(plan, "vase"), 2);
  EXPECT_TRUE(Has(plan, "symmetric(vase_1, vase_2, hearth_1)")) << FormatPlanTable(plan);
}

TEST(Planner, RelativeClausesAndNounsNamedAgain) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "A globe that sits on the desk, a recliner facing the desk, and a floor lamp near the "
      "recliner.");
  EXPECT_TRUE(Has(plan, "on(globe_1, desk_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "facing(recliner_1, desk_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "near(floor_lamp_1, recliner_1)")) << FormatPlanTable(plan);
  EXPECT_EQ(CountOf(plan, "recliner"), 1);
  EXPECT_EQ(CountOf(plan, "desk"), 1);
}

TEST(Planner, DoorsAndWindowsAreOpeningsThatRelationsName) {
  OfflinePlanner planner;
  const PlanResult plan =
      planner.Plan("A coat rack by the door and a bookcase between the two windows.");
  int doors = 0, windows = 0;
  for (const Opening& o : plan.graph.environment.openings) {
    doors += o.kind == "door";
    windows += o.kind == "window";
  }
  EXPECT_EQ(doors, 1);
  EXPECT_EQ(windows, 2);
  EXPECT_TRUE(Has(plan, "near(coat_rack_1, door_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "between(bookcase_1, window_1, window_2)")) << FormatPlanTable(plan);
  // The plan survives its own JSON.
  EXPECT_NO_THROW(ParseSceneGraph(SceneGraphToJsonText(plan.graph), "plan"));
}

TEST(Planner, ContainmentEndsAndSides) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "A quilt inside the blanket chest, a bench at the foot of the bed, and four chairs along "
      "the long side of the table.");
  EXPECT_TRUE(Has(plan, "inside(quilt_1, blanket_chest_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "in_front_of(bench_1, bed_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(Has(plan, "near(chair_4, table_1)")) << FormatPlanTable(plan);
}

TEST(Planner, TooManyObjectsAreRefusedWithThePhrase) {
  OfflinePlanner planner;
  try {
    planner.Plan("Ten thousand folding chairs in a hall.");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("500"), std::string::npos) << message;
    EXPECT_NE(message.find("Ten thousand folding chairs"), std::string::npos) << message;
  }
}

TEST(Planner, APhraseWithNothingToAttachToIsAWarningWithItsSpan) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A kettle. Between.");
  bool warned = false;
  for (const std::string& w : plan.warnings) {
    warned |=
        w.find("\"Between\"") != std::string::npos && w.find("prompt 10:17") != std::string::npos;
  }
  EXPECT_TRUE(warned) << FormatPlanTable(plan);
}

}  // namespace
}  // namespace scenecraft
