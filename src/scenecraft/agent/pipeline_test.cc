#include "scenecraft/agent/pipeline.h"

#include "scenecraft/agent/generate.h"

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

TEST(FitFencesToRows, AFenceARowStandsAlongIsBuiltToItsLength) {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kOutdoor;
  Relation row;
  row.type = RelationType::kRow;
  for (int k = 1; k <= 5; ++k) {
    Object bush;
    bush.id = "bush_" + std::to_string(k);
    bush.category = "bush";
    bush.size = {1.5, 1.4, 1.3};
    g.objects.push_back(bush);
    row.objects.push_back(bush.id);
    Relation near;
    near.type = RelationType::kNear;
    near.objects = {bush.id, "fence_1"};
    g.relations.push_back(near);
  }
  g.relations.push_back(row);
  Object fence;
  fence.id = "fence_1";
  fence.category = "fence";
  fence.size = {1.8, 0.06, 1.05};
  fence.asset = {"sh3d", "fence-3", "Fence", "", ""};
  g.objects.push_back(fence);
  Object other = fence;  // a fence no row stands along keeps its size
  other.id = "fence_2";
  g.objects.push_back(other);
  const std::vector<std::string> changes = FitFencesToRows(&g);
  EXPECT_FALSE(changes.empty());
  EXPECT_DOUBLE_EQ(g.FindObject("fence_1")->size.x, 5 * 1.5 + 4 * 0.4);
  EXPECT_EQ(g.FindObject("fence_1")->asset.source, "procedural");  // would stretch 5x
  EXPECT_DOUBLE_EQ(g.FindObject("fence_2")->size.x, 1.8);
  EXPECT_EQ(g.FindObject("fence_2")->asset.source, "sh3d");
  // A size the user gave is kept.
  g.FindObject("fence_1")->size.x = 2.0;
  EXPECT_TRUE(FitFencesToRows(&g, {"fence_1"}).empty());
  EXPECT_DOUBLE_EQ(g.FindObject("fence_1")->size.x, 2.0);
}

}  // namespace
}  // namespace scenecraft
