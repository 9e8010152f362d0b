#include "scenecraft/assets/procedural.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

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

// Checks that the model fills exactly its size: [-w/2, w/2] x [-d/2, d/2] x [0, h] within 0.5 %
// (the solver and the readback rely on it), and that every part is real and uses a declared
// material.
void ExpectFillsExactly(const std::string& category, const Vec3& size,
                        const std::string& standin_shape = "") {
  Object o = Make(category, size);
  if (!standin_shape.empty()) o.asset = {"procedural", standin_shape, "", "", ""};
  const Model m = BuildProceduralModel(o);
  ASSERT_FALSE(m.parts.empty()) << category;
  EXPECT_FALSE(m.generic) << category;
  Box3 bounds;
  for (const Part& p : m.parts) {
    EXPECT_TRUE(p.size.x > 0 && p.size.y > 0 && p.size.z > 0)
        << category << " at " << size << ": a part has size " << p.size;
    EXPECT_LE(p.bevel_m, 0.5 * std::min({p.size.x, p.size.y, p.size.z}))
        << category << " at " << size << ": a bevel wider than its part";
    bounds.Extend(PartBounds(p));
    bool known = false;
    for (const Material& mat : m.materials) known = known || mat.name == p.material;
    EXPECT_TRUE(known) << category << ": part uses unknown material " << p.material;
  }
  const double tol_x = 0.005 * size.x, tol_y = 0.005 * size.y, tol_z = 0.005 * size.z;
  EXPECT_NEAR(bounds.min.x, -size.x / 2, tol_x) << category << " at " << size;
  EXPECT_NEAR(bounds.max.x, size.x / 2, tol_x) << category << " at " << size;
  EXPECT_NEAR(bounds.min.y, -size.y / 2, tol_y) << category << " at " << size;
  EXPECT_NEAR(bounds.max.y, size.y / 2, tol_y) << category << " at " << size;
  EXPECT_NEAR(bounds.min.z, 0.0, tol_z) << category << " at " << size;
  EXPECT_NEAR(bounds.max.z, size.z, tol_z) << category << " at " << size;
}

