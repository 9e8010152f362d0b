// Integration tests: the real Blender runs the real emitted script, and the readback is checked
// against the scene graph (issue 2's acceptance). Suites named *Integration* start Blender.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "scenecraft/agent/blender_test_support.h"
#include "scenecraft/agent/generate.h"
#include "scenecraft/agent/pipeline.h"
#include "scenecraft/assets/procedural.h"
#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

using blender_test::FreshDir;

Object At(std::string id, std::string category, double x, double y, double yaw_deg,
          std::string description = "", double z = 0.0) {
  Object o;
  o.id = std::move(id);
  o.category = std::move(category);
  o.description = std::move(description);
  o.pose = Pose{x, y, z, DegToRad(yaw_deg)};
  o.pose_fixed = true;
  return o;
}

// Builds and renders a graph with Workbench; returns the built graph and the readback.
std::pair<SceneGraph, Readback> BuildAndRender(const SceneGraph& graph, const fs::path& dir,
                                               int width = 320, int height = 240,
                                               const std::string& engine = "workbench") {
  BuildOptions build;
  build.emit.render.engine = engine;
  build.emit.render.samples = 4;
  build.emit.render.width = width;
  build.emit.render.height = height;
  const blender_test::Built built = blender_test::BuildAndRender(graph, dir, build);
  EXPECT_TRUE(fs::exists(dir / "render.png"));
  return {built.build.graph, built.readback};
}

// Every object is present, has the asset's dimensions within 2 %, stands where it was put,
// is not below the floor, and is in frame.
void ExpectReadbackMatches(const SceneGraph& graph, const Readback& readback) {
  ASSERT_EQ(readback.objects.size(), graph.objects.size());
  for (const Object& o : graph.objects) {
    const ObjectReadback* r = readback.Find(o.id);
    ASSERT_NE(r, nullptr) << o.id;
    EXPECT_EQ(r->category, o.category);
    // The model's own extent matches the asset's size; the world box matches the placed box.
    const Vec3 got = r->local_size;
    const Vec3 want = o.size;
    EXPECT_NEAR(got.x, want.x, 0.02 * want.x + 1e-4) << o.id << " width";
    EXPECT_NEAR(got.y, want.y, 0.02 * want.y + 1e-4) << o.id << " depth";
    EXPECT_NEAR(got.z, want.z, 0.02 * want.z + 1e-4) << o.id << " height";
    const double turn = std::remainder(o.pose->yaw_rad, kPi / 2);
    if (std::abs(turn) < 1e-9) {
      const Box3 placed = o.WorldBox();
      for (const auto& [a, b] :
           {std::pair{r->box.min, placed.min}, std::pair{r->box.max, placed.max}}) {
        EXPECT_NEAR(a.x, b.x, 0.01 * want.x + 1e-3) << o.id;
        EXPECT_NEAR(a.y, b.y, 0.01 * want.y + 1e-3) << o.id;
        EXPECT_NEAR(a.z, b.z, 0.01 * want.z + 1e-3) << o.id;
      }
    }
    EXPECT_NEAR(r->location.x, o.pose->x, 1e-4) << o.id;
    EXPECT_NEAR(r->location.y, o.pose->y, 1e-4) << o.id;
    EXPECT_NEAR(r->location.z, o.pose->z, 1e-4) << o.id;
    EXPECT_NEAR(WrapAngle(r->yaw_rad - o.pose->yaw_rad), 0.0, 1e-4) << o.id;
    EXPECT_GE(r->box.min.z, -1e-4) << o.id << " is below the floor";
    ASSERT_TRUE(r->in_frame.has_value()) << o.id;
    EXPECT_TRUE(*r->in_frame) << o.id << " is out of frame";
  }
}

TEST(BlenderIntegration, FurnishedRoom) {
  SceneGraph g;
  g.environment.size = {5.0, 4.0, 2.8};
  g.environment.openings.push_back({"window", "back", 1.0, 1.2, 1.2, 0.9});
  g.objects = {At("table_1", "table", 0.0, 0.3, 0, "oak"),
               At("chair_1", "chair", 0.0, -0.45, 180),
               At("chair_2", "chair", 0.0, 1.05, 0),
               At("chair_3", "chair", -0.95, 0.3, 90, "blue"),
               At("chair_4", "chair", 0.95, 0.3, -90, "blue"),
               At("chair_5", "chair", 1.8, -1.2, 30),
               At("lamp_1", "lamp", 0.3, 0.4, 0, "", 0.75),
               At("statue_1", "statue", -2.0, 1.5, 45, "marble")};
  const auto [built, readback] = BuildAndRender(g, FreshDir("room"));
  ExpectReadbackMatches(built, readback);
  EXPECT_FALSE(readback.blender_version.empty());
  // The lamp stands on the table top.
  EXPECT_NEAR(readback.Find("lamp_1")->box.min.z, readback.Find("table_1")->box.max.z, 0.01);
  // The unobstructed table is seen in the render.
  EXPECT_GT(readback.Find("table_1")->visible_pixels.value_or(0), 100);
  EXPECT_GT(readback.Find("table_1")->visible_fraction.value_or(0), 0.5);
}

