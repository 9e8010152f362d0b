// WordNet's kinds for asset retrieval: how far up a noun's hypernyms a kind of made thing lies
// (split from wordnet.cc; the lock and caches are shared).
#include <wn.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/lang/wordnet.h"
#include "scenecraft/lang/wordnet_detail.h"
#include "scenecraft/lang/wordnet_index.h"

namespace scenecraft {

using wordnet_detail::Bound;
using wordnet_detail::kLexFileCount;
using wordnet_detail::Lock;

int WordNet::KindDistance(const std::string& noun, const std::string& kind, int kind_senses,
                          int depth) {
  if (!available_ || noun.empty() || kind.empty()) return -1;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key =
      noun + "#" + kind + "#" + std::to_string(kind_senses) + "#" + std::to_string(depth);
  if (auto it = kind_distance_cache_.find(key); it != kind_distance_cache_.end()) return it->second;
  int distance = -1;
  // What a word mostly means: its `kind_senses` most frequent senses, and its most frequent
  // sense filed with the artifacts ("bench" is first the seat; the workbench is its fourth).
  SynsetRecord s;
  auto mostly = [&](const std::string& word) {
    const std::vector<long> senses = NounOffsets(word);
    std::set<long> out;
    for (size_t k = 0; k < senses.size() && k < static_cast<size_t>(kind_senses); ++k) {
      out.insert(senses[k]);
    }
    for (long offset : senses) {
      if (Synset(offset, &s) && s.lexfile >= 0 && s.lexfile < kLexFileCount &&
          std::string_view(::lexfiles[s.lexfile]) == "noun.artifact") {
        out.insert(offset);
        break;
      }
    }
    return out;
  };
  const std::set<long> targets = mostly(kind);
  // Breadth first up every hypernym path of what the noun mostly means.
  const std::set<long> start = mostly(noun);
  std::vector<long> level(start.begin(), start.end());
  std::set<long> seen = start;
  for (int d = 0; d <= depth && !targets.empty() && !level.empty() && distance < 0; ++d) {
    std::vector<long> next;
    for (long offset : level) {
      if (targets.count(offset) > 0) {
        distance = d;
        break;
      }
      if (!Synset(offset, &s)) continue;
      for (long up : s.hypernyms) {
        if (seen.insert(up).second) next.push_back(up);
      }
    }
    level = std::move(next);
  }
  Bound(kind_distance_cache_);
  kind_distance_cache_[key] = distance;
  return distance;
}

}  // namespace scenecraft
