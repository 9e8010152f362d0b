#include "scenecraft/assets/asset_index.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "scenecraft/assets/test_zip.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

using testing::TempDir;

// A stand-in for WordNet: a few synonyms and hypernyms.
std::vector<std::string> FakeExpander(std::string_view term) {
  if (term == "sofa") return {"couch", "lounge", "seat", "furniture"};
  if (term == "armchair") return {"chair", "seat", "furniture"};
  if (term == "chair") return {"seat", "furniture"};
  return {};
}

void WriteLibrary(const fs::path& path) {
  testing::WriteZip(path, {{"PluginFurnitureCatalog.properties",
                            testing::Catalog({"T#sofa|Sofa|Seat|200|90|85|l/s.obj",
                                              "T#armchair|Armchair|Seat|80|80|90|l/a.obj",
                                              "T#chair|Chair 2||45|50|90|l/c.obj",
                                              "T#lamp|Table lamp|Light|30|30|50|l/l.obj",
                                              "T#table|Table||160|90|75|l/t.obj"})}});
}

TEST(AssetIndex, KindOfNameDropsNumbersAndTails) {
  EXPECT_EQ(KindOfName("Chair with cushion"), "chair");
  EXPECT_EQ(KindOfName("Induction cooker 4 zones"), "induction cooker");
  EXPECT_EQ(KindOfName("Bed 140x190"), "bed");
  EXPECT_EQ(KindOfName("Kitchen cabinet (2)"), "kitchen cabinet");
  EXPECT_EQ(KindOfName("TV"), "tv");
  EXPECT_EQ(HeadNoun("coffee tables"), "table");
  EXPECT_EQ(HeadNoun("bookshelves"), "bookshelve");  // rare; WordNet-free on purpose
  EXPECT_EQ(HeadNoun("benches"), "bench");
  EXPECT_EQ(HeadNoun("glass"), "glass");
}

TEST(AssetIndex, SearchRanksNamesAboveRelatedWords) {
  const fs::path dir = TempDir("index_rank");
  WriteLibrary(dir / "lib.sh3f");
  AssetIndex index(":memory:", FakeExpander);
  const IndexStats stats = index.Index({dir / "lib.sh3f"});
  EXPECT_EQ(stats.assets, 5);
  EXPECT_TRUE(stats.warnings.empty());
  const std::vector<AssetHit> chair = index.Search("chair");
  ASSERT_GE(chair.size(), 2u);
  EXPECT_EQ(chair[0].record.id, "sh3d:lib/T#chair");     // the name says chair
  EXPECT_EQ(chair[1].record.id, "sh3d:lib/T#armchair");  // a hypernym says chair
  // A synonym only the expander knows finds the sofa.
  const std::vector<AssetHit> couch = index.Search("couch");
  ASSERT_EQ(couch.size(), 1u);
  EXPECT_EQ(couch[0].record.name, "Sofa");
  EXPECT_NEAR(couch[0].record.size_m.x, 2.0, 1e-9);
  EXPECT_EQ(couch[0].record.unit_scale_m, 0.01);
  EXPECT_EQ(couch[0].record.license, "CC0");
  // FTS syntax in the text is data, not a query.
  EXPECT_NO_THROW(index.Search("\"chair OR NEAR( * -"));
  EXPECT_TRUE(index.Search("").empty());
}

TEST(AssetIndex, ReindexesOnlyChangedFilesAndDropsVanishedOnes) {
  const fs::path dir = TempDir("index_incremental");
  fs::create_directories(dir / "lib");
  WriteLibrary(dir / "lib" / "a.sh3f");
  const std::string db = (dir / "cache" / "assets.sqlite").string();
  {
    AssetIndex index(db, FakeExpander);
    const IndexStats first = index.Index({dir / "lib"});
    EXPECT_EQ(first.files_read, 1);
    EXPECT_EQ(first.assets, 5);
  }
  AssetIndex index(db, FakeExpander);  // reopened from disk
  const IndexStats second = index.Index({dir / "lib"});
  EXPECT_EQ(second.files_read, 0);
  EXPECT_EQ(second.files_unchanged, 1);
  // A changed library is re-read.
  testing::WriteZip(dir / "lib" / "a.sh3f",
                    {{"PluginFurnitureCatalog.properties",
                      testing::Catalog({"T#desk|Desk||120|60|75|l/d.obj"})}});
  const IndexStats third = index.Index({dir / "lib"});
  EXPECT_EQ(third.files_read, 1);
  EXPECT_EQ(third.assets, 1);
  EXPECT_TRUE(index.Search("sofa").empty());
  fs::remove(dir / "lib" / "a.sh3f");
  const IndexStats fourth = index.Index({dir / "lib"});
  EXPECT_EQ(fourth.files_removed, 1);
  EXPECT_EQ(fourth.assets, 0);
}

