#include "scenecraft/lang/wordnet.h"

#include <wn.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <vector>

namespace scenecraft {
namespace {

std::mutex& Lock() {
  static std::mutex m;
  return m;
}

std::string Spaces(const char* word) {
  std::string s(word);
  std::replace(s.begin(), s.end(), '_', ' ');
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string Underscores(std::string s) {
  std::replace(s.begin(), s.end(), ' ', '_');
  return s;
}

// The synset offsets of a noun's first index entry. getindex() allocates an
// entry for every spelling variant it tries (hyphens, underscores, ...) and
// hands them out one call at a time, so the rest must be drained and freed.
std::vector<long> NounOffsets(const std::string& noun) {
  std::string w = Underscores(noun);
  std::vector<long> offsets;
  IndexPtr index = ::getindex(w.data(), NOUN);
  if (index == nullptr) return offsets;
  for (int k = 0; k < index->off_cnt; ++k) offsets.push_back(static_cast<long>(index->offset[k]));
  ::free_index(index);
  while (IndexPtr rest = ::getindex(nullptr, NOUN)) ::free_index(rest);
  return offsets;
}

// Caches grow with every distinct word seen; a long-running process fed
// arbitrary text (or a fuzzer) must not grow without bound.
template <typename Map>
void Bound(Map& cache) {
  constexpr size_t kMaxEntries = 50000;
  if (cache.size() >= kMaxEntries) cache.clear();
}

}  // namespace

WordNet& WordNet::Get() {
  static WordNet instance;
  return instance;
}

WordNet::WordNet() {
  std::lock_guard<std::mutex> lock(Lock());
  const auto start = std::chrono::steady_clock::now();
  if (std::getenv("WNSEARCHDIR") == nullptr) ::setenv("WNSEARCHDIR", "/usr/share/wordnet", 0);
  available_ = ::wninit() == 0;
  load_s_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool WordNet::IsNoun(const std::string& word) {
  if (!available_ || word.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = noun_cache_.find(word); it != noun_cache_.end()) return it->second;
  std::string w = Underscores(word);
  const bool noun = ::in_wn(w.data(), NOUN) != 0 || ::morphstr(w.data(), NOUN) != nullptr;
  Bound(noun_cache_);
  noun_cache_[word] = noun;
  return noun;
}

std::string WordNet::NounBase(const std::string& word) {
  if (!available_ || word.empty()) return word;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = base_cache_.find(word); it != base_cache_.end()) return it->second;
  std::string w = Underscores(word);
  std::string base;
  if (char* found = ::morphstr(w.data(), NOUN); found != nullptr) {
    base = Spaces(found);
  } else if (::in_wn(w.data(), NOUN) != 0) {
    base = word;
  }
  Bound(base_cache_);
  base_cache_[word] = base;
  return base;
}

bool WordNet::IsPhysical(const std::string& noun) {
  if (!available_) return true;
  {
    std::lock_guard<std::mutex> lock(Lock());
    if (auto it = physical_cache_.find(noun); it != physical_cache_.end()) return it->second;
  }
  const bool physical = LookUpPhysical(noun);
  std::lock_guard<std::mutex> lock(Lock());
  Bound(physical_cache_);
  physical_cache_[noun] = physical;
  return physical;
}

bool WordNet::LookUpPhysical(const std::string& noun) {
  std::lock_guard<std::mutex> lock(Lock());
  const std::vector<long> offsets = NounOffsets(noun);
  if (offsets.empty()) return false;
  // Walk up from the first sense until a top category decides.
  long offset = offsets[0];
  for (int depth = 0; depth < 20; ++depth) {
    char empty[] = "";
    SynsetPtr s = ::read_synset(NOUN, offset, empty);
    if (s == nullptr) return false;
    for (int k = 0; k < s->wcount; ++k) {
      const std::string word = Spaces(s->words[k]);
      if (word == "physical entity" || word == "object" || word == "whole" || word == "artifact" ||
          word == "organism" || word == "plant" || word == "animal" || word == "substance") {
        ::free_synset(s);
        return true;
      }
      if (word == "abstraction" || word == "abstract entity" || word == "psychological feature" ||
          word == "attribute" || word == "measure" || word == "event" || word == "state" ||
          word == "time period" || word == "communication" || word == "group") {
        ::free_synset(s);
        return false;
      }
    }
    long next = -1;
    for (int p = 0; p < s->ptrcount; ++p) {
      if (s->ptrtyp[p] == HYPERPTR || s->ptrtyp[p] == INSTANCE) {
        next = s->ptroff[p];
        break;
      }
    }
    ::free_synset(s);
    if (next < 0) return false;
    offset = next;
  }
  return false;
}

std::vector<std::string> WordNet::Hypernyms(const std::string& noun, int depth, int senses) {
  std::vector<std::string> out;
  if (!available_) return out;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key = noun + "#" + std::to_string(depth) + "#" + std::to_string(senses);
  if (auto it = hypernym_cache_.find(key); it != hypernym_cache_.end()) return it->second;
  std::vector<long> level = NounOffsets(noun);
  if (senses > 0 && level.size() > static_cast<size_t>(senses)) level.resize(senses);
  if (level.empty()) return out;
  std::set<long> seen(level.begin(), level.end());
  std::set<std::string> words;
  for (int d = 0; d < depth && !level.empty(); ++d) {
    std::vector<long> next;
    for (long offset : level) {
      char empty[] = "";
      SynsetPtr s = ::read_synset(NOUN, offset, empty);
      if (s == nullptr) continue;
      if (d > 0) {
        for (int k = 0; k < s->wcount; ++k) {
          const std::string word = Spaces(s->words[k]);
          if (words.insert(word).second) out.push_back(word);
        }
      }
      for (int p = 0; p < s->ptrcount; ++p) {
        if ((s->ptrtyp[p] == HYPERPTR || s->ptrtyp[p] == INSTANCE) &&
            seen.insert(s->ptroff[p]).second) {
          next.push_back(s->ptroff[p]);
        }
      }
      ::free_synset(s);
    }
    level = std::move(next);
  }
  Bound(hypernym_cache_);
  hypernym_cache_[key] = out;
  return out;
}

std::vector<std::string> WordNet::Synonyms(const std::string& noun, int senses) {
  std::vector<std::string> out;
  if (!available_) return out;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key = noun + "#" + std::to_string(senses);
  if (auto it = synonym_cache_.find(key); it != synonym_cache_.end()) return it->second;
  std::vector<long> offsets = NounOffsets(noun);
  if (senses > 0 && offsets.size() > static_cast<size_t>(senses)) offsets.resize(senses);
  std::set<std::string> words{noun};
  for (long offset : offsets) {
    char empty[] = "";
    SynsetPtr s = ::read_synset(NOUN, offset, empty);
    if (s == nullptr) continue;
    for (int k = 0; k < s->wcount; ++k) {
      const std::string word = Spaces(s->words[k]);
      if (words.insert(word).second) out.push_back(word);
    }
    ::free_synset(s);
  }
  Bound(synonym_cache_);
  synonym_cache_[key] = out;
  return out;
}

}  // namespace scenecraft
