// Stage tests for issue 12's thirteenth round: relations, attachment and reference. Every
// sentence here was written, with its expectation, before the planner first ran on it, in
// wordings unlike any corpus prompt, and each failed before its change.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Show;

// "X on its Y": Y is X's own (its mount), not a part of another thing named before, and a
// phrase after it places X.
TEST(Relation13, ItsThingIsTheSubjectsOwnMount) {
  OfflinePlanner planner;
  const PlanResult yard =
      planner.Plan("A sideboard by the wall and a brass bell on its frame by the gate.");
  EXPECT_TRUE(Has(yard, "on(bell_1, frame_1)")) << Show(yard);
  EXPECT_TRUE(Has(yard, "near(bell_1, gate_1)")) << Show(yard);
  EXPECT_FALSE(Has(yard, "on(bell_1, sideboard_1)")) << Show(yard);
}

// "its <part>": the thing WordNet's meronymy gives the part to, and a soft thing over a part
// of a seat lies on the seat.
TEST(Relation13, ItsPartNamesTheThingThatHasIt) {
  OfflinePlanner planner;
  const PlanResult den = planner.Plan(
      "A wing chair by the fire, a standing lamp behind it, a basket of logs next to the lamp "
      "and a plaid blanket over its arm.");
  EXPECT_TRUE(Has(den, "on(blanket_1, wing_chair_1)")) << Show(den);
}

// A definite part named for the first time (WordNet's meronymy) is the thing it belongs to.
TEST(Relation13, ADefinitePartIsItsThing) {
  OfflinePlanner planner;
  const PlanResult bedroom =
      planner.Plan("A canopy bed stands by the wall. A painting hangs above the headboard.");
  EXPECT_TRUE(Has(bedroom, "above(painting_1, bed_1)")) << Show(bedroom);
  EXPECT_EQ(CountOf(bedroom, "headboard"), 0) << Show(bedroom);
}

// "at its base" is beside the thing, and no thing of its own.
TEST(Relation13, AtItsBaseIsBesideIt) {
  OfflinePlanner planner;
  const PlanResult hall = planner.Plan("A bronze statue in the hall with two urns at its base.");
  EXPECT_TRUE(Has(hall, "near(urn_1, statue_1)")) << Show(hall);
  EXPECT_EQ(CountOf(hall, "base"), 0) << Show(hall);
}

// A side or an end with no owner is a side of the thing the sentence put in the middle.
TEST(Relation13, AnUnownedSideIsTheCentrepieces) {
  OfflinePlanner planner;
  const PlanResult studio = planner.Plan(
      "A potter's kiln in the centre, a workbench against the wall and a sack of clay on the "
      "right.");
  EXPECT_TRUE(Has(studio, "right_of(sack_1, kiln_1)")) << Show(studio);
  const PlanResult weaving =
      planner.Plan("A loom in the middle, a spinning wheel on the left and a basket at one end.");
  EXPECT_TRUE(Has(weaving, "near(basket_1, loom_1)")) << Show(weaving);
  const PlanResult court =
      planner.Plan("A quiet courtyard with a fountain in the middle, a bench to one side.");
  EXPECT_TRUE(Has(court, "near(bench_1, fountain_1)")) << Show(court);
}

// A phrase on a pronoun after a comma, before a new thing, opens its clause: the new things are
// its subjects.
TEST(Relation13, FrontedPronounPhraseAfterAComma) {
  OfflinePlanner planner;
  const PlanResult shop =
      planner.Plan("The shop has a long counter, behind it a stool and a tall shelf.");
  EXPECT_TRUE(Has(shop, "behind(stool_1, counter_1)")) << Show(shop);
  EXPECT_TRUE(Has(shop, "behind(shelf_1, counter_1)")) << Show(shop);
}

