// WordNet for the asset index: the assets module sits below lang, so it takes a TermExpander and
// the agent wires lang's WordNet into it here.
#pragma once

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
// paths, nearest first, for stand-ins. Empty when WordNet is not installed.
SenseLookup WordNetSenseLookup();

// `options` with WordNet as its expander and hypernym lookup unless it has them already.
AssetOptions WithWordNet(AssetOptions options);

}  // namespace scenecraft
