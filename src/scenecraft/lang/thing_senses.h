// The one sense test for what a noun phrase is built as: the planner (its size and support
// expectations, whether a noun is a place) and the asset stage (the stand-in's shape and size)
// ask the same WordNet senses, spelled the same way, so what the plan expects is what is built.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/assets/standin.h"

namespace scenecraft {

class WordNet;

// The spelling WordNet files a noun phrase under: as given, else closed up or hyphenated ("bird
// bath" is "birdbath"), else, for one word WordNet does not know, the two nouns it writes apart
// ("toolchest" is "tool chest", "deckchair" "deck chair").
std::string WordNetSpelling(WordNet& wordnet, std::string_view noun);

// Below this many uses in WordNet's tagged texts, a noun's sense order says little.
inline constexpr int kCommonNounTagCount = 10;

// `senses` reordered for a scene: when the noun is rare in tagged texts (`tag_count` below
// kCommonNounTagCount) and one of its senses is a made thing, its senses that are people come
// last ("coaster": the mat on a table, not a resident of the coast; "planter": the pot, not the
// plantation owner). A common noun keeps WordNet's order ("guard" is first a person).
std::vector<std::vector<std::string>> ThingsBeforeRarePeople(
    std::vector<std::vector<std::string>> senses, int tag_count);

// The animal sense alone when the noun's most frequent sense is an animal that WordNet's tagged
// texts use more than three times and more often than all its other senses together (`tag_counts`,
// one per sense); the senses unchanged otherwise.
std::vector<std::vector<std::string>> AnAnimalByMostUses(
    std::vector<std::vector<std::string>> senses, const std::vector<int>& tag_counts);

// The senses of a noun or noun phrase for a stand-in, most frequent first, each with the hypernyms
// on all its paths, nearest first (WordNet::SenseKinds: a catalog name that is only a rare other
// name of a hypernym is left out), spelled as WordNet files it, people last when the noun is rare,
// the animal alone when its tagged uses name it (AnAnimalByMostUses). Empty when WordNet is not
// installed or does not know the noun.
std::vector<std::vector<std::string>> ThingSenses(std::string_view noun);

// Whether a word makes a thing a small copy of its kind, by WordNet's definitions (a closed class
// of defining phrases, docs/PLANNER.md): a modifier (`head` false) when one of its senses is
// defined as a replica, a copy "in greatly reduced size", a representation "on a smaller scale",
// "dwarfed" or "atypically small" ("toy", "doll", "dwarf", "model", "miniature"); the noun itself
// (`head` true) when its most frequent sense, or a kind at most two levels above it, is defined
// as dwarfed or atypically small (a bonsai; a ming tree, a kind of bonsai). Cached.
bool SmallCopyWord(std::string_view word, bool head);

// The stand-in the asset stage gives a category with no catalog entry: ChooseStandIn with
// ThingSenses and SmallCopyWord; nullopt without WordNet or without a kind.
std::optional<StandIn> ThingStandIn(std::string_view category, std::string_view description,
                                    const std::optional<Vec3>& fits_m = std::nullopt);

}  // namespace scenecraft
