// What is in front of, behind, left or right of a thing stands by it (session 14). The tests
// of RELATIONS.md ask only for the side; a stool "in front of" a bin 3.6 m away across the room
// passed them and looked unrelated in the render. Written before the change, in words no corpus
// uses: a stool before a kiln, a cart behind a lectern, a bucket left of an easel, a crate right
// of a loom.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace scenecraft
