// Retrieval, fifteenth round: a model named by a compound that WordNet knows as another kind of
// thing is no kind of the compound's last word (a clothes horse is a framework, no horse).
// Written before the change, with a fake WordNet.
#include <gtest/gtest.h>

#include "scenecraft/assets/retrieval.h"
#include "scenecraft/assets/test_zip.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

// The fake WordNet: "drying horse" is a framework, "stable table" a kind of table; "horse" and
// "table" are known; anything else is unknown.
int Distance(std::string_view noun, std::string_view kind) {
  const bool known =
      noun == "drying horse" || noun == "stable table" || noun == "horse" || noun == "table";
  if (!known) return -1;
  if (noun == kind) return 0;
  if (noun == "stable table" && kind == "table") return 1;
  return -1;
}

std::vector<std::string> NoKinds(std::string_view) {
  return {};
}

std::string Choose(const std::string& name, const std::vector<std::string>& rows,
                   const std::string& category, Vec3 hint) {
  const std::filesystem::path dir = testing::TempDir(name);
  testing::WriteZip(dir / "lib.sh3f",
                    {{"PluginFurnitureCatalog.properties", testing::Catalog(rows)}});
  AssetIndex index(":memory:", NoKinds);
  index.Index({dir / "lib.sh3f"});
  const auto c = ChooseAsset(index, {category, "", hint}, "sh3d", {}, NoKinds, Distance);
  return c ? c->record.id : "(none)";
}

TEST(Retrieval15, ACompoundOfAnotherKindIsNoKindOfItsLastWord) {
  EXPECT_EQ(Choose("r15a", {"H#dry|Drying horse||65|95|87|h/d.obj"}, "horse", {0.6, 2.2, 1.6}),
            "(none)");
  // A compound WordNet knows as a kind of the thing still is one.
  EXPECT_EQ(Choose("r15b", {"T#st|Stable table||120|80|75|t/s.obj"}, "table", {1.2, 0.8, 0.75}),
            "sh3d:lib/T#st");
  // A compound WordNet does not know is read by its last word as before.
  EXPECT_EQ(Choose("r15c", {"T#barn|Barn table||120|80|75|t/b.obj"}, "table", {1.2, 0.8, 0.75}),
            "sh3d:lib/T#barn");
}

}  // namespace
}  // namespace scenecraft
