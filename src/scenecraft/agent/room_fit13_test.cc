// The room and the real sizes of what stands in it (thirteenth round). Written before the change,
// in words no corpus uses (a hangar of gliders, a cellar of barrels, a closet of crates).
#include <gtest/gtest.h>

#include "scenecraft/agent/room_fit.h"
#include "scenecraft/core/relation_testing.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using test_util::Rel;
using test_util::Sized;

SceneGraph Room(double w, double d) {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kRoom;
  g.environment.size = {w, d, 2.8};
  return g;
}

TEST(RoomFit13, ARoomTheTextDidNotSizeGrowsToHoldTheRealSizes) {
  // The planner sized a 5 x 4 m room for what it expected; the models are larger: two 9 m long
  // gliders and a 2 x 1 m workbench. The room grows until the longest fits with room to pass it
  // and the floor holds every footprint with its walkway; the door keeps its place along its wall.
  SceneGraph g = Room(5, 4);
  g.environment.openings.push_back({"door", "front", 1.0, 0.9, 2.0, 0.0, "door_1"});
  g.objects.push_back(Sized("glider_1", 15.0, 9.0, 2.0));
  g.objects.push_back(Sized("glider_2", 15.0, 9.0, 2.0));
  g.objects.push_back(Sized("workbench_1", 2.0, 1.0, 0.9));
  const std::vector<std::string> lines = FitRoomToContents(&g, {}, /*room_given=*/false);
  ASSERT_FALSE(lines.empty());
  const Vec3& s = g.environment.size;
  EXPECT_GE(s.x * s.y + 1e-9, FloorNeed(g, {}, 1.0));
  EXPECT_GE(std::max(s.x, s.y), 16.0 - 1e-9);
  EXPECT_GE(std::min(s.x, s.y), 10.0 - 1e-9);
  EXPECT_NEAR(g.environment.openings[0].offset_m, 1.0 * s.x / 5.0, 1e-9);
  EXPECT_NEAR(g.FindObject("glider_1")->size.x, 15.0, 1e-12);  // the things keep their sizes
  // A 3.4 m tall thing in a 2.8 m high room: the ceiling rises over it.
  SceneGraph h = Room(8, 6);
  h.objects.push_back(Sized("harvester_1", 2.5, 5.0, 3.4));
  ASSERT_FALSE(FitRoomToContents(&h, {}, false).empty());
  EXPECT_GE(h.environment.size.z, 3.4 + 0.3 - 1e-9);
  // A 12 m model in a 2.8 m room has the wrong size: the ceiling rises to twice its height only.
  // (Fourteenth round: such a thing no longer raises it at all; it is scaled under the planned
  // ceiling, RoomFit14.AThingTooTallForAnyRoomIsScaledUnderTheCeiling.)
  SceneGraph t = Room(8, 6);
  t.objects.push_back(Sized("palm_1", 5.7, 6.0, 12.0));
  FitRoomToContents(&t, {}, false);
  EXPECT_LE(t.environment.size.z, 5.6 + 1e-9);
}

TEST(RoomFit13, ARoomThatHoldsItsThingsIsLeftAlone) {
  // A 6 x 5 m room with a 0.6 x 0.6 m barrel and a 1.2 x 0.5 m rack: nothing changes.
  SceneGraph g = Room(6, 5);
  g.objects.push_back(Sized("barrel_1", 0.6, 0.6, 0.9));
  g.objects.push_back(Sized("rack_1", 1.2, 0.5, 1.8));
  EXPECT_TRUE(FitRoomToContents(&g, {}, false).empty());
  EXPECT_EQ(g.environment.size.x, 6.0);
  EXPECT_EQ(g.environment.size.y, 5.0);
}

