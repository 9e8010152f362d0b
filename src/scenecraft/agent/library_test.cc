#include "scenecraft/agent/library.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "scenecraft/agent/learn.h"
#include "scenecraft/skills/skill_json.h"
#include "scenecraft/skills/store.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

SceneGraph DeskScene(const std::string& seat) {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kRoom;
  for (const auto& [id, category] :
       std::vector<std::pair<std::string, std::string>>{{"desk_1", "desk"}, {"seat_1", seat}}) {
    Object o;
    o.id = id;
    o.category = category;
    g.objects.push_back(o);
  }
  return g;
}

// WordNet decides class membership: an armchair is a chair, so the desk motif seats it.
TEST(Library, MotifsMatchHyponymsThroughWordNet) {
  GenerateOptions options;
  options.skills = SeedSkills();
  SceneGraph g = DeskScene("armchair");
  std::vector<std::string> warnings;
  const std::vector<AppliedSkill> applied = ApplyLibrary(options, &g, &warnings);
  ASSERT_EQ(applied.size(), 1u);
  EXPECT_EQ(applied[0].key, "desk");
  EXPECT_EQ(g.relations.size(), 2u);
  ASSERT_EQ(g.notes.size(), 1u);
  EXPECT_EQ(g.notes[0].rfind("skill motif desk v1: added near(seat_1, desk_1)", 0), 0u)
      << g.notes[0];
  SceneGraph other = DeskScene("piano");
  EXPECT_TRUE(ApplyLibrary(options, &other, &warnings).empty());
}

TEST(Library, CorruptLibraryFileWarnsAndTheSeedIsUsed) {
  const fs::path dir = fs::temp_directory_path() / ("scenecraft-lib-" + std::to_string(getpid()));
  fs::create_directories(dir);
  GenerateOptions options;
  options.library = dir / "skills.sqlite";
  std::ofstream(options.library) << std::string(5000, 'x');
  SceneGraph g = DeskScene("chair");
  std::vector<std::string> warnings;
  const std::vector<AppliedSkill> applied = ApplyLibrary(options, &g, &warnings);
  EXPECT_EQ(applied.size(), 1u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("not a skill library"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("using the seed library"), std::string::npos) << warnings[0];
  fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft

namespace scenecraft {
namespace {

// Evidence about kinds named differently also counts for their head class, once per query, so
// that two queries with a swivel chair and an office chair at a desk agree on "chair".
TEST(Library, EvidenceAboutCompoundsAlsoCountsForTheirHeadClass) {
  EXPECT_EQ(HeadClass("swivel chair"), "chair");
  EXPECT_EQ(HeadClass("king bed"), "bed");
  EXPECT_EQ(HeadClass("desk"), "desk");
  EXPECT_EQ(HeadClass("chest of drawers"), "chest of drawers");
  const std::vector<Evidence> evidence = {
      {RelationType::kNear, "swivel chair", "desk", "distance_m", 0.3, "", "q1", 0},
      {RelationType::kNear, "office chair", "desk", "distance_m", 0.32, "", "q2", 0},
      {RelationType::kNear, "chair", "desk", "distance_m", 0.31, "", "q3", 0}};
  const std::vector<Evidence> with = WithHeadClasses(evidence);
  ASSERT_EQ(with.size(), 5u);
  EXPECT_EQ(with[3].subject + "/" + with[3].query, "chair/q1");
  EXPECT_EQ(with[4].subject + "/" + with[4].query, "chair/q2");
  const std::vector<Skill> candidates = RefinementCandidates(with, {}, ConsensusOptions{});
  ASSERT_EQ(candidates.size(), 1u);
  EXPECT_EQ(candidates[0].key, "near:chair:desk");
  EXPECT_EQ(candidates[0].provenance.queries, (std::vector<std::string>{"q1", "q2", "q3"}));
}

// The corpus learner learns motifs from what the texts stated, not from what a skill added.
TEST(Library, StatedPatternsLeaveOutWhatASkillAdded) {
  SceneGraph g = DeskScene("chair");
  Relation stated;
  stated.type = RelationType::kFacing;
  stated.objects = {"seat_1", "desk_1"};
  stated.source.begin = 0;
  stated.source.end = 5;
  Relation added = stated;
  added.type = RelationType::kNear;
  added.source = Source{};
  added.source.pointer = "skill:motif/desk@1";
  g.relations = {stated, added};
  const ScenePatterns p = StatedPatternsOf(g, "q1");
  ASSERT_EQ(p.anchored.size(), 1u);
  EXPECT_EQ(std::get<0>(*p.anchored.begin()), RelationType::kFacing);
  EXPECT_EQ(std::get<1>(*p.anchored.begin()) + "/" + std::get<2>(*p.anchored.begin()),
            "chair/desk");
}

}  // namespace
}  // namespace scenecraft
