#include "scenecraft/agent/blender_test_support.h"

#include <unistd.h>

#include "scenecraft/blender/runner.h"

namespace scenecraft::blender_test {

namespace fs = std::filesystem;

fs::path FreshDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_it_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

Built BuildAndRender(const SceneGraph& graph, const fs::path& dir, const BuildOptions& options,
                     RenderRequest request) {
  Built out;
  out.build = BuildScene(graph, dir, options);
  request.settings = options.emit.render;
  RealProcessLauncher launcher;
  out.readback = RenderSceneDir(dir, request, BlenderOptions{}, launcher).readback;
  return out;
}

}  // namespace scenecraft::blender_test
