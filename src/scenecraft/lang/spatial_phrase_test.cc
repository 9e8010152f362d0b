// Stage tests for issue 12's sixth round: spatial phrases and their attachment. Every sentence
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

// "X with a Y": a small device or container with a work surface stands on it; a seat does not.
TEST(SpatialPhrase, ASmallThingWithAWorkSurfaceStandsOnIt) {
  OfflinePlanner planner;
  const PlanResult iron = planner.Plan("A workbench with a soldering iron.");
  EXPECT_TRUE(Has(iron, "on(soldering_iron_1, workbench_1)")) << Show(iron);
  const PlanResult phone = planner.Plan("A reception desk with a telephone.");
  EXPECT_TRUE(Has(phone, "on(telephone_1, reception_desk_1)")) << Show(phone);
  const PlanResult stool = planner.Plan("A workbench with a stool.");
  EXPECT_FALSE(Has(stool, "on(stool_1, workbench_1)")) << Show(stool);
  EXPECT_TRUE(Has(stool, "near(stool_1, workbench_1)")) << Show(stool);
}

// Phrases that relate the members of one group: across, far, parallel.
TEST(SpatialPhrase, AGroupRelatedWithinItself) {
  OfflinePlanner planner;
  const PlanResult couches = planner.Plan("Two couches opposite each other.");
  EXPECT_TRUE(Has(couches, "across(couch_2, couch_1)")) << Show(couches);
  const PlanResult goats = planner.Plan("Two goats standing far apart in the pen.");
  EXPECT_TRUE(Has(goats, "far(goat_2, goat_1)")) << Show(goats);
  const PlanResult cots = planner.Plan("Two cots in parallel.");
  EXPECT_TRUE(Has(cots, "parallel(cot_2, cot_1)")) << Show(cots);
  // One thing cannot be opposite itself: a warning, no relation.
  const PlanResult one = planner.Plan("A couch opposite each other.");
  EXPECT_TRUE(one.graph.relations.empty()) << Show(one);
  bool warned = false;
  for (const std::string& w : one.warnings)
    warned = warned || w.find("several things") != std::string::npos;
  EXPECT_TRUE(warned) << Show(one);
}

TEST(SpatialPhrase, AcrossTheRoomFarAndLookingOut) {
  OfflinePlanner planner;
  const PlanResult wardrobe = planner.Plan("A wardrobe across the room from the cot.");
  EXPECT_TRUE(Has(wardrobe, "across(wardrobe_1, cot_1)")) << Show(wardrobe);
  EXPECT_FALSE(Has(wardrobe, "near(wardrobe_1, cot_1)")) << Show(wardrobe);
  const PlanResult grill = planner.Plan("A grill well away from the tent.");
  EXPECT_TRUE(Has(grill, "far(grill_1, tent_1)")) << Show(grill);
  const PlanResult kiln = planner.Plan("A kiln at a distance from the shed.");
  EXPECT_TRUE(Has(kiln, "far(kiln_1, shed_1)")) << Show(kiln);
  const PlanResult armchair = planner.Plan("An armchair looking out the window.");
  EXPECT_TRUE(Has(armchair, "facing(armchair_1, window_1)")) << Show(armchair);
}

// Hanging from the ceiling or from something up there; a thing made to hang hangs.
TEST(SpatialPhrase, HangingFromAndOverhead) {
  OfflinePlanner planner;
  const PlanResult lantern = planner.Plan("A lantern hanging from a beam.");
  EXPECT_TRUE(Has(lantern, "hanging(lantern_1)")) << Show(lantern);
  const PlanResult towel = planner.Plan("A towel hanging from a hook by the sink.");
  EXPECT_FALSE(Has(towel, "hanging(towel_1)")) << Show(towel);
  const PlanResult chandelier = planner.Plan("A chandelier over the dining table.");
  EXPECT_TRUE(Has(chandelier, "hanging(chandelier_1)")) << Show(chandelier);
  EXPECT_TRUE(Has(chandelier, "above(chandelier_1, dining_table_1)")) << Show(chandelier);
  const PlanResult lamp = planner.Plan("A lamp over the dining table.");
  EXPECT_FALSE(Has(lamp, "hanging(lamp_1)")) << Show(lamp);
}

// Arrangements: along a side, lining a wall, stacked by a command, a stack of things.
TEST(SpatialPhrase, Arrangements) {
  OfflinePlanner planner;
  const PlanResult stools = planner.Plan("Four stools along the long side of the bar.");
  EXPECT_TRUE(Has(stools, "row(stool_1, stool_2, stool_3, stool_4)")) << Show(stools);
  EXPECT_TRUE(Has(stools, "near(stool_1, bar_1)")) << Show(stools);
  const PlanResult machines = planner.Plan("Vending machines line the left wall.");
  EXPECT_TRUE(Has(machines, "against_wall(vending_machine_1, wall=left)")) << Show(machines);
  const PlanResult tires = planner.Plan("Stack three tires by the door.");
  EXPECT_TRUE(Has(tires, "stack(tire_1, tire_2, tire_3)")) << Show(tires);
  const PlanResult laptop = planner.Plan("A laptop on top of a stack of textbooks.");
  EXPECT_GE(CountOf(laptop, "textbook"), 2) << Show(laptop);
  EXPECT_TRUE(Has(laptop, "stack(textbook_1, textbook_2, textbook_3, textbook_4)")) << Show(laptop);
}

