// WordNet's part holonymy for the planner: whether a noun names a part of something, of what,
// and how deep a synset lies (split from wordnet.cc; the lock and caches are shared).
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
using wordnet_detail::Spaces;

bool WordNet::IsPart(const std::string& noun, int senses) {
  if (!available_ || noun.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key = std::to_string(senses) + noun;
  if (auto it = part_cache_.find(key); it != part_cache_.end()) return it->second;
  const std::vector<long> offsets = NounOffsets(noun);
  bool part = false;
  SynsetRecord s;
  for (size_t k = 0; k < offsets.size() && k < static_cast<size_t>(senses) && !part; ++k) {
    part = Synset(offsets[k], &s) && s.part;
  }
  Bound(part_cache_);
  part_cache_[key] = part;
  return part;
}

std::vector<std::string> WordNet::Wholes(const std::string& noun, int senses) {
  std::vector<std::string> out;
  if (!available_ || noun.empty()) return out;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key = std::to_string(senses) + noun;
  if (auto it = wholes_cache_.find(key); it != wholes_cache_.end()) return it->second;
  std::vector<long> offsets = NounOffsets(noun);
  if (offsets.size() > static_cast<size_t>(senses)) offsets.resize(static_cast<size_t>(senses));
  SynsetRecord s;
  for (int level = 0; level < 2; ++level) {
    std::vector<long> next;
    for (long offset : offsets) {
      if (!Synset(offset, &s)) continue;
      next.insert(next.end(), s.holonyms.begin(), s.holonyms.end());
    }
    for (long offset : next) {
      if (!Synset(offset, &s)) continue;
      for (const std::string& raw : s.words) out.push_back(Spaces(raw.c_str()));
    }
    offsets = std::move(next);
  }
  Bound(wholes_cache_);
  wholes_cache_[key] = out;
  return out;
}

int WordNet::Depth(long offset) const {
  SynsetRecord s;
  int depth = 0;
  while (depth < 32 && Synset(offset, &s) && !s.hypernyms.empty()) {
    offset = s.hypernyms[0];
    ++depth;
  }
  return depth;
}

bool WordNet::IsPartOf(const std::string& part, const std::string& whole) {
  if (!available_ || part.empty() || whole.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key = part + "|" + whole;
  if (auto it = part_of_cache_.find(key); it != part_of_cache_.end()) return it->second;
  SynsetRecord s;
  // The synsets `levels` hypernym levels up from `from` (the synsets themselves at level 0).
  auto up = [&](const std::vector<long>& from, int levels) {
    std::set<long> out(from.begin(), from.end());
    std::vector<long> level = from;
    for (int d = 0; d < levels; ++d) {
      std::vector<long> next;
      for (long offset : level) {
        if (!Synset(offset, &s)) continue;
        for (long h : s.hypernyms) {
          if (out.insert(h).second) next.push_back(h);
        }
      }
      level = std::move(next);
    }
    return out;
  };
  // The whole's two most frequent senses and their kinds three levels up ("coffee table":
  // table), and the kinds right above the senses that are made things ("sofa": seat).
  std::vector<long> wholes = NounOffsets(whole);
  if (wholes.size() > 2) wholes.resize(2);
  const std::set<long> whole_kinds = up(wholes, 3);
  std::vector<long> made;
  for (long offset : wholes) {
    if (Synset(offset, &s) && s.lexfile >= 0 && s.lexfile < kLexFileCount &&
        std::string_view(::lexfiles[s.lexfile]) == "noun.artifact") {
      made.push_back(offset);
    }
  }
  const std::set<long> made_kinds = up(made, 1);
  // The wholes of every sense of the part, and theirs (a windowsill of a window frame of a
  // window).
  std::vector<long> holonyms;
  for (long offset : NounOffsets(part)) {
    if (!Synset(offset, &s)) continue;
    for (long h : s.holonyms) holonyms.push_back(h);
  }
  for (size_t k = 0, n = holonyms.size(); k < n; ++k) {
    if (!Synset(holonyms[k], &s)) continue;
    for (long h : s.holonyms) holonyms.push_back(h);
  }
  // A part of the whole or of a kind of it ("leg" of a table: a coffee table's), or of a made
  // thing of the same kind ("arm" of an armchair: a chair, a seat; a sofa is a seat).
  bool found = false;
  for (long h : holonyms) {
    found = found || whole_kinds.count(h) > 0;
    if (found || !Synset(h, &s) || s.lexfile < 0 || s.lexfile >= kLexFileCount ||
        std::string_view(::lexfiles[s.lexfile]) != "noun.artifact") {
      continue;
    }
    // (A kind specific enough: seven levels or more below the root; "structure" is five.)
    for (long k : up({h}, 2)) found = found || (made_kinds.count(k) > 0 && Depth(k) >= 7);
  }
  Bound(part_of_cache_);
  part_of_cache_[key] = found;
  return found;
}

}  // namespace scenecraft
