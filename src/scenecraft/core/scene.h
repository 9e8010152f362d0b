// The scene graph: objects, relations and the environment (ARCHITECTURE.md section 3).
#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/geometry.h"
#include "scenecraft/core/relation.h"

namespace scenecraft {

// Where an object usually rests; decides its initial placement and the support check.
enum class Support { kFloor, kSurface, kWall, kCeiling };
std::string_view SupportName(Support support);
std::optional<Support> SupportFromName(std::string_view name);

// A pose: the bottom centre of the object at (x, y, z) and a turn about Z.
// yaw 0 means the object's front faces -Y, toward the default camera.
struct Pose {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;
  double yaw_rad = 0.0;
  std::string ToString() const;
};

// Which model an object uses. `source` is "procedural", "sh3d" or "user"; `id` is the model's id
// within that source (for procedural models, the recipe name).
struct AssetRef {
  std::string source;
  std::string id;
  std::string name;     // human-readable model name
  std::string creator;  // for attributions
  std::string license;  // e.g. "CC-BY 4.0"; attribution is required when it starts with CC-BY
  bool empty() const { return source.empty(); }
  std::string ToString() const { return empty() ? "(none)" : source + ":" + id; }
};

struct Object {
  std::string id;           // stable, e.g. "chair_2"
  std::string category;     // singular noun, e.g. "chair"
  std::string description;  // adjectives: colour, material, style, size words
  std::string count_group;  // the plural phrase it came from, or empty
  AssetRef asset;
  // Width (x) x depth (y) x height (z) in metres; (0, 0, 0) until resolved.
  Vec3 size;
  bool has_front = false;
  Support support = Support::kFloor;
  // The floor kept clear to use it (core/access.h): `access_m` deep in front of its front (open
  // a wardrobe, stand at a sink), or beside one of its long sides when `access_long_side` (get
  // into a bed); 0: none.
  double access_m = 0.0;
  bool access_long_side = false;
  // Solved or given pose; `pose_fixed` means the user gave it and the solver keeps it.
  std::optional<Pose> pose;
  bool pose_fixed = false;
  Source source;

  bool HasSize() const { return size.x > 0 && size.y > 0 && size.z > 0; }
  // The world box the object occupies at its pose (requires pose and size).
  Box3 WorldBox() const;
  std::string ToString() const;
};

// A door or window in a room wall. Relations may name it by its id like an object; it is a
// fixed box in its wall (see core/room.h).
struct Opening {
  std::string kind;  // "door" or "window"
  // A wall name of RoomWalls(): "back" (+Y), "left" (-X), "right" (+X), "front" (-Y) in a box
  // room. Empty: not placed yet, the solver chooses the wall and the offset.
  std::string wall;
  double offset_m = 0.0;  // centre along the wall, from the wall's middle
  double width_m = 0.9;
  double height_m = 2.0;
  double sill_m = 0.0;  // bottom edge above the floor
  std::string id = {};  // e.g. "door_1"; unique among openings and objects, assigned when missing
};

struct Environment {
  enum class Kind { kRoom, kOutdoor };
  Kind kind = Kind::kRoom;
  // Room: width (x), depth (y), height (z). Outdoor: extent along x and y; z is ignored.
  Vec3 size{5.0, 4.0, 2.8};
  // Room: the floor outline, counter-clockwise, with its bounding rectangle centred on the origin
  // (size.x and size.y are that rectangle's extents, size.z the walls' height). Empty: the
  // rectangle of `size`.
  std::vector<Vec2> floor_polygon_m;
  std::vector<Opening> openings;
  // Outdoor ground ("grass", "pavement", "sand", "dirt", "snow") or room floor material.
  std::string ground;
  // The time of day the light shows: one of kTimesOfDay, or empty (unspecified: daylight).
  std::string time_of_day;
  // Room: the kind of room the text names, as the room-type table names it (core/room_types.cc:
  // "kitchen", "bedroom", "bathroom", ... or "room"); empty when the text names none. Chooses the
  // windows, and the floor and walls the script builds when `ground` is empty.
  std::string room_type;
  static constexpr std::array<std::string_view, 6> kTimesOfDay = {"dawn",      "morning", "noon",
                                                                  "afternoon", "dusk",    "night"};
  bool IsRoom() const { return kind == Kind::kRoom; }
  // The floor rectangle: room interior, or the outdoor ground extent.
  Rect2 FloorRect() const;
  // The floor outline, counter-clockwise: floor_polygon_m, or the corners of FloorRect().
  std::vector<Vec2> FloorPolygon() const;
  // Sets floor_polygon_m from any simple polygon: counter-clockwise, moved so its bounding
  // rectangle is centred on the origin, and size.x, size.y to that rectangle's extents.
  void SetFloorPolygon(std::vector<Vec2> polygon);
  std::string ToString() const;
};

struct Camera {
  Vec3 position;
  Vec3 target;
  double fov_deg = 50.0;  // horizontal field of view
  std::string ToString() const;
};

// An ordered group of objects placed together (environment first, details last).
struct Subscene {
  std::string title;
  std::string description;
  std::vector<std::string> objects;
};

// The solver's or critic's verdict on one relation.
struct RelationResult {
  size_t relation = 0;  // index into SceneGraph::relations
  double score = 0.0;   // smooth score in [0, 1]
  bool pass = false;    // the exact RELATIONS.md test
  std::string reason;   // for failures: why, in words with numbers
};

struct SceneGraph {
  static constexpr int kSchema = 1;
  Environment environment;
  std::vector<Object> objects;
  std::vector<Relation> relations;
  std::vector<Subscene> subscenes;
  std::optional<Camera> camera;
  std::vector<std::string> notes;
  // The text the scene was planned from, when there was one.
  std::string prompt;
  // Per-relation results of the last solve or critique, when present.
  std::vector<RelationResult> results;

  const Object* FindObject(std::string_view id) const;
  Object* FindObject(std::string_view id);
  std::string ToString() const;
};

std::ostream& operator<<(std::ostream& out, const Object& o);
std::ostream& operator<<(std::ostream& out, const SceneGraph& g);

}  // namespace scenecraft
