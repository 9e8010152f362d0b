// Integration tests for real 3D assets: Sweet Home 3D models go through retrieval, extraction,
// the emitted importer and a real Blender, and the readback is checked against the catalog
// (issue 6's acceptance). Suites named *Integration* start Blender.
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/agent/blender_test_support.h"
#include "scenecraft/agent/pipeline.h"
#include "scenecraft/assets/appearance.h"
#include "scenecraft/assets/asset_index.h"
#include "scenecraft/assets/test_zip.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

// Under the build tree: several checkouts may run these tests at once on one machine.
fs::path FreshDir(const std::string& name) {
  return testing::TempDir("sh3d_" + name);
}

Object At(std::string id, std::string category, double x, double y, double yaw_deg) {
  Object o;
  o.id = std::move(id);
  o.category = std::move(category);
  o.pose = Pose{x, y, 0.0, DegToRad(yaw_deg)};
  o.pose_fixed = true;
  return o;
}

using blender_test::Built;

Built BuildAndRender(const SceneGraph& graph, const fs::path& dir, const AssetOptions& assets) {
  BuildOptions options;
  options.assets = assets;
  options.emit.render.engine = "workbench";
  options.emit.render.samples = 1;
  options.emit.render.width = 320;
  options.emit.render.height = 240;
  blender_test::Built out = blender_test::BuildAndRender(graph, dir, options);
  EXPECT_TRUE(fs::exists(dir / "render.png"));
  return out;
}

TEST(Sh3dIntegration, RealModelsAtCatalogSizeFacingTheViewer) {
  if (!fs::exists(DefaultSh3dDirectory() / "KatorLegaz.sh3f")) {
    GTEST_SKIP() << "sweethome3d-furniture is not installed";
  }
  const fs::path dir = FreshDir("real");
  SceneGraph g;
  g.environment.size = {6.0, 5.0, 2.8};
  g.objects = {At("sofa_1", "sofa", 0.0, 1.5, 0), At("armchair_1", "armchair", -1.8, 0.0, 0),
               At("chair_1", "chair", 1.2, -0.5, 0), At("chair_2", "chair", 2.2, -0.5, 0)};
  AssetOptions assets;
  assets.sources = {"sh3d"};
  assets.cache_dir = dir / "cache";
  const Built built = BuildAndRender(g, dir / "scene", assets);
  EXPECT_TRUE(built.readback.warnings.empty()) << built.readback.warnings.front();
  // The two chairs share one model (and so one mesh in Blender).
  const nlohmann::json script_data = nlohmann::json::parse(
      EmitSceneData(built.build.graph, BuildModels(built.build.graph, assets), EmitOptions{}));
  EXPECT_EQ(script_data["models"].size(), 3u);
  AssetIndex index((assets.cache_dir / "assets.sqlite").string());
  for (const Object& o : built.build.graph.objects) {
    ASSERT_EQ(o.asset.source, "sh3d") << o.id;
    const std::optional<AssetRecord> record = index.Get(o.asset.id);
    ASSERT_TRUE(record.has_value()) << o.asset.id;
    const ObjectReadback* r = built.readback.Find(o.id);
    ASSERT_NE(r, nullptr) << o.id;
    // The built mesh has the catalog's width, depth and height (within 2 %).
    const Vec3 want = record->size_m;
    EXPECT_NEAR(r->local_size.x, want.x, 0.02 * want.x) << o.id << " " << record->name;
    EXPECT_NEAR(r->local_size.y, want.y, 0.02 * want.y) << o.id << " " << record->name;
    EXPECT_NEAR(r->local_size.z, want.z, 0.02 * want.z) << o.id << " " << record->name;
    EXPECT_NEAR(r->box.min.z, 0.0, 0.005) << o.id;  // stands on the floor
    // Axes and units were right: the file needed the same scale on every axis (1 cm = 0.01 m).
    ASSERT_TRUE(r->import_fit_scale.has_value()) << o.id;
    const Vec3 fit = *r->import_fit_scale;
    const double lo = std::min({fit.x, fit.y, fit.z}), hi = std::max({fit.x, fit.y, fit.z});
    EXPECT_LT(hi / lo, 1.1) << o.id << " fit " << fit.ToString();
    // Seats have their back rest at +Y: the front faces -Y, toward the default camera.
    ASSERT_TRUE(r->import_top_centroid.has_value());
    EXPECT_GT(r->import_top_centroid->y, 0.05 * want.y)
        << o.id << " " << record->name << " top centroid " << r->import_top_centroid->ToString();
  }
}

