// End to end: the real `scenecraft` binary against the LLM replay server on 127.0.0.1, building
// in real Blender (Workbench, small images). Suites contain "Integration" (real servers, Blender).
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "scenecraft/blender/emitter.h"
#include "scenecraft/llm/testing/replay_server.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/strings.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kKey = "sk-e2e-SECRET-7f3a9c";
constexpr const char* kMarker = "/tmp/scenecraft_pwned_marker";

fs::path FreshDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_cli_it_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct CliRun {
  ProcessResult process;
  std::string output;  // stdout and stderr
  json summary;        // the --json summary
  double seconds = 0;
};

// Runs `scenecraft -q generate TEXT --json ARGS...` with a clean config and cache.
CliRun Generate(const fs::path& dir, const std::vector<std::string>& args) {
  ProcessSpec spec;
  spec.argv = {std::string(SCENECRAFT_BINARY_DIR) + "/scenecraft",
               "-q",
               "generate",
               testing::kReplayPrompt,
               "-o",
               (dir / "out").string(),
               "--json",
               // A Blender run takes seconds here; a hung one is stopped well before the test's
               // own limit, so the failure shows Blender's log instead of only a SIGTERM.
               "--blender-timeout",
               "240"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env = {{"SCENECRAFT_API_KEY", kKey},
              {"XDG_CONFIG_HOME", (dir / "config").string()},
              {"XDG_CACHE_HOME", (dir / "cache").string()}};
  spec.log_path = dir / "cli.log";
  spec.timeout_s = 600;
  RealProcessLauncher launcher;
  CliRun run;
  const auto start = std::chrono::steady_clock::now();
  run.process = launcher.Run(spec);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.output = ReadFile(spec.log_path);
  const size_t open = run.output.find("{\n");
  if (open != std::string::npos) {
    run.summary = json::parse(run.output.substr(open), nullptr, /*allow_exceptions=*/false);
  }
  return run;
}

// No file the run wrote holds the API key.
void ExpectNoKeyIn(const fs::path& dir) {
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    EXPECT_EQ(ReadFile(entry.path()).find(kKey), std::string::npos) << entry.path();
  }
}

TEST(LlmGenerateIntegration, LlmPlannerAndVisionCriticBuildARealScene) {
  const fs::path dir = FreshDir("e2e");
  testing::ReplayServer server("ok");
  const CliRun run = Generate(
      dir, {"--planner", "llm", "--critic", "vlm", "--llm-url", server.base_url(), "--llm-model",
            "replay-model", "--rounds", "1", "--engine", "workbench", "--resolution", "320x240"});
  ASSERT_TRUE(run.process.started) << run.process.start_error;
  EXPECT_TRUE(run.process.exit_code == 0 || run.process.exit_code == 3) << run.output;
  ASSERT_TRUE(run.summary.is_object()) << run.output;
  EXPECT_EQ(run.summary["planner"], "llm");
  EXPECT_EQ(run.summary["rendered"], true) << run.output;
  // The planned scene, as validated scene JSON, and what Blender built from it.
  const fs::path out = dir / "out";
  const json scene = json::parse(ReadFile(out / "scene.json"));
  EXPECT_EQ(scene["objects"].size(), 6u);
  EXPECT_GE(scene["relations"].size(), 8u);
  const json readback = json::parse(ReadFile(out / "readback.json"));
  EXPECT_EQ(readback["objects"].size(), 6u);
  EXPECT_TRUE(fs::exists(out / "render.png"));
  // The vision critic saw renders and its findings reached the critique.
  int critiques = 0;
  for (const auto& r : server.requests()) {
    EXPECT_EQ(r.authorization, std::string("Bearer ") + kKey);
    if (r.step != "critique") continue;
    ++critiques;
    EXPECT_NE(r.body.find("data:image/png;base64,iVBORw0KGg"), std::string::npos);
  }
  EXPECT_GE(critiques, 2);  // round 0 and the final render
  bool composition = false;
  for (const json& f : run.summary["critique"]["findings"]) {
    composition |= f["kind"] == "composition" && f["source"] == "vlm";
  }
  EXPECT_TRUE(composition) << run.summary.dump(1);
  // Calls are recorded, the transcript is kept, and the key is in no file.
  const json calls = json::parse(ReadFile(out / "llm_calls.json"));
  EXPECT_EQ(calls.size(), 5u + critiques);
  // ... and shown in the report, one row per call.
  const std::string report = ReadFile(out / "report.html");
  EXPECT_NE(report.find("<h2>Model calls</h2><p>" + std::to_string(calls.size()) + " calls"),
            std::string::npos);
  EXPECT_NE(report.find("<td>critique"), std::string::npos);
  EXPECT_TRUE(fs::exists(out / "llm_transcript.jsonl"));
  ExpectNoKeyIn(dir);
  EXPECT_EQ(run.output.find(kKey), std::string::npos);
  if (!HasFailure()) fs::remove_all(dir);  // keep the files of a failing run
}

