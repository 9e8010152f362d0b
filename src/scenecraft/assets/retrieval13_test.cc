// Retrieval, thirteenth round: a model named by a kind of the thing the text does not ask for is
// one kind of it among others. Written before the change, with a fake WordNet and a library of
// lamps no corpus names.
#include <gtest/gtest.h>

#include "scenecraft/assets/retrieval.h"
#include "scenecraft/assets/test_zip.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

// "torchiere" and "sconce" are kinds of lamp; the index expands them so.
std::vector<std::string> Kinds(std::string_view term) {
  if (term == "torchiere" || term == "sconce") return {"lamp", "source of illumination"};
  return {};
}

// The model the index of one library picks for `category`.
std::string Choose(const std::string& name, const std::vector<std::string>& rows,
                   const std::string& category, const std::string& description, Vec3 hint) {
  const std::filesystem::path dir = testing::TempDir(name);
  testing::WriteZip(dir / "lib.sh3f",
                    {{"PluginFurnitureCatalog.properties", testing::Catalog(rows)}});
  AssetIndex index(":memory:", Kinds);
  index.Index({dir / "lib.sh3f"});
  const auto c = ChooseAsset(index, {category, description, hint}, "sh3d", {}, Kinds);
  return c ? c->record.id : "(none)";
}

TEST(Retrieval13, AKindTheTextDoesNotAskForGoesFirstOnlyAtTheThingsSize) {
  // For a 0.4 x 0.4 x 1.7 m lamp: a 4 m "street lamp" (a compound of "lamp", more than twice too
  // tall) no longer comes before a torchiere, a kind of lamp of the lamp's size.
  const std::vector<std::string> street_and_torch = {"T#street|Street lamp||60|60|400|l/s.obj",
                                                     "T#torch|Torchiere||35|35|180|l/t.obj"};
  EXPECT_EQ(Choose("r13a", street_and_torch, "lamp", "", {0.4, 0.4, 1.7}), "sh3d:lib/T#torch");
  // Asked for, it is the very thing.
  EXPECT_EQ(Choose("r13b", street_and_torch, "lamp", "street", {0.4, 0.4, 1.7}),
            "sh3d:lib/T#street");
  // A compound within twice the size (a 2.1 m "arc lamp") still comes first.
  EXPECT_EQ(
      Choose("r13c", {"T#arc|Arc lamp||50|40|210|l/a.obj", "T#torch|Torchiere||35|35|180|l/t.obj"},
             "lamp", "", {0.4, 0.4, 1.7}),
      "sh3d:lib/T#arc");
}

TEST(Retrieval13, AKindWordNetKnowsGoesBeforeAModelOnlyTaggedWithTheThing) {
  // A "lantern" tagged "Lamp" at the lamp's very size and a torchiere, which WordNet (here, the
  // fake) knows as a kind of lamp, a little taller: the torchiere.
  EXPECT_EQ(
      Choose("r13d",
             {"T#lantern|Lantern|Lamp|40|40|170|l/l.obj", "T#torch|Torchiere||35|35|180|l/t.obj"},
             "lamp", "", {0.4, 0.4, 1.7}),
      "sh3d:lib/T#torch");
}

}  // namespace
}  // namespace scenecraft
