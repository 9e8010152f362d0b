// The chunker's quantities (chunker_state.h): nouns WordNet files as groups of things before
// "of", adjectives before a quantity noun, and compounds whose head is a quantity noun; and
// words WordNet writes with hyphens, typed apart, before a head.
#include "scenecraft/lang/chunker_state.h"
#include "scenecraft/lang/compound.h"
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

size_t Chunker::UnitOfAt(size_t k) const {
  if (k + 2 >= words_.size() || texts_[k + 1] != "of" || !words_[k].noun ||
      words_[k].word_class != WordClass::kOpen || words_[k].number ||
      FindQuantityNoun(words_[k].lemma) != nullptr) {
    return k;
  }
  // The substance: one singular noun right after "of" ("of soap", not "of soap dishes"), which
  // WordNet files first as a food or a substance, or under substance, and which is no material
  // things are made of (a statue of marble is a statue).
  const Word& stuff = words_[k + 2];
  if (stuff.word_class != WordClass::kOpen || !stuff.noun || stuff.plural || stuff.number ||
      (k + 3 < words_.size() && words_[k + 3].word_class == WordClass::kOpen &&
       words_[k + 3].noun && !words_[k + 3].verb && !words_[k + 3].adjective)) {
    return k;
  }
  WordNet& wordnet = WordNet::Get();
  const std::vector<std::string> first = wordnet.LexFiles(stuff.lemma, 1);
  // (Soap is filed as an artifact, a cleansing agent, under substance; a singular without a
  // determiner after "of" is a mass.)
  const bool substance =
      !first.empty() && (first[0] == "noun.food" || first[0] == "noun.substance");
  if ((!substance && !Contains(wordnet.Hypernyms(stuff.lemma, 8, 1), "substance")) ||
      IsMaterial(stuff.lemma)) {
    return k;
  }
  // The piece: a thing by its most frequent sense that holds nothing and names no group, no
  // place and no picture or work of art of the substance ("a painting of fruit").
  // (A bar is first a room and a counter, but also a block of a solid; "a loaf of bread" is
  // WordNet's own compound; a cup, a plate, a spoon is tableware or holds a measure by some
  // sense.)
  const std::string& piece = words_[k].lemma;
  const NounKind kind = ClassifyNoun(piece);
  if (kind == NounKind::kAbstract || kind == NounKind::kOutdoorPlace ||
      kind == NounKind::kBuilding || kind == NounKind::kRoomPart || !HasPhysicalSense(piece) ||
      NamesAGroup(piece) || wordnet.IsNoun(piece + " of " + stuff.lemma)) {
    return k;
  }
  bool block = piece == "block";
  const std::vector<std::vector<std::string>> senses = wordnet.SenseAncestors(piece, 10);
  for (size_t s = 0; s < senses.size(); ++s) {
    for (const std::string& up : senses[s]) {
      if (up == "containerful" || up == "tableware" ||
          (s < 2 && (up == "container" || up == "creation" || up == "representation" ||
                     up == "communication"))) {
        return k;
      }
      block = block || up == "block";
    }
  }
  if (!block && HolderOf(piece) != Holder::kNone) return k;
  return k + 1;
}

size_t Chunker::QuantityAfterAdjectives(size_t k) const {
  size_t j = k;
  // (Not a participle: "a stacked pair of speakers" says how they stand; but a gerund says what
  // a line or a rack is for: "a drying line of shirts".)
  WordNet& wordnet = WordNet::Get();
  auto gerund = [&](const Word& w) {
    return w.verb && w.text.size() > 4 && w.text.compare(w.text.size() - 3, 3, "ing") == 0 &&
           wordnet.VerbBase(w.text) != w.text;
  };
  while (j < words_.size() && words_[j].word_class == WordClass::kOpen &&
         ((words_[j].adjective &&
           (!words_[j].noun || words_[j].adjective_frequency >= words_[j].noun_frequency) &&
           (!words_[j].verb || wordnet.VerbBase(words_[j].text) == words_[j].text)) ||
          gerund(words_[j])) &&
         !words_[j].number) {
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
  // "three bars of soap", "wheels of cheese": the pieces count the substance.
  if (const size_t of = UnitOfAt(k); of > k) {
    np->attributes.push_back(words_[k].lemma);
    np->attribute_words.push_back(static_cast<int>(k));
    if (words_[k].plural) {
      np->plural = true;
      if (np->count == 1) np->count = -1;
    }
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
