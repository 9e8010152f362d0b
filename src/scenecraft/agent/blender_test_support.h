// Support for the agent's integration tests that start the real Blender: a scratch folder per
// test and the one build-then-render step they all take.
#pragma once

#include <filesystem>
#include <string>

#include "scenecraft/agent/pipeline.h"

namespace scenecraft::blender_test {

// An empty scratch folder under the system's temporary folder, named after name and this
// process, so two test processes never share one.
std::filesystem::path FreshDir(const std::string& name);

// A graph built into a folder and rendered there.
struct Built {
  BuildResult build;
  Readback readback;
};

// Builds graph into dir with options, then runs the real Blender on it as request asks, at
// options.emit.render's settings.
Built BuildAndRender(const SceneGraph& graph, const std::filesystem::path& dir,
                     const BuildOptions& options, RenderRequest request = {});

}  // namespace scenecraft::blender_test
