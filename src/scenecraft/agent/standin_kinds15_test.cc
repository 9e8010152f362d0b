// Stand-ins of the fifteenth round, with the real WordNet. Written before the change ran on them,
// in words no corpus uses.
//
// - A catalog category names more than itself only through its own synonyms: a word it lists
//   that is WordNet's hypernym of the category (the catalog car lists "vehicle") is the class the
//   category belongs to, not the category. A toboggan or a sleigh is a vehicle and no car; an
//   airship is a craft and no car.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/resolve.h"
#include "scenecraft/assets/standin.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

double Extent(const Vec3& v) {
  return std::max({v.x, v.y, v.z});
}

StandIn StandInOf(const char* noun, const std::optional<Vec3>& fits = std::nullopt) {
  const AssetOptions options = WithWordNet({});
  EXPECT_EQ(FindProceduralCategory(noun), nullptr) << noun << " is in the catalog";
  const std::optional<StandIn> s =
      ChooseStandIn(noun, "", options.senses, fits, options.small_copy);
  EXPECT_TRUE(s.has_value()) << noun << " has no stand-in";
  return s.value_or(StandIn{});
}

TEST(StandInKinds15, AVehicleThatIsNoCarTakesNoCarsShape) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // Sleds of every name: a low thing on the ground, about as long as a child, no 4.4 m car.
  for (const char* noun : {"toboggan", "sleigh", "bobsled"}) {
    const StandIn s = StandInOf(noun);
    EXPECT_NE(s.shape, "car") << noun << " " << s.Label();
    EXPECT_LE(Extent(s.size_m), 3.0) << noun << " " << s.size_m.ToString();
    EXPECT_LE(s.size_m.z, 1.2) << noun << " " << s.size_m.ToString();
    EXPECT_EQ(s.support, Support::kFloor) << noun << " " << s.Label();
  }
  // Craft lighter than air are large out of doors, and no car.
  const StandIn airship = StandInOf("airship", Vec3{40.0, 40.0, 30.0});
  EXPECT_NE(airship.shape, "car") << airship.Label();
  EXPECT_GE(Extent(airship.size_m), 6.0) << airship.size_m.ToString();
}

TEST(StandInKinds15, ACatalogCategorysOwnSynonymsStillNameIt) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // A kind of car ("limousine": a car by WordNet) and the car's own synonyms stay cars.
  for (const char* noun : {"limousine", "automobile"}) {
    const AssetOptions options = WithWordNet({});
    const std::optional<StandIn> s =
        ChooseStandIn(noun, "", options.senses, std::nullopt, options.small_copy);
    ASSERT_TRUE(s.has_value()) << noun;
    EXPECT_EQ(s->shape, "car") << noun << " " << s->Label();
  }
}

}  // namespace
}  // namespace scenecraft
