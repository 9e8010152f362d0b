// End to end: the real `scenecraft skills` and `learn --from-scenes` binaries on real SQLite files,
// and `generate` with a learned library on the real Blender (Workbench, tiny, no revision rounds):
// a motif learned from the ten hand-arranged scenes of examples/skills/scenes changes a new scene;
// a corrupt library gives a clear warning and the seed library is used. Suites contain
// "Integration" (they start Blender).
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "scenecraft/util/files.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

fs::path FreshDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_skills_it_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct CliResult {
  int code = -1;
  std::string out;  // stdout and stderr together
};

CliResult Scenecraft(const fs::path& dir, std::vector<std::string> args) {
  ProcessSpec spec;
  spec.argv = {std::string(SCENECRAFT_BINARY_DIR) + "/scenecraft"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.log_path = dir / "run.log";
  spec.timeout_s = 600;
  RealProcessLauncher launcher;
  const ProcessResult r = launcher.Run(spec);
  return {r.exit_code, ReadFile(dir / "run.log")};
}

std::vector<std::string> TinyGenerate(const fs::path& scene, const fs::path& out) {
  return {"generate",  scene.string(), "-o", out.string(),   "--rounds", "0",      "--engine",
          "workbench", "--samples",    "1",  "--resolution", "320x240",  "--force"};
}

TEST(SkillsCli, ListExportImportShowAndHostileImport) {
  const fs::path dir = FreshDir("cli");
  const std::string lib = (dir / "lib.sqlite").string();
  CliResult list = Scenecraft(dir, {"skills", "list", "--library", lib});
  ASSERT_EQ(list.code, 0) << list.out;
  EXPECT_NE(list.out.find("motif\tdesk\tv1\tseed"), std::string::npos) << list.out;
  WriteFileAtomic(dir / "add.json", R"({"schema": 1, "skills": [{"kind": "refinement",
      "params": {"relation": "near", "subject": "nightstand", "reference": "bed",
                 "args": {"distance_m": 0.3}}, "provenance": {"origin": "review"}}]})");
  CliResult imp =
      Scenecraft(dir, {"skills", "import", (dir / "add.json").string(), "--library", lib});
  ASSERT_EQ(imp.code, 0) << imp.out;
  CliResult show = Scenecraft(dir, {"skills", "show", "near:nightstand:bed", "--library", lib});
  ASSERT_EQ(show.code, 0) << show.out;
  EXPECT_NE(show.out.find("accepted v1: imported from add.json"), std::string::npos) << show.out;
  // A hostile document is rejected whole, every problem named, nothing stored.
  WriteFileAtomic(dir / "bad.json", R"js({"schema": 1, "skills": [{"kind": "motif",
      "params": {"anchor": "desk", "relations": [{"relation": "on", "member": "lamp",
      "python": "__import__('os').system('x')"
}]
}
}]
})js");
  CliResult bad =
      Scenecraft(dir, {"skills", "import", (dir / "bad.json").string(), "--library", lib});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(bad.out.find("/skills/0/params/relations/0/python"), std::string::npos) << bad.out;
  CliResult exp =
      Scenecraft(dir, {"skills", "export", "-o", (dir / "e.json").string(), "--library", lib});
  ASSERT_EQ(exp.code, 0) << exp.out;
  const std::string exported = ReadFile(dir / "e.json");
  EXPECT_NE(exported.find("near:nightstand:bed"), std::string::npos);
  EXPECT_EQ(exported.find("python"), std::string::npos);
  CliResult reset = Scenecraft(dir, {"skills", "reset", "--library", lib});
  ASSERT_EQ(reset.code, 0) << reset.out;
  CliResult diff = Scenecraft(dir, {"skills", "diff", (dir / "e.json").string(), "--library", lib});
  ASSERT_EQ(diff.code, 0) << diff.out;
  EXPECT_NE(diff.out.find("+ refinement\tnear:nightstand:bed"), std::string::npos) << diff.out;
  fs::remove_all(dir);
}

// Relations of a scene.json between two objects, as "type a b".
std::set<std::string> RelationsOf(const fs::path& scene_json) {
  const nlohmann::json doc = nlohmann::json::parse(ReadFile(scene_json));
  std::set<std::string> out;
  for (const auto& r : doc["relations"]) {
    std::string line = r["type"].get<std::string>();
    for (const auto& id : r["objects"]) line += " " + id.get<std::string>();
    out.insert(line);
  }
  return out;
}

