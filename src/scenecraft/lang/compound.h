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

}  // namespace scenecraft
