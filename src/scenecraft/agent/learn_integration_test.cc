// The outer loop end to end on the real Blender (Workbench, tiny, procedural models): three
// scenes that each put a nightstand near a bed go through the inner loop; the gaps measured on
// the readback agree, so the learner proposes near:nightstand:bed with a distance, re-runs the
// three scenes with it and logs the verdict with the pass rates. The suite name contains
// "Integration" (it starts Blender).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "scenecraft/agent/learn.h"
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

}  // namespace
}  // namespace scenecraft
