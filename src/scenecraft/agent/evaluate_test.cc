#include "scenecraft/agent/evaluate.h"

#include <gtest/gtest.h>

namespace scenecraft {
namespace {

// A scene "built" by hand: each object's readback box is the given one.
struct Built {
  SceneGraph graph;
  Readback readback;
  void Add(const std::string& id, const std::string& category, Vec3 lo, Vec3 hi,
           const std::string& phrase = "") {
    Object o;
    o.id = id;
    o.category = category;
    o.count_group = phrase;
    graph.objects.push_back(o);
    ObjectReadback r;
    r.id = id;
    r.category = category;
    r.box = Box3::FromMinMax(lo, hi);
    readback.objects.push_back(r);
  }
};

CorpusCase Case(std::map<std::string, int> counts,
                std::vector<std::vector<std::string>> relations) {
  CorpusCase c;
  c.id = "t";
  for (const auto& [name, n] : counts) c.counts[name] = {n, n};
  c.relations = std::move(relations);
  return c;
}

TEST(CorpusJudgement, EverySubjectInstanceNeedsSomeReference) {
  Built b;
  b.graph.environment.kind = Environment::Kind::kOutdoor;
  b.Add("tree_1", "tree", {0, 0, 0}, {1, 1, 4});
  b.Add("tree_2", "tree", {20, 0, 0}, {21, 1, 4});
  b.Add("bench_1", "bench", {1.2, 0, 0}, {2.7, 0.5, 0.8});
  // The bench is near tree_1; only one of the two benches-near-tree readings is asked.
  CorpusJudgement j = JudgeCorpusCase(
      Case({{"bench", 1}, {"tree|oak", 2}}, {{"near", "bench", "tree|oak"}}), b.graph, b.readback);
  EXPECT_EQ(j.relations_passed, 1);
  EXPECT_EQ(j.counts_passed, 2);
  // Every tree near some bench: tree_2 is 17 m away, and the failure names it.
  j = JudgeCorpusCase(Case({{"tree", 3}}, {{"near", "tree", "bench"}}), b.graph, b.readback);
  EXPECT_EQ(j.relations_passed, 0);
  EXPECT_EQ(j.counts_passed, 0);
  ASSERT_EQ(j.failures.size(), 2u);
  EXPECT_NE(j.failures[0].find("tree_2"), std::string::npos) << j.failures[0];
  EXPECT_NE(j.failures[1].find("2 built, 3 asked"), std::string::npos) << j.failures[1];
}

TEST(CorpusJudgement, MissingCategoryFails) {
  Built b;
  b.Add("desk_1", "desk", {0, 0, 0}, {1.2, 0.6, 0.75});
  const CorpusJudgement j =
      JudgeCorpusCase(Case({}, {{"on", "lamp", "desk"}}), b.graph, b.readback);
  EXPECT_EQ(j.relations_passed, 0);
  ASSERT_EQ(j.failures.size(), 1u);
  EXPECT_NE(j.failures[0].find("no lamp was built"), std::string::npos) << j.failures[0];
}

TEST(CorpusJudgement, DoorsAndWindowsAreTheRoomsOpenings) {
  // A corpus names the room's door and window by kind; Blender built them as openings, not
  // objects. A bench by the door holds; a lamp far from the window does not, and says why.
  Built b;
  b.graph.environment.size = {5, 4, 2.8};
  Opening door;
  door.kind = "door";
  door.id = "door_1";
  door.wall = "front";
  b.graph.environment.openings.push_back(door);
  Opening window;
  window.kind = "window";
  window.id = "window_1";
  window.wall = "back";
  window.sill_m = 0.9;
  window.height_m = 1.2;
  b.graph.environment.openings.push_back(window);
  b.Add("bench_1", "bench", {-0.6, -1.95, 0}, {0.6, -1.5, 0.45});
  b.Add("lamp_1", "lamp", {-2.4, -1.9, 0}, {-2.1, -1.6, 1.5});
  const CorpusJudgement j =
      JudgeCorpusCase(Case({}, {{"near", "bench", "door|entrance"}, {"near", "lamp", "window"}}),
                      b.graph, b.readback);
  EXPECT_EQ(j.relations_passed, 1);
  ASSERT_EQ(j.failures.size(), 1u);
  EXPECT_NE(j.failures[0].find("lamp_1"), std::string::npos) << j.failures[0];
}

TEST(CorpusJudgement, ARelationTypeMayListAlternatives) {
  // "inside|on": the corpus accepts either reading; the relation holds when one does.
  Built b;
  b.Add("rack_1", "rack", {0, 0, 0}, {0.8, 0.3, 1.2});
  b.Add("envelope_1", "envelope", {0.2, 0.1, 1.2}, {0.4, 0.15, 1.25});
  const CorpusJudgement j = JudgeCorpusCase(
      Case({}, {{"inside|on", "envelope", "rack"}, {"inside|under", "envelope", "rack"}}), b.graph,
      b.readback);
  EXPECT_EQ(j.relations_passed, 1);
  ASSERT_EQ(j.failures.size(), 1u);
  EXPECT_EQ(j.failures[0].find("unknown relation type"), std::string::npos) << j.failures[0];
}

TEST(CorpusJudgement, StackIsJudgedFromTheBottomUpWhateverTheGraphOrder) {
  Built b;
  b.Add("box_1", "box", {0, 0, 0.6}, {0.3, 0.3, 0.9});  // top
  b.Add("box_2", "box", {0, 0, 0}, {0.5, 0.5, 0.3});    // bottom
  b.Add("box_3", "box", {0, 0, 0.3}, {0.4, 0.4, 0.6});  // middle
  CorpusJudgement j = JudgeCorpusCase(Case({}, {{"stack", "box"}}), b.graph, b.readback);
  EXPECT_EQ(j.relations_passed, 1) << (j.failures.empty() ? "" : j.failures[0]);
  // Lift the top box off the middle one: no longer a stack.
  b.readback.objects[0].box = Box3::FromMinMax({0, 0, 0.8}, {0.3, 0.3, 1.1});
  j = JudgeCorpusCase(Case({}, {{"stack", "box"}}), b.graph, b.readback);
  EXPECT_EQ(j.relations_passed, 0);
}

TEST(CorpusJudgement, BetweenNeedsTwoDistinctEnds) {
  Built b;
  b.graph.environment.kind = Environment::Kind::kOutdoor;
  b.Add("armchair_1", "armchair", {-2, 0, 0}, {-1.2, 0.8, 0.9});
  b.Add("coffee_table_1", "coffee table", {-0.5, 0, 0}, {0.5, 0.8, 0.45});
  const CorpusCase c = Case({}, {{"between", "coffee table", "armchair", "armchair"}});
  // One armchair cannot be both ends.
  EXPECT_EQ(JudgeCorpusCase(c, b.graph, b.readback).relations_passed, 0);
  b.Add("armchair_2", "armchair", {1.2, 0, 0}, {2, 0.8, 0.9});
  EXPECT_EQ(JudgeCorpusCase(c, b.graph, b.readback).relations_passed, 1);
}

TEST(CorpusJudgement, AGroupIsThePluralPhraseWhenACategoryHasSeveral) {
  Built b;
  b.graph.environment.kind = Environment::Kind::kOutdoor;
  for (int k = 0; k < 4; ++k) {
    const double x = 2.0 * k;
    b.Add("desk_" + std::to_string(k + 1), "desk", {x, 0, 0}, {x + 1.2, 0.6, 0.75}, "four desks");
  }
  const CorpusCase c = Case({}, {{"row", "desk"}});
  EXPECT_EQ(JudgeCorpusCase(c, b.graph, b.readback).relations_passed, 1);
  // A teacher's desk of its own phrase stands off the line: the row is still the four.
  b.Add("desk_5", "desk", {3, 5, 0}, {4.5, 5.8, 0.75});
  EXPECT_EQ(JudgeCorpusCase(c, b.graph, b.readback).relations_passed, 1);
  // Were it one of the plural phrase, the row would fail.
  b.graph.objects.back().count_group = "four desks";
  EXPECT_EQ(JudgeCorpusCase(c, b.graph, b.readback).relations_passed, 0);
}

}  // namespace
}  // namespace scenecraft
