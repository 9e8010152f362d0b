// How scenes look, checked in the real Blender (docs/LOOKS.md): the room's type chooses its floor
// and walls unless the text names the floor. Suites named *Integration* start Blender.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/agent/blender_test_support.h"
#include "scenecraft/agent/pipeline.h"
#include "scenecraft/blender/runner.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

using blender_test::BuildAndRender;
using blender_test::FreshDir;

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
  const fs::path dir = FreshDir("looks_" + (room_type.empty() ? "plain" : room_type));
  BuildOptions build;
  build.emit.render.engine = "workbench";
  build.emit.render.width = 64;
  build.emit.render.height = 48;
  const Readback readback = BuildAndRender(graph, dir, build).readback;
  fs::remove_all(dir);
  return readback.surfaces;
}

// Plans a prompt, solves and builds it with the real WordNet and the default assets, renders the
// beauty view with Workbench and returns the readback.
Readback BuildWithBeautyView(const std::string& name, const std::string& prompt,
                             Environment* environment = nullptr) {
  OfflinePlanner planner;
  const SceneGraph graph = planner.Plan(prompt).graph;
  const fs::path dir = FreshDir("looks_" + name);
  BuildOptions build;
  build.assets = WithWordNet(build.assets);
  std::vector<std::string> warnings;
  build.assets.sources = DefaultAssetSources(DefaultSh3dDirectory(), &warnings);
  build.emit.render.engine = "workbench";
  build.emit.render.width = 160;
  build.emit.render.height = 120;
  RenderRequest request;
  request.beauty_and_check = true;
  const Readback readback = BuildAndRender(graph, dir, build, request).readback;
  if (environment != nullptr) *environment = LoadSceneFile(dir / "scene.json").environment;
  EXPECT_TRUE(fs::exists(dir / "beauty.png")) << name;
  fs::remove_all(dir);
  return readback;
}

// In a room the beauty view stands inside it (a corner, a door or just inside the open side)
// and never looks out through the open side, so where a wide room's objects cannot all be
// framed from inside, an object beside the camera may be cut: on average at least 70 % of the
// objects' box corners are in frame, and every object at least partly. Outdoors every object
// is wholly in frame. Why 70 % and not more: scripts/beauty-view-reach.py scores every standing
// spot of a 0.5 m grid over the floor (turned up to 40 degrees, lens up to 95 degrees); in the
// README example's solved room (docs/looks, objects along every wall) the best of them frames
// 83 % and the chosen corner 78 %, so a higher bar would fail framings no camera inside the
// room can beat; the bedroom, kitchen, bathroom and office views frame 90-100 %.
TEST(LooksIntegration, TheBeautyViewStandsInTheRoomAndFramesTheObjectsTheTextNames) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  const std::pair<const char*, const char*> prompts[] = {
      // The README example (the camera used to stand outside the open front).
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
    Environment environment;
    const Readback readback = BuildWithBeautyView(name, prompt, &environment);
    ASSERT_TRUE(readback.beauty.has_value()) << name;
    const ViewReadback& view = *readback.beauty;
    EXPECT_GE(view.in_frame.size(), 3u) << name;
    EXPECT_LE(view.fov_deg, 100.0) << name;
    double sum = 0.0;
    for (const auto& [id, share] : view.in_frame) {
      sum += share;
      if (environment.IsRoom()) {
        EXPECT_GT(share, 0.0) << name << ": " << id << " is out of the beauty view";
      } else {
        EXPECT_EQ(share, 1.0) << name << ": " << id << " is cut by the beauty view (fov "
                              << view.fov_deg << ", camera " << view.position << ")";
      }
    }
    if (environment.IsRoom()) {
      EXPECT_GE(sum / static_cast<double>(view.in_frame.size()), 0.7) << name;
      const Rect2 floor = environment.FloorRect();
      EXPECT_GT(view.position.x, floor.min.x) << name << ": the camera is outside the room";
      EXPECT_LT(view.position.x, floor.max.x) << name << ": the camera is outside the room";
      EXPECT_GT(view.position.y, floor.min.y) << name << ": the camera is outside the room";
      EXPECT_LT(view.position.y, floor.max.y) << name << ": the camera is outside the room";
      EXPECT_LT(view.position.z, environment.size.z) << name;
    }
    std::printf("%-8s beauty view: fov %.1f deg, camera %s, %zu objects framed, mean share %.2f\n",
                name, view.fov_deg, view.position.ToString().c_str(), view.in_frame.size(),
                sum / static_cast<double>(view.in_frame.size()));
  }
}

