#include "scenecraft/core/room.h"

#include <gtest/gtest.h>

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

Environment BoxRoom(double w, double d, double h) {
  Environment env;
  env.size = {w, d, h};
  return env;
}

TEST(RoomWalls, BoxRoomHasFourWallsFacingIn) {
  const std::vector<WallSegment> walls = RoomWalls(BoxRoom(5, 4, 2.8));
  ASSERT_EQ(walls.size(), 4u);
  for (const WallSegment& w : walls) {
    // The room's centre lies inside every wall.
    EXPECT_GT(w.DistanceInward({0, 0}), 0.0) << w.ToString();
  }
  const WallSegment* back = FindWall(walls, "back");
  ASSERT_NE(back, nullptr);
  EXPECT_DOUBLE_EQ(back->Length(), 5.0);
  EXPECT_DOUBLE_EQ(back->PointAt(1.0).x, 1.0);
  EXPECT_DOUBLE_EQ(back->PointAt(1.0).y, 2.0);
  EXPECT_DOUBLE_EQ(FindWall(walls, "left")->PointAt(1.0).y, 1.0);
  EXPECT_EQ(FindWall(walls, "ceiling"), nullptr);
  Environment outdoor;
  outdoor.kind = Environment::Kind::kOutdoor;
  EXPECT_TRUE(RoomWalls(outdoor).empty());
}

TEST(OpeningObject, DoorStandsInItsWallFromTheFloor) {
  Environment env = BoxRoom(5, 4, 2.8);
  env.openings.push_back({"door", "left", 0.5, 0.9, 2.05, 0.0, "door_1"});
  const std::optional<Object> door = OpeningObject(env, env.openings[0]);
  ASSERT_TRUE(door.has_value());
  EXPECT_EQ(door->id, "door_1");
  EXPECT_EQ(door->category, "door");
  EXPECT_TRUE(door->pose_fixed);
  const Box3 box = door->WorldBox();
  EXPECT_NEAR(box.min.x, -2.5, 1e-9);
  EXPECT_NEAR(box.max.x, -2.5 + kOpeningDepthM, 1e-9);
  EXPECT_NEAR(box.min.y, 0.05, 1e-9);
  EXPECT_NEAR(box.max.y, 0.95, 1e-9);
  EXPECT_NEAR(box.min.z, 0.0, 1e-9);
  EXPECT_NEAR(box.max.z, 2.05, 1e-9);
  // Its front faces into the room (+X from the left wall).
  EXPECT_NEAR(FrontDirection(door->pose->yaw_rad).x, 1.0, 1e-9);
}

TEST(OpeningObject, WindowStartsAtItsSillAndUnplacedOpeningsHaveNoBox) {
  Environment env = BoxRoom(5, 4, 2.8);
  env.openings.push_back({"window", "back", -1.0, 1.2, 1.2, 0.9, "window_1"});
  env.openings.push_back({"door", "", 0.0, 0.9, 2.05, 0.0, "door_1"});
  const std::vector<Object> boxes = OpeningObjects(env);
  ASSERT_EQ(boxes.size(), 1u);
  const Box3 box = boxes[0].WorldBox();
  EXPECT_NEAR(box.min.z, 0.9, 1e-9);
  EXPECT_NEAR(box.max.z, 2.1, 1e-9);
  EXPECT_NEAR(box.max.y, 2.0, 1e-9);
  EXPECT_NEAR(box.Center().x, -1.0, 1e-9);
  EXPECT_EQ(boxes[0].support, Support::kWall);
}

TEST(PlaceOpenings, UnplacedOpeningsGoToTheLongestFreeSeenWallApart) {
  Environment env = BoxRoom(6, 4, 2.8);
  env.openings.push_back({"door", "", 0, 0.9, 2.05, 0, "door_1"});
  env.openings.push_back({"window", "", 0, 1.2, 1.2, 0.9, "window_1"});
  env.openings.push_back({"window", "", 0, 1.2, 1.2, 0.9, "window_2"});
  PlaceOpenings(&env);
  EXPECT_EQ(env.openings[0].wall, "back");  // the longest seen wall
  EXPECT_DOUBLE_EQ(env.openings[0].offset_m, 0.0);
  for (const Opening& o : env.openings) {
    ASSERT_FALSE(o.wall.empty()) << o.id;
    EXPECT_NE(o.wall, "front") << o.id;
  }
  // No two openings overlap (boxes of openings in one wall are apart).
  const std::vector<Object> boxes = OpeningObjects(env);
  ASSERT_EQ(boxes.size(), 3u);
  for (size_t i = 0; i < boxes.size(); ++i) {
    for (size_t j = i + 1; j < boxes.size(); ++j) {
      EXPECT_EQ(IntersectionVolume(boxes[i].WorldBox(), boxes[j].WorldBox()), 0.0)
          << boxes[i].id << " " << boxes[j].id;
    }
  }
}