TEST(RoomFit13, WhatStandsOnOthersOrIsARugNeedsNoFloor) {
  // Forty 0.5 m crates on one another and a 3 x 2 m rug need no floor of their own.
  SceneGraph g = Room(5, 4);
  g.objects.push_back(Sized("pallet_1", 1.2, 1.0, 0.15));
  std::vector<std::string> stack = {"pallet_1"};
  for (int k = 1; k <= 40; ++k) {
    const std::string id = "crate_" + std::to_string(k);
    g.objects.push_back(Sized(id, 0.5, 0.5, 0.5));
    g.relations.push_back(Rel(RelationType::kOn, {id, "pallet_1"}));
  }
  g.objects.push_back(Sized("rug_1", 3.0, 2.0, 0.01));
  EXPECT_NEAR(FloorNeed(g, {}, 1.0), (1.2 + 0.6) * (1.0 + 0.6), 1e-9);
  EXPECT_TRUE(FitRoomToContents(&g, {}, false).empty());
}

TEST(RoomFit13, ARoomTheTextSizedMakesThingsShrinkNeverBelowHalf) {
  // A 2.5 x 2 m closet the text sized, with three 1 x 0.8 m crates: they shrink by one factor
  // until their walkway-grown footprints fit its 5 m2, the room keeps its size.
  SceneGraph g = Room(2.5, 2.0);
  for (int k = 1; k <= 3; ++k) g.objects.push_back(Sized("crate_" + std::to_string(k), 1, 0.8, 1));
  const std::vector<std::string> lines = FitRoomToContents(&g, {}, /*room_given=*/true);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(g.environment.size.x, 2.5);
  const double scale = g.FindObject("crate_2")->size.x;
  EXPECT_LT(scale, 1.0);
  EXPECT_GE(scale, 0.5);
  EXPECT_LE(FloorNeed(g, {}, 1.0), 2.5 * 2.0 + 1e-6);
  // Twelve crates cannot fit at half their size: they stop at half, and the line says so; a
  // crate whose size the text gave keeps it.
  SceneGraph h = Room(2.5, 2.0);
  for (int k = 1; k <= 12; ++k) h.objects.push_back(Sized("crate_" + std::to_string(k), 1, 0.8, 1));
  const std::vector<std::string> said = FitRoomToContents(&h, {"crate_1"}, true);
  ASSERT_EQ(said.size(), 1u);
  EXPECT_EQ(said[0].rfind("no plausible size", 0), 0u);
  EXPECT_NEAR(h.FindObject("crate_5")->size.x, 0.5, 1e-9);
  EXPECT_NEAR(h.FindObject("crate_1")->size.x, 1.0, 1e-12);
}

TEST(RoomFit13, TheTextsOwnRoomSizeIsKnownAsGiven) {
  // The planner's reading of a room size is what keeps the room as it is; a room it sized
  // itself is not given.
  OfflinePlanner planner;
  const PlanResult given = planner.Plan("A 3 by 4 metre studio with an easel and a stool.");
  EXPECT_TRUE(TextSizedRoom(given.graph));
  const PlanResult chosen = planner.Plan("A studio with an easel and a stool.");
  EXPECT_FALSE(TextSizedRoom(chosen.graph));
}

TEST(RoomFit14, AThingTooTallForAnyRoomIsScaledUnderTheCeiling) {
  // A 15 m mast model in a room planned 2.8 m high: no room of a building is that tall, so the
  // ceiling stays and the mast is scaled, in proportion, to stand under it, before the floor is
  // measured (its 7 m footprint does not grow the room either). A 3.4 m thing still raises it.
  SceneGraph g = Room(6, 5);
  g.objects.push_back(Sized("mast_1", 7.0, 7.0, 15.0));
  g.objects.push_back(Sized("crate_1", 0.8, 0.6, 0.5));
  const std::vector<std::string> lines = FitRoomToContents(&g, {}, /*room_given=*/false);
  const Object& mast = *g.FindObject("mast_1");
  EXPECT_NEAR(g.environment.size.z, 2.8, 1e-9);
  EXPECT_LT(mast.size.z, 2.8);
  EXPECT_NEAR(mast.size.x / mast.size.z, 7.0 / 15.0, 1e-9);
  EXPECT_LE(g.environment.size.x, 6.0 + 1e-9);
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0].find("mast_1"), std::string::npos);
}

}  // namespace
}  // namespace scenecraft