// A colour word tints the main material of a textured Sweet Home 3D model: the real Blender's
// material multiplies the kept texture by the colour (readback: textured, base colour = tint).
TEST(Sh3dIntegration, ColourWordTintsATexturedModelAndKeepsItsTexture) {
  if (!fs::exists(DefaultSh3dDirectory() / "KatorLegaz.sh3f")) {
    GTEST_SKIP() << "sweethome3d-furniture is not installed";
  }
  const fs::path dir = FreshDir("tint");
  SceneGraph g;
  g.environment.size = {6.0, 5.0, 2.8};
  g.objects = {At("rug_1", "rug", -1.2, 0.0, 0), At("rug_2", "rug", 1.2, 0.0, 0)};
  g.objects[0].description = "green";
  AssetOptions assets;
  assets.sources = {"sh3d"};
  assets.cache_dir = dir / "cache";
  assets.hypernyms = WordNetHypernymLookup();
  const Built built = BuildAndRender(g, dir / "scene", assets);
  const std::array<double, 4> green = *ParseAppearance("green").color;
  const ObjectReadback* tinted = built.readback.Find("rug_1");
  const ObjectReadback* plain = built.readback.Find("rug_2");
  ASSERT_NE(tinted, nullptr);
  ASSERT_NE(plain, nullptr);
  ASSERT_EQ(built.build.graph.objects[0].asset.id, built.build.graph.objects[1].asset.id);
  ASSERT_FALSE(tinted->materials.empty());
  ASSERT_FALSE(plain->materials.empty());
  // The untinted copy shows the model's own textured material ...
  EXPECT_TRUE(plain->materials[0].textured) << "the rug model has no texture to keep";
  // ... and the tinted one the same texture, multiplied by the colour word's colour.
  const MaterialReadback& main = tinted->materials[0];
  EXPECT_TRUE(main.textured) << main.name;
  for (int k = 0; k < 3; ++k) {
    EXPECT_NEAR(main.base_color[static_cast<size_t>(k)], green[static_cast<size_t>(k)], 1e-3)
        << "channel " << k << " of " << main.name;
  }
  EXPECT_GT(main.area_share, 0.5);  // the main material, not a trim
  fs::remove_all(dir);
}

TEST(Sh3dIntegration, BrokenModelsFallBackAndNothingElseIsLost) {
  const fs::path dir = FreshDir("broken");
  // A library with a readable table, an unreadable sofa OBJ and a lamp whose texture is missing.
  testing::WriteZip(
      dir / "lib.sh3f",
      {{"PluginFurnitureCatalog.properties",
        testing::Catalog({"B#table|Table||160|90|75|b/t/t.obj", "B#sofa|Sofa||200|90|85|b/s/s.obj",
                          "B#bed|Bed||160|200|60|b/b/b.obj"})},
       {"b/t/t.obj", testing::BoxObj(160, 75, 90)},
       {"b/s/s.obj", "this is not an OBJ file\nv a b c\nf 1 2 3\n"},
       {"b/b/b.obj", testing::BoxObj(160, 60, 200, "b.mtl")},
       {"b/b/b.mtl", "newmtl m\nKd 1 1 1\nmap_Kd sheets.jpg\n"}});
  WriteFileAtomic(dir / "broken.sh3f", "PK\x03\x04 not really a zip");
  SceneGraph g;
  g.environment.size = {6.0, 5.0, 2.8};
  g.objects = {At("table_1", "table", 0.0, 0.0, 0), At("sofa_1", "sofa", 0.0, 1.8, 0),
               At("bed_1", "bed", -1.8, 0.5, 0), At("chair_1", "chair", 1.5, 0.0, 0)};
  AssetOptions assets;
  assets.sources = {"sh3d", "procedural"};
  assets.sh3d_paths = {dir / "lib.sh3f", dir / "broken.sh3f"};
  assets.cache_dir = dir / "cache";
  const Built built = BuildAndRender(g, dir / "scene", assets);
  // The corrupt library and the missing texture are warnings at build time.
  const std::string build_warnings = [&] {
    std::string all;
    for (const std::string& w : built.build.warnings) all += w + "\n";
    return all;
  }();
  EXPECT_NE(build_warnings.find("broken.sh3f: not a readable Sweet Home 3D library"),
            std::string::npos)
      << build_warnings;
  EXPECT_NE(build_warnings.find("sheets.jpg (texture of b/b/b.mtl)"), std::string::npos)
      << build_warnings;
  EXPECT_NE(build_warnings.find("object bed_1 uses the procedural model instead"),
            std::string::npos)
      << build_warnings;
  // The unreadable OBJ is a warning from Blender, and the sofa is the procedural one.
  ASSERT_FALSE(built.readback.warnings.empty());
  EXPECT_NE(built.readback.warnings[0].find("has no faces"), std::string::npos)
      << built.readback.warnings[0];
  // Nothing is lost: every object is built at its size.
  ASSERT_EQ(built.readback.objects.size(), 4u);
  for (const Object& o : built.build.graph.objects) {
    const ObjectReadback* r = built.readback.Find(o.id);
    ASSERT_NE(r, nullptr) << o.id;
    EXPECT_GT(r->vertex_count, 0) << o.id;
    EXPECT_NEAR(r->local_size.x, o.size.x, 0.02 * o.size.x) << o.id;
    EXPECT_NEAR(r->local_size.z, o.size.z, 0.02 * o.size.z) << o.id;
  }
  EXPECT_TRUE(built.readback.Find("table_1")->import_fit_scale.has_value());  // imported
  EXPECT_FALSE(built.readback.Find("sofa_1")->import_fit_scale.has_value());  // fallback
  EXPECT_FALSE(built.readback.Find("bed_1")->import_fit_scale.has_value());   // fallback
  EXPECT_EQ(built.build.graph.FindObject("chair_1")->asset.source, "procedural");
}