TEST(BlenderIntegration, VisiblePixelsFromTheObjectIndexPass) {
  SceneGraph g;
  g.environment.size = {4.0, 4.0, 2.6};
  g.objects = {At("table_1", "table", 0.0, 0.0, 0), At("chair_1", "chair", 0.0, -0.7, 180),
               At("chair_2", "chair", 1.2, 1.2, 0)};
  const fs::path cycles_dir = FreshDir("cycles");
  const auto [built, cycles] = BuildAndRender(g, cycles_dir, 320, 240, "cycles");
  const auto [built2, workbench] = BuildAndRender(g, FreshDir("cycles_wb"), 320, 240, "workbench");
  // Workbench has no index pass: the script renders one extra Cycles sample for it.
  EXPECT_EQ(cycles.visibility_method, "index_pass");
  EXPECT_EQ(workbench.visibility_method, "index_pass");
  // The ray map, the fallback, measures the same view.
  const fs::path rays_dir = FreshDir("cycles_rays");
  WriteFileAtomic(rays_dir / "scene.py", ReadFile(cycles_dir / "scene.py"));
  RealProcessLauncher launcher;
  BlenderRun run;
  run.script = rays_dir / "scene.py";
  run.render = rays_dir / "render.png";
  run.readback = rays_dir / "readback.json";
  run.render_settings = {"workbench", 1, 320, 240};
  run.extra_args = {"--visibility", "rays"};
  const Readback rays = RunBlender(run, BlenderOptions{}, launcher).readback;
  EXPECT_EQ(rays.visibility_method, "ray_map");
  // Both measure the same view: the counts agree within 30 % plus four cells of the ray map's
  // 4 x 4-pixel grid (its resolution limit on small objects).
  for (const Object& o : built.objects) {
    const double a = cycles.Find(o.id)->visible_pixels.value_or(0);
    const double b = workbench.Find(o.id)->visible_pixels.value_or(0);
    const double c = rays.Find(o.id)->visible_pixels.value_or(0);
    EXPECT_GT(a, 50) << o.id;
    EXPECT_NEAR(a, b, 0.02 * a + 2) << o.id;
    EXPECT_NEAR(a, c, 0.3 * std::max(a, c) + 4 * 16) << o.id;
  }
  // No index-pass files are left beside the render.
  EXPECT_TRUE(fs::exists(cycles_dir / "render.png"));
  EXPECT_FALSE(fs::exists(cycles_dir / "render.png.index"));
}

TEST(BlenderIntegration, OutdoorScene) {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kOutdoor;
  g.environment.size = {30.0, 20.0, 0.0};
  g.environment.ground = "grass";
  g.objects = {
      At("tree_1", "tree", -4.0, 3.0, 0),        At("tree_2", "tree", 5.0, 4.0, 0),
      At("bench_1", "bench", 0.0, 0.0, 0),       At("lamp_post_1", "street lamp", 2.0, -1.0, 0),
      At("car_1", "car", -6.0, -4.0, 90, "red"), At("house_1", "house", 0.0, 7.0, 0)};
  const auto [built, readback] = BuildAndRender(g, FreshDir("outdoor"));
  ExpectReadbackMatches(built, readback);
}

TEST(BlenderIntegration, HundredTwentyObjects) {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kOutdoor;
  g.environment.size = {40.0, 40.0, 0.0};
  const std::vector<std::string> categories = {"table", "chair", "lamp", "box", "bench", "plant"};
  int n = 0;
  for (int row = 0; row < 10; ++row) {
    for (int col = 0; col < 12; ++col) {
      const std::string category = categories[(row * 12 + col) % categories.size()];
      g.objects.push_back(At(category + "_" + std::to_string(++n), category, -16.5 + col * 3.0,
                             -13.5 + row * 3.0, (col % 4) * 90.0));
    }
  }
  const auto [built, readback] = BuildAndRender(g, FreshDir("hundred"), 640, 480);
  ExpectReadbackMatches(built, readback);
  // Repeated models share mesh data, so the build stays fast (target: 2 s in Blender).
  EXPECT_LT(readback.build_s, 10.0);
  RecordProperty("blender_build_s", std::to_string(readback.build_s));
}