// A 4 x 3 m room, empty but for a chair in a corner, at noon, with or without a window in the
// back wall, rendered with Cycles by a camera looking down at the floor by the back wall (the
// open front, where the sun also comes in when there is no window, is out of view). Returns
// the readback.
Readback RenderedNoonRoom(bool window) {
  SceneGraph graph;
  graph.environment.size = {4.0, 3.0, 2.6};
  graph.environment.time_of_day = "noon";
  if (window) graph.environment.openings.push_back({"window", "back", 0.0, 1.6, 1.4, 0.8, ""});
  Object chair;
  chair.id = "chair_1";
  chair.category = "chair";
  chair.pose = Pose{1.6, -1.1, 0.0, 0.0};
  chair.pose_fixed = true;
  graph.objects.push_back(chair);
  graph.camera = Camera{{0.0, 0.85, 2.3}, {0.0, 0.86, 0.0}, 60.0};
  const fs::path dir = FreshDir(window ? "looks_window" : "looks_no_window");
  BuildOptions build;
  build.emit.render.engine = "cycles";
  build.emit.render.samples = 8;
  build.emit.render.width = 96;
  build.emit.render.height = 72;
  const Readback readback = BuildAndRender(graph, dir, build).readback;
  fs::remove_all(dir);
  return readback;
}

// A window's pane lets the light through and casts no shadow, and daylight comes in through
// the window: the floor by it is clearly brighter than in the same room without the window,
// and the frame is neither burnt out nor murky.
TEST(LooksIntegration, DaylightComesInThroughTheWindowGlass) {
  const Readback lit = RenderedNoonRoom(true);
  const Readback dark = RenderedNoonRoom(false);
  ASSERT_TRUE(lit.openings.count("window_1.glass")) << lit.openings.size();
  const OpeningPartReadback& glass = lit.openings.at("window_1.glass");
  EXPECT_GE(glass.light_through, 0.9);
  EXPECT_FALSE(glass.casts_shadow);
  ASSERT_TRUE(lit.openings.count("window_1.frame_left"));
  EXPECT_EQ(lit.openings.at("window_1.frame_left").light_through, 0.0);
  ASSERT_TRUE(lit.images.count("render") && dark.images.count("render"));
  const ImageStats& with = lit.images.at("render");
  const ImageStats& without = dark.images.at("render");
  std::printf("floor by the back wall at noon: mean %.3f with the window, %.3f without\n",
              with.mean, without.mean);
  EXPECT_GT(with.mean, 1.3 * without.mean);
  EXPECT_LT(with.burnt, 0.05);
  EXPECT_LT(with.murky, 0.05);
}

// Dataset views (--views N) get the light smoothing too: N frames, each marked smoothed in
// cameras.json and visibly less grainy than the same view without it at the same samples.
TEST(LooksIntegration, EveryDatasetViewIsLightSmoothed) {
  SceneGraph graph;
  graph.environment.size = {4.0, 3.0, 2.6};
  graph.environment.openings.push_back({"window", "back", 0.0, 1.2, 1.2, 0.9, ""});
  for (const char* category : {"sofa", "table", "chair"}) {
    Object o;
    o.id = std::string(category) + "_1";
    o.category = category;
    graph.objects.push_back(o);
  }
  const fs::path dir = FreshDir("looks_views");
  BuildOptions build;
  build.emit.render.engine = "cycles";
  build.emit.render.samples = 4;
  BuildScene(graph, dir, build);
  std::map<int, nlohmann::json> cameras;
  for (const int smooth : {0, 1}) {
    const fs::path views = dir / ("views_" + std::to_string(smooth));
    BlenderRun run;
    run.script = dir / "scene.py";
    run.render_settings = build.emit.render;
    run.render_settings.width = 96;
    run.render_settings.height = 72;
    run.extra_args = {
        "--views", "3", "--views-dir", views.string(), "--smooth-light", std::to_string(smooth)};
    RealProcessLauncher launcher;
    RunBlender(run, BlenderOptions{}, launcher);
    std::ifstream in(views / "cameras.json");
    cameras[smooth] = nlohmann::json::parse(in);
    for (int k = 0; k < 3; ++k) {
      EXPECT_TRUE(fs::exists(views / ("view_0" + std::to_string(k) + ".png"))) << smooth << k;
    }
  }
  fs::remove_all(dir);
  ASSERT_EQ(cameras[1]["views"].size(), 3u);
  ASSERT_EQ(cameras[0]["views"].size(), 3u);
  for (size_t k = 0; k < 3; ++k) {
    const nlohmann::json& smoothed = cameras[1]["views"][k];
    const nlohmann::json& raw = cameras[0]["views"][k];
    EXPECT_TRUE(smoothed["light_smoothed"].get<bool>()) << k;
    EXPECT_FALSE(raw["light_smoothed"].get<bool>()) << k;
    const double a = smoothed["image_stats"]["grain"].get<double>();
    const double b = raw["image_stats"]["grain"].get<double>();
    std::printf("view %zu: grain %.4f smoothed, %.4f raw (4 samples)\n", k, a, b);
    EXPECT_LT(a, 0.8 * b) << "view " << k << " is as grainy as without the smoothing";
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
