// WordNet's kinds for asset retrieval: how far up a noun's hypernyms a kind of made thing lies
// (split from wordnet.cc; the lock and caches are shared).
#include <wn.h>

#include <functional>
#include <map>
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

std::set<long> WordNet::MostlyMeans(const std::string& word, int senses) const {
  // Its `senses` most frequent senses, and its most frequent sense filed with the artifacts
  // ("bench" is first the seat; the workbench is its fourth).
  const std::vector<long> offsets = NounOffsets(word);
  std::set<long> out;
  for (size_t k = 0; k < offsets.size() && k < static_cast<size_t>(senses); ++k) {
    out.insert(offsets[k]);
  }
  SynsetRecord s;
  for (long offset : offsets) {
    if (Synset(offset, &s) && s.lexfile >= 0 && s.lexfile < kLexFileCount &&
        std::string_view(::lexfiles[s.lexfile]) == "noun.artifact") {
      out.insert(offset);
      break;
    }
  }
  return out;
}

std::vector<std::vector<std::string>> WordNet::SenseKinds(
    const std::string& noun, const std::function<bool(const std::string&)>& names_a_kind,
    int depth) {
  if (!available_) return {};
  std::lock_guard<std::mutex> lock(Lock());
  std::map<std::string, std::set<long>> usual;  // what each word tested mostly means
  SynsetRecord s;  // a copy: MostlyMeans reads other synsets while its words are walked
  return wordnet_detail::HypernymWordsBySense(
      NounOffsets(noun), depth,
      [&](long offset) -> const SynsetRecord* { return Synset(offset, &s) ? &s : nullptr; },
      [&](const std::string& word, size_t i, long offset) {
        // A kind's name stands for this hypernym when the hypernym is what the word mostly
        // means, or the word heads the synset; otherwise it is a homonym of the kind here.
        if (i == 0 || !names_a_kind || !names_a_kind(word)) return true;
        auto it = usual.find(word);
        if (it == usual.end()) it = usual.emplace(word, MostlyMeans(word, 3)).first;
        return it->second.count(offset) > 0;
      });
}

std::vector<std::string> WordNet::Glosses(const std::string& noun) {
  std::vector<std::string> out;
  if (!available_) return out;
  std::lock_guard<std::mutex> lock(Lock());
  SynsetRecord s;
  for (long offset : NounOffsets(noun)) {
    if (Synset(offset, &s)) out.push_back(s.gloss);
  }
  return out;
}

int WordNet::KindDistance(const std::string& noun, const std::string& kind, int kind_senses,
                          int depth) {
  if (!available_ || noun.empty() || kind.empty()) return -1;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key =
      noun + "#" + kind + "#" + std::to_string(kind_senses) + "#" + std::to_string(depth);
  if (auto it = kind_distance_cache_.find(key); it != kind_distance_cache_.end()) return it->second;
  int distance = -1;
  SynsetRecord s;
  auto mostly = [&](const std::string& word) { return MostlyMeans(word, kind_senses); };
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
