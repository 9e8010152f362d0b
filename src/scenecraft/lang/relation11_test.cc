// Stage tests for issue 12's eleventh round: relations, attachment and group shapes. Every
// sentence here was written, with its expectation, before the planner first ran on it, in
// wordings unlike any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Show;

// A building a fronted phrase sets the scene in ("In the boathouse, ...") carries nothing: a
// support named after the next thing is that thing's, not the building's.
TEST(Relation11, AFrontedBuildingIsNoContainerOfWhatFollows) {
  OfflinePlanner planner;
  const PlanResult boathouse =
      planner.Plan("In the boathouse, a paddle on a rack and a canoe against the wall.");
  EXPECT_TRUE(Has(boathouse, "on(paddle_1, rack_1)")) << Show(boathouse);
  const PlanResult stable = planner.Plan("In the stable: a saddle on a wooden stand.");
  EXPECT_TRUE(Has(stable, "on(saddle_1, stand_1)")) << Show(stable);
  // (A thing in a container still stands where the container does.)
  const PlanResult hall = planner.Plan("Tulips in a jug on the sideboard.");
  EXPECT_TRUE(Has(hall, "on(jug_1, sideboard_1)")) << Show(hall);
}

// An arrangement said with a quantity noun after "in a" or with the verb "form": the group
// takes that shape.
TEST(Relation11, ArrangementNounsAfterInAndForm) {
  OfflinePlanner planner;
  const PlanResult porch = planner.Plan("Four suitcases in a pile by the front door.");
  EXPECT_TRUE(Has(porch, "stack(suitcase_1, suitcase_2, suitcase_3, suitcase_4)")) << Show(porch);
  EXPECT_TRUE(Has(porch, "near(suitcase_1, door_1)")) << Show(porch);
  const PlanResult tray = planner.Plan("Eight tea lights form a ring on the tray.");
  EXPECT_TRUE(Has(tray,
                  "circle(tea_light_1, tea_light_2, tea_light_3, tea_light_4, tea_light_5, "
                  "tea_light_6, tea_light_7, tea_light_8)"))
      << Show(tray);
  EXPECT_EQ(CountOf(tray, "ring"), 0) << Show(tray);
  const PlanResult lot = planner.Plan("Six traffic cones form a line beside the gate.");
  EXPECT_TRUE(Has(lot,
                  "row(traffic_cone_1, traffic_cone_2, traffic_cone_3, traffic_cone_4, "
                  "traffic_cone_5, traffic_cone_6)"))
      << Show(lot);
  EXPECT_EQ(CountOf(lot, "line"), 0) << Show(lot);
}

// "X line(s) the Y": the things stand along it in a row.
TEST(Relation11, LiningIsARow) {
  OfflinePlanner planner;
  const PlanResult stairs = planner.Plan("Five potted ferns line the staircase.");
  EXPECT_TRUE(Has(stairs, "row(fern_1, fern_2, fern_3, fern_4, fern_5)")) << Show(stairs);
  EXPECT_TRUE(Has(stairs, "near(fern_1, staircase_1)")) << Show(stairs);
  const PlanResult gym = planner.Plan("Tall grey lockers line the left wall.");
  EXPECT_TRUE(Has(gym, "row(locker_1, locker_2, locker_3, locker_4)")) << Show(gym);
  EXPECT_TRUE(Has(gym, "against_wall(locker_1, wall=left)")) << Show(gym);
}

// "side by side" after the phrase that put the group on its host still arranges the group.
TEST(Relation11, SideBySideAfterTheHost) {
  OfflinePlanner planner;
  const PlanResult stove = planner.Plan("Two kettles on the stove side by side.");
  EXPECT_TRUE(Has(stove, "row(kettle_1, kettle_2)")) << Show(stove);
  EXPECT_TRUE(Has(stove, "on(kettle_2, stove_1)")) << Show(stove);
  const PlanResult sill =
      planner.Plan("A cactus by the door, and three jam jars on the windowsill, side by side.");
  // (WordNet writes "jam jar" as one word: the closed compound "jamjar".)
  EXPECT_TRUE(Has(sill, "row(jamjar_1, jamjar_2, jamjar_3)")) << Show(sill);
  EXPECT_TRUE(Has(sill, "on(jamjar_3, windowsill_1)")) << Show(sill);
}

