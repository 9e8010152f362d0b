// Which words before a noun phrase's head join it as its category ("hamster cage", "potting
// bench") and which describe it ("oak", "red"): WordNet's collocations, materials and parts of
// speech.
#pragma once

#include <string>

#include "scenecraft/lang/tagger.h"

namespace scenecraft {

// A noun that names what things are made of ("oak", "marble", "velvet", "brass").
bool IsMaterial(const std::string& noun);

// Whether WordNet knows the words as one compound noun ("coffee table").
bool IsCompound(const std::string& words);

// Whether the word right before the head (`head`, its lemma) joins it as a compound WordNet does
// not list: a noun that is no material and not rather an adjective ("hamster cage", "garden
// gnome"), or a gerund before a made thing ("potting bench").
bool ModifierJoinsHead(const Word& modifier, const std::string& head);

// Whether a landmark written "whole part" ("the table leg", "the sofa arm", "the desk drawer",
// "the freezer door") names the whole: the part is, by WordNet's part holonymy, a part of the
// modifier's thing (or of one of its kind), or a door or window of a made thing that is no place
// or building ("the kitchen door" stays the room's door).
bool PartNamesWhole(const Word& whole, const Word& part);

// The part of the room a part of the building names, by WordNet's part holonymy of its most
// frequent sense: a part of a door or a window is that opening ("doorframe", "windowsill"); a
// covering or a structural member of the building is the ceiling ("the sloping roof", "the roof
// beams": a beam after a word that names such a part; what things hang from: "the rafters").
// kNone for anything else. `modifier` is the word before the noun, if any; `hung_from`: the
// noun follows "from".
RoomPart ArchitectureOf(const std::string& noun, const Word* modifier, bool hung_from);

}  // namespace scenecraft
