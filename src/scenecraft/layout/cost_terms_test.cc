#include "scenecraft/layout/cost_terms.h"

#include <gtest/gtest.h>

#include <memory>

#include "scenecraft/core/relation_testing.h"

namespace scenecraft::solver {
namespace {

Object Box(const std::string& id, const std::string& category, Vec3 size, Pose pose) {
  Object o = test_util::Sized(id, category, size, /*has_front=*/false);
  o.pose = pose;
  return o;
}

struct Fixture {
  SceneGraph graph;
  std::unique_ptr<State> state;
  std::unique_ptr<CostTerms> costs;
  void Start() {
    state = std::make_unique<State>(&graph, SolverOptions{});
    for (size_t i = 0; i < graph.objects.size(); ++i) state->UpdateBody(static_cast<int>(i));
    costs = std::make_unique<CostTerms>(state.get());
  }
};

TEST(CostTerms, OverlappingBoxesCostAndApartOnesDoNot) {
  Fixture f;
  f.graph.environment.size = {5, 4, 2.8};
  f.graph.objects.push_back(Box("a", "chest", {1, 1, 1}, {0, 0, 0, 0}));
  f.graph.objects.push_back(Box("b", "chest", {1, 1, 1}, {0.5, 0, 0, 0}));
  f.graph.objects.push_back(Box("c", "chest", {1, 1, 1}, {2, 1, 0, 0}));
  f.Start();
  EXPECT_GT(f.costs->CollisionCost(0, 1), 0.0);
  EXPECT_EQ(f.costs->CollisionCost(0, 2), 0.0);
  EXPECT_EQ(f.costs->CollisionCost(1, 2), 0.0);
  // One colliding pair is one failure; nothing else fails.
  f.costs->Recount();
  EXPECT_EQ(f.costs->bad_, 1);
  std::vector<int> conflicted;
  f.costs->Conflicted(&conflicted);
  EXPECT_EQ(conflicted, (std::vector<int>{0, 1}));
}

TEST(CostTerms, RugsMayLieUnderAnything) {
  Fixture f;
  f.graph.objects.push_back(Box("rug_1", "rug", {2, 2, 0.01}, {0, 0, 0, 0}));
  f.graph.objects.push_back(Box("table_1", "table", {1, 1, 0.7}, {0, 0, 0, 0}));
  f.Start();
  EXPECT_TRUE(f.costs->Exempt(0, 1));
  EXPECT_EQ(f.costs->CollisionCost(0, 1), 0.0);
}

TEST(CostTerms, LeavingTheFloorCostsInProportion) {
  Fixture f;
  f.graph.environment.size = {5, 4, 2.8};
  f.graph.objects.push_back(Box("a", "chest", {1, 1, 1}, {2.4, 0, 0, 0}));   // 0.4 m out
  f.graph.objects.push_back(Box("b", "chest", {1, 1, 1}, {2.85, 0, 0, 0}));  // 0.85 m out
  f.graph.objects.push_back(Box("c", "chest", {1, 1, 1}, {0, 0, 0, 0}));
  f.Start();
  EXPECT_GT(f.costs->OutsideCost(1), f.costs->OutsideCost(0));
  EXPECT_GT(f.costs->OutsideCost(0), 0.0);
  EXPECT_EQ(f.costs->OutsideCost(2), 0.0);
}

TEST(CostTerms, HardRelationsWeighMoreThanSoftOnes) {
  Fixture f;
  f.graph.objects.push_back(Box("a", "chest", {0.5, 0.5, 0.5}, {-2, 0, 0, 0}));
  f.graph.objects.push_back(Box("b", "chest", {0.5, 0.5, 0.5}, {2, 0, 0, 0}));
  Relation near;
  near.type = RelationType::kNear;
  near.objects = {"a", "b"};
  f.graph.relations.push_back(near);
  near.hard = true;
  f.graph.relations.push_back(near);
  f.Start();
  const RelationEvaluation e = f.state->Evaluate(0);
  EXPECT_FALSE(e.pass);
  EXPECT_GT(f.costs->CostOf(1, e), 50 * f.costs->CostOf(0, e));
}

TEST(CostTerms, TidinessPrefersSquareTurns) {
  Fixture f;
  f.graph.objects.push_back(Box("a", "chest", {1, 0.5, 1}, {0, 0, 0, 0.4}));
  f.graph.objects.push_back(Box("b", "chest", {1, 0.5, 1}, {2, 0, 0, kPi / 2}));
  f.Start();
  EXPECT_GT(f.costs->TidinessCost(0), f.costs->TidinessCost(1));
}

}  // namespace
}  // namespace scenecraft::solver
