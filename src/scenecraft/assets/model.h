// The model an object is built from: either procedural parts (emitted as data and built by the
// script with bmesh) or a mesh file to import. Models are plain data: the emitter writes them into
// the script's embedded JSON and never into Python source.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "scenecraft/core/geometry.h"

namespace scenecraft {

struct Material {
  std::string name;                                // unique within a model, e.g. "wood"
  std::array<double, 4> rgba{0.8, 0.8, 0.8, 1.0};  // linear base colour
  double roughness = 0.5;
  double metallic = 0.0;
  double transmission = 0.0;  // glass
  double emission = 0.0;      // emission strength (lamp shades, screens)
  // A procedural surface pattern the script builds from nodes: "wood", "fabric", "leather",
  // "marble", "stone", "metal"; empty for a plain surface.
  std::string look;
};

enum class PartShape {
  kBox,       // size = full extents along x, y, z
  kCylinder,  // axis along local z; size.x, size.y = diameters, size.z = height
  kCone,      // a frustum along local z; `taper` = top radius / bottom radius; size bounds it
              // (the wider end has the full size.x, size.y)
  kSphere,    // ellipsoid with diameters size
  kTorus,     // ring in the local xy plane; size.x, size.y = outer diameters, size.z = tube
  kWedge,     // a gable: full box at the bottom, ridge along x at the top centre (roofs)
  kPyramid,   // a square pyramid: full box at the bottom, apex at the top centre (roofs, tents)
};

// One primitive in object space: origin at the object's bottom centre, front facing -Y, metres.
struct Part {
  PartShape shape = PartShape::kBox;
  Vec3 center;           // centre of the part's bounding box before rotation
  Vec3 size{1, 1, 1};    // full extents (see PartShape)
  Vec3 rotation_rad;     // Euler XYZ, applied about `center`
  std::string material;  // name of a Material of the model
  int segments = 16;     // for round shapes
  double taper = 0.0;    // for cones: top radius / bottom radius (0 = pointed)
  double bevel_m = 0.0;  // rounded edges on boxes (0 = sharp)
};

// A mesh file to import instead of parts.
struct ImportSpec {
  std::string path;    // absolute path of the extracted model file
  std::string format;  // "obj", "gltf", "glb", "fbx", "blend"
  // The file's units to metres (Sweet Home 3D: centimetres, 0.01) and whether it is Y-up.
  double unit_scale_m = 1.0;
  bool y_up = false;
  // Extra turn about Z (radians) after axis conversion so the model's front faces -Y.
  double front_yaw_rad = 0.0;
  // A row-major 3x3 rotation applied in the file's own coordinates before anything else
  // (Sweet Home 3D's modelRotation); identity for most models.
  std::array<double, 9> model_rotation{1, 0, 0, 0, 1, 0, 0, 0, 1};
};

struct Model {
  // Models with equal keys are identical and share mesh data in Blender (linked duplicates).
  std::string key;
  std::vector<Part> parts;
  std::vector<Material> materials;
  bool has_import = false;
  ImportSpec import;
  // Width x depth x height the model occupies (the object's size).
  Vec3 size;
  // Imported models: the description's colour tints the main material (its textures kept), and
  // a material or finish word sets its roughness, metalness and transmission.
  std::optional<std::array<double, 4>> tint;
  struct SurfaceChange {
    std::optional<double> roughness, metallic, transmission;
    std::string look;  // as Material::look
  };
  std::optional<SurfaceChange> surface;
  // A light source (light_source.h): the script puts a warm bulb of `watts` at
  // `height_fraction` of the object's height, so lamps are on. Empty: the object gives no light.
  struct Light {
    double height_fraction = 0.8;
    double watts = 40.0;
    std::array<double, 3> rgb{1.0, 0.8, 0.6};  // a warm white bulb
  };
  std::optional<Light> light;
  // Set when the category was unknown and this is the labelled generic shape.
  bool generic = false;
  std::string label;  // text shown on a generic shape
};

}  // namespace scenecraft