// References in a later clause: "its" after the other side, after "it", "the other two".
TEST(SpatialPhrase, ReferencesInALaterClause) {
  OfflinePlanner planner;
  const PlanResult kiln =
      planner.Plan("On the left of the kiln sits a bucket; on its right, a broom.");
  EXPECT_TRUE(Has(kiln, "left_of(bucket_1, kiln_1)")) << Show(kiln);
  EXPECT_TRUE(Has(kiln, "right_of(broom_1, kiln_1)")) << Show(kiln);
  const PlanResult easel = planner.Plan(
      "A loom stands by the wall. A basket sits in front of it. A chair is to its left.");
  EXPECT_TRUE(Has(easel, "left_of(chair_1, loom_1)")) << Show(easel);
  const PlanResult drum =
      planner.Plan("A drum, a cymbal and an amplifier, the cymbal between the other two.");
  EXPECT_TRUE(Has(drum, "between(cymbal_1, drum_1, amplifier_1)")) << Show(drum);
  const PlanResult printer = planner.Plan("A printer on a cart, and a shredder to the right.");
  EXPECT_TRUE(Has(printer, "right_of(shredder_1, cart_1)")) << Show(printer);
  // After a comma, "it" is the thing the list member before was about, not its support; once the
  // member names a landmark, "it" is the landmark.
  const PlanResult harp = planner.Plan("A harp on the rug, a music stand in front of it.");
  EXPECT_TRUE(Has(harp, "in_front_of(music_stand_1, harp_1)")) << Show(harp);
  const PlanResult desk =
      planner.Plan("A shelf to the left of a desk, and a stool in front of the desk facing it.");
  EXPECT_TRUE(Has(desk, "facing(stool_1, desk_1)")) << Show(desk);
}

// "A, B beside it": "it" cannot be what the phrase is about, so the phrase is about B and "it" is
// A; a verb of surrounding takes its reference.
TEST(SpatialPhrase, AListMemberAndItsPronoun) {
  OfflinePlanner planner;
  const PlanResult lectern = planner.Plan("A lectern, two flags on either side of it.");
  EXPECT_TRUE(Has(lectern, "symmetric(flag_1, flag_2, lectern_1)")) << Show(lectern);
  const PlanResult fire = planner.Plan("A brazier burns in the courtyard. Five logs surround it.");
  EXPECT_TRUE(Has(fire, "around(log_1, log_2, log_3, log_4, log_5, brazier_1)")) << Show(fire);
}

// A phrase that opens its clause places every member of the list after it.
TEST(SpatialPhrase, AFrontedPhrasePlacesAList) {
  OfflinePlanner planner;
  const PlanResult shelf = planner.Plan("There is a shelf. On it are a kettle and a teapot.");
  EXPECT_TRUE(Has(shelf, "on(kettle_1, shelf_1)")) << Show(shelf);
  EXPECT_TRUE(Has(shelf, "on(teapot_1, shelf_1)")) << Show(shelf);
  const PlanResult counter =
      planner.Plan("On the counter there are a blender, a toaster and a stack of three plates.");
  EXPECT_TRUE(Has(counter, "on(toaster_1, counter_1)")) << Show(counter);
  // The stack rests on the counter by its first plate; the others rest on one another.
  EXPECT_TRUE(Has(counter, "on(plate_1, counter_1)")) << Show(counter);
  EXPECT_TRUE(Has(counter, "stack(plate_1, plate_2, plate_3)")) << Show(counter);
  // A member with its own verb and phrase is not placed by the fronted phrase.
  const PlanResult desk =
      planner.Plan("On the desk sits a lamp, and a chair stands in front of the window.");
  EXPECT_TRUE(Has(desk, "on(lamp_1, desk_1)")) << Show(desk);
  EXPECT_FALSE(Has(desk, "on(chair_1, desk_1)")) << Show(desk);
  const PlanResult clock = planner.Plan("A clock hangs on the wall; beneath it stands a bench.");
  EXPECT_TRUE(Has(clock, "under(bench_1, clock_1)")) << Show(clock);
  EXPECT_EQ(CountOf(clock, "stand"), 0) << Show(clock);
}

// "full of", "leaning on": holders and leaning things.
TEST(SpatialPhrase, HoldersAndLeaningThings) {
  OfflinePlanner planner;
  const PlanResult cabinet = planner.Plan("A cabinet full of trophies against the back wall.");
  EXPECT_TRUE(Has(cabinet, "inside(trophy_1, cabinet_1)")) << Show(cabinet);
  EXPECT_TRUE(Has(cabinet, "against_wall(cabinet_1, wall=back)")) << Show(cabinet);
  EXPECT_FALSE(Has(cabinet, "against_wall(trophy_1, wall=back)")) << Show(cabinet);
  const PlanResult barrow = planner.Plan("A barrow full of sand.");
  EXPECT_EQ(CountOf(barrow, "sand"), 0) << Show(barrow);
  const PlanResult ladder = planner.Plan("A ladder leaning on the shed.");
  EXPECT_TRUE(Has(ladder, "near(ladder_1, shed_1)")) << Show(ladder);
  EXPECT_FALSE(Has(ladder, "on(ladder_1, shed_1)")) << Show(ladder);
}

}  // namespace
}  // namespace scenecraft
