// What is above a thing that stands on the floor (thirteenth round). Written before the change, in
// words no corpus uses: a notice panel above a sideboard, a banner above a buffet table, a shelf
// unit too tall to go over a desk.
#include <gtest/gtest.h>

#include "scenecraft/core/relation_testing.h"
#include "scenecraft/layout/solve_testing.h"

namespace scenecraft {
namespace {

using test_util::Rel;
using test_util::Sized;

// An object of the size given that mostly stands on the floor (a panel, a shelf unit).
Object Standing(const std::string& id, Vec3 size) {
  Object o = Sized(id, id.substr(0, id.find('_')), size);
  o.support = Support::kFloor;
  return o;
}

const Relation* Find(const SceneGraph& g, RelationType type) {
  for (size_t k = 0; k < g.relations.size(); ++k) {
    if (g.relations[k].type == type) return &g.relations[k];
  }
  return nullptr;
}

bool Passes(const SceneGraph& g, RelationType type) {
  for (size_t k = 0; k < g.relations.size() && k < g.results.size(); ++k) {
    if (g.relations[k].type == type) return g.results[k].pass;
  }
  return false;
}

TEST(Above13, AFloorThingAboveOneAgainstAWallGoesOnThatWallOverIt) {
  // A 1 x 0.05 x 0.8 m notice panel (a floor thing by its kind) above a sideboard that stands
  // against a wall: on the floor it can never be above it; it hangs on the wall, over the top.
  for (uint64_t seed : {1, 2, 3}) {
    SceneGraph g;
    g.objects.push_back(Standing("sideboard_1", {1.6, 0.45, 0.9}));
    g.objects.push_back(Standing("panel_1", {1.0, 0.05, 0.8}));
    g.relations.push_back(Rel(RelationType::kAgainstWall, {"sideboard_1"}));
    g.relations.push_back(Rel(RelationType::kAbove, {"panel_1", "sideboard_1"}));
    const test_util::Solved solved = test_util::SolveCopy(g, seed);
    ASSERT_NE(Find(solved.graph, RelationType::kAbove), nullptr);
    EXPECT_TRUE(Passes(solved.graph, RelationType::kAbove)) << "seed " << seed;
    const Object& panel = *solved.graph.FindObject("panel_1");
    EXPECT_EQ(panel.support, Support::kWall) << "seed " << seed;
    EXPECT_GE(panel.pose->z, 0.9 - 1e-6);
  }
}

TEST(Above13, AFloorThingAboveOneInTheRoomHangsFromTheCeiling) {
  // A 1.2 x 0.1 x 0.5 m banner above a buffet table out in the room: from the ceiling.
  for (uint64_t seed : {1, 2, 3}) {
    SceneGraph g;
    g.objects.push_back(Standing("buffet_1", {1.8, 0.8, 0.75}));
    g.objects.push_back(Standing("banner_1", {1.2, 0.1, 0.5}));
    g.relations.push_back(Rel(RelationType::kAbove, {"banner_1", "buffet_1"}));
    const test_util::Solved solved = test_util::SolveCopy(g, seed);
    EXPECT_TRUE(Passes(solved.graph, RelationType::kAbove)) << "seed " << seed;
    EXPECT_EQ(solved.graph.FindObject("banner_1")->support, Support::kCeiling);
  }
}

TEST(Above13, AFloorThingTooTallToGoOverTheOtherKeepsTheFloor) {
  // A 2 m shelf unit "above" a 0.75 m desk in a 2.8 m room does not fit under the ceiling: it
  // stays a floor thing (a loft over a desk stands on its own legs).
  SceneGraph g;
  g.objects.push_back(Standing("desk_1", {1.2, 0.6, 0.75}));
  g.objects.push_back(Standing("shelving_1", {1.0, 0.4, 2.0}));
  g.relations.push_back(Rel(RelationType::kAbove, {"shelving_1", "desk_1"}));
  const test_util::Solved solved = test_util::SolveCopy(g, 1);
  const Object& shelving = *solved.graph.FindObject("shelving_1");
  EXPECT_EQ(shelving.support, Support::kFloor);
  EXPECT_NEAR(shelving.pose->z, 0.0, 1e-9);
}

}  // namespace
}  // namespace scenecraft
