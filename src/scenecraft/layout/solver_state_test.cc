#include "scenecraft/layout/solver_state.h"

#include <gtest/gtest.h>

#include <cmath>

#include "scenecraft/core/relation_testing.h"

namespace scenecraft::solver {
namespace {

using test_util::Rel;
using test_util::Sized;

SceneGraph Bedroom() {
  SceneGraph g;
  g.environment.size = {5, 4, 2.8};
  g.objects.push_back(Sized("desk_1", "desk", {1.2, 0.6, 0.75}));
  g.objects.push_back(Sized("lamp_1", "lamp", {0.2, 0.2, 0.4}));
  g.objects.push_back(Sized("rug_1", "rug", {2, 1.5, 0.01}));
  g.objects.push_back(Sized("painting_1", "painting", {0.8, 0.05, 0.6}));
  g.relations.push_back(Rel(RelationType::kOn, {"lamp_1", "desk_1"}));
  g.relations.push_back(Rel(RelationType::kOverlap, {"rug_1", "desk_1"}));
  g.relations.push_back(Rel(RelationType::kOnWall, {"painting_1"}));
  return g;
}

TEST(SolverState, OnMakesAParentAndOverlapAnExemption) {
  SceneGraph g = Bedroom();
  State s(&g, SolverOptions{});
  ASSERT_EQ(s.items_.size(), 4u);
  EXPECT_EQ(s.items_[1].parent, 0);
  EXPECT_EQ(s.items_[0].children, (std::vector<int>{1}));
  EXPECT_EQ(s.Subtree(0), (std::vector<int>{0, 1}));
  EXPECT_EQ(s.items_[2].exempt, (std::vector<int>{0}));
  EXPECT_TRUE(s.items_[2].flat);
  EXPECT_TRUE(s.items_[3].wall);
  EXPECT_EQ(s.items_[0].relations, (std::vector<size_t>{0, 1}));
}

TEST(SolverState, ChildrenRestOnTheirParentsTop) {
  SceneGraph g = Bedroom();
  State s(&g, SolverOptions{});
  g.objects[0].pose = Pose{0, 0, 0, 0};
  s.UpdateBody(0);
  EXPECT_DOUBLE_EQ(s.RestZ(1), 0.75);
  EXPECT_DOUBLE_EQ(s.RestZ(0), 0.0);
  // A wall object hangs with its middle near eye height.
  EXPECT_NEAR(s.RestZ(3), 1.5 - 0.3, 1e-9);
}

TEST(SolverState, HalfExtentsTurnWithTheObject) {
  SceneGraph g = Bedroom();
  State s(&g, SolverOptions{});
  EXPECT_NEAR(s.Half(0, 0).x, 0.6, 1e-9);
  EXPECT_NEAR(s.Half(0, kPi / 2).x, 0.3, 1e-9);
  EXPECT_NEAR(s.Half(0, kPi / 2).y, 0.6, 1e-9);
}

TEST(SolverState, SnapToWallPutsTheBackToTheNearestWallFrontIn) {
  SceneGraph g = Bedroom();
  State s(&g, SolverOptions{});
  Pose p{-2.3, 0.2, 0, 1.0};  // near the left wall
  s.SnapToWall(3, &p);
  EXPECT_NEAR(p.x, -2.5 + 0.025, 1e-9);
  EXPECT_NEAR(FrontDirection(p.yaw_rad).x, 1.0, 1e-9);
  Pose q{0.4, 1.9, 0, 0};  // near the back wall
  s.SnapToWall(3, &q);
  EXPECT_NEAR(q.y, 2.0 - 0.025, 1e-9);
  EXPECT_NEAR(FrontDirection(q.yaw_rad).y, -1.0, 1e-9);
}

TEST(SolverState, ClampToFloorKeepsTheFootprintIn) {
  SceneGraph g = Bedroom();
  State s(&g, SolverOptions{});
  Pose p{10, -10, 0, 0};
  s.ClampToFloor(0, &p);
  EXPECT_NEAR(p.x, 2.5 - 0.6, 1e-9);
  EXPECT_NEAR(p.y, -2.0 + 0.3, 1e-9);
}

}  // namespace
}  // namespace scenecraft::solver
