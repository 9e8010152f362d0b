// Libraries and model folders are data from someone else (issue 11): hostile names, zip bombs,
// references outside a model's folder. The user-level tests (the real CLI on such folders) are in
// cli/assets_cli_integration_test.cc; these pin each check at its seam.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "scenecraft/assets/asset_index.h"
#include "scenecraft/assets/sh3d_catalog.h"
#include "scenecraft/assets/test_zip.h"
#include "scenecraft/assets/user_model.h"
#include "scenecraft/assets/zip_reader.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/paths.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

using testing::TempDir;

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// Every regular file below `dir`.
std::vector<fs::path> FilesBelow(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  return out;
}

TEST(AssetSafety, CatalogSkipsModelsNamedOutsideTheLibrary) {
  const fs::path dir = TempDir("safety_catalog");
  testing::WriteZip(
      dir / "lib.sh3f",
      {{"PluginFurnitureCatalog.properties",
        testing::Catalog(
            {"T#ok|Chair||45|50|90|/lib/ok.obj", "T#up|Sofa||45|50|90|/../../../../victim.obj",
             "T#abs|Sofa||45|50|90|//etc/abs.obj", "T#mid|Sofa||45|50|90|lib/../../mid.obj",
             "T#noext|Sofa||45|50|90|lib/model", "T#dae|Sofa||45|50|90|lib/model.dae",
             "T#huge|Sofa||1e400|50|90|lib/ok.obj"})},
       {"lib/ok.obj", testing::BoxObj(45, 90, 50)}});
  const Sh3dCatalog catalog = ReadSh3dCatalog(dir / "lib.sh3f");
  ASSERT_EQ(catalog.entries.size(), 1u);
  EXPECT_EQ(catalog.entries[0].model, "lib/ok.obj");
  const std::string warnings = Joined(catalog.warnings);
  EXPECT_EQ(catalog.warnings.size(), 6u) << warnings;
  for (const char* id : {"T#up", "T#abs", "T#mid", "T#noext", "T#dae", "T#huge"}) {
    EXPECT_NE(warnings.find(std::string("entry ") + id), std::string::npos) << id << "\n"
                                                                            << warnings;
  }
  EXPECT_NE(warnings.find("leads out of its folder"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("absolute path"), std::string::npos) << warnings;
}

TEST(AssetSafety, ModelWithoutExtensionIsAWarningNotACrash) {
  const fs::path dir = TempDir("safety_noext");
  testing::WriteZip(dir / "lib.sh3f",
                    {{"PluginFurnitureCatalog.properties",
                      testing::Catalog({"T#a|Chair||45|50|90|lib/chair", "T#b|Table||90|90|75|t"})},
                     {"lib/chair", testing::BoxObj(45, 90, 50)}});
  AssetIndex index(":memory:");
  const IndexStats stats = index.Index({dir});
  EXPECT_EQ(stats.assets, 0);
  EXPECT_EQ(stats.warnings.size(), 2u) << Joined(stats.warnings);
}

TEST(AssetSafety, ExtractionRefusesNamesLeavingTheCache) {
  const fs::path dir = TempDir("safety_extract");
  // A stale or edited index could still hand such a name over: extraction checks it again.
  testing::WriteZip(dir / "lib.sh3f",
                    {{"PluginFurnitureCatalog.properties", testing::Catalog({})},
                     {"../../victim.obj", "v 0 0 0\n"},
                     {"lib/a.obj", testing::BoxObj(1, 1, 1, "a.mtl")},
                     {"lib/a.mtl", "newmtl m\nmap_Kd ../../../../../escaped.jpg\n"},
                     {"../escaped.jpg", "jpeg"}});
  EXPECT_THROW(ExtractSh3dModel(dir / "lib.sh3f", "../../victim.obj", dir / "cache"), Error);
  EXPECT_THROW(ExtractSh3dModel(dir / "lib.sh3f", "/abs.obj", dir / "cache"), Error);
  // A texture named outside the zip is missing, never looked up or written outside.
  const ExtractedModel m = ExtractSh3dModel(dir / "lib.sh3f", "lib/a.obj", dir / "cache");
  EXPECT_EQ(m.missing.size(), 1u);
  for (const fs::path& f : FilesBelow(dir)) {
    EXPECT_TRUE(f == dir / "lib.sh3f" || IsInside(dir / "cache", f)) << f;
  }
}

TEST(AssetSafety, ExtractionRefusesACacheFolderThatIsASymlinkOut) {
  const fs::path dir = TempDir("safety_cache_link");
  testing::WriteZip(dir / "lib.sh3f", {{"PluginFurnitureCatalog.properties", testing::Catalog({})},
                                       {"a.obj", testing::BoxObj(1, 1, 1)}});
  fs::create_directories(dir / "cache" / "sh3d");
  fs::create_directories(dir / "elsewhere");
  fs::create_directory_symlink(dir / "elsewhere", dir / "cache" / "sh3d" / "lib");
  EXPECT_THROW(ExtractSh3dModel(dir / "lib.sh3f", "a.obj", dir / "cache"), Error);
  EXPECT_TRUE(fs::is_empty(dir / "elsewhere"));
}

TEST(AssetSafety, ZipLimitsRefuseBigEntriesNamingThem) {
  const fs::path dir = TempDir("safety_limits");
  ZipLimits limits;
  limits.max_entry_bytes = 1 << 20;
  limits.max_total_bytes = 3 << 20;
  limits.max_catalog_bytes = 64 << 10;
  testing::WriteZipWithZeros(
      dir / "bomb.sh3f",
      {{"PluginFurnitureCatalog.properties", testing::Catalog({"T#a|Chair||45|50|90|m/a.obj"})},
       {"m/a.obj", testing::BoxObj(1, 1, 1, "a.mtl")},
       {"m/a.mtl", "newmtl m\nmap_Kd big.jpg\n"}},
      {{"m/big.jpg", 2 << 20}});
  EXPECT_EQ(ReadSh3dCatalog(dir / "bomb.sh3f", limits).entries.size(), 1u);
  try {
    ExtractSh3dModel(dir / "bomb.sh3f", "m/a.obj", dir / "cache", limits);
    ADD_FAILURE() << "a 2 MiB entry passed a 1 MiB limit";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("bomb.sh3f"), std::string::npos) << what;
    EXPECT_NE(what.find("'m/big.jpg'"), std::string::npos) << what;
    EXPECT_NE(what.find("more than 1 MiB"), std::string::npos) << what;
  }
  EXPECT_FALSE(fs::exists(dir / "cache" / "sh3d" / "bomb" / "m" / "big.jpg"));

  // The catalog itself, the total of one model, and the number of entries.
  testing::WriteZipWithZeros(dir / "cat.sh3f", {},
                             {{"PluginFurnitureCatalog.properties", 100 << 10}});
  EXPECT_THROW(ReadSh3dCatalog(dir / "cat.sh3f", limits), Error);
  testing::WriteZipWithZeros(
      dir / "total.sh3f",
      {{"m/a.obj", testing::BoxObj(1, 1, 1, "a.mtl")},
       {"m/a.mtl",
        "newmtl a\nmap_Kd 1.jpg\nnewmtl b\nmap_Kd 2.jpg\nnewmtl c\nmap_Kd 3.jpg\nmap_d 4.jpg\n"},
       {"PluginFurnitureCatalog.properties", testing::Catalog({})}},
      {{"m/1.jpg", 1000 << 10},
       {"m/2.jpg", 1000 << 10},
       {"m/3.jpg", 1000 << 10},
       {"m/4.jpg", 1000 << 10}});
  try {
    ExtractSh3dModel(dir / "total.sh3f", "m/a.obj", dir / "cache", limits);
    ADD_FAILURE() << "4 entries of 1000 KiB passed a total of 3 MiB";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("expand to more than 3 MiB"), std::string::npos)
        << e.what();
  }
  std::map<std::string, std::string> many{{"PluginFurnitureCatalog.properties", ""}};
  for (int i = 0; i < 20; ++i) many["f" + std::to_string(i)] = "";
  testing::WriteZip(dir / "many.sh3f", many);
  limits.max_entries = 10;
  EXPECT_THROW(ReadSh3dCatalog(dir / "many.sh3f", limits), Error);
}

