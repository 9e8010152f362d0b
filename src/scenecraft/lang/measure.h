// Sizes the text gives things: "a 2 m long table", "a bird bath that is 1.6 meters wide", "a rug
// of 3 by 2 metres", "a ten-foot ladder", "a shelf 180 cm tall", "a 4 by 5 m room". Read from the
// raw text before the planner's pipeline, like the room's shape (room_shape.h): the words read
// are blanked (spaces, byte offsets kept) so the pipeline builds no "meter"; after the graph is
// built each measurement goes to the object whose noun phrase it belongs to, as the object's
// size, which the asset stage and the solver keep; one that belongs to no object but to the room
// sizes the room.
//
// The grammar (closed classes only): a number (digits or a number word) and a unit of length
// (lengths.h); optionally "by"/"x" and a second and a third; optionally a dimension adjective
// (wide, broad, long, tall, high, deep, across, in diameter). Before it, words that join it to a
// noun before ("that is", "which measures", "of", "measuring", "about") are read with it. A
// measurement after a determiner or a count ("a 2 m long table") belongs to the noun after it;
// one after its noun ("a canoe 3 m long", "a rug of 3 by 2 m") to the noun before.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/stages.h"
#include "scenecraft/lang/room_shape.h"

namespace scenecraft {

struct Measurement {
  // Metres per axis (x width, y depth, z height); 0 where the text says nothing.
  Vec3 size_m;
  // A length whose axis the text leaves open: "long" (the longer side of the footprint) or a
  // bare length ("a ten-foot ladder": the thing's largest extent).
  double length_m = 0.0;
  bool longest_any = false;  // the bare length: the largest extent, height included
  int begin = 0, end = 0;    // the bytes read (blanked)
  // Where its noun is: the first byte of the word after it (`after`) and the last of the word
  // before it (`before`, the word before the joining words); -1 when none may be its noun.
  int after = -1, before = -1;
  int words = 0;  // content words read (units and dimension adjectives)
};

// The measurements of `text`, leaving out the spans the room's shape reading took.
std::vector<Measurement> ReadMeasurements(std::string_view text, const RoomShapeReading& shape);
// `text` with the measurements' spans replaced by spaces.
std::string BlankMeasurements(std::string_view text, const std::vector<Measurement>& ms);

// The size of an object with a measurement: `prior` (the size the thing would have) with the
// stated sides; a side left open keeps the prior's, except the depth of a thing whose footprint
// is about square (a round table, a bird bath), which follows a stated width.
Vec3 MeasuredSize(const Measurement& m, const Vec3& prior);

// Gives each measurement to the object whose noun phrase it belongs to (by the objects' prompt
// spans), sizing it from its expected size (defaults.h) and noting what it did; returns the
// measurements that belong to no object. Run after the graph is built, before the environment is
// chosen, so the room is sized for the measured things.
std::vector<Measurement> SizeMeasuredObjects(const std::vector<Measurement>& ms, PlanResult* plan);
// A measurement of two sides left over names the room's floor ("a 4 by 5 m room") when the
// environment is a room the shape reading gave no size; anything else left over is a warning.
// Run after the environment is chosen.
void SizeRoomFromMeasurements(const std::vector<Measurement>& rest, const RoomShapeReading& shape,
                              PlanResult* plan);

}  // namespace scenecraft
