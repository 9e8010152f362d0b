#include "scenecraft/layout/navigability.h"

#include <gtest/gtest.h>

#include "scenecraft/core/polygon.h"

namespace scenecraft {
namespace {

Body Block(const std::string& id, Rect2 foot, double height = 1.0, bool front = true) {
  Body b;
  b.id = id;
  b.category = "cabinet";
  b.box = Box3{{foot.min.x, foot.min.y, 0}, {foot.max.x, foot.max.y, height}};
  b.has_front = front;
  return b;
}

Environment RoomWithDoor() {
  Environment env;
  env.size = {6, 4, 2.8};
  env.openings.push_back({"door", "left", 0.0, 0.9, 2.05, 0.0, "door_1"});
  return env;
}

TEST(Navigability, AnEmptyRoomIsAllReachable) {
  const Navigability nav = MeasureNavigability(RoomWithDoor(), {});
  ASSERT_TRUE(nav.measured);
  EXPECT_DOUBLE_EQ(nav.reachable_share, 1.0);
  EXPECT_TRUE(nav.unreachable.empty());
}

TEST(Navigability, AWallOfFurnitureCutsOffTheFarHalfAndWhatStandsThere) {
  // Cabinets across the whole room at x = 0 leave the right half out of reach.
  const Body wall = Block("sideboard_1", Rect2{{-0.3, -2.0}, {0.3, 2.0}});
  const Body desk = Block("desk_1", Rect2{{1.8, -0.3}, {2.8, 0.3}}, 0.75);
  const Navigability nav = MeasureNavigability(RoomWithDoor(), {&wall, &desk});
  EXPECT_LT(nav.reachable_share, 0.6);
  EXPECT_GT(nav.reachable_share, 0.3);
  EXPECT_EQ(nav.unreachable, (std::vector<std::string>{"desk_1"}));
  // A 0.6 m gap lets the walker through (0.4 m wide); a 0.3 m gap does not.
  const Body top = Block("sideboard_1", Rect2{{-0.3, -0.2}, {0.3, 2.0}});
  const Body bottom = Block("sideboard_2", Rect2{{-0.3, -2.0}, {0.3, -0.8}});
  EXPECT_GT(MeasureNavigability(RoomWithDoor(), {&top, &bottom, &desk}).reachable_share, 0.99);
  const Body narrow = Block("sideboard_2", Rect2{{-0.3, -2.0}, {0.3, -0.5}});
  EXPECT_LT(MeasureNavigability(RoomWithDoor(), {&top, &narrow, &desk}).reachable_share, 0.6);
}

TEST(Navigability, RugsAndThingsOverheadDoNotBlock) {
  Body rug = Block("rug_1", Rect2{{-0.3, -2.0}, {0.3, 2.0}}, 0.01);
  rug.category = "rug";
  Body shelf = Block("shelf_1", Rect2{{-0.3, -2.0}, {0.3, 2.0}}, 2.0);
  shelf.box.min.z = 1.6;
  EXPECT_DOUBLE_EQ(MeasureNavigability(RoomWithDoor(), {&rug, &shelf}).reachable_share, 1.0);
}

TEST(Navigability, NotMeasuredWithoutADoor) {
  Environment env;
  EXPECT_FALSE(MeasureNavigability(env, {}).measured);
}

TEST(Navigability, TheNotchOfAnLIsNotFloor) {
  Environment env;
  env.SetFloorPolygon(LShapedFloor(6, 5, 2, 2));
  env.openings.push_back({"door", "wall_1", 0.0, 0.9, 2.05, 0.0, "door_1"});
  const Body inside = Block("chest_1", Rect2{{-2.5, 1.5}, {-1.5, 2.0}});
  const Navigability nav = MeasureNavigability(env, {&inside});
  EXPECT_DOUBLE_EQ(nav.reachable_share, 1.0);
  EXPECT_TRUE(nav.unreachable.empty());
}

}  // namespace
}  // namespace scenecraft
