// The walls people name by what is in them or across from it: "the wall with the window", "the
// wall opposite the door", "the window wall". ("The long wall" and "the back wall" are read by the
// chunker, lexicon.h WallSide.) Read from the raw text before the planner's pipeline, like the
// room's shape (room_shape.h): the qualifier words are blanked (spaces, so byte offsets stay), so
// the pipeline reads "a desk against the wall" and does not relate the desk to the window; once
// the graph is built, the wall relations whose words hold the phrase's "wall" get the wall name
// core/room.h ResolveWall understands ("window", "door", "opposite_door").
//
// The grammar (closed classes only): "wall" followed by "with", "that has", "which has" or
// "having", an optional determiner or number, and an opening noun (window, door, doorway,
// entrance, entry; singular or plural): the wall of that opening; "wall" followed by "opposite",
// "opposite to", "opposite from", "across from" or "facing", an optional determiner, and a door
// noun: the wall across from the door; an opening noun right before "wall" ("the window wall").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenecraft/core/stages.h"

namespace scenecraft {

struct WallPhrase {
  std::string wall;    // the name ResolveWall takes: "window", "door" ...
  int wall_begin = 0;  // the byte span of the word "wall"
  int wall_end = 0;
  std::vector<std::pair<int, int>> spans;  // byte spans of the qualifier, blanked (begin, end)
  int words = 0;                           // content words those spans hold (the opening noun)
};

// The wall phrases of `text`, in text order; none when it names no wall by an opening.
std::vector<WallPhrase> ReadWallPhrases(std::string_view text);
// `text` with the phrases' qualifier spans replaced by spaces.
std::string BlankWallPhrases(std::string_view text, const std::vector<WallPhrase>& phrases);
// Gives the planned wall relations (against_wall, on_wall) whose source holds a phrase's "wall"
// the phrase's wall; makes sure the room has the opening a phrase names (a window without a
// wall, or the door core/room.h EnsureDoor adds) and counts the read words as accounted for.
void ApplyWallPhrases(const std::vector<WallPhrase>& phrases, PlanResult* plan);

}  // namespace scenecraft