TEST(BlenderIntegration, EveryCatalogModelBuildsAtItsSize) {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kOutdoor;
  g.environment.size = {40.0, 40.0, 0.0};
  int i = 0;
  for (const CategoryInfo& c : ProceduralCategories()) {
    // Turned a quarter for half of them: the world box must follow.
    g.objects.push_back(At("obj_" + std::to_string(i), c.name, -16.0 + (i % 9) * 4.0,
                           -16.0 + (i / 9) * 4.0, (i % 2) * 90.0));
    ++i;
  }
  const auto [built, readback] = BuildAndRender(g, FreshDir("catalog"));
  ExpectReadbackMatches(built, readback);
}

TEST(BlenderIntegration, HostileTextNeverRuns) {
  const std::vector<std::string> hostile = {"'); import os; os.system('touch PWNED') #",
                                            "\"\"\"; import os; os.system(\"touch PWNED\"); \"\"\"",
                                            "''' + __import__('os').system('touch PWNED') + '''",
                                            "back\\slash \\' \\\" \\n not a newline",
                                            "line one\nline two\r\n\ttabbed",
                                            "non-ASCII: é ü 中文 🪑 مرحبا",
                                            "@SCENE_JSON@ ${x} %s {0} </script>"};
  const fs::path dir = FreshDir("injection");
  SceneGraph g;
  g.prompt = hostile[0];
  g.notes = hostile;
  for (size_t i = 0; i < hostile.size(); ++i) {
    // Ids may not hold control characters or exceed 60 bytes; descriptions hold anything.
    std::string id = "obj_" + std::to_string(i) +
                     (i == 0 ? "_'\");os.system('touch PWNED')" : (i == 5 ? "_é中" : ""));
    g.objects.push_back(At(id, i % 2 ? "chair" : "mystery " + hostile[i].substr(0, 12), -3.0 + i,
                           0.0, 0, hostile[i]));
  }
  const fs::path cwd = fs::current_path();
  const auto [built, readback] = BuildAndRender(g, dir);
  ASSERT_EQ(readback.objects.size(), hostile.size());
  for (size_t i = 0; i < hostile.size(); ++i) {
    const ObjectReadback* r = readback.Find(built.objects[i].id);
    ASSERT_NE(r, nullptr) << built.objects[i].id;
    EXPECT_EQ(r->description, hostile[i]);
    EXPECT_EQ(r->category, built.objects[i].category);
  }
  // Nothing named PWNED appeared in the output, the working directory or the temp directory.
  for (const fs::path& place : {dir, cwd, fs::temp_directory_path()}) {
    EXPECT_FALSE(fs::exists(place / "PWNED")) << place;
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    EXPECT_NE(entry.path().filename(), "PWNED");
  }
}

TEST(BlenderIntegration, SavesBlendAndExportsGltf) {
  SceneGraph g;
  g.objects = {At("table_1", "table", 0.0, 0.0, 0), At("chair_1", "chair", 0.0, -0.7, 180)};
  const fs::path dir = FreshDir("export");
  BuildOptions build;
  BuildScene(g, dir, build);
  RenderRequest request;
  request.render = false;
  request.save_blend = dir / "scene.blend";
  request.export_gltf = dir / "scene.glb";
  RealProcessLauncher launcher;
  const BlenderOutcome outcome = RenderSceneDir(dir, request, BlenderOptions{}, launcher);
  EXPECT_EQ(outcome.readback.objects.size(), 2u);
  EXPECT_FALSE(fs::exists(dir / "render.png"));
  ASSERT_TRUE(fs::exists(dir / "scene.blend"));
  ASSERT_TRUE(fs::exists(dir / "scene.glb"));
  // A .blend starts with "BLENDER", a binary glTF with "glTF".
  EXPECT_EQ(ReadFile(dir / "scene.blend").substr(0, 7), "BLENDER");
  EXPECT_EQ(ReadFile(dir / "scene.glb").substr(0, 4), "glTF");
}

TEST(BlenderIntegration, PythonErrorKeepsScriptAndLog) {
  const fs::path dir = FreshDir("broken");
  WriteFileAtomic(dir / "scene.py", "import bpy\n\nraise RuntimeError('deliberate failure')\n");
  RealProcessLauncher launcher;
  try {
    RenderSceneDir(dir, RenderRequest{}, BlenderOptions{}, launcher);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("scene.py:3"), std::string::npos) << what;
    EXPECT_NE(what.find("deliberate failure"), std::string::npos) << what;
  }
  EXPECT_TRUE(fs::exists(dir / "scene.py"));
  EXPECT_TRUE(fs::exists(dir / "blender.log"));
}

}  // namespace
}  // namespace scenecraft

