// The Blender runner: finds Blender, runs an emitted script headless with a timeout, keeps its
// log, and reads back what the script built.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scenecraft/blender/emitter.h"
#include "scenecraft/core/readback.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {

// The longest --blender-timeout: a day.
inline constexpr double kMaxBlenderTimeoutS = 86400.0;

// What Blender's environment leaves out: API keys, tokens and passwords the tool's own
// environment may hold (SCENECRAFT_API_KEY, OPENAI_API_KEY ...). Blender needs none of them, and
// a scene script must not be able to read them.
extern const std::vector<std::string> kSecretEnvPatterns;

struct BlenderOptions {
  // The Blender executable. Empty: $SCENECRAFT_BLENDER, then `blender` on PATH.
  std::string blender;
  // Each Blender run is stopped after this many seconds (finite, at most kMaxBlenderTimeoutS).
  double timeout_s = 900.0;
  void Check() const;
};

struct BlenderRun {
  std::filesystem::path script;       // the emitted scene.py (must exist)
  std::filesystem::path render;       // PNG to write; empty: no render
  std::filesystem::path readback;     // readback JSON to write; empty: none
  std::filesystem::path save_blend;   // .blend to save; empty: none
  std::filesystem::path export_gltf;  // .glb/.gltf to export; empty: none
  std::filesystem::path log;          // Blender's output; empty: beside the script
  RenderSettings render_settings;
  std::vector<std::string> extra_args;  // further options for the script (after --)
};

struct BlenderOutcome {
  Readback readback;  // valid when a readback was asked for
  double wall_s = 0.0;
  std::filesystem::path log;
};

// Returns the Blender executable to use; throws Error saying how to install or point to Blender.
std::filesystem::path FindBlender(const BlenderOptions& options);

// Runs Blender on the script. Throws Error when Blender is missing, the script raises, Blender
// crashes or times out: the message names the script line when the log has a traceback, and
// ends with the log's tail. The script and the log are kept in every case.
BlenderOutcome RunBlender(const BlenderRun& run, const BlenderOptions& options,
                          ProcessLauncher& launcher);

}  // namespace scenecraft