TEST(PlaceOpenings, AnOpeningWiderThanEveryWallStaysUnplaced) {
  Environment env = BoxRoom(2, 2, 2.8);
  env.openings.push_back({"window", "", 0, 3.0, 1.2, 0.9, "window_1"});
  PlaceOpenings(&env);
  EXPECT_TRUE(env.openings[0].wall.empty());
}

TEST(DoorClearance, AStepDeepBoxInFrontOfEachPlacedDoorOnly) {
  Environment env = BoxRoom(5, 4, 2.8);
  env.openings.push_back({"door", "back", 1.0, 0.9, 2.05, 0.0, "door_1"});
  env.openings.push_back({"window", "left", 0.0, 1.2, 1.2, 0.9, "window_1"});
  env.openings.push_back({"door", "", 0.0, 0.9, 2.05, 0.0, "door_2"});
  const std::vector<Object> clear = DoorClearanceObjects(env);
  ASSERT_EQ(clear.size(), 1u);
  EXPECT_EQ(clear[0].id, "door_1.clearance");
  const Box3 box = clear[0].WorldBox();
  EXPECT_NEAR(box.max.y, 2.0 - kOpeningDepthM, 1e-9);
  EXPECT_NEAR(box.min.y, 2.0 - kOpeningDepthM - 0.9, 1e-9);
  EXPECT_NEAR(box.Center().x, 1.0, 1e-9);
  EXPECT_NEAR(box.max.z, 2.0, 1e-9);
}

TEST(EnsureDoor, EveryRoomGetsOneDoorAndNoMore) {
  Environment env = BoxRoom(5, 4, 2.8);
  EXPECT_TRUE(EnsureDoor(&env));
  EXPECT_FALSE(EnsureDoor(&env));
  ASSERT_EQ(env.openings.size(), 1u);
  EXPECT_EQ(env.openings[0].kind, "door");
  EXPECT_TRUE(env.openings[0].wall.empty());
  Environment outdoor;
  outdoor.kind = Environment::Kind::kOutdoor;
  EXPECT_FALSE(EnsureDoor(&outdoor));
}

TEST(AssignOpeningIds, NumbersPerKindAvoidingObjectIds) {
  SceneGraph g;
  Object o;
  o.id = "door_1";
  o.category = "door";
  g.objects.push_back(o);
  g.environment.openings.push_back({"door", "back", 0, 0.9, 2.05, 0, ""});
  g.environment.openings.push_back({"window", "left", 0, 1.2, 1.2, 0.9, ""});
  g.environment.openings.push_back({"window", "right", 0, 1.2, 1.2, 0.9, "window_1"});
  AssignOpeningIds(&g);
  EXPECT_EQ(g.environment.openings[0].id, "door_2");
  EXPECT_EQ(g.environment.openings[1].id, "window_2");
  EXPECT_EQ(g.environment.openings[2].id, "window_1");
}

TEST(SceneJsonOpenings, RelationsMayNameOpeningsAndIdsAreAssigned) {
  const SceneGraph g = ParseSceneGraph(R"({
    "schema": 1,
    "environment": {"kind": "room", "size_m": [5, 4, 2.8], "openings": [
      {"kind": "window", "wall": "back", "offset_m": 1.0},
      {"kind": "door"}]},
    "objects": [{"id": "desk_1", "category": "desk"}],
    "relations": [{"type": "near", "objects": ["desk_1", "window_1"]}]
  })",
                                       "scene.json");
  ASSERT_EQ(g.environment.openings.size(), 2u);
  EXPECT_EQ(g.environment.openings[0].id, "window_1");
  EXPECT_EQ(g.environment.openings[1].id, "door_1");
  EXPECT_TRUE(g.environment.openings[1].wall.empty());  // the solver chooses
  EXPECT_DOUBLE_EQ(g.environment.openings[0].sill_m, 0.9);
  // Written back with its id, and read again the same.
  const SceneGraph again = ParseSceneGraph(SceneGraphToJsonText(g), "again.json");
  EXPECT_EQ(again.environment.openings[0].id, "window_1");
  EXPECT_EQ(again.environment.openings[0].wall, "back");
}