TEST(LlmSafetyIntegration, HostileRepliesNeverRunOrReachTheScriptSource) {
  const fs::path dir = FreshDir("hostile");
  fs::remove(kMarker);
  testing::ReplayServer server("hostile");
  const CliRun run = Generate(
      dir, {"--planner", "llm", "--critic", "both", "--llm-url", server.base_url(), "--llm-model",
            "replay-model", "--rounds", "0", "--engine", "workbench", "--resolution", "160x120"});
  ASSERT_TRUE(run.summary.is_object()) << run.output;
  // The Python reply was rejected as not JSON and repaired; the hostile strings are data.
  EXPECT_EQ(run.summary["planner"], "llm") << run.output;
  EXPECT_EQ(run.summary["rendered"], true) << run.output;
  EXPECT_FALSE(fs::exists(kMarker));
  const std::string script = ReadFile(dir / "out" / "scene.py");
  const std::string open = "json.loads(r'''";
  const size_t begin = script.find(open);
  ASSERT_NE(begin, std::string::npos);
  const size_t end = script.find("''')", begin + open.size());
  ASSERT_NE(end, std::string::npos);
  // Apart from the JSON literal, the script is the template (script/*.py joined), byte for byte.
  const std::string literal = script.substr(begin + open.size(), end - begin - open.size());
  std::string code = script;
  code.replace(begin + open.size(), literal.size(), "@SCENE_JSON@");
  EXPECT_EQ(code, std::string(SceneScriptTemplate()));
  // And the literal carries the hostile text as strings.
  const json data = json::parse(literal);
  bool found_description = false;
  bool found_id = false;
  for (const json& o : data["objects"]) {
    found_description |=
        o["description"].get<std::string>().find(
            "os.system('touch /tmp/scenecraft_pwned_marker')") != std::string::npos;
    found_id |= o["id"].get<std::string>().find("__import__('os')") != std::string::npos;
  }
  EXPECT_TRUE(found_description);
  EXPECT_TRUE(found_id);
  // Nothing outside the output directory was written by the reply's instructions.
  for (const auto& entry : fs::recursive_directory_iterator(dir / "out")) {
    EXPECT_EQ(entry.path().filename().string().find("pwned"), std::string::npos) << entry.path();
  }
  if (!HasFailure()) fs::remove_all(dir);  // keep the files of a failing run
}

TEST(LlmFallbackIntegration, UnreachableEndpointFallsBackToOfflineAndKeepsTheResult) {
  const fs::path dir = FreshDir("unreachable");
  const CliRun run = Generate(dir, {"--planner", "llm", "--llm-url", "http://127.0.0.1:9/v1",
                                    "--llm-model", "any", "--blender", "/nonexistent/blender"});
  ASSERT_TRUE(run.summary.is_object()) << run.output;
  EXPECT_EQ(run.summary["planner"], "llm->offline");
  EXPECT_NE(run.summary["warnings"][0].get<std::string>().find("Couldn't connect"),
            std::string::npos)
      << run.summary.dump(1);
  EXPECT_TRUE(fs::exists(dir / "out" / "scene.py"));
  EXPECT_LT(run.seconds, 30.0);
  if (!HasFailure()) fs::remove_all(dir);  // keep the files of a failing run
}

TEST(LlmFallbackIntegration, WrongKeySaysWhatToFix) {
  const fs::path dir = FreshDir("unauthorized");
  testing::ReplayServer server("unauthorized");
  const CliRun run = Generate(dir, {"--planner", "llm", "--llm-url", server.base_url(),
                                    "--llm-model", "m", "--blender", "/nonexistent/blender"});
  ASSERT_TRUE(run.summary.is_object()) << run.output;
  EXPECT_EQ(run.summary["planner"], "llm->offline");
  EXPECT_NE(run.summary["warnings"][0].get<std::string>().find("SCENECRAFT_API_KEY"),
            std::string::npos);
  EXPECT_EQ(server.requests().size(), 1u);
  ExpectNoKeyIn(dir);
  if (!HasFailure()) fs::remove_all(dir);  // keep the files of a failing run
}

}  // namespace
}  // namespace scenecraft
