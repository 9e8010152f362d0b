#include "scenecraft/lang/wordnet.h"

#include "scenecraft/lang/wordnet_detail.h"
#include "scenecraft/lang/wordnet_index.h"

#include <wn.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <unordered_map>
#include <vector>

namespace scenecraft {
namespace {

using wordnet_detail::Bound;
using wordnet_detail::kLexFileCount;
using wordnet_detail::Lock;
using wordnet_detail::Spaces;

std::string Underscores(std::string s) {
  std::replace(s.begin(), s.end(), ' ', '_');
  return s;
}

// The synset offsets of a noun's first index entry. getindex() allocates an
// entry for every spelling variant it tries (hyphens, underscores, ...) and
// hands them out one call at a time, so the rest must be drained and freed.
std::vector<long> LibNounOffsets(const std::string& noun) {
  std::string w = Underscores(noun);
  std::vector<long> offsets;
  IndexPtr index = ::getindex(w.data(), NOUN);
  if (index == nullptr) return offsets;
  for (int k = 0; k < index->off_cnt; ++k) offsets.push_back(static_cast<long>(index->offset[k]));
  ::free_index(index);
  while (IndexPtr rest = ::getindex(nullptr, NOUN)) ::free_index(rest);
  return offsets;
}

// A noun synset read through libwordnet (when the files could not be mapped).
bool LibNounSynset(long offset, SynsetRecord* out) {
  char empty[] = "";
  SynsetPtr s = ::read_synset(NOUN, offset, empty);
  if (s == nullptr) return false;
  out->lexfile = s->fnum;
  out->words.clear();
  out->hypernyms.clear();
  out->part = false;
  out->holonyms.clear();
  for (int k = 0; k < s->wcount; ++k) out->words.push_back(s->words[k]);
  for (int p = 0; p < s->ptrcount; ++p) {
    if (s->ptrtyp[p] == ISPARTPTR) {
      out->part = true;
      out->holonyms.push_back(s->ptroff[p]);
    }
    if (s->ptrtyp[p] == HYPERPTR || s->ptrtyp[p] == INSTANCE)
      out->hypernyms.push_back(s->ptroff[p]);
  }
  out->gloss = s->defn != nullptr ? s->defn : "";
  ::free_synset(s);
  return true;
}

}  // namespace

// Synsets and the senses of nouns, read once per process: a prompt's nouns share their hypernyms
// (every walk up from a made thing passes "artifact", "whole", "object"), and the same noun is
// asked about by several lookups, each of which would otherwise find and parse the lines again.
struct WordNet::Memo {
  std::unordered_map<long, SynsetRecord> nouns, verbs;        // by offset in data.noun, data.verb
  std::unordered_map<std::string, std::vector<long>> senses;  // NounOffsets by noun
  // Base forms by part of speech (IsNoun, NounBase and NounOffsets each ask for a noun's).
  std::unordered_map<std::string, std::string> bases[WordNetIndex::kPosCount];

  const std::string& Morph(const WordNetIndex& index, const std::string& word, int pos) {
    auto& known = bases[pos];
    if (auto it = known.find(word); it != known.end()) return it->second;
    Bound(known);
    return known[word] = index.Morph(word, pos);
  }

