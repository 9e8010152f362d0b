#include "scenecraft/critic/reviser.h"

#include <gtest/gtest.h>

namespace scenecraft {
namespace {

SceneGraph TwoObjects() {
  SceneGraph g;
  Object a;
  a.id = "chair_1";
  a.category = "chair";
  a.size = {0.45, 0.5, 0.9};
  a.pose = Pose{1, 1, 0, 0};
  Object b = a;
  b.id = "table_1";
  b.category = "table";
  b.size = {1.2, 0.8, 0.75};
  b.pose_fixed = true;
  g.objects = {a, b};
  Relation near;
  near.type = RelationType::kNear;
  near.objects = {"chair_1", "table_1"};
  g.relations.push_back(near);
  g.camera = Camera{{0, -6, 3}, {0, 0, 0.5}, 50};
  return g;
}

Finding Failing(Finding::Kind kind, std::vector<std::string> objects) {
  Finding f;
  f.kind = kind;
  f.objects = std::move(objects);
  f.measured = "measured";
  return f;
}

TEST(Reviser, FailingSoftRelationBecomesHardAndPosesAreCleared) {
  SceneGraph g = TwoObjects();
  Critique c;
  Finding f = Failing(Finding::Kind::kRelation, {"chair_1", "table_1"});
  f.relation = 0;
  c.findings.push_back(f);
  const Revision r = Revise(c, nullptr, 1, ReviserOptions{}, &g);
  EXPECT_TRUE(g.relations[0].hard);
  EXPECT_TRUE(r.resolve);
  EXPECT_FALSE(g.objects[0].pose.has_value());  // solved again
  EXPECT_TRUE(g.objects[1].pose.has_value());   // fixed by the user: kept
  // A second failure raises the weight.
  Revise(c, nullptr, 2, ReviserOptions{}, &g);
  EXPECT_DOUBLE_EQ(g.relations[0].weight, 3.0);
}

TEST(Reviser, PassingFindingsChangeNothing) {
  SceneGraph g = TwoObjects();
  Critique c;
  Finding f = Failing(Finding::Kind::kRelation, {"chair_1", "table_1"});
  f.relation = 0;
  f.pass = true;
  c.findings.push_back(f);
  EXPECT_TRUE(Revise(c, nullptr, 1, ReviserOptions{}, &g).empty());
  EXPECT_FALSE(g.relations[0].hard);
}

TEST(Reviser, RealMeshSizeReplacesPlannedSize) {
  SceneGraph g = TwoObjects();
  Readback rb;
  ObjectReadback o;
  o.id = "table_1";
  o.local_size = {1.5, 0.8, 0.75};
  rb.objects.push_back(o);
  const Revision r = Revise(Critique{}, &rb, 1, ReviserOptions{}, &g);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_DOUBLE_EQ(g.objects[1].size.x, 1.5);
}

TEST(Reviser, HiddenObjectMovesTheCameraUp) {
  SceneGraph g = TwoObjects();
  const double before = g.camera->position.z;
  Critique c;
  c.findings.push_back(Failing(Finding::Kind::kVisibility, {"chair_1"}));
  const Revision r = Revise(c, nullptr, 1, ReviserOptions{}, &g);
  EXPECT_FALSE(r.resolve);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_GT(g.camera->position.z, before);
}

TEST(Reviser, FloatingObjectGetsOnFloor) {
  SceneGraph g = TwoObjects();
  Critique c;
  c.findings.push_back(Failing(Finding::Kind::kFloating, {"chair_1"}));
  Revise(c, nullptr, 1, ReviserOptions{}, &g);
  ASSERT_EQ(g.relations.size(), 2u);
  EXPECT_EQ(g.relations[1].type, RelationType::kOnFloor);
  EXPECT_TRUE(g.relations[1].hard);
}

}  // namespace
}  // namespace scenecraft
