#include "scenecraft/core/polygon.h"

#include <gtest/gtest.h>

#include "scenecraft/core/room.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

TEST(Polygon, LShapedFloorHasTheNotchCutAndIsCentred) {
  const Polygon2 l = LShapedFloor(6, 5, 2, 2);
  ASSERT_EQ(l.size(), 6u);
  EXPECT_NEAR(Area(l), 30 - 4, 1e-9);
  EXPECT_GT(SignedArea2(l), 0);  // counter-clockwise
  const Rect2 r = BoundingRect(l);
  EXPECT_NEAR(r.min.x, -3, 1e-9);
  EXPECT_NEAR(r.max.y, 2.5, 1e-9);
  EXPECT_TRUE(Contains(l, {-2, 2}));    // the back left is floor
  EXPECT_FALSE(Contains(l, {2.5, 2}));  // the back right corner is the notch
  EXPECT_TRUE(Contains(l, {3, 0}));     // on the boundary counts
  EXPECT_EQ(PolygonProblem(l), "");
}

TEST(Polygon, TAndUShapesHaveTheirAreas) {
  EXPECT_NEAR(Area(TShapedFloor(8, 6, 3, 2.5)), 8 * 2.5 + 3 * 3.5, 1e-9);
  EXPECT_NEAR(Area(UShapedFloor(7, 5, 2, 2)), 35 - 4, 1e-9);
  EXPECT_FALSE(Contains(UShapedFloor(7, 5, 2, 2), {0, -2}));  // the bay in the front middle
  EXPECT_THROW(LShapedFloor(4, 4, 3.8, 1), Error);
  EXPECT_THROW(UShapedFloor(4, 4, 3.5, 1), Error);
}

TEST(Polygon, RectInsideSeesTheInnerCornerOfAnL) {
  const Polygon2 l = LShapedFloor(6, 5, 2, 2);  // x in [-3, 3], y in [-2.5, 2.5]; notch x>1, y>0.5
  EXPECT_TRUE(RectInside(l, Rect2{{-2, -2}, {2.5, 0.4}}));
  // All four corners are floor, but the notch's corner pokes into it.
  EXPECT_FALSE(RectInside(l, Rect2{{0.5, 0.3}, {2.9, 0.45}}.Expanded(0.1)));
  EXPECT_GT(RectOutsideDepth(l, Rect2{{0.5, 0.0}, {1.5, 1.0}}), 0.0);
  EXPECT_EQ(RectOutsideDepth(l, Rect2{{-2, -2}, {0, 0}}), 0.0);
  // Tolerance: touching the wall is inside.
  EXPECT_TRUE(RectInside(l, Rect2{{-3.005, -2.5}, {-2, -1}}, 0.01));
}

TEST(Polygon, ProblemsNameWhatIsWrong) {
  EXPECT_NE(PolygonProblem({{0, 0}, {1, 0}}).find("at least 3 corners"), std::string::npos);
  EXPECT_NE(PolygonProblem({{0, 0}, {3, 3}, {3, 0}, {0, 3}}).find("cross"), std::string::npos);
  EXPECT_NE(PolygonProblem({{0, 0}, {0.5, 0}, {0.5, 0.5}}).find("area"), std::string::npos);
}

TEST(Polygon, RotatedRoomStaysCentredWithTheSameArea) {
  const Polygon2 r = Rotated(LShapedFloor(6, 5, 2, 2), DegToRad(30));
  EXPECT_NEAR(Area(r), 26, 1e-9);
  EXPECT_NEAR(BoundingRect(r).Center().x, 0, 1e-9);
  EXPECT_EQ(PolygonProblem(r), "");
}

TEST(PolygonRoom, WallsFollowEveryEdgeAndNamedSidesResolve) {
  Environment env;
  env.SetFloorPolygon(LShapedFloor(6, 5, 2, 2));
  EXPECT_NEAR(env.size.x, 6, 1e-9);
  const std::vector<WallSegment> walls = RoomWalls(env);
  ASSERT_EQ(walls.size(), 6u);
  for (const WallSegment& w : walls) {
    // A point just inside the middle of each wall is floor.
    EXPECT_TRUE(Contains(env.floor_polygon_m, w.PointAt(0) + w.inward * 0.05)) << w.ToString();
  }
  const WallSegment* back = FindWall(walls, "back");
  ASSERT_NE(back, nullptr);
  EXPECT_NEAR(back->a.y, 2.5, 1e-9);  // the longest back-facing wall (4 m), not the notch's 2 m
  EXPECT_NEAR(back->Length(), 4, 1e-9);
  EXPECT_NE(FindWall(walls, "wall_3"), nullptr);
  EXPECT_EQ(FindWall(walls, "wall_9"), nullptr);
}

TEST(PolygonRoom, SceneJsonReadsCentresAndWritesThePolygon) {
  const SceneGraph g = ParseSceneGraph(R"({
    "schema": 1,
    "environment": {"kind": "room", "wall_height_m": 3.0,
      "floor_polygon_m": [[0, 0], [0, 4], [6, 4], [6, 0]],
      "openings": [{"kind": "door", "wall": "wall_2"}]},
    "objects": []
  })",
                                       "scene.json");
  EXPECT_NEAR(g.environment.size.x, 6, 1e-9);
  EXPECT_NEAR(g.environment.size.z, 3.0, 1e-9);
  EXPECT_GT(SignedArea2(g.environment.floor_polygon_m), 0);  // made counter-clockwise
  EXPECT_NEAR(BoundingRect(g.environment.floor_polygon_m).min.x, -3, 1e-9);
  const SceneGraph again = ParseSceneGraph(SceneGraphToJsonText(g), "again.json");
  EXPECT_EQ(again.environment.floor_polygon_m.size(), 4u);
  EXPECT_NEAR(again.environment.floor_polygon_m[1].x, g.environment.floor_polygon_m[1].x, 1e-12);
}

TEST(PolygonRoom, SceneJsonRejectsACrossedPolygonWithItsPointer) {
  try {
    ParseSceneGraph(R"({"schema": 1, "environment": {"kind": "room",
      "floor_polygon_m": [[0, 0], [3, 3], [3, 0], [0, 3]]}, "objects": []})",
                    "scene.json");
    FAIL() << "accepted a crossed polygon";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/environment/floor_polygon_m: edges"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace scenecraft
