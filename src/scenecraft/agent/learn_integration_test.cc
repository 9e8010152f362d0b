// The outer loop end to end on the real Blender (Workbench, tiny, procedural models): three
// scenes that each put a nightstand near a bed go through the inner loop; the gaps measured on
// the readback agree, so the learner proposes near:nightstand:bed with a distance, re-runs the
// three scenes with it and logs the verdict with the pass rates. The suite name contains
// "Integration" (it starts Blender). The second test: scenes whose round 0 fails and round 1
// passes teach a learned fix, which the reviser then tries first.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "scenecraft/agent/learn.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/skills/skill_json.h"
#include "scenecraft/skills/store.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

std::string BedScene(double room_w) {
  return R"({"schema": 1, "environment": {"kind": "room", "size_m": [)" + std::to_string(room_w) +
         R"(, 4.0, 2.7]}, "objects": [{"id": "bed_1", "category": "bed"},
         {"id": "nightstand_1", "category": "nightstand"}],
         "relations": [{"type": "near", "objects": ["nightstand_1", "bed_1"]}]})";
}

TEST(LearnIntegration, AgreeingGapsBecomeACandidateThatIsTriedAndLogged) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft-learn-it-" + std::to_string(getpid()));
  fs::remove_all(dir);
  LearnOptions options;
  options.library = dir / "lib.sqlite";
  options.work_dir = dir / "work";
  options.generate.rounds = 0;
  options.generate.preview = {"workbench", 1, 160, 120};
  options.generate.final_render = options.generate.preview;
  options.generate.assets.sources = {"procedural"};
  std::vector<BatchItem> items;
  for (int k = 0; k < 3; ++k) {
    BatchItem item;
    item.id = "bed" + std::to_string(k);
    item.scene_json = BedScene(4.0 + k);
    items.push_back(item);
  }
  BackendOptions backend_options;
  Backends backends(backend_options);
  RealProcessLauncher launcher;
  const LearnReport report = LearnFromCorpus(items, options, backends, launcher);
  EXPECT_EQ(report.queries, 3);
  EXPECT_EQ(report.failed, 0);
  EXPECT_GE(report.evidence, 3);
  SkillStore store(options.library);
  const std::vector<SkillUpdate> log = store.Log();
  ASSERT_EQ(log.size(), 1u) << report.ToString();
  EXPECT_EQ(log[0].candidate.key, "near:nightstand:bed");
  EXPECT_TRUE(log[0].candidate.refinement.args.Number("distance_m").has_value());
  EXPECT_EQ(log[0].candidate.provenance.queries.size(), 3u);
  EXPECT_NE(log[0].reason.find(" of 3 agree"), std::string::npos) << log[0].reason;
  EXPECT_NE(log[0].reason.find("pass rate on its 3 queries "), std::string::npos) << log[0].reason;
  EXPECT_EQ(report.accepted.size() + report.rejected.size(), 1u);
  fs::remove_all(dir);
}

// A lamp wanted near a bed (weight 1) and, much less, near a sofa (weight 0.05) at the other end
// of the room: it cannot be near both, so round 0 leaves near(lamp, sofa) failing; the reviser
// makes it hard in round 1 and it holds (the bed's near fails instead: the same score, kept).
std::string LampScene(double room_w) {
  const double x = room_w / 2 - 1.1;
  return R"({"schema": 1, "environment": {"kind": "room", "size_m": [)" + std::to_string(room_w) +
         R"(, 4.0, 2.7]}, "objects": [
         {"id": "bed_1", "category": "bed", "pose": {"x": )" +
         std::to_string(-x) +
         R"(, "y": 0.5, "z": 0, "yaw_deg": 0}},
         {"id": "sofa_1", "category": "sofa", "pose": {"x": )" +
         std::to_string(x) +
         R"(, "y": 0.5, "z": 0, "yaw_deg": 0}},
         {"id": "lamp_1", "category": "floor lamp"}],
         "relations": [{"type": "near", "objects": ["lamp_1", "bed_1"]},
                       {"type": "near", "objects": ["lamp_1", "sofa_1"], "weight": 0.05}]})";
}