// learn takes exactly one source; --from-blend names a folder without .blend files; a fresh
// library has no invalid proposals.
TEST(SkillsCli, LearnSourcesAndTheInvalidLog) {
  const fs::path dir = FreshDir("sources");
  const std::string lib = (dir / "lib.sqlite").string();
  CliResult none = Scenecraft(dir, {"learn", "--library", lib});
  EXPECT_EQ(none.code, 2) << none.out;
  EXPECT_NE(none.out.find("--from-scenes DIR or --from-blend DIR"), std::string::npos) << none.out;
  CliResult two =
      Scenecraft(dir, {"learn", "--from-scenes", dir.string(), "--from-blend", dir.string()});
  EXPECT_EQ(two.code, 2) << two.out;
  CliResult empty = Scenecraft(dir, {"learn", "--from-blend", dir.string(), "--library", lib, "-o",
                                     (dir / "work").string()});
  EXPECT_EQ(empty.code, 1) << empty.out;
  EXPECT_NE(empty.out.find("holds no .blend file"), std::string::npos) << empty.out;
  CliResult invalid = Scenecraft(dir, {"skills", "invalid", "--library", lib});
  EXPECT_EQ(invalid.code, 0) << invalid.out;
  EXPECT_EQ(invalid.out.find("invalid "), std::string::npos) << invalid.out;
  fs::remove_all(dir);
}

TEST(SkillsCliIntegration, MotifLearnedFromTenScenesChangesANewScene) {
  const fs::path dir = FreshDir("scenes");
  const std::string lib = (dir / "lib.sqlite").string();
  const fs::path examples = fs::path(SCENECRAFT_SOURCE_DIR) / "examples" / "skills";
  CliResult learn =
      Scenecraft(dir, {"learn", "--from-scenes", (examples / "scenes").string(), "--library", lib});
  ASSERT_EQ(learn.code, 0) << learn.out;
  EXPECT_NE(learn.out.find("accepted motif armchair v1"), std::string::npos) << learn.out;
  const fs::path scene = examples / "new_reading_room.json";
  std::vector<std::string> seed = TinyGenerate(scene, dir / "before");
  seed.insert(seed.end(), {"--library", (dir / "seed.sqlite").string()});
  CliResult before = Scenecraft(dir, seed);
  ASSERT_TRUE(before.code == 0 || before.code == 3) << before.out;
  std::vector<std::string> with = TinyGenerate(scene, dir / "with");
  with.insert(with.end(), {"--library", lib});
  CliResult learned = Scenecraft(dir, with);
  ASSERT_TRUE(learned.code == 0 || learned.code == 3) << learned.out;
  const std::set<std::string> seed_only = RelationsOf(dir / "before" / "scene.json");
  const std::set<std::string> with_motif = RelationsOf(dir / "with" / "scene.json");
  EXPECT_FALSE(seed_only.count("near floor_lamp_1 armchair_1"));
  EXPECT_TRUE(with_motif.count("near floor_lamp_1 armchair_1"));
  EXPECT_TRUE(with_motif.count("near end_table_1 armchair_1"));
  EXPECT_NE(ReadFile(dir / "with" / "report.html").find("Skills applied"), std::string::npos);
  fs::remove_all(dir);
}

TEST(SkillsCliIntegration, CorruptLibraryWarnsAndGenerationUsesTheSeed) {
  const fs::path dir = FreshDir("corrupt");
  std::ofstream(dir / "lib.sqlite") << std::string(8192, '\x7f');
  const fs::path scene =
      fs::path(SCENECRAFT_SOURCE_DIR) / "examples" / "skills" / "new_reading_room.json";
  std::vector<std::string> args = TinyGenerate(scene, dir / "out");
  args.insert(args.end(), {"--library", (dir / "lib.sqlite").string()});
  CliResult r = Scenecraft(dir, args);
  ASSERT_TRUE(r.code == 0 || r.code == 3) << r.out;
  EXPECT_NE(r.out.find("not a skill library"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("using the seed library"), std::string::npos) << r.out;
  // The damaged file is left as it was: nothing the user made is lost.
  EXPECT_EQ(fs::file_size(dir / "lib.sqlite"), 8192u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft
