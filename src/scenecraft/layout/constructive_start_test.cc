#include "scenecraft/layout/constructive_start.h"

#include <gtest/gtest.h>

#include "scenecraft/core/relation_testing.h"
#include "scenecraft/core/room.h"

namespace scenecraft::solver {
namespace {

using test_util::Rel;
using test_util::Sized;

TEST(ConstructiveStart, AnchorsGroupsAndSurfacesStartWhereTheirRelationsSay) {
  SceneGraph g;
  g.environment.size = {6, 5, 2.8};
  g.objects.push_back(Sized("wardrobe_1", "wardrobe", {1.2, 0.6, 2.0}));
  g.objects.push_back(Sized("table_1", "table", {1.0, 1.0, 0.75}));
  for (int k = 1; k <= 4; ++k) {
    g.objects.push_back(Sized("chair_" + std::to_string(k), "chair", {0.45, 0.5, 0.9}));
  }
  g.objects.push_back(Sized("vase_1", "vase", {0.15, 0.15, 0.3}));
  g.relations.push_back(Rel(RelationType::kAgainstWall, {"wardrobe_1"}));
  g.relations.push_back(
      Rel(RelationType::kAround, {"chair_1", "chair_2", "chair_3", "chair_4", "table_1"}));
  g.relations.push_back(Rel(RelationType::kOn, {"vase_1", "table_1"}));
  State s(&g, SolverOptions{});
  ConstructiveStart(&s).Place();
  for (const Object& o : g.objects) ASSERT_TRUE(o.pose.has_value()) << o.id;
  for (size_t r = 0; r < g.relations.size(); ++r) {
    EXPECT_TRUE(s.Evaluate(r).pass) << g.relations[r].ToString() << ": " << s.Evaluate(r).reason;
  }
}

TEST(ConstructiveStart, FreeSpotAvoidsWhatStandsAlready) {
  SceneGraph g;
  g.environment.size = {4, 4, 2.8};
  g.objects.push_back(Sized("bed_1", "bed", {2.0, 2.0, 0.5}));
  g.objects.push_back(Sized("chair_1", "chair", {0.5, 0.5, 0.9}));
  g.objects[0].pose = Pose{-1, 0, 0, 0};  // the left half is taken
  State s(&g, SolverOptions{});
  s.UpdateBody(0);
  ConstructiveStart start(&s);
  const Vec2 spot = start.FreeSpot({0.25, 0.25}, s.floor_, 1);
  const Rect2 chair{spot - Vec2{0.25, 0.25}, spot + Vec2{0.25, 0.25}};
  EXPECT_EQ(IntersectionArea(chair, s.bodies_[0].Foot()), 0.0) << spot;
  EXPECT_EQ(start.Crowding(chair, 1), 0.0);
  EXPECT_GT(start.Crowding(Rect2{{-1.2, -0.2}, {-0.8, 0.2}}, 1), 0.0);
}

}  // namespace
}  // namespace scenecraft::solver

namespace scenecraft::solver {
namespace {

// "A chest under the window" (under alone, no against_wall): the start puts it at the window's
// own wall already, as it does for a wall a relation names.
TEST(ConstructiveStart, UnderAWindowStartsAtTheWindowsWall) {
  for (const char* wall : {"left", "back", "right"}) {
    SceneGraph g;
    g.environment.size = {6, 5, 2.8};
    g.environment.openings.push_back({"window", wall, 0.0, 1.2, 1.2, 0.9, "window_1"});
    g.objects.push_back(Sized("chest_1", "chest", {1.0, 0.5, 0.6}));
    g.relations.push_back(Rel(RelationType::kUnder, {"chest_1", "window_1"}));
    // As Solve does: the window joins the objects as a fixed box in its wall.
    PlaceOpenings(&g.environment);
    for (Object& o : OpeningObjects(g.environment)) g.objects.push_back(std::move(o));
    State s(&g, SolverOptions{});
    ConstructiveStart(&s).Place();
    ASSERT_TRUE(g.objects[0].pose.has_value());
    EXPECT_TRUE(s.Evaluate(0).pass) << wall << ": " << s.Evaluate(0).reason;
  }
}

}  // namespace
}  // namespace scenecraft::solver
