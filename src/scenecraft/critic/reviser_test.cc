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

// A learned fix is the first revision of a failing relation; when it changes nothing (already in
// effect) the reviser's own escalation follows.
TEST(Reviser, LearnedFixComesFirstThenTheReviserEscalates) {
  SceneGraph g = TwoObjects();
  Critique c;
  Finding f = Failing(Finding::Kind::kRelation, {"chair_1", "table_1"});
  f.relation = 0;
  c.findings.push_back(f);
  int calls = 0;
  const LearnedFixFn fix = [&](size_t relation, SceneGraph* graph) -> std::string {
    ++calls;
    Relation& r = graph->relations[relation];
    if (r.args.Word("side")) return "";
    r.args.words["side"] = "front";
    return "applied the learned fix";
  };
  Revision r = Revise(c, nullptr, 1, ReviserOptions{}, &g, fix);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0], "applied the learned fix: measured");
  EXPECT_EQ(g.relations[0].args.Word("side"), "front");
  EXPECT_FALSE(g.relations[0].hard);  // the fix was the whole revision of this relation
  EXPECT_TRUE(r.resolve);
  r = Revise(c, nullptr, 2, ReviserOptions{}, &g, fix);
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(g.relations[0].hard);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].rfind("made near(chair_1, table_1, side=front) [hard] hard", 0), 0u)
      << r.changes[0];
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

TEST(Reviser, BlockedAccessPlacesTheBlockerAndTheObjectAgain) {
  SceneGraph g = TwoObjects();
  Critique c;
  c.findings.push_back(Failing(Finding::Kind::kAccess, {"chair_1", "table_1"}));
  const Revision r = Revise(c, nullptr, 1, ReviserOptions{}, &g);
  EXPECT_TRUE(r.resolve);
  EXPECT_FALSE(g.FindObject("chair_1")->pose.has_value());
  // The table's pose is the user's: it stays.
  EXPECT_TRUE(g.FindObject("table_1")->pose.has_value());
  ASSERT_FALSE(r.changes.empty());
  EXPECT_NE(r.changes[0].find("placed chair_1 again"), std::string::npos);
}

// A 5 x 4 m room whose back wall is lined with a wardrobe and a bookshelf, and a bed that fails
// against_wall although hard.
// Adds an object standing in the box lo..hi (category: its id's stem) to the graph, and what
// Blender built of it to the readback.
void AddBox(SceneGraph* g, Readback* rb, const std::string& id, Vec3 lo, Vec3 hi,
            bool has_front = false) {
  Object o;
  o.id = id;
  o.category = id.substr(0, id.find('_'));
  o.size = hi - lo;
  o.pose = Pose{(lo.x + hi.x) / 2, (lo.y + hi.y) / 2, 0, 0};
  g->objects.push_back(o);
  ObjectReadback r;
  r.id = id;
  r.category = o.category;
  r.has_front = has_front;
  r.box = Box3::FromMinMax(lo, hi);
  r.local_size = o.size;
  r.location = {o.pose->x, o.pose->y, 0};
  rb->objects.push_back(r);
}

SceneGraph RoomWithCrowdedBackWall(Readback* rb) {
  SceneGraph g;
  g.environment.size = {5, 4, 2.6};
  const auto add = [&](const std::string& id, Vec3 lo, Vec3 hi) { AddBox(&g, rb, id, lo, hi); };
  add("wardrobe_1", {-2.5, 1.4, 0}, {-0.5, 2.0, 2});
  add("bookshelf_1", {-0.5, 1.6, 0}, {1.5, 2.0, 1.8});
  add("desk_1", {1.9, -1.0, 0}, {2.5, 0.4, 0.75});  // along the right wall
  add("bed_1", {-1.0, -1.2, 0}, {0.6, 0.8, 0.5});
  Relation wall;
  wall.type = RelationType::kAgainstWall;
  wall.objects = {"bed_1"};
  wall.hard = true;
  g.relations.push_back(wall);
  g.subscenes.push_back({"anchors", "", {"wardrobe_1", "bookshelf_1", "bed_1"}});
  g.subscenes.push_back({"groups", "", {"desk_1"}});
  return g;
}

TEST(Reviser, HardWallRelationThatFailsTakesTheFreestWallThenItsOwnSubscene) {
  Readback rb;
  SceneGraph g = RoomWithCrowdedBackWall(&rb);
  Critique c;
  Finding f = Failing(Finding::Kind::kRelation, {"bed_1"});
  f.relation = 0;
  c.findings.push_back(f);
  Revision r = Revise(c, &rb, 2, ReviserOptions{}, &g);
  // Back: 5 m less 4 m of furniture; right: 4 m less the desk's 1.4 m; left: 4 m, all free.
  EXPECT_EQ(g.relations[0].args.Word("wall").value_or(""), "left");
  EXPECT_TRUE(r.resolve);
  EXPECT_FALSE(r.solve_by_subscenes);
  // Still failing next round with its wall named: the bed gets a sub-scene solved first.
  r = Revise(c, &rb, 3, ReviserOptions{}, &g);
  EXPECT_TRUE(r.solve_by_subscenes);
  ASSERT_EQ(g.subscenes.size(), 3u);
  EXPECT_EQ(g.subscenes[0].objects, std::vector<std::string>{"bed_1"});
  EXPECT_EQ(g.subscenes[1].objects, (std::vector<std::string>{"wardrobe_1", "bookshelf_1"}));
  EXPECT_EQ(g.relations[0].args.Word("wall").value_or(""), "left");  // kept
  // Nothing more to split: the weight rises instead.
  r = Revise(c, &rb, 4, ReviserOptions{}, &g);
  EXPECT_FALSE(r.solve_by_subscenes);
  EXPECT_EQ(g.subscenes.size(), 3u);
  EXPECT_DOUBLE_EQ(g.relations[0].weight, 3.0);
}

TEST(Reviser, AWallTheTextNamedIsKept) {
  Readback rb;
  SceneGraph g = RoomWithCrowdedBackWall(&rb);
  g.relations[0].args.words["wall"] = "back";
  Critique c;
  Finding f = Failing(Finding::Kind::kRelation, {"bed_1"});
  f.relation = 0;
  c.findings.push_back(f);
  Revise(c, &rb, 2, ReviserOptions{}, &g);
  EXPECT_EQ(g.relations[0].args.Word("wall").value_or(""), "back");
}

TEST(Reviser, StretchedOrWrongModelsAreSwapped) {
  SceneGraph g = TwoObjects();
  g.objects[1].asset = {"sh3d", "table-7", "Table", "", ""};
  Readback rb;
  ObjectReadback o;
  o.id = "table_1";
  o.local_size = g.objects[1].size;
  o.import_fit_scale = Vec3{0.01, 0.02, 0.01};  // stretched 2x along y
  rb.objects.push_back(o);
  Revision r = Revise(Critique{}, &rb, 1, ReviserOptions{}, &g);
  EXPECT_EQ(r.swap_assets, std::vector<std::string>{"table_1"});
  // Proportions kept: no swap.
  rb.objects[0].import_fit_scale = Vec3{0.01, 0.0105, 0.01};
  EXPECT_TRUE(Revise(Critique{}, &rb, 1, ReviserOptions{}, &g).swap_assets.empty());
  // The vision critic calls it the wrong model.
  Critique c;
  c.findings.push_back(Failing(Finding::Kind::kAsset, {"table_1"}));
  r = Revise(c, &rb, 1, ReviserOptions{}, &g);
  EXPECT_EQ(r.swap_assets, std::vector<std::string>{"table_1"});
  EXPECT_TRUE(r.resolve);
}

}  // namespace
}  // namespace scenecraft

