#include "scenecraft/assets/sh3d_catalog.h"

#include <gtest/gtest.h>

#include <set>

#include "scenecraft/assets/asset_index.h"
#include "scenecraft/assets/test_zip.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

using testing::TempDir;

std::vector<fs::path> DebianLibraries() {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(DefaultSh3dDirectory(), ec)) {
    if (e.path().extension() == ".sh3f") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Sh3dCatalog, ReadsTheDebianLibraries) {
  const std::vector<fs::path> libraries = DebianLibraries();
  if (libraries.empty()) GTEST_SKIP() << "sweethome3d-furniture is not installed";
  size_t total = 0;
  std::set<std::string> categories;
  for (const fs::path& lib : libraries) {
    const Sh3dCatalog catalog = ReadSh3dCatalog(lib);
    EXPECT_FALSE(catalog.entries.empty()) << lib;
    EXPECT_FALSE(catalog.license.empty()) << lib;
    for (const Sh3dEntry& e : catalog.entries) {
      EXPECT_GT(e.size_cm.x, 0) << e.id;
      EXPECT_FALSE(e.model.empty()) << e.id;
      EXPECT_NE(e.model[0], '/') << e.id;
      categories.insert(e.category);
    }
    total += catalog.entries.size();
  }
  // Debian's five libraries hold 820 models in 12 categories.
  EXPECT_GE(total, 800u);
  EXPECT_TRUE(categories.count("Living room"));
  EXPECT_TRUE(categories.count("Kitchen"));
}

TEST(Sh3dCatalog, ReadsOneKnownEntryExactly) {
  const fs::path lib = DefaultSh3dDirectory() / "KatorLegaz.sh3f";
  if (!fs::exists(lib)) GTEST_SKIP() << "sweethome3d-furniture is not installed";
  const Sh3dCatalog catalog = ReadSh3dCatalog(lib);
  const Sh3dEntry* futon = nullptr;
  for (const Sh3dEntry& e : catalog.entries) {
    if (e.id == "Kator Legaz#futon-couch") futon = &e;
  }
  ASSERT_NE(futon, nullptr);
  EXPECT_EQ(futon->name, "Futon couch");
  EXPECT_EQ(futon->category, "Living room");
  EXPECT_EQ(futon->tags, (std::vector<std::string>{"Sofa", "Seat"}));
  EXPECT_EQ(futon->creator, "Kator Legaz");
  EXPECT_DOUBLE_EQ(futon->size_cm.x, 196);
  EXPECT_DOUBLE_EQ(futon->size_cm.y, 89.8);
  EXPECT_DOUBLE_EQ(futon->size_cm.z, 87.8);
  EXPECT_EQ(futon->model, "katorlegaz/futon-couch/futon-couch.obj");
  EXPECT_FALSE(futon->door_or_window);
  // The library licence is ISO-8859-1 in the file and UTF-8 here.
  EXPECT_NE(catalog.license.find("\xc2\xa9"), std::string::npos) << catalog.license;
}

TEST(Sh3dCatalog, ReadsModelRotationAndElevation) {
  const fs::path dir = TempDir("sh3d_rotation");
  std::string text = testing::Catalog({"T#a|Lamp||20|20|50|lib/a/a.obj"});
  text += "modelRotation#1=1 0 0 0 0 1 0 -1 0\nelevation#1=75.5\ndoorOrWindow#1=true\n";
  testing::WriteZip(dir / "lib.sh3f", {{"PluginFurnitureCatalog.properties", text}});
  const Sh3dCatalog catalog = ReadSh3dCatalog(dir / "lib.sh3f");
  ASSERT_EQ(catalog.entries.size(), 1u);
  EXPECT_EQ(catalog.entries[0].model_rotation, (std::array<double, 9>{1, 0, 0, 0, 0, 1, 0, -1, 0}));
  EXPECT_DOUBLE_EQ(catalog.entries[0].elevation_cm, 75.5);
  EXPECT_TRUE(catalog.entries[0].door_or_window);
}

