// The corpus measures (lang/corpus.h) on small synthetic plans: counts per prompt and per clause,
// relation recall and precision, the user's own noun, placeholders and the planning time.
#include "scenecraft/lang/corpus.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

Object Obj(const std::string& id, const std::string& category) {
  Object o;
  o.id = id;
  o.category = category;
  return o;
}

Relation Rel(RelationType type, std::vector<std::string> objects, bool stated = true) {
  Relation r;
  r.type = type;
  r.objects = std::move(objects);
  if (stated) r.source.begin = 0;
  return r;
}

CorpusCase Case(std::map<std::string, ExpectedCount> counts,
                std::vector<std::vector<std::string>> relations) {
  CorpusCase c;
  c.id = "t";
  c.counts = std::move(counts);
  c.relations = std::move(relations);
  return c;
}

// A planner that returns a fixed plan, or refuses when it has none.
class FixedPlanner : public Planner {
 public:
  explicit FixedPlanner(std::vector<SceneGraph> plans) : plans_(std::move(plans)) {}
  PlanResult Plan(std::string_view) override {
    if (next_ >= plans_.size()) throw Error("no plan");
    PlanResult r;
    r.graph = plans_[next_++];
    return r;
  }

 private:
  std::vector<SceneGraph> plans_;
  size_t next_ = 0;
};

std::filesystem::path WriteCorpus(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::path(SCENECRAFT_BINARY_DIR) / "test_tmp" / "corpus";
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path;
}

TEST(Corpus, ReadsNumbersAndRangesAndRejectsOtherCounts) {
  const auto good = WriteCorpus(
      "good.jsonl",
      "{\"id\":\"a\",\"prompt\":\"Some crates.\",\"counts\":{\"crate\":[2,8],\"dog\":1},"
      "\"relations\":[[\"stack\",\"crate\"]]}\n\n");
  const auto cases = LoadCorpus(good);
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].counts.at("crate").min, 2);
  EXPECT_EQ(cases[0].counts.at("crate").max, 8);
  EXPECT_TRUE(cases[0].counts.at("crate").Holds(8));
  EXPECT_FALSE(cases[0].counts.at("crate").Holds(9));
  EXPECT_EQ(cases[0].counts.at("dog").ToString(), "1");
  for (const std::string bad : {"[8,2]", "-1", "1.5", "\"two\"", "[1,2,3]"}) {
    const auto path = WriteCorpus(
        "bad.jsonl", "\n{\"id\":\"b\",\"prompt\":\"x\",\"counts\":{\"crate\":" + bad + "}}\n");
    try {
      LoadCorpus(path);
      ADD_FAILURE() << bad << " was accepted";
    } catch (const Error& e) {
      // The message says where: the file's line and the count's pointer.
      EXPECT_NE(std::string(e.what()).find("bad.jsonl:2"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("/counts/crate"), std::string::npos) << e.what();
    }
  }
}

TEST(Corpus, OwnNounIsNoHeadSubstitutedForACompound) {
  EXPECT_TRUE(IsOwnNoun("office chair|chair", "office chair"));
  EXPECT_FALSE(IsOwnNoun("office chair|chair", "chair"));  // the head: a hypernym
  EXPECT_TRUE(IsOwnNoun("rack|dumbbell rack", "rack"));    // the user wrote "a rack of dumbbells"
  EXPECT_TRUE(IsOwnNoun("rack|dumbbell rack", "dumbbell rack"));
  EXPECT_TRUE(IsOwnNoun("couch|sofa", "sofa"));  // a synonym
  EXPECT_FALSE(IsOwnNoun("trash bin|bin|trash can", "bin"));
  EXPECT_TRUE(IsOwnNoun("trash bin|bin|trash can", "trash can"));
  EXPECT_FALSE(IsOwnNoun("hamster cage", "hamster"));
  // Only a whole-word head counts: "bin" in "dustbin|bin" is listed as a synonym.
  EXPECT_TRUE(IsOwnNoun("dustbin|bin", "bin"));
  // One noun in two spellings.
  EXPECT_TRUE(IsOwnNoun("lamp post|street lamp", "lamppost"));
  EXPECT_TRUE(CategoryMatches("bird bath|bath tub", "birdbath"));
  EXPECT_FALSE(CategoryMatches("bird bath", "bird"));
}

TEST(Corpus, CountsPerPromptAndPerClause) {
  SceneGraph g;
  g.objects = {Obj("chair_1", "chair"), Obj("chair_2", "chair"), Obj("table_1", "table"),
               Obj("crate_1", "crate"), Obj("crate_2", "crate"), Obj("crate_3", "crate")};
  CaseScore s = ScorePlan(Case({{"chair", {4, 4}}, {"table", {1, 1}}, {"crate", {2, 8}}}, {}), g);
  EXPECT_FALSE(s.counts_exact);
  EXPECT_EQ(s.count_clauses, 3);
  EXPECT_EQ(s.count_clauses_exact, 2);
  ASSERT_EQ(s.count_errors.size(), 1u);
  EXPECT_EQ(s.count_errors[0], "chair: 2 planned, 4 asked");
  s = ScorePlan(Case({{"chair", {2, 2}}, {"table|desk", {1, 1}}, {"crate", {3, 3}}}, {}), g);
  EXPECT_TRUE(s.counts_exact);
  EXPECT_EQ(s.count_clauses_exact, 3);
}

TEST(Corpus, OwnNounShareCountsInventedAndSubstitutedObjectsAgainst) {
  SceneGraph g;
  g.objects = {Obj("cage_1", "cage"),  // "hamster cage" cut to its head
               Obj("table_1", "table"), Obj("hamster_1", "hamster"),  // invented
               Obj("door_1", "door")};  // an opening planned as an object: left out
  const CaseScore s = ScorePlan(Case({{"hamster cage|cage", {1, 1}}, {"table", {1, 1}}}, {}), g);
  EXPECT_TRUE(s.counts_exact);  // the counts accept the head ...
  EXPECT_EQ(s.objects, 3);
  EXPECT_EQ(s.objects_own_noun, 1);  // ... the own-noun measure does not
  EXPECT_EQ(s.foreign, (std::vector<std::string>{"cage", "hamster"}));
}

TEST(Corpus, RelationRecallAndPrecisionStatedAndImplied) {
  SceneGraph g;
  g.objects = {Obj("lamp_1", "lamp"), Obj("desk_1", "desk"), Obj("bed_1", "bed")};
  g.relations = {Rel(RelationType::kOn, {"lamp_1", "desk_1"}),
                 Rel(RelationType::kNear, {"bed_1", "desk_1"}),                 // wrong, stated
                 Rel(RelationType::kAgainstWall, {"bed_1"}, /*stated=*/false),  // a default
                 Rel(RelationType::kOnFloor, {"desk_1"}, false)};               // never scored
  const CaseScore s = ScorePlan(
      Case({}, {{"on", "lamp", "desk"}, {"against_wall", "bed"}, {"left_of", "bed", "desk"}}), g);
  EXPECT_EQ(s.relations_expected, 3);
  EXPECT_EQ(s.relations_found, 2);         // on, against_wall
  EXPECT_EQ(s.relations_found_stated, 1);  // only on was read from the text
  EXPECT_EQ(s.relations_planned, 3);
  EXPECT_EQ(s.relations_correct, 2);
  EXPECT_EQ(s.stated_planned, 2);
  EXPECT_EQ(s.stated_correct, 1);
  EXPECT_EQ(s.missing, (std::vector<std::string>{"left_of bed desk"}));
  EXPECT_EQ(s.extra, (std::vector<std::string>{"near bed desk"}));
}

TEST(Corpus, OpeningsGroupOrderAndTypeAlternatives) {
  SceneGraph g;
  g.objects = {Obj("chair_1", "armchair"), Obj("wardrobe_1", "wardrobe"),
               Obj("dresser_1", "dresser"), Obj("desk_1", "desk")};
  Opening entrance;
  entrance.kind = "door";
  entrance.id = "entrance";
  g.environment.openings.push_back(entrance);
  g.relations = {Rel(RelationType::kNear, {"chair_1", "window_2"}),
                 Rel(RelationType::kFacing, {"chair_1", "entrance"}),
                 Rel(RelationType::kRow, {"dresser_1", "wardrobe_1"}),
                 Rel(RelationType::kBetween, {"desk_1", "window_1", "door_1"})};
  EXPECT_EQ(CategoryTuple(g, g.relations[0]),
            (std::vector<std::string>{"near", "armchair", "window"}));
  const CaseScore s = ScorePlan(Case({{"armchair", {1, 1}}}, {{"near", "armchair", "window"},
                                                              {"row", "wardrobe", "dresser"},
                                                              {"between", "desk", "door", "window"},
                                                              {"facing", "armchair", "door"}}),
                                g);
  EXPECT_EQ(s.relations_found, 4);
  // A corpus may name an opening by an id: any opening of that kind matches.
  EXPECT_TRUE(TupleMatches({"near", "armchair", "window_1"}, {"near", "armchair", "window"}));
  EXPECT_FALSE(TupleMatches({"near", "armchair", "window_1"}, {"near", "armchair", "door"}));
  EXPECT_FALSE(TupleMatches({"near", "lamp_1", "desk"}, {"near", "lamp", "desk"}));
  EXPECT_TRUE(TupleMatches({"inside|on", "cat", "basket"}, {"on", "cat", "basket"}));
  EXPECT_FALSE(TupleMatches({"inside", "cat", "basket"}, {"on", "cat", "basket"}));
  // Members of a group in any order, but the reference stays the reference.
  EXPECT_TRUE(TupleMatches({"symmetric", "lamp", "bed"}, {"symmetric", "lamp", "bed"}));
  EXPECT_FALSE(TupleMatches({"around", "chair", "table"}, {"around", "table", "chair"}));
  EXPECT_FALSE(TupleMatches({"near", "lamp", "desk"}, {"near", "desk", "lamp"}));
}

TEST(Corpus, ScoresACorpusWithPlaceholdersTimesAndRefusals) {
  SceneGraph known, unknown;
  known.objects = {Obj("chair_1", "chair"), Obj("table_1", "table")};
  known.relations = {Rel(RelationType::kNear, {"chair_1", "table_1"})};
  // A category no asset source knows falls back to the labelled generic shape.
  unknown.objects = {Obj("x_1", "zzyzx contraption"), Obj("chair_1", "chair")};
  FixedPlanner planner({known, unknown});
  const std::vector<CorpusCase> corpus = {
      Case({{"chair", {1, 1}}, {"table", {1, 1}}}, {{"near", "chair", "table"}}),
      Case({{"zzyzx contraption", {1, 1}}, {"chair", {1, 1}}}, {}),
      Case({{"lamp", {1, 1}}}, {{"on", "lamp", "desk"}})};  // refused: no plan left
  const CorpusScore score = ScoreCorpus(corpus, planner);
  ASSERT_EQ(score.cases.size(), 3u);
  EXPECT_EQ(score.cases[2].error, "no plan");
  EXPECT_NEAR(score.exact_count_share, 2.0 / 3, 1e-9);
  EXPECT_NEAR(score.count_clause_share, 4.0 / 5, 1e-9);
  EXPECT_NEAR(score.recall, 1.0 / 2, 1e-9);
  EXPECT_NEAR(score.own_noun_share, 1.0, 1e-9);
  EXPECT_TRUE(score.assets_resolved);
  EXPECT_EQ(score.cases[1].placeholders, (std::vector<std::string>{"zzyzx contraption"}));
  EXPECT_NEAR(score.placeholder_share, 1.0 / 4, 1e-9);
  EXPECT_GE(score.max_ms, score.median_ms);
  EXPECT_EQ(score.largest_id, "t");
  EXPECT_EQ(score.largest_objects, 2);
  const std::string text = score.ToString(true);
  EXPECT_NE(text.find("placeholder: zzyzx contraption"), std::string::npos) << text;
  EXPECT_NE(text.find("80 % of count clauses"), std::string::npos) << text;

  FixedPlanner again({known});
  ScoreOptions no_assets;
  no_assets.resolve_assets = false;
  const CorpusScore plain = ScoreCorpus({corpus[0]}, again, no_assets);
  EXPECT_EQ(plain.cases[0].objects_resolved, 0);
  EXPECT_EQ(plain.ToString(false).find("placeholder"), std::string::npos);
}

}  // namespace
}  // namespace scenecraft
