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
#include "scenecraft/util/output_dir.h"

namespace scenecraft {
namespace fs = std::filesystem;

SceneGraph LoadSceneFile(const fs::path& path) {
  std::error_code error;
  const uintmax_t bytes = fs::file_size(path, error);
  if (!error && bytes > SceneLimits::kMaxFileBytes) {
    throw Error(path.string() + ": the scene file is " + std::to_string(bytes) +
                " bytes; at most " + std::to_string(SceneLimits::kMaxFileBytes));
  }
  return ParseSceneGraph(ReadFile(path), path.string());
}

std::vector<std::string> LayOutScene(SceneGraph* graph, uint64_t seed, const RenderSettings& render,
                                     bool by_subscenes) {
  SolverOptions solver;
  solver.seed = seed;
  SolveResult solved = by_subscenes ? SolveBySubscenes(graph, solver) : Solve(graph, solver);
  if (!graph->camera) {
    CameraOptions camera;
    camera.aspect = static_cast<double>(render.width) / render.height;
    graph->camera = FrameCamera(*graph, camera);
  }
  return solved.warnings;
}

void WriteSceneScript(const SceneGraph& graph, const fs::path& path, const AssetOptions& assets,
                      const EmitOptions& emit, std::vector<std::string>* warnings) {
  const std::map<std::string, Model> models = BuildModels(graph, assets, warnings);
  WriteFileAtomic(path, EmitScript(graph, models, emit));
}

BuildResult BuildScene(SceneGraph graph, const fs::path& out_dir, const BuildOptions& options) {
  BuildResult result;
  // Resolve assets: every object gets a model, a real size, has_front and support.
  const AssetOptions assets = WithWordNet(options.assets);
  result.warnings = ResolveAssets(&graph, assets);
  // Lay out the objects that have no pose, and frame the camera unless the scene gives one.
  for (const std::string& w : LayOutScene(&graph, options.seed, options.emit.render)) {
    result.warnings.push_back(w);
  }
  OutputDir out(out_dir, {"scene.py", "scene.json"}, options.force);
  WriteSceneScript(graph, out.work() / "scene.py", assets, options.emit, &result.warnings);
  WriteFileAtomic(out.work() / "scene.json", SceneGraphToJsonText(graph));
  out.Commit();
  result.script = out_dir / "scene.py";
  result.scene_json = out_dir / "scene.json";
  result.graph = std::move(graph);
  return result;
}

std::vector<std::string> DatasetViewFiles(int views) {
  std::vector<std::string> files;
  for (int k = 0; k < views; ++k) {
    const std::string name = std::string(k < 10 ? "view_0" : "view_") + std::to_string(k);
    for (const char* suffix : {".png", "_index.exr", "_depth.exr"}) files.push_back(name + suffix);
  }
  if (views > 0) files.push_back("cameras.json");
  return files;
}

BlenderOutcome RenderSceneDir(const fs::path& out_dir, const RenderRequest& request,
                              const BlenderOptions& blender, ProcessLauncher& launcher) {
  blender.Check();
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
    run.extra_args = {"--views", std::to_string(request.views), "--views-dir", out_dir.string()};
  }
  if (request.beauty_and_check) {
    for (const char* view : {"beauty", "check"}) {
      run.extra_args.push_back(std::string("--") + view);
      run.extra_args.push_back((out_dir / (std::string(view) + ".png")).string());
    }
  }
  return RunBlender(run, blender, launcher);
}

}  // namespace scenecraft