TEST(LearnIntegration, WhatTheInnerLoopFixedBecomesAFixTheReviserTriesFirst) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft-fix-it-" + std::to_string(getpid()));
  fs::remove_all(dir);
  LearnOptions options;
  options.library = dir / "lib.sqlite";
  options.work_dir = dir / "work";
  options.generate.rounds = 1;
  options.generate.preview = {"workbench", 1, 160, 120};
  options.generate.final_render = options.generate.preview;
  options.generate.assets.sources = {"procedural"};
  std::vector<BatchItem> items;
  for (int k = 0; k < 2; ++k) {
    BatchItem item;
    item.id = "lamp" + std::to_string(k);
    item.scene_json = LampScene(6.5 + k);
    items.push_back(item);
  }
  BackendOptions backend_options;
  Backends backends(backend_options);
  RealProcessLauncher launcher;
  // 1. Round 0 fails, round 1 passes: the result records the fix and its evidence.
  GenerateOptions generate = options.generate;
  generate.use_library = false;
  generate.force = true;
  const GenerateResult once =
      Generate(SceneSource::Graph(ParseSceneGraph(items[0].scene_json, "x")), dir / "once",
               generate, backends, launcher);
  ASSERT_EQ(once.rounds.size(), 2u);
  ASSERT_EQ(once.fixes.size(), 1u) << once.rounds[1].changes.front();
  EXPECT_EQ(once.fixes[0].round, 1);
  EXPECT_EQ(once.fixes[0].after.ToString(), "near(lamp_1, sofa_1) [hard]");
  int fix_facts = 0;
  for (const Evidence& e : EvidenceOf(once, "lamp0")) {
    if (!e.fix) continue;
    ++fix_facts;
    EXPECT_EQ(e.subject + "/" + e.reference + "/" + e.parameter, "floor lamp/sofa/hard");
    EXPECT_EQ(e.value, 1.0);
  }
  EXPECT_EQ(fix_facts, 1);

  // 2. Two such queries agree: the learner proposes the fix, re-runs them with it, logs it.
  const LearnReport report = LearnFromCorpus(items, options, backends, launcher);
  EXPECT_EQ(report.failed, 0);
  SkillStore store(options.library);
  const Skill* fix = nullptr;
  const std::vector<SkillUpdate> log = store.Log();
  for (const SkillUpdate& u : log) {
    if (u.candidate.key == "near:floor lamp:sofa:fix") fix = &u.candidate;
  }
  ASSERT_NE(fix, nullptr) << report.ToString();
  EXPECT_TRUE(fix->refinement.on_failure);
  EXPECT_TRUE(fix->refinement.hard.value_or(false));
  EXPECT_EQ(fix->provenance.queries, (std::vector<std::string>{"lamp0", "lamp1"}));

  // 3. With a learned fix for the pair, the reviser's round 1 applies it first (here one that also
  //    asks for the sofa's left side), and the relation holds on the readback.
  Skill learned = *fix;
  learned.version = 1;
  learned.refinement.args.words["side"] = "left";
  generate.use_library = true;
  generate.skills = std::vector<Skill>{learned};
  const GenerateResult again =
      Generate(SceneSource::Graph(ParseSceneGraph(items[0].scene_json, "x")), dir / "again",
               generate, backends, launcher);
  ASSERT_EQ(again.rounds.size(), 2u);
  ASSERT_FALSE(again.rounds[1].changes.empty());
  EXPECT_EQ(again.rounds[1].changes[0].rfind(
                "applied the learned fix refinement near:floor lamp:sofa:fix v1: "
                "near(lamp_1, sofa_1): side left, hard",
                0),
            0u)
      << again.rounds[1].changes[0];
  ASSERT_EQ(again.fixes.size(), 1u);
  EXPECT_EQ(again.fixes[0].learned, "near:floor lamp:sofa:fix");
  EXPECT_EQ(again.fixes[0].after.ToString(), "near(lamp_1, sofa_1, side=left) [hard]");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft
