#include "scenecraft/layout/capacity.h"

#include <gtest/gtest.h>

#include "scenecraft/core/relation_testing.h"
#include "scenecraft/layout/solver.h"

namespace scenecraft {
namespace {

Object Sized(const std::string& id, const std::string& category, Vec3 size, Support s) {
  Object o = test_util::Sized(id, category, size, /*has_front=*/false);
  o.support = s;
  return o;
}

TEST(Capacity, ExtraObjectsGoToAnotherSupportThenToTheFloorAndThePlanSaysSo) {
  SceneGraph g;
  g.environment.size = {6, 5, 2.8};
  g.objects.push_back(Sized("counter_1", "counter", {1.0, 0.6, 0.9}, Support::kFloor));
  g.objects.push_back(Sized("counter_2", "counter", {1.0, 0.6, 0.9}, Support::kFloor));
  // Each book covers 0.1 m^2; a counter's usable top is 0.85 x 0.6 = 0.51 m^2: five fit.
  for (int k = 1; k <= 12; ++k) {
    const std::string id = "box_" + std::to_string(k);
    g.objects.push_back(Sized(id, "box", {0.4, 0.25, 0.2}, Support::kSurface));
    Relation on;
    on.type = RelationType::kOn;
    on.objects = {id, "counter_1"};
    on.hard = true;
    g.relations.push_back(on);
  }
  const std::vector<std::string> changes = FitOnSupports(&g);
  int on_first = 0, on_second = 0, beside = 0;
  for (const Relation& r : g.relations) {
    if (r.type == RelationType::kOn) (r.objects[1] == "counter_1" ? on_first : on_second)++;
    if (r.type == RelationType::kNear) ++beside;
  }
  EXPECT_EQ(on_first, 5);
  EXPECT_EQ(on_second, 5);
  EXPECT_EQ(beside, 2);
  EXPECT_EQ(changes.size(), 7u);
  EXPECT_EQ(g.notes.size(), 7u);
  EXPECT_NE(g.notes.back().find("did not fit on counter_1"), std::string::npos);
  // What the plan keeps can be laid out without a pile.
  SolverOptions options;
  const SolveResult result = Solve(&g, options);
  EXPECT_EQ(result.collisions, 0) << result.ToString();
}

TEST(Capacity, WhatFitsStaysWhereItWasPut) {
  SceneGraph g;
  g.objects.push_back(Sized("desk_1", "desk", {1.4, 0.7, 0.75}, Support::kFloor));
  g.objects.push_back(Sized("lamp_1", "lamp", {0.3, 0.3, 0.5}, Support::kSurface));
  Relation on;
  on.type = RelationType::kOn;
  on.objects = {"lamp_1", "desk_1"};
  g.relations.push_back(on);
  EXPECT_TRUE(FitOnSupports(&g).empty());
  EXPECT_EQ(g.relations[0].objects[1], "desk_1");
}

// A grinder deeper than a narrow bench but shorter than the bench is long fits on it turned a
// quarter; the layout turns things on a top freely.
TEST(Capacity, WhatFitsOnlyTurnedStaysOnItsSupport) {
  SceneGraph g;
  g.objects.push_back(Sized("bench_1", "bench", {1.2, 0.45, 0.6}, Support::kFloor));
  g.objects.push_back(Sized("grinder_1", "grinder", {0.3, 0.5, 0.15}, Support::kSurface));
  Relation on;
  on.type = RelationType::kOn;
  on.objects = {"grinder_1", "bench_1"};
  g.relations.push_back(on);
  EXPECT_TRUE(FitOnSupports(&g).empty());
  EXPECT_EQ(g.relations[0].type, RelationType::kOn);
  // Too long either way: beside it.
  g.objects.push_back(Sized("plank_1", "plank", {1.3, 0.1, 0.05}, Support::kSurface));
  on.objects = {"plank_1", "bench_1"};
  g.relations.push_back(on);
  EXPECT_EQ(FitOnSupports(&g).size(), 1u);
  EXPECT_EQ(g.relations[1].type, RelationType::kNear);
}

TEST(Capacity, AStackTakesTheRoomOfItsLargestMemberOnly) {
  // "A stack of five books on the footstool": each book covers 0.06 m^2 of a 0.14 m^2 top, but
  // stacked they take the room of one; a sixth book beside the stack still fits, a seventh not.
  SceneGraph g;
  g.objects.push_back(Sized("footstool_1", "footstool", {0.45, 0.37, 0.4}, Support::kFloor));
  Relation stack;
  stack.type = RelationType::kStack;
  for (int k = 1; k <= 7; ++k) {
    const std::string id = "book_" + std::to_string(k);
    g.objects.push_back(Sized(id, "book", {0.3, 0.2, 0.04}, Support::kSurface));
    Relation on;
    on.type = RelationType::kOn;
    on.objects = {id, "footstool_1"};
    g.relations.push_back(on);
    if (k <= 5) stack.objects.push_back(id);
  }
  g.relations.push_back(stack);
  const std::vector<std::string> changes = FitOnSupports(&g);
  ASSERT_EQ(changes.size(), 1u) << changes.front();
  EXPECT_NE(changes.front().find("book_7 did not fit"), std::string::npos) << changes.front();
}

TEST(Capacity, WhatCannotGoInsideAContainerStandsBesideIt) {
  // A plan may ask for what no container holds (a bench inside a 30 cm vase): the bench stands
  // next to it and the plan says why; what fits stays inside, turned as it fits.
  SceneGraph g;
  g.environment.size = {6, 5, 2.8};
  g.objects.push_back(Sized("vase_1", "vase", {0.3, 0.25, 0.4}, Support::kFloor));
  g.objects.push_back(Sized("bench_1", "bench", {1.4, 0.5, 0.7}, Support::kFloor));
  g.objects.push_back(Sized("stem_1", "stem", {0.02, 0.35, 0.02}, Support::kSurface));
  for (const char* id : {"bench_1", "stem_1"}) {
    Relation in;
    in.type = RelationType::kInside;
    in.objects = {id, "vase_1"};
    g.relations.push_back(in);
  }
  const std::vector<std::string> changes = FitOnSupports(&g);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_NE(changes[0].find("bench_1 did not fit inside vase_1 (bench_1 is 1.4 x 0.5 x 0.7 m"),
            std::string::npos)
      << changes[0];
  EXPECT_EQ(g.relations[0].type, RelationType::kNear);
  EXPECT_EQ(g.FindObject("bench_1")->support, Support::kFloor);
  EXPECT_EQ(g.relations[1].type, RelationType::kInside);
  SolverOptions options;
  const SolveResult result = Solve(&g, options);
  EXPECT_EQ(result.collisions, 0) << result.ToString();
}

}  // namespace
}  // namespace scenecraft
