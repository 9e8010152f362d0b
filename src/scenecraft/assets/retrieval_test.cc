#include "scenecraft/assets/retrieval.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "scenecraft/assets/model_materials.h"
#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/resolve.h"
#include "scenecraft/assets/test_zip.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

using testing::TempDir;

std::vector<std::string> FakeExpander(std::string_view term) {
  if (term == "sofa") return {"couch", "seat"};
  if (term == "armchair") return {"chair", "seat"};
  // Compounds the fake WordNet knows: one a kind of its head noun, one another kind of thing.
  if (term == "side table") return {"table", "furniture"};
  if (term == "bird table") return {"feeder", "device"};
  return {};
}

class Retrieval : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    testing::WriteZip(
        dir_ / "lib.sh3f",
        {{"PluginFurnitureCatalog.properties",
          testing::Catalog(
              {"T#lamp|Table lamp||30|30|50|l/l.obj", "T#coffee|Coffee table||110|60|45|l/c.obj",
               "T#table|Table||160|90|75|l/t.obj", "T#bigtable|Table||400|200|75|l/b.obj",
               "T#round|Round table|wooden|120|120|75|l/r.obj", "T#sofa|Sofa||200|90|85|l/s.obj",
               "T#toycar|Car||12|5|4|l/toy.obj", "T#arm|Armchair||80|80|90|l/a.obj",
               "T#wc|Toilets unit||40|70|80|l/w.obj", "T#brush|Toilet brush||10|10|40|l/b.obj"})}});
    index_.Index({dir_ / "lib.sh3f"});
  }
  std::string Choose(const std::string& category, const std::string& description = "",
                     Vec3 hint = {}) {
    const auto c = ChooseAsset(index_, {category, description, hint}, "sh3d", {}, FakeExpander);
    return c ? c->record.id : "(none)";
  }
  fs::path dir_;
  AssetIndex index_{":memory:", FakeExpander};
};

TEST_F(Retrieval, PrefersTheExactKindAndAPlausibleSize) {
  // "Table lamp" is a lamp, and the 4 m table is implausible for a 1.6 m dining table.
  EXPECT_EQ(Choose("table", "", {1.6, 0.9, 0.75}), "sh3d:lib/T#table");
  EXPECT_EQ(Choose("tables", "", {1.6, 0.9, 0.75}), "sh3d:lib/T#table");
  EXPECT_EQ(Choose("lamp"), "sh3d:lib/T#lamp");
  EXPECT_EQ(Choose("coffee table", "", {1.0, 0.5, 0.45}), "sh3d:lib/T#coffee");
}

TEST_F(Retrieval, DescriptionWordsBreakTies) {
  EXPECT_EQ(Choose("table", "round wooden", {1.2, 1.2, 0.75}), "sh3d:lib/T#round");
}

TEST_F(Retrieval, SynonymsAndKindsFromTheExpander) {
  EXPECT_EQ(Choose("couch"), "sh3d:lib/T#sofa");
  EXPECT_EQ(Choose("chair"), "sh3d:lib/T#arm");
  EXPECT_EQ(Choose("bookcase"), "(none)");
}

TEST_F(Retrieval, TheBareHeadNounAnswersUnlessWordNetKnowsThePhraseAsSomethingElse) {
  EXPECT_EQ(Choose("kitchen table", "", {1.6, 0.9, 0.75}), "sh3d:lib/T#table");  // unknown
  EXPECT_EQ(Choose("side table", "", {1.6, 0.9, 0.75}), "sh3d:lib/T#table");     // a table
  EXPECT_EQ(Choose("bird table", "", {1.6, 0.9, 0.75}), "(none)");               // a feeder
}

TEST_F(Retrieval, AUnitOfAThingIsTheThing) {
  EXPECT_EQ(Choose("toilet"), "sh3d:lib/T#wc");  // a toilet brush is a brush
}

TEST_F(Retrieval, RejectsImplausibleSizes) {
  EXPECT_EQ(Choose("car", "", {4.5, 1.8, 1.5}), "(none)");  // the 12 cm car is a toy
  EXPECT_EQ(Choose("car"), "sh3d:lib/T#toycar");            // without a hint it is a car
}

TEST_F(Retrieval, IsDeterministic) {
  const auto a = RankAssets(index_, {"table", "", {}}, "sh3d", {}, FakeExpander);
  const auto b = RankAssets(index_, {"table", "", {}}, "sh3d", {}, FakeExpander);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].record.id, b[i].record.id);
}

