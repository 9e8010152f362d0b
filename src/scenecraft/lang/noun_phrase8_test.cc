// Stage tests for issue 12's noun phrases (eighth round): which noun phrases are objects. A part
// of a thing named as a place is the thing; parts of the building are the room; places and events
// are no objects; collective nouns of furniture are objects; a verb after a list of contents is
// the holder's; two-word kinds keep their modifier. Every sentence here was written, with its
// expectation, before the planner first ran on it, in wordings unlike any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Indoors;
using plan_test::Outdoors;
using plan_test::Relates;
using plan_test::Show;

// A compound whose head is a part of the thing its modifier names (WordNet's part holonyms, or
// those of a kind of the same thing), as the landmark of a spatial phrase, is that thing.
TEST(NounPhrase8, APartOfALandmarkIsTheLandmark) {
  OfflinePlanner planner;
  const PlanResult mop = planner.Plan("A mop leaning against the chair leg.");
  EXPECT_EQ(CountOf(mop, "chair leg"), 0) << Show(mop);
  EXPECT_EQ(CountOf(mop, "chair"), 1) << Show(mop);
  EXPECT_TRUE(Relates(mop, "mop_1", "chair_1")) << Show(mop);
  const PlanResult stick = planner.Plan("A walking stick propped against the bed leg.");
  EXPECT_EQ(CountOf(stick, "bed leg"), 0) << Show(stick);
  EXPECT_TRUE(Relates(stick, "walking_stick_1", "bed_1")) << Show(stick);
  const PlanResult cushion = planner.Plan("A cushion resting on the armchair arm.");
  EXPECT_TRUE(Has(cushion, "on(cushion_1, armchair_1)")) << Show(cushion);
  // (The drawer is still the desk. Since the ninth round the note, a written record by WordNet,
  // is built as a sheet of paper: noun_phrase9_test.cc.)
  const PlanResult note = planner.Plan("A folded note in the desk drawer.");
  EXPECT_EQ(CountOf(note, "desk drawer"), 0) << Show(note);
  EXPECT_EQ(CountOf(note, "desk"), 1) << Show(note);
  // A door of a thing is no door of the room.
  const PlanResult postcard = planner.Plan("A postcard stuck to the freezer door.");
  EXPECT_EQ(CountOf(postcard, "freezer"), 1) << Show(postcard);
  EXPECT_TRUE(Relates(postcard, "postcard_1", "freezer_1")) << Show(postcard);
  for (const Opening& opening : postcard.graph.environment.openings) {
    EXPECT_NE(opening.kind, "door") << Show(postcard);
  }
  // (Regression guards written after a corpus miss: a door of a structure one stands on is the
  // room's door; a plural whose "-s" base form is only a proper noun is the common noun's.)
  const PlanResult balcony = planner.Plan("A shoe rack beside the balcony door.");
  EXPECT_EQ(CountOf(balcony, "balcony"), 0) << Show(balcony);
  EXPECT_TRUE(Has(balcony, "near(shoe_rack_1, door_1)")) << Show(balcony);
  const PlanResult bunches = planner.Plan("Two bunches of tulips on the counter.");
  EXPECT_EQ(CountOf(bunches, "bunche"), 0) << Show(bunches);
  // The thing the text itself places stays the user's compound.
  const PlanResult keyboard = planner.Plan("A computer keyboard on the desk.");
  EXPECT_EQ(CountOf(keyboard, "computer keyboard"), 1) << Show(keyboard);
  EXPECT_EQ(CountOf(keyboard, "computer"), 0) << Show(keyboard);
}

// Parts of the building are the room's architecture: what hangs from its beams hangs from the
// ceiling; under its roof is no object.
TEST(NounPhrase8, PartsOfTheBuildingAreTheRoom) {
  OfflinePlanner planner;
  const PlanResult trunk = planner.Plan("An old trunk under the sloping roof.");
  EXPECT_EQ(CountOf(trunk, "trunk"), 1) << Show(trunk);
  EXPECT_EQ(CountOf(trunk, "sloping roof") + CountOf(trunk, "roof"), 0) << Show(trunk);
  EXPECT_TRUE(Indoors(trunk)) << Show(trunk);
  const PlanResult herbs = planner.Plan("Dried herbs hanging from the roof beams.");
  EXPECT_EQ(CountOf(herbs, "roof beam") + CountOf(herbs, "beam"), 0) << Show(herbs);
  EXPECT_TRUE(Has(herbs, "hanging(herb_1)")) << Show(herbs);
  const PlanResult lantern = planner.Plan("A lantern hanging from the joists above a workbench.");
  EXPECT_EQ(CountOf(lantern, "joist"), 0) << Show(lantern);
  EXPECT_TRUE(Has(lantern, "hanging(lantern_1)")) << Show(lantern);
  EXPECT_TRUE(Has(lantern, "above(lantern_1, workbench_1)")) << Show(lantern);
  const PlanResult broom = planner.Plan("A broom standing by the doorframe.");
  EXPECT_EQ(CountOf(broom, "doorframe"), 0) << Show(broom);
  EXPECT_TRUE(Has(broom, "near(broom_1, door_1)")) << Show(broom);
}

// Places (WordNet's location senses) set or qualify the setting and events are no objects.
TEST(NounPhrase8, PlacesAndEventsAreNoObjects) {
  OfflinePlanner planner;
  // (A wayside, an edge of a road by WordNet, is no thing since the ninth round:
  // noun_phrase9_test.cc.)
  const PlanResult party =
      planner.Plan("A dinner party in the dining room with a table and six chairs.");
  EXPECT_EQ(CountOf(party, "dinner party") + CountOf(party, "party"), 0) << Show(party);
  EXPECT_EQ(CountOf(party, "table"), 1) << Show(party);
  EXPECT_EQ(CountOf(party, "chair"), 6) << Show(party);
  // (Regression guard written after a hold-out miss: a place for an activity the text places.)
  const PlanResult fishing =
      planner.Plan("A fishing spot by a river: a folding stool and a bucket.");
  EXPECT_EQ(CountOf(fishing, "fishing spot"), 0) << Show(fishing);
  EXPECT_TRUE(Outdoors(fishing)) << Show(fishing);
  const PlanResult spot = planner.Plan("Two deck chairs at a sunbathing spot by the pool.");
  EXPECT_EQ(CountOf(spot, "sunbathing spot") + CountOf(spot, "spot"), 0) << Show(spot);
  EXPECT_EQ(CountOf(spot, "deck chair"), 2) << Show(spot);
  EXPECT_TRUE(Relates(spot, "deck_chair_1", "pool_1")) << Show(spot);
}

// Collective nouns of furniture (WordNet: shelving is shelves collectively) are objects, also
// after a material ("steel shelving").
TEST(NounPhrase8, CollectiveNounsOfFurnitureAreObjects) {
  OfflinePlanner planner;
  const PlanResult shelving = planner.Plan("Steel shelving against the back wall of the garage.");
  EXPECT_EQ(CountOf(shelving, "shelving"), 1) << Show(shelving);
  EXPECT_EQ(CountOf(shelving, "steel"), 0) << Show(shelving);
  const PlanResult fencing = planner.Plan("Wire fencing around the chicken coop.");
  // ("wire" is no material by WordNet: the user's compound, as "hamster cage" is.)
  EXPECT_EQ(CountOf(fencing, "fencing") + CountOf(fencing, "wire fencing"), 1) << Show(fencing);
  EXPECT_EQ(CountOf(fencing, "wire"), 0) << Show(fencing);
  EXPECT_TRUE(Relates(fencing, "fencing_1", "chicken_coop_1")) << Show(fencing);
  const PlanResult seating = planner.Plan("Some seating around the fire pit.");
  EXPECT_GE(CountOf(seating, "seating"), 1) << Show(seating);
  EXPECT_TRUE(Relates(seating, "seating_1", "fire_pit_1")) << Show(seating);
}

// After "a holder of A and B", an -s verb agrees with the holder, not with the plural contents:
// it is the verb, and the holder is what it places; every member of the list is held.
TEST(NounPhrase8, AVerbAfterAListOfContentsIsTheHolders) {
  OfflinePlanner planner;
  const PlanResult basket = planner.Plan("A basket of apples and pears sits on the counter.");
  EXPECT_TRUE(Has(basket, "on(basket_1, counter_1)")) << Show(basket);
  EXPECT_FALSE(Has(basket, "on(pear_1, counter_1)")) << Show(basket);
  EXPECT_TRUE(Has(basket, "inside(pear_1, basket_1)")) << Show(basket);
  const PlanResult jar = planner.Plan("A jar of pens and pencils rests on the desk.");
  EXPECT_EQ(CountOf(jar, "rest"), 0) << Show(jar);
  EXPECT_TRUE(Has(jar, "on(jar_1, desk_1)")) << Show(jar);
  const PlanResult bucket = planner.Plan("A bucket of mops and brooms stands in the corner.");
  EXPECT_EQ(CountOf(bucket, "stand"), 0) << Show(bucket);
  EXPECT_TRUE(Has(bucket, "in_corner(bucket_1)")) << Show(bucket);
  const PlanResult crate = planner.Plan("A crate of books and magazines lies beside the sofa.");
  EXPECT_TRUE(Has(crate, "near(crate_1, sofa_1)")) << Show(crate);
  EXPECT_FALSE(Has(crate, "near(magazine_1, sofa_1)")) << Show(crate);
}

// "the lamp" after "a lamp post" is the lamp post when nothing else is a lamp (WordNet's
// definition of the compound names a lamp); a lamp of its own stays a lamp.
TEST(NounPhrase8, ADefiniteFirstPartNamesTheCompound) {
  OfflinePlanner planner;
  const PlanResult post = planner.Plan("A lamp post by the gate and a bench beside the lamp.");
  EXPECT_EQ(CountOf(post, "lamp"), 0) << Show(post);
  EXPECT_TRUE(Has(post, "near(bench_1, lamppost_1)")) << Show(post);
  const PlanResult both =
      planner.Plan("A lamp post by the gate, a lamp on the porch table and a cat under the lamp.");
  EXPECT_EQ(CountOf(both, "lamp"), 1) << Show(both);
  EXPECT_TRUE(Has(both, "under(cat_1, lamp_1)")) << Show(both);
}

// (Regression guard written after a hold-out miss: "for" with no noun after it describes
// nothing past the colon.)
TEST(NounPhrase8, AColonEndsWhatForBegan) {
  OfflinePlanner planner;
  const PlanResult plan =
      planner.Plan("Studio for one: a drafting table by the window and a stool in front of it.");
  EXPECT_EQ(CountOf(plan, "drafting table"), 1) << Show(plan);
  EXPECT_TRUE(Has(plan, "near(drafting_table_1, window_1)")) << Show(plan);
}

// A verb's -ing form or a verb that names what the thing is for keeps the two words as its kind.
TEST(NounPhrase8, PurposeModifiersNameKinds) {
  OfflinePlanner planner;
  const PlanResult squat =
      planner.Plan("A squat rack against the wall with a bench in front of it.");
  EXPECT_EQ(CountOf(squat, "squat rack"), 1) << Show(squat);
  const PlanResult changing = planner.Plan("A changing table next to the crib.");
  EXPECT_EQ(CountOf(changing, "changing table"), 1) << Show(changing);
  const PlanResult drying = planner.Plan("A drying rack beside the washing machine.");
  EXPECT_EQ(CountOf(drying, "drying rack"), 1) << Show(drying);
}

}  // namespace
}  // namespace scenecraft
