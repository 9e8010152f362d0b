// The real `scenecraft` binary on hostile asset folders (issue 11, findings 1, 2, 11-14): what a
// user meets when a library or model folder in --assets is hostile or broken, when HOME is unset,
// and when two runs share one cache. No Blender: `build` resolves assets, extracts models and
// writes the script, which is where these files are read and written.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "scenecraft/assets/test_zip.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

// A fresh folder for one test, with an empty lib/ for its libraries.
fs::path FreshDir(const std::string& name) {
  const fs::path dir = testing::TempDir("assets_cli_" + name + "_" + std::to_string(getpid()));
  fs::create_directories(dir / "lib");
  return dir;
}

struct CliRun {
  ProcessResult process;
  std::string output;  // stdout and stderr
};

// Runs the binary under `env -u HOME -u ...` style control of the environment: `unset` names
// variables removed, `set` ones given.
CliRun Scenecraft(const fs::path& log, const std::vector<std::string>& args,
                  const std::vector<std::string>& unset = {},
                  const std::vector<std::pair<std::string, std::string>>& set = {}) {
  ProcessSpec spec;
  spec.argv = {"env"};
  for (const std::string& u : unset) spec.argv.insert(spec.argv.end(), {"-u", u});
  for (const auto& [k, v] : set) spec.argv.push_back(k + "=" + v);
  spec.argv.push_back(std::string(SCENECRAFT_BINARY_DIR) + "/scenecraft");
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.log_path = log;
  spec.timeout_s = 300;
  RealProcessLauncher launcher;
  CliRun run;
  run.process = launcher.Run(spec);
  run.output = ReadFile(log);
  return run;
}

// A scene of one sofa and one chair, placed, in a room. The sofa names its model (an asset id of
// the index) when `sofa_asset` is given: a scene file may do so, and retrieval only takes models
// of a folder's own kind from an --assets folder, not the .sh3f libraries in it.
fs::path WriteScene(const fs::path& dir, const std::string& sofa_asset = "") {
  nlohmann::json sofa = {{"id", "sofa_1"},
                         {"category", "sofa"},
                         {"pose", {{"x", 0}, {"y", 1}, {"z", 0}, {"yaw_deg", 0}}}};
  if (!sofa_asset.empty()) sofa["asset"] = {{"source", "sh3d"}, {"id", sofa_asset}};
  const nlohmann::json doc = {{"schema", 1},
                              {"environment", {{"kind", "room"}, {"size_m", {5, 4, 2.8}}}},
                              {"objects",
                               {sofa,
                                {{"id", "chair_1"},
                                 {"category", "chair"},
                                 {"pose", {{"x", 1.5}, {"y", -1}, {"z", 0}, {"yaw_deg", 0}}}}}},
                              {"relations", nlohmann::json::array()}};
  const fs::path scene = dir / "scene.json";
  WriteFileAtomic(scene, doc.dump(2));
  return scene;
}

// The run imported the sofa's model from the library (it was not replaced by the procedural one).
void ExpectSofaImported(const CliRun& run, const fs::path& extracted) {
  EXPECT_EQ(run.output.find("procedural model instead"), std::string::npos) << run.output;
  EXPECT_TRUE(fs::is_regular_file(extracted)) << extracted << "\n" << run.output;
}

std::map<fs::path, std::string> Snapshot(const fs::path& dir, const std::vector<fs::path>& skip) {
  std::map<fs::path, std::string> out;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
       ++it) {
    if (std::find(skip.begin(), skip.end(), it->path()) != skip.end()) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() || it->is_symlink()) out[it->path()] = ReadFile(it->path());
  }
  return out;
}

nlohmann::json AssetOf(const fs::path& scene_json, const std::string& id) {
  const nlohmann::json doc = nlohmann::json::parse(ReadFile(scene_json));
  for (const nlohmann::json& o : doc["objects"]) {
    if (o["id"] == id) return o.value("asset", nlohmann::json());
  }
  return nlohmann::json();
}

// Finding 1: a library's model names point outside the cache; finding 2b: one has no extension.
TEST(AssetsCliIntegration, HostileLibraryWritesNothingOutsideTheCache) {
  const fs::path dir = FreshDir("hostile");
  const fs::path victim = dir / "victim.obj";
  WriteFileAtomic(victim, "precious user file\n");
  const std::string climb = "/" + [] {
    std::string s;
    for (int i = 0; i < 30; ++i) s += "../";
    return s;
  }() + victim.relative_path().string();
  testing::WriteZip(dir / "lib" / "evil.sh3f",
                    {{"PluginFurnitureCatalog.properties",
                      testing::Catalog({"E#sofa|Sofa||200|90|85|" + climb,
                                        "E#couch|Couch sofa||200|90|85|/" + victim.string(),
                                        "E#chair|Chair||45|50|90|evil/chair"})},
                     {climb.substr(1), "overwritten\n"},
                     {victim.string(), "overwritten\n"},
                     {"evil/chair", testing::BoxObj(45, 90, 50)}});
  const fs::path scene = WriteScene(dir, "sh3d:evil/E#sofa");
  const auto before = Snapshot(dir, {dir / "cache", dir / "out"});
  const CliRun run =
      Scenecraft(dir / "log.txt",
                 {"build", scene.string(), "-o", (dir / "out").string(), "--assets",
                  (dir / "lib").string() + ",procedural", "--cache-dir", (dir / "cache").string()});
  EXPECT_EQ(run.process.exit_code, 0) << run.output;
  EXPECT_EQ(ReadFile(victim), "precious user file\n");
  // Nothing outside cache/ and out/ changed or appeared (the log is the test's own).
  auto after = Snapshot(dir, {dir / "cache", dir / "out"});
  after.erase(dir / "log.txt");
  EXPECT_EQ(after, before);
  for (const char* entry : {"entry E#sofa", "entry E#couch", "entry E#chair"}) {
    EXPECT_NE(run.output.find(entry), std::string::npos) << entry << "\n" << run.output;
  }
  EXPECT_NE(run.output.find("model sh3d:evil/E#sofa is not in the asset index"), std::string::npos)
      << run.output;
}

// Finding 12: a library entry that expands beyond the limit is refused by name, the object gets
// its procedural model, and the run does not expand it (peak memory: docs/ASSETS.md).
TEST(AssetsCliIntegration, ZipBombIsRefusedNamingLibraryAndEntry) {
  const fs::path dir = FreshDir("bomb");
  testing::WriteZipWithZeros(dir / "lib" / "bomb.sh3f",
                             {{"PluginFurnitureCatalog.properties",
                               testing::Catalog({"B#sofa|Sofa||200|90|85|b/sofa.obj"})},
                              {"b/sofa.obj", testing::BoxObj(200, 85, 90, "sofa.mtl")},
                              {"b/sofa.mtl", "newmtl m\nmap_Kd fabric.jpg\n"}},
                             {{"b/fabric.jpg", int64_t{200} << 20}});
  EXPECT_LT(fs::file_size(dir / "lib" / "bomb.sh3f"), 1u << 20);
  const fs::path scene = WriteScene(dir, "sh3d:bomb/B#sofa");
  const CliRun run =
      Scenecraft(dir / "log.txt",
                 {"build", scene.string(), "-o", (dir / "out").string(), "--assets",
                  (dir / "lib").string() + ",procedural", "--cache-dir", (dir / "cache").string()});
  EXPECT_EQ(run.process.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("bomb.sh3f: entry 'b/fabric.jpg' refused: it expands to more than "
                            "128 MiB"),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("object sofa_1 uses the procedural model instead"), std::string::npos)
      << run.output;
  EXPECT_FALSE(fs::exists(dir / "cache" / "models" / "sh3d" / "bomb" / "b" / "fabric.jpg"));
}

// Finding 11: a user model naming files outside its folder is not indexed, with a warning that
// names it and quotes nothing of the outside file.
TEST(AssetsCliIntegration, UserModelReferencingOutsideFilesIsRefused) {
  const fs::path dir = FreshDir("user");
  WriteFileAtomic(dir / "private.mtl", "newmtl m\n# PRIVATE-CONTENT\n");
  WriteFileAtomic(dir / "models" / "sofa.obj", testing::BoxObj(2, 0.85, 0.9, "../private.mtl"));
  // Beside it, a chair that uses its own MTL: it is chosen, so the folder itself works.
  WriteFileAtomic(dir / "models" / "chair.obj", testing::BoxObj(0.45, 0.9, 0.5, "chair.mtl"));
  WriteFileAtomic(dir / "models" / "chair.mtl", "newmtl m\nKd 0.5 0.3 0.1\n");
  const fs::path scene = WriteScene(dir);
  const CliRun run =
      Scenecraft(dir / "log.txt", {"build", scene.string(), "-o", (dir / "out").string(),
                                   "--assets", (dir / "models").string() + ",procedural",
                                   "--cache-dir", (dir / "cache").string()});
  EXPECT_EQ(run.process.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("sofa.obj: refused file name '../private.mtl'"), std::string::npos)
      << run.output;
  EXPECT_EQ(run.output.find("PRIVATE-CONTENT"), std::string::npos) << run.output;
  EXPECT_EQ(AssetOf(dir / "out" / "scene.json", "sofa_1")["source"], "procedural");
  EXPECT_EQ(AssetOf(dir / "out" / "scene.json", "chair_1")["source"], "user");
}

// Finding 13: with HOME and XDG_CACHE_HOME unset the cache is <tmp>/scenecraft-cache-<uid>, made
// 0700; a folder of that name that is not the user's own private folder is refused.
TEST(AssetsCliIntegration, CacheWithoutHomeIsPrivateOrRefused) {
  const fs::path dir = FreshDir("nohome");
  const fs::path tmp = dir / "tmp";
  fs::create_directories(tmp);
  testing::WriteZip(dir / "lib" / "lib.sh3f",
                    {{"PluginFurnitureCatalog.properties",
                      testing::Catalog({"L#sofa|Sofa||200|90|85|l/sofa.obj"})},
                     {"l/sofa.obj", testing::BoxObj(200, 85, 90)}});
  const fs::path scene = WriteScene(dir, "sh3d:lib/L#sofa");
  const std::vector<std::string> args = {"build",    scene.string(),
                                         "-o",       (dir / "out").string(),
                                         "--assets", (dir / "lib").string() + ",procedural"};
  const std::vector<std::string> unset = {"HOME", "XDG_CACHE_HOME", "SCENECRAFT_CACHE_DIR"};
  const fs::path cache = tmp / ("scenecraft-cache-" + std::to_string(geteuid()));
  const CliRun ok = Scenecraft(dir / "log1.txt", args, unset, {{"TMPDIR", tmp.string()}});
  EXPECT_EQ(ok.process.exit_code, 0) << ok.output;
  struct stat st {};
  ASSERT_EQ(lstat(cache.c_str(), &st), 0) << ok.output;
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EXPECT_TRUE(fs::exists(cache / "assets.sqlite"));
  ExpectSofaImported(ok, cache / "models" / "sh3d" / "lib" / "l" / "sofa.obj");

  // Someone made that folder first, open to all (or as another user): refused, exit 1.
  fs::remove_all(cache);
  fs::create_directory(cache);
  fs::permissions(cache, fs::perms::all);
  if (geteuid() == 0) {
    ASSERT_EQ(chown(cache.c_str(), 65534, 65534), 0);
  }
  const CliRun refused = Scenecraft(dir / "log2.txt", args, unset, {{"TMPDIR", tmp.string()}});
  EXPECT_EQ(refused.process.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("refusing to use '" + cache.string() + "' as a private folder"),
            std::string::npos)
      << refused.output;
  EXPECT_TRUE(fs::is_empty(cache));
}

// Finding 14: two runs at once on one cache both use the library (no "database is locked", no
// silent procedural fallback); an index that cannot be used at all stops `generate` with exit 1.
TEST(AssetsCliIntegration, TwoRunsShareOneCacheAndABrokenIndexIsAnError) {
  const fs::path dir = FreshDir("concurrent");
  // Enough entries that indexing takes a while and the two runs overlap.
  std::vector<std::string> rows = {"C#sofa|Sofa||200|90|85|c/sofa.obj"};
  for (int i = 0; i < 3000; ++i) {
    rows.push_back("C#t" + std::to_string(i) + "|Side table " + std::to_string(i) +
                   "||50|50|60|c/sofa.obj");
  }
  testing::WriteZip(dir / "lib" / "big.sh3f",
                    {{"PluginFurnitureCatalog.properties", testing::Catalog(rows)},
                     {"c/sofa.obj", testing::BoxObj(200, 85, 90)}});
  const fs::path scene = WriteScene(dir, "sh3d:big/C#sofa");
  CliRun runs[2];
  std::thread threads[2];
  for (int i = 0; i < 2; ++i) {
    threads[i] = std::thread([&, i] {
      runs[i] = Scenecraft(
          dir / ("log" + std::to_string(i) + ".txt"),
          {"build", scene.string(), "-o", (dir / ("out" + std::to_string(i))).string(), "--assets",
           (dir / "lib").string() + ",procedural", "--cache-dir", (dir / "cache").string()});
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(runs[i].process.exit_code, 0) << runs[i].output;
    EXPECT_EQ(runs[i].output.find("locked"), std::string::npos) << runs[i].output;
    ExpectSofaImported(runs[i], dir / "cache" / "models" / "sh3d" / "big" / "c" / "sofa.obj");
  }

  // A cache whose index is not a database: generate stops before any Blender round.
  WriteFileAtomic(dir / "broken" / "assets.sqlite", std::string(4096, 'x'));
  const CliRun broken = Scenecraft(
      dir / "log_broken.txt",
      {"generate", "A sofa in a room.", "-o", (dir / "out_broken").string(), "--assets",
       (dir / "lib").string() + ",procedural", "--cache-dir", (dir / "broken").string()});
  EXPECT_EQ(broken.process.exit_code, 1) << broken.output;
  EXPECT_NE(broken.output.find("asset index"), std::string::npos) << broken.output;
  EXPECT_NE(broken.output.find("--assets procedural builds without the index"), std::string::npos)
      << broken.output;
  EXPECT_FALSE(fs::exists(dir / "out_broken" / "render.png"));
}

}  // namespace
}  // namespace scenecraft
