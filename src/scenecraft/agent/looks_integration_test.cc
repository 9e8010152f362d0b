// How scenes look, checked in the real Blender (docs/LOOKS.md): the room's type chooses its floor
// and walls unless the text names the floor. Suites named *Integration* start Blender.
#include <unistd.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/agent/pipeline.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

fs::path FreshDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_looks_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A 4 x 3 m room of a type with one chair, built in Blender; the readback's surfaces.
std::map<std::string, std::string> BuiltSurfaces(const std::string& room_type,
                                                 const std::string& ground) {
  SceneGraph graph;
  graph.environment.size = {4.0, 3.0, 2.6};
  graph.environment.room_type = room_type;
  graph.environment.ground = ground;
  Object chair;
  chair.id = "chair_1";
  chair.category = "chair";
  chair.pose = Pose{0.0, 0.0, 0.0, 0.0};
  chair.pose_fixed = true;
  graph.objects.push_back(chair);
  const fs::path dir = FreshDir(room_type.empty() ? "plain" : room_type);
  BuildOptions build;
  build.emit.render.engine = "workbench";
  BuildScene(graph, dir, build);
  RenderRequest request;
  request.settings = build.emit.render;
  request.settings.width = 64;
  request.settings.height = 48;
  RealProcessLauncher launcher;
  const BlenderOutcome outcome = RenderSceneDir(dir, request, BlenderOptions{}, launcher);
  fs::remove_all(dir);
  return outcome.readback.surfaces;
}

// Plans a prompt, solves and builds it with the real WordNet and the default assets, renders the
// beauty view with Workbench and returns the readback.
Readback BuildWithBeautyView(const std::string& name, const std::string& prompt) {
  OfflinePlanner planner;
  const SceneGraph graph = planner.Plan(prompt).graph;
  const fs::path dir = FreshDir(name);
  BuildOptions build;
  build.assets = WithWordNet(build.assets);
  std::vector<std::string> warnings;
  build.assets.sources = DefaultAssetSources(DefaultSh3dDirectory(), &warnings);
  build.emit.render.engine = "workbench";
  BuildScene(graph, dir, build);
  RenderRequest request;
  request.settings = build.emit.render;
  request.settings.width = 160;
  request.settings.height = 120;
  request.beauty_and_check = true;
  RealProcessLauncher launcher;
  const BlenderOutcome outcome = RenderSceneDir(dir, request, BlenderOptions{}, launcher);
  EXPECT_TRUE(fs::exists(dir / "beauty.png")) << name;
  fs::remove_all(dir);
  return outcome.readback;
}

TEST(LooksIntegration, TheBeautyViewFramesEveryObjectTheTextNames) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  const std::pair<const char*, const char*> prompts[] = {
      // The README example (the TV and the floor lamp used to leave the frame).
      {"living",
       "A living room with a grey sofa against the wall facing a TV on a TV stand, a wooden "
       "coffee table between them on a red rug, two green armchairs, a floor lamp in the corner "
       "and a plant next to the TV stand."},
      {"bedroom",
       "A bedroom with a double bed against the back wall, a nightstand on each side of the bed "
       "and a wardrobe against the left wall."},
      {"garden", "A garden with a wooden bench under a tree and a fountain in the middle."},
  };
  for (const auto& [name, prompt] : prompts) {
    const Readback readback = BuildWithBeautyView(name, prompt);
    ASSERT_TRUE(readback.beauty.has_value()) << name;
    const ViewReadback& view = *readback.beauty;
    EXPECT_GE(view.in_frame.size(), 3u) << name;
    EXPECT_LE(view.fov_deg, 100.0) << name;
    for (const auto& [id, share] : view.in_frame) {
      EXPECT_EQ(share, 1.0) << name << ": " << id << " is cut by the beauty view (fov "
                            << view.fov_deg << ", camera " << view.position << ")";
    }
    std::printf("%-8s beauty view: fov %.1f deg, camera %s, %zu objects framed\n", name,
                view.fov_deg, view.position.ToString().c_str(), view.in_frame.size());
  }
}

TEST(LooksIntegration, TheRoomTypeChoosesFloorAndWallsUnlessTheTextNamesTheFloor) {
  struct Case {
    std::string room_type, ground, floor, wall;
  };
  const Case cases[] = {
      {"kitchen", "", "tile", "plaster"},
      {"bathroom", "", "tile", "wall_tile"},
      {"bedroom", "", "carpet", "plaster"},
      {"living room", "", "wood", "plaster"},
      {"workshop", "", "concrete", "plaster"},
      {"", "", "wood", "plaster"},
      // "a bathroom with a wooden floor": the text's floor wins.
      {"bathroom", "wood", "wood", "plaster"},
  };
  for (const Case& c : cases) {
    const std::map<std::string, std::string> surfaces = BuiltSurfaces(c.room_type, c.ground);
    ASSERT_TRUE(surfaces.count("floor")) << c.room_type;
    EXPECT_EQ(surfaces.at("floor"), c.floor) << c.room_type << " / " << c.ground;
    EXPECT_EQ(surfaces.at("wall"), c.wall) << c.room_type << " / " << c.ground;
    EXPECT_EQ(surfaces.at("ceiling"), "plaster") << c.room_type;
  }
}

TEST(LooksPlanner, TheRoomTypeReachesTheSceneFromTheSettingNoun) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  OfflinePlanner planner;
  EXPECT_EQ(planner.Plan("A kitchen with a table and two chairs.").graph.environment.room_type,
            "kitchen");
  // A room type the table does not name takes its nearest WordNet kind's (WordNet files a
  // nursery under bedroom).
  EXPECT_EQ(planner.Plan("A bathroom with a bathtub and a sink.").graph.environment.room_type,
            "bathroom");
  EXPECT_EQ(planner.Plan("A nursery with a crib.").graph.environment.room_type, "bedroom");
  // With windows named in the text, the type is still read.
  EXPECT_EQ(planner.Plan("A bedroom with a bed under the window.").graph.environment.room_type,
            "bedroom");
  // No setting noun: no type.
  EXPECT_EQ(planner.Plan("A lamp on a desk.").graph.environment.room_type, "");
}

}  // namespace
}  // namespace scenecraft
