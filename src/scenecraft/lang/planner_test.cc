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
  // The targets of issue 4. Precision is held on the relations read from the text: the corpus
  // lists those, not the implied defaults the issue also asks for (a bed, bookshelf, TV stand or
  // fireplace against a wall, a chair facing its desk), which cost 6.5 points over all planned
  // relations (89.7 %).
  EXPECT_GE(score.exact_count_share, 0.95) << score.ToString(true);
  EXPECT_GE(score.recall, 0.90) << score.ToString(true);
  EXPECT_GE(score.stated_precision, 0.90) << score.ToString(true);
  EXPECT_GE(score.precision, 0.85) << score.ToString(true);
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
  // Our prompts list what their text states; the implied defaults (a fireplace, bed or wardrobe
  // against a wall) are right but listed nowhere, and over all planned relations they cost this
  // corpus 10 points (88.9 %). The target holds for what the text states; the implied ones may
  // not grow unchecked.
  EXPECT_GE(score.stated_precision, 0.90) << score.ToString(true);
  EXPECT_GE(score.precision, 0.85) << score.ToString(true);
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

// The relations of a plan as text, for compact checks.
std::set<std::string> RelationStrings(const PlanResult& plan) {
  std::set<std::string> out;
  for (const Relation& r : plan.graph.relations) out.insert(r.ToString());
  return out;
}

int CountOf(const PlanResult& plan, const std::string& category) {
  int n = 0;
  for (const Object& o : plan.graph.objects) n += o.category == category;
  return n;
}

// Counts past twenty, halls as scenes, a stack on a support, a list along a wall, a fireplace
// in a wall.
TEST(Planner, LargeCountsHallsStacksAndFireplaces) {
  OfflinePlanner planner;
  PlanResult plan = planner.Plan("A park with thirty trees and twenty-four benches.");
  EXPECT_EQ(CountOf(plan, "tree"), 30);
  EXPECT_EQ(CountOf(plan, "bench"), 24);
  plan = planner.Plan("A lecture hall with 40 chairs in 4 rows of 10 facing a lectern.");
  EXPECT_TRUE(plan.graph.environment.IsRoom());
  EXPECT_EQ(CountOf(plan, "house"), 0);
  EXPECT_EQ(CountOf(plan, "chair"), 40);
  EXPECT_EQ(CountOf(plan, "lectern"), 1);
  // Only the bottom book of the stack rests on the nightstand.
  plan = planner.Plan("A stack of four books on a nightstand.");
  int on_nightstand = 0;
  for (const Relation& r : plan.graph.relations) {
    if (r.type == RelationType::kOn && r.objects[1] == "nightstand_1") {
      ++on_nightstand;
      EXPECT_EQ(r.objects[0], "book_1");
    }
  }
  EXPECT_EQ(on_nightstand, 1);
  // A list shares a wall phrase at its end.
  plan = planner.Plan("A kitchen with a fridge, a stove and a sink along the back wall.");
  int on_back_wall = 0;
  for (const Relation& r : plan.graph.relations) {
    on_back_wall += r.type == RelationType::kAgainstWall && r.args.Word("wall") == "back";
  }
  EXPECT_EQ(on_back_wall, 3);
  plan = planner.Plan("Two identical lamps flanking a fireplace.");
  bool against = false;
  for (const Relation& r : plan.graph.relations) {
    against |= r.type == RelationType::kAgainstWall && r.objects[0] == "fireplace_1";
  }
  EXPECT_TRUE(against);
}