TEST(Sh3dIntegration, UserFolderObjAndGlbImportAtTheirMeasuredSize) {
  const fs::path dir = FreshDir("user");
  const fs::path models = dir / "models";
  // A Y-up OBJ desk in centimetres (sidecar: scale 0.01), and a GLB crate in metres made from a
  // Y-up OBJ box by assimp (glTF is Y-up, metres).
  WriteFileAtomic(models / "desk.obj", testing::BoxObj(120, 75, 60));
  WriteFileAtomic(models / "desk.obj.json", R"({"scale": 0.01, "tags": ["desk"]})");
  WriteFileAtomic(dir / "crate.obj", testing::BoxObj(0.5, 0.4, 0.3));
  Assimp::Importer importer;
  const aiScene* crate = importer.ReadFile((dir / "crate.obj").string(), aiProcess_Triangulate);
  ASSERT_NE(crate, nullptr) << importer.GetErrorString();
  Assimp::Exporter exporter;
  ASSERT_EQ(exporter.Export(crate, "glb2", (models / "crate.glb").string()), AI_SUCCESS)
      << exporter.GetErrorString();
  SceneGraph g;
  g.environment.size = {5.0, 4.0, 2.8};
  g.objects = {At("desk_1", "desk", 0.0, 0.5, 0), At("crate_1", "crate", 1.5, -0.5, 30)};
  AssetOptions assets;
  assets.sources = {models.string(), "procedural"};
  assets.cache_dir = dir / "cache";
  const Built built = BuildAndRender(g, dir / "scene", assets);
  EXPECT_TRUE(built.readback.warnings.empty()) << built.readback.warnings.front();
  const std::pair<const char*, Vec3> expected[] = {{"desk_1", {1.2, 0.6, 0.75}},
                                                   {"crate_1", {0.5, 0.3, 0.4}}};
  for (const auto& [id, size] : expected) {
    const Object* o = built.build.graph.FindObject(id);
    ASSERT_NE(o, nullptr);
    EXPECT_EQ(o->asset.source, "user") << id;
    EXPECT_NEAR(o->size.x, size.x, 1e-3) << id;
    EXPECT_NEAR(o->size.y, size.y, 1e-3) << id;
    EXPECT_NEAR(o->size.z, size.z, 1e-3) << id;
    const ObjectReadback* r = built.readback.Find(id);
    ASSERT_NE(r, nullptr);
    EXPECT_NEAR(r->local_size.x, size.x, 0.02 * size.x) << id;
    EXPECT_NEAR(r->local_size.y, size.y, 0.02 * size.y) << id;
    EXPECT_NEAR(r->local_size.z, size.z, 0.02 * size.z) << id;
    ASSERT_TRUE(r->import_fit_scale.has_value()) << id;
    // Axes and units right: the mesh needed no stretching.
    EXPECT_NEAR(r->import_fit_scale->x, r->import_fit_scale->z, 0.02 * r->import_fit_scale->z)
        << id << " " << r->import_fit_scale->ToString();
    EXPECT_NEAR(r->import_fit_scale->y, r->import_fit_scale->z, 0.02 * r->import_fit_scale->z)
        << id << " " << r->import_fit_scale->ToString();
  }
}

}  // namespace
}  // namespace scenecraft
