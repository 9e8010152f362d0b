#include "scenecraft/agent/pipeline.h"

#include "scenecraft/agent/asset_terms.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/assets/model.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/layout/camera.h"
#include "scenecraft/layout/solver.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/log.h"

namespace scenecraft {
namespace fs = std::filesystem;

SceneGraph LoadSceneFile(const fs::path& path) {
  return ParseSceneGraph(ReadFile(path), path.string());
}

BuildResult BuildScene(SceneGraph graph, const fs::path& out_dir, const BuildOptions& options) {
  BuildResult result;
  // Resolve assets: every object gets a model, a real size, has_front and support.
  const AssetOptions assets = WithWordNet(options.assets);
  result.warnings = ResolveAssets(&graph, assets);
  // Lay out the objects that have no pose.
  SolverOptions solver;
  solver.seed = options.seed;
  const SolveResult solved = Solve(&graph, solver);
  for (const std::string& w : solved.warnings) result.warnings.push_back(w);
  // Frame the camera unless the scene gives one.
  if (!graph.camera) {
    CameraOptions camera;
    camera.aspect = static_cast<double>(options.emit.render.width) / options.emit.render.height;
    graph.camera = FrameCamera(graph, camera);
  }
  const std::map<std::string, Model> models = BuildModels(graph, assets, &result.warnings);
  result.script = out_dir / "scene.py";
  result.scene_json = out_dir / "scene.json";
  WriteFileAtomic(result.script, EmitScript(graph, models, options.emit));
  WriteFileAtomic(result.scene_json, SceneGraphToJsonText(graph));
  result.graph = std::move(graph);
  return result;
}

BlenderOutcome RenderSceneDir(const fs::path& out_dir, const RenderRequest& request,
                              const BlenderOptions& blender, ProcessLauncher& launcher) {
  BlenderRun run;
  run.script = out_dir / "scene.py";
  if (!fs::exists(run.script)) {
    throw Error("no scene.py in " + out_dir.string() + " (run `scenecraft build` first)");
  }
  if (request.render) run.render = out_dir / "render.png";
  run.readback = out_dir / "readback.json";
  run.save_blend = request.save_blend;
  run.export_gltf = request.export_gltf;
  run.log = out_dir / "blender.log";
  run.render_settings = request.settings;
  if (request.views > 0) {
    run.extra_args = {"--views", std::to_string(request.views), "--views-dir",
                      (out_dir / "views").string()};
  }
  return RunBlender(run, blender, launcher);
}

}  // namespace scenecraft
