// What wordnet.cc and wordnet_parts.cc share: the one lock every WordNet call takes (libwordnet
// keeps global state), the bound on its caches, and word spelling.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <mutex>
#include <string>

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

}  // namespace scenecraft::wordnet_detail
