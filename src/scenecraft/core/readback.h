// What Blender actually built (the readback) and what a critic says about it (the critique).
// The critic judges the readback, never the solver's own model (ARCHITECTURE.md section 3).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "scenecraft/core/geometry.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

// One material of a built object, as Blender has it: what colour, material and finish words
// became.
struct MaterialReadback {
  std::string name;
  double area_share = 0.0;                       // share of the object's surface it covers
  std::array<double, 4> base_color{0, 0, 0, 1};  // linear RGBA (the tint, when textured)
  bool textured = false;                         // a texture or node pattern drives the base colour
  double roughness = 0.5;
  double metallic = 0.0;
  double transmission = 0.0;
};

struct ObjectReadback {
  std::string id;
  std::string category;
  std::string description;  // as the script stored it (checks that text survives the trip)
  bool has_front = false;
  // World-space bounding box of the object's real (evaluated) mesh, all parts included.
  Box3 box;
  // Extent of the mesh in the object's own frame (width, depth, height): the model's true size.
  Vec3 local_size;
  // The root's transform: location, rotation about Z and uniform-or-not scale.
  Vec3 location;
  double yaw_rad = 0.0;
  Vec3 scale{1.0, 1.0, 1.0};
  int vertex_count = 0;
  // After a render: pixels of the object-index map that show this object, the share of its
  // camera-facing surface samples that are not occluded, and whether its box is in frame.
  std::optional<int> visible_pixels;
  std::optional<double> visible_fraction;
  std::optional<bool> in_frame;
  // Imported models only: the scale that fitted the file (in its own units) to the asset's size,
  // per axis after axis conversion (equal on all three when axes and units were right), and the
  // centroid of the mesh's top quarter in the object's frame (a back rest lies at +Y when the
  // front faces -Y).
  std::optional<Vec3> import_fit_scale;
  std::optional<Vec3> import_top_centroid;
  // Its materials, most area first.
  std::vector<MaterialReadback> materials;
};

// A view the script rendered besides the planned camera (the beauty view): its camera and, per
// object it frames, the share of the corners of the object's real box inside the picture.
struct ViewReadback {
  Vec3 position;
  Vec3 target;
  double fov_deg = 0.0;  // horizontal
  std::map<std::string, double> in_frame;
};

// A part of a door or window (the script's object name, e.g. "window_1.glass"): the share of
// light its material lets straight through and whether it casts shadows.
struct OpeningPartReadback {
  std::string opening;  // the opening's id
  double light_through = 0.0;
  bool casts_shadow = true;
};

// How a written picture came out, in its stored (display) values in [0, 1]: the mean luminance,
// the shares of burnt-out (>= 0.98) and murky (<= 0.02) pixels, and the grain (the mean
// luminance step between horizontal neighbours; render noise raises it).
struct ImageStats {
  double mean = 0.0;
  double burnt = 0.0;
  double murky = 0.0;
  double grain = 0.0;
};

struct Readback {
  std::string blender_version;
  Environment environment;
  std::vector<ObjectReadback> objects;
  std::optional<Camera> camera;
  int image_width = 0;
  int image_height = 0;
  double build_s = 0.0;   // in-Blender time to build the scene
  double render_s = 0.0;  // in-Blender time to render (0 without a render)
  // How visible_pixels was measured: "index_pass" (the render's object-index pass, Cycles) or
  // "ray_map" (camera rays cast on a pixel grid, for engines without that pass); empty: no render.
  std::string visibility_method;
  std::vector<std::string> warnings;  // from the script, e.g. a model that failed to import
  // What the room's "floor", "wall" and "ceiling" (outdoors the "ground") were built with: the
  // script's surface names ("wood", "tile", "carpet", "plaster", "wall_tile", "grass", ...).
  std::map<std::string, std::string> surfaces;
  // The beauty view, when the script rendered one and wrote the readback.
  std::optional<ViewReadback> beauty;
  // The parts of every door and window, by object name.
  std::map<std::string, OpeningPartReadback> openings;
  // The pictures the script wrote ("render", "beauty", "check").
  std::map<std::string, ImageStats> images;

  const ObjectReadback* Find(std::string_view id) const;
};

// One finding of a critic.
struct Finding {
  enum class Kind {
    kRelation,      // a stated relation fails
    kCollision,     // two objects interpenetrate
    kFloating,      // an object rests on nothing
    kOutOfRoom,     // an object leaves the room
    kCount,         // the number of objects of a category is wrong
    kVisibility,    // an object is hidden or out of frame
    kAsset,         // the model disagrees with the plan (size, kind)
    kComposition,   // what only a vision model sees
    kNavigability,  // the floor a walker reaches from the door, and the objects it can use
    kAccess         // the floor kept clear to use an object (a wardrobe's front, a bed's side)
  };
  Kind kind = Kind::kRelation;
  std::optional<size_t> relation;    // index into SceneGraph::relations, for kRelation
  std::vector<std::string> objects;  // the objects concerned
  bool pass = false;                 // for relations: whether it holds
  std::string measured;              // what was measured, with units
  std::string expected;              // what the test asks for
  std::string suggestion;            // what to change
  std::string source = "geometric";  // which critic said it
};

std::string_view FindingKindName(Finding::Kind kind);
std::optional<Finding::Kind> FindingKindFromName(std::string_view name);

struct Critique {
  std::vector<Finding> findings;
  // Share of stated relations (plus counts) that hold, in [0, 1].
  double score = 0.0;
  int relations_total = 0;
  int relations_passed = 0;
  std::string ToString() const;
};

}  // namespace scenecraft
