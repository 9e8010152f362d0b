// What a noun names, decided by WordNet's lexicographer files and hypernyms: a physical thing to
// build, a place that sets the scene (indoors or out), a part of the room, or an abstraction.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/lang/lexicon.h"

namespace scenecraft {

enum class NounKind {
  kObject,        // a physical thing: an artifact, plant, animal, food, person, natural object
  kIndoorPlace,   // a room or an establishment: sets an indoor scene ("kitchen", "workshop")
  kOutdoorPlace,  // land or a way: sets an outdoor scene ("lawn", "meadow", "street")
  kBuilding,      // a building: an object, or the scene when the text puts things in it
  kRoomPart,      // wall, floor, ceiling, corner, middle, door, window, room
  kFrame,         // the request itself ("scene", "layout")
  kAbstract,      // an abstraction, an event, a time, a quality ("style", "evening")
};

std::string_view NounKindName(NounKind kind);

// Classifies a category (a lemmatised noun, possibly a compound). A compound WordNet does not
// know is classified by its head (the last word). A noun no dictionary knows is an object.
NounKind ClassifyNoun(const std::string& category);

// Whether any sense of the noun, however rare, is a made thing or a natural object ("fire": a
// fireplace with a fire burning).
bool HasMadeThingSense(const std::string& noun);

// Whether the names of the noun's most frequent sense, its kinds `up` (its hypernyms) or its
// definition say it is in the open air ("open-air market", "tavern with an outdoor area").
bool NamedOpenAir(const std::string& noun, const std::vector<std::string>& up);
// Whether some sense of the noun, however rare, is a made thing or an object that is no place
// ("post": an upright of timber, its fourth sense; not "garden", whose made senses are plots).
bool HasMadeThingOutsidePlaces(const std::string& noun);
// Whether the noun's most frequent sense is, by its definition, a section or a component of
// something ("panel": "sheet that forms a distinct section or component of something").
bool NamesAComponent(const std::string& noun);

// Whether any sense of the noun is a physical thing (an artifact, a natural object, a plant, an
// animal, food, a person, a substance, a body part): "round table" (a meeting) has none.
bool HasPhysicalSense(const std::string& noun);

// Whether one of the noun's three most frequent senses is a thing rather than a place ("toilet"
// is first a room, then a bowl; "stage" is first a period, then a platform).
bool HasObjectSense(const std::string& category);

// Like HasObjectSense, counting only made things and plants (not natural objects such as a lake
// or a hill): "hammock" (a hill, then a bed), "locker" (a compartment, then a fastener).
bool HasMadeSense(const std::string& category);

// A place among the noun's three most frequent senses, for a noun the text puts things in or at
// ("in the middle of the village square": a square is first a shape); kObject when none is.
NounKind PlaceSense(const std::string& category);

// Whether the most frequent sense of the noun (the compound's head when WordNet does not know the
// compound) that names a made thing or a location is an outdoor place: "yard" (first a unit, then
// grounds), "patch" (first a spot, then a plot); not "bench" (first a seat), "post" (first a
// position) nor "trough" (a natural depression is a landform, but first of all a trough is a
// gutter among made things).
bool FirstConcreteSenseIsOutdoorPlace(const std::string& category);

// How a thing holds what "of" names after it: a container ("a basket of apples", "buckets of
// tulips") holds it inside, a support ("a shelf of pots", "a rack of test tubes") on it; other
// things are only described by it ("a painting of horses", "a table of oak").
enum class Holder { kNone, kContainer, kSupport };
Holder HolderOf(const std::string& category);

// Whether the noun's most frequent sense is a boundary or an extremity of something (WordNet:
// "edge", "border", "rim", "verge", "tip"): a place on the thing it bounds, no thing of its own.
bool NamesABoundary(const std::string& noun);

// Whether one of the noun's two most frequent senses is a written thing (WordNet's written
// communication or written record: "note", "letter", "scroll", "postcard"): a sheet or a roll of
// paper where the text places it.
bool NamesAWrittenThing(const std::string& noun);

// Whether a noun WordNet files first as no physical thing names one where the text counts or
// places it: money by its first sense, or by its second after a unit of money ("coins",
// "pennies": WordNet's possessions), wherever it is counted or placed; an act or an event by one of
// them when a number counts it ("three jumps", "two skips"), an act first when it ends a compound
// WordNet does not know whose first part is a physical thing ("a coconut shy": a shy is a throw).
bool ThingWhereCountedOrPlaced(const std::string& category, bool counted);

// Whether a noun names a group of separate things by one of its senses (WordNet's noun.group: a
// collection, a series, an array, an agglomeration, a group of animals: "string", "herd",
// "bank", "fleet") and holds nothing by its two most frequent senses (no container or support:
// "a stand of umbrellas" is a stand). Before "of" and a plural it counts the things.
bool NamesAGroup(const std::string& noun);

// Whether a noun names separate things that can be built one by one: made things, plants and
// animals, and food in the plural ("a bowl of apples"); not a substance ("a cup of coffee").
bool IsDiscrete(const std::string& category, bool plural);

// The ground of an outdoor place ("street" -> "pavement", "beach" -> "sand"), "grass" otherwise.
std::string GroundOf(const std::string& place);

}  // namespace scenecraft