  // The noun synset at `offset`, read once and kept (null when there is none). The pointer stays
  // valid until the next synset is read (the kept ones are bounded and may be dropped).
  const SynsetRecord* Noun(const WordNetIndex* index, long offset) {
    if (auto it = nouns.find(offset); it != nouns.end()) return &it->second;
    SynsetRecord record;
    if (index != nullptr ? !index->NounSynset(offset, &record) : !LibNounSynset(offset, &record)) {
      return nullptr;
    }
    Bound(nouns);
    return &nouns.emplace(offset, std::move(record)).first->second;
  }
};

WordNet& WordNet::Get() {
  static WordNet instance;
  return instance;
}

WordNet::WordNet() : memo_(std::make_unique<Memo>()) {
  std::lock_guard<std::mutex> lock(Lock());
  const auto start = std::chrono::steady_clock::now();
  if (std::getenv("WNSEARCHDIR") == nullptr) ::setenv("WNSEARCHDIR", "/usr/share/wordnet", 0);
  available_ = ::wninit() == 0;
  if (available_) {
    index_ = std::make_unique<WordNetIndex>();
    if (!index_->Load(std::getenv("WNSEARCHDIR"))) index_.reset();
  }
  load_s_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

WordNet::~WordNet() = default;

void WordNet::ClearCaches() {
  std::lock_guard<std::mutex> lock(Lock());
  for (auto* cache : {&base_cache_, &verb_base_cache_, &gloss_cache_, &verb_lexfile_cache_}) {
    cache->clear();
  }
  for (auto* cache : {&noun_cache_, &physical_cache_, &adjective_cache_, &adverb_cache_,
                      &verb_cache_, &part_cache_, &holds_cache_, &kind_of_cache_, &part_of_cache_,
                      &transitive_cache_, &itself_cache_}) {
    cache->clear();
  }
  for (auto* cache : {&hypernym_cache_, &synonym_cache_, &lexfile_cache_, &sense_hypernym_cache_,
                      &compounds_cache_, &wholes_cache_}) {
    cache->clear();
  }
  sense_ancestor_cache_.clear();
  frequency_cache_.clear();
  kind_distance_cache_.clear();
  *memo_ = {};
}

bool WordNet::Synset(long offset, SynsetRecord* out) const {
  const SynsetRecord* record = memo_->Noun(index_.get(), offset);
  if (record == nullptr) return false;
  // (Assigning to a record the caller reuses keeps its buffers: no allocation once warm.)
  *out = *record;
  return true;
}

std::vector<long> WordNet::NounOffsets(const std::string& noun) const {
  if (index_ == nullptr) return LibNounOffsets(noun);
  if (auto it = memo_->senses.find(noun); it != memo_->senses.end()) return it->second;
  const std::string w = Underscores(noun);
  std::vector<long> offsets;
  // getindex() also tries the base form's spelling variants; the base form covers most.
  if (!index_->Offsets(w, NOUN, &offsets)) {
    const std::string& base = memo_->Morph(*index_, w, NOUN);
    if (base.empty() || !index_->Offsets(base, NOUN, &offsets)) offsets.clear();
  }
  // Proper nouns (instances: "Mobile" the city, "Bath" the town) are not what a lower-case word
  // in a scene means; they are left out when the word has other senses.
  std::vector<long> common;
  const SynsetRecord* s = nullptr;
  for (long offset : offsets) {
    if ((s = memo_->Noun(index_.get(), offset)) != nullptr && !s->instance)
      common.push_back(offset);
  }
  Bound(memo_->senses);
  return memo_->senses[noun] = common.empty() ? offsets : common;
}

bool WordNet::IsNoun(const std::string& word) {
  if (!available_ || word.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = noun_cache_.find(word); it != noun_cache_.end()) return it->second;
  std::string w = Underscores(word);
  const bool noun = index_ != nullptr
                        ? index_->Has(w, NOUN) || !memo_->Morph(*index_, w, NOUN).empty()
                        : ::in_wn(w.data(), NOUN) != 0 || ::morphstr(w.data(), NOUN) != nullptr;
  Bound(noun_cache_);
  noun_cache_[word] = noun;
  return noun;
}

std::vector<std::string> WordNet::CompoundsStartingWith(const std::string& word) {
  if (!available_ || word.empty() || index_ == nullptr) return {};
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = compounds_cache_.find(word); it != compounds_cache_.end()) return it->second;
  std::vector<std::string> out;
  for (const std::string& lemma : index_->LemmasWithPrefix(Underscores(word) + "_", NOUN, 40)) {
    out.push_back(Spaces(lemma.c_str()));
  }
  Bound(compounds_cache_);
  compounds_cache_[word] = out;
  return out;
}

std::string WordNet::NounBase(const std::string& word) {
  if (!available_ || word.empty()) return word;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = base_cache_.find(word); it != base_cache_.end()) return it->second;
  std::string w = Underscores(word);
  std::string base;
  if (index_ != nullptr) {
    base = Spaces(memo_->Morph(*index_, w, NOUN).c_str());
  } else if (char* found = ::morphstr(w.data(), NOUN); found != nullptr) {
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
  const SynsetRecord* s = nullptr;
  for (int depth = 0; depth < 20 && (s = memo_->Noun(index_.get(), offset)) != nullptr; ++depth) {
    for (const std::string& raw : s->words) {
      const std::string word = Spaces(raw.c_str());
      if (word == "physical entity" || word == "object" || word == "whole" || word == "artifact" ||
          word == "organism" || word == "plant" || word == "animal" || word == "substance") {
        return true;
      }
      if (word == "abstraction" || word == "abstract entity" || word == "psychological feature" ||
          word == "attribute" || word == "measure" || word == "event" || word == "state" ||
          word == "time period" || word == "communication" || word == "group") {
        return false;
      }
    }
    if (s->hypernyms.empty()) return false;
    offset = s->hypernyms[0];
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
  const SynsetRecord* s = nullptr;
  for (int d = 0; d < depth && !level.empty(); ++d) {
    std::vector<long> next;
    for (long offset : level) {
      if ((s = memo_->Noun(index_.get(), offset)) == nullptr) continue;
      if (d > 0) {
        for (const std::string& raw : s->words) {
          const std::string word = Spaces(raw.c_str());
          if (words.insert(word).second) out.push_back(word);
        }
      }
      for (long up : s->hypernyms) {
        if (seen.insert(up).second) next.push_back(up);
      }
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
  const SynsetRecord* s = nullptr;
  for (long offset : offsets) {
    if ((s = memo_->Noun(index_.get(), offset)) == nullptr) continue;
    for (const std::string& raw : s->words) {
      const std::string word = Spaces(raw.c_str());
      if (words.insert(word).second) out.push_back(word);
    }
  }
  Bound(synonym_cache_);
  synonym_cache_[key] = out;
  return out;
}

bool WordNet::IsAdjective(const std::string& word) {
  if (!available_ || word.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = adjective_cache_.find(word); it != adjective_cache_.end()) return it->second;
  std::string w = Underscores(word);
  const bool adjective = index_ != nullptr
                             ? !memo_->Morph(*index_, w, ADJ).empty()
                             : ::in_wn(w.data(), ADJ) != 0 || ::morphstr(w.data(), ADJ) != nullptr;
  Bound(adjective_cache_);
  adjective_cache_[word] = adjective;
  return adjective;
}

std::string WordNet::AdjectiveBase(const std::string& word) {
  if (!available_ || word.empty()) return "";
  std::lock_guard<std::mutex> lock(Lock());
  std::string w = Underscores(word);
  if (index_ != nullptr) return Spaces(memo_->Morph(*index_, w, ADJ).c_str());
  if (char* found = ::morphstr(w.data(), ADJ); found != nullptr) return Spaces(found);
  return ::in_wn(w.data(), ADJ) != 0 ? word : "";
}

bool WordNet::IsAdverb(const std::string& word) {
  if (!available_ || word.empty()) return false;
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = adverb_cache_.find(word); it != adverb_cache_.end()) return it->second;
  std::string w = Underscores(word);
  const bool adverb = index_ != nullptr ? index_->Has(w, ADV) : ::in_wn(w.data(), ADV) != 0;
  Bound(adverb_cache_);
  adverb_cache_[word] = adverb;
  return adverb;
}

bool WordNet::IsVerb(const std::string& word) {
  return !VerbBase(word).empty();
}

std::string WordNet::VerbBase(const std::string& word) {
  if (!available_ || word.empty()) return "";
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = verb_base_cache_.find(word); it != verb_base_cache_.end()) return it->second;
  std::string w = Underscores(word);
  std::string base;
  if (index_ != nullptr) {
    base = Spaces(memo_->Morph(*index_, w, VERB).c_str());
  } else if (char* found = ::morphstr(w.data(), VERB); found != nullptr) {
    base = Spaces(found);
  } else if (::in_wn(w.data(), VERB) != 0) {
    base = word;
  }
  Bound(verb_base_cache_);
  verb_base_cache_[word] = base;
  return base;
}

bool WordNet::VerbSynset(long offset, SynsetRecord* out) const {
  if (index_ != nullptr) {
    if (auto it = memo_->verbs.find(offset); it != memo_->verbs.end()) {
      *out = it->second;
      return true;
    }
    if (!index_->VerbSynset(offset, out)) return false;
    Bound(memo_->verbs);
    memo_->verbs.emplace(offset, *out);
    return true;
  }
  char empty[] = "";
  SynsetPtr s = ::read_synset(VERB, offset, empty);
  if (s == nullptr) return false;
  out->lexfile = s->fnum;
  out->words.assign(s->words, s->words + s->wcount);
  out->hypernyms.clear();
  for (int p = 0; p < s->ptrcount; ++p) {
    if (s->ptrtyp[p] == HYPERPTR) out->hypernyms.push_back(s->ptroff[p]);
  }
  out->frames.assign(s->frmid, s->frmid + s->fcount);
  ::free_synset(s);
  return true;
}

int WordNet::Frequency(const std::string& word, int pos) {
  if (!available_ || word.empty()) return 0;
  const std::string key = word + "#" + std::to_string(pos);
  std::string base;
  {
    std::lock_guard<std::mutex> lock(Lock());
    if (auto it = frequency_cache_.find(key); it != frequency_cache_.end()) return it->second;
  }
  base = pos == NOUN ? NounBase(word) : pos == VERB ? VerbBase(word) : word;
  if (base.empty()) base = word;
  std::lock_guard<std::mutex> lock(Lock());
  std::string w = Underscores(base);
  int count = 0;
  if (index_ != nullptr) {
    count = index_->TagCount(w, pos);
    Bound(frequency_cache_);
    frequency_cache_[key] = count;
    return count;
  }
  IndexPtr index = ::getindex(w.data(), pos);
  if (index != nullptr) {
    for (int k = 0; k < index->off_cnt; ++k) count += std::max(0, ::GetTagcnt(index, k + 1));
    ::free_index(index);
    while (IndexPtr rest = ::getindex(nullptr, pos)) ::free_index(rest);
  }
  Bound(frequency_cache_);
  frequency_cache_[key] = count;
  return count;
}

std::vector<int> WordNet::SenseTagCounts(const std::string& noun) {
  std::vector<int> out;
  if (!available_ || noun.empty()) return out;
  std::lock_guard<std::mutex> lock(Lock());
  // The senses NounOffsets keeps (no proper nouns), matched to the lemma's sense numbers.
  const std::vector<long> kept = NounOffsets(noun);
  std::vector<long> all;
  std::vector<int> counts;
  std::string w = Underscores(noun);
  if (index_ != nullptr) {
    if (!index_->Offsets(w, NOUN, &all)) {
      w = memo_->Morph(*index_, w, NOUN);
      if (w.empty() || !index_->Offsets(w, NOUN, &all)) all.clear();
    }
    if (!all.empty()) counts = index_->SenseTagCounts(w, NOUN);
  } else if (IndexPtr index = ::getindex(w.data(), NOUN)) {
    for (int k = 0; k < index->off_cnt; ++k) {
      all.push_back(static_cast<long>(index->offset[k]));
      counts.push_back(std::max(0, ::GetTagcnt(index, k + 1)));
    }
    ::free_index(index);
    while (IndexPtr rest = ::getindex(nullptr, NOUN)) ::free_index(rest);
  }
  for (long offset : kept) {
    const auto at = std::find(all.begin(), all.end(), offset);
    const size_t i = static_cast<size_t>(at - all.begin());
    out.push_back(at != all.end() && i < counts.size() ? counts[i] : 0);
  }
  return out;
}

std::vector<std::string> WordNet::LexFiles(const std::string& noun, int senses) {
  std::vector<std::string> out;
  if (!available_) return out;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key = noun + "#" + std::to_string(senses);
  if (auto it = lexfile_cache_.find(key); it != lexfile_cache_.end()) return it->second;
  std::vector<long> offsets = NounOffsets(noun);
  if (senses > 0 && offsets.size() > static_cast<size_t>(senses)) offsets.resize(senses);
  const SynsetRecord* s = nullptr;
  for (long offset : offsets) {
    if ((s = memo_->Noun(index_.get(), offset)) == nullptr) continue;
    if (s->lexfile >= 0 && s->lexfile < kLexFileCount) out.push_back(::lexfiles[s->lexfile]);
  }
  Bound(lexfile_cache_);
  lexfile_cache_[key] = out;
  return out;
}

std::string WordNet::Gloss(const std::string& noun) {
  if (!available_) return "";
  std::lock_guard<std::mutex> lock(Lock());
  if (auto it = gloss_cache_.find(noun); it != gloss_cache_.end()) return it->second;
  const std::vector<long> offsets = NounOffsets(noun);
  std::string gloss;
  const SynsetRecord* s = nullptr;
  if (!offsets.empty() && (s = memo_->Noun(index_.get(), offsets[0])) != nullptr)
    gloss = Spaces(s->gloss.c_str());
  Bound(gloss_cache_);
  gloss_cache_[noun] = gloss;
  return gloss;
}

std::vector<std::string> WordNet::SenseHypernyms(const std::string& noun, int sense, int depth) {
  std::vector<std::string> out;
  if (!available_ || sense < 0) return out;
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key = noun + "#" + std::to_string(sense) + "#" + std::to_string(depth);
  if (auto it = sense_hypernym_cache_.find(key); it != sense_hypernym_cache_.end())
    return it->second;
  const std::vector<long> offsets = NounOffsets(noun);
  if (static_cast<size_t>(sense) < offsets.size()) {
    long offset = offsets[sense];
    const SynsetRecord* s = nullptr;
    for (int d = 0; d < depth && (s = memo_->Noun(index_.get(), offset)) != nullptr; ++d) {
      if (d > 0) {
        for (const std::string& raw : s->words) out.push_back(Spaces(raw.c_str()));
      }
      if (s->hypernyms.empty()) break;
      offset = s->hypernyms[0];
    }
  }
  Bound(sense_hypernym_cache_);
  sense_hypernym_cache_[key] = out;
  return out;
}

std::vector<std::vector<std::string>> WordNet::SenseAncestors(const std::string& noun, int depth) {
  if (!available_) return {};
  std::lock_guard<std::mutex> lock(Lock());
  const std::string key = noun + "#" + std::to_string(depth);
  if (auto it = sense_ancestor_cache_.find(key); it != sense_ancestor_cache_.end())
    return it->second;
  std::vector<std::vector<std::string>> out = wordnet_detail::HypernymWordsBySense(
      NounOffsets(noun), depth, [&](long offset) { return memo_->Noun(index_.get(), offset); },
      [](const std::string&, size_t, long) { return true; });
  Bound(sense_ancestor_cache_);
  sense_ancestor_cache_[key] = out;
  return out;
}

int WordNet::SenseCount(const std::string& noun) {
  if (!available_) return 0;
  std::lock_guard<std::mutex> lock(Lock());
  return static_cast<int>(NounOffsets(noun).size());
}

}  // namespace scenecraft
