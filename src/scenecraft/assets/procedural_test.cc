#include "scenecraft/assets/procedural.h"

#include <gtest/gtest.h>

#include "scenecraft/assets/appearance.h"
#include "scenecraft/assets/resolve.h"

namespace scenecraft {
namespace {

TEST(Procedural, UnknownCategoryGivesLabelledGenericShape) {
  SceneGraph g;
  g.objects.push_back({});
  g.objects[0].id = "x_1";
  g.objects[0].category = "flux capacitor";
  const auto warnings = ResolveAssets(&g, AssetOptions{});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("flux capacitor"), std::string::npos);
  const Model m = BuildProceduralModel(g.objects[0]);
  EXPECT_TRUE(m.generic);
  EXPECT_EQ(m.label, "flux capacitor");
}

TEST(Procedural, ColourWordsReachTheMainMaterial) {
  const Appearance a = ParseAppearance("a dark green leather");
  ASSERT_TRUE(a.color.has_value());
  ASSERT_TRUE(a.material.has_value());
  EXPECT_EQ(a.material->name, "leather");
  EXPECT_LT((*a.color)[0], (*a.color)[1]);
}

TEST(Procedural, SizeWordsScaleDefaults) {
  const Vec3 s = ApplySizeWords("a small table", {1.0, 1.0, 1.0});
  EXPECT_NEAR(s.x, 0.75, 1e-9);
  EXPECT_NEAR(ApplySizeWords("tall", {1, 1, 1}).z, 1.35, 1e-9);
}

}  // namespace
}  // namespace scenecraft
