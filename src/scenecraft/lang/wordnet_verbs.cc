// The verb lookups of WordNet for the planner: a verb's senses, and what its frames, synsets and
// hypernyms say about it (split from wordnet.cc; the lock, caches and kept synsets are shared).
#include <wn.h>

#include <algorithm>
#include <mutex>
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

namespace {

std::string Underscores(std::string s) {
  std::replace(s.begin(), s.end(), ' ', '_');
  return s;
}

}  // namespace

std::vector<long> WordNet::VerbOffsets(const std::string& verb, int max) const {
  std::string w = Underscores(verb);
  std::vector<long> offsets;
  if (index_ != nullptr) {
    index_->SpellingOffsets(w, VERB, &offsets);
  } else if (IndexPtr index = ::getindex(w.data(), VERB); index != nullptr) {
    for (int k = 0; k < index->off_cnt; ++k) offsets.push_back(index->offset[k]);
    ::free_index(index);
    while (IndexPtr rest = ::getindex(nullptr, VERB)) ::free_index(rest);
  }
  if (offsets.size() > static_cast<size_t>(max)) offsets.resize(static_cast<size_t>(max));
  return offsets;
}

bool WordNet::ThingDoesItself(const std::string& verb) {
  if (!available_ || verb.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = itself_cache_.find(verb); it != itself_cache_.end()) return it->second;
  // WordNet's generic frames 1 ("Something ----s") and 4 ("Something is ----ing PP").
  bool itself = false;
  SynsetRecord s;
  for (long offset : VerbOffsets(verb, 2)) {
    if (!VerbSynset(offset, &s)) continue;
    for (int frame : s.frames) itself = itself || frame == 1 || frame == 4;
  }
  Bound(itself_cache_);
  itself_cache_[verb] = itself;
  return itself;
}

bool WordNet::SomebodyDoesItToSomething(const std::string& verb) {
  if (!available_ || verb.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = transitive_cache_.find(verb); it != transitive_cache_.end()) return it->second;
  bool found = false;
  SynsetRecord s;
  for (long offset : VerbOffsets(verb, 2)) {
    if (!VerbSynset(offset, &s)) continue;
    for (int frame : s.frames) found = found || frame == 8;
  }
  Bound(transitive_cache_);
  transitive_cache_[verb] = found;
  return found;
}

std::string WordNet::VerbLexFile(const std::string& verb) {
  if (!available_ || verb.empty()) return "";
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = verb_lexfile_cache_.find(verb); it != verb_lexfile_cache_.end()) return it->second;
  const std::vector<long> offsets = VerbOffsets(verb, 1);
  std::string lexfile;
  SynsetRecord s;
  if (!offsets.empty() && VerbSynset(offsets[0], &s) && s.lexfile >= 0 &&
      s.lexfile < kLexFileCount) {
    lexfile = ::lexfiles[s.lexfile];
  }
  Bound(verb_lexfile_cache_);
  verb_lexfile_cache_[verb] = lexfile;
  return lexfile;
}

bool WordNet::HoldsThings(const std::string& verb) {
  if (!available_ || verb.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = holds_cache_.find(verb); it != holds_cache_.end()) return it->second;
  // The synsets of holding up ("hold, support, sustain, hold up") and of holding within ("hold,
  // bear, carry, contain"): one of the verb's senses is one of them.
  bool holds = false;
  SynsetRecord s;
  for (long offset : VerbOffsets(verb, 1 << 20)) {
    if (!VerbSynset(offset, &s)) continue;
    bool support = false, hold_up = false, contain = false;
    for (const std::string& word : s.words) {
      support = support || word == "support";
      hold_up = hold_up || word == "hold_up";
      contain = contain || word == "contain";
    }
    holds = holds || contain || (support && hold_up);
  }
  Bound(holds_cache_);
  holds_cache_[verb] = holds;
  return holds;
}

bool WordNet::VerbKindOf(const std::string& verb, std::initializer_list<std::string_view> kinds) {
  if (!available_ || verb.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  std::string key = verb;
  for (std::string_view kind : kinds) key += "#" + std::string(kind);
  if (auto it = kind_of_cache_.find(key); it != kind_of_cache_.end()) return it->second;
  std::vector<long> level = VerbOffsets(verb, 1 << 20);
  // Every sense (the fastening sense of "screw" is its fourth) and three levels above them.
  bool found = false;
  SynsetRecord s;
  for (int depth = 0; depth < 4 && !found && !level.empty(); ++depth) {
    std::vector<long> up;
    for (long offset : level) {
      if (!VerbSynset(offset, &s)) continue;
      for (size_t k = 0; k < s.words.size() && depth > 0; ++k) {
        for (std::string_view kind : kinds) found = found || kind == s.words[k];
      }
      up.insert(up.end(), s.hypernyms.begin(), s.hypernyms.end());
    }
    level = std::move(up);
  }
  Bound(kind_of_cache_);
  kind_of_cache_[key] = found;
  return found;
}

}  // namespace scenecraft
