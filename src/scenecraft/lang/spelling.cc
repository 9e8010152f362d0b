#include "scenecraft/lang/spelling.h"

#include <wn.h>

#include <set>
#include <string_view>
#include <vector>

#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

constexpr size_t kMaxLetters = 20;

// Every word of a spatial phrase ("against", "front", "beside").
const std::set<std::string, std::less<>>& SpatialWords() {
  static const std::set<std::string, std::less<>> words = [] {
    std::set<std::string, std::less<>> all;
    for (const SpatialPhrase& p : SpatialPhrases()) all.insert(p.words.begin(), p.words.end());
    return all;
  }();
  return words;
}

bool Known(const std::string& word) {
  WordNet& wordnet = WordNet::Get();
  return IsClosedClassWord(word) || NumberValue(word).has_value() ||
         !wordnet.NounBase(word).empty() || wordnet.IsAdjective(word) || wordnet.IsVerb(word) ||
         wordnet.IsAdverb(word);
}

// Every string at one edit from `word` (lower-case letters only).
std::vector<std::string> Edits(const std::string& word) {
  std::vector<std::string> out;
  for (size_t k = 0; k < word.size(); ++k) {
    out.push_back(word.substr(0, k) + word.substr(k + 1));  // a letter dropped
    if (k + 1 < word.size()) {                              // two letters swapped
      std::string s = word;
      std::swap(s[k], s[k + 1]);
      out.push_back(s);
    }
  }
  for (size_t k = 0; k <= word.size(); ++k) {
    for (char c = 'a'; c <= 'z'; ++c) {
      out.push_back(word.substr(0, k) + c + word.substr(k));  // a letter added
      if (k < word.size() && word[k] != c) {                  // a letter changed
        std::string s = word;
        s[k] = c;
        out.push_back(s);
      }
    }
  }
  return out;
}

}  // namespace

bool IsClosedClassWord(std::string_view word) {
  return ClassOf(word) != WordClass::kOpen || Determiner(word).has_value() ||
         SpatialWords().count(word) > 0;
}

std::optional<std::string> CorrectSpelling(const std::string& word) {
  // Long words are rarely slips and would cost thousands of lookups.
  if (word.size() < 3 || word.size() > kMaxLetters || Known(word)) return std::nullopt;
  for (char c : word) {
    if (c < 'a' || c > 'z') return std::nullopt;
  }
  WordNet& wordnet = WordNet::Get();
  std::string best;
  int best_frequency = -1;
  for (const std::string& candidate : Edits(word)) {
    if (candidate.size() < 2) continue;
    if (IsClosedClassWord(candidate)) return candidate;
    if (word.size() < 5 || candidate.size() < 4) continue;
    const std::string base = wordnet.NounBase(candidate);
    if (base.empty() && !wordnet.IsAdjective(candidate)) continue;
    // A slip, not an inflection: "kiddie" is no misspelt "kiddies"; a plural only for a word
    // typed as one ("chiars").
    if (!base.empty() && base != candidate && word.back() != 's') continue;
    const int frequency = wordnet.Frequency(candidate, NOUN) + wordnet.Frequency(candidate, ADJ);
    if (frequency > best_frequency) {
      best = candidate;
      best_frequency = frequency;
    }
  }
  if (best.empty()) return std::nullopt;
  return best;
}

std::optional<std::pair<std::string, std::string>> SplitRunTogether(const std::string& word) {
  if (word.size() < 4 || word.size() > kMaxLetters || Known(word)) return std::nullopt;
  for (size_t k = 1; k + 1 < word.size(); ++k) {
    const std::string first = word.substr(0, k), second = word.substr(k);
    if (ClassOf(first) == WordClass::kOpen && SpatialWords().count(first) == 0) continue;
    const std::vector<std::string> pair = {first, second};
    if (MatchSpatialPhrase(pair, 0) != nullptr || SpatialWords().count(second) > 0) {
      return std::make_pair(first, second);
    }
  }
  return std::nullopt;
}

}  // namespace scenecraft
