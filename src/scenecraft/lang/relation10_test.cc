// Stage tests for issue 12's tenth round: relations, attachment and references. Every sentence
// here was written, with its expectation, before the planner first ran on it, in wordings unlike
// any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Show;

// A verb whose sense is to take up a space ("occupy", "fill", "take up", "crowd") places its
// subject in that space: the middle of the room, a wall, a support.
TEST(Relation10, VerbsThatTakeUpASpacePlaceTheSubject) {
  OfflinePlanner planner;
  const PlanResult lobby = planner.Plan("An enormous aquarium occupies the centre of the lobby.");
  EXPECT_TRUE(Has(lobby, "center(aquarium_1)")) << Show(lobby);
  const PlanResult lounge = planner.Plan(
      "A pool table takes up the middle of the lounge, and two stools stand by the bar.");
  EXPECT_TRUE(Has(lounge, "center(pool_table_1)")) << Show(lounge);
  const PlanResult bedroom =
      planner.Plan("Two tall wardrobes take up the left wall of the bedroom.");
  EXPECT_TRUE(Has(bedroom, "against_wall(wardrobe_1, wall=left)")) << Show(bedroom);
  EXPECT_TRUE(Has(bedroom, "against_wall(wardrobe_2, wall=left)")) << Show(bedroom);
  const PlanResult pantry = planner.Plan("Glass jars crowd the shelf above the sink.");
  EXPECT_TRUE(Has(pantry, "on(jar_1, shelf_1)")) << Show(pantry);
  EXPECT_TRUE(Has(pantry, "on(jar_2, shelf_1)")) << Show(pantry);
  // (A part of the building that such a verb fills is a support: the windowsill.)
  const PlanResult kitchen =
      planner.Plan("Potted herbs crowd the windowsill, and a kettle stands on the stove.");
  EXPECT_TRUE(Has(kitchen, "on(herb_1, windowsill_1)")) << Show(kitchen);
}

// "between two of them", "between two of the Xs": between two members of that group.
TEST(Relation10, BetweenTwoOfAGroup) {
  OfflinePlanner planner;
  const PlanResult path =
      planner.Plan("Four pillars stand along the path and a statue stands between two of them.");
  EXPECT_EQ(CountOf(path, "statue"), 1) << Show(path);
  EXPECT_TRUE(Has(path, "between(statue_1, pillar_1, pillar_2)")) << Show(path);
  const PlanResult den = planner.Plan(
      "Three armchairs face the fire, with a reading lamp between two of the armchairs.");
  EXPECT_TRUE(Has(den, "between(reading_lamp_1, armchair_1, armchair_2)")) << Show(den);
}

// "facing each other across it": the pair is across from each other, over the thing.
TEST(Relation10, FacingEachOtherAcrossAThing) {
  OfflinePlanner planner;
  const PlanResult shop =
      planner.Plan("A long workbench in the workshop, two stools facing each other across it.");
  // (across is symmetric: either order.)
  EXPECT_TRUE(Has(shop, "across(stool_1, stool_2)") || Has(shop, "across(stool_2, stool_1)"))
      << Show(shop);
}

// "on both long sides of", "on both short sides": the sides' words do not hide "both sides".
TEST(Relation10, BothLongSidesAreBothSides) {
  OfflinePlanner planner;
  const PlanResult yard =
      planner.Plan("A narrow trestle table stands in the yard with stools on both long sides.");
  EXPECT_TRUE(Has(yard, "symmetric(stool_1, stool_2, trestle_table_1)")) << Show(yard);
  EXPECT_EQ(CountOf(yard, "side"), 0) << Show(yard);
}

// A noun that WordNet gives as another word for a thing already named is that thing ("rocker"
// after "rocking chairs": one synset), also after "each".
TEST(Relation10, AnotherWordOfTheSameSynsetIsAReference) {
  OfflinePlanner planner;
  const PlanResult porch =
      planner.Plan("Two rocking chairs stand on the porch, a blanket at the foot of each rocker.");
  EXPECT_EQ(CountOf(porch, "rocker"), 0) << Show(porch);
  EXPECT_EQ(CountOf(porch, "blanket"), 2) << Show(porch);
  EXPECT_TRUE(Has(porch, "in_front_of(blanket_1, rocking_chair_1)")) << Show(porch);
  EXPECT_TRUE(Has(porch, "in_front_of(blanket_2, rocking_chair_2)")) << Show(porch);
}

// After "X with Y", a phrase that turns or places things in the room goes to X when Y rests on
// X; a phrase after a "with" member's own phrase about X ("around it") is X's again.
TEST(Relation10, PhrasesAfterAWithMemberAreTheHosts) {
  OfflinePlanner planner;
  const PlanResult study = planner.Plan(
      "A writing desk with a typewriter facing the window, and a bookcase in the corner.");
  EXPECT_TRUE(Has(study, "facing(writing_desk_1, window_1)")) << Show(study);
  EXPECT_FALSE(Has(study, "facing(typewriter_1, window_1)")) << Show(study);
  EXPECT_TRUE(Has(study, "on(typewriter_1, writing_desk_1)")) << Show(study);
  const PlanResult lounge =
      planner.Plan("A lounge: a clock with candles around it above the fireplace.");
  EXPECT_TRUE(Has(lounge, "above(clock_1, fireplace_1)")) << Show(lounge);
  EXPECT_FALSE(Has(lounge, "above(candle_1, fireplace_1)")) << Show(lounge);
  EXPECT_TRUE(Has(lounge, "around(candle_1, candle_2, candle_3, candle_4, clock_1)"))
      << Show(lounge);
}

