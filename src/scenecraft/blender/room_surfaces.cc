// The table of room surfaces. Keys are the room types of core/room_types.cc (the planner fills
// Environment::room_type with one of them); the floors and walls are what such rooms usually
// have, not anything from a prompt.
#include "scenecraft/blender/room_surfaces.h"

#include <vector>

namespace scenecraft {
namespace {

const std::vector<RoomSurfaces>& Table() {
  static const std::vector<RoomSurfaces> table = {
      // Rooms people live in: wooden floors, carpet where people sleep.
      {"living room", "wood", "plaster"},
      {"dining room", "wood", "plaster"},
      {"sitting room", "wood", "plaster"},
      {"bedroom", "carpet", "plaster"},
      {"study", "wood", "plaster"},
      {"library", "wood", "plaster"},
      {"office", "carpet", "plaster"},
      {"classroom", "tile", "plaster"},
      // Wet rooms: tiles underfoot, and on the walls where water splashes.
      {"kitchen", "tile", "plaster"},
      {"bathroom", "tile", "wall_tile"},
      {"toilet", "tile", "wall_tile"},
      {"lavatory", "tile", "wall_tile"},
      {"pantry", "tile", "plaster"},
      // Rooms for work and storage: concrete.
      {"garage", "concrete", "plaster"},
      {"workshop", "concrete", "plaster"},
      {"storeroom", "concrete", "plaster"},
      {"cellar", "concrete", "plaster"},
      {"basement", "concrete", "plaster"},
      // Passages: hard-wearing tiles.
      {"hall", "tile", "plaster"},
      {"hallway", "tile", "plaster"},
      {"corridor", "tile", "plaster"},
      {"passage", "tile", "plaster"},
      {"lobby", "tile", "plaster"},
      {"foyer", "tile", "plaster"},
      {"closet", "wood", "plaster"},
      // Any other room.
      {"room", "wood", "plaster"},
  };
  return table;
}

}  // namespace

const RoomSurfaces& SurfacesForRoomType(std::string_view room_type) {
  for (const RoomSurfaces& row : Table()) {
    if (row.room == room_type) return row;
  }
  return Table().back();
}

ChosenSurfaces ChooseRoomSurfaces(const Environment& environment) {
  if (!environment.IsRoom()) return {};
  if (!environment.ground.empty()) return {environment.ground, "plaster"};
  const RoomSurfaces& row = SurfacesForRoomType(environment.room_type);
  return {std::string(row.floor), std::string(row.walls)};
}

}  // namespace scenecraft
