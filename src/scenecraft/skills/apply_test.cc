#include "scenecraft/skills/apply.h"

#include <gtest/gtest.h>

#include "scenecraft/core/relation_testing.h"
#include "scenecraft/skills/skill_json.h"

namespace scenecraft {
namespace {

SceneGraph Scene(const std::vector<std::pair<std::string, std::string>>& objects) {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kRoom;
  for (const auto& [id, category] : objects) {
    Object o;
    o.id = id;
    o.category = category;
    g.objects.push_back(o);
  }
  return g;
}

using test_util::Rel;

std::vector<std::string> Strings(const SceneGraph& g) {
  std::vector<std::string> out;
  for (const Relation& r : g.relations) out.push_back(r.ToString());
  return out;
}

bool Has(const SceneGraph& g, const std::string& relation) {
  const std::vector<std::string> all = Strings(g);
  return std::find(all.begin(), all.end(), relation) != all.end();
}

TEST(ApplySkills, DeskMotifRelatesTheChairAndLampTheSceneHasAndAddsNoObject) {
  SceneGraph g = Scene({{"desk_1", "desk"}, {"chair_1", "office chair"}, {"lamp_1", "desk lamp"}});
  const std::vector<AppliedSkill> applied = ApplySkills(SeedSkills(), MatchesClassByName, &g);
  EXPECT_EQ(g.objects.size(), 3u);
  EXPECT_TRUE(Has(g, "near(chair_1, desk_1)"));
  EXPECT_TRUE(Has(g, "facing(chair_1, desk_1)"));
  EXPECT_TRUE(Has(g, "on(lamp_1, desk_1)"));
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied[0].key, "desk");
  EXPECT_EQ(g.relations[0].source.pointer, "skill:motif/desk@1");
}

TEST(ApplySkills, WhatTheTextSaidIsNeverOverridden) {
  SceneGraph g = Scene(
      {{"desk_1", "desk"}, {"lamp_1", "lamp"}, {"shelf_1", "shelf"}, {"wardrobe_1", "wardrobe"}});
  g.relations.push_back(Rel(RelationType::kOn, {"lamp_1", "shelf_1"}));  // the text's lamp
  g.relations.push_back(Rel(RelationType::kCenter, {"wardrobe_1"}));     // placed by the text
  ApplySkills(SeedSkills(), MatchesClassByName, &g);
  EXPECT_FALSE(Has(g, "on(lamp_1, desk_1)"));
  EXPECT_FALSE(Has(g, "against_wall(wardrobe_1)"));
  EXPECT_EQ(g.relations.size(), 2u);
}

TEST(ApplySkills, BedWithTwoNightstandsGetsThemOnBothSidesAndAgainstTheWall) {
  SceneGraph g =
      Scene({{"bed_1", "bed"}, {"nightstand_1", "nightstand"}, {"nightstand_2", "nightstand"}});
  ApplySkills(SeedSkills(), MatchesClassByName, &g);
  EXPECT_TRUE(Has(g, "symmetric(nightstand_1, nightstand_2, bed_1)"))
      << ::testing::PrintToString(Strings(g));
  EXPECT_TRUE(Has(g, "against_wall(bed_1)"));
  // Outdoors, implied relations marked indoors are not added.
  SceneGraph out = Scene({{"bed_1", "bed"}});
  out.environment.kind = Environment::Kind::kOutdoor;
  ApplySkills(SeedSkills(), MatchesClassByName, &out);
  EXPECT_TRUE(out.relations.empty());
}

TEST(ApplySkills, RefinementFillsMissingArgumentsOnlyAndRunsAfterMotifs) {
  Skill r;
  r.kind = SkillKind::kRefinement;
  r.refinement.relation = RelationType::kNear;
  r.refinement.subject = "chair";
  r.refinement.reference = "desk";
  r.refinement.args.numbers["distance_m"] = 0.35;
  r.key = SkillKey(r);
  r.version = 3;
  std::vector<Skill> skills = SeedSkills();
  skills.push_back(r);
  SceneGraph g =
      Scene({{"desk_1", "desk"}, {"chair_1", "chair"}, {"desk_2", "desk"}, {"chair_2", "chair"}});
  Relation given = Rel(RelationType::kNear, {"chair_2", "desk_2"});
  given.args.numbers["distance_m"] = 1.0;  // the text said how far
  g.relations.push_back(given);
  const std::vector<AppliedSkill> applied = ApplySkills(skills, MatchesClassByName, &g);
  for (const Relation& rel : g.relations) {
    if (rel.type != RelationType::kNear) continue;
    EXPECT_EQ(rel.args.Number("distance_m").value_or(0), rel.objects[0] == "chair_2" ? 1.0 : 0.35)
        << rel.ToString();
  }
  ASSERT_FALSE(applied.empty());
  EXPECT_EQ(applied.back().ToString(),
            "refinement near:chair:desk v3: near(chair_1, desk_1): distance_m 0.35");
}

// A learned fix (refinement on_failure) is not applied at planning; ApplyLearnedFix applies it to
// the failing relation it matches, once.
// A learned fix near:chair:desk:fix that asks for the desk's front side.
Skill FrontOfDeskFix(bool hard, int version) {
  Skill fix;
  fix.kind = SkillKind::kRefinement;
  fix.refinement.relation = RelationType::kNear;
  fix.refinement.subject = "chair";
  fix.refinement.reference = "desk";
  fix.refinement.args.words["side"] = "front";
  if (hard) fix.refinement.hard = true;
  fix.refinement.on_failure = true;
  fix.key = SkillKey(fix);
  fix.version = version;
  return fix;
}

TEST(ApplySkills, LearnedFixesWaitForAFailure) {
  const Skill fix = FrontOfDeskFix(/*hard=*/true, 1);
  EXPECT_EQ(fix.key, "near:chair:desk:fix");
  SceneGraph g = Scene({{"desk_1", "desk"}, {"chair_1", "chair"}, {"lamp_1", "lamp"}});
  g.relations.push_back(Rel(RelationType::kNear, {"lamp_1", "desk_1"}));
  g.relations.push_back(Rel(RelationType::kNear, {"chair_1", "desk_1"}));
  EXPECT_TRUE(ApplySkills({fix}, MatchesClassByName, &g).empty());
  EXPECT_TRUE(Has(g, "near(chair_1, desk_1)"));
  EXPECT_FALSE(ApplyLearnedFix({fix}, MatchesClassByName, 0, &g).has_value());  // the lamp's
  const std::optional<AppliedSkill> a = ApplyLearnedFix({fix}, MatchesClassByName, 1, &g);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->ToString(),
            "refinement near:chair:desk:fix v1: near(chair_1, desk_1): side front, hard");
  EXPECT_TRUE(Has(g, "near(chair_1, desk_1, side=front) [hard]"));
  EXPECT_FALSE(ApplyLearnedFix({fix}, MatchesClassByName, 1, &g).has_value());  // in effect
  EXPECT_FALSE(ApplyLearnedFix({fix}, MatchesClassByName, 7, &g).has_value());  // no such index
}

// A learned fix replaces an argument the failing relation carries with another value (a side a
// skill guessed), but never one the text gave.
TEST(ApplySkills, ALearnedFixReplacesAFailedArgumentButNotTheTexts) {
  const Skill fix = FrontOfDeskFix(/*hard=*/false, 2);
  SceneGraph g = Scene({{"desk_1", "desk"}, {"chair_1", "chair"}});
  Relation back = Rel(RelationType::kNear, {"chair_1", "desk_1"});
  back.args.words["side"] = "back";
  g.relations.push_back(back);
  EXPECT_FALSE(ApplyLearnedFix({fix}, MatchesClassByName, 0, &g, {"side"}).has_value());
  EXPECT_TRUE(Has(g, "near(chair_1, desk_1, side=back)"));
  const std::optional<AppliedSkill> a = ApplyLearnedFix({fix}, MatchesClassByName, 0, &g);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->ToString(),
            "refinement near:chair:desk:fix v2: near(chair_1, desk_1, side=back): side front");
  EXPECT_TRUE(Has(g, "near(chair_1, desk_1, side=front)"));
  EXPECT_FALSE(ApplyLearnedFix({fix}, MatchesClassByName, 0, &g).has_value());  // in effect
}

}  // namespace
}  // namespace scenecraft
