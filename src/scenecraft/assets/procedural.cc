#include "scenecraft/assets/procedural.h"

#include <algorithm>

#include "scenecraft/assets/appearance.h"
#include "scenecraft/assets/procedural_builder.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace procedural {

void ModelBuilder::Mat(const std::string& name, double r, double g, double b, double roughness,
                       double metallic, double emission, double transmission) {
  Material m;
  m.name = name;
  m.rgba = {r, g, b, 1.0};
  m.roughness = roughness;
  m.metallic = metallic;
  m.emission = emission;
  m.transmission = transmission;
  model_->materials.push_back(m);
}

void ModelBuilder::Add(PartShape shape, Vec3 center, Vec3 size, Vec3 rotation,
                       const std::string& material, int segments) {
  Part p;
  p.shape = shape;
  p.center = center;
  p.size = size;
  p.rotation_rad = rotation;
  p.material = material;
  p.segments = segments;
  model_->parts.push_back(p);
}

void ModelBuilder::Box(double x0, double x1, double y0, double y1, double z0, double z1,
                       const std::string& material, double bevel_m) {
  Add(PartShape::kBox, {(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2}, {x1 - x0, y1 - y0, z1 - z0},
      {}, material, 0);
  model_->parts.back().bevel_m = bevel_m;
}

void ModelBuilder::Cyl(double cx, double cy, double z0, double z1, double dx, double dy,
                       const std::string& material, int segments) {
  Add(PartShape::kCylinder, {cx, cy, (z0 + z1) / 2}, {dx, dy, z1 - z0}, {}, material, segments);
}

void ModelBuilder::Cone(double cx, double cy, double z0, double z1, double dx, double dy,
                        double taper, const std::string& material, int segments) {
  Add(PartShape::kCone, {cx, cy, (z0 + z1) / 2}, {dx, dy, z1 - z0}, {}, material, segments);
  model_->parts.back().taper = taper;
}

void ModelBuilder::Sphere(double x0, double x1, double y0, double y1, double z0, double z1,
                          const std::string& material, int segments) {
  Add(PartShape::kSphere, {(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2},
      {x1 - x0, y1 - y0, z1 - z0}, {}, material, segments);
}

void ModelBuilder::CylX(double x0, double x1, double y0, double y1, double z0, double z1,
                        const std::string& material, int segments) {
  // A quarter turn about y takes the local z axis to x: local size (h, d, length).
  Add(PartShape::kCylinder, {(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2},
      {z1 - z0, y1 - y0, x1 - x0}, {0, kPi / 2, 0}, material, segments);
}

void ModelBuilder::CylY(double x0, double x1, double y0, double y1, double z0, double z1,
                        const std::string& material, int segments) {
  // A quarter turn about x takes the local z axis to y: local size (w, h, length).
  Add(PartShape::kCylinder, {(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2},
      {x1 - x0, z1 - z0, y1 - y0}, {kPi / 2, 0, 0}, material, segments);
}

void ModelBuilder::Torus(double cx, double cy, double z0, double z1, double dx, double dy,
                         const std::string& material, int segments) {
  Add(PartShape::kTorus, {cx, cy, (z0 + z1) / 2}, {dx, dy, z1 - z0}, {}, material, segments);
}

void ModelBuilder::Wedge(double x0, double x1, double y0, double y1, double z0, double z1,
                         const std::string& material) {
  Add(PartShape::kWedge, {(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2}, {x1 - x0, y1 - y0, z1 - z0},
      {}, material, 0);
}

void ModelBuilder::Pyramid(double x0, double x1, double y0, double y1, double z0, double z1,
                           const std::string& material) {
  Add(PartShape::kPyramid, {(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2},
      {x1 - x0, y1 - y0, z1 - z0}, {}, material, 0);
}

void ModelBuilder::Legs(double x0, double x1, double y0, double y1, double z1, double t,
                        const std::string& material) {
  for (double x : {x0, x1 - t}) {
    for (double y : {y0, y1 - t}) Box(x, x + t, y, y + t, 0, z1, material);
  }
}

}  // namespace procedural

namespace {

using procedural::CatalogEntries;
using procedural::Entry;

std::string Normalise(std::string_view name) {
  std::string key = ToLower(Trim(name));
  std::replace(key.begin(), key.end(), '_', ' ');
  std::replace(key.begin(), key.end(), '-', ' ');
  return key;
}

const Entry* FindEntry(std::string_view name) {
  const std::string key = Normalise(name);
  for (const Entry& e : CatalogEntries()) {
    if (e.info.name == key) return &e;
  }
  for (const Entry& e : CatalogEntries()) {
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
    for (const Entry& e : CatalogEntries()) out.push_back(e.info);
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
  procedural::ModelBuilder builder(&model);
  const Vec3& s = object.size;
  const Entry* entry = FindEntry(object.category);
  if (entry == nullptr) {
    // A labelled generic shape: a block with rounded edges, the size of the object.
    model.generic = true;
    model.label = object.category;
    builder.Mat("generic", 0.45, 0.45, 0.5, 0.7);
    builder.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, s.z, "generic",
                std::min({s.x, s.y, s.z}) * 0.08);
    ApplyAppearance(ParseAppearance(object.description), "generic", &model);
  } else {
    entry->recipe(s, builder);
    ApplyAppearance(ParseAppearance(object.description), entry->main_material, &model);
  }
  // Identical category, size and description give identical models (shared meshes).
  model.key = "procedural:" + Normalise(object.category) + ":" + FormatNumber(s.x) + "x" +
              FormatNumber(s.y) + "x" + FormatNumber(s.z) + ":" + ToLower(object.description);
  return model;
}

}  // namespace scenecraft