std::string ErrorOf(const std::string& text) {
  try {
    ParseSceneGraph(text, "scene.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(SceneJsonOpenings, RejectsUnknownWallsAndClashingIds) {
  const std::string error = ErrorOf(R"({
    "schema": 1,
    "environment": {"kind": "room", "size_m": [5, 4, 2.8], "openings": [
      {"kind": "window", "wall": "ceiling"},
      {"kind": "door", "id": "bed_1", "wall": "left"}]},
    "objects": [{"id": "bed_1", "category": "bed"}]
  })");
  EXPECT_NE(error.find("/environment/openings/0/wall: no wall is named 'ceiling'"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("/environment/openings/1/id: opening id 'bed_1' is already used"),
            std::string::npos)
      << error;
}

TEST(ResolveWall, LongShortWindowDoorAndOppositeTheDoor) {
  Environment env;
  env.size = {6, 4, 2.8};
  env.openings.push_back({"door", "left", 0.0, 0.9, 2.05, 0.0, "door_1"});
  env.openings.push_back({"window", "back", 1.0, 1.2, 1.2, 0.9, "window_1"});
  const std::vector<WallSegment> walls = RoomWalls(env);
  EXPECT_EQ(ResolveWall(env, walls, "long")->name, "back");  // first of the two 6 m walls
  EXPECT_EQ(ResolveWall(env, walls, "short")->name, "right");
  EXPECT_EQ(ResolveWall(env, walls, "window")->name, "back");
  EXPECT_EQ(ResolveWall(env, walls, "door")->name, "left");
  EXPECT_EQ(ResolveWall(env, walls, "opposite_door")->name, "right");
  EXPECT_EQ(ResolveWall(env, walls, "front")->name, "front");
  EXPECT_EQ(ResolveWall(env, walls, "ceiling"), nullptr);
  // In an L-shaped room the long wall is the one full edge along x; no door: nothing opposite.
  Environment l;
  l.SetFloorPolygon(LShapedFloor(6, 5, 2, 2));
  const std::vector<WallSegment> lw = RoomWalls(l);
  EXPECT_NEAR(ResolveWall(l, lw, "long")->Length(), 6, 1e-9);
  EXPECT_NEAR(ResolveWall(l, lw, "short")->Length(), 2, 1e-9);
  EXPECT_EQ(ResolveWall(l, lw, "opposite_door"), nullptr);
}

// An opening's id names the wall it is in ("against the wall under window_2"); null until the
// opening is placed.
TEST(ResolveWall, AnOpeningsIdNamesItsWall) {
  Environment env;
  env.size = {5, 4, 2.8};
  env.openings.push_back({"window", "back", 1.0, 1.2, 1.2, 0.9, "window_1"});
  env.openings.push_back({"window", "right", 0.0, 1.2, 1.2, 0.9, "window_2"});
  env.openings.push_back({"door", "", 0.0, 0.9, 2.05, 0.0, "door_1"});
  const std::vector<WallSegment> walls = RoomWalls(env);
  EXPECT_EQ(ResolveWall(env, walls, "window_2")->name, "right");
  EXPECT_EQ(ResolveWall(env, walls, "window_1")->name, "back");
  EXPECT_EQ(ResolveWall(env, walls, "door_1"), nullptr);
  EXPECT_EQ(ResolveWall(env, walls, "window_9"), nullptr);
}

TEST(RoomTypeWindows, TheTableGivesLivingRoomsTwoHallsNoneBathroomsASmallOne) {
  EXPECT_EQ(WindowsForRoomType("living room")->windows, 2);
  EXPECT_EQ(WindowsForRoomType("hall")->windows, 0);
  const RoomTypeWindows* bath = WindowsForRoomType("bathroom");
  EXPECT_EQ(bath->windows, 1);
  EXPECT_LT(bath->width_m, 1.0);
  EXPECT_EQ(WindowsForRoomType("spaceship"), nullptr);
  // Every window fits under a 2.5 m ceiling.
  for (const RoomTypeWindows& row : RoomTypeWindowTable()) {
    EXPECT_LE(row.sill_m + row.height_m, 2.5) << row.room;
  }
  Environment env;
  EXPECT_EQ(AddRoomTypeWindows(&env, *WindowsForRoomType("living room")), 2);
  PlaceOpenings(&env);
  ASSERT_EQ(env.openings.size(), 2u);
  EXPECT_FALSE(env.openings[0].wall.empty());
  EXPECT_FALSE(env.openings[1].wall.empty());
}

}  // namespace
}  // namespace scenecraft
