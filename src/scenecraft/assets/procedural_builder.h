// Internal to the procedural catalog: a small vocabulary for writing model recipes by extents,
// and the catalog entry type. Recipes describe parts by their world-aligned extents in object
// space (x right, y back, z up, front facing -Y), which keeps the model's bounds easy to reason
// about: every recipe must fill exactly [-w/2, w/2] x [-d/2, d/2] x [0, h].
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "scenecraft/assets/model.h"
#include "scenecraft/assets/procedural.h"

namespace scenecraft::procedural {

class ModelBuilder {
 public:
  explicit ModelBuilder(Model* model) : model_(model) {}

  // Declares a material (linear RGB).
  void Mat(const std::string& name, double r, double g, double b, double roughness = 0.5,
           double metallic = 0.0, double emission = 0.0, double transmission = 0.0);
  // A box spanning [x0, x1] x [y0, y1] x [z0, z1].
  void Box(double x0, double x1, double y0, double y1, double z0, double z1,
           const std::string& material, double bevel_m = 0.0);
  // A vertical cylinder centred at (cx, cy) from z0 to z1 with diameters dx, dy.
  void Cyl(double cx, double cy, double z0, double z1, double dx, double dy,
           const std::string& material, int segments = 16);
  // A vertical cone (frustum) from z0 to z1; taper = top radius / bottom radius.
  void Cone(double cx, double cy, double z0, double z1, double dx, double dy, double taper,
            const std::string& material, int segments = 16);
  // An ellipsoid spanning the given extents.
  void Sphere(double x0, double x1, double y0, double y1, double z0, double z1,
              const std::string& material, int segments = 16);
  // A cylinder lying along x (wheels, rolls) spanning the given extents.
  void CylX(double x0, double x1, double y0, double y1, double z0, double z1,
            const std::string& material, int segments = 16);
  // A cylinder lying along y.
  void CylY(double x0, double x1, double y0, double y1, double z0, double z1,
            const std::string& material, int segments = 16);
  // A ring in the xy plane (a rim) spanning the given extents.
  void Torus(double cx, double cy, double z0, double z1, double dx, double dy,
             const std::string& material, int segments = 24);
  // A gable roof spanning the extents, its ridge along x at the top.
  void Wedge(double x0, double x1, double y0, double y1, double z0, double z1,
             const std::string& material);
  // A square pyramid spanning the extents, its apex at the top centre.
  void Pyramid(double x0, double x1, double y0, double y1, double z0, double z1,
               const std::string& material);
  // Four square legs of thickness t under [x0, x1] x [y0, y1], from z = 0 to z1.
  void Legs(double x0, double x1, double y0, double y1, double z1, double t,
            const std::string& material);

 private:
  void Add(PartShape shape, Vec3 center, Vec3 size, Vec3 rotation, const std::string& material,
           int segments);
  Model* model_;
};

// A recipe builds a model of size s = (w, d, h).
using Recipe = std::function<void(const Vec3& s, ModelBuilder& b)>;

struct Entry {
  CategoryInfo info;
  std::string main_material;  // the material that colour and material words change
  Recipe recipe;
  // Other shapes chosen by a word of the description ("round" for a round table), tried in order.
  std::vector<std::pair<std::string, Recipe>> variants;
};

// The whole catalog, built once.
const std::vector<Entry>& CatalogEntries();
// The stand-in shapes (procedural_standins.cc): recipes for kinds of things, used for objects
// whose category no catalog entry names. Not categories: the planner never sees them.
const std::vector<Entry>& StandInEntries();

}  // namespace scenecraft::procedural
