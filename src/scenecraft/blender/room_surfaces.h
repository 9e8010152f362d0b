// What the floor and walls of a room of a type are made of when the text does not say
// (Environment::room_type, Environment::ground): kitchens and bathrooms tiled, bedrooms carpeted,
// living rooms wooden, workshops and garages concrete. The script builds these from its SURFACES.
#pragma once

#include <string>
#include <string_view>

#include "scenecraft/core/scene.h"

namespace scenecraft {

// One row of the table (room_surfaces.cc): a room type of core/room_types.cc and the script's
// surface names for its floor and walls.
struct RoomSurfaces {
  std::string_view room;   // "kitchen"
  std::string_view floor;  // a surface of the script: "wood", "tile", "carpet", "concrete"
  std::string_view walls;  // "plaster" or "wall_tile"
};

// The row of a room type; the plain room's row ("room": wood and plaster) for an empty or unknown
// type.
const RoomSurfaces& SurfacesForRoomType(std::string_view room_type);

// The floor and walls a room is built with: its `ground` when the text named the floor (walls
// stay plaster then), else its type's row. Empty strings outdoors.
struct ChosenSurfaces {
  std::string floor;
  std::string walls;
};
ChosenSurfaces ChooseRoomSurfaces(const Environment& environment);

}  // namespace scenecraft