// Every category, at its default size and at sizes distorted differently along each axis.
TEST(Procedural, EveryModelFillsExactlyItsSize) {
  for (const CategoryInfo& c : ProceduralCategories()) {
    for (const Vec3& scale : {Vec3{1, 1, 1}, Vec3{1.6, 0.7, 1.2}, Vec3{0.6, 1.4, 0.8}}) {
      ExpectFillsExactly(c.name, {c.size.x * scale.x, c.size.y * scale.y, c.size.z * scale.z});
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

// The categories (and the synonyms people write for them) that planners and users rely on.
TEST(Procedural, CatalogHasTheRequiredCategoriesAndSynonyms) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> required = {
      {"table", {}},
      {"chair", {}},
      {"armchair", {}},
      {"sofa", {"couch", "settee"}},
      {"bed", {}},
      {"nightstand", {"bedside table"}},
      {"desk", {}},
      {"office chair", {}},
      {"lamp", {"table lamp", "desk lamp"}},
      {"floor lamp", {}},
      {"ceiling lamp", {"chandelier", "pendant lamp"}},
      {"bookshelf", {"bookcase"}},
      {"wardrobe", {"closet", "armoire"}},
      {"dresser", {"chest of drawers"}},
      {"cabinet", {}},
      {"shelf", {"wall shelf"}},
      {"tv", {"television"}},
      {"tv stand", {"tv cabinet"}},
      {"coffee table", {}},
      {"side table", {}},
      {"rug", {"carpet"}},
      {"plant", {"potted plant", "houseplant"}},
      {"vase", {}},
      {"monitor", {}},
      {"keyboard", {}},
      {"laptop", {}},
      {"mug", {"cup"}},
      {"book", {}},
      {"box", {"crate"}},
      {"refrigerator", {"fridge"}},
      {"stove", {"oven", "cooker"}},
      {"sink", {}},
      {"toilet", {}},
      {"bathtub", {"bath", "tub"}},
      {"counter", {"kitchen counter"}},
      {"stool", {}},
      {"bar stool", {}},
      {"tree", {"oak", "pine"}},
      {"bush", {"shrub", "rose bush", "hedge"}},
      {"rock", {"boulder", "stone"}},
      {"bench", {"park bench"}},
      {"street lamp", {"lamp post", "streetlight"}},
      {"car", {}},
      {"house", {}},
      {"fence", {}},
      {"fountain", {}},
      {"trash can", {"bin", "garbage can"}},
      {"painting", {"picture", "frame"}},
      {"mirror", {}},
      {"projector screen", {"screen"}},
      {"cat", {}},
      {"dog", {}},
      {"chessboard", {}},
      {"fireplace", {}},
      {"bird bath", {"birdbath"}},
      {"clock", {}},
      {"pillow", {"cushion"}},
      {"plate", {}},
      {"bowl", {}},
      {"bottle", {}},
      {"picnic table", {}},
      {"tent", {}},
      {"bicycle", {}},
      {"piano", {}},
      {"whiteboard", {"blackboard"}},
      {"speaker", {}},
      {"flower", {}},
      {"curtain", {}},
  };
  for (const auto& [name, synonyms] : required) {
    const CategoryInfo* info = FindProceduralCategory(name);
    ASSERT_NE(info, nullptr) << name;
    EXPECT_EQ(info->name, name);
    EXPECT_FALSE(info->scenes.empty()) << name;
    for (const std::string& s : synonyms) {
      const CategoryInfo* syn = FindProceduralCategory(s);
      ASSERT_NE(syn, nullptr) << s;
      EXPECT_EQ(syn->name, name) << s;
    }
  }
  // Rooms have openings: windows and doors are not objects.
  EXPECT_EQ(FindProceduralCategory("window"), nullptr);
  EXPECT_EQ(FindProceduralCategory("door"), nullptr);
}

// Every scene type the brief names has objects to furnish it.
TEST(Procedural, EverySceneTypeHasCategories) {
  for (const std::string scene : {"living room", "bedroom", "dining room", "kitchen", "bathroom",
                                  "office", "classroom", "street", "park", "garden", "forest"}) {
    int count = 0;
    for (const CategoryInfo& c : ProceduralCategories()) {
      for (const std::string& s : c.scenes) count += s == scene ? 1 : 0;
    }
    EXPECT_GE(count, 3) << scene;
  }
}

TEST(Procedural, FrontsMatchTheObjects) {
  for (const char* name : {"chair", "office chair", "armchair", "sofa", "bed", "tv", "desk",
                           "wardrobe", "refrigerator", "car", "bench", "monitor", "laptop",
                           "toilet", "stove", "piano", "fireplace", "bookshelf", "dresser"}) {
    EXPECT_TRUE(FindProceduralCategory(name)->has_front) << name;
  }
  for (const char* name : {"table", "coffee table", "rug", "plant", "tree", "bush", "rock", "vase",
                           "bowl", "plate", "bottle", "stool", "fountain", "bird bath"}) {
    EXPECT_FALSE(FindProceduralCategory(name)->has_front) << name;
  }
}

TEST(Procedural, SupportsMatchTheObjects) {
  for (const char* name :
       {"painting", "mirror", "projector screen", "whiteboard", "clock", "curtain", "shelf"}) {
    EXPECT_EQ(FindProceduralCategory(name)->support, Support::kWall) << name;
  }
  for (const char* name : {"lamp", "tv", "monitor", "keyboard", "laptop", "mug", "book",
                           "chessboard", "flower", "vase", "plate", "bowl", "bottle"}) {
    EXPECT_EQ(FindProceduralCategory(name)->support, Support::kSurface) << name;
  }
  EXPECT_EQ(FindProceduralCategory("ceiling lamp")->support, Support::kCeiling);
  for (const char* name : {"sofa", "bed", "tree", "car", "bench", "rug", "house"}) {
    EXPECT_EQ(FindProceduralCategory(name)->support, Support::kFloor) << name;
  }
  // A rug is very thin.
  EXPECT_LT(FindProceduralCategory("rug")->size.z, 0.05);
}

// The front faces -Y: backs, headboards and backrests are at +Y, screens at -Y.
TEST(Procedural, ModelsFaceMinusY) {
  auto tallest_part_y = [](const std::string& category) {
    const CategoryInfo* c = FindProceduralCategory(category);
    const Model m = BuildProceduralModel(Make(category, c->size));
    const Part* top = &m.parts[0];
    for (const Part& p : m.parts) {
      if (p.center.z + p.size.z / 2 > top->center.z + top->size.z / 2 + 1e-9) top = &p;
    }
    return top->center.y;
  };
  for (const char* name : {"chair", "armchair", "sofa", "bed", "bench", "office chair"}) {
    EXPECT_GT(tallest_part_y(name), 0.0) << name << ": its back should be at +Y";
  }
  for (const char* name : {"tv", "monitor"}) {
    const CategoryInfo* c = FindProceduralCategory(name);
    const Model m = BuildProceduralModel(Make(name, c->size));
    bool screen_seen = false;
    for (const Part& p : m.parts) {
      if (p.material != "screen") continue;
      screen_seen = true;
      EXPECT_LT(p.center.y, 0.0) << name << ": the screen should face -Y";
    }
    EXPECT_TRUE(screen_seen) << name;
  }
}

// Size words and users make objects much smaller or larger than their defaults ("a tiny
// chair", "a huge tree"); the parts must stay real and keep filling the size.
TEST(Procedural, ModelsStayWellFormedFromTinyToHuge) {
  for (const CategoryInfo& c : ProceduralCategories()) {
    for (double scale : {0.3, 0.5, 2.0, 3.0}) ExpectFillsExactly(c.name, c.size * scale);
  }
}

// The stand-in shapes (standin.h) keep the same contract at every size their table gives, and
// far from it.
TEST(Procedural, StandInShapesFillExactlyTheirSize) {
  for (const StandInKind& k : StandInKinds()) {
    for (double scale : {1.0, 0.3, 3.0}) {
      ExpectFillsExactly("unheard-of " + std::string(k.hypernym), k.size_m * scale,
                         std::string(k.shape));
    }
    ExpectFillsExactly("unheard-of thing", {k.size_m.x * 1.6, k.size_m.y * 0.7, k.size_m.z * 1.2},
                       std::string(k.shape));
  }
}

TEST(Procedural, EveryCategoryTakesColourWords) {
  for (const CategoryInfo& c : ProceduralCategories()) {
    const Model plain = BuildProceduralModel(Make(c.name, c.size));
    const Model red = BuildProceduralModel(Make(c.name, c.size, "red"));
    int changed = 0;
    for (size_t i = 0; i < red.materials.size(); ++i) {
      const auto& rgba = red.materials[i].rgba;
      if (rgba != plain.materials[i].rgba && rgba[0] > 3 * rgba[1]) ++changed;
    }
    EXPECT_EQ(changed, 1) << c.name << ": 'red' should recolour exactly the main material";
  }
}

TEST(Procedural, MainMaterialIsTheOnePeopleDescribe) {
  auto colour_of = [](const std::string& category, const std::string& description,
                      const std::string& material) {
    const Model m =
        BuildProceduralModel(Make(category, FindProceduralCategory(category)->size, description));
    for (const Material& mat : m.materials) {
      if (mat.name == material) return mat.rgba;
    }
    ADD_FAILURE() << category << " has no material " << material;
    return std::array<double, 4>{};
  };
  EXPECT_EQ(colour_of("table", "blue", "wood"), *ColorFromWord("blue"));
  EXPECT_EQ(colour_of("car", "blue", "paint"), *ColorFromWord("blue"));
  EXPECT_EQ(colour_of("sofa", "blue", "fabric"), *ColorFromWord("blue"));
  EXPECT_EQ(colour_of("bed", "blue", "bedding"), *ColorFromWord("blue"));
  // A material word changes the main material's kind: a metal table is metallic.
  const Model metal = BuildProceduralModel(Make("table", {1.2, 0.8, 0.75}, "metal"));
  for (const Material& mat : metal.materials) {
    if (mat.name == "wood") {
      EXPECT_GT(mat.metallic, 0.5);
    }
  }
}

TEST(Procedural, TreeSpeciesWordsKeepTheFoliageGreen) {
  const Model oak = BuildProceduralModel(Make("tree", {3, 3, 5}, "oak"));
  for (const Material& mat : oak.materials) {
    if (mat.name == "leaves") {
      EXPECT_GT(mat.rgba[1], mat.rgba[0]);
    }
  }
  // Colour words still apply ("an autumn-red maple").
  const Model red = BuildProceduralModel(Make("tree", {3, 3, 5}, "red"));
  for (const Material& mat : red.materials) {
    if (mat.name == "leaves") {
      EXPECT_GT(mat.rgba[0], mat.rgba[1]);
    }
  }
}

// "A round dining table": the word picks a round top, which still fills the object's size; a
// pine is a conifer.
TEST(Procedural, ShapeWordsPickVariants) {
  auto top_shape = [](const std::string& category, const std::string& description) {
    const Vec3 size = FindProceduralCategory(category)->size;
    const Model m = BuildProceduralModel(Make(category, size, description));
    const Part* top = &m.parts[0];
    for (const Part& p : m.parts) {
      if (p.center.z + p.size.z / 2 > top->center.z + top->size.z / 2 + 1e-9) top = &p;
    }
    return top->shape;
  };
  EXPECT_EQ(top_shape("table", ""), PartShape::kBox);
  EXPECT_EQ(top_shape("table", "round wooden"), PartShape::kCylinder);
  EXPECT_EQ(top_shape("round table", ""), PartShape::kCylinder);
  EXPECT_EQ(top_shape("coffee table", "small, round"), PartShape::kCylinder);
  EXPECT_EQ(top_shape("rug", "round red"), PartShape::kCylinder);
  EXPECT_EQ(top_shape("table", "surrounded"), PartShape::kBox);
  EXPECT_EQ(top_shape("tree", ""), PartShape::kSphere);
  EXPECT_EQ(top_shape("pine tree", ""), PartShape::kCone);
  EXPECT_EQ(top_shape("tree", "tall fir"), PartShape::kCone);
  for (const char* name : {"table", "coffee table", "side table", "rug", "tree"}) {
    const Vec3 size = FindProceduralCategory(name)->size;
    const Model m = BuildProceduralModel(Make(name, size * 1.7, "round pine"));
    Box3 bounds;
    for (const Part& p : m.parts) bounds.Extend(PartBounds(p));
    EXPECT_NEAR(bounds.Size().x, size.x * 1.7, 0.005 * size.x * 1.7) << name;
    EXPECT_NEAR(bounds.Size().y, size.y * 1.7, 0.005 * size.y * 1.7) << name;
    EXPECT_NEAR(bounds.Size().z, size.z * 1.7, 0.005 * size.z * 1.7) << name;
  }
}

TEST(Procedural, IdenticalObjectsShareTheirModelKey) {
  const Model a = BuildProceduralModel(Make("chair", {0.45, 0.5, 0.9}, "red"));
  const Model b = BuildProceduralModel(Make("chair", {0.45, 0.5, 0.9}, "red"));
  const Model c = BuildProceduralModel(Make("chair", {0.45, 0.5, 1.0}, "red"));
  EXPECT_EQ(a.key, b.key);
  EXPECT_NE(a.key, c.key);
  // A synonym builds the same model as its category.
  EXPECT_EQ(BuildProceduralModel(Make("couch", {2, 0.9, 0.85})).parts.size(),
            BuildProceduralModel(Make("sofa", {2, 0.9, 0.85})).parts.size());
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
  // "mini" (a mini fridge, a mini bar) is a size word too.
  EXPECT_NEAR(ApplySizeWords("mini", {1, 1, 1}).z, 0.5, 1e-9);
}

}  // namespace
}  // namespace scenecraft
