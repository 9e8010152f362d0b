#include <gtest/gtest.h>

#include "scenecraft/skills/skill_json.h"
#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

std::string Doc(const std::string& skill) {
  return R"({"schema": 1, "skills": [)" + skill + "]}";
}

std::string ErrorOf(const std::string& text) {
  try {
    SkillsFromJsonText(text, "lib.json", /*with_version=*/false);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// The seed holds today's hand-written defaults: implied relations and motifs; refinements are
// only learned.
TEST(SkillSchema, SeedLibraryPassesAndHoldsImpliedRelationsAndMotifs) {
  const std::vector<Skill>& seed = SeedSkills();
  std::set<SkillKind> kinds;
  for (const Skill& s : seed) {
    kinds.insert(s.kind);
    EXPECT_EQ(s.version, 1);
    EXPECT_EQ(s.provenance.origin, "seed");
  }
  EXPECT_EQ(kinds, (std::set<SkillKind>{SkillKind::kMotif, SkillKind::kImplied}));
}

TEST(SkillSchema, RoundTripsThroughJson) {
  const std::vector<Skill> seed = SeedSkills();
  const std::vector<Skill> back =
      SkillsFromJsonText(SkillsToJsonText(seed), "export.json", /*with_version=*/true);
  ASSERT_EQ(back.size(), seed.size());
  for (size_t k = 0; k < seed.size(); ++k) EXPECT_EQ(back[k].ToString(), seed[k].ToString());
}

TEST(SkillSchema, RefinementKeyComesFromItsParameters) {
  const std::vector<Skill> s = SkillsFromJsonText(
      Doc(R"({"kind": "refinement", "params": {"relation": "near", "subject": "nightstand",
           "reference": "bed", "args": {"distance_m": 0.3}}})"),
      "x", false);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].key, "near:nightstand:bed");
  EXPECT_EQ(s[0].refinement.args.Number("distance_m").value_or(0), 0.3);
}

// A learned fix has its own key beside the plan-time refinement of the same pair, and carries the
// arguments the solver reads (docs/RELATIONS_EXTRA.md).
TEST(SkillSchema, LearnedFixRoundTripsWithItsOwnKey) {
  const std::vector<Skill> s = SkillsFromJsonText(
      Doc(R"({"kind": "refinement", "params": {"relation": "near", "subject": "chair",
           "reference": "desk", "args": {"side": "front"}, "hard": true, "on_failure": true}},
           {"kind": "refinement", "params": {"relation": "facing", "subject": "chair",
           "reference": "desk", "args": {"angle_deg": 15}}})"),
      "x", false);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].key, "near:chair:desk:fix");
  EXPECT_TRUE(s[0].refinement.on_failure);
  EXPECT_EQ(s[1].key, "facing:chair:desk");
  EXPECT_FALSE(s[1].refinement.on_failure);
  const std::vector<Skill> back = SkillsFromJsonText(SkillsToJsonText(s), "y", false);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].ToString(), s[0].ToString());
  EXPECT_EQ(back[1].ToString(), s[1].ToString());
}

TEST(SkillSchema, RejectsEverythingOutsideTheSchemaWithPointers) {
  const std::string e = ErrorOf(Doc(
      R"({"kind": "refinement", "code": "import os", "params": {"relation": "near",
          "subject": "Bed; rm -rf", "reference": "bed", "args": {"angle_deg": 3, "distance_m": -1}}},
         {"kind": "motif", "params": {"anchor": "desk", "relations": [{"relation": "levitate",
          "member": "chair"}]}},
         {"kind": "implied", "params": {"subject": "rug", "relation": "under"}},
         {"kind": "refinement", "key": "near:a:b", "params": {"relation": "near", "subject": "c",
          "reference": "d", "hard": true}})"));
  EXPECT_NE(e.find("/skills/0/code"), std::string::npos) << e;
  EXPECT_NE(e.find("/skills/0/params/subject"), std::string::npos) << e;
  EXPECT_NE(e.find("/skills/0/params/args/angle_deg"), std::string::npos) << e;
  EXPECT_NE(e.find("/skills/0/params/args/distance_m"), std::string::npos) << e;
  EXPECT_NE(e.find("/skills/1/params/relations/0/relation"), std::string::npos) << e;
  EXPECT_NE(e.find("/skills/2/params/target"), std::string::npos) << e;
  EXPECT_NE(e.find("/skills/3/key"), std::string::npos) << e;
}

TEST(SkillSchema, GroupRelationsOfMotifsMustBeGroups) {
  const std::string e = ErrorOf(Doc(R"({"kind": "motif", "params": {"anchor": "stage",
      "relations": [{"relation": "row", "member": "seat"}]}})"));
  EXPECT_NE(e.find("must be a group"), std::string::npos) << e;
}

}  // namespace
}  // namespace scenecraft
