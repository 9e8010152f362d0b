// The outer loop end to end on the real Blender (Workbench, tiny, procedural models): three
// scenes that each put a nightstand near a bed go through the inner loop; the gaps measured on
// the readback agree, so the learner proposes near:nightstand:bed with a distance, re-runs the
// three scenes with it and logs the verdict with the pass rates. The suite name contains
// "Integration" (it starts Blender). The second test: scenes whose round 0 fails and round 1
// passes teach a learned fix, which the reviser then tries first. The third: the reviser changes
// a side itself, and that is evidence.
#include <gtest/gtest.h>
#include <filesystem>

#include "scenecraft/agent/learn.h"
#include "scenecraft/agent/learn_testing.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/skills/skill_json.h"
#include "scenecraft/skills/store.h"
#include "scenecraft/util/strings.h"

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
  LearnTestBed bed("learn-it");
  const LearnOptions& options = bed.options;
  const std::vector<BatchItem> items = Items("bed", {BedScene(4.0), BedScene(5.0), BedScene(6.0)});
  const LearnReport report = LearnFromCorpus(items, options, bed.backends, bed.launcher);
  EXPECT_EQ(report.queries, 3);
  EXPECT_EQ(report.failed, 0);
  EXPECT_GE(report.evidence, 3);
  SkillStore store(options.library);
  // The refinement; besides it only the bed motif the three texts state may be a candidate.
  std::vector<SkillUpdate> log;
  for (const SkillUpdate& u : store.Log()) {
    if (u.candidate.kind == SkillKind::kRefinement) {
      log.push_back(u);
    } else {
      EXPECT_EQ(u.candidate.key, "bed") << u.reason;
    }
  }
  ASSERT_EQ(log.size(), 1u) << report.ToString();
  EXPECT_EQ(log[0].candidate.key, "near:nightstand:bed");
  EXPECT_TRUE(log[0].candidate.refinement.args.Number("distance_m").has_value());
  EXPECT_EQ(log[0].candidate.provenance.queries.size(), 3u);
  EXPECT_NE(log[0].reason.find(" of 3 agree"), std::string::npos) << log[0].reason;
  EXPECT_NE(log[0].reason.find("pass rate on its 3 queries "), std::string::npos) << log[0].reason;
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
  LearnTestBed bed("fix-it", /*rounds=*/1);
  const LearnOptions& options = bed.options;
  const fs::path& dir = bed.dir;
  const std::vector<BatchItem> items = Items("lamp", {LampScene(6.5), LampScene(7.5)});
  Backends& backends = bed.backends;
  RealProcessLauncher& launcher = bed.launcher;
  // 1. Round 0 fails, round 1 passes: the result records the fix and its evidence.
  GenerateOptions generate = bed.Generating(/*use_library=*/false);
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
}

// A side the room cannot hold: a skill puts the chair behind a desk that stands against the back
// wall. The reviser (critic/reviser_args.h) turns it to the freest side itself, the relation
// holds, and the round is a fix whose evidence is the side it settled on: what the learner needs
// to learn a side without a learned fix already setting it.
TEST(LearnIntegration, TheReviserTurnsASideTheRoomCannotHoldAndThatIsEvidence) {
  LearnTestBed bed("side-it", /*rounds=*/2);
  const std::string scene =
      R"({"schema": 1, "prompt": "a desk against the back wall, a chair at it",
      "environment": {"kind": "room", "size_m": [4.0, 4.0, 2.7]}, "objects": [
      {"id": "desk_1", "category": "desk", "pose": {"x": 0, "y": 1.55, "z": 0, "yaw_deg": 0}},
      {"id": "chair_1", "category": "chair"}],
      "relations": [{"type": "near", "objects": ["chair_1", "desk_1"]}]})";
  Skill behind;
  behind.kind = SkillKind::kRefinement;
  behind.refinement.relation = RelationType::kNear;
  behind.refinement.subject = "chair";
  behind.refinement.reference = "desk";
  behind.refinement.args.words["side"] = "back";
  behind.refinement.hard = true;
  behind.key = SkillKey(behind);
  behind.version = 1;
  GenerateOptions generate = bed.Generating(/*use_library=*/true);
  generate.skills = std::vector<Skill>{behind};
  const GenerateResult result = Generate(SceneSource::Graph(ParseSceneGraph(scene, "side")),
                                         bed.dir / "side", generate, bed.backends, bed.launcher);
  ASSERT_EQ(result.planned_relations.size(), 1u);
  EXPECT_EQ(result.planned_relations[0].ToString(), "near(chair_1, desk_1, side=back) [hard]");
  ASSERT_GE(result.rounds.size(), 2u);
  bool turned = false;
  for (const std::string& change : result.rounds[1].changes) {
    turned = turned || change.find("side back -> ") != std::string::npos;
  }
  EXPECT_TRUE(turned) << Join(result.rounds[1].changes, "\n");
  ASSERT_EQ(result.fixes.size(), 1u) << Join(result.rounds.back().changes, "\n");
  const std::string side = result.fixes[0].after.args.Word("side").value_or("");
  EXPECT_NE(side, "back");
  EXPECT_FALSE(side.empty());
  int side_facts = 0;
  for (const Evidence& e : EvidenceOf(result, "side")) {
    if (!e.fix || e.parameter != "side") continue;
    ++side_facts;
    EXPECT_EQ(e.subject + "/" + e.reference + "/" + e.word, "chair/desk/" + side);
  }
  EXPECT_EQ(side_facts, 1);
}

}  // namespace
}  // namespace scenecraft
