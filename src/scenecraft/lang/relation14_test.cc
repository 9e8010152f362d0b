// Stage tests for issue 12's fourteenth round: relations and attachment. Every sentence here was
// written, with its expectation, before the planner first ran on it, in wordings unlike any
// corpus prompt, and each failed before its change.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::Has;
using plan_test::Show;

// The planned relation of this text form, or nullptr.
const Relation* Find(const PlanResult& plan, const std::string& relation) {
  for (const Relation& r : plan.graph.relations) {
    if (r.ToString() == relation) return &r;
  }
  return nullptr;
}

// "at the back", "along the front", "across the far end": a region of the room, not a wall the
// thing touches. The layout may still put it against that wall, but the plan does not claim the
// text said so (no source span); "against the back wall" is stated.
TEST(Relation14, ARoomRegionIsNoStatedWall) {
  OfflinePlanner planner;
  const PlanResult hall = planner.Plan(
      "A harp sits at the back, a globe waits along the front and a sofa stands against the "
      "left wall.");
  const Relation* piano = Find(hall, "against_wall(harp_1, wall=back)");
  ASSERT_NE(piano, nullptr) << Show(hall);
  EXPECT_LT(piano->source.begin, 0) << Show(hall);
  const Relation* stand = Find(hall, "against_wall(globe_1, wall=front)");
  ASSERT_NE(stand, nullptr) << Show(hall);
  EXPECT_LT(stand->source.begin, 0) << Show(hall);
  const Relation* sofa = Find(hall, "against_wall(sofa_1, wall=left)");
  ASSERT_NE(sofa, nullptr) << Show(hall);
  EXPECT_GE(sofa->source.begin, 0) << Show(hall);
}

// "a CONTAINER with THINGS": the things are in it when they fit (WordNet's container, the
// expected sizes); "a SUPPORT with THINGS" (a rack, a stand: WordNet's support) puts them on it.
TEST(Relation14, WhatAHolderComesWithIsInOrOnIt) {
  OfflinePlanner planner;
  const PlanResult kitchen = planner.Plan("A basket with apples and a wine rack with bottles.");
  EXPECT_TRUE(Has(kitchen, "inside(apple_1, basket_1)")) << Show(kitchen);
  EXPECT_TRUE(Has(kitchen, "on(bottle_1, wine_rack_1)")) << Show(kitchen);
  // Furniture and seats stay beside their host.
  const PlanResult dining = planner.Plan("A long table with six chairs.");
  EXPECT_TRUE(Has(dining, "near(chair_1, table_1)")) << Show(dining);
}

// A phrase after what a holder carries places the holder: "a bucket with tennis balls next to
// the bench" puts the bucket by the bench, the balls in it.
TEST(Relation14, AHoldersLoadGoesWithIt) {
  OfflinePlanner planner;
  const PlanResult court = planner.Plan("A bucket with tennis balls next to the bench.");
  EXPECT_TRUE(Has(court, "near(bucket_1, bench_1)")) << Show(court);
  EXPECT_TRUE(Has(court, "inside(tennis_ball_1, bucket_1)")) << Show(court);
}

// "along the left side" with no owner is along that wall of the room (the cupboards of a galley),
// also when a thing stands in the middle; with an owner it is beside the owner.
TEST(Relation14, AlongAnUnownedSideIsAlongThatWall) {
  OfflinePlanner planner;
  const PlanResult galley = planner.Plan(
      "A narrow galley: a cooker in the middle, a row of cupboards along the right side and a "
      "fridge by the door.");
  EXPECT_TRUE(Has(galley, "against_wall(cupboard_1, wall=right)")) << Show(galley);
  const PlanResult hall = planner.Plan("A trestle table with a bench along the left side of it.");
  EXPECT_FALSE(Has(hall, "against_wall(bench_1, wall=left)")) << Show(hall);
}

}  // namespace
}  // namespace scenecraft
