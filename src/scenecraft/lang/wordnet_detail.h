// What wordnet.cc, wordnet_parts.cc and wordnet_kinds.cc share: the one lock every WordNet call
// takes (libwordnet keeps global state), the bound on its caches, word spelling, and the walk up
// a noun's hypernyms.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "scenecraft/lang/wordnet_index.h"

namespace scenecraft::wordnet_detail {

inline std::mutex& Lock() {
  static std::mutex m;
  return m;
}

// WordNet 3.0 has 45 lexicographer files (adj.all ... verb.weather); `lexfiles` names them.
constexpr int kLexFileCount = 45;

inline std::string Spaces(const char* word) {
  std::string s(word);
  std::replace(s.begin(), s.end(), '_', ' ');
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// Caches grow with every distinct word seen; a long-running process fed
// arbitrary text (or a fuzzer) must not grow without bound.
template <typename Map>
void Bound(Map& cache) {
  constexpr size_t kMaxEntries = 50000;
  if (cache.size() >= kMaxEntries) cache.clear();
}

// Breadth first over every hypernym path of each sense in `senses`, up to `depth` levels: per
// sense, the words of its hypernyms (not of the sense itself), each once, nearest first.
// `read(offset)` gives the synset at an offset (null when there is none), valid until `keep` or
// the next `read` runs; `keep(word, i, offset)` says whether the i-th word of that synset counts.
template <typename Read, typename Keep>
std::vector<std::vector<std::string>> HypernymWordsBySense(const std::vector<long>& senses,
                                                           int depth, Read read, Keep keep) {
  std::vector<std::vector<std::string>> out;
  for (long sense : senses) {
    std::vector<std::string>& words = out.emplace_back();
    std::set<long> seen{sense};
    std::set<std::string> said;
    std::vector<long> level{sense};
    for (int d = 0; d <= depth && !level.empty(); ++d) {
      std::vector<long> next;
      for (long offset : level) {
        const SynsetRecord* s = read(offset);
        if (s == nullptr) continue;
        for (size_t i = 0; d > 0 && i < s->words.size(); ++i) {
          std::string word = Spaces(s->words[i].c_str());
          if (!keep(word, i, offset)) continue;
          if (said.insert(word).second) words.push_back(std::move(word));
        }
        for (long up : s->hypernyms) {
          if (seen.insert(up).second) next.push_back(up);
        }
      }
      level = std::move(next);
    }
  }
  return out;
}

}  // namespace scenecraft::wordnet_detail
