// The architecture of a room: its walls as segments of the floor outline, and the doors and
// windows in them as fixed boxes that relations, the solver and the critic treat like objects.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/geometry.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

// How far an opening's box reaches into the room from the wall's inner face: things standing
// against the wall in front of a door or below a window's top edge overlap it.
constexpr double kOpeningDepthM = 0.05;

// One straight wall: the inner face from `a` to `b` on the floor.
struct WallSegment {
  std::string name;  // "back" (+Y), "right" (+X), "front" (-Y), "left" (-X) in a box room
  Vec2 a;
  Vec2 b;
  Vec2 inward;  // unit normal pointing into the room

  double Length() const { return (b - a).Norm(); }
  // Unit vector from a to b: the direction offsets along the wall are measured in.
  Vec2 Direction() const;
  // The point `offset_m` from the wall's middle along Direction().
  Vec2 PointAt(double offset_m) const;
  // Signed distance of a point from the wall's line, positive inside the room.
  double DistanceInward(const Vec2& p) const { return (p - a).Dot(inward); }
  std::string ToString() const;
};

// The walls of a room (none outdoors). A box room has back, right, front and left, with offsets
// along +X (back, front) and +Y (left, right); a room with a floor polygon has one wall per edge,
// wall_1 from corner 0 to corner 1 and so on, offsets along the edge.
std::vector<WallSegment> RoomWalls(const Environment& environment);
// A wall by its name; "back", "front", "left" and "right" also name the longest wall of a floor
// polygon that faces that way.
// "long" and "short" name the longest and the shortest wall (the first among equals).
const WallSegment* FindWall(const std::vector<WallSegment>& walls, std::string_view name);
// FindWall, and the walls people name by what is in them or across from it: "window" (the wall
// with the room's first window), "door" (with its first door), "opposite_door" (the longest
// wall facing the door's wall, within 45 degrees of straight across), an opening's id ("window_2":
// the wall it is in). Null when the room has no such wall or the opening is not placed yet.
const WallSegment* ResolveWall(const Environment& environment,
                               const std::vector<WallSegment>& walls, std::string_view name);

const Opening* FindOpening(const Environment& environment, std::string_view id);
// Gives every opening without an id one ("door_1", "window_2"), unique among the openings and
// the graph's objects.
void AssignOpeningIds(SceneGraph* graph);
// The box an opening occupies as a fixed object (category "door" or "window", front into the
// room): a door from the floor to its height, a window from its sill, kOpeningDepthM deep.
// Empty while the opening's wall is not chosen, or when its wall does not exist.
std::optional<Object> OpeningObject(const Environment& environment, const Opening& opening);
// Chooses a wall and an offset for every opening whose wall is empty: the middle of the longest
// free stretch of wall (clear of corners and of the other openings), preferring the walls a
// default view shows (not the front wall of a box room). Openings that fit nowhere stay unplaced.
void PlaceOpenings(Environment* environment);
// Adds a door without a wall (the solver places it) to a room that has none: every room has a
// way in. Returns whether it added one.
bool EnsureDoor(Environment* environment);
// The windows a room of a type gets when the text gives it none (core/room_types.cc).
struct RoomTypeWindows {
  std::string_view room;  // a room noun as WordNet names it: "bedroom", "hall", "room"
  int windows = 0;
  double width_m = 0;
  double height_m = 0;
  double sill_m = 0;
};
const std::vector<RoomTypeWindows>& RoomTypeWindowTable();
// The row of a room noun; nullptr when the table does not name it.
const RoomTypeWindows* WindowsForRoomType(std::string_view noun);
// Adds the row's windows without a wall (PlaceOpenings puts them on the longest free stretches
// of wall, apart from each other and from the door). Returns how many it added.
int AddRoomTypeWindows(Environment* environment, const RoomTypeWindows& row);

// OpeningObject of every placed opening, in order.
std::vector<Object> OpeningObjects(const Environment& environment);

// The floor a door sweeps and the first step through it, kept clear: a fixed box in front of a
// placed door, as wide as the door, reaching `kDoorSwingDepthFactor` of its width into the room
// and 2 m high (category "door clearance", id "<door id>.clearance"). Empty for windows and
// unplaced doors.
constexpr double kDoorSwingDepthFactor = 1.0;
// "<door id>.clearance": the id of a door's clearance box.
std::string DoorClearanceId(const std::string& door_id);
std::optional<Object> DoorClearanceObject(const Environment& environment, const Opening& opening);
std::vector<Object> DoorClearanceObjects(const Environment& environment);

}  // namespace scenecraft
