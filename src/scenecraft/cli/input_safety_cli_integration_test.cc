// Issue 11, the input side, where the user meets it: the real `scenecraft` binary on real files,
// the LLM replay server on 127.0.0.1 and real Blender. Hostile or careless input gets a clear
// error and an exit code the README documents; never an abort (134), a secret in a file, a
// control sequence on the terminal, or minutes of Blender.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "scenecraft/llm/testing/replay_server.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/strings.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kKey = "sk-safety-SECRET-5d1e77b2c9";

fs::path FreshDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_safety_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct CliResult {
  int exit_code = -1;
  int signal = 0;
  std::string output;  // stdout and stderr
  double seconds = 0;
};

// Runs `scenecraft ARGS...` with a clean config and cache in `dir`.
CliResult Scenecraft(const fs::path& dir, const std::vector<std::string>& args) {
  ProcessSpec spec;
  spec.argv = {std::string(SCENECRAFT_BINARY_DIR) + "/scenecraft"};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env = {{"SCENECRAFT_API_KEY", kKey},
              {"XDG_CONFIG_HOME", (dir / "config").string()},
              {"XDG_CACHE_HOME", (dir / "cache").string()},
              {"SCENECRAFT_CACHE_DIR", (dir / "cache").string()}};
  spec.log_path = dir / "cli.log";
  spec.timeout_s = 600;
  RealProcessLauncher launcher;
  const ProcessResult result = launcher.Run(spec);
  EXPECT_TRUE(result.started) << result.start_error;
  CliResult run;
  run.exit_code = result.exit_code;
  run.signal = result.signal;
  run.seconds = result.wall_s;
  run.output = ReadFile(spec.log_path);
  return run;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A one-object scene file with `environment` members and extra `object` members.
fs::path SceneFile(const fs::path& dir, const std::string& environment,
                   const std::string& object = "", const std::string& name = "scene.json") {
  const fs::path path = dir / name;
  WriteFileAtomic(path, R"({"schema": 1, "environment": {)" + environment +
                            R"(}, "objects": [{"id": "chair_1", "category": "chair")" +
                            (object.empty() ? "" : ", " + object) + "}]}\n");
  return path;
}

TEST(SafetyCliIntegration, NumbersBeyondADoubleAreErrorsNotAborts) {
  const fs::path dir = FreshDir("overflow");
  // A scene file: solve and generate stop with the place of the number.
  const fs::path scene = SceneFile(dir, R"("kind": "room", "size_m": [1e400, 4, 3])");
  for (const std::string command : {"solve", "generate"}) {
    const CliResult run = Scenecraft(dir, {command, scene.string(), "-o", (dir / "out").string()});
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_EQ(run.signal, 0);
    EXPECT_TRUE(Has(run.output, "scene.json:1:58: invalid JSON: number overflow parsing '1e400'"))
        << run.output;
  }
  EXPECT_FALSE(fs::exists(dir / "out" / "scene.py"));
  // An integer where one is expected, too large for any integer type.
  WriteFileAtomic(dir / "results.json", R"({"schema": 1, "environment": {"kind": "room"},
      "objects": [], "relations": [], "results": [{"relation": 1e300, "score": 1}]})");
  const CliResult results = Scenecraft(dir, {"solve", (dir / "results.json").string()});
  EXPECT_EQ(results.exit_code, 1);
  EXPECT_TRUE(Has(results.output, "/results/0/relation: expected an integer from 0 to 5000"))
      << results.output;
  // llm.json.
  WriteFileAtomic(dir / "llm.json", R"({"model": "m", "max_calls": 1e400})");
  const CliResult config = Scenecraft(
      dir, {"plan", "--planner", "llm", "--llm-config", (dir / "llm.json").string(), "A chair."});
  EXPECT_EQ(config.exit_code, 1) << config.output;
  EXPECT_TRUE(Has(config.output, "llm.json:1:29: invalid JSON: number overflow")) << config.output;
  // A model's sidecar: the model is skipped with a warning, the index is built.
  fs::create_directories(dir / "models");
  WriteFileAtomic(dir / "models" / "box.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
  WriteFileAtomic(dir / "models" / "box.obj.json", R"({"category": "box", "scale": 1e400})");
  const CliResult index = Scenecraft(dir, {"assets", "index", (dir / "models").string()});
  EXPECT_EQ(index.signal, 0);
  EXPECT_NE(index.exit_code, 134);
  EXPECT_TRUE(Has(index.output, "number overflow parsing '1e400'")) << index.output;
  fs::create_directories(dir / "models2");
  fs::copy_file(dir / "models" / "box.obj", dir / "models2" / "box.obj");
  WriteFileAtomic(dir / "models2" / "box.obj.json", R"({"category": "box", "scale": 1e300})");
  const CliResult scale = Scenecraft(dir, {"assets", "index", (dir / "models2").string()});
  EXPECT_TRUE(Has(scale.output, "/scale: must be from 0.000001 to 1000")) << scale.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(SafetyCliIntegration, HugeScenesAndStringsAreRefusedAtOnce) {
  const fs::path dir = FreshDir("limits");
  std::string objects;
  for (int i = 0; i < 5000; ++i) {
    objects += std::string(i ? "," : "") + R"({"id": "box_)" + std::to_string(i) +
               R"(", "category": "box"})";
  }
  WriteFileAtomic(dir / "many.json",
                  R"({"schema": 1, "environment": {"kind": "outdoor", "size_m": [100, 100]},
                      "objects": [)" +
                      objects + "]}");
  const CliResult many = Scenecraft(dir, {"generate", (dir / "many.json").string(), "-o",
                                          (dir / "out").string(), "--engine", "workbench"});
  EXPECT_EQ(many.exit_code, 1) << many.output;
  EXPECT_TRUE(Has(many.output, "/objects: 5000 objects; at most 500")) << many.output;
  EXPECT_LT(many.seconds, 10.0);
  const fs::path category = SceneFile(dir, R"("kind": "room")", "", "category.json");
  WriteFileAtomic(category, ReplaceAll(ReadFile(category), "\"chair\"",
                                       "\"" + std::string(100000, 'c') + "\""));
  const CliResult long_category = Scenecraft(
      dir, {"generate", category.string(), "-o", (dir / "out").string(), "--engine", "workbench"});
  EXPECT_EQ(long_category.exit_code, 1);
  EXPECT_TRUE(Has(long_category.output, "/objects/0/category: is 100000 bytes long; at most 100"))
      << long_category.output;
  EXPECT_LT(long_category.output.size(), 2000u);
  EXPECT_FALSE(fs::exists(dir / "out" / "scene.py"));
  // A description asking for more objects than a scene may hold is refused, not cut to ten.
  const CliResult chairs = Scenecraft(dir, {"plan", "Ten thousand chairs in a hall."});
  EXPECT_EQ(chairs.exit_code, 1) << chairs.output;
  EXPECT_TRUE(Has(chairs.output, "the description asks for more than 500 objects"))
      << chairs.output;
  EXPECT_TRUE(Has(chairs.output, "alone is 10000")) << chairs.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(SafetyCliIntegration, AbsurdRoomPoseCameraAndOpeningValuesNeverReachBlender) {
  const fs::path dir = FreshDir("absurd");
  struct Case {
    std::string environment, object, expected;
  };
  const std::vector<Case> cases = {
      {R"("kind": "room", "size_m": [5, 4, 1e308])", "", "/environment/size_m: size"},
      {R"("kind": "room")", R"("pose": {"x": 1e12, "y": 0, "z": 0})", "/objects/0/pose: position"},
      {R"("kind": "room")", R"("pose": {"x": 0, "y": 0, "z": 0, "yaw_deg": 1e308})",
       "/objects/0/pose/yaw_deg: must be within"},
      {R"("kind": "room", "size_m": [5, 4, 2.8], "openings": [{"kind": "window", "wall": "left",
          "offset_m": 30, "width_m": 1}])",
       "", "/environment/openings/0/offset_m: the opening"},
  };
  for (const Case& c : cases) {
    const fs::path scene = SceneFile(dir, c.environment, c.object);
    const CliResult run = Scenecraft(dir, {"generate", scene.string(), "-o", (dir / "out").string(),
                                           "--engine", "workbench", "--rounds", "0"});
    EXPECT_EQ(run.exit_code, 1) << run.output;
    EXPECT_TRUE(Has(run.output, c.expected)) << run.output;
    EXPECT_FALSE(Has(run.output, "Traceback"));
    EXPECT_FALSE(fs::exists(dir / "out" / "scene.py")) << c.expected;
  }
  WriteFileAtomic(dir / "camera.json", R"({"schema": 1, "environment": {"kind": "room"},
      "objects": [{"id": "chair_1", "category": "chair"}],
      "camera": {"position": [0, -3, 1.5], "target": [0, 0, 0.5], "fov_deg": 0}})");
  const CliResult camera = Scenecraft(dir, {"generate", (dir / "camera.json").string(), "-o",
                                            (dir / "out").string(), "--engine", "workbench"});
  EXPECT_EQ(camera.exit_code, 1);
  EXPECT_TRUE(Has(camera.output, "/camera/fov_deg: must be in (1, 170)")) << camera.output;
  // NaN on the command line is a usage error too.
  const CliResult room =
      Scenecraft(dir, {"generate", "A chair.", "--room", "nanx4x3", "-o", (dir / "out").string()});
  EXPECT_EQ(room.exit_code, 2) << room.output;
  EXPECT_TRUE(Has(room.output, "--room: (nan, 4, 3) m is not a plausible room")) << room.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(SafetyCliIntegration, AMistypedFileArgumentIsAnErrorNotEnglish) {
  const fs::path dir = FreshDir("mistyped");
  for (const std::string argument : {"chair.json", "scenes/living_room", "corpus.JSONL"}) {
    const CliResult run = Scenecraft(dir, {"generate", argument, "-o", (dir / "out").string()});
    EXPECT_EQ(run.exit_code, 2) << run.output;
    EXPECT_TRUE(Has(run.output, "'" + argument + "' looks like a file name, but there is no such"))
        << run.output;
    const CliResult plan = Scenecraft(dir, {"plan", argument});
    EXPECT_EQ(plan.exit_code, 2) << plan.output;
  }
  EXPECT_FALSE(fs::exists(dir / "out"));
  // Sentences with a slash or a file name inside are still English.
  const CliResult sentence = Scenecraft(dir, {"plan", "A table with two chairs/stools."});
  EXPECT_EQ(sentence.exit_code, 0) << sentence.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(SafetyCliIntegration, ExitCodesAreTheReadmes) {
  const fs::path dir = FreshDir("exit_codes");
  const std::string out = (dir / "out").string();
  struct Case {
    std::vector<std::string> args;
    int code;
  };
  const std::vector<Case> cases = {
      {{"generate", "A chair.", "-o", out, "--rounds", "abc"}, 2},
      {{"generate", "A chair.", "-o", out, "--rounds", "99"}, 2},
      {{"generate", "A chair.", "-o", out, "--rounds", "1e400"}, 2},
      {{"generate", "A chair.", "-o", out, "--samples", "1e400"}, 2},
      {{"generate", "A chair.", "-o", out, "--resolution", "0x0"}, 2},
      {{"generate", "A chair.", "-o", out, "--samples", "-1"}, 2},
      {{"generate", "A chair.", "-o", out, "--stop-after-stagnant", "-2"}, 2},
      {{"generate", "A chair.", "-o", out, "--no-such-flag"}, 2},
      {{"generate"}, 2},
      {{"solve", (dir / "s.json").string(), "--time-budget", "inf"}, 2},
      {{"plan", "--planner", "llm", "--llm-budget", "-1", "A chair."}, 2},
      {{"plan", "--planner", "crystal-ball", "A chair."}, 2},
      {{"solve", (dir / "missing.json").string()}, 1},
      // CLI11 alone wrapped a negative seed and saturated a huge one without a word.
      {{"solve", (dir / "s.json").string(), "--seed", "-1"}, 2},
      {{"generate", "A chair.", "-o", out, "--seed", "99999999999999999999999"}, 2},
      {{"generate", "A chair.", "-o", out, "--preview-resolution", "99999x9"}, 2},
      // Range checks of other commands' flags: usage errors too, not exit 1 or 0.
      {{"batch", (dir / "p.jsonl").string(), "-o", out, "--jobs", "-1"}, 2},
      {{"batch", (dir / "p.jsonl").string(), "-o", out, "--seeds", "0"}, 2},
      {{"assets", "search", "chair", "-n", "-1"}, 2},
      {{"mcp", "--rounds", "-1"}, 2},
      {{"--help"}, 0},
      {{"--version"}, 0},
  };
  SceneFile(dir, R"("kind": "room")", "", "s.json");
  WriteFileAtomic(dir / "p.jsonl", "{\"id\": \"a\", \"prompt\": \"A chair.\"}\n");
  for (const Case& c : cases) {
    const CliResult run = Scenecraft(dir, c.args);
    EXPECT_EQ(run.exit_code, c.code) << Join(c.args, " ") << "\n" << run.output;
  }
  // A flag's message names that flag.
  const CliResult preview =
      Scenecraft(dir, {"generate", "A chair.", "-o", out, "--preview-resolution", "99999x9"});
  EXPECT_TRUE(Has(preview.output, "--preview-resolution: 99999x9 is out of range"))
      << preview.output;
  EXPECT_FALSE(fs::exists(out));
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(SafetyCliIntegration, ControlCharactersReachNeitherTheTerminalNorTheReport) {
  const fs::path dir = FreshDir("controls");
  // ESC ] 0 ; ... BEL sets a terminal's title, ESC [ 2 J clears it; U+202E reverses text.
  const std::string hostile = "\x1b]0;pwned\x07\x1b[2J red \xE2\x80\xAE wooden";
  const CliResult plan = Scenecraft(dir, {"plan", "A chair next to a table." + hostile});
  EXPECT_EQ(plan.exit_code, 0) << plan.output;
  EXPECT_EQ(plan.output.find('\x1b'), std::string::npos) << plan.output;
  EXPECT_EQ(plan.output.find("\xE2\x80\xAE"), std::string::npos) << plan.output;
  // A description is data and may hold them; the terminal and report.html show escapes.
  const fs::path scene = SceneFile(dir, R"("kind": "room")",
                                   R"("description": "red\u001b]0;pwned\u0007\u202e wooden")");
  const CliResult run =
      Scenecraft(dir, {"generate", scene.string(), "-o", (dir / "out").string(), "--rounds", "0",
                       "--engine", "workbench", "--resolution", "160x120", "-v"});
  EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 3) << run.output;
  EXPECT_EQ(run.output.find('\x1b'), std::string::npos) << run.output;
  const std::string report = ReadFile(dir / "out" / "report.html");
  EXPECT_EQ(report.find('\x1b'), std::string::npos);
  EXPECT_EQ(report.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_TRUE(Has(report, "red\\x1b]0;pwned\\x07&lt;U+202E&gt; wooden")) << report;
  // An id with them is refused.
  const fs::path bad_id = SceneFile(dir, R"("kind": "room")", "", "id.json");
  WriteFileAtomic(bad_id, ReplaceAll(ReadFile(bad_id), "chair_1", "chair\\u202e1"));
  const CliResult id = Scenecraft(dir, {"solve", bad_id.string()});
  EXPECT_EQ(id.exit_code, 1);
  EXPECT_TRUE(Has(id.output, "/objects/0/id: object id contains the control character U+202E"))
      << id.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(SafetyCliIntegration, AnUnsatisfiableSceneStopsWhenRoundsBringNothing) {
  const fs::path dir = FreshDir("stagnant");
  // A contradiction no layout can satisfy: each chair left of the other.
  WriteFileAtomic(dir / "scene.json", R"({"schema": 1,
      "environment": {"kind": "room", "size_m": [4, 4, 2.8]},
      "objects": [{"id": "a", "category": "chair"}, {"id": "b", "category": "chair"}],
      "relations": [{"type": "left_of", "objects": ["a", "b"], "hard": true},
                    {"type": "left_of", "objects": ["b", "a"], "hard": true}]})");
  const CliResult run =
      Scenecraft(dir, {"generate", (dir / "scene.json").string(), "-o", (dir / "out").string(),
                       "--rounds", "50", "--stop-after-stagnant", "1", "--engine", "workbench",
                       "--resolution", "160x120", "--json"});
  EXPECT_EQ(run.exit_code, 3) << run.output;
  const size_t open = run.output.find("{\n");
  ASSERT_NE(open, std::string::npos) << run.output;
  const json summary = json::parse(run.output.substr(open), nullptr, false);
  ASSERT_TRUE(summary.is_object()) << run.output;
  // Round 0, then rounds until one brings no better score (--stop-after-stagnant 1); before,
  // all 50 rounds ran at the same score.
  const int rounds = summary["rounds"].get<int>();
  EXPECT_LE(rounds, 4) << run.output;
  const std::string report = ReadFile(dir / "out" / "report.html");
  EXPECT_TRUE(Has(report, "The loop stopped after round " + std::to_string(rounds - 1) +
                              " of 50: 1 round in a row brought no better score"))
      << run.output;
  EXPECT_TRUE(Has(run.output, "1 round in a row brought no better score")) << run.output;
  if (!HasFailure()) fs::remove_all(dir);
}

// Every file under `dir` and the output: no API key.
void ExpectNoKey(const fs::path& dir, const std::string& output) {
  EXPECT_EQ(output.find(kKey), std::string::npos);
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    EXPECT_EQ(ReadFile(entry.path()).find(kKey), std::string::npos) << entry.path();
  }
}

