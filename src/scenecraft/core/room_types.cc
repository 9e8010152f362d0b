// The windows a room of a type gets when the text gives it none (docs/ROOMS.md, "Automatic
// windows"): a table of room nouns as WordNet names them, read by WindowsForRoomType. The planner
// looks up the room's noun, then its WordNet hypernyms nearest first ("nursery" -> "room",
// "kitchenette" -> "kitchen"), so a room type the table does not name takes its nearest kind's
// windows.
#include "scenecraft/core/room.h"

namespace scenecraft {

const std::vector<RoomTypeWindows>& RoomTypeWindowTable() {
  // room noun, windows, width, height, sill (m).
  static const std::vector<RoomTypeWindows> table = {
      // Rooms people live in get daylight: big rooms two windows, others one. Sills of 0.9 m
      // clear a sofa's back (about 0.85 m) against the wall below.
      {"living room", 2, 1.4, 1.3, 0.9},
      {"dining room", 2, 1.2, 1.3, 0.9},
      {"sitting room", 2, 1.2, 1.3, 0.9},
      {"bedroom", 1, 1.2, 1.3, 0.9},
      {"kitchen", 1, 1.2, 1.0, 1.1},  // above the worktop
      {"office", 1, 1.4, 1.3, 0.9},
      {"study", 1, 1.2, 1.3, 0.9},
      {"classroom", 2, 1.6, 1.4, 0.9},
      {"library", 1, 1.2, 1.4, 0.9},
      // Wet rooms: one small window, high for privacy.
      {"bathroom", 1, 0.6, 0.6, 1.5},
      {"toilet", 1, 0.5, 0.5, 1.6},
      {"lavatory", 1, 0.5, 0.5, 1.6},
      // Garages and workshops: one small high window.
      {"garage", 1, 1.0, 0.5, 1.7},
      {"workshop", 1, 1.2, 0.8, 1.2},
      // Passages and stores: none (their light comes through doors).
      {"hall", 0, 0, 0, 0},
      {"hallway", 0, 0, 0, 0},
      {"corridor", 0, 0, 0, 0},
      {"passage", 0, 0, 0, 0},
      {"lobby", 0, 0, 0, 0},
      {"foyer", 0, 0, 0, 0},
      {"closet", 0, 0, 0, 0},
      {"storeroom", 0, 0, 0, 0},
      {"pantry", 0, 0, 0, 0},
      {"cellar", 0, 0, 0, 0},
      {"basement", 0, 0, 0, 0},
      // Any other room: one window.
      {"room", 1, 1.2, 1.2, 0.9},
  };
  return table;
}

const RoomTypeWindows* WindowsForRoomType(std::string_view noun) {
  for (const RoomTypeWindows& row : RoomTypeWindowTable()) {
    if (row.room == noun) return &row;
  }
  return nullptr;
}

}  // namespace scenecraft