// A user model folder whose files point elsewhere: each is refused by name, and no warning
// quotes what the outside file holds.
TEST(AssetSafety, UserModelsMayOnlyUseFilesInTheirFolder) {
  const fs::path dir = TempDir("safety_user");
  const fs::path models = dir / "models";
  WriteFileAtomic(dir / "secret.txt", "root:x:0:0:SECRET-LINE\n");
  WriteFileAtomic(dir / "secret.mtl", "newmtl m\nKd 1 0 0\n# SECRET-LINE\n");
  WriteFileAtomic(models / "ok" / "chair.obj", testing::BoxObj(0.5, 0.9, 0.5, "chair.mtl"));
  WriteFileAtomic(models / "ok" / "chair.mtl", "newmtl m\nmap_Kd ../tex/wood.png\n");
  WriteFileAtomic(models / "mtl_out" / "sofa.obj", testing::BoxObj(2, 0.9, 1, "../../secret.mtl"));
  WriteFileAtomic(models / "tex_abs" / "desk.obj", testing::BoxObj(1, 0.7, 0.6, "desk.mtl"));
  WriteFileAtomic(models / "tex_abs" / "desk.mtl",
                  "newmtl m\nmap_Kd " + (dir / "secret.txt").string() + "\n");
  const std::string gltf_base =
      R"({"asset": {"version": "2.0"}, "buffers": [{"byteLength": 8, "uri": "URI"}]})";
  WriteFileAtomic(models / "gltf_up" / "lamp.gltf",
                  ReplaceAll(gltf_base, "URI", "..%2F..%2Fsecret.txt"));
  WriteFileAtomic(models / "gltf_file" / "bed.gltf",
                  ReplaceAll(gltf_base, "URI", "file://" + (dir / "secret.txt").string()));
  {  // A GLB whose JSON chunk names an outside buffer.
    std::string json =
        R"({"asset": {"version": "2.0"}, "buffers": [{"byteLength": 8, "uri": "../../secret.txt"}]})";
    while (json.size() % 4 != 0) json += ' ';
    auto u32 = [](uint32_t v) {
      return std::string{static_cast<char>(v & 255), static_cast<char>((v >> 8) & 255),
                         static_cast<char>((v >> 16) & 255), static_cast<char>(v >> 24)};
    };
    const std::string glb = "glTF" + u32(2) + u32(static_cast<uint32_t>(20 + json.size())) +
                            u32(static_cast<uint32_t>(json.size())) + "JSON" + json;
    WriteFileAtomic(models / "glb_up" / "vase.glb", glb);
  }
  fs::create_directories(models / "link");
  fs::create_symlink(dir / "secret.txt", models / "link" / "table.obj");
  WriteFileAtomic(models / "sidecar" / "stool.obj", testing::BoxObj(0.4, 0.5, 0.4));
  fs::create_symlink(dir / "secret.txt", models / "sidecar" / "stool.obj.json");

  AssetIndex index(":memory:");
  const IndexStats stats = index.Index({models});
  const std::string warnings = Joined(stats.warnings);
  EXPECT_EQ(stats.assets, 1) << warnings;
  EXPECT_TRUE(index.Get("user:" + (models / "ok" / "chair.obj").string()).has_value());
  for (const char* bad :
       {"sofa.obj", "desk.obj", "lamp.gltf", "bed.gltf", "table.obj", "stool.obj.json"}) {
    const auto it =
        std::find_if(stats.warnings.begin(), stats.warnings.end(),
                     [&](const std::string& w) { return w.find(bad) != std::string::npos; });
    ASSERT_NE(it, stats.warnings.end()) << bad << "\n" << warnings;
    EXPECT_NE(it->find("refused file name"), std::string::npos) << *it;
  }
  EXPECT_EQ(warnings.find("SECRET-LINE"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("root:x"), std::string::npos) << warnings;
  // The same check stands before Blender is handed a model (the folder may change after indexing).
  EXPECT_NO_THROW(CheckModelReferences(models, models / "ok" / "chair.obj"));
  WriteFileAtomic(models / "ok" / "chair.mtl", "newmtl m\nmap_Kd ../../../secret.txt\n");
  EXPECT_THROW(CheckModelReferences(models, models / "ok" / "chair.obj"), Error);
}

// With no HOME and no XDG_CACHE_HOME, the cache is a folder of this user's own, never a shared
// name another user could create first.
TEST(AssetSafety, CacheWithoutHomeIsPrivateToTheUser) {
  struct Unset {
    std::string name;
    std::optional<std::string> old;
    explicit Unset(std::string n) : name(std::move(n)) {
      if (const char* v = std::getenv(name.c_str())) old = v;
      ::unsetenv(name.c_str());
    }
    ~Unset() {
      if (old) ::setenv(name.c_str(), old->c_str(), 1);
    }
  };
  const Unset home("HOME"), xdg("XDG_CACHE_HOME"), own("SCENECRAFT_CACHE_DIR");
  const fs::path dir = DefaultCacheDirectory();
  EXPECT_EQ(dir, fs::temp_directory_path() / ("scenecraft-cache-" + std::to_string(::geteuid())));
  struct stat st {};
  ASSERT_EQ(::lstat(dir.c_str(), &st), 0);
  EXPECT_TRUE(S_ISDIR(st.st_mode));
  EXPECT_EQ(st.st_uid, ::geteuid());
  EXPECT_EQ(st.st_mode & 077, 0u);
}

}  // namespace
}  // namespace scenecraft