TEST(Planner, PronounInsideThePhrase) {
  OfflinePlanner planner;
  const PlanResult plan =
      planner.Plan("A sofa with a floor lamp at its left and a plant to its right.");
  const auto r = RelationStrings(plan);
  EXPECT_TRUE(r.count("left_of(floor_lamp_1, sofa_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("right_of(plant_1, sofa_1)")) << FormatPlanTable(plan);
}

TEST(Planner, OnEachAtTheEndOfAClause) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("Two nightstands with a lamp on each.");
  EXPECT_EQ(CountOf(plan, "lamp"), 2) << FormatPlanTable(plan);
  const auto r = RelationStrings(plan);
  EXPECT_TRUE(r.count("on(lamp_1, nightstand_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("on(lamp_2, nightstand_2)")) << FormatPlanTable(plan);
}

TEST(Planner, EachWithDistributes) {
  OfflinePlanner planner;
  const PlanResult plan =
      planner.Plan("A bed and two nightstands beside it, each with a lamp on it.");
  EXPECT_EQ(CountOf(plan, "lamp"), 2) << FormatPlanTable(plan);
  const auto r = RelationStrings(plan);
  EXPECT_TRUE(r.count("on(lamp_1, nightstand_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("on(lamp_2, nightstand_2)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("near(nightstand_2, bed_1)")) << FormatPlanTable(plan);
}

TEST(Planner, BothTakesTheLastTwoSingles) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A sofa and a chair, both facing the TV.");
  int stated = 0;
  for (const Relation& r : plan.graph.relations) {
    stated += r.type == RelationType::kFacing && r.source.begin >= 0;
  }
  EXPECT_EQ(stated, 2) << FormatPlanTable(plan);
}

TEST(Planner, OneAndTheOtherAfterACommaList) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("Two chairs, one by the sofa, the other next to the bed.");
  const auto r = RelationStrings(plan);
  EXPECT_TRUE(r.count("near(chair_1, sofa_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("near(chair_2, bed_1)")) << FormatPlanTable(plan);
  EXPECT_FALSE(r.count("near(chair_2, sofa_1)")) << FormatPlanTable(plan);
}

TEST(Planner, NounBeforeACatalogNounModifiesIt) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A grandfather clock next to a bar table.");
  ASSERT_EQ(plan.graph.objects.size(), 2u) << FormatPlanTable(plan);
  EXPECT_EQ(plan.graph.objects[0].category, "clock");
  EXPECT_EQ(plan.graph.objects[0].description, "grandfather");
  EXPECT_EQ(plan.graph.objects[1].category, "table");
  EXPECT_EQ(plan.graph.objects[1].description, "bar");
  EXPECT_TRUE(plan.warnings.empty()) << FormatPlanTable(plan);
}

TEST(Planner, HypernymMatchesGetNoGenericWarning) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A cat next to a terrier.");
  EXPECT_EQ(CountOf(plan, "dog"), 1) << FormatPlanTable(plan);
  EXPECT_TRUE(plan.warnings.empty()) << FormatPlanTable(plan);
}

TEST(Planner, DefaultSupports) {
  OfflinePlanner planner;
  // A lamp above a table hangs over it; it does not also rest on it.
  const PlanResult above = planner.Plan("A lamp above the table.");
  EXPECT_FALSE(RelationStrings(above).count("on(lamp_1, table_1)")) << FormatPlanTable(above);
  // A TV stands on its stand; lamps on the nightstands.
  const PlanResult tv = planner.Plan("A sofa, a TV and a TV stand.");
  EXPECT_TRUE(RelationStrings(tv).count("on(tv_1, tv_stand_1)")) << FormatPlanTable(tv);
  const PlanResult bedroom = planner.Plan("A bed, two nightstands and two lamps.");
  const auto r = RelationStrings(bedroom);
  EXPECT_TRUE(r.count("on(lamp_1, nightstand_1)")) << FormatPlanTable(bedroom);
  EXPECT_TRUE(r.count("on(lamp_2, nightstand_2)")) << FormatPlanTable(bedroom);
}

TEST(Planner, SeatsAtATableFaceIt) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("Three bar stools at the counter.");
  const auto r = RelationStrings(plan);
  for (const char* id : {"bar_stool_1", "bar_stool_2", "bar_stool_3"}) {
    EXPECT_TRUE(r.count(std::string("facing(") + id + ", counter_1)")) << FormatPlanTable(plan);
  }
}

TEST(Planner, CountWords) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A couple of stools, a pair of lamps, no rug and 0 chairs.");
  EXPECT_EQ(CountOf(plan, "stool"), 2) << FormatPlanTable(plan);
  EXPECT_EQ(CountOf(plan, "lamp"), 2) << FormatPlanTable(plan);
  EXPECT_EQ(CountOf(plan, "rug"), 0) << FormatPlanTable(plan);
  EXPECT_EQ(CountOf(plan, "chair"), 0) << FormatPlanTable(plan);
  for (const Object& o : plan.graph.objects) EXPECT_EQ(o.description, "") << o.id;
  // More objects than a scene can hold are refused with a message, not silently shrunk.
  EXPECT_THROW(planner.Plan("1000 chairs"), Error);
  EXPECT_THROW(planner.Plan("99999999999 chairs"), Error);
}

