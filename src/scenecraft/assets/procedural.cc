#include "scenecraft/assets/procedural.h"

#include <functional>
#include <map>

#include "scenecraft/assets/appearance.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using S = Support;

// A recipe builds the parts of a model of size (w, d, h) in object space.
using Recipe = std::function<void(const Vec3& size, Model* model)>;

Material MakeMaterial(std::string name, std::array<double, 4> rgba, double roughness = 0.5,
                      double metallic = 0.0) {
  Material m;
  m.name = std::move(name);
  m.rgba = rgba;
  m.roughness = roughness;
  m.metallic = metallic;
  return m;
}

void AddPart(Model* model, PartShape shape, Vec3 center, Vec3 size, std::string material) {
  Part p;
  p.shape = shape;
  p.center = center;
  p.size = size;
  p.material = std::move(material);
  model->parts.push_back(std::move(p));
}

void Box(Model* m, Vec3 center, Vec3 size, std::string material) {
  AddPart(m, PartShape::kBox, center, size, std::move(material));
}

void Cylinder(Model* m, Vec3 center, Vec3 size, std::string material) {
  AddPart(m, PartShape::kCylinder, center, size, std::move(material));
}

// Four legs under a top, inset from the corners.
void Legs(Model* m, double w, double d, double leg_h, double leg_t, double inset,
          const std::string& material) {
  for (int sx : {-1, 1}) {
    for (int sy : {-1, 1}) {
      Box(m, {sx * (w / 2 - inset - leg_t / 2), sy * (d / 2 - inset - leg_t / 2), leg_h / 2},
          {leg_t, leg_t, leg_h}, material);
    }
  }
}

struct Entry {
  CategoryInfo info;
  std::string main_material;  // the material colour and material words apply to
  Recipe recipe;
};

const std::vector<Entry>& Entries() {
  static const std::vector<Entry> entries = [] {
    std::vector<Entry> e;
    e.push_back({{"table",
                  {"dining table", "kitchen table"},
                  {1.2, 0.8, 0.75},
                  false,
                  S::kFloor,
                  {"dining room", "kitchen"}},
                 "wood",
                 [](const Vec3& s, Model* m) {
                   m->materials.push_back(MakeMaterial("wood", {0.35, 0.2, 0.1, 1}, 0.6));
                   const double top = 0.04;
                   Box(m, {0, 0, s.z - top / 2}, {s.x, s.y, top}, "wood");
                   Legs(m, s.x, s.y, s.z - top, 0.06, 0.04, "wood");
                 }});
    e.push_back(
        {{"chair",
          {"dining chair", "seat"},
          {0.45, 0.5, 0.9},
          true,
          S::kFloor,
          {"dining room", "kitchen", "office", "classroom"}},
         "wood",
         [](const Vec3& s, Model* m) {
           m->materials.push_back(MakeMaterial("wood", {0.3, 0.18, 0.09, 1}, 0.6));
           const double seat_h = s.z * 0.5;
           Box(m, {0, 0, seat_h - 0.025}, {s.x, s.y, 0.05}, "wood");
           Legs(m, s.x, s.y, seat_h - 0.05, 0.04, 0.02, "wood");
           // The back is at +Y: the front (where one sits) faces -Y.
           Box(m, {0, s.y / 2 - 0.025, (seat_h + s.z) / 2}, {s.x, 0.05, s.z - seat_h}, "wood");
         }});
    e.push_back({{"lamp",
                  {"table lamp", "desk lamp"},
                  {0.3, 0.3, 0.5},
                  false,
                  S::kSurface,
                  {"bedroom", "living room", "office"}},
                 "shade",
                 [](const Vec3& s, Model* m) {
                   m->materials.push_back(MakeMaterial("metal", {0.6, 0.6, 0.62, 1}, 0.3, 1.0));
                   m->materials.push_back(MakeMaterial("shade", {0.9, 0.85, 0.7, 1}, 0.8));
                   m->materials.back().emission = 2.0;
                   Cylinder(m, {0, 0, 0.015}, {s.x * 0.6, s.y * 0.6, 0.03}, "metal");
                   Cylinder(m, {0, 0, s.z * 0.35}, {0.025, 0.025, s.z * 0.7}, "metal");
                   AddPart(m, PartShape::kCone, {0, 0, s.z * 0.8}, {s.x, s.y, s.z * 0.4}, "shade");
                   m->parts.back().taper = 0.6;
                 }});
    return e;
  }();
  return entries;
}

const Entry* FindEntry(std::string_view name) {
  const std::string key = ToLower(Trim(name));
  for (const Entry& e : Entries()) {
    if (e.info.name == key) return &e;
  }
  for (const Entry& e : Entries()) {
    for (const std::string& s : e.info.synonyms) {
      if (s == key) return &e;
    }
  }
  return nullptr;
}

}  // namespace

const std::vector<CategoryInfo>& ProceduralCategories() {
  static const std::vector<CategoryInfo> infos = [] {
    std::vector<CategoryInfo> out;
    for (const Entry& e : Entries()) out.push_back(e.info);
    return out;
  }();
  return infos;
}

const CategoryInfo* FindProceduralCategory(std::string_view name) {
  const Entry* e = FindEntry(name);
  return e == nullptr ? nullptr : &e->info;
}

Model BuildProceduralModel(const Object& object) {
  Model model;
  model.size = object.size;
  const Entry* entry = FindEntry(object.category);
  if (entry == nullptr) {
    // A labelled generic shape: a rounded block the size of the object.
    model.generic = true;
    model.label = object.category;
    model.materials.push_back(MakeMaterial("generic", {0.55, 0.55, 0.6, 1}, 0.7));
    Box(&model, {0, 0, object.size.z / 2}, object.size, "generic");
    model.parts.back().bevel_m = std::min({object.size.x, object.size.y, object.size.z}) * 0.08;
    ApplyAppearance(ParseAppearance(object.description), "generic", &model);
  } else {
    entry->recipe(object.size, &model);
    ApplyAppearance(ParseAppearance(object.description), entry->main_material, &model);
  }
  // Identical category, size and description give identical models.
  model.key = "procedural:" + ToLower(object.category) + ":" + FormatNumber(object.size.x) + "x" +
              FormatNumber(object.size.y) + "x" + FormatNumber(object.size.z) + ":" +
              ToLower(object.description);
  return model;
}

}  // namespace scenecraft