// A long thing that runs, stretches or leads "from X to Y" lies between them.
TEST(Relation11, FromOneThingToAnotherIsBetween) {
  OfflinePlanner planner;
  const PlanResult hall = planner.Plan("A long banner stretches from the stage to the balcony.");
  EXPECT_TRUE(Has(hall, "between(banner_1, stage_1, balcony_1)")) << Show(hall);
  const PlanResult yard = planner.Plan("A garden hose runs from the tap to the wheelbarrow.");
  EXPECT_TRUE(Has(yard, "between(garden_hose_1, tap_1, wheelbarrow_1)")) << Show(yard);
  const PlanResult bedroom = planner.Plan("A striped runner leads from the door to the bed.");
  EXPECT_TRUE(Has(bedroom, "between(runner_1, door_1, bed_1)")) << Show(bedroom);
}

// A participle with its particle ("spread out", "stretched out", "folded up") is the verb of the
// thing before it, which stays a thing and is placed by the phrase after.
TEST(Relation11, ParticipleWithAParticleKeepsItsSubject) {
  OfflinePlanner planner;
  const PlanResult camp = planner.Plan("A tarp spread out beside the van.");
  EXPECT_EQ(CountOf(camp, "tarp"), 1) << Show(camp);
  EXPECT_TRUE(Has(camp, "near(tarp_1, van_1)")) << Show(camp);
  // (The spatial phrase opens with a word that is also a noun: "behind".)
  const PlanResult field = planner.Plan("A rope stretched out behind the tent.");
  EXPECT_EQ(CountOf(field, "rope"), 1) << Show(field);
  EXPECT_TRUE(Has(field, "behind(rope_1, tent_1)")) << Show(field);
  EXPECT_EQ(CountOf(field, "out"), 0) << Show(field);
}

// ", all facing X" right after a group is that group, also when its noun is first of all a place
// by WordNet ("seats") and when a "with" list named it, not the place the group is in.
TEST(Relation11, AllAfterAGroupIsThatGroup) {
  OfflinePlanner planner;
  const PlanResult barn = planner.Plan("A barn with rows of seats, all facing the stage.");
  EXPECT_TRUE(Has(barn, "facing(seat_1, stage_1)")) << Show(barn);
  EXPECT_FALSE(Has(barn, "facing(barn_1, stage_1)")) << Show(barn);
  const PlanResult shed =
      planner.Plan("A shed with two stools and a bench, all facing the window.");
  EXPECT_TRUE(Has(shed, "facing(stool_2, window_1)")) << Show(shed);
  EXPECT_TRUE(Has(shed, "facing(bench_1, window_1)")) << Show(shed);
  EXPECT_FALSE(Has(shed, "facing(shed_1, window_1)")) << Show(shed);
}

// "at the end of the row" is beside the row, not at a bed's foot when the row is of beds.
TEST(Relation11, TheEndOfARowIsNoFoot) {
  OfflinePlanner planner;
  const PlanResult dorm =
      planner.Plan("Two cots side by side, and a rucksack at the end of the row.");
  EXPECT_FALSE(Has(dorm, "in_front_of(rucksack_1, cot_1)")) << Show(dorm);
  EXPECT_TRUE(Has(dorm, "near(rucksack_1, cot_1)") || Has(dorm, "near(rucksack_1, cot_2)"))
      << Show(dorm);
}

// "it" is no thing the text only named on its own sentence (it may name the scene): after other
// things were named, the nearest single thing.
TEST(Relation11, ItIsNoSceneNamedAlone) {
  OfflinePlanner planner;
  const PlanResult bar = planner.Plan(
      "A noodle bar. Two stools face the till, and a kettle sits on the hob behind it.");
  EXPECT_TRUE(Has(bar, "behind(hob_1, till_1)")) << Show(bar);
  // (With nothing named since, it is still that thing.)
  const PlanResult desk = planner.Plan("A big oak desk. A lamp stands on it.");
  EXPECT_TRUE(Has(desk, "on(lamp_1, desk_1)")) << Show(desk);
}

// "with A and B on it": both are on the host, but for furniture and seats.
TEST(Relation11, WithAAndBOnItPutsBothThere) {
  OfflinePlanner planner;
  const PlanResult sideboard =
      planner.Plan("An oak sideboard with a fruit bowl and a candlestick on it.");
  EXPECT_TRUE(Has(sideboard, "on(fruit_bowl_1, sideboard_1)")) << Show(sideboard);
  EXPECT_TRUE(Has(sideboard, "on(candlestick_1, sideboard_1)")) << Show(sideboard);
  const PlanResult hall =
      planner.Plan("A bench in the hall with a helmet and a pair of gloves on top.");
  EXPECT_TRUE(Has(hall, "on(helmet_1, bench_1)")) << Show(hall);
  const PlanResult study = planner.Plan("A desk with a chair and a lamp on it.");
  EXPECT_FALSE(Has(study, "on(chair_1, desk_1)")) << Show(study);
  EXPECT_TRUE(Has(study, "on(lamp_1, desk_1)")) << Show(study);
}