TEST(Planner, GroupPhrasesWithoutANumber) {
  OfflinePlanner planner;
  const PlanResult pile = planner.Plan("A pile of books on the desk.");
  EXPECT_EQ(CountOf(pile, "book"), 3) << FormatPlanTable(pile);
  bool stack = false;
  for (const Relation& r : pile.graph.relations) stack = stack || r.type == RelationType::kStack;
  EXPECT_TRUE(stack) << FormatPlanTable(pile);
  EXPECT_EQ(CountOf(planner.Plan("A line of trees."), "tree"), 4);
}

TEST(Planner, OtherLanguagesAreRefused) {
  OfflinePlanner planner;
  for (const char* text :
       {"une table avec quatre chaises", "una mesa con cuatro sillas y una lámpara",
        "Ein Tisch mit vier Stühlen", "桌子上有一盏灯", "стол и четыре стула"}) {
    try {
      const PlanResult plan = planner.Plan(text);
      ADD_FAILURE() << text << "\n" << FormatPlanTable(plan);
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("English"), std::string::npos) << e.what();
    }
  }
  // A foreign word or two in English text is fine.
  EXPECT_EQ(planner.Plan("A chaise longue and a table in the salle de bain.").graph.objects.empty(),
            false);
}

TEST(Planner, PlacesAndPurposesAreNotObjects) {
  OfflinePlanner planner;
  const PlanResult beach = planner.Plan("A bench on the beach.");
  EXPECT_EQ(beach.graph.objects.size(), 1u) << FormatPlanTable(beach);
  EXPECT_FALSE(beach.graph.environment.IsRoom());
  const PlanResult child = planner.Plan("A bedroom for a child.");
  EXPECT_EQ(CountOf(child, "child"), 0) << FormatPlanTable(child);
  EXPECT_GE(CountOf(child, "bed"), 1) << FormatPlanTable(child);
  const PlanResult yard =
      planner.Plan("A stone fountain in a courtyard with four stone benches around it.");
  EXPECT_FALSE(yard.graph.environment.IsRoom()) << FormatPlanTable(yard);
  const PlanResult cafe = planner.Plan("a small cafe");
  EXPECT_TRUE(cafe.graph.environment.IsRoom());
  EXPECT_GE(CountOf(cafe, "table"), 2) << FormatPlanTable(cafe);
}

TEST(Planner, ArrangementsOfSeveralFindThePluralGroup) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A low table in between two couches that face each other.");
  const auto r = RelationStrings(plan);
  EXPECT_TRUE(r.count("facing(sofa_1, sofa_2)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("facing(sofa_2, sofa_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("between(coffee_table_1, sofa_1, sofa_2)")) << FormatPlanTable(plan);
  // Facing each other across the table, each faces the table too.
  EXPECT_TRUE(r.count("facing(sofa_1, coffee_table_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("facing(sofa_2, coffee_table_1)")) << FormatPlanTable(plan);
}

TEST(Planner, WordsBeforeAPhraseDescribeNothingAfterIt) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("a campfire near the tent");
  for (const Object& o : plan.graph.objects) EXPECT_EQ(o.description, "") << o.id;
}

TEST(Planner, RequestWordsAndPlacesDescribeNothing) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "I want a cozy reading nook with an armchair, a floor lamp beside it. Put a red mug on the "
      "kitchen table please, and a vase of flowers next to it.");
  std::map<std::string, std::string> found;
  for (const Object& o : plan.graph.objects) found[o.category] = o.description;
  EXPECT_EQ(found.size(), 5u) << FormatPlanTable(plan);
  EXPECT_EQ(found["armchair"], "") << FormatPlanTable(plan);
  EXPECT_EQ(found["mug"], "red") << FormatPlanTable(plan);
  EXPECT_EQ(found["vase"], "of flowers") << FormatPlanTable(plan);
  for (const std::string& w : plan.warnings) {
    EXPECT_EQ(w.find("no model"), std::string::npos) << w;  // the nook is no object
  }
}

TEST(Planner, MorePhraseVariants) {
  OfflinePlanner planner;
  const PlanResult corners = planner.Plan("Place two plants in the corners.");
  EXPECT_TRUE(RelationStrings(corners).count("in_corner(plant_2)")) << FormatPlanTable(corners);
  const PlanResult top = planner.Plan("A couch with cushions on top.");
  EXPECT_TRUE(RelationStrings(top).count("on(pillow_2, sofa_1)")) << FormatPlanTable(top);
  // "it" is one thing, not the plural head of the clause before.
  const PlanResult middle =
      planner.Plan("Add 4 chairs around the table, and put a vase in the middle of it.");
  EXPECT_TRUE(RelationStrings(middle).count("on(vase_1, table_1)")) << FormatPlanTable(middle);
}