TEST(SafetyLlmCliIntegration, AHundredMegabyteReplyCostsLittleMemoryTimeAndOutput) {
  const fs::path dir = FreshDir("huge_reply");
  testing::ReplayServer server("huge_reply");
  const CliResult run = Scenecraft(dir, {"plan", "--planner", "llm", "--llm-url", server.base_url(),
                                         "--llm-model", "m", "--no-cache", "--json", "A chair."});
  // The children of this test program so far: this one run of scenecraft.
  rusage usage{};
  getrusage(RUSAGE_CHILDREN, &usage);
  EXPECT_EQ(run.exit_code, 0) << run.output;  // the offline planner took over
  EXPECT_TRUE(Has(run.output, "the reply is larger than 8388608 bytes")) << run.output;
  EXPECT_LT(run.output.size(), 20000u);
  EXPECT_LT(run.seconds, 30.0);
  EXPECT_LT(usage.ru_maxrss, 300 * 1024) << "peak KiB";  // 100 MB once took 3 GB
  std::printf("100 MB reply: exit %d, %.2f s, peak RSS %ld KiB, %zu bytes of output\n",
              run.exit_code, run.seconds, usage.ru_maxrss, run.output.size());
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(SafetyLlmCliIntegration, AKeyTheServerEchoesBackIsInNoArtifact) {
  const fs::path dir = FreshDir("echo_key");
  testing::ReplayServer server("echo_key");
  const CliResult run = Scenecraft(
      dir, {"generate", testing::kReplayPrompt, "-o", (dir / "out").string(), "--planner", "llm",
            "--critic", "vlm", "--llm-url", server.base_url(), "--llm-model", "m", "--rounds", "0",
            "--engine", "workbench", "--resolution", "160x120", "-v"});
  EXPECT_TRUE(run.exit_code == 0 || run.exit_code == 3) << run.output;
  for (const char* file : {"scene.json", "scene.py", "readback.json", "report.html"}) {
    ASSERT_TRUE(fs::exists(dir / "out" / file)) << file << "\n" << run.output;
  }
  EXPECT_TRUE(Has(ReadFile(dir / "out" / "scene.json"), "[REDACTED]"));
  ExpectNoKey(dir, run.output);
  if (!HasFailure()) fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft
