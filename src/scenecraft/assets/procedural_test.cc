#include "scenecraft/assets/procedural.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "scenecraft/assets/appearance.h"
#include "scenecraft/assets/resolve.h"

namespace scenecraft {
namespace {

// The bounds of one part in object space: the turned corners of its box (round shapes are
// inscribed in their box, so the box bounds them; the catalog only turns parts by quarter turns).
Box3 PartBounds(const Part& p) {
  Box3 out;
  const double cx = std::cos(p.rotation_rad.x), sx = std::sin(p.rotation_rad.x);
  const double cy = std::cos(p.rotation_rad.y), sy = std::sin(p.rotation_rad.y);
  const double cz = std::cos(p.rotation_rad.z), sz = std::sin(p.rotation_rad.z);
  for (double u : {-0.5, 0.5}) {
    for (double v : {-0.5, 0.5}) {
      for (double w : {-0.5, 0.5}) {
        Vec3 q{u * p.size.x, v * p.size.y, w * p.size.z};
        q = {q.x, cx * q.y - sx * q.z, sx * q.y + cx * q.z};   // about x
        q = {cy * q.x + sy * q.z, q.y, -sy * q.x + cy * q.z};  // about y
        q = {cz * q.x - sz * q.y, sz * q.x + cz * q.y, q.z};   // about z
        out.Extend(p.center + q);
      }
    }
  }
  return out;
}

Object Make(const std::string& category, const Vec3& size, const std::string& description = "") {
  Object o;
  o.id = "x_1";
  o.category = category;
  o.size = size;
  o.description = description;
  return o;
}

TEST(Procedural, CatalogCoversAtLeastFiftyCategories) {
  EXPECT_GE(ProceduralCategories().size(), 50u);
  std::set<std::string> names;
  for (const CategoryInfo& c : ProceduralCategories()) {
    EXPECT_TRUE(names.insert(c.name).second) << "duplicate category " << c.name;
    EXPECT_TRUE(c.size.x > 0 && c.size.y > 0 && c.size.z > 0) << c.name;
  }
  // Every synonym names one category only.
  std::set<std::string> synonyms;
  for (const CategoryInfo& c : ProceduralCategories()) {
    for (const std::string& s : c.synonyms) {
      EXPECT_EQ(names.count(s), 0u) << s << " is both a category and a synonym";
      EXPECT_TRUE(synonyms.insert(s).second) << "synonym " << s << " is used twice";
    }
  }
}

// The model fills exactly its size: [-w/2, w/2] x [-d/2, d/2] x [0, h], at the default size and
// at distorted sizes, for every category (the solver and the readback rely on it).
TEST(Procedural, EveryModelFillsExactlyItsSize) {
  for (const CategoryInfo& c : ProceduralCategories()) {
    for (const Vec3& scale : {Vec3{1, 1, 1}, Vec3{1.6, 0.7, 1.2}, Vec3{0.6, 1.4, 0.8}}) {
      const Vec3 size{c.size.x * scale.x, c.size.y * scale.y, c.size.z * scale.z};
      const Model m = BuildProceduralModel(Make(c.name, size));
      ASSERT_FALSE(m.parts.empty()) << c.name;
      EXPECT_FALSE(m.generic) << c.name;
      Box3 bounds;
      for (const Part& p : m.parts) {
        bounds.Extend(PartBounds(p));
        bool known = false;
        for (const Material& mat : m.materials) known = known || mat.name == p.material;
        EXPECT_TRUE(known) << c.name << ": part uses unknown material " << p.material;
      }
      const double tol_x = 0.005 * size.x, tol_y = 0.005 * size.y, tol_z = 0.005 * size.z;
      EXPECT_NEAR(bounds.min.x, -size.x / 2, tol_x) << c.name << " scale " << scale;
      EXPECT_NEAR(bounds.max.x, size.x / 2, tol_x) << c.name << " scale " << scale;
      EXPECT_NEAR(bounds.min.y, -size.y / 2, tol_y) << c.name << " scale " << scale;
      EXPECT_NEAR(bounds.max.y, size.y / 2, tol_y) << c.name << " scale " << scale;
      EXPECT_NEAR(bounds.min.z, 0.0, tol_z) << c.name << " scale " << scale;
      EXPECT_NEAR(bounds.max.z, size.z, tol_z) << c.name << " scale " << scale;
    }
  }
}

TEST(Procedural, SynonymsResolve) {
  EXPECT_EQ(FindProceduralCategory("couch")->name, "sofa");
  EXPECT_EQ(FindProceduralCategory("Lamp Post")->name, "street lamp");
  EXPECT_EQ(FindProceduralCategory("fridge")->name, "refrigerator");
  EXPECT_EQ(FindProceduralCategory("bookcase")->name, "bookshelf");
  EXPECT_EQ(FindProceduralCategory("tv_stand")->name, "tv stand");
  EXPECT_EQ(FindProceduralCategory("flux capacitor"), nullptr);
}

TEST(Procedural, FrontsAndSupportsAreSensible) {
  EXPECT_TRUE(FindProceduralCategory("chair")->has_front);
  EXPECT_TRUE(FindProceduralCategory("tv")->has_front);
  EXPECT_FALSE(FindProceduralCategory("table")->has_front);
  EXPECT_EQ(FindProceduralCategory("painting")->support, Support::kWall);
  EXPECT_EQ(FindProceduralCategory("chandelier")->support, Support::kCeiling);
  EXPECT_EQ(FindProceduralCategory("lamp")->support, Support::kSurface);
  EXPECT_EQ(FindProceduralCategory("rug")->support, Support::kFloor);
}

TEST(Procedural, ColourWordsReachTheMainMaterial) {
  const Model red = BuildProceduralModel(Make("sofa", {2, 0.9, 0.85}, "red leather"));
  const Model plain = BuildProceduralModel(Make("sofa", {2, 0.9, 0.85}));
  const Material* fabric = nullptr;
  for (const Material& m : red.materials) {
    if (m.name == "fabric") fabric = &m;
  }
  ASSERT_NE(fabric, nullptr);
  EXPECT_GT(fabric->rgba[0], 3 * fabric->rgba[1]);  // red
  EXPECT_LT(fabric->roughness, 0.6);                // leather, not cloth
  EXPECT_NE(red.key, plain.key);                    // different models, not shared
}

TEST(Procedural, UnknownCategoryGivesLabelledGenericShape) {
  SceneGraph g;
  g.objects.push_back(Make("flux capacitor", {0, 0, 0}));
  const auto warnings = ResolveAssets(&g, AssetOptions{});
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("flux capacitor"), std::string::npos);
  const Model m = BuildProceduralModel(g.objects[0]);
  EXPECT_TRUE(m.generic);
  EXPECT_EQ(m.label, "flux capacitor");
}

TEST(Procedural, ColourWordsParse) {
  const Appearance a = ParseAppearance("a dark green leather");
  ASSERT_TRUE(a.color.has_value());
  ASSERT_TRUE(a.material.has_value());
  EXPECT_EQ(a.material->name, "leather");
  EXPECT_LT((*a.color)[0], (*a.color)[1]);
}

TEST(Procedural, SizeWordsScaleDefaults) {
  EXPECT_NEAR(ApplySizeWords("a small table", {1.0, 1.0, 1.0}).x, 0.75, 1e-9);
  EXPECT_NEAR(ApplySizeWords("tall", {1, 1, 1}).z, 1.35, 1e-9);
}

}  // namespace
}  // namespace scenecraft