namespace scenecraft {
namespace {

// A 4 x 4 m room with a desk against the back wall (its front toward the room, -Y) and a chair
// standing in the room's front right corner; relation 0 is near(chair, desk), hard, with `args`.
SceneGraph DeskAgainstTheBackWall(const RelationArgs& args, RelationType type, Vec3 chair_lo,
                                  Readback* rb) {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kRoom;
  g.environment.size = {4, 4, 2.6};
  AddBox(&g, rb, "desk_1", {-0.6, 1.4, 0}, {0.6, 2.0, 0.75}, /*has_front=*/true);
  AddBox(&g, rb, "chair_1", chair_lo, chair_lo + Vec3{0.45, 0.5, 0.9}, /*has_front=*/true);
  Relation r;
  r.type = type;
  r.objects = {"chair_1", "desk_1"};
  r.args = args;
  r.hard = true;
  g.relations.push_back(r);
  return g;
}

Critique RelationFails() {
  Critique c;
  Finding f;
  f.kind = Finding::Kind::kRelation;
  f.objects = {"chair_1", "desk_1"};
  f.relation = 0;
  f.measured = "measured";
  c.findings.push_back(f);
  return c;
}

// A side a skill gave that the room cannot hold (behind a desk against the wall) becomes the
// freest side; a side the text gave stays, and the reviser escalates as before.
TEST(ReviserArguments, ASideTheLayoutCannotKeepBecomesTheFreestSide) {
  RelationArgs back;
  back.words["side"] = "back";
  Readback rb;
  SceneGraph g = DeskAgainstTheBackWall(back, RelationType::kNear, {1.4, -1.9, 0}, &rb);
  Revision r = Revise(RelationFails(), &rb, 1, ReviserOptions{}, &g);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(g.relations[0].args.Word("side").value_or(""), "front");
  EXPECT_EQ(r.changes[0].rfind("near(chair_1, desk_1, side=back) [hard]: side back -> front", 0),
            0u)
      << r.changes[0];
  EXPECT_TRUE(r.resolve);

  // Now at the front, which is free, and still failing: no other side is freer, so the
  // escalation goes on (a sub-scene of its own needs one to split; here the weight rises).
  r = Revise(RelationFails(), &rb, 1, ReviserOptions{}, &g);
  EXPECT_EQ(g.relations[0].args.Word("side").value_or(""), "front");
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].rfind("raised the weight", 0), 0u) << r.changes[0];

  Readback rb2;
  SceneGraph stated = DeskAgainstTheBackWall(back, RelationType::kNear, {1.4, -1.9, 0}, &rb2);
  const StatedArgFn text_side = [](size_t, const std::string& key) { return key == "side"; };
  r = Revise(RelationFails(), &rb2, 1, ReviserOptions{}, &stated, nullptr, text_side);
  EXPECT_EQ(stated.relations[0].args.Word("side").value_or(""), "back");
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].rfind("raised the weight", 0), 0u) << r.changes[0];
}

// A gap the layout could not keep is relaxed to the measured one (here capped at double the
// skill's value) when that alone makes the relation hold; a chair beside the desk, not in front,
// keeps its distance (the direction fails, not the gap).
TEST(ReviserArguments, ADistanceThatAloneFailsIsRelaxed) {
  RelationArgs close;
  close.numbers["distance_m"] = 0.3;
  Readback rb;
  // The chair 0.5 m in front of the desk's front face (y = 1.4).
  SceneGraph g = DeskAgainstTheBackWall(close, RelationType::kInFrontOf, {-0.2, 0.4, 0}, &rb);
  Revision r = Revise(RelationFails(), &rb, 1, ReviserOptions{}, &g);
  ASSERT_EQ(r.changes.size(), 1u) << r.changes[0];
  EXPECT_DOUBLE_EQ(g.relations[0].args.Number("distance_m").value_or(0), 0.6);
  EXPECT_NE(r.changes[0].find("distance 0.3 -> 0.6 m (measured gap 0.5 m)"), std::string::npos)
      << r.changes[0];

  Readback rb2;
  SceneGraph beside = DeskAgainstTheBackWall(close, RelationType::kInFrontOf, {1.2, 1.4, 0}, &rb2);
  r = Revise(RelationFails(), &rb2, 1, ReviserOptions{}, &beside);
  EXPECT_DOUBLE_EQ(beside.relations[0].args.Number("distance_m").value_or(0), 0.3);
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].rfind("raised the weight", 0), 0u) << r.changes[0];

  // far's least gap is lowered the same way (at most halved).
  RelationArgs apart;
  apart.numbers["distance_m"] = 3.0;
  Readback rb3;
  SceneGraph far = DeskAgainstTheBackWall(apart, RelationType::kFar, {-0.2, -0.8, 0}, &rb3);
  r = Revise(RelationFails(), &rb3, 1, ReviserOptions{}, &far);
  EXPECT_DOUBLE_EQ(far.relations[0].args.Number("distance_m").value_or(0), 1.6);  // gap 1.7
}

}  // namespace
}  // namespace scenecraft