// What a verb fastens to a thin upright thing, standing on the floor itself, is beside it; a small
// thing fastened to a surface is on it.
TEST(Relation11, FastenedToAPostIsBesideIt) {
  OfflinePlanner planner;
  const PlanResult street = planner.Plan("A motorbike is chained to a pole.");
  EXPECT_TRUE(Has(street, "near(motorbike_1, pole_1)")) << Show(street);
  EXPECT_FALSE(Has(street, "on(motorbike_1, pole_1)")) << Show(street);
  const PlanResult desk = planner.Plan("A reading lamp clamped to the desk.");
  EXPECT_TRUE(Has(desk, "on(reading_lamp_1, desk_1)")) << Show(desk);
}

// "before" is a preposition of place; "out front" is in front of the thing the phrase hangs on.
TEST(Relation11, BeforeAndOutFrontAreInFront) {
  OfflinePlanner planner;
  const PlanResult den = planner.Plan("A leather footstool sits before the armchair.");
  EXPECT_TRUE(Has(den, "in_front_of(footstool_1, armchair_1)")) << Show(den);
  const PlanResult shop = planner.Plan("A tall wardrobe with a laundry basket out front.");
  EXPECT_TRUE(Has(shop, "in_front_of(laundry_basket_1, wardrobe_1)")) << Show(shop);
}

// An -s word before a participle and a spatial phrase is a plural noun, not the verb: the
// participle is no thing and places the holder.
TEST(Relation11, PluralBeforeAParticipleIsANoun) {
  OfflinePlanner planner;
  const PlanResult office = planner.Plan("A box of paint rolls sitting under the desk.");
  EXPECT_EQ(CountOf(office, "paint"), 0) << Show(office);
  EXPECT_TRUE(Has(office, "inside(paint_roll_1, box_1)")) << Show(office);
  EXPECT_TRUE(Has(office, "under(box_1, desk_1)")) << Show(office);
  const PlanResult hall = planner.Plan("A row of coat hooks hanging above the bench.");
  EXPECT_EQ(CountOf(hall, "coat"), 0) << Show(hall);
  EXPECT_TRUE(Has(hall, "above(coat_hook_1, bench_1)")) << Show(hall);
}

// A position word before the head of a compound already named picks a member of that group.
TEST(Relation11, PositionWordBeforeACompoundsHead) {
  OfflinePlanner planner;
  const PlanResult cellar =
      planner.Plan("Three cider barrels stacked by the wall, and a cat on the top barrel.");
  EXPECT_EQ(CountOf(cellar, "top barrel"), 0) << Show(cellar);
  // (The top one of the stack: its last member, since the fifteenth round; the first before.)
  EXPECT_TRUE(Has(cellar, "on(cat_1, cider_barrel_3)")) << Show(cellar);
}

// A phrase whose reference is no thing still placed its subject: what a comma adds after it is
// no member of that subject's list.
TEST(Relation11, APhraseAboutNoThingStillEndsTheList) {
  OfflinePlanner planner;
  const PlanResult beach =
      planner.Plan("Three deck chairs facing the sunset, a parasol beside them.");
  EXPECT_TRUE(Has(beach, "near(parasol_1, deck_chair_1)")) << Show(beach);
}

// "some way off", "a long way away" with no reference: far from the thing the implicit
// reference names (which one is `Implicit`'s choice); "way" is no thing.
TEST(Relation11, SomeWayOffIsFar) {
  OfflinePlanner planner;
  const PlanResult camp =
      planner.Plan("A caravan stands by the hedge, and a jeep is parked some way off.");
  bool far = false;
  for (const std::string& r : plan_test::RelationStrings(camp))
    far = far || r.rfind("far(jeep_1", 0) == 0;
  EXPECT_TRUE(far) << Show(camp);
  EXPECT_EQ(CountOf(camp, "way"), 0) << Show(camp);
}

// In a "with" list, a definite part of the host by WordNet's meronymy is a place on the host.
TEST(Relation11, APartOfTheHostIsTheHost) {
  OfflinePlanner planner;
  const PlanResult nursery = planner.Plan("An old toy box with a teddy sitting on the lid.");
  EXPECT_TRUE(Has(nursery, "on(teddy_1, toy_box_1)")) << Show(nursery);
  EXPECT_EQ(CountOf(nursery, "lid"), 0) << Show(nursery);
  const PlanResult hall = planner.Plan("A wardrobe with a hatbox on the top shelf.");
  EXPECT_TRUE(Has(hall, "on(hatbox_1, wardrobe_1)")) << Show(hall);
}