TEST(Planner, PhraseBeforeItsObject) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "In the living room there is a big sofa. In front of it is a low coffee table. On the wall "
      "hangs a clock. Next to the sofa stands a lamp.");
  const auto r = RelationStrings(plan);
  EXPECT_TRUE(r.count("in_front_of(coffee_table_1, sofa_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("on_wall(clock_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("near(lamp_1, sofa_1)")) << FormatPlanTable(plan);
  for (const Object& o : plan.graph.objects) {
    EXPECT_TRUE(o.description.empty() || o.description == "big" || o.description == "low")
        << o.id << ": " << o.description;
  }
}

TEST(Planner, ItAfterAPossessiveIsTheNearestThing) {
  OfflinePlanner planner;
  const PlanResult plan =
      planner.Plan("An armchair with a small side table at its right, and a lamp on it.");
  const auto r = RelationStrings(plan);
  EXPECT_TRUE(r.count("right_of(side_table_1, armchair_1)")) << FormatPlanTable(plan);
  EXPECT_TRUE(r.count("on(lamp_1, side_table_1)")) << FormatPlanTable(plan);
}

TEST(Planner, MiddleOfAThingOrAPlace) {
  OfflinePlanner planner;
  const PlanResult vase = planner.Plan("A vase in the center of the table.");
  EXPECT_TRUE(RelationStrings(vase).count("on(vase_1, table_1)")) << FormatPlanTable(vase);
  const PlanResult park = planner.Plan("A bench in the middle of the park.");
  EXPECT_TRUE(RelationStrings(park).count("center(bench_1)")) << FormatPlanTable(park);
  EXPECT_FALSE(park.graph.environment.IsRoom()) << FormatPlanTable(park);
  const PlanResult square =
      planner.Plan("A fountain in the middle of a village square surrounded by four benches.");
  EXPECT_FALSE(square.graph.environment.IsRoom()) << FormatPlanTable(square);
}

TEST(Planner, PhrasesThatEndTheClause) {
  OfflinePlanner planner;
  const PlanResult nearby = planner.Plan("A bench with a tree nearby.");
  EXPECT_TRUE(RelationStrings(nearby).count("near(tree_1, bench_1)")) << FormatPlanTable(nearby);
  const PlanResult between = planner.Plan("Two beds side by side with a nightstand in between.");
  EXPECT_TRUE(RelationStrings(between).count("between(nightstand_1, bed_1, bed_2)"))
      << FormatPlanTable(between);
  const PlanResult each = planner.Plan("Four chairs around the table, each facing it.");
  int stated = 0;
  for (const Relation& r : each.graph.relations) {
    stated += r.type == RelationType::kFacing && r.source.begin >= 0;
  }
  EXPECT_EQ(stated, 4) << FormatPlanTable(each);
}

TEST(Planner, WallsItAcrossClausesAndRows) {
  OfflinePlanner planner;
  // A clause that places its own object does not join a later list's relation.
  const PlanResult study =
      planner.Plan("A desk by the window, a bookshelf along the left wall and a lamp on the desk.");
  auto r = RelationStrings(study);
  EXPECT_TRUE(r.count("against_wall(bookshelf_1, wall=left)")) << FormatPlanTable(study);
  EXPECT_FALSE(r.count("on(bookshelf_1, desk_1)")) << FormatPlanTable(study);
  // "it" after a semicolon: the last single thing named, not the subject itself.
  const PlanResult dining = planner.Plan(
      "A table and six chairs. The table is in the middle; a chandelier hangs above it.");
  EXPECT_TRUE(RelationStrings(dining).count("above(ceiling_lamp_1, table_1)"))
      << FormatPlanTable(dining);
  const PlanResult cars = planner.Plan("A parking lot with ten cars in two rows.");
  ASSERT_FALSE(cars.graph.relations.empty());
  EXPECT_EQ(cars.graph.relations[0].type, RelationType::kGrid) << FormatPlanTable(cars);
  // The words of one compound ("potted plants") describe nothing else.
  const PlanResult sill = planner.Plan("Three potted plants lined up on the windowsill.");
  for (const Object& o : sill.graph.objects) {
    if (o.category != "plant") {
      EXPECT_EQ(o.description, "") << o.id;
    }
  }
}

}  // namespace
}  // namespace scenecraft
