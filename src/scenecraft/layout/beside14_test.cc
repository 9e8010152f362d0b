// What is in front of, behind, left or right of a thing stands by it (session 14). The tests
// of RELATIONS.md ask only for the side; a stool "in front of" a bin 3.6 m away across the room
// passed them and looked unrelated in the render. Written before the change, in words no corpus
// uses: a stool before a kiln, a cart behind a lectern, a bucket left of an easel, a crate right
// of a loom.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "scenecraft/core/relation_testing.h"
#include "scenecraft/layout/solve_testing.h"

namespace scenecraft {
namespace {

using test_util::Rel;
using test_util::Sized;

TEST(Beside14, WhatIsOnASideOfAThingStandsByIt) {
  struct Case {
    RelationType type;
    Object a, b;
  };
  const std::vector<Case> cases = {
      {RelationType::kInFrontOf, Sized("stool_1", 0.35, 0.35, 0.45),
       Sized("kiln_1", 0.7, 0.7, 0.9)},
      {RelationType::kBehind, Sized("cart_1", 0.6, 0.4, 0.8), Sized("lectern_1", 0.5, 0.4, 1.1)},
      {RelationType::kLeftOf, Sized("bucket_1", 0.3, 0.3, 0.35), Sized("easel_1", 0.6, 0.5, 1.6)},
      {RelationType::kRightOf, Sized("crate_1", 0.5, 0.4, 0.4), Sized("loom_1", 1.2, 0.8, 1.4)},
  };
  for (const Case& c : cases) {
    for (uint64_t seed : {1, 2, 3, 4}) {
      SceneGraph g;
      g.environment.size = {6, 5, 2.8};
      g.objects = {c.a, c.b};
      for (Object& o : g.objects) o.support = Support::kFloor;
      g.relations.push_back(Rel(c.type, {c.a.id, c.b.id}));
      const test_util::Solved solved = test_util::SolveCopy(g, seed);
      EXPECT_TRUE(solved.result.AllPass()) << c.a.id << " seed " << seed;
      const double gap = Gap(BodyOf(*solved.graph.FindObject(c.a.id)).Foot(),
                             BodyOf(*solved.graph.FindObject(c.b.id)).Foot());
      EXPECT_LE(gap, 1.0) << c.a.id << " by " << c.b.id << ", seed " << seed;
    }
  }
}

// Things "around" another stand spread around it, not bunched on one side as the test's 180
// degree gap allows (four lamp posts around a fountain had two side by side, session 14).
TEST(Beside14, WhatIsAroundAThingIsSpreadAroundIt) {
  for (bool outdoor : {true, false}) {
    for (uint64_t seed : {1, 2, 3, 4}) {
      SceneGraph g;
      if (outdoor) {
        g.environment.kind = Environment::Kind::kOutdoor;
        g.environment.size = {20, 20, 0};
      } else {
        g.environment.size = {6, 5, 2.8};
      }
      g.objects.push_back(Sized("fountain_1", "fountain", {2.0, 2.0, 1.0}, false));
      std::vector<std::string> ids;
      for (int k = 1; k <= 4; ++k) {
        ids.push_back("post_" + std::to_string(k));
        g.objects.push_back(Sized(ids.back(), "post", {0.3, 0.3, 2.5}, false));
      }
      // What else stands by the centre pulls members aside: a cart to its left, two benches
      // facing it.
      g.objects.push_back(Sized("cart_1", "cart", {1.2, 0.7, 1.2}, true));
      g.objects.push_back(Sized("bench_1", "bench", {1.6, 0.5, 0.8}, true));
      g.objects.push_back(Sized("bench_2", "bench", {1.6, 0.5, 0.8}, true));
      for (Object& o : g.objects) o.support = Support::kFloor;
      std::vector<std::string> members = ids;
      members.push_back("fountain_1");
      g.relations.push_back(Rel(RelationType::kAround, members));
      g.relations.push_back(Rel(RelationType::kLeftOf, {"cart_1", "fountain_1"}));
      g.relations.push_back(Rel(RelationType::kFacing, {"bench_1", "fountain_1"}));
      g.relations.push_back(Rel(RelationType::kFacing, {"bench_2", "fountain_1"}));
      const test_util::Solved solved = test_util::SolveCopy(g, seed);
      EXPECT_TRUE(solved.result.AllPass()) << "seed " << seed;
      const Vec2 c = BodyOf(*solved.graph.FindObject("fountain_1")).Center2();
      std::vector<double> angles;
      for (const std::string& id : ids) {
        const Vec2 v = BodyOf(*solved.graph.FindObject(id)).Center2() - c;
        angles.push_back(std::atan2(v.y, v.x));
      }
      std::sort(angles.begin(), angles.end());
      double largest = 0.0;
      for (size_t k = 0; k < angles.size(); ++k) {
        const double next = k + 1 < angles.size() ? angles[k + 1] : angles[0] + 2 * kPi;
        largest = std::max(largest, next - angles[k]);
      }
      EXPECT_LE(RadToDeg(largest), 135.0)
          << (outdoor ? "outdoors" : "in a room") << ", seed " << seed;
    }
  }
}

}  // namespace
}  // namespace scenecraft
