// WordNet for the asset index: the assets module sits below lang, so it takes a TermExpander and
// the agent wires lang's WordNet into it here.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/assets/resolve.h"

namespace scenecraft {

// Synonyms (most frequent sense), then hypernyms up to four levels (two most frequent senses:
// "table" is first a table of data), of a noun or noun phrase ("sofa" -> "couch", "lounge",
// "seat", "furniture" ...). Empty when WordNet is not installed.
TermExpander WordNetTermExpander();

// Hypernyms of a noun or noun phrase over all its senses, nearest first (the more frequent sense
// first within a level), for stand-ins. Empty when WordNet is not installed.
HypernymLookup WordNetHypernymLookup();

// The senses of a noun or noun phrase, most frequent first, each with the hypernyms on all its
// paths, nearest first, for stand-ins (see ThingsBeforeRarePeople); a catalog name that is only
// a rare other name of a hypernym is left out of it (WordNet::SenseKinds). Empty when WordNet is
// not installed.
SenseLookup WordNetSenseLookup();

// How far up a noun phrase's hypernyms a kind lies (WordNet::KindDistance), for retrieval.
// Null-safe: -1 when WordNet is not installed.
KindDistanceLookup WordNetKindDistance();

// Below this many uses in WordNet's tagged texts, a noun's sense order says little.
inline constexpr int kCommonNounTagCount = 10;

// `senses` reordered for a scene: when the noun is rare in tagged texts (`tag_count` below
// kCommonNounTagCount) and one of its senses is a made thing, its senses that are people come
// last ("coaster": the mat on a table, not a resident of the coast; "planter": the pot, not the
// plantation owner). A common noun keeps WordNet's order ("guard" is first a person).
std::vector<std::vector<std::string>> ThingsBeforeRarePeople(
    std::vector<std::vector<std::string>> senses, int tag_count);

// `options` with WordNet as its expander and hypernym lookup unless it has them already.
AssetOptions WithWordNet(AssetOptions options);

}  // namespace scenecraft