TEST(Sh3dCatalog, SkipsBadEntriesWithTheirLine) {
  const fs::path dir = TempDir("sh3d_bad_entry");
  testing::WriteZip(
      dir / "lib.sh3f",
      {{"PluginFurnitureCatalog.properties",
        testing::Catalog({"T#good|Chair||45|50|90|lib/c/c.obj", "T#flat|Rug||100|0|1|lib/r/r.obj",
                          "T#nomodel|Stool||30|30|45|"})}});
  const Sh3dCatalog catalog = ReadSh3dCatalog(dir / "lib.sh3f");
  ASSERT_EQ(catalog.entries.size(), 1u);
  ASSERT_EQ(catalog.warnings.size(), 2u);
  EXPECT_NE(catalog.warnings[0].find("PluginFurnitureCatalog.properties:14: entry T#flat has no "
                                     "positive width"),
            std::string::npos)
      << catalog.warnings[0];
}

TEST(Sh3dCatalog, CorruptLibraryIsAClearError) {
  const fs::path dir = TempDir("sh3d_corrupt");
  WriteFileAtomic(dir / "broken.sh3f", "this is not a zip file at all");
  try {
    ReadSh3dCatalog(dir / "broken.sh3f");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("broken.sh3f: not a readable Sweet Home 3D library"),
              std::string::npos)
        << e.what();
  }
  testing::WriteZip(dir / "empty.sh3f", {{"readme.txt", "hello"}});
  EXPECT_THROW(ReadSh3dCatalog(dir / "empty.sh3f"), Error);
}

TEST(Sh3dCatalog, FindsReferencedFiles) {
  EXPECT_EQ(ObjMaterialLibraries("# x\nmtllib a.mtl b.mtl\nv 0 0 0\nmtllibx no\n"),
            (std::vector<std::string>{"a.mtl", "b.mtl"}));
  EXPECT_EQ(MtlTextureMaps("newmtl m\nKd 1 1 1\nmap_Kd -s 1 1 1 wood.jpg\nbump n.png\r\n"
                           "map_Kd -clamp on -imfchan r /a/b c/d e.jpg\n"),
            (std::vector<std::string>{"wood.jpg", "n.png", "/a/b c/d e.jpg"}));
}

TEST(Sh3dCatalog, DropsFacesWithFewerThanThreeVertices) {
  EXPECT_EQ(DropDegenerateObjFaces("v 0 0 0\nf 1 2\nf 1 2 3\r\n  f 4\nl 1 2\nf 1/1 2/2 3/3 4/4"),
            "v 0 0 0\nf 1 2 3\r\nl 1 2\nf 1/1 2/2 3/3 4/4");
}

TEST(Sh3dCatalog, ExtractsOnlyTheModelAndWhatItReferences) {
  const fs::path dir = TempDir("sh3d_extract");
  testing::WriteZip(dir / "lib.sh3f", {{"PluginFurnitureCatalog.properties",
                                        testing::Catalog({"T#a|Chair||45|50|90|lib/a/a.obj"})},
                                       {"lib/a/a.obj", testing::BoxObj(45, 90, 50, "a.mtl")},
                                       {"lib/a/a.mtl", "newmtl m\nKd 1 0 0\nmap_Kd tex/wood.jpg\n"},
                                       {"lib/a/tex/wood.jpg", "jpeg bytes"},
                                       {"lib/a/unused.png", "not needed"},
                                       {"lib/b/b.obj", "v 0 0 0\n"}});
  const ExtractedModel m = ExtractSh3dModel(dir / "lib.sh3f", "lib/a/a.obj", dir / "cache");
  EXPECT_TRUE(m.missing.empty());
  EXPECT_EQ(m.model, dir / "cache" / "sh3d" / "lib" / "lib/a/a.obj");
  EXPECT_TRUE(fs::exists(dir / "cache/sh3d/lib/lib/a/a.mtl"));
  EXPECT_EQ(ReadFile(dir / "cache/sh3d/lib/lib/a/tex/wood.jpg"), "jpeg bytes");
  EXPECT_FALSE(fs::exists(dir / "cache/sh3d/lib/lib/a/unused.png"));
  EXPECT_FALSE(fs::exists(dir / "cache/sh3d/lib/lib/b"));
  EXPECT_EQ(m.extracted.size(), 3u);
  // A second extraction finds everything cached.
  const ExtractedModel again = ExtractSh3dModel(dir / "lib.sh3f", "lib/a/a.obj", dir / "cache");
  EXPECT_TRUE(again.extracted.empty());
}