TEST(AssetIndex, CorruptLibraryIsAWarningAndTheRestIsIndexed) {
  const fs::path dir = TempDir("index_corrupt");
  WriteLibrary(dir / "good.sh3f");
  WriteFileAtomic(dir / "bad.sh3f", "PK\x03\x04 truncated");
  AssetIndex index(":memory:");
  const IndexStats stats = index.Index({dir});
  EXPECT_EQ(stats.assets, 5);
  ASSERT_EQ(stats.warnings.size(), 1u);
  EXPECT_NE(stats.warnings[0].find("bad.sh3f: not a readable Sweet Home 3D library"),
            std::string::npos)
      << stats.warnings[0];
}

TEST(AssetIndex, MeasuresUserModelsWithAssimpAndReadsSidecars) {
  const fs::path dir = TempDir("index_user");
  // A Y-up OBJ in centimetres: 120 wide, 75 high, 60 deep.
  WriteFileAtomic(dir / "models" / "WorkDesk.obj", testing::BoxObj(120, 75, 60));
  WriteFileAtomic(dir / "models" / "WorkDesk.obj.json",
                  R"({"category": "Office", "tags": ["desk", "table"], "scale": 0.01,
                      "front_axis": "+x", "license": "CC-BY 4.0"})");
  WriteFileAtomic(dir / "models" / "broken.obj", "v 1 2\nf 1 2 3 4 5\nthis is not obj\n");
  WriteFileAtomic(dir / "models" / "scene.blend", "BLENDER-v304");
  AssetIndex index(":memory:");
  const IndexStats stats = index.Index({dir / "models"});
  EXPECT_EQ(stats.assets, 1);
  EXPECT_EQ(stats.warnings.size(), 2u);  // the broken OBJ and the .blend
  const std::vector<AssetHit> hits = index.Search("desk", 10, "user");
  ASSERT_EQ(hits.size(), 1u);
  const AssetRecord& r = hits[0].record;
  EXPECT_EQ(r.name, "work desk");
  EXPECT_EQ(r.kind, "work desk");
  EXPECT_EQ(r.category, "Office");
  EXPECT_EQ(r.license, "CC-BY 4.0");
  // Front +X: turned a quarter, so width and depth swap.
  EXPECT_NEAR(r.size_m.x, 0.60, 1e-6);
  EXPECT_NEAR(r.size_m.y, 1.20, 1e-6);
  EXPECT_NEAR(r.size_m.z, 0.75, 1e-6);
  EXPECT_NEAR(r.front_yaw_rad, -3.14159265 / 2, 1e-6);
  EXPECT_TRUE(index.Search("desk", 10, "sh3d").empty());
  EXPECT_EQ(index.Search("desk", 10, "", dir / "models").size(), 1u);
  EXPECT_TRUE(index.Search("desk", 10, "", dir / "elsewhere").empty());
  ASSERT_TRUE(index.Get(r.id).has_value());
  EXPECT_EQ(index.Get(r.id)->file, (dir / "models" / "WorkDesk.obj").string());
}

TEST(AssetIndex, BadSidecarIsAWarningNamingTheKey) {
  const fs::path dir = TempDir("index_bad_sidecar");
  WriteFileAtomic(dir / "chair.obj", testing::BoxObj(0.5, 0.9, 0.5));
  WriteFileAtomic(dir / "chair.obj.json", R"({"front_axis": "up", "colour": "red"})");
  AssetIndex index(":memory:");
  const IndexStats stats = index.Index({dir});
  EXPECT_EQ(stats.assets, 0);
  ASSERT_EQ(stats.warnings.size(), 1u);
  EXPECT_NE(stats.warnings[0].find("/front_axis"), std::string::npos) << stats.warnings[0];
  EXPECT_NE(stats.warnings[0].find("/colour"), std::string::npos) << stats.warnings[0];
}

TEST(AssetIndex, IndexesTheDebianLibraries) {
  if (!fs::exists(DefaultSh3dDirectory() / "Scopia.sh3f")) {
    GTEST_SKIP() << "sweethome3d-furniture is not installed";
  }
  AssetIndex index(":memory:");
  const IndexStats stats = index.Index({DefaultSh3dDirectory()});
  EXPECT_GE(stats.assets, 800);
  const std::vector<AssetHit> hits = index.Search("refrigerator", 5, "sh3d");
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].record.kind, "refrigerator");
  EXPECT_GT(hits[0].record.size_m.z, 1.0);  // a real fridge is taller than a metre
}

}  // namespace
}  // namespace scenecraft
