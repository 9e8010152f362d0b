#include "scenecraft/lang/spelling.h"

#include <wn.h>

#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

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

// Whether two letters are neighbours on a keyboard (QWERTY, its rows staggered: a key touches
// the two above it and the two below it).
bool KeyNeighbours(char a, char b) {
  static constexpr std::string_view kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  for (int row = 0; row < 3; ++row) {
    const size_t i = kRows[row].find(a);
    if (i == std::string_view::npos) continue;
    auto at = [&](int r, long k) {
      return r >= 0 && r < 3 && k >= 0 && static_cast<size_t>(k) < kRows[r].size() &&
             kRows[r][static_cast<size_t>(k)] == b;
    };
    const long k = static_cast<long>(i);
    return at(row, k - 1) || at(row, k + 1) || at(row - 1, k) || at(row - 1, k + 1) ||
           at(row + 1, k - 1) || at(row + 1, k);
  }
  return false;
}

// Whether the edit from `word` to `candidate` is one a finger makes, after the first letter: a
// letter left out, two letters swapped, a letter struck twice or with its neighbour on the
// keyboard, a key next to the one meant or a letter beside it struck in its place. A letter changed
// into a far one or a far letter added makes another word of a word the dictionary lacks ("marver",
// a glassmaker's table, is no "marker"; "cratch", a hay rack, no "catch"): the user's own noun,
// built as written. A word of nine letters or more is a slip at any one edit: a long word one
// letter from another is rarely a word of its own ("refridgerator").
bool FingerSlip(const std::string& word, const std::string& candidate) {
  if (word.size() >= 9) return true;
  size_t k = 0;
  while (k < word.size() && k < candidate.size() && word[k] == candidate[k]) ++k;
  // (A word's first letter is the one typed with most care: "cratch" is no "scratch".)
  if (k == 0) return false;
  if (candidate.size() > word.size()) return true;  // a letter left out
  if (candidate.size() < word.size()) {             // word[k] was added
    const char added = word[k];
    auto beside = [&](size_t j) {
      return j < word.size() && j != k && (word[j] == added || KeyNeighbours(word[j], added));
    };
    return beside(k - 1) || beside(k + 1);
  }
  if (k + 1 < word.size() && word[k] == candidate[k + 1] && word[k + 1] == candidate[k]) {
    return true;  // two letters swapped
  }
  // A key next to the one meant, or a letter beside it struck again ("wodden").
  return KeyNeighbours(word[k], candidate[k]) || word[k] == word[k - 1] ||
         (k + 1 < word.size() && word[k] == word[k + 1]);
}

}  // namespace

bool IsClosedClassWord(std::string_view word) {
  return ClassOf(word) != WordClass::kOpen || Determiner(word).has_value() ||
         SpatialWords().count(word) > 0;
}

// Whether a word is a word WordNet knows with an English suffix that makes a noun of a verb or an
// adjective or a noun of a noun ("dabber": one that dabs; "chippy": chip and -y), its last
// consonant doubled as English spells it: a word the user meant, no slip. (The suffixes are a
// closed class.)
namespace {
bool Derived(const std::string& word) {
  WordNet& wordnet = WordNet::Get();
  for (const char* s : {"er", "ers", "y", "ie", "ies"}) {
    const std::string suffix = s;
    if (word.size() < suffix.size() + 3 || !EndsWith(word, suffix)) continue;
    const std::string stem = word.substr(0, word.size() - suffix.size());
    const size_t n = stem.size();
    const bool doubled =
        stem[n - 1] == stem[n - 2] && std::string("aeiou").find(stem[n - 1]) == std::string::npos;
    for (const std::string& base : {stem, doubled ? stem.substr(0, n - 1) : std::string()}) {
      if (base.size() >= 3 && (wordnet.IsVerb(base) || !wordnet.NounBase(base).empty())) {
        return true;
      }
    }
  }
  return false;
}
}  // namespace

std::optional<std::string> CorrectSpelling(const std::string& word) {
  // Long words are rarely slips and would cost thousands of lookups.
  if (word.size() < 3 || word.size() > kMaxLetters || Known(word)) return std::nullopt;
  for (char c : word) {
    if (c < 'a' || c > 'z') return std::nullopt;
  }
  WordNet& wordnet = WordNet::Get();
  const bool derived = word.size() >= 5 && Derived(word);
  std::string best;
  int best_frequency = -1;
  for (const std::string& candidate : Edits(word)) {
    if (candidate.size() < 2) continue;
    if (IsClosedClassWord(candidate)) return candidate;
    if (word.size() < 5 || candidate.size() < 4 || derived || !FingerSlip(word, candidate)) {
      continue;
    }
    const std::string base = wordnet.NounBase(candidate);
    if (base.empty() && !wordnet.IsAdjective(candidate)) continue;
    // A slip, not an inflection: "kiddie" is no misspelt "kiddies"; a plural only for a word
    // typed as one ("chiars", "lamsp": its letters, two of them swapped).
    if (!base.empty() && base != candidate && word.back() != 's' &&
        !std::is_permutation(word.begin(), word.end(), candidate.begin(), candidate.end())) {
      continue;
    }
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