TEST(Sh3dCatalog, RewritesTexturePathsRelativeToTheMtl) {
  const fs::path dir = TempDir("sh3d_rewrite");
  testing::WriteZip(
      dir / "lib.sh3f",
      {{"PluginFurnitureCatalog.properties", testing::Catalog({"T#r|Rug||100|100|1|lib/r/r.obj"})},
       {"lib/r/r.obj", testing::BoxObj(100, 1, 100, "r.mtl")},
       {"lib/r/r.mtl",
        "newmtl m\nmap_Kd -s 2 2 1 /Users/me/3D/ TEXTURES/Living room rug.jpg\n"
        "map_Ks C:\\art\\shine.png\n"},
       {"lib/r/rug.jpg", "jpeg"},
       {"lib/r/shine.png", "png"}});
  const ExtractedModel m = ExtractSh3dModel(dir / "lib.sh3f", "lib/r/r.obj", dir / "cache");
  EXPECT_TRUE(m.missing.empty()) << m.missing.front();
  EXPECT_EQ(ReadFile(dir / "cache/sh3d/lib/lib/r/r.mtl"),
            "newmtl m\nmap_Kd -s 2 2 1 rug.jpg\nmap_Ks shine.png\n");
  EXPECT_TRUE(fs::exists(dir / "cache/sh3d/lib/lib/r/rug.jpg"));
  EXPECT_TRUE(fs::exists(dir / "cache/sh3d/lib/lib/r/shine.png"));
}

TEST(Sh3dCatalog, ReportsAMissingTexture) {
  const fs::path dir = TempDir("sh3d_missing_texture");
  testing::WriteZip(dir / "lib.sh3f", {{"PluginFurnitureCatalog.properties",
                                        testing::Catalog({"T#a|Chair||45|50|90|lib/a/a.obj"})},
                                       {"lib/a/a.obj", testing::BoxObj(45, 90, 50, "a.mtl")},
                                       {"lib/a/a.mtl", "newmtl m\nmap_Kd gone.jpg\n"}});
  const ExtractedModel m = ExtractSh3dModel(dir / "lib.sh3f", "lib/a/a.obj", dir / "cache");
  ASSERT_EQ(m.missing.size(), 1u);
  EXPECT_EQ(m.missing[0], "gone.jpg (texture of lib/a/a.mtl)");
  EXPECT_THROW(ExtractSh3dModel(dir / "lib.sh3f", "lib/zzz.obj", dir / "cache"), Error);
}

TEST(Sh3dCatalog, ExtractsARealModelWithItsTextures) {
  const fs::path lib = DefaultSh3dDirectory() / "BlendSwap-CC-0.sh3f";
  if (!fs::exists(lib)) GTEST_SKIP() << "sweethome3d-furniture is not installed";
  const fs::path dir = TempDir("sh3d_extract_real");
  const ExtractedModel m =
      ExtractSh3dModel(lib, "blendswap-cc-0/bedWithTexture/bedWithTexture.obj", dir);
  EXPECT_TRUE(m.missing.empty());
  EXPECT_TRUE(fs::exists(m.model));
  EXPECT_TRUE(fs::exists(dir / "sh3d/BlendSwap-CC-0/blendswap-cc-0/bedWithTexture/wood10.jpg"));
}

}  // namespace
}  // namespace scenecraft
