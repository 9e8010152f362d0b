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

struct BlenderOptions {
  // The Blender executable. Empty: $SCENECRAFT_BLENDER, then `blender` on PATH.
  std::string blender;
  // Blender is killed after this many seconds.
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
