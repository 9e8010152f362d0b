#include "scenecraft/layout/walkway.h"

#include <gtest/gtest.h>

#include "scenecraft/assets/resolve.h"
#include "scenecraft/core/relation_testing.h"
#include "scenecraft/core/room.h"
#include "scenecraft/layout/navigability.h"
#include "scenecraft/layout/solve_testing.h"
#include "scenecraft/layout/solver.h"
#include "scenecraft/layout/solver_state.h"
#include "scenecraft/util/rng.h"

namespace scenecraft {
namespace {

using test_util::Rel;

// A 6 x 4 m room with a door in its left wall (x = -3) and the openings among the objects, as
// Solve puts them.
struct Room {
  SceneGraph graph;

  explicit Room(const std::vector<std::pair<std::string, Pose>>& placed) {
    graph.environment.size = {6, 4, 2.8};
    graph.environment.openings.push_back({"door", "left", 0.0, 0.9, 2.05, 0.0, "door_1"});
    for (const auto& [spec, pose] : placed) {
      Object o;
      o.id = spec.substr(0, spec.find(':'));
      o.category = spec.substr(spec.find(':') + 1);
      o.pose = pose;
      graph.objects.push_back(o);
    }
    ResolveAssets(&graph, AssetOptions{});
    for (Object& o : OpeningObjects(graph.environment)) graph.objects.push_back(o);
    for (Object& o : DoorClearanceObjects(graph.environment)) graph.objects.push_back(o);
    for (Object& o : graph.objects) o.pose_fixed = true;
  }
};

Pose At(double x, double y, double yaw_deg = 0) {
  Pose p;
  p.x = x;
  p.y = y;
  p.yaw_rad = DegToRad(yaw_deg);
  return p;
}

TEST(Walkway, AWallOfBookcasesCutsTheFarSideOffUntilOneMoves) {
  // Bookcases side by side across the room at x = 0, 0.8 m wide each: the right half is cut off
  // and the desk there cannot be reached; moving the middle one away opens a way.
  std::vector<std::pair<std::string, Pose>> placed;
  for (int k = 0; k < 6; ++k) {
    placed.push_back(
        {"bookcase_" + std::to_string(k) + ":bookcase", At(0, -2.0 + 0.35 + 0.7 * k, -90)});
  }
  placed.push_back({"desk_1:desk", At(2.0, 0.0)});
  Room room(placed);
  SolverOptions options;
  solver::State state(&room.graph, options);
  for (size_t i = 0; i < state.items_.size(); ++i) state.UpdateBody(static_cast<int>(i));
  solver::Walkway walkway(&state);
  ASSERT_TRUE(walkway.active());
  walkway.Rebuild();
  EXPECT_LT(walkway.ReachedShare(), 0.6);
  EXPECT_GE(walkway.bad(), 2);  // the floor cut off, the desk
  const std::vector<int> unreachable = walkway.Unreachable();
  ASSERT_EQ(unreachable.size(), 1u);
  EXPECT_EQ(state.bodies_[unreachable[0]].id, "desk_1");
  const double blocked_cost = walkway.cost();

  const int middle = state.index_.at("bookcase_2");
  state.items_[middle].object->pose = At(2.5, 1.8, 0);
  state.UpdateBody(middle);
  walkway.Move({middle});
  EXPECT_EQ(walkway.bad(), 0);
  EXPECT_DOUBLE_EQ(walkway.cost(), 0.0);
  EXPECT_GT(walkway.ReachedShare(), 0.95);
  // Rejected: everything as it was.
  state.items_[middle].object->pose = At(0, -2.0 + 0.35 + 0.7 * 2, -90);
  state.UpdateBody(middle);
  walkway.Reject();
  EXPECT_DOUBLE_EQ(walkway.cost(), blocked_cost);
  EXPECT_LT(walkway.ReachedShare(), 0.6);
}

TEST(Walkway, ASofaBoxedInByCabinetsIsUnreachable) {
  // A sofa in the back right corner, a row of cabinets 0.3 m in front of it from the right
  // wall to past its left end, and one more cabinet closing the left: the floor in front of
  // the sofa is a pocket no walker enters.
  Room room({{"sofa_1:sofa", At(1.9, 1.5)},
             {"cabinet_1:cabinet", At(0.5, 0.525)},
             {"cabinet_2:cabinet", At(1.5, 0.525)},
             {"cabinet_3:cabinet", At(2.5, 0.525)},
             {"cabinet_4:cabinet", At(-0.225, 1.25, -90)}});
  SolverOptions options;
  solver::State state(&room.graph, options);
  for (size_t i = 0; i < state.items_.size(); ++i) state.UpdateBody(static_cast<int>(i));
  solver::Walkway walkway(&state);
  walkway.Rebuild();
  std::vector<std::string> ids;
  for (int i : walkway.Unreachable()) ids.push_back(state.bodies_[i].id);
  EXPECT_EQ(ids, (std::vector<std::string>{"sofa_1"}));
  // The critic agrees.
  std::vector<Body> bodies;
  for (const Object& o : room.graph.objects) bodies.push_back(BodyOf(o));
  std::vector<const Body*> pointers;
  for (const Body& b : bodies) pointers.push_back(&b);
  const Navigability nav = MeasureNavigability(room.graph.environment, pointers);
  EXPECT_EQ(nav.unreachable, (std::vector<std::string>{"sofa_1"}));
}

TEST(Walkway, MoveByMoveEqualsFromScratch) {
  // Random moves, accepted or rejected at random: the walkway kept up move by move is the one
  // computed from scratch.
  std::vector<std::pair<std::string, Pose>> placed;
  const char* kinds[] = {"bookcase", "desk", "sofa", "cabinet", "armchair", "wardrobe"};
  for (int k = 0; k < 12; ++k) {
    placed.push_back({std::string(kinds[k % 6]) + "_" + std::to_string(k) + ":" + kinds[k % 6],
                      At(-2 + (k % 4) * 1.3, -1.2 + (k / 4) * 1.2, 90.0 * (k % 4))});
  }
  Room room(placed);
  SolverOptions options;
  solver::State state(&room.graph, options);
  for (size_t i = 0; i < state.items_.size(); ++i) state.UpdateBody(static_cast<int>(i));
  solver::Walkway walkway(&state);
  walkway.Rebuild();
  Rng rng(7);
  for (int move = 0; move < 400; ++move) {
    const int i = rng.UniformInt(0, 11);
    const Pose old = *state.items_[i].object->pose;
    state.items_[i].object->pose =
        move % 3 == 0
            ? At(old.x + rng.Normal(0, 0.2), old.y + rng.Normal(0, 0.2), 90.0 * (move % 4))
            : At(rng.Uniform(-2.6, 2.6), rng.Uniform(-1.6, 1.6), 90.0 * (move % 4));
    state.UpdateBody(i);
    walkway.Move({i});
    if (rng.Uniform() < 0.5) {
      walkway.Accept();
    } else {
      state.items_[i].object->pose = old;
      state.UpdateBody(i);
      walkway.Reject();
    }
    solver::Walkway fresh(&state);
    fresh.Rebuild();
    ASSERT_DOUBLE_EQ(walkway.cost(), fresh.cost()) << "move " << move;
    ASSERT_EQ(walkway.bad(), fresh.bad()) << "move " << move;
    ASSERT_DOUBLE_EQ(walkway.ReachedShare(), fresh.ReachedShare()) << "move " << move;
    ASSERT_EQ(walkway.Unreachable(), fresh.Unreachable()) << "move " << move;
  }
}

TEST(Walkway, OnlyRoomsWithADoor) {
  Room room({{"sofa_1:sofa", At(0, 0)}});
  room.graph.environment.openings.clear();
  room.graph.objects.resize(1);
  solver::State state(&room.graph, SolverOptions{});
  EXPECT_FALSE(solver::Walkway(&state).active());
}

// A row of three desks in a 5 m wide room, bookcases fixed along the back wall and the door in
// the front wall: the row fits across the room only with narrow gaps, and wherever it stands
// in between it cuts the back of the room off (the bookcases' fronts with it) unless one gap is
// left wide enough to walk through. Without the walkway term the solver leaves the gaps the
// row's spacing gives (too narrow for a walker).
SceneGraph DesksBeforeBookcases() {
  SceneGraph g;
  g.environment.size = {5, 5, 2.8};
  g.environment.openings.push_back({"door", "front", 0.0, 0.9, 2.05, 0.0, "door_1"});
  std::vector<std::string> row;
  for (int k = 1; k <= 3; ++k) {
    Object o;
    o.id = "desk_" + std::to_string(k);
    o.category = "desk";
    g.objects.push_back(o);
    row.push_back(o.id);
  }
  for (int k = 1; k <= 2; ++k) {
    Object o;
    o.id = "bookcase_" + std::to_string(k);
    o.category = "bookcase";
    o.pose = At(k == 1 ? -1.2 : 1.2, 2.5 - 0.2, 0);
    o.pose_fixed = true;
    g.objects.push_back(o);
  }
  g.relations.push_back(Rel(RelationType::kRow, row));
  g.relations.push_back(Rel(RelationType::kAligned, row));
  for (int k = 0; k + 1 < 3; ++k) {
    g.relations.push_back(Rel(RelationType::kLeftOf, {row[k], row[k + 1]}));
  }
  ResolveAssets(&g, AssetOptions{});
  return g;
}

Navigability Measured(const SceneGraph& solved) {
  const std::vector<Body> bodies = test_util::BodiesOf(solved, /*openings=*/true);
  std::vector<const Body*> pointers;
  for (const Body& b : bodies) pointers.push_back(&b);
  return MeasureNavigability(solved.environment, pointers);
}

TEST(Walkway, TheSolverLeavesAWayThroughARowOfDesks) {
  const SceneGraph g = DesksBeforeBookcases();
  int sealed_without = 0;
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    const test_util::Solved solved = test_util::SolveCopy(g, seed);
    EXPECT_TRUE(solved.result.AllPass()) << solved.result.ToString();
    const Navigability nav = Measured(solved.graph);
    EXPECT_GE(nav.reachable_share, 0.9) << "seed " << seed << ": " << nav.ToString();
    EXPECT_TRUE(nav.unreachable.empty()) << "seed " << seed << ": " << nav.ToString();
    SolverOptions without;
    without.walkway = false;
    const Navigability before = Measured(test_util::SolveCopy(g, seed, without).graph);
    sealed_without += before.reachable_share < 0.9 || !before.unreachable.empty() ? 1 : 0;
  }
  // The scene is one the term is needed for.
  EXPECT_GE(sealed_without, 2);
}

}  // namespace
}  // namespace scenecraft
