#include "scenecraft/assets/procedural.h"

#include <algorithm>
#include <cmath>

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

// Turns v by Euler XYZ angles (x first, then y, then z), as Blender does.
Vec3 Rotate(const Vec3& euler_rad, Vec3 v) {
  const double cx = std::cos(euler_rad.x), sx = std::sin(euler_rad.x);
  const double cy = std::cos(euler_rad.y), sy = std::sin(euler_rad.y);
  const double cz = std::cos(euler_rad.z), sz = std::sin(euler_rad.z);
  v = {v.x, cx * v.y - sx * v.z, sx * v.y + cx * v.z};
  v = {cy * v.x + sy * v.z, v.y, -sy * v.x + cy * v.z};
  return {cz * v.x - sz * v.y, sz * v.x + cz * v.y, v.z};
}

// True when every part has a positive size and the parts' bounds are exactly
// [-w/2, w/2] x [-d/2, d/2] x [0, h] (within 0.5 %): the contract the solver and the readback
// rely on. A turned part is bounded by its turned corners.
bool FillsExactly(const Model& model, const Vec3& size) {
  Box3 bounds;
  for (const Part& p : model.parts) {
    if (!(p.size.x > 0 && p.size.y > 0 && p.size.z > 0)) return false;
    for (double u : {-0.5, 0.5}) {
      for (double v : {-0.5, 0.5}) {
        for (double w : {-0.5, 0.5}) {
          bounds.Extend(p.center +
                        Rotate(p.rotation_rad, {u * p.size.x, v * p.size.y, w * p.size.z}));
        }
      }
    }
  }
  if (bounds.IsEmpty()) return false;
  const Vec3 lo{-size.x / 2, -size.y / 2, 0}, hi{size.x / 2, size.y / 2, size.z};
  const double tol[3] = {0.005 * size.x, 0.005 * size.y, 0.005 * size.z};
  const double got[6] = {bounds.min.x, bounds.min.y, bounds.min.z,
                         bounds.max.x, bounds.max.y, bounds.max.z};
  const double want[6] = {lo.x, lo.y, lo.z, hi.x, hi.y, hi.z};
  for (int i = 0; i < 6; ++i) {
    if (std::abs(got[i] - want[i]) > tol[i % 3]) return false;
  }
  return true;
}

// Stretches a model by `factor` along x, y, z. Parts are turned by quarter turns only, so each
// local axis maps onto one object axis and its extent takes that axis' factor.
void ScaleModel(const Vec3& factor, Model* model) {
  for (Part& p : model->parts) {
    p.center = {p.center.x * factor.x, p.center.y * factor.y, p.center.z * factor.z};
    const Vec3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    double* extents[3] = {&p.size.x, &p.size.y, &p.size.z};
    for (int i = 0; i < 3; ++i) {
      const Vec3 a = Rotate(p.rotation_rad, axes[i]);
      const Vec3 scaled{a.x * factor.x, a.y * factor.y, a.z * factor.z};
      *extents[i] *= scaled.Norm();
    }
    p.bevel_m *= std::min({factor.x, factor.y, factor.z});
  }
  model->size = {model->size.x * factor.x, model->size.y * factor.y, model->size.z * factor.z};
}

// Builds an entry's parts at `size`. Recipes use a few fixed measures (a 4 cm table top, a 12 cm
// back), so far from the default size they can break: a part of negative size or one that sticks
// out. Then the model is built at the default size and stretched, which keeps proportions and
// fills the size exactly.
void BuildParts(const Entry& entry, std::string_view description, const Vec3& size, Model* model) {
  // A description word may choose another shape ("round").
  const procedural::Recipe* recipe = &entry.recipe;
  const std::vector<std::string> words = Split(ReplaceAll(Normalise(description), ",", " "), ' ');
  for (const auto& [word, variant] : entry.variants) {
    if (std::find(words.begin(), words.end(), word) != words.end()) {
      recipe = &variant;
      break;
    }
  }
  procedural::ModelBuilder builder(model);
  (*recipe)(size, builder);
  if (!FillsExactly(*model, size)) {
    model->parts.clear();
    model->materials.clear();
    const Vec3& base = entry.info.size;
    model->size = base;
    (*recipe)(base, builder);
    ScaleModel({size.x / base.x, size.y / base.y, size.z / base.z}, model);
  }
  // Recipes give bevels in metres; on a small object one could exceed half a thin part, and
  // the bevelled faces would cross.
  for (Part& p : model->parts) {
    p.bevel_m = std::min(p.bevel_m, 0.4 * std::min({p.size.x, p.size.y, p.size.z}));
  }
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

Model BuildProceduralModel(const Object& object, const HypernymLookup& hypernyms) {
  Model model;
  model.size = object.size;
  procedural::ModelBuilder builder(&model);
  const Vec3& s = object.size;
  const Entry* entry = FindEntry(object.category);
  // A stand-in (standin.h) names the shape it borrows in its asset id: a catalog category or a
  // stand-in shape.
  if (entry == nullptr && object.asset.source == "procedural" && !object.asset.id.empty()) {
    for (const Entry& e : procedural::StandInEntries()) {
      if (entry == nullptr && e.info.name == object.asset.id) entry = &e;
    }
    if (entry == nullptr) entry = FindEntry(object.asset.id);
  }
  if (entry == nullptr) {
    // A labelled generic shape: a block with rounded edges, the size of the object.
    model.generic = true;
    model.label = object.category;
    builder.Mat("generic", 0.45, 0.45, 0.5, 0.7);
    builder.Box(-s.x / 2, s.x / 2, -s.y / 2, s.y / 2, 0, s.z, "generic",
                std::min({s.x, s.y, s.z}) * 0.08);
    ApplyAppearance(ParseAppearance(object.description, hypernyms), "generic", &model);
  } else {
    // "round table" names the category and the shape at once.
    BuildParts(*entry, std::string(object.category) + " " + object.description, s, &model);
    Appearance appearance = ParseAppearance(object.description, hypernyms);
    // Wood names describe a tree's species ("an oak"), not its foliage's material.
    if (entry->main_material == "leaves") appearance.material.reset();
    ApplyAppearance(appearance, entry->main_material, &model);
  }
  // Identical category, size and description give identical models (shared meshes).
  const std::string shape =
      entry != nullptr && entry != FindEntry(object.category) ? "/" + entry->info.name : "";
  model.key = "procedural:" + Normalise(object.category) + shape + ":" + FormatNumber(s.x) + "x" +
              FormatNumber(s.y) + "x" + FormatNumber(s.z) + ":" + ToLower(object.description);
  return model;
}

}  // namespace scenecraft
