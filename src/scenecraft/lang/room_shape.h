// The floor plan a description gives in words: "an L-shaped living room, 6 by 5 metres, with a 2
// by 2 metre notch", "a T-shaped hall", "a U-shaped kitchen 7 x 5 m with a 3 by 2 m bay". Read
// from the raw text before the planner's pipeline; the words it reads are blanked (spaces, so
// byte offsets stay) so the pipeline does not build "by" or "notch" as objects.
//
// The grammar (closed classes only): a shape adjective "L-shaped", "T-shaped" or "U-shaped" (also
// "L shaped", "L-shape"); the room's size, the first "N by M" (or "N x M") with an optional unit
// (m, metre(s), meter(s), feet, ft) that is not the cut; the cut, an "N by M" followed by its
// unit and a cut noun (notch, cutout, cut-out, recess, bay, alcove). The cut is the part taken
// away: the L's missing corner, the U's bay in the middle of the front, each of the T's two
// missing corners (so the stem is width - 2N wide, the bar depth - M deep).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/scene.h"
#include "scenecraft/core/stages.h"

namespace scenecraft {

struct RoomShapeReading {
  char shape = 0;                          // 'L', 'T', 'U', or 0 when the text names no shape
  std::optional<Vec2> size_m;              // width x depth, when the text gives it
  std::optional<Vec2> cut_m;               // the cut's width x depth, when the text gives it
  std::vector<std::pair<int, int>> spans;  // byte spans read (begin, end)
  int words = 0;                           // how many words those spans hold
  // Proportion words ("a long, narrow room", "a narrow hallway"): the words that may be the
  // noun they describe, and how many times longer than wide that makes it (0: none said).
  std::vector<std::string> elongated_nouns;
  double elongation = 0.0;
};

// Reads the shape words of `text`; an empty reading when it names no shape.
RoomShapeReading ReadRoomShape(std::string_view text);
// `text` with the reading's spans replaced by spaces.
std::string BlankRoomShape(std::string_view text, const RoomShapeReading& reading);
// The floor polygon of a reading, the size falling back to `default_size` (the room the planner
// chose from what it holds) and the cut to a share of the size. Throws Error with the numbers
// when the cut leaves no room.
Polygon2 RoomShapePolygon(const RoomShapeReading& reading, const Vec2& default_size);

// What the planner does with the room the text describes, once it has chosen the environment:
// the floor polygon of `reading` (when it names a shape), the windows of the room's type when the
// text gave no opening (`text_openings` false: the one window ChooseEnvironment adds to any room
// is replaced; the type is `setting` or its nearest WordNet hypernym in RoomTypeWindowTable,
// "room" when the text names none), and the read words counted as accounted for. A setting the
// text calls long or narrow, with no size given, keeps its floor area but gets the reading's
// proportion (its walls then run along the long side).
//
// The proportion words are a closed class: long, narrow, elongated, thin, skinny.
void ShapeRoom(const RoomShapeReading& reading, const std::string& setting, bool text_openings,
               PlanResult* plan);

}  // namespace scenecraft
