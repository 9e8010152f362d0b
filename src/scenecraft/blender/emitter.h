// The Python emitter: turns a solved scene graph and its models into one standalone Blender
// script (ARCHITECTURE.md section 4). The script's source is a fixed template; everything that
// came from a prompt, a model or a file name is in one JSON document embedded in it and read with
// json.loads, so no such text is ever part of the Python source.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "scenecraft/assets/model.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

struct RenderSettings {
  std::string engine = "cycles";  // cycles, eevee or workbench
  int samples = 16;               // Cycles / EEVEE samples
  int width = 640;                // pixels
  int height = 480;
  void Check() const;  // throws Error on a bad value
  std::string Resolution() const { return std::to_string(width) + "x" + std::to_string(height); }
};

struct EmitOptions {
  // Defaults written into the script; its command-line options override them.
  RenderSettings render;
};

// Emits the script. Every object must have a pose and a size, `models` must hold a model for
// every object id, and the graph must have a camera.
std::string EmitScript(const SceneGraph& graph, const std::map<std::string, Model>& models,
                       const EmitOptions& options);

// The JSON document embedded in the script (exposed for tests and tools).
std::string EmitSceneData(const SceneGraph& graph, const std::map<std::string, Model>& models,
                          const EmitOptions& options);

// The script's fixed source (src/scenecraft/blender/script/*.py joined), with the placeholder
// @SCENE_JSON@ where EmitScript puts the scene document.
std::string_view SceneScriptTemplate();

// Makes JSON text safe to place inside a Python r'''...''' literal: every apostrophe (which in
// JSON only occurs inside strings) becomes the JSON escape \u0027, so the literal cannot end early,
// and the text is pure ASCII.
std::string EscapeJsonForPythonRawString(const std::string& json_text);

}  // namespace scenecraft