namespace scenecraft {
namespace {

TEST(GenerateIntegration, TextToRenderWithReportAndVerdicts) {
  const fs::path dir = FreshDir("generate");
  GenerateOptions options;
  options.final_render = {"workbench", 1, 320, 240};
  options.export_gltf = true;
  OfflinePlanner planner;
  GeometricCritic critic;
  RealProcessLauncher launcher;
  std::vector<std::string> progress;
  Backends backends(planner, critic);
  const GenerateResult r =
      Generate(SceneSource::Text("A round dining table with four chairs around it."), dir, options,
               backends, launcher, [&](const std::string& line) { progress.push_back(line); });
  for (const char* file :
       {"scene.py", "scene.json", "render.png", "readback.json", "report.html", "scene.glb"}) {
    EXPECT_TRUE(fs::exists(dir / file)) << file;
  }
  EXPECT_FALSE(fs::exists(dir / "rounds"));  // the loop's work folder is cleaned up
  ASSERT_TRUE(r.critique.has_value());
  EXPECT_EQ(r.critique->relations_passed, r.critique->relations_total);
  EXPECT_TRUE(r.AllRelationsPass());
  EXPECT_GE(progress.size(), 4u);
  // scene.json carries the final verdicts, and the report shows the relation table.
  const SceneGraph saved = LoadSceneFile(dir / "scene.json");
  EXPECT_EQ(saved.results.size(), saved.relations.size());
  const std::string report = ReadFile(dir / "report.html");
  EXPECT_NE(report.find("<svg"), std::string::npos);
  EXPECT_NE(report.find("around(chair_1, chair_2, chair_3, chair_4, dining_table_1)"),
            std::string::npos);
  // With scene.glb, the report embeds the 3D view (tested in a browser by
  // mcp/ReportViewIntegration).
  EXPECT_NE(report.find("id=\"sc-scene-glb\""), std::string::npos);
  EXPECT_NE(report.find("id=\"sc-viewer\""), std::string::npos);
}

TEST(GenerateIntegration, WithoutBlenderTheScriptIsStillWritten) {
  const fs::path dir = FreshDir("no_blender");
  GenerateOptions options;
  options.blender.blender = "/nonexistent/blender";
  OfflinePlanner planner;
  GeometricCritic critic;
  RealProcessLauncher launcher;
  Backends backends(planner, critic);
  const GenerateResult r =
      Generate(SceneSource::Text("A lamp on a wooden desk."), dir, options, backends, launcher);
  EXPECT_TRUE(fs::exists(dir / "scene.py"));
  EXPECT_TRUE(fs::exists(dir / "scene.json"));
  EXPECT_TRUE(fs::exists(dir / "report.html"));
  EXPECT_FALSE(fs::exists(dir / "render.png"));
  EXPECT_FALSE(r.critique.has_value());
  EXPECT_NE(r.skipped.find("rendering and critique skipped"), std::string::npos) << r.skipped;
  EXPECT_NE(r.skipped.find("/nonexistent/blender"), std::string::npos) << r.skipped;
}

TEST(GenerateIntegration, ARoundThatMakesThingsWorseIsUndone) {
  // A critic that says every later build is worse than the first: the loop must keep round 0.
  class SouringCritic : public Critic {
   public:
    Critique Review(const CritiqueInput& input) override {
      Critique c = inner_.Review(input);
      if (calls_++ > 0) {
        c.relations_passed = 0;
        c.score = 0.0;
      } else {
        Finding f;  // one failing finding so the loop runs
        f.kind = Finding::Kind::kRelation;
        f.relation = 0;
        f.objects = input.graph->relations[0].objects;
        f.measured = "said to fail";
        c.findings.push_back(f);
        c.relations_passed = c.relations_total - 1;
      }
      return c;
    }
    GeometricCritic inner_;
    int calls_ = 0;
  };
  const fs::path dir = FreshDir("undo");
  GenerateOptions options;
  options.rounds = 2;
  options.final_render = {"workbench", 1, 160, 120};
  OfflinePlanner planner;
  SouringCritic critic;
  RealProcessLauncher launcher;
  Backends backends(planner, critic);
  const GenerateResult r =
      Generate(SceneSource::Text("A lamp on a desk."), dir, options, backends, launcher);
  ASSERT_GE(r.rounds.size(), 2u);
  EXPECT_FALSE(r.rounds[1].kept);
  EXPECT_FALSE(r.rounds[1].changes.empty());
}

}  // namespace
}  // namespace scenecraft
