// Stage tests for the setting a place phrase makes (reader_places.cc): a building or an
// enclosure the text only puts things in, or names before the list of what it holds, is where
// the scene is, not a thing in it. Every sentence here was written, with its expectation, before
// the planner first ran on it, in wordings unlike any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Outdoors;

// A building the text only puts things in is the setting, seen from inside; the things are in
// the room it makes, not inside a box of it.
TEST(PlacePhrase, ABuildingThingsAreOnlyInIsTheSetting) {
  OfflinePlanner planner;
  const PlanResult forklift =
      planner.Plan("A forklift next to a stack of pallets in the warehouse.");
  EXPECT_EQ(CountOf(forklift, "warehouse"), 0) << FormatPlanTable(forklift);
  EXPECT_FALSE(Outdoors(forklift)) << FormatPlanTable(forklift);
  const PlanResult kayak = planner.Plan("A kayak on a trailer in the boathouse.");
  EXPECT_EQ(CountOf(kayak, "boathouse"), 0) << FormatPlanTable(kayak);
  EXPECT_TRUE(Has(kayak, "on(kayak_1, trailer_1)")) << FormatPlanTable(kayak);
  EXPECT_FALSE(Outdoors(kayak)) << FormatPlanTable(kayak);
  // An enclosure things stand in is where they are too.
  const PlanResult ponies = planner.Plan("Three ponies far from each other in the corral.");
  EXPECT_EQ(CountOf(ponies, "corral"), 0) << FormatPlanTable(ponies);
  EXPECT_EQ(CountOf(ponies, "pony"), 3) << FormatPlanTable(ponies);
}

// A vehicle the description opens in is seen from inside; a kind of window by WordNet is the
// room's window.
TEST(PlacePhrase, AVehicleTheTextOpensInIsTheSetting) {
  OfflinePlanner planner;
  const PlanResult minibus =
      planner.Plan("Inside the minibus, six seats in two rows and a cooler by the driver seat.");
  EXPECT_EQ(CountOf(minibus, "minibus"), 0) << FormatPlanTable(minibus);
  EXPECT_FALSE(Outdoors(minibus)) << FormatPlanTable(minibus);
  const PlanResult porthole = planner.Plan("A dresser below the porthole.");
  EXPECT_TRUE(Has(porthole, "under(dresser_1, window_1)")) << FormatPlanTable(porthole);
  EXPECT_EQ(CountOf(porthole, "porthole"), 0) << FormatPlanTable(porthole);
}

// A building the text also places things by stays a thing ("leaning against the shed").
TEST(PlacePhrase, ABuildingThingsArePlacedByStaysAThing) {
  OfflinePlanner planner;
  const PlanResult shed =
      planner.Plan("A wheelbarrow in the shed and a rake leaning against the shed.");
  EXPECT_EQ(CountOf(shed, "shed"), 1) << FormatPlanTable(shed);
}

// A place named first, before a colon and the list of what it holds, is the setting.
TEST(PlacePhrase, APlaceNamedBeforeAListIsTheSetting) {
  OfflinePlanner planner;
  const PlanResult boathouse = planner.Plan(
      "A scene of a boathouse: a canoe in the middle and a paddle rack along the back wall.");
  EXPECT_EQ(CountOf(boathouse, "boathouse"), 0) << FormatPlanTable(boathouse);
  EXPECT_TRUE(Has(boathouse, "center(canoe_1)")) << FormatPlanTable(boathouse);
  EXPECT_FALSE(Outdoors(boathouse)) << FormatPlanTable(boathouse);
  const PlanResult loft =
      planner.Plan("Could you make a pottery studio please: a kiln and a wheel.");
  EXPECT_EQ(CountOf(loft, "pottery studio"), 0) << FormatPlanTable(loft);
  EXPECT_EQ(CountOf(loft, "kiln"), 1) << FormatPlanTable(loft);
  const PlanResult veranda = planner.Plan("On the veranda: a porch swing and a potted fern.");
  EXPECT_EQ(CountOf(veranda, "veranda"), 0) << FormatPlanTable(veranda);
  EXPECT_EQ(CountOf(veranda, "porch swing"), 1) << FormatPlanTable(veranda);
}

// Doors and windows are things the text places others by: the relation names the opening, and a
// door or window the text names keeps the scene inside walls even when what stands by it is a
// thing of the outdoors.
TEST(PlacePhrase, DoorsAndWindowsAreReferents) {
  OfflinePlanner planner;
  const PlanResult scooter = planner.Plan("A scooter leaning next to the front door.");
  EXPECT_FALSE(Outdoors(scooter)) << FormatPlanTable(scooter);
  EXPECT_TRUE(Has(scooter, "near(scooter_1, door_1)")) << FormatPlanTable(scooter);
  // "under the window": below it (under's test for a window asks for the window's own wall too,
  // so the plan states no second relation).
  const PlanResult bureau =
      planner.Plan("A writing bureau under the window and a harp beside the doorway.");
  EXPECT_TRUE(Has(bureau, "under(writing_bureau_1, window_1)")) << FormatPlanTable(bureau);
  EXPECT_FALSE(Has(bureau, "against_wall(writing_bureau_1, wall=window_1)"))
      << FormatPlanTable(bureau);
  EXPECT_TRUE(Has(bureau, "near(harp_1, door_1)")) << FormatPlanTable(bureau);
  // "looking out (of) the window" turns a thing toward it.
  const PlanResult easel = planner.Plan("An easel gazing out of the window, a stool behind it.");
  EXPECT_TRUE(Has(easel, "facing(easel_1, window_1)")) << FormatPlanTable(easel);
}

}  // namespace
}  // namespace scenecraft
