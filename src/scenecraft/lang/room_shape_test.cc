#include "scenecraft/lang/room_shape.h"

#include <gtest/gtest.h>

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/room.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

TEST(RoomShape, ReadsShapeSizeAndNotch) {
  const std::string text = "an L-shaped living room, 6 by 5 metres, with a 2 by 2 metre notch";
  const RoomShapeReading r = ReadRoomShape(text);
  EXPECT_EQ(r.shape, 'L');
  ASSERT_TRUE(r.size_m && r.cut_m);
  EXPECT_DOUBLE_EQ(r.size_m->x, 6);
  EXPECT_DOUBLE_EQ(r.size_m->y, 5);
  EXPECT_DOUBLE_EQ(r.cut_m->x, 2);
  EXPECT_DOUBLE_EQ(r.cut_m->y, 2);
  // The shape words are blanked, the rest stays where it was.
  const std::string rest = BlankRoomShape(text, r);
  EXPECT_EQ(rest.size(), text.size());
  EXPECT_EQ(rest.find("shaped"), std::string::npos);
  EXPECT_EQ(rest.find("by"), std::string::npos);
  EXPECT_EQ(rest.find("notch"), std::string::npos);
  EXPECT_EQ(rest.find("living room"), text.find("living room"));
  const Polygon2 floor = RoomShapePolygon(r, {4, 4});
  EXPECT_EQ(floor.size(), 6u);
  EXPECT_NEAR(Area(floor), 6 * 5 - 2 * 2, 1e-9);
}

TEST(RoomShape, UnitsNumberWordsAndOtherSpellings) {
  RoomShapeReading r = ReadRoomShape("A U shaped kitchen 7 x 5 m with a 3 by 2 m bay and a stove");
  EXPECT_EQ(r.shape, 'U');
  ASSERT_TRUE(r.size_m && r.cut_m);
  EXPECT_DOUBLE_EQ(r.size_m->x, 7);
  EXPECT_DOUBLE_EQ(r.cut_m->x, 3);
  EXPECT_NEAR(Area(RoomShapePolygon(r, {1, 1})), 35 - 6, 1e-9);
  r = ReadRoomShape("a T-shape hall, twelve by eight feet");
  EXPECT_EQ(r.shape, 'T');
  ASSERT_TRUE(r.size_m);
  EXPECT_NEAR(r.size_m->x, 12 * 0.3048, 1e-9);
  EXPECT_FALSE(r.cut_m);
}

TEST(RoomShape, DefaultsWhenTheTextGivesNoNumbers) {
  const RoomShapeReading r = ReadRoomShape("a T-shaped hall with a bench");
  EXPECT_EQ(r.shape, 'T');
  EXPECT_FALSE(r.size_m);
  const Polygon2 floor = RoomShapePolygon(r, {6, 6});
  EXPECT_EQ(floor.size(), 8u);
  // Two corners of 2 x 3 m cut away.
  EXPECT_NEAR(Area(floor), 36 - 2 * 2 * 3, 1e-9);
}

TEST(RoomShape, NoShapeNoReading) {
  // An object's size is not the room's, and without a shape word nothing is read.
  const RoomShapeReading r = ReadRoomShape("a 2 by 3 metre rug in a bedroom");
  EXPECT_EQ(r.shape, 0);
  EXPECT_TRUE(r.spans.empty());
  // A size that is an object's, after a shape word, is not taken for the room's.
  const RoomShapeReading l = ReadRoomShape("an L-shaped room with a 2 by 3 metre rug");
  EXPECT_EQ(l.shape, 'L');
  EXPECT_FALSE(l.size_m);
}

TEST(RoomShape, CutThatLeavesNoRoomIsAnError) {
  const RoomShapeReading r = ReadRoomShape("an L-shaped room 4 by 4 m with a 4 by 1 m notch");
  EXPECT_THROW(RoomShapePolygon(r, {1, 1}), Error);
}

TEST(RoomShape, PlannerBuildsThePolygonAndNoShapeWords) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "An L-shaped living room, 6 by 5 metres, with a 2 by 2 metre notch, with a sofa facing a "
      "TV.");
  const Environment& env = plan.graph.environment;
  ASSERT_TRUE(env.IsRoom());
  ASSERT_EQ(env.floor_polygon_m.size(), 6u);
  EXPECT_NEAR(Area(env.floor_polygon_m), 26, 1e-9);
  EXPECT_NEAR(env.size.x, 6, 1e-9);
  for (const Object& o : plan.graph.objects) {
    EXPECT_NE(o.category, "by");
    EXPECT_NE(o.category, "notch");
  }
  ASSERT_TRUE(plan.coverage);
  EXPECT_TRUE(plan.coverage->complete()) << plan.coverage->unaccounted_text.size();
  // A living room the text gives no window gets the table's two, placed by the solver.
  int windows = 0;
  for (const Opening& o : env.openings) {
    windows += o.kind == "window" ? 1 : 0;
    EXPECT_TRUE(o.wall.empty());
  }
  EXPECT_EQ(windows, WindowsForRoomType("living room")->windows);
}

TEST(RoomShape, WindowsByRoomTypeThroughWordNet) {
  OfflinePlanner planner;
  // A hall gets none; a bathroom one small one; a nursery (a room WordNet knows, the table does
  // not name) the row of its nearest hypernym the table names.
  const auto windows = [&](const std::string& text) {
    std::vector<Opening> out;
    for (const Opening& o : planner.Plan(text).graph.environment.openings) {
      if (o.kind == "window") out.push_back(o);
    }
    return out;
  };
  EXPECT_TRUE(windows("a bench in a hall").empty());
  const std::vector<Opening> bath = windows("a bathtub and a sink in a bathroom");
  ASSERT_EQ(bath.size(), 1u);
  EXPECT_LT(bath[0].width_m, 1.0);
  EXPECT_GE(bath[0].sill_m, 1.4);
  EXPECT_EQ(windows("a crib in a nursery").size(), 1u);
  // A window the text names is the only one.
  EXPECT_EQ(windows("a desk by the window in a living room").size(), 1u);
}

}  // namespace
}  // namespace scenecraft
