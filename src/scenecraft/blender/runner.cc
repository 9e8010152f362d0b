#include "scenecraft/blender/runner.h"

#include <cstdlib>
#include <regex>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

// The most useful place in a Python traceback: the last frame inside the script itself.
std::string ScriptLocation(const std::string& log, const fs::path& script) {
  const std::regex frame("File \"([^\"]*)\", line ([0-9]+)");
  std::string location;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), frame); it != std::sregex_iterator();
       ++it) {
    const fs::path file((*it)[1].str());
    if (file.filename() == script.filename()) {
      location = script.filename().string() + ":" + (*it)[2].str();
    }
  }
  return location;
}

}  // namespace

const std::vector<std::string> kSecretEnvPatterns = {
    "SCENECRAFT_API_KEY", "OPENAI_API_KEY", "*_KEY",        "*_TOKEN",
    "*_SECRET",           "*_PASSWORD",     "*_CREDENTIALS"};

void BlenderOptions::Check() const {
  if (!(timeout_s > 0 && timeout_s <= kMaxBlenderTimeoutS)) {
    throw Error("--blender-timeout: expected seconds greater than 0 and at most " +
                FormatNumber(kMaxBlenderTimeoutS, 0) + ", found " + FormatNumber(timeout_s, 3));
  }
}

fs::path FindBlender(const BlenderOptions& options) {
  std::string name = options.blender;
  std::string from = "--blender";
  if (name.empty()) {
    if (const char* env = std::getenv("SCENECRAFT_BLENDER"); env != nullptr && *env != '\0') {
      name = env;
      from = "SCENECRAFT_BLENDER";
    }
  }
  if (name.empty()) {
    const fs::path found = FindExecutable("blender");
    if (found.empty()) {
      throw Error(
          "Blender not found on PATH: install it (Debian: apt-get install blender, or run "
          "scripts/install-deps.sh) or set SCENECRAFT_BLENDER to the blender executable");
    }
    return found;
  }
  const fs::path found = FindExecutable(name);
  if (found.empty()) throw Error(from + " names '" + name + "', which is not an executable");
  return found;
}

BlenderOutcome RunBlender(const BlenderRun& run, const BlenderOptions& options,
                          ProcessLauncher& launcher) {
  options.Check();
  run.render_settings.Check();
  if (!fs::exists(run.script)) throw Error("script '" + run.script.string() + "' does not exist");
  const fs::path blender = FindBlender(options);
  BlenderOutcome outcome;
  outcome.log = run.log.empty() ? run.script.parent_path() / "blender.log" : run.log;

  ProcessSpec spec;
  spec.argv = {blender.string(),
               "-b",
               // No audio device: on a headless machine Blender can wait forever for PulseAudio.
               "-noaudio",
               "--factory-startup",
               "--python-exit-code",
               "1",
               "--python",
               fs::absolute(run.script).string(),
               "--"};
  auto add = [&](const char* flag, const fs::path& path) {
    if (path.empty()) return;
    EnsureDirectory(fs::absolute(path).parent_path());
    spec.argv.push_back(flag);
    spec.argv.push_back(fs::absolute(path).string());
  };
  add("--render", run.render);
  add("--readback", run.readback);
  add("--save-blend", run.save_blend);
  add("--export-gltf", run.export_gltf);
  spec.argv.insert(spec.argv.end(), {"--engine", run.render_settings.engine, "--samples",
                                     std::to_string(run.render_settings.samples), "--resolution",
                                     run.render_settings.Resolution()});
  spec.argv.insert(spec.argv.end(), run.extra_args.begin(), run.extra_args.end());
  spec.log_path = outcome.log;
  spec.timeout_s = options.timeout_s;
  spec.drop_env = kSecretEnvPatterns;
  if (!run.readback.empty()) {
    std::error_code ignored;
    fs::remove(run.readback, ignored);  // Never read a stale readback.
  }

  const ProcessResult result = launcher.Run(spec);
  outcome.wall_s = result.wall_s;
  if (!result.started) throw Error("cannot start Blender: " + result.start_error);
  if (!result.ok()) {
    std::string log;
    try {
      log = ReadFile(outcome.log);
    } catch (const Error&) {
    }
    std::string what;
    if (result.timed_out) {
      what = "Blender timed out after " + FormatNumber(options.timeout_s, 0) + " s";
    } else if (result.signal != 0) {
      what = "Blender crashed (signal " + std::to_string(result.signal) + ")";
    } else {
      what = "Blender failed (exit code " + std::to_string(result.exit_code) + ")";
      const std::string location = ScriptLocation(log, run.script);
      if (!location.empty()) what += " with a Python error at " + location;
    }
    throw Error(what + " running " + run.script.string() + "; the script is kept, the log is " +
                outcome.log.string() + "; its last lines:\n" + TailLines(log, 15));
  }
  if (!run.readback.empty()) {
    if (!fs::exists(run.readback)) {
      throw Error("Blender finished but wrote no readback to " + run.readback.string() +
                  "; log: " + outcome.log.string());
    }
    outcome.readback = ParseReadback(ReadFile(run.readback), run.readback.string());
  }
  return outcome;
}

}  // namespace scenecraft
