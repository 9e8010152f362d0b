// Internal to the chunker (chunker.cc): its closed word classes, kept as data apart from the
// algorithm. Not part of the lang library's interface.
#pragma once

#include <string_view>
#include <vector>

#include "scenecraft/lang/chunker.h"

namespace scenecraft::chunker_detail {

// A multi-word function phrase ("as well as", "made of"): its words and what it joins.
struct FunctionPhrase {
  std::vector<std::string_view> words;
  ItemKind kind;
};

// Every function phrase the chunker knows, the longer of two that share a start first.
const std::vector<FunctionPhrase>& FunctionPhrases();

// Pronouns and the words that stand for a noun said before ("it", "both", "the latter", "one").
bool IsPronounWord(std::string_view w);

}  // namespace scenecraft::chunker_detail
