#include "scenecraft/blender/runner.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

// A launcher that records the command and plays back a canned result and log.
class FakeLauncher : public ProcessLauncher {
 public:
  ProcessResult result;
  std::string log;
  ProcessSpec last;
  ProcessResult Run(const ProcessSpec& spec) override {
    last = spec;
    if (!spec.log_path.empty()) WriteFileAtomic(spec.log_path, log);
    return result;
  }
};

fs::path ScriptIn(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() /
                       ("scenecraft_runner_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  WriteFileAtomic(dir / "scene.py", "# script\n");
  return dir / "scene.py";
}

BlenderOptions FakeBlender() {
  BlenderOptions options;
  options.blender = "/bin/true";  // found and executable; the fake launcher never runs it
  options.timeout_s = 5;
  return options;
}

TEST(Runner, PythonErrorNamesTheScriptLineAndKeepsTheScript) {
  const fs::path script = ScriptIn("pyerror");
  FakeLauncher launcher;
  launcher.result.started = true;
  launcher.result.exit_code = 1;
  launcher.log = "Traceback (most recent call last):\n  File \"" + fs::absolute(script).string() +
                 "\", line 220, in main\nValueError: boom\n";
  BlenderRun run;
  run.script = script;
  try {
    RunBlender(run, FakeBlender(), launcher);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("scene.py:220"), std::string::npos) << what;
    EXPECT_NE(what.find("ValueError: boom"), std::string::npos) << what;
    EXPECT_NE(what.find("the script is kept"), std::string::npos) << what;
  }
  EXPECT_TRUE(fs::exists(script));
  // Blender is asked to turn a Python exception into a failing exit code.
  const auto& argv = launcher.last.argv;
  EXPECT_NE(std::find(argv.begin(), argv.end(), "--python-exit-code"), argv.end());
  EXPECT_NE(std::find(argv.begin(), argv.end(), "-noaudio"), argv.end());
}

TEST(Runner, TimeoutAndCrashAreReported) {
  const fs::path script = ScriptIn("timeout");
  FakeLauncher launcher;
  launcher.result.started = true;
  launcher.result.timed_out = true;
  BlenderRun run;
  run.script = script;
  EXPECT_THROW(
      {
        try {
          RunBlender(run, FakeBlender(), launcher);
        } catch (const Error& e) {
          EXPECT_NE(std::string(e.what()).find("timed out"), std::string::npos);
          throw;
        }
      },
      Error);
  launcher.result.timed_out = false;
  launcher.result.signal = 11;
  try {
    RunBlender(run, FakeBlender(), launcher);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("crashed (signal 11)"), std::string::npos);
  }
}

TEST(Runner, MissingBlenderSaysHowToInstall) {
  BlenderOptions options;
  options.blender = "/nonexistent/blender";
  try {
    FindBlender(options);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("not an executable"), std::string::npos);
  }
}

TEST(Runner, MissingReadbackIsAnError) {
  const fs::path script = ScriptIn("noreadback");
  FakeLauncher launcher;
  launcher.result.started = true;
  launcher.result.exit_code = 0;
  BlenderRun run;
  run.script = script;
  run.readback = script.parent_path() / "readback.json";
  EXPECT_THROW(RunBlender(run, FakeBlender(), launcher), Error);
}

}  // namespace
}  // namespace scenecraft
