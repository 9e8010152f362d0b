#include "scenecraft/skills/consensus.h"

#include <gtest/gtest.h>

#include "scenecraft/skills/skill_json.h"

namespace scenecraft {
namespace {

Evidence Gap(const std::string& query, double gap) {
  return {RelationType::kNear, "nightstand", "bed", "distance_m", gap, "", query, 1};
}

TEST(Consensus, OneQueryCannotMoveTheLibrary) {
  const std::vector<Skill> c = RefinementCandidates({Gap("q1", 0.2), Gap("q1", 0.22)}, {}, {});
  EXPECT_TRUE(c.empty());
}

TEST(Consensus, MajorityMovesAParameterToTheMedianPlusMargin) {
  const std::vector<Skill> c = RefinementCandidates(
      {Gap("q1", 0.20), Gap("q2", 0.24), Gap("q3", 0.22), Gap("q4", 2.5)}, {}, {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "near:nightstand:bed");
  // Median of 0.20, 0.22, 0.24, 2.5 is 0.23; three of four agree; plus the 0.15 m margin.
  EXPECT_DOUBLE_EQ(c[0].refinement.args.Number("distance_m").value_or(0), 0.38);
  EXPECT_EQ(c[0].provenance.queries.size(), 4u);
  EXPECT_EQ(c[0].provenance.measurements.size(), 4u);
}

TEST(Consensus, WithoutAgreementNothingChanges) {
  const std::vector<Skill> c = RefinementCandidates(
      {Gap("q1", 0.1), Gap("q2", 0.9), Gap("q3", 2.0), Gap("q4", 3.5)}, {}, {});
  EXPECT_TRUE(c.empty());
}

TEST(Consensus, HardNeedsAMajorityOfTheQueriesThatExercisedIt) {
  auto hard = [](const std::string& q, double v) {
    return Evidence{RelationType::kFacing, "chair", "desk", "hard", v, "", q, 2};
  };
  EXPECT_TRUE(RefinementCandidates({hard("a", 1), hard("b", 0), hard("c", 0)}, {}, {}).empty());
  const std::vector<Skill> c =
      RefinementCandidates({hard("a", 1), hard("b", 1), hard("c", 0)}, {}, {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_TRUE(c[0].refinement.hard.value_or(false));
}

SceneGraph Office(bool with_lamp_on_desk) {
  SceneGraph g;
  for (const char* c : {"desk", "chair", "lamp", "wardrobe"}) {
    Object o;
    o.id = std::string(c) + "_1";
    o.category = c;
    g.objects.push_back(o);
  }
  auto rel = [&](RelationType t, std::vector<std::string> ids) {
    Relation r;
    r.type = t;
    r.objects = std::move(ids);
    g.relations.push_back(r);
  };
  rel(RelationType::kFacing, {"chair_1", "desk_1"});
  if (with_lamp_on_desk) rel(RelationType::kOn, {"lamp_1", "desk_1"});
  rel(RelationType::kAgainstWall, {"wardrobe_1"});
  return g;
}

TEST(Consensus, MotifsComeFromWhatMostScenesShow) {
  const std::vector<ScenePatterns> scenes = {PatternsOf(Office(true), "a.json"),
                                             PatternsOf(Office(true), "b.json"),
                                             PatternsOf(Office(false), "c.json")};
  const std::vector<Skill> c = PatternCandidates(scenes, {}, {});
  const Skill* motif = nullptr;
  for (const Skill& s : c) {
    if (s.kind == SkillKind::kMotif) motif = &s;
  }
  ASSERT_NE(motif, nullptr);
  EXPECT_EQ(motif->motif.anchor, "desk");
  EXPECT_EQ(SkillParamsToJson(*motif).dump(),
            R"({"anchor":"desk","relations":[{"member":"lamp","relation":"on"},)"
            R"({"member":"chair","relation":"facing"}]})");
  // The wardrobe stood against a wall in every scene: an implied relation, unless the library
  // has it already.
  bool implied = false;
  for (const Skill& s : c) implied = implied || s.key == "against_wall:wardrobe";
  EXPECT_TRUE(implied);
  // With the seed library: it has the wardrobe's wall and the desk motif's two relations (with
  // a third, kept), so nothing is left to learn; a motif it lacks a relation of grows by it.
  EXPECT_EQ(PatternCandidates(scenes, SeedSkills(), {}).size(), c.size() - 2);
  std::vector<Skill> seed = SeedSkills();
  for (Skill& s : seed) {
    if (s.kind == SkillKind::kMotif && s.key == "desk") s.motif.relations.pop_back();  // on lamp
  }
  bool grown = false;
  for (const Skill& s : PatternCandidates(scenes, seed, {})) {
    if (s.kind != SkillKind::kMotif) continue;
    grown = true;
    EXPECT_EQ(SkillParamsToJson(s).dump(),
              R"({"anchor":"desk","relations":[{"member":"chair","relation":"near"},)"
              R"({"member":"chair","relation":"facing"},{"member":"lamp","relation":"on"}]})");
  }
  EXPECT_TRUE(grown);
  // Two scenes of three with the lamp on the desk is a majority; one of three is not.
  const std::vector<ScenePatterns> few = {PatternsOf(Office(true), "a.json"),
                                          PatternsOf(Office(false), "b.json"),
                                          PatternsOf(Office(false), "c.json")};
  for (const Skill& s : PatternCandidates(few, {}, {})) {
    if (s.kind == SkillKind::kMotif) {
      EXPECT_EQ(s.motif.relations.size(), 1u);
    }
  }
}

TEST(Consensus, PoseEvidenceMeasuresTheGapOfRotatedFootprints) {
  SceneGraph g;
  Object bed, stand;
  bed.id = "bed_1";
  bed.category = "bed";
  bed.size = {1.6, 2.0, 0.5};
  bed.pose = Pose{0, 0, 0, 0};
  stand.id = "nightstand_1";
  stand.category = "nightstand";
  stand.size = {0.4, 0.5, 0.5};
  stand.pose = Pose{1.3, 0, 0, 1.5707963267948966};  // turned: 0.5 wide along x
  g.objects = {bed, stand};
  Relation r;
  r.type = RelationType::kNear;
  r.objects = {"nightstand_1", "bed_1"};
  g.relations.push_back(r);
  const std::vector<Evidence> e = PoseEvidence(g, "s.json");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_NEAR(e[0].value, 1.3 - 0.25 - 0.8, 1e-9);
}

Evidence Fix(const std::string& query, const std::string& parameter, double value,
             const std::string& word = "") {
  Evidence e{RelationType::kNear, "chair", "desk", parameter, value, word, query, 1};
  e.fix = true;
  return e;
}

TEST(Consensus, FixesTheInnerLoopsAgreeOnBecomeALearnedFix) {
  // One query cannot teach a fix.
  EXPECT_TRUE(FixCandidates({Fix("q1", "hard", 1), Fix("q1", "side", 0, "front")}, {}, {}).empty());
  // Three queries fixed near(chair, desk): all made it hard, two chose the front side.
  const std::vector<Evidence> e = {Fix("q1", "hard", 1), Fix("q1", "side", 0, "front"),
                                   Fix("q2", "hard", 1), Fix("q2", "side", 0, "front"),
                                   Fix("q3", "hard", 1), Fix("q3", "side", 0, "left")};
  const std::vector<Skill> c = FixCandidates(e, {}, {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "near:chair:desk:fix");
  EXPECT_TRUE(c[0].refinement.on_failure);
  EXPECT_TRUE(c[0].refinement.hard.value_or(false));
  EXPECT_EQ(c[0].refinement.args.Word("side"), "front");
  EXPECT_EQ(c[0].provenance.queries.size(), 3u);
  EXPECT_EQ(c[0].provenance.note,
            "the inner loop fixed it in 3 queries: made hard in 3 of 3; side front in 2 of 3");
  // Fix evidence is not a measured parameter: the plan-time refinements ignore it.
  EXPECT_TRUE(RefinementCandidates(e, {}, {}).empty());
  // The library already holds this fix: nothing new.
  Skill held = c[0];
  held.version = 1;
  EXPECT_TRUE(FixCandidates(e, {held}, {}).empty());
  // Without a majority for anything, no fix.
  EXPECT_TRUE(FixCandidates({Fix("q1", "hard", 0), Fix("q1", "side", 0, "front"),
                             Fix("q2", "hard", 0), Fix("q2", "side", 0, "back")},
                            {}, {})
                  .empty());
}

// The side a chair takes at a desk: the word a majority of queries measured.
TEST(Consensus, TheSideMostQueriesChoseBecomesTheRefinement) {
  auto side = [](const std::string& q, const std::string& word) {
    return Evidence{RelationType::kNear, "chair", "desk", "side", 0.0, word, q, 0};
  };
  const std::vector<Skill> c =
      RefinementCandidates({side("q1", "front"), side("q2", "front"), side("q3", "left")}, {}, {});
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key, "near:chair:desk");
  EXPECT_EQ(c[0].refinement.args.Word("side"), "front");
  EXPECT_EQ(c[0].provenance.note, "side front (2 of 3 agree)");
  EXPECT_TRUE(RefinementCandidates({side("q1", "front"), side("q2", "left")}, {}, {}).empty());
}

}  // namespace
}  // namespace scenecraft
