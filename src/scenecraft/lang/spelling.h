// Typing slips in words no dictionary knows ("teh", "agaisnt", "chiars", "tabel", "infront"):
// the word at one edit (a letter dropped, added, changed, or two letters swapped) that the
// grammar's closed classes or WordNet know. A closed-class word wins (the grammar needs it);
// otherwise the open word WordNet saw most often in its tagged texts, for words of five letters
// or more only, so that short names and brands ("xbox") are left as written, and only at an edit
// a finger makes (a key next to the one meant, a letter struck twice or with its neighbour), so
// that a real noun the dictionary lacks ("marver") stays the user's, unless the word is long.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace scenecraft {

// Whether `word` belongs to a closed class of the grammar: function words, determiners and every
// word of a spatial phrase ("against", "front", "in").
bool IsClosedClassWord(std::string_view word);

// The word a chat spelling of a closed-class word (or of "people") stands for ("n" and, "em"
// them, "ppl" people); `word` itself otherwise. The table is a closed class of lexicon_data.cc.
std::string_view ChatSpellingOf(std::string_view word);

// The correction of an unknown word, or nullopt when there is none (or the word is known).
std::optional<std::string> CorrectSpelling(const std::string& word);

// Two words run together where the first is a closed-class word and both start a spatial phrase
// ("infront" -> "in", "front"); nullopt otherwise.
std::optional<std::pair<std::string, std::string>> SplitRunTogether(const std::string& word);

}  // namespace scenecraft
