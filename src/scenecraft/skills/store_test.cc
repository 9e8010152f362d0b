#include "scenecraft/skills/store.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "scenecraft/skills/skill_json.h"
#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft-skills-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

Skill NearDistance(double d, const std::string& query) {
  Skill s;
  s.kind = SkillKind::kRefinement;
  s.refinement.relation = RelationType::kNear;
  s.refinement.subject = "nightstand";
  s.refinement.reference = "bed";
  s.refinement.args.numbers["distance_m"] = d;
  s.key = SkillKey(s);
  s.provenance.origin = "learn";
  s.provenance.queries = {query};
  return s;
}

TEST(SkillStore, NewLibraryHoldsTheSeed) {
  SkillStore store(":memory:");
  EXPECT_EQ(store.Current().size(), SeedSkills().size());
  EXPECT_TRUE(store.Log().empty());
}

TEST(SkillStore, AcceptedUpdatesBecomeVersionsRejectedOnesStayInTheLog) {
  SkillStore store(":memory:");
  EXPECT_EQ(store.Record(NearDistance(0.4, "q1"), true, "pass rate 0.8 -> 0.9"), 1);
  EXPECT_EQ(store.Record(NearDistance(0.9, "q2"), false, "pass rate 0.9 -> 0.7"), 0);
  EXPECT_EQ(store.Record(NearDistance(0.3, "q3"), true, "pass rate 0.9 -> 0.9"), 2);
  const std::vector<Skill> history = store.History(SkillKind::kRefinement, "near:nightstand:bed");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[1].refinement.args.Number("distance_m").value_or(0), 0.3);
  const std::vector<SkillUpdate> log = store.Log();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_FALSE(log[1].accepted);
  EXPECT_EQ(log[1].reason, "pass rate 0.9 -> 0.7");
  EXPECT_EQ(log[1].candidate.provenance.queries, std::vector<std::string>{"q2"});
  store.Reset();
  EXPECT_EQ(store.Current().size(), SeedSkills().size());
  EXPECT_TRUE(store.Log().empty());
}

// A proposal that failed the schema is logged apart, as text, and never becomes a skill.
TEST(SkillStore, InvalidProposalsAreLoggedWithTheReasonNotStored) {
  SkillStore store(":memory:");
  const std::string proposal = R"({"kind": "script", "params": {"code": "import os"}})";
  store.RecordInvalid("llm", proposal + std::string(5000, ' '), "/skills/0/kind: unknown kind");
  const std::vector<InvalidUpdate> invalid = store.InvalidLog();
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0].origin, "llm");
  EXPECT_EQ(invalid[0].reason, "/skills/0/kind: unknown kind");
  EXPECT_EQ(invalid[0].proposal.rfind(proposal, 0), 0u);
  EXPECT_EQ(invalid[0].proposal.size(), 4000u);
  EXPECT_TRUE(store.Log().empty());
  EXPECT_EQ(store.Current().size(), SeedSkills().size());
  store.Reset();
  EXPECT_TRUE(store.InvalidLog().empty());
}

TEST(SkillStore, CorruptFileIsAClearErrorAndGenerationFallsBackToTheSeed) {
  const fs::path dir = TempDir("corrupt");
  const fs::path file = dir / "skills.sqlite";
  std::ofstream(file) << "this is not a database, it is a shopping list\n";
  try {
    SkillStore store(file);
    FAIL() << "opened a corrupt library";
  } catch (const Error& e) {
    EXPECT_NE(
        std::string(e.what()).find("skill library " + file.string() + ": not a skill library"),
        std::string::npos)
        << e.what();
  }
  std::vector<std::string> warnings;
  const std::vector<Skill> skills = LoadSkillsOrSeed(file, &warnings);
  EXPECT_EQ(skills.size(), SeedSkills().size());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("using the seed library"), std::string::npos);
  fs::remove_all(dir);
}

// Two processes recording into one file at once: every accepted update becomes its own version.
TEST(SkillStore, TwoProcessesAtOnceLoseNoUpdate) {
  const fs::path dir = TempDir("concurrent");
  const fs::path file = dir / "skills.sqlite";
  { SkillStore create(file); }
  constexpr int kEach = 40;
  std::vector<pid_t> children;
  for (int p = 0; p < 2; ++p) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      int code = 0;
      try {
        SkillStore store(file);
        for (int k = 0; k < kEach; ++k) {
          store.Record(NearDistance(0.3 + 0.01 * k, "p" + std::to_string(p)), true, "test");
        }
      } catch (...) {
        code = 1;
      }
      _exit(code);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  SkillStore store(file);
  const std::vector<Skill> history = store.History(SkillKind::kRefinement, "near:nightstand:bed");
  ASSERT_EQ(history.size(), 2u * kEach);
  for (int k = 0; k < 2 * kEach; ++k) EXPECT_EQ(history[k].version, k + 1);
  EXPECT_EQ(store.Log().size(), 2u * kEach);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft
