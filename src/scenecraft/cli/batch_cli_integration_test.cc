// End to end: the real `scenecraft batch` binary with the real Blender (Workbench, 160x120, no
// revision rounds): a Blender that crashes on one scene fails that scene only, the dataset views
// are written, and a batch killed at random points three times ends with every scene done once.
// Suites contain "Integration" (they start Blender).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "scenecraft/agent/batch.h"
#include "scenecraft/llm/testing/replay_server.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/subprocess.h"

extern char** environ;

namespace scenecraft {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path FreshDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_batch_it_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::vector<std::string> BatchArgs(const fs::path& prompts, const fs::path& out) {
  return {std::string(SCENECRAFT_BINARY_DIR) + "/scenecraft",
          "batch",
          prompts.string(),
          "-o",
          out.string(),
          "--rounds",
          "0",
          "--engine",
          "workbench",
          "--samples",
          "1",
          "--resolution",
          "160x120",
          "--preview-resolution",
          "160x120"};
}

ProcessResult RunBatch(const fs::path& dir, std::vector<std::string> argv) {
  ProcessSpec spec;
  spec.argv = std::move(argv);
  spec.log_path = dir / "batch.log";
  spec.timeout_s = 900;
  RealProcessLauncher launcher;
  return launcher.Run(spec);
}

// Done records per scene id; fails the test on an invalid manifest line.
std::map<std::string, int> DoneRecords(const fs::path& out) {
  const ManifestContents m = ReadManifest(ManifestPath(out));
  EXPECT_TRUE(m.problems.empty()) << m.problems.front();
  std::map<std::string, int> done;
  for (const ManifestRecord& r : m.records) {
    if (r.status == "done") ++done[r.id];
  }
  return done;
}

TEST(BatchIntegration, CrashingBlenderFailsOnlyItsSceneAndViewsAreWritten) {
  const fs::path dir = FreshDir("crash");
  // A wrapper around the real Blender that crashes (SIGSEGV) on the scene whose id says so.
  const char* env_blender = std::getenv("SCENECRAFT_BLENDER");
  const std::string blender = env_blender ? env_blender : FindExecutable("blender").string();
  ASSERT_FALSE(blender.empty()) << "Blender is not installed";
  const fs::path wrapper = dir / "crashing-blender";
  WriteFileAtomic(wrapper, "#!/bin/sh\ncase \"$*\" in *crash-me*) kill -SEGV $$ ;; esac\nexec '" +
                               blender + "' \"$@\"\n");
  fs::permissions(wrapper, fs::perms::owner_all);
  WriteFileAtomic(dir / "prompts.jsonl",
                  "{\"id\": \"lamp\", \"prompt\": \"A lamp on a wooden desk.\"}\n"
                  "{\"id\": \"crash-me\", \"prompt\": \"A bed with a nightstand next to it.\"}\n"
                  "{\"id\": \"dining\", \"prompt\": \"A table with two chairs around it.\"}\n");
  const fs::path out = dir / "out";
  std::vector<std::string> argv = BatchArgs(dir / "prompts.jsonl", out);
  for (const char* a : {"--jobs", "2", "--views", "2", "--export-gltf", "--blender"}) {
    argv.push_back(a);
  }
  argv.push_back(wrapper.string());
  ProcessResult first = RunBatch(dir, argv);
  EXPECT_TRUE(first.started);
  EXPECT_EQ(first.exit_code, 1) << ReadFile(dir / "batch.log");  // not every scene is done

  std::map<std::string, int> done = DoneRecords(out);
  EXPECT_EQ(done, (std::map<std::string, int>{{"dining", 1}, {"lamp", 1}}));
  const ManifestContents m = ReadManifest(ManifestPath(out));
  ASSERT_EQ(m.records.size(), 3u);
  for (const ManifestRecord& r : m.records) {
    if (r.id != "crash-me") continue;
    EXPECT_EQ(r.status, "failed");
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.error.find("signal 11"), std::string::npos) << r.error;
  }
  EXPECT_FALSE(fs::exists(out / "crash-me"));
  EXPECT_TRUE(fs::exists(out / ".batch" / "failed" / "crash-me.attempt1"));

  // The dataset outputs of a finished scene: glTF, views with cameras, segmentation and depth.
  const fs::path lamp = out / "lamp";
  EXPECT_TRUE(fs::exists(lamp / "scene.glb"));
  for (const char* f : {"view_00.png", "view_01.png", "view_00_index.exr", "view_01_depth.exr"}) {
    EXPECT_TRUE(fs::exists(lamp / f)) << f;
  }
  const json cameras = json::parse(ReadFile(lamp / "cameras.json"));
  ASSERT_EQ(cameras["views"].size(), 2u);
  ASSERT_EQ(cameras["instances"].size(), 2u);  // the lamp and the desk
  for (const json& view : cameras["views"]) {
    EXPECT_EQ(view["width"], 160);
    EXPECT_NEAR(view["K"][0][2].get<double>(), 80.0, 1e-9);
    EXPECT_GT(view["K"][0][0].get<double>(), 0.0);
    ASSERT_EQ(view["world_from_camera_opencv"].size(), 4u);
    int visible = 0;
    for (const auto& [id, pixels] : view["visible_pixels"].items()) visible += pixels.get<int>();
    EXPECT_GT(visible, 0) << view.dump();  // the segmentation sees the objects
  }
  // The two cameras stand in different places.
  EXPECT_NE(cameras["views"][0]["position"], cameras["views"][1]["position"]);

  // Re-running resumes: only the failed scene is tried again.
  ProcessResult second = RunBatch(dir, argv);
  EXPECT_EQ(second.exit_code, 1);
  const ManifestContents again = ReadManifest(ManifestPath(out));
  ASSERT_EQ(again.records.size(), 4u);
  EXPECT_EQ(again.records[3].id, "crash-me");
  EXPECT_EQ(again.records[3].attempt, 2);
  fs::remove_all(dir);
}

// Starts the batch in its own process group (so that killing the group kills it and its workers).
pid_t StartInGroup(const std::vector<std::string>& argv, const fs::path& log) {
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (std::string& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    FILE* out = std::freopen(log.c_str(), "a", stdout);
    if (out != nullptr) dup2(fileno(out), STDERR_FILENO);
    execve(pointers[0], pointers.data(), environ);
    _exit(127);
  }
  setpgid(pid, pid);
  return pid;
}

TEST(BatchIntegration, KilledAtRandomPointsThreeTimesEverySceneIsDoneOnce) {
  const fs::path dir = FreshDir("kill");
  WriteFileAtomic(dir / "prompts.jsonl",
                  "{\"id\": \"a\", \"prompt\": \"A lamp on a wooden desk.\"}\n"
                  "{\"id\": \"b\", \"prompt\": \"A sofa facing a TV.\"}\n"
                  "{\"id\": \"c\", \"prompt\": \"A table with two chairs around it.\"}\n"
                  "{\"id\": \"d\", \"prompt\": \"A bed with a nightstand next to it.\"}\n"
                  "{\"id\": \"e\", \"prompt\": \"A bookshelf against the wall.\"}\n"
                  "{\"id\": \"f\", \"prompt\": \"A plant next to an armchair.\"}\n");
  const fs::path out = dir / "out";
  std::vector<std::string> argv = BatchArgs(dir / "prompts.jsonl", out);
  argv.push_back("--jobs");
  argv.push_back("2");
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> when_s(0.5, 8.0);
  for (int kill_round = 0; kill_round < 3; ++kill_round) {
    const double after_s = when_s(rng);
    const pid_t pid = StartInGroup(argv, dir / "batch.log");
    std::this_thread::sleep_for(std::chrono::duration<double>(after_s));
    kill(-pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    SCOPED_TRACE("seed " + std::to_string(seed) + ", kill " + std::to_string(kill_round) +
                 " after " + std::to_string(after_s) + " s");
    for (const auto& [id, n] : DoneRecords(out)) EXPECT_EQ(n, 1) << id;
  }
  const ProcessResult last = RunBatch(dir, argv);
  EXPECT_EQ(last.exit_code, 0) << "seed " << seed << "\n" << ReadFile(dir / "batch.log");
  const std::map<std::string, int> done = DoneRecords(out);
  EXPECT_EQ(done, (std::map<std::string, int>{
                      {"a", 1}, {"b", 1}, {"c", 1}, {"d", 1}, {"e", 1}, {"f", 1}}))
      << "seed " << seed;
  for (const auto& [id, n] : done) {
    EXPECT_TRUE(fs::exists(out / id / "render.png")) << id;
    EXPECT_TRUE(fs::exists(out / id / "scene.json")) << id;
  }
  const BatchStatus status = ReadBatchStatus(out);
  EXPECT_EQ(status.done, 6);
  EXPECT_TRUE(status.problems.empty());
  fs::remove_all(dir);
}

TEST(BatchIntegration, LlmPlannerAndCriticServeEveryWorkerWithoutTheKeyInAnyFile) {
  // Two variations of one prompt, made by two worker processes that read the backends from the
  // plan; the key comes from the environment and must not be written anywhere.
  const fs::path dir = FreshDir("llm");
  testing::ReplayServer server("ok");
  const std::string key = "sk-batch-SECRET-41c2";
  WriteFileAtomic(dir / "prompts.jsonl",
                  nlohmann::json{{"id", "room"}, {"prompt", testing::kReplayPrompt}}.dump() + "\n");
  const fs::path out = dir / "out";
  std::vector<std::string> argv = BatchArgs(dir / "prompts.jsonl", out);
  for (const char* arg : {"--seeds", "2", "--jobs", "2", "--planner", "llm", "--critic", "vlm",
                          "--llm-model", "replay-model", "--no-cache"}) {
    argv.push_back(arg);
  }
  argv.push_back("--llm-url");
  argv.push_back(server.base_url());
  ProcessSpec spec;
  spec.argv = argv;
  spec.env = {{"SCENECRAFT_API_KEY", key},
              {"XDG_CONFIG_HOME", (dir / "config").string()},
              {"XDG_CACHE_HOME", (dir / "cache").string()}};
  spec.log_path = dir / "batch.log";
  spec.timeout_s = 900;
  RealProcessLauncher launcher;
  const ProcessResult run = launcher.Run(spec);
  const std::string log = ReadFile(dir / "batch.log");
  EXPECT_EQ(run.exit_code, 0) << log;
  const std::map<std::string, int> done = DoneRecords(out);
  EXPECT_EQ(done, (std::map<std::string, int>{{"room-s0", 1}, {"room-s1", 1}})) << log;
  int plans = 0;
  int critiques = 0;
  for (const auto& r : server.requests()) {
    EXPECT_EQ(r.authorization, "Bearer " + key);
    plans += r.step == "assets" ? 1 : 0;
    critiques += r.step == "critique" ? 1 : 0;
  }
  EXPECT_EQ(plans, 2);      // each scene planned by the model, once
  EXPECT_GE(critiques, 2);  // and each judged by the vision critic
  for (const auto& [id, n] : done) {
    const nlohmann::json scene = nlohmann::json::parse(ReadFile(out / id / "scene.json"));
    EXPECT_EQ(scene["objects"].size(), 6u) << id;
    EXPECT_TRUE(fs::exists(out / id / "llm_calls.json")) << id;
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    EXPECT_EQ(ReadFile(entry.path()).find(key), std::string::npos) << entry.path();
  }
  if (!HasFailure()) fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft
