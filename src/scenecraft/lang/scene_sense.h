// What a noun the text names as the scene can be: the environment (inside a room or building,
// or out of doors) or a thing. Decided from all of its WordNet senses, not only the most
// frequent: a sense under a room, a storey, a building, a shelter, an establishment, a workplace
// or a facility is a place seen from inside; under a tract, a field, a yard or a road one out of
// doors; an area (or, when the text names it as the scene, any structure) one whose definition
// says which. A more frequent sense that is a thing wins unless what the text puts in the noun is
// too big to be held by that thing (a lounge is first a seat; three sofas make it the room).
// Used by the reader (reader_places.cc) once the sentence structure says the noun names the
// scene; the structure is the caller's, the senses are decided here.
#pragma once

#include <optional>
#include <string>

namespace scenecraft {

struct SceneSenseQuery {
  bool any_structure = false;  // the text names it as the scene ("X: ...", "On the X, ...")
  bool vehicle = false;        // a vehicle counts (seen from inside)
  double contents_m2 = 0.0;    // the floor area of what the text puts in it
  // Only a room, building, establishment ... or a tract counts, no area or structure: for a noun
  // the text also places things by ("a fireplace with a couch facing it": a fireplace is a
  // recess, an area, by WordNet).
  bool strong_only = false;
  // What the text puts in it is furniture or household appliances and nothing of it belongs out
  // of doors (no plant, no vehicle, nothing WordNet defines as of the open air): a later sense
  // that is inside wins over an outdoor one or a thing ("a den with a couch": a lair first, a
  // room by its fourth sense; "a galley with a stove": a ship first, a kitchen by its third).
  bool indoor_contents = false;
};

// true: a place seen from inside; false: a place out of doors; nullopt: a thing (or unknown).
std::optional<bool> SceneSense(const std::string& category, const SceneSenseQuery& query);

// Whether a thing belongs out of doors: a plant, a vehicle, an outbuilding or a fence, or what
// WordNet defines as of the open air or the garden.
bool BelongsOutdoors(const std::string& category);

// Whether a noun names what covers the ground rather than a thing standing on it: its most
// frequent sense is a stuff (sand, gravel, snow) or a low plant that is no woody plant (grass,
// moss, clover). Things the text puts on it stand on the outdoor ground it covers.
bool IsGroundCover(const std::string& category);
// Whether the noun's most frequent sense is ground one walks or drives on: a path, a road, a
// paved surface, a floor, a playing field ("the pavement", "the boardwalk", "the roadway").
bool IsLevelGround(const std::string& category);

// The floor area (m2) a thing of `category` typically covers: the procedural catalog's size,
// else its stand-in's; 0 when neither knows it.
double TypicalFootprint(const std::string& category);

}  // namespace scenecraft
