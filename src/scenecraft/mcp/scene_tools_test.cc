// The scene tools with the real planner, solver and critic; Blender is not needed here (generate
// runs end to end in the MCP client test, tests/mcp/client_test.mjs).
#include "scenecraft/mcp/scene_tools.h"

#include <gtest/gtest.h>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class NoCancel : public CallContext {
 public:
  void Progress(const std::string&) override {}
  bool cancelled() const override { return false; }
};

class SceneToolsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::path(::testing::TempDir()) /
            ("mcp_tools_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(base_);
    fs::create_directories(base_);
    McpOptions options;
    options.output_root = base_ / "root";
    options.generate.assets.sources = {"procedural"};
    options.generate.assets.cache_dir = base_ / "cache";
    tools_ = std::make_unique<SceneTools>(options, launcher_);
  }
  void TearDown() override { fs::remove_all(base_); }
  json Call(const std::string& name, const json& arguments) {
    NoCancel context;
    return tools_->Call(name, arguments, context);
  }
  std::string ErrorOf(const std::string& name, const json& arguments) {
    try {
      Call(name, arguments);
    } catch (const Error& e) {
      return e.what();
    }
    return "(no error)";
  }

  fs::path base_;
  RealProcessLauncher launcher_;
  std::unique_ptr<SceneTools> tools_;
};

TEST_F(SceneToolsTest, PathsStayInsideTheRoot) {
  const fs::path root = tools_->root();
  EXPECT_EQ(PathInsideRoot(root, "a/b.json", "scene"), root / "a" / "b.json");
  EXPECT_EQ(PathInsideRoot(root, (root / "x.json").string(), "scene"), root / "x.json");
  EXPECT_EQ(PathInsideRoot(root, "a/../c.json", "scene"), root / "c.json");
  const std::string outside = "/arguments/scene: '../secret.json' is outside the output root " +
                              root.string() +
                              "; this server reads and writes files only there (give a path "
                              "relative to it)";
  try {
    PathInsideRoot(root, "../secret.json", "scene");
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), outside);
  }
  EXPECT_THROW(PathInsideRoot(root, "/etc/passwd", "scene"), Error);
  EXPECT_THROW(PathInsideRoot(root, "", "scene"), Error);
  EXPECT_THROW(PathInsideRoot(root, std::string("a\0b", 3), "scene"), Error);
  // A symbolic link inside the root that points out of it does not lead out.
  fs::create_directory_symlink(base_, root / "link");
  EXPECT_THROW(PathInsideRoot(root, "link/x.json", "scene"), Error);
}

TEST_F(SceneToolsTest, PlanReturnsTheGraphAndSavesItInTheRoot) {
  const json result =
      Call("plan", {{"prompt", "A lamp on a wooden desk."}, {"save_as", "desk.json"}});
  ASSERT_EQ(result["content"].size(), 2u);
  EXPECT_NE(result["content"][0]["text"].get<std::string>().find("on("), std::string::npos)
      << result["content"][0]["text"];
  const json scene = json::parse(result["content"][1]["text"].get<std::string>());
  EXPECT_EQ(scene["objects"].size(), 2u);
  EXPECT_EQ(json::parse(ReadFile(tools_->root() / "desk.json")), scene);
}

TEST_F(SceneToolsTest, SolvePlacesAnInlineScene) {
  const json scene = json::parse(R"({"schema": 1,
    "environment": {"kind": "room", "size_m": [5, 4, 2.8]},
    "objects": [{"id": "table_1", "category": "table"}, {"id": "chair_1", "category": "chair"}],
    "relations": [{"type": "near", "objects": ["chair_1", "table_1"], "hard": true}]})");
  const json result = Call("solve", {{"scene_json", scene}, {"save_as", "solved.json"}});
  const std::string text = result["content"][0]["text"];
  EXPECT_NE(text.find("pass  near(chair_1, table_1)"), std::string::npos) << text;
  const json solved = json::parse(ReadFile(tools_->root() / "solved.json"));
  EXPECT_TRUE(solved["objects"][0].contains("pose"));
}

TEST_F(SceneToolsTest, BadScenesAndPathsAreErrorsThatSayWhere) {
  EXPECT_EQ(ErrorOf("solve", {{"scene", "../../etc/passwd"}}).rfind("/arguments/scene: '", 0), 0u);
  EXPECT_EQ(ErrorOf("solve", {{"scene", "missing.json"}}),
            "/arguments/scene: no scene file 'missing.json' in the output root");
  const std::string bad =
      ErrorOf("solve",
              {{"scene_json", {{"schema", 1}, {"objects", {{{"id", 5}, {"category", "chair"}}}}}}});
  EXPECT_NE(bad.find("/arguments/scene_json"), std::string::npos) << bad;
  EXPECT_NE(bad.find("/objects/0/id"), std::string::npos) << bad;
  EXPECT_EQ(ErrorOf("generate", {{"prompt", "a chair"}, {"scene", "x.json"}}),
            "/arguments: give exactly one of prompt, scene, scene_json (found 2)");
  EXPECT_EQ(ErrorOf("critique", {{"dir", "/tmp"}}).rfind("/arguments/dir: '/tmp' is outside", 0),
            0u);
  EXPECT_EQ(ErrorOf("critique", {{"dir", "nothing"}}),
            "/arguments/dir: " + (tools_->root() / "nothing").string() +
                " has no scene.json and readback.json (an output folder of generate has both)");
}

}  // namespace
}  // namespace scenecraft
