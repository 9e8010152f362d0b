#include "scenecraft/agent/pipeline.h"

#include <unistd.h>

#include <gtest/gtest.h>

namespace scenecraft {
namespace {

TEST(Pipeline, BuildWritesScriptAndSceneJson) {
  SceneGraph g;
  Object table;
  table.id = "table_1";
  table.category = "table";
  g.objects.push_back(table);
  const auto dir = std::filesystem::temp_directory_path() /
                   ("scenecraft_pipeline_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  const BuildResult result = BuildScene(g, dir, BuildOptions{});
  EXPECT_TRUE(std::filesystem::exists(result.script));
  EXPECT_TRUE(std::filesystem::exists(result.scene_json));
  ASSERT_TRUE(result.graph.objects[0].pose.has_value());
  EXPECT_TRUE(result.graph.camera.has_value());
  EXPECT_TRUE(result.graph.objects[0].HasSize());
}

}  // namespace
}  // namespace scenecraft
