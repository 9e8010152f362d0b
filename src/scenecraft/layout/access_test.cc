#include "scenecraft/layout/access.h"

#include <gtest/gtest.h>

#include "scenecraft/assets/resolve.h"
#include "scenecraft/core/access.h"
#include "scenecraft/core/polygon.h"
#include "scenecraft/layout/navigability.h"
#include "scenecraft/layout/solve_testing.h"
#include "scenecraft/layout/solver.h"

namespace scenecraft {
namespace {

// A floor object of `size` at (x, y), turned by `yaw` (0: front toward -Y).
Body Thing(const std::string& id, Vec3 size, double x, double y, double yaw = 0.0,
           double access = 0.0, bool long_side = false) {
  Object o;
  o.id = id;
  o.category = id.substr(0, id.find('_'));
  o.size = size;
  o.has_front = true;
  o.pose = Pose{x, y, 0, yaw};
  o.access_m = access;
  o.access_long_side = long_side;
  return BodyOf(o);
}

Environment Room() {
  Environment env;
  env.size = {6, 4, 2.8};
  return env;
}

TEST(Access, TheTableDecidesFromTheNounOrItsKind) {
  EXPECT_NEAR(AccessFor("wardrobe", {})->clearance_m, 0.8, 1e-9);
  EXPECT_TRUE(AccessFor("bed", {})->long_side);
  // A noun the table does not name takes its nearest kind's row.
  EXPECT_NEAR(AccessFor("armoire", {"wardrobe", "furniture"})->clearance_m, 0.8, 1e-9);
  EXPECT_NEAR(AccessFor("dishwasher", {"white goods", "home appliance"})->clearance_m, 0.9, 1e-9);
  EXPECT_FALSE(AccessFor("lamp", {"source of illumination"}).has_value());
}

TEST(Access, ZonesLieInFrontAndBesideTheLongSides) {
  const Body w = Thing("wardrobe_1", {1.0, 0.6, 2.0}, 0, 0, 0, 0.8);
  const Quad front = AccessZone(w, 0, 0.8);
  for (const Vec2& p : front) {
    EXPECT_LE(p.y, -0.3 + 1e-9);
    EXPECT_GE(p.y, -1.1 - 1e-9);
    EXPECT_LE(std::abs(p.x), 0.45 + 1e-9);
  }
  // Turned a quarter (front toward +X), the zone turns with it.
  const Body turned = Thing("wardrobe_1", {1.0, 0.6, 2.0}, 0, 0, kPi / 2, 0.8);
  for (const Vec2& p : AccessZone(turned, 0, 0.8)) EXPECT_GE(p.x, 0.3 - 1e-9);
  const Body bed = Thing("bed_1", {1.6, 2.1, 0.5}, 0, 0, 0, 0.6, true);
  EXPECT_EQ(AccessSides(bed), (std::vector<int>{1, 2}));
  for (const Vec2& p : AccessZone(bed, 1, 0.6)) EXPECT_LE(p.x, -0.8 + 1e-9);
  for (const Vec2& p : AccessZone(bed, 2, 0.6)) EXPECT_GE(p.x, 0.8 - 1e-9);
}

TEST(Access, PenetrationOfQuads) {
  const Quad a{Vec2{0, 0}, Vec2{1, 0}, Vec2{1, 1}, Vec2{0, 1}};
  const Quad b{Vec2{0.7, 0.2}, Vec2{2, 0.2}, Vec2{2, 0.5}, Vec2{0.7, 0.5}};
  EXPECT_NEAR(Penetration(a, b), 0.3, 1e-9);
  const Quad apart{Vec2{1.1, 0}, Vec2{2, 0}, Vec2{2, 1}, Vec2{1.1, 1}};
  EXPECT_EQ(Penetration(a, apart), 0.0);
}

TEST(Access, MeasuresTheClearDepthAndWhatBlocksIt) {
  const Environment env = Room();
  const Body w = Thing("wardrobe_1", {1.0, 0.6, 2.0}, 0, 1.7, 0, 0.8);  // back to the back wall
  EXPECT_TRUE(MeasureAccess(w, {}, env).pass);
  // A chest 0.5 m in front: 0.45 m clear (5 cm steps).
  const Body chest = Thing("chest_1", {1.0, 0.5, 0.8}, 0, 1.4 - 0.5 - 0.25);
  const AccessCheck blocked = MeasureAccess(w, {&chest}, env);
  EXPECT_FALSE(blocked.pass);
  EXPECT_EQ(blocked.blocked_by, "chest_1");
  EXPECT_NEAR(blocked.free_m, 0.45, 0.051);
  // Something high on the wall or a rug does not block.
  Body shelf = chest;
  shelf.box.min.z = 1.6;
  shelf.box.max.z = 1.9;
  EXPECT_TRUE(MeasureAccess(w, {&shelf}, env).pass);
  // Facing the wall from 0.3 m: the wall stops it.
  const Body facing_wall = Thing("wardrobe_2", {1.0, 0.6, 2.0}, 0, -1.4, 0, 0.8);
  const AccessCheck walled = MeasureAccess(facing_wall, {}, env);
  EXPECT_FALSE(walled.pass);
  EXPECT_TRUE(walled.blocked_by.empty());
  EXPECT_NE(walled.ToString().find("wall"), std::string::npos);
}

TEST(Access, ABedNeedsOneFreeLongSide) {
  const Environment env = Room();
  // In the corner, its left side against the left wall: the right side is free.
  const Body bed = Thing("bed_1", {1.6, 2.1, 0.5}, -3 + 0.8, 2 - 1.05, 0, 0.6, true);
  AccessCheck c = MeasureAccess(bed, {}, env);
  EXPECT_TRUE(c.pass) << c.ToString();
  EXPECT_EQ(c.side, "right side");
  // A dresser beside the right side too: no way in.
  const Body dresser = Thing("dresser_1", {0.6, 1.2, 0.9}, -3 + 1.6 + 0.35, 2 - 1.05 - 0.3);
  c = MeasureAccess(bed, {&dresser}, env);
  EXPECT_FALSE(c.pass) << c.ToString();
  EXPECT_EQ(c.blocked_by, "dresser_1");
}

TEST(Access, TheWalkwayMustReachTheFrontOfWhatIsUsed) {
  Environment env = Room();
  env.openings.push_back({"door", "left", 0.0, 0.9, 2.05, 0.0, "door_1"});
  // A wardrobe whose front faces a low cabinet 0.3 m away: the walker reaches its side, not
  // its front.
  const Body w = Thing("wardrobe_1", {1.0, 0.6, 2.0}, 1.0, 0.0, 0, 0.8);
  const Body cabinet = Thing("cabinet_1", {1.6, 0.5, 0.9}, 1.0, -0.3 - 0.3 - 0.25);
  Body plain = w;
  plain.access_m = 0;  // without access, being near it is enough
  EXPECT_TRUE(MeasureNavigability(env, {&plain, &cabinet}).unreachable.empty());
  const Navigability nav = MeasureNavigability(env, {&w, &cabinet});
  EXPECT_NE(std::find(nav.unreachable.begin(), nav.unreachable.end(), "wardrobe_1"),
            nav.unreachable.end());
}

TEST(Access, TheSolverKeepsFrontsAndABedSideClear) {
  // A small bedroom: wardrobe, dresser and bookshelf against walls, a bed, a desk with its chair
  // (the chair stands in the desk's access by relation), a few boxes that must not block.
  SceneGraph g;
  g.environment.size = {4.0, 3.6, 2.6};
  for (const char* spec :
       {"wardrobe_1:wardrobe", "dresser_1:dresser", "bookshelf_1:bookshelf", "bed_1:bed",
        "desk_1:desk", "chair_1:chair", "box_1:box", "box_2:box", "plant_1:potted plant"}) {
    const std::string s = spec;
    Object o;
    o.id = s.substr(0, s.find(':'));
    o.category = s.substr(s.find(':') + 1);
    g.objects.push_back(o);
  }
  for (const char* id : {"wardrobe_1", "dresser_1", "bookshelf_1", "desk_1"}) {
    Relation r;
    r.type = RelationType::kAgainstWall;
    r.objects = {id};
    g.relations.push_back(r);
  }
  Relation chair;
  chair.type = RelationType::kInFrontOf;
  chair.objects = {"chair_1", "desk_1"};
  g.relations.push_back(chair);
  ResolveAssets(&g, AssetOptions{});
  ASSERT_GT(g.FindObject("wardrobe_1")->access_m, 0);
  ASSERT_TRUE(g.FindObject("bed_1")->access_long_side);
  for (uint64_t seed = 1; seed <= 3; ++seed) {
    const test_util::Solved solved = test_util::SolveCopy(g, seed);
    const SceneGraph& s = solved.graph;
    EXPECT_TRUE(solved.result.AllPass()) << solved.result.ToString();
    const std::vector<Body> bodies = test_util::BodiesOf(s);
    for (const Body& b : bodies) {
      if (b.access_m <= 0) continue;
      std::vector<const Body*> others;
      for (const Body& o : bodies) {
        if (!(b.id == "desk_1" && o.id == "chair_1")) others.push_back(&o);
      }
      const AccessCheck c = MeasureAccess(b, others, s.environment);
      EXPECT_TRUE(c.pass) << "seed " << seed << ": " << c.ToString();
    }
  }
}

}  // namespace
}  // namespace scenecraft
