// The chunker's quantities (chunker_state.h): nouns WordNet files as groups of things before
// "of", adjectives before a quantity noun, and compounds whose head is a quantity noun; and
// words WordNet writes with hyphens, typed apart, before a head.
#include "scenecraft/lang/chunker_state.h"
#include "scenecraft/lang/noun_kind.h"

namespace scenecraft::chunker_detail {

size_t Chunker::GroupOfAt(size_t k) const {
  if (k + 2 >= words_.size() || texts_[k + 1] != "of" || !words_[k].noun || words_[k].plural ||
      words_[k].word_class != WordClass::kOpen || FindQuantityNoun(words_[k].lemma) != nullptr) {
    return k;
  }
  // The noun phrase after "of" ends in a plural noun ("of tiny brass bells").
  size_t end = k + 2;
  while (end < words_.size() && !words_[end].punct && words_[end].word_class == WordClass::kOpen &&
         !words_[end].number && MatchSpatialPhrase(texts_, end) == nullptr) {
    ++end;
  }
  if (end == k + 2 || !words_[end - 1].plural || !words_[end - 1].noun) return k;
  return NamesAGroup(words_[k].lemma) ? k + 1 : k;
}

size_t Chunker::QuantityAfterAdjectives(size_t k) const {
  size_t j = k;
  // (Not a participle: "a stacked pair of speakers" says how they stand.)
  WordNet& wordnet = WordNet::Get();
  while (j < words_.size() && words_[j].word_class == WordClass::kOpen && words_[j].adjective &&
         (!words_[j].noun || words_[j].adjective_frequency >= words_[j].noun_frequency) &&
         !words_[j].number &&
         (!words_[j].verb || wordnet.VerbBase(words_[j].text) == words_[j].text)) {
    ++j;
  }
  if (j == k || j + 1 >= words_.size() || texts_[j + 1] != "of") return k;
  const QuantityNoun* q = FindQuantityNoun(texts_[j]) != nullptr
                              ? FindQuantityNoun(texts_[j])
                              : FindQuantityNoun(words_[j].lemma);
  if (q != nullptr || GroupOfAt(j) > j) return j;
  return k;
}

size_t Chunker::GroupOrAdjectivesAt(size_t k, NounPhrase* np, bool* any) const {
  // "a string of bells", "a herd of goats": a noun WordNet files as a collection or a series
  // counts the things after "of", whose number is not said.
  if (const size_t of = GroupOfAt(k); of > k) {
    if (np->count == 1) np->count = -1;
    *any = true;
    return of + 1;
  }
  // "a tidy pile of towels", "a long row of lockers": the adjectives describe the things.
  const size_t quantity = QuantityAfterAdjectives(k);
  for (size_t a = k; a < quantity; ++a) {
    np->attributes.push_back(texts_[a]);
    np->attribute_words.push_back(static_cast<int>(a));
  }
  return quantity;
}

void Chunker::QuantityCompound(const std::vector<size_t>& run, size_t* compound_start,
                               std::string* category, NounPhrase* np) const {
  if (run.size() < 2 || *compound_start + 2 < run.size()) return;
  const Word& head = words_[run.back()];
  const Word& m = words_[run[run.size() - 2]];
  const QuantityNoun* q = FindQuantityNoun(head.lemma);
  // (A material too: "a brick pile" is bricks; a word rather an adjective describes the pile; a
  // person is no thing to pile: "a lifeguard tower" is a tower.)
  const bool joined = *category == m.text + " " + head.lemma;
  if (q == nullptr || q->count != 0 || q->arrangement.empty() || head.plural || !m.noun ||
      m.plural || (!joined && *category != head.lemma) ||
      (m.adjective && m.adjective_frequency >= m.noun_frequency) ||
      IsCompound(m.lemma + " " + head.lemma) || !IsDiscrete(m.lemma, /*plural=*/true)) {
    return;
  }
  *category = m.lemma;
  *compound_start = run.size() - 2;
  np->arrangement = std::string(q->arrangement);
  if (np->count == 1) np->count = -1;
  np->plural = true;
}

size_t Chunker::HyphenatedBeforeHead(const std::vector<size_t>& run) const {
  if (run.size() < 3) return run.size();
  WordNet& wordnet = WordNet::Get();
  for (size_t from = 0; from + 2 < run.size(); ++from) {
    std::string joined = texts_[run[from]];
    for (size_t r = from + 1; r + 1 < run.size(); ++r) joined += "-" + texts_[run[r]];
    if (wordnet.IsNoun(joined)) return from;
  }
  return run.size();
}

}  // namespace scenecraft::chunker_detail