// Seats named with their table go with it: a phrase after them places the table.
TEST(Relation13, SeatsGoWithTheirTable) {
  OfflinePlanner planner;
  const PlanResult room =
      planner.Plan("A dining room with two small tables with chairs by the fireplace.");
  EXPECT_TRUE(Has(room, "near(table_1, fireplace_1)")) << Show(room);
  EXPECT_TRUE(Has(room, "near(chair_1, table_1)")) << Show(room);
}

// Inside a "with" list, after a member the list placed by another thing, "it" is that thing.
TEST(Relation13, ItAfterAMemberPlacedByAnotherThing) {
  OfflinePlanner planner;
  const PlanResult temple = planner.Plan(
      "A temple hall with a gong to the right of the shrine, two lanterns on either side of it.");
  EXPECT_TRUE(Has(temple, "symmetric(lantern_1, lantern_2, shrine_1)")) << Show(temple);
}

// A corner of a thing ("the desk's corner") is a place on it, not a corner of the room.
TEST(Relation13, OnAThingsCornerIsOnIt) {
  OfflinePlanner planner;
  const PlanResult study = planner.Plan("A reading lamp on the desk's corner.");
  EXPECT_TRUE(Has(study, "on(reading_lamp_1, desk_1)")) << Show(study);
  EXPECT_FALSE(Has(study, "in_corner(reading_lamp_1)")) << Show(study);
}

// "on it" after a seat placed at a work surface: what cannot rest on the seat rests on the
// surface; a cushion stays on the seat.
TEST(Relation13, OnItAfterASeatAtADesk) {
  OfflinePlanner planner;
  const PlanResult office = planner.Plan(
      "A writing desk in the corner, an office chair at the desk, and a laptop and a lamp on it.");
  EXPECT_TRUE(Has(office, "on(laptop_1, writing_desk_1)")) << Show(office);
  EXPECT_TRUE(Has(office, "on(lamp_1, writing_desk_1)")) << Show(office);
  const PlanResult kitchen =
      planner.Plan("A dining table by the window, a chair at the table with a cushion on it.");
  EXPECT_TRUE(Has(kitchen, "on(cushion_1, chair_1)")) << Show(kitchen);
}

// A verb of filling whose object is a corner puts its subject in the corner.
TEST(Relation13, FillingACornerIsInIt) {
  OfflinePlanner planner;
  const PlanResult lounge =
      planner.Plan("A potted fern fills the corner and a sofa faces the window.");
  EXPECT_TRUE(Has(lounge, "in_corner(fern_1)")) << Show(lounge);
}

// A member with a "with" list of its own is still in the list a fronted phrase placed.
TEST(Relation13, FrontedListThroughAMembersWithList) {
  OfflinePlanner planner;
  const PlanResult hall =
      planner.Plan("On the sideboard there is a teapot, a tray with two cups on it, and a clock.");
  EXPECT_TRUE(Has(hall, "on(tray_1, sideboard_1)")) << Show(hall);
  EXPECT_TRUE(Has(hall, "on(cup_2, tray_1)")) << Show(hall);
}

// What lies over a part of a seat (its arm, its back) lies on the seat.
TEST(Relation13, OverASeatsPartIsOnIt) {
  OfflinePlanner planner;
  const PlanResult lounge =
      planner.Plan("A sofa by the wall, a lamp beside it and a denim jacket over its back.");
  EXPECT_TRUE(Has(lounge, "on(jacket_1, sofa_1)")) << Show(lounge);
}

// "round" before a determiner is "around"; after one it is a shape.
TEST(Relation13, RoundBeforeADeterminerIsAround) {
  OfflinePlanner planner;
  const PlanResult den =
      planner.Plan("Four folding chairs round the card table, and a round rug by the door.");
  EXPECT_TRUE(Has(den,
                  "around(folding_chair_1, folding_chair_2, folding_chair_3, folding_chair_4, "
                  "card_table_1)"))
      << Show(den);
  EXPECT_TRUE(Has(den, "near(rug_1, door_1)")) << Show(den);
  EXPECT_FALSE(Has(den, "near(card_table_1, door_1)")) << Show(den);
}

}  // namespace
}  // namespace scenecraft
