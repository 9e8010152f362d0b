// The stages of one scene, as library functions the CLI calls: build a scene graph into a script,
// run the script in Blender, and the whole generate pipeline.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scenecraft/assets/resolve.h"
#include "scenecraft/blender/emitter.h"
#include "scenecraft/blender/runner.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

struct BuildOptions {
  AssetOptions assets;
  EmitOptions emit;
  uint64_t seed = 1;  // for the layout of objects without a pose
  // Replace scene.py / scene.json in out_dir that scenecraft did not write (util/output_dir.h).
  bool force = false;
};

struct BuildResult {
  SceneGraph graph;  // resolved, posed, with a camera
  std::filesystem::path script;
  std::filesystem::path scene_json;
  std::vector<std::string> warnings;
};

// Reads a scene JSON file (ARCHITECTURE.md section 3); throws Error listing every problem.
SceneGraph LoadSceneFile(const std::filesystem::path& path);

// Places the objects that have no pose (all at once, or sub-scene by sub-scene once the reviser
// split one) and frames the camera for the render's aspect unless the scene gives one. Returns
// the solver's warnings.
std::vector<std::string> LayOutScene(SceneGraph* graph, uint64_t seed, const RenderSettings& render,
                                     bool by_subscenes = false);

// Emits the script of a resolved and posed scene to `path`, with the models its assets give;
// model problems are added to `warnings`.
void WriteSceneScript(const SceneGraph& graph, const std::filesystem::path& path,
                      const AssetOptions& assets, const EmitOptions& emit,
                      std::vector<std::string>* warnings);

// Resolves assets, places objects that have no pose, frames the camera and writes
// out_dir/scene.py and out_dir/scene.json by the output-folder protocol (util/output_dir.h).
BuildResult BuildScene(SceneGraph graph, const std::filesystem::path& out_dir,
                       const BuildOptions& options);

struct RenderRequest {
  RenderSettings settings;
  bool render = true;                 // write render.png
  std::filesystem::path save_blend;   // empty: none
  std::filesystem::path export_gltf;  // empty: none
  int views = 0;                      // dataset views into out_dir (docs/DATASETS.md)
  // Also render beauty.png (eye height, the main group framed, the chosen engine) and
  // check.png (top-down orthographic, Workbench) into out_dir.
  bool beauty_and_check = false;
};

// The files `views` dataset views write beside the render: view_KK.png, view_KK_index.exr,
// view_KK_depth.exr per view, and cameras.json.
std::vector<std::string> DatasetViewFiles(int views);

// Runs out_dir/scene.py in Blender: out_dir/render.png and out_dir/readback.json.
BlenderOutcome RenderSceneDir(const std::filesystem::path& out_dir, const RenderRequest& request,
                              const BlenderOptions& blender, ProcessLauncher& launcher);

}  // namespace scenecraft
