// WordNet for the asset index: the assets module sits below lang, so it takes a TermExpander and
// the agent wires lang's WordNet into it here.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/assets/resolve.h"
#include "scenecraft/lang/thing_senses.h"  // ThingsBeforeRarePeople, kCommonNounTagCount

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

// `options` with WordNet as its expander, hypernym, sense, kind-distance and small-copy lookups
// unless it has them already.
AssetOptions WithWordNet(AssetOptions options);

}  // namespace scenecraft