TEST_F(Retrieval, ResolveUsesTheSourcesInOrderAndTheAssetsTrueSize) {
  SceneGraph g;
  g.objects.push_back(Object{});
  g.objects.back().id = "sofa_1";
  g.objects.back().category = "sofa";
  g.objects.push_back(Object{});
  g.objects.back().id = "bookcase_1";
  g.objects.back().category = "bookcase";
  AssetOptions options;
  options.sources = {"sh3d", "procedural"};
  options.sh3d_paths = {dir_ / "lib.sh3f"};
  options.cache_dir = dir_ / "cache";
  options.expand_terms = FakeExpander;
  const std::vector<std::string> warnings = ResolveAssets(&g, options);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
  EXPECT_EQ(g.objects[0].asset.source, "sh3d");
  EXPECT_EQ(g.objects[0].asset.id, "sh3d:lib/T#sofa");
  EXPECT_NEAR(g.objects[0].size.x, 2.0, 1e-9);
  EXPECT_NEAR(g.objects[0].size.z, 0.85, 1e-9);
  EXPECT_EQ(g.objects[1].asset.source, "procedural");  // no bookcase in the library
  // procedural first: the sofa is procedural too.
  SceneGraph h;
  h.objects.push_back(Object{});
  h.objects.back().id = "sofa_1";
  h.objects.back().category = "sofa";
  options.sources = {"procedural", "sh3d"};
  ResolveAssets(&h, options);
  EXPECT_EQ(h.objects[0].asset.source, "procedural");
}

TEST_F(Retrieval, SizeWordsFitAModelFarFromWhatTheyAskFor) {
  // The only sofa model is 2 m wide: "a small sofa" is fitted to the small size on the axes the
  // word scales; a sofa without size words keeps the model's true size (test above); a word
  // that only changes the height leaves the footprint as modelled.
  const CategoryInfo* sofa = FindProceduralCategory("sofa");
  ASSERT_NE(sofa, nullptr);
  SceneGraph g;
  for (const char* description : {"small", "low"}) {
    g.objects.push_back(Object{});
    g.objects.back().id = std::string(description) + "_sofa";
    g.objects.back().category = "sofa";
    g.objects.back().description = description;
  }
  AssetOptions options;
  options.sources = {"sh3d"};
  options.sh3d_paths = {dir_ / "lib.sh3f"};
  options.cache_dir = dir_ / "cache";
  options.expand_terms = FakeExpander;
  ResolveAssets(&g, options);
  const Object& small = g.objects[0];
  EXPECT_EQ(small.asset.id, "sh3d:lib/T#sofa");
  EXPECT_NEAR(std::max(small.size.x, small.size.y), 0.75 * std::max(sofa->size.x, sofa->size.y),
              1e-6);
  EXPECT_LT(small.size.x, 2.0);
  const Object& low = g.objects[1];
  EXPECT_EQ(low.asset.id, "sh3d:lib/T#sofa");
  EXPECT_NEAR(low.size.x, 2.0, 1e-9);
  EXPECT_NEAR(low.size.y, 0.9, 1e-9);
  EXPECT_NEAR(low.size.z, 0.7 * sofa->size.z, 1e-6);
}

TEST_F(Retrieval, BrokenModelFallsBackToTheProceduralModel) {
  // The catalog names models its zip does not hold: extraction fails at build time.
  SceneGraph g;
  g.objects.push_back(Object{});
  g.objects.back().id = "sofa_1";
  g.objects.back().category = "sofa";
  g.objects.push_back(Object{});
  g.objects.back().id = "table_1";
  g.objects.back().category = "table";
  AssetOptions options;
  options.sources = {"sh3d", "procedural"};
  options.sh3d_paths = {dir_ / "lib.sh3f"};
  options.cache_dir = dir_ / "cache";
  ResolveAssets(&g, options);
  ASSERT_EQ(g.objects[0].asset.source, "sh3d");
  std::vector<std::string> warnings;
  const std::map<std::string, Model> models = BuildModels(g, options, &warnings);
  ASSERT_EQ(models.size(), 2u);
  EXPECT_FALSE(models.at("sofa_1").has_import);
  EXPECT_FALSE(models.at("sofa_1").parts.empty());  // the procedural sofa
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_NE(warnings[0].find("lacks"), std::string::npos) << warnings[0];
  EXPECT_NE(warnings[0].find("object sofa_1 uses the procedural model instead"), std::string::npos)
      << warnings[0];
}

TEST_F(Retrieval, GoodModelIsImportedWithTheProceduralFallback) {
  testing::WriteZip(dir_ / "good.sh3f", {{"PluginFurnitureCatalog.properties",
                                          testing::Catalog({"G#sofa|Sofa||200|90|85|g/s/s.obj"})},
                                         {"g/s/s.obj", testing::BoxObj(200, 85, 90)}});
  SceneGraph g;
  for (const char* id : {"sofa_1", "sofa_2"}) {
    g.objects.push_back(Object{});
    g.objects.back().id = id;
    g.objects.back().category = "sofa";
  }
  AssetOptions options;
  options.sources = {"sh3d"};
  options.sh3d_paths = {dir_ / "good.sh3f"};
  options.cache_dir = dir_ / "cache";
  ResolveAssets(&g, options);
  std::vector<std::string> warnings;
  const std::map<std::string, Model> models = BuildModels(g, options, &warnings);
  EXPECT_TRUE(warnings.empty());
  const Model& m = models.at("sofa_1");
  ASSERT_TRUE(m.has_import);
  EXPECT_EQ(m.import.format, "obj");
  EXPECT_TRUE(m.import.y_up);
  EXPECT_TRUE(fs::exists(m.import.path));
  EXPECT_FALSE(m.parts.empty());
  EXPECT_EQ(m.key, models.at("sofa_2").key);  // one mesh, instanced
}