// "on the left" / "at the right" with no "of": a side of the thing in focus, as "to the left"
// already was; never a place called "left" that sets the scene out of doors, never dropped.
TEST(Relation11, OnTheLeftWithNoOwnerIsASideOfTheFocus) {
  OfflinePlanner planner;
  const PlanResult study =
      planner.Plan("A study with a writing desk in the middle and a globe on the left.");
  EXPECT_TRUE(Has(study, "left_of(globe_1, writing_desk_1)")) << Show(study);
  EXPECT_TRUE(plan_test::Indoors(study)) << Show(study);
  const PlanResult hall = planner.Plan(
      "On the right stands a grandfather clock, and an umbrella stand is on the left.");
  EXPECT_TRUE(plan_test::Indoors(hall)) << Show(hall);
  EXPECT_EQ(CountOf(hall, "right"), 0) << Show(hall);
  EXPECT_EQ(CountOf(hall, "grandfather clock"), 1) << Show(hall);
  EXPECT_EQ(CountOf(hall, "umbrella stand"), 1) << Show(hall);
  // (The room's right side: no relation names it, so none is planned, least of all one that
  // puts the stand to the right of the clock and to its left at once.)
  EXPECT_FALSE(Has(hall, "right_of(umbrella_stand_1, grandfather_clock_1)")) << Show(hall);
  // ("stands" after the side is the verb, not a thing on whose right the clock stands.)
  EXPECT_EQ(CountOf(hall, "stand"), 0) << Show(hall);
  const PlanResult porch = planner.Plan("To the left hangs a wind chime.");
  EXPECT_EQ(CountOf(porch, "wind chime"), 1) << Show(porch);
  EXPECT_EQ(CountOf(porch, "hang"), 0) << Show(porch);
  const PlanResult shed =
      planner.Plan("A mower sits by the door, with a wheelbarrow at the right-hand side.");
  EXPECT_TRUE(Has(shed, "right_of(wheelbarrow_1, mower_1)")) << Show(shed);
  // (A named wall, and a side with its owner, read as before.)
  const PlanResult gallery = planner.Plan("A tapestry hangs on the left wall.");
  EXPECT_TRUE(Has(gallery, "on_wall(tapestry_1, wall=left)")) << Show(gallery);
  const PlanResult desk = planner.Plan("A lamp on the left side of the desk.");
  EXPECT_TRUE(Has(desk, "left_of(lamp_1, desk_1)")) << Show(desk);
}

// A thing named before a colon that heads the text ("Breakfast table: ..."), as a place would,
// holds what the list after it names, as "a table with ..." does; a place before a colon stays
// the setting.
TEST(Relation11, AThingHeadingTheTextHoldsTheListAfterIt) {
  OfflinePlanner planner;
  const PlanResult breakfast = planner.Plan(
      "Breakfast table: a teapot in the middle, two cups beside the teapot and a milk jug.");
  EXPECT_TRUE(Has(breakfast, "on(teapot_1, breakfast_table_1)")) << Show(breakfast);
  EXPECT_TRUE(Has(breakfast, "on(milk_jug_1, breakfast_table_1)")) << Show(breakfast);
  EXPECT_FALSE(Has(breakfast, "center(teapot_1)")) << Show(breakfast);
  const PlanResult bench =
      planner.Plan("The fisherman's bench: a tackle box under it and two rods leaning on it.");
  EXPECT_TRUE(Has(bench, "under(tackle_box_1, bench_1)")) << Show(bench);
  EXPECT_FALSE(Has(bench, "near(rod_1, tackle_box_1)")) << Show(bench);
  EXPECT_FALSE(Has(bench, "on(rod_1, tackle_box_1)")) << Show(bench);
  // (A room before the colon is where the scene is.)
  const PlanResult scullery = planner.Plan("Scullery: a mangle by the sink and a tin bath.");
  EXPECT_TRUE(plan_test::Indoors(scullery)) << Show(scullery);
  EXPECT_EQ(CountOf(scullery, "scullery"), 0) << Show(scullery);
  EXPECT_TRUE(Has(scullery, "near(mangle_1, sink_1)")) << Show(scullery);
}

}  // namespace
}  // namespace scenecraft