// "evenly spaced", "equally spaced" along a wall or a thing: a row.
TEST(Relation10, EvenlySpacedIsARow) {
  OfflinePlanner planner;
  const PlanResult hall = planner.Plan("Five clocks evenly spaced on the back wall.");
  EXPECT_TRUE(Has(hall, "on_wall(clock_1, wall=back)")) << Show(hall);
  EXPECT_TRUE(Has(hall, "row(clock_1, clock_2, clock_3, clock_4, clock_5)")) << Show(hall);
  const PlanResult yard = planner.Plan("Three birdhouses are equally spaced along the fence.");
  EXPECT_TRUE(Has(yard, "row(birdhouse_1, birdhouse_2, birdhouse_3)")) << Show(yard);
}

// "around the edge", "along the rim" with no owner named, in a "with" list: the host's edge.
TEST(Relation10, AnEdgeWithNoOwnerIsTheThingsInFocus) {
  OfflinePlanner planner;
  const PlanResult playroom =
      planner.Plan("A round rug lies in the playroom, with floor cushions around the edge.");
  EXPECT_TRUE(Has(playroom,
                  "around(floor_cushion_1, floor_cushion_2, floor_cushion_3, "
                  "floor_cushion_4, rug_1)"))
      << Show(playroom);
  const PlanResult cafe =
      planner.Plan("A round tray with six cups along the rim sits on the counter.");
  EXPECT_TRUE(Has(cafe, "near(cup_1, tray_1)")) << Show(cafe);
  EXPECT_EQ(CountOf(cafe, "rim"), 0) << Show(cafe);
}

// "the chair" after "a wing armchair", "each chair" after "garden armchairs": the head of an
// open compound that itself ends in the noun.
TEST(Relation10, TheHeadOfACompoundsHeadIsAReference) {
  OfflinePlanner planner;
  const PlanResult den = planner.Plan(
      "A velvet wing armchair faces the fire, and a brass lamp stands behind the chair.");
  EXPECT_EQ(CountOf(den, "chair"), 0) << Show(den);
  EXPECT_TRUE(Has(den, "behind(lamp_1, wing_armchair_1)")) << Show(den);
  const PlanResult deck =
      planner.Plan("Two garden armchairs sit on the deck, a cushion on each chair.");
  EXPECT_EQ(CountOf(deck, "chair"), 0) << Show(deck);
  EXPECT_EQ(CountOf(deck, "cushion"), 2) << Show(deck);
}

// "against each wall", "on each wall": one per wall of the room, each on its own wall.
TEST(Relation10, OnePerWallForEachWall) {
  OfflinePlanner planner;
  const PlanResult games = planner.Plan("A dartboard hangs on each wall of the games room.");
  EXPECT_EQ(CountOf(games, "dartboard"), 4) << Show(games);
  EXPECT_TRUE(Has(games, "on_wall(dartboard_1, wall=back)")) << Show(games);
  EXPECT_TRUE(Has(games, "on_wall(dartboard_2, wall=left)")) << Show(games);
  EXPECT_TRUE(Has(games, "on_wall(dartboard_3, wall=right)")) << Show(games);
  const PlanResult archive = planner.Plan("A steel cabinet stands against each wall.");
  EXPECT_EQ(CountOf(archive, "cabinet"), 4) << Show(archive);
  EXPECT_TRUE(Has(archive, "against_wall(cabinet_4, wall=front)")) << Show(archive);
}

// "a workbench, five paint cans in a row": the arrangement is the last member's, which a comma
// joined to the list; "a sofa and two armchairs in a row" still arranges all three.
TEST(Relation10, ArrangementAfterACommaIsTheLastMembers) {
  OfflinePlanner planner;
  const PlanResult garage = planner.Plan(
      "A cluttered garage: a workbench, five paint cans in a row, a ladder against the wall.");
  EXPECT_TRUE(Has(garage, "row(paint_can_1, paint_can_2, paint_can_3, paint_can_4, paint_can_5)"))
      << Show(garage);
  const PlanResult lounge = planner.Plan("A sofa and two armchairs in a row.");
  EXPECT_TRUE(Has(lounge, "row(sofa_1, armchair_1, armchair_2)")) << Show(lounge);
}

// "X with Ys hangs above Z": the phrase that opens with X's verb places X; small things "with" a
// shelf stand on it, as on a table.
TEST(Relation10, AVerbPhraseAfterAWithListPlacesTheHost) {
  OfflinePlanner planner;
  const PlanResult bath = planner.Plan("A narrow shelf with three candles hangs above the bath.");
  EXPECT_TRUE(Has(bath, "above(shelf_1, bath_1)")) << Show(bath);
  EXPECT_FALSE(Has(bath, "above(candle_1, bath_1)")) << Show(bath);
  EXPECT_TRUE(Has(bath, "on(candle_1, shelf_1)")) << Show(bath);
}

}  // namespace
}  // namespace scenecraft