TEST(ModelMaterials, NamesTexturesAndTransparencySayWhatAModelIsMadeOf) {
  EXPECT_EQ(MaterialClassesOfMtl("newmtl tableglass.001\nKd 0.5 0.5 0.6\nd 0.4\n"
                                 "newmtl aluminium.007\nd 1.0\n"),
            (std::set<std::string>{"glass", "metal"}));
  EXPECT_EQ(MaterialClassesOfMtl("newmtl Material_1\nmap_Kd textures/Oak_Veneer.jpg\n"),
            (std::set<std::string>{"wood"}));
  // "Tr" is the transparency (1 - d); short preset words match only as whole words.
  EXPECT_EQ(MaterialClassesOfMtl("newmtl pane\nTr 0.7\n"), (std::set<std::string>{"glass"}));
  EXPECT_TRUE(MaterialClassesOfMtl("newmtl cloak\nd 0.9\n").empty());
  EXPECT_TRUE(MaterialClassesOfMtl("").empty());
}

// Two coffee tables the catalog names alike, one glass and one oak by their material libraries,
// a wooden desk and a red and a white chair.
class RetrievalLooks : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = TempDir(::testing::UnitTest::GetInstance()->current_test_info()->name());
    testing::WriteZip(dir_ / "lib.sh3f",
                      {{"PluginFurnitureCatalog.properties",
                        testing::Catalog({"T#glass|Coffee table||110|60|45|g/glass.obj",
                                          "T#oak|Coffee table||110|60|45|o/oak.obj",
                                          "T#desk|Wooden desk||120|60|75|d/desk.obj",
                                          "T#white|White chair||45|50|90|w/white.obj",
                                          "T#red|Red chair||45|50|90|r/red.obj"})},
                       {"g/glass.mtl", "newmtl tableglass\nd 0.35\nnewmtl legs_chrome\n"},
                       {"o/oak.mtl", "newmtl top\nmap_Kd oak.jpg\n"}});
    index_.Index({dir_ / "lib.sh3f"});
  }
  std::string Choose(const std::string& category, const std::string& description) {
    const auto c = ChooseAsset(index_, {category, description, {1.1, 0.6, 0.45}}, "sh3d", {}, {});
    return c ? c->record.id : "(none)";
  }
  fs::path dir_;
  AssetIndex index_{":memory:", FakeExpander};
};

TEST_F(RetrievalLooks, MaterialWordsChooseTheModelMadeOfThatMaterial) {
  EXPECT_EQ(Choose("coffee table", "wooden"), "sh3d:lib/T#oak");
  EXPECT_EQ(Choose("coffee table", "walnut"), "sh3d:lib/T#oak");
  EXPECT_EQ(Choose("coffee table", "glass"), "sh3d:lib/T#glass");
  EXPECT_EQ(Choose("coffee table", "small glass"), "sh3d:lib/T#glass");
}

TEST_F(RetrievalLooks, ColourWordsAvoidModelsNamedForAnotherColour) {
  const auto c = ChooseAsset(index_, {"chair", "red", {0.45, 0.5, 0.9}}, "sh3d", {}, {});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->record.id, "sh3d:lib/T#red");
  const auto green = ChooseAsset(index_, {"chair", "green", {0.45, 0.5, 0.9}}, "sh3d", {}, {});
  ASSERT_TRUE(green);  // no green chair: one of the others, still a chair
  EXPECT_EQ(HeadNoun(green->record.kind), "chair");
}

TEST_F(RetrievalLooks, SearchLetsTheHeadNounDecideAndModifiersBreakTies) {
  // "wooden" is in the desk's name, but a chair is asked for.
  const std::vector<RetrievalChoice> chairs = SearchAssets(index_, "wooden chair", 5, "", {});
  ASSERT_GE(chairs.size(), 2u);
  EXPECT_EQ(HeadNoun(chairs[0].record.kind), "chair");
  EXPECT_EQ(HeadNoun(chairs[1].record.kind), "chair");
  // The full-text hits that are no chair come after, at level 0.
  EXPECT_EQ(chairs.back().record.id, "sh3d:lib/T#desk");
  EXPECT_EQ(chairs.back().level, 0);
  const std::vector<RetrievalChoice> tables =
      SearchAssets(index_, "wooden coffee table", 1, "", {});
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0].record.id, "sh3d:lib/T#oak");
  // Words that name no kind still find what the full text finds.
  EXPECT_FALSE(SearchAssets(index_, "wooden", 5, "", {}).empty());
  EXPECT_TRUE(SearchAssets(index_, "wooden", 0, "", {}).empty());
}

TEST(AssetSources, ParsesTheFlag) {
  EXPECT_EQ(ParseAssetSources("sh3d, procedural"),
            (std::vector<std::string>{"sh3d", "procedural"}));
  EXPECT_THROW(ParseAssetSources("sh3d,,procedural"), Error);
  AssetOptions options;
  options.sources = {"no/such/folder"};
  EXPECT_THROW(options.Check(), Error);
}

}  // namespace
}  // namespace scenecraft
