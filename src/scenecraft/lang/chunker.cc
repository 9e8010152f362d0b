#include "scenecraft/lang/chunker.h"

#include <wn.h>

#include <algorithm>

#include "scenecraft/lang/chunker_data.h"
#include "scenecraft/lang/compound.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using chunker_detail::FunctionPhrase;
using chunker_detail::FunctionPhrases;
using chunker_detail::IsPronounWord;

class Chunker {
 public:
  explicit Chunker(const std::vector<Word>& words) : words_(words) {
    for (const Word& w : words) texts_.push_back(w.text);
  }

  std::vector<Item> Run() {
    size_t i = 0;
    while (i < words_.size()) i = Next(i);
    ShareAcrossLists();
    return std::move(items_);
  }

 private:
  size_t Next(size_t i);
  // Lists whose members share a noun or modifiers: "a red and a blue chair", "two red and three
  // blue beanbags" (the noun is said once, for the last member); "two oak chairs and tables" (the
  // modifiers are said once, for the first).
  void ShareAcrossLists();
  // Whether a noun phrase is only a modifier whose noun comes later ("a red", "two wooden").
  bool ElidedHead(const Item& item) const;
  // Whether a noun phrase is only a material whose noun comes later, in a list parallel to `noun`.
  bool ElidedMaterial(const Item& item, const Item& noun) const;
  size_t NounPhraseAt(size_t i);
  // Whether words[k], a word that opens a spatial phrase, is rather an adjective inside a noun
  // phrase: it is one, it follows a word that is rather an adjective than a noun, and a noun
  // that ends the phrase follows it ("a small round table").
  bool ModifierHere(size_t k) const {
    const SpatialPhrase* phrase = MatchSpatialPhrase(texts_, k);
    if (phrase == nullptr || phrase->words.size() != 1 || !words_[k].adjective || k == 0 ||
        k + 1 >= words_.size()) {
      return false;
    }
    const Word& before = words_[k - 1];
    const Word& after = words_[k + 1];
    const bool before_modifier =
        before.adjective && (!before.noun || before.adjective_frequency >= before.noun_frequency);
    return before_modifier && after.word_class == WordClass::kOpen && !after.punct &&
           (after.noun || !after.known);
  }
  // A phrase whose last word makes a compound with the next ("on each side table": a side table)
  // ends before that word: the longest shorter phrase at words[i], if any.
  const SpatialPhrase* ShorterIfCompound(size_t i, const SpatialPhrase* phrase) const {
    if (phrase == nullptr || phrase->words.size() < 2) return phrase;
    const size_t last = i + phrase->words.size() - 1;
    if (last + 1 >= words_.size()) return phrase;
    // A compound WordNet knows, or a noun after the phrase's last noun that is no verb there.
    const Word& next = words_[last + 1];
    const bool noun_after = words_[last].noun && next.noun && !next.punct &&
                            next.word_class == WordClass::kOpen &&
                            next.noun_frequency >= next.verb_frequency && !next.number &&
                            MatchSpatialPhrase(texts_, last + 1) == nullptr;
    if (!noun_after && !IsCompound(texts_[last] + " " + next.lemma)) return phrase;
    // The determiners before the compound go with it ("each side table", not "on each").
    for (size_t end = last; end > i; --end) {
      const std::vector<std::string> before(texts_.begin(),
                                            texts_.begin() + static_cast<long>(end));
      const SpatialPhrase* shorter = MatchSpatialPhrase(before, i);
      if (shorter == nullptr) return nullptr;
      if (!Determiner(texts_[i + shorter->words.size() - 1])) return shorter;
      end = i + shorter->words.size();
    }
    return nullptr;
  }
  // Whether a word after a pronoun word is its verb ("each faces the wall", "it stands"), not a
  // noun the word determines ("each side table").
  static bool VerbAfterPronoun(const Word& w) {
    return w.verb && (!w.noun || w.verb_frequency > w.noun_frequency || EndsWith(w.text, "s"));
  }
  // The end of a restated count at words[i] ("five of them" + punctuation), or i.
  size_t RecountAt(size_t i) const {
    if (!words_[i].number || *words_[i].number < 1) return i;
    auto ends = [&](size_t k) { return k >= words_.size() || words_[k].punct; };
    auto is = [&](size_t k, std::initializer_list<const char*> any) {
      if (k >= words_.size()) return false;
      for (const char* a : any) {
        if (texts_[k] == a) return true;
      }
      return false;
    };
    // After a comma the clause may go on: "folding chairs, ten of them around a table".
    const bool after_comma = !items_.empty() && items_.back().kind == ItemKind::kComma;
    if (is(i + 1, {"of"}) && is(i + 2, {"them", "these", "those"}) && (ends(i + 3) || after_comma))
      return i + 3;
    if (is(i + 1, {"in"}) && is(i + 2, {"all", "total"}) && ends(i + 3)) return i + 3;
    // A stack's height in things: "crates stacked five high".
    if (is(i + 1, {"high", "tall"}) &&
        (ends(i + 2) || MatchSpatialPhrase(texts_, i + 2) != nullptr)) {
      return i + 2;
    }
    if (is(i + 1, {"total", "altogether"}) && ends(i + 2)) return i + 2;
    return i;
  }
  // Whether words[i..i+2] are dimensions: a number, "by" or "x", a number.
  bool DimensionsAt(size_t i) const {
    return i + 2 < words_.size() && words_[i].number.has_value() &&
           (texts_[i + 1] == "by" || texts_[i + 1] == "x") && words_[i + 2].number.has_value();
  }
  // Whether words[k], after the reference of a spatial phrase, is the verb of the clause's
  // subject: it agrees with the noun before the phrase, not with the one after it ("three bottles
  // on a rack stand near the sink"), or the phrase opened the clause and the subject follows the
  // verb ("Beside the hearth stand two pokers"). Never a compound WordNet knows ("a TV stand").
  // `spatial` is the index of the phrase's item.
  bool VerbAfterReference(size_t k, size_t spatial) const;
  // "... and a mobile hangs above it": an -s verb after a single thing is its own clause's, though
  // "A and" came before it.
  bool OwnClauseVerb(size_t k, const NounPhrase& np) const {
    const Word& w = words_[k];
    return w.plural && np.count == 1 && w.verb_frequency > w.noun_frequency && VerbHere(k, np);
  }
  // The end of an adverb at words[k] (a WordNet adverb collocation, or one word more often an
  // adverb than a noun), or k when there is none.
  size_t AdverbAt(size_t k) const;
  // `coordinated`: the subject is plural only by "A and B" ("a harp and a cello wait").
  bool VerbHere(size_t k, const NounPhrase& np, bool coordinated = false) const;
  // The last noun phrase, as a plural when it ends a coordination ("a harp and a cello").
  NounPhrase SubjectBefore() const {
    NounPhrase np = items_.back().np;
    if (items_.size() >= 3 && items_[items_.size() - 2].kind == ItemKind::kAnd &&
        items_[items_.size() - 3].kind == ItemKind::kNoun) {
      np.count = 2;
    }
    return np;
  }
  void Add(ItemKind kind, size_t first, size_t last) {
    Item item;
    item.kind = kind;
    item.first = static_cast<int>(first);
    item.last = static_cast<int>(last);
    items_.push_back(std::move(item));
  }
  bool AfterDeterminer(size_t i) const {
    if (!items_.empty() && (items_.back().kind == ItemKind::kRelative ||
                            (items_.back().kind == ItemKind::kNoun &&
                             items_.back().last + 1 == static_cast<int>(i)))) {
      return false;
    }
    return i > 0 && (Determiner(texts_[i - 1]).has_value() || words_[i - 1].number.has_value()) &&
           !NounPhraseAfterPhrase(i);
  }
  // Whether a spatial phrase starts at words[i] and a determiner or a number follows it: then it
  // opens a phrase ("of five facing a mirror"), whatever stands before it.
  bool NounPhraseAfterPhrase(size_t i) const {
    const SpatialPhrase* p = MatchSpatialPhrase(texts_, i);
    if (p == nullptr) return false;
    const size_t after = i + p->words.size();
    return after < words_.size() &&
           (Determiner(texts_[after]).has_value() || words_[after].number.has_value());
  }

  const std::vector<Word>& words_;
  std::vector<std::string> texts_;
  std::vector<Item> items_;
};

size_t Chunker::Next(size_t i) {
  const Word& w = words_[i];
  if (w.punct) {
    Add(IsSentenceEnd(w) ? ItemKind::kEnd : ItemKind::kComma, i, i);
    return i + 1;
  }
  if (w.possessive) {
    Add(ItemKind::kPossessive, i, i);
    return i + 1;
  }
  // A number that restates how many things were just named, ending its clause: "five of them",
  // "four in all", "six in total", "three altogether".
  if (const size_t end = RecountAt(i); end > i) {
    Add(ItemKind::kRecount, i, end - 1);
    items_.back().count = *w.number;
    return end;
  }
  // Dimensions of an arrangement ("4 by 4", "three x five"): grammar, not things.
  if (DimensionsAt(i)) {
    Add(ItemKind::kFunction, i, i + 2);
    return i + 3;
  }
  // A spatial phrase, unless a determiner makes its first word a modifier ("the opposite wall").
  if (!AfterDeterminer(i)) {
    // A phrase with dimensions inside it: "in a 4 by 4 grid".
    for (size_t d = i + 1; d <= i + 3 && d < words_.size(); ++d) {
      if (!DimensionsAt(d)) continue;
      std::vector<std::string> without(texts_.begin() + static_cast<long>(i),
                                       texts_.begin() + static_cast<long>(d));
      without.insert(without.end(), texts_.begin() + static_cast<long>(d + 3), texts_.end());
      const SpatialPhrase* phrase = MatchSpatialPhrase(without, 0);
      if (phrase == nullptr || phrase->words.size() <= d - i) break;
      Add(ItemKind::kSpatial, i, i + phrase->words.size() + 2);
      items_.back().phrase = phrase;
      return i + phrase->words.size() + 3;
    }
    if (const SpatialPhrase* phrase = ShorterIfCompound(i, MatchSpatialPhrase(texts_, i));
        phrase != nullptr) {
      Add(ItemKind::kSpatial, i, i + phrase->words.size() - 1);
      items_.back().phrase = phrase;
      return i + phrase->words.size();
    }
  }
  for (const FunctionPhrase& f : FunctionPhrases()) {
    if (i + f.words.size() > texts_.size()) continue;
    if (std::equal(f.words.begin(), f.words.end(), texts_.begin() + i)) {
      Add(f.kind, i, i + f.words.size() - 1);
      return i + f.words.size();
    }
  }
  // "that" after a noun and before a verb or a phrase opens a relative clause.
  if (w.text == "that" && !items_.empty() && items_.back().kind == ItemKind::kNoun &&
      i + 1 < words_.size() &&
      (MatchSpatialPhrase(texts_, i + 1) != nullptr ||
       (words_[i + 1].verb && !words_[i + 1].adjective) ||
       words_[i + 1].word_class == WordClass::kFunction)) {
    Add(ItemKind::kRelative, i, i);
    return i + 1;
  }
  // A command: a verb opening its clause, followed by a determiner or a number ("Hang a lamp
  // over the table", "Keep the hive away from ...", "Please stack three tires ...").
  const bool clause_start = items_.empty() || items_.back().kind == ItemKind::kEnd ||
                            (items_.back().kind == ItemKind::kFunction &&
                             words_[items_.back().first].word_class == WordClass::kFunction);
  if (clause_start && w.word_class == WordClass::kOpen && w.verb && i + 1 < words_.size() &&
      WordNet::Get().VerbBase(w.text) == w.text &&
      (Determiner(texts_[i + 1]).has_value() || words_[i + 1].number.has_value())) {
    Add(ItemKind::kVerb, i, i);
    return i + 1;
  }
  // A verb right after a relative pronoun: "a lamp that stands ...", "which leans ...".
  if (!items_.empty() && items_.back().kind == ItemKind::kRelative &&
      w.word_class == WordClass::kOpen && w.verb && MatchSpatialPhrase(texts_, i) == nullptr &&
      (!w.noun || w.verb_frequency > w.noun_frequency ||
       WordNet::Get().VerbBase(w.text) != w.text)) {
    Add(ItemKind::kVerb, i, i);
    return i + 1;
  }
  // A verb right after its subject: "a rocking chair stands ...", "a case leaning ...", or
  // after the reference of the subject's phrase ("bottles on a rack stand ...").
  if (!items_.empty() && items_.back().kind == ItemKind::kNoun &&
      items_.back().np.pronoun.empty() && items_.back().last + 1 == static_cast<int>(i) &&
      w.word_class == WordClass::kOpen &&
      (VerbHere(i, SubjectBefore()) || OwnClauseVerb(i, items_.back().np) ||
       (items_.size() >= 2 && VerbAfterReference(i, items_.size() - 2)))) {
    Add(ItemKind::kVerb, i, i);
    return i + 1;
  }
  if (const size_t end = NounPhraseAt(i); end > i) return end;
  if (w.word_class == WordClass::kOpen && w.verb) {
    Add(ItemKind::kVerb, i, i);
  } else if (w.word_class == WordClass::kOpen && w.adjective) {
    Add(ItemKind::kPredicate, i, i);
    items_.back().words.push_back(w.text);
  } else {
    Add(ItemKind::kFunction, i, i);
  }
  return i + 1;
}

bool Chunker::ElidedHead(const Item& item) const {
  if (item.kind != ItemKind::kNoun || !item.np.pronoun.empty() || item.np.head < 0 ||
      item.np.category_words.size() != 1 || !item.np.attributes.empty()) {
    return false;
  }
  const Word& w = words_[item.np.head];
  return w.adjective && w.adjective_frequency >= w.noun_frequency && !w.plural;
}

bool Chunker::ElidedMaterial(const Item& item, const Item& noun) const {
  if (item.kind != ItemKind::kNoun || !item.np.pronoun.empty() || item.np.head < 0 ||
      item.np.category_words.size() != 1 || !item.np.attributes.empty() ||
      noun.np.attribute_words.empty() || words_[item.np.head].plural || !noun.np.plural) {
    return false;
  }
  // Parallel lists only: "four brass and two iron candlesticks" (a material before the noun said
  // once), never "a rock and a tree".
  const Word& own = words_[item.np.head];
  const Word& theirs = words_[noun.np.attribute_words.front()];
  const bool theirs_modifier = IsMaterial(theirs.text) || theirs.adjective;
  return IsMaterial(own.text) && theirs_modifier;
}

void Chunker::ShareAcrossLists() {
  auto joins = [&](size_t k) {
    return k < items_.size() &&
           (items_[k].kind == ItemKind::kAnd || items_[k].kind == ItemKind::kComma);
  };
  // The noun said once, last: each modifier-only member before it takes its noun.
  for (size_t k = 0; k < items_.size(); ++k) {
    // The members of the list up to the first that has a noun of its own.
    size_t last = k;
    while (joins(last + 1) && last + 2 < items_.size() &&
           items_[last + 2].kind == ItemKind::kNoun &&
           items_[last + 2].np.category_words.size() == 1 && items_[last + 2].np.attributes.empty())
      last += 2;
    // The noun said once follows "and" ("a red and a blue chair"); after a comma the next noun
    // phrase is another thing ("under a mobile, a changing table ...").
    if (!joins(last + 1) || items_[last + 1].kind != ItemKind::kAnd || last + 2 >= items_.size())
      continue;
    const Item& noun = items_[last + 2];
    if (noun.kind != ItemKind::kNoun || !noun.np.pronoun.empty() || noun.np.head < 0) continue;
    bool elided = true;
    for (size_t m = k; m <= last && elided; m += 2) {
      elided = ElidedHead(items_[m]) || ElidedMaterial(items_[m], noun);
    }
    if (!elided) continue;
    for (size_t m = k; m <= last; m += 2) {
      NounPhrase& np = items_[m].np;
      np.attributes = {words_[np.head].text};
      np.attribute_words = np.category_words;
      np.category_words.clear();
      np.category = noun.np.category;
      np.head = noun.np.head;
      np.plural = np.count > 1 || (np.count < 0 && noun.np.plural);
    }
    k = last;
  }
  // The modifiers said once, first: a bare noun right after "and" shares them.
  for (size_t k = 0; k + 2 < items_.size(); ++k) {
    const Item& first = items_[k];
    Item& second = items_[k + 2];
    if (first.kind != ItemKind::kNoun || items_[k + 1].kind != ItemKind::kAnd ||
        second.kind != ItemKind::kNoun || !first.np.pronoun.empty() || !second.np.pronoun.empty() ||
        first.np.attributes.empty() || second.np.determined || !second.np.attributes.empty() ||
        second.np.head < 0) {
      continue;
    }
    second.np.attributes = first.np.attributes;
  }
}

// Whether words[k], inside a noun phrase's run of open words, is rather the clause's verb.
// words[k - 1] is the last word of a noun (its head, or a word of its run).
bool Chunker::VerbHere(size_t k, const NounPhrase& np, bool coordinated) const {
  const Word& w = words_[k];
  if (!w.verb || k == 0) return false;
  const bool next_open_noun = k + 1 < words_.size() && !words_[k + 1].punct &&
                              words_[k + 1].word_class == WordClass::kOpen &&
                              (words_[k + 1].noun || !words_[k + 1].known) &&
                              MatchSpatialPhrase(texts_, k + 1) == nullptr &&
                              AdverbAt(k + 1) == k + 1;  // "rests upside down"
  const std::string base = WordNet::Get().VerbBase(w.text);
  // A form other than the base and its -s form is a participle ("leaning", "stacked", and the
  // irregular "laid", "hung", "worn").
  const bool s_form = base + "s" == w.text || base + "es" == w.text ||
                      (EndsWith(base, "y") && base.substr(0, base.size() - 1) + "ies" == w.text);
  // (An irregular form that is also a noun is rather the noun: "a table saw".)
  const bool regular = EndsWith(w.text, "ing") || EndsWith(w.text, "ed");
  const bool participle = !base.empty() && base != w.text && !s_form && (regular || !w.noun);
  // Agreement decides most of it: after a single thing only "stands" can be its verb ("a TV
  // stand" is a noun); after several only the bare form ("two lamps stand"; "two TV stands" is a
  // noun).
  const bool singular_subject = !words_[k - 1].plural && np.count <= 1;
  if (next_open_noun) {
    // Before another noun a participle is a modifier ("rocking chair", "folding table"); so is any
    // word that does not agree with the noun before it, or that WordNet saw more often as a noun,
    // or that makes a compound with a neighbour. A finite verb that agrees is the clause's verb:
    // "a canoe hangs upside down", "two boys play chess".
    if (participle) return false;
    const bool agrees =
        base != w.text ? s_form && singular_subject : !singular_subject && !coordinated;
    if (!agrees || (w.noun && w.verb_frequency <= w.noun_frequency)) return false;
    return !IsCompound(words_[k - 1].lemma + " " + w.lemma) &&
           !IsCompound(w.lemma + " " + words_[k + 1].lemma);
  }
  if (!w.noun && !w.adjective) return true;
  if (participle) return true;  // "a violin case leaning against ..."
  if (IsCompound(words_[k - 1].lemma + " " + w.lemma)) return false;
  // A verb of a single thing takes something after it ("a lamp stands by the bed"); an -s word
  // that ends the phrase is a plural noun ("below the coat hooks.", "hooks and shelves").
  const bool phrase_ends = k + 1 >= words_.size() || words_[k + 1].punct ||
                           texts_[k + 1] == "and" || texts_[k + 1] == "or";
  if (w.plural && phrase_ends) return false;
  if (w.plural) return singular_subject;
  // After "A and B" the bare form may still be B's noun ("a yellow and a green kayak"): a verb
  // only when WordNet saw it more often as one.
  if (base == w.text && coordinated) return w.verb_frequency > w.noun_frequency;
  if (base == w.text) return !singular_subject;
  return false;
}

bool Chunker::VerbAfterReference(size_t k, size_t spatial) const {
  const Word& w = words_[k];
  if (!w.verb || spatial >= items_.size() || items_[spatial].kind != ItemKind::kSpatial || k == 0 ||
      k + 1 >= words_.size() || words_[k + 1].punct ||
      IsCompound(words_[k - 1].lemma + " " + w.lemma)) {
    return false;
  }
  // A word WordNet saw more often as a noun is the noun ("on a wooden table by the sofa").
  if (w.noun && w.verb_frequency <= w.noun_frequency) return false;
  const std::string base = WordNet::Get().VerbBase(w.text);
  if (base.empty()) return false;
  const bool s_form = base != w.text && EndsWith(w.text, "s");
  const bool bare = base == w.text;
  const Word& next = words_[k + 1];
  const bool next_starts_noun_phrase =
      Determiner(texts_[k + 1]).has_value() || next.number.has_value();
  // Inversion: "In the corner stand two lamps", "By the door sits a crate".
  const size_t n = spatial + 1;
  const bool phrase_opens =
      n == 1 || items_[n - 2].kind == ItemKind::kEnd || items_[n - 2].kind == ItemKind::kComma;
  if (phrase_opens) return (bare || s_form) && next_starts_noun_phrase;
  // The subject before the phrase: the verb agrees with it, and no noun follows the verb.
  if (n < 2 || items_[n - 2].kind != ItemKind::kNoun || !items_[n - 2].np.pronoun.empty()) {
    return false;
  }
  const NounPhrase& subject = items_[n - 2].np;
  const bool next_noun = next.word_class == WordClass::kOpen && next.noun && !next.verb &&
                         MatchSpatialPhrase(texts_, k + 1) == nullptr;
  if (next_noun) return false;
  const bool plural_subject = subject.plural || subject.count > 1;
  return plural_subject ? bare : s_form;
}

size_t Chunker::AdverbAt(size_t k) const {
  if (k >= words_.size() || words_[k].punct || words_[k].word_class != WordClass::kOpen) return k;
  WordNet& wordnet = WordNet::Get();
  // A collocation WordNet lists as an adverb ("upside down", "back to back").
  for (size_t n = 3; n >= 2; --n) {
    if (k + n > words_.size()) continue;
    std::string words;
    bool open = true;
    for (size_t a = k; a < k + n; ++a) {
      open = open && !words_[a].punct && !words_[a].possessive;
      words += (words.empty() ? "" : " ") + texts_[a];
    }
    if (open && wordnet.IsAdverb(words)) return k + n;
  }
  // One word that is rather an adverb than a noun, and no noun follows it ("laid out").
  const Word& w = words_[k];
  if (!w.noun || !wordnet.IsAdverb(w.text)) return k;
  if (k + 1 < words_.size() && words_[k + 1].noun && !words_[k + 1].punct &&
      words_[k + 1].word_class == WordClass::kOpen) {
    return k;
  }
  return wordnet.Frequency(w.text, ADV) > wordnet.Frequency(w.text, NOUN) ? k + 1 : k;
}

size_t Chunker::NounPhraseAt(size_t i) {
  NounPhrase np;
  size_t k = i;
  // Pronouns and pronoun phrases: "it", "them", "the latter", "the other one", "each of them".
  auto pronoun_at = [&](size_t j) {
    return j < words_.size() && IsPronounWord(texts_[j]) &&
           (j + 1 >= words_.size() || words_[j + 1].punct ||
            words_[j + 1].word_class != WordClass::kOpen ||
            MatchSpatialPhrase(texts_, j + 1) != nullptr || VerbAfterPronoun(words_[j + 1]));
  };
  // Determiners, numbers and quantity nouns ("a pair of", "ten thousand", "each of the").
  bool any = false;
  long groups = -1;  // "three rows of": groups whose size a number after them says
  while (k < words_.size() && !words_[k].punct) {
    const std::string& t = texts_[k];
    if (DimensionsAt(k)) {  // "a 4 by 6 rug": its size, not a count
      k += 3;
      continue;
    }
    if (t == "the" && k + 1 < words_.size() &&
        (texts_[k + 1] == "latter" || texts_[k + 1] == "former" || texts_[k + 1] == "other" ||
         texts_[k + 1] == "others") &&
        pronoun_at(k + 1)) {
      np.definite = true;
      ++k;
      break;
    }
    if (auto det = Determiner(t); det && !(pronoun_at(k) && IsPronounWord(t))) {
      if (t == "no") np.negated = true;
      // "a few": the count word after "a" wins.
      if (det->count >= 0 && (np.count < 0 || (np.count == 1 && k > i &&
                                               (texts_[k - 1] == "a" || texts_[k - 1] == "an")))) {
        np.count = det->count;
      }
      np.definite = np.definite || det->definite;
      np.distributive = np.distributive || det->distributive;
      any = true;
      ++k;
    } else if (const QuantityNoun* q = FindQuantityNoun(t) != nullptr
                                           ? FindQuantityNoun(t)
                                           : FindQuantityNoun(words_[k].lemma);
               q != nullptr && k + 1 < words_.size() && texts_[k + 1] == "of") {
      if (q->count > 0) np.count = np.count > 1 ? np.count * q->count : q->count;
      // "three rows of four": the groups the count before an arrangement names, times the
      // count after it; "rows" of several are a grid.
      if (q->count == 0 && np.count > 1 && words_[k].plural) groups = np.count;
      if (!q->arrangement.empty()) np.arrangement = std::string(q->arrangement);
      if (groups > 1 && np.arrangement == "row") np.arrangement = "grid";
      any = true;
      k += 2;
    } else if (words_[k].number && !(t == "one" && pronoun_at(k))) {
      long value = *words_[k].number;
      if (groups > 1 && !IsMultiplier(t)) {
        np.count = groups * value;
        groups = -1;
      } else if (IsMultiplier(t)) {
        np.count = std::max<long>(1, np.count) * value;
      } else if (np.count > 1 && !np.definite && any && np.count % 100 == 0) {
        np.count += value;  // "two hundred fifty"
      } else {
        np.count = value;
      }
      any = true;
      ++k;
    } else if ((t == "each" || t == "one" || t == "both" || t == "all" || t == "either") &&
               k + 1 < words_.size() && texts_[k + 1] == "of") {
      np.distributive = t == "each";
      np.partitive = t == "one" || t == "either";
      if (np.partitive) np.count = 1;
      any = true;
      k += 2;
    } else if (t == "and" && np.count > 1 && k + 1 < words_.size() && words_[k + 1].number) {
      ++k;  // "two hundred and fifty"
    } else {
      break;
    }
  }
  if (pronoun_at(k) && IsPronounWord(texts_[k])) {
    np.pronoun =
        texts_[k] == "they" || texts_[k] == "these" || texts_[k] == "those" || texts_[k] == "each"
            ? "them"
        : texts_[k] == "itself" || texts_[k] == "this" || texts_[k] == "that" ? "it"
        : texts_[k] == "others"                                               ? "other"
        : texts_[k] == "ones"                                                 ? "one"
                                                                              : texts_[k];
    if (texts_[k] == "each") np.distributive = true;  // "four tables, each with two chairs"
    size_t end = k + 1;
    if (texts_[k] == "other" && end < words_.size() && texts_[end] == "one") ++end;
    Add(ItemKind::kNoun, i, end - 1);
    items_.back().np = np;
    return end;
  }
  // Right after a verb, words WordNet knows as an adverb rather than a noun say how the subject
  // stands ("hangs upside down", "laid out", "stands upright"): they describe it.
  if (!any && !items_.empty() && items_.back().kind == ItemKind::kVerb) {
    if (const size_t end = AdverbAt(k); end > k) {
      Add(ItemKind::kPredicate, k, end - 1);
      std::string adverb;
      for (size_t a = k; a < end; ++a) adverb += (adverb.empty() ? "" : " ") + texts_[a];
      items_.back().words.push_back(adverb);
      return end;
    }
  }
  // The run of open words: attributes, compound and head. After "A and" the subject is plural,
  // whatever this noun's own number ("a harp and a cello wait").
  const bool coordinated = items_.size() >= 2 && items_.back().kind == ItemKind::kAnd &&
                           items_[items_.size() - 2].kind == ItemKind::kNoun;
  NounPhrase plural_np = np;
  plural_np.count = 2;
  const size_t run_start = k;
  std::vector<size_t> run;
  std::vector<size_t> joined;  // function words that end a compound ("can" of "trash can")
  while (k < words_.size()) {
    const Word& w = words_[k];
    // A compound whose last word is also a function word: "trash can", "a set of one".
    if (!run.empty() && !w.punct && w.word_class != WordClass::kOpen &&
        IsCompound(words_[run.back()].lemma + " " + w.text)) {
      joined.push_back(k);
      run.push_back(k);
      ++k;
      continue;
    }
    if (w.punct || w.possessive || w.word_class != WordClass::kOpen || w.number) break;
    if (Determiner(w.text)) break;
    // A one-word spatial phrase that is also an adjective, between a modifier and its noun, is a
    // modifier too: "a small round table" (but "a lamp near the bed", "a chair near table").
    if (k > run_start && MatchSpatialPhrase(texts_, k) != nullptr && !ModifierHere(k)) break;
    // A spatial phrase at the start of the run opens the phrase, not a modifier, unless a
    // determiner makes it one and no noun phrase follows it ("the opposite wall", but "two rows
    // of five facing a mirror").
    if (k == run_start && MatchSpatialPhrase(texts_, k) != nullptr &&
        (!any || NounPhraseAfterPhrase(k))) {
      break;
    }
    // After one word that is rather an adjective, an -s word is the plural head ("old tires
    // stacked ..."), unless a singular determiner says it cannot be ("a mobile hangs ...").
    const Word& first = words_[run_start];
    const bool plural_head = k == run_start + 1 && w.plural && np.count != 1 && first.adjective &&
                             first.adjective_frequency >= first.noun_frequency;
    const bool own_clause = coordinated && OwnClauseVerb(k, np);
    if (k > run_start && !plural_head &&
        (own_clause || VerbHere(k, coordinated ? plural_np : np, coordinated))) {
      break;
    }
    if (k > run_start && !items_.empty() && items_.back().kind == ItemKind::kSpatial &&
        VerbAfterReference(k, items_.size() - 1)) {
      break;
    }
    run.push_back(k);
    ++k;
  }
  // The head: the last word of the run that can be a noun (or that no dictionary knows).
  int head = -1;
  for (size_t r = run.size(); r-- > 0;) {
    const Word& w = words_[run[r]];
    if (w.noun || !w.known || std::find(joined.begin(), joined.end(), run[r]) != joined.end()) {
      head = static_cast<int>(r);
      break;
    }
  }
  if (head < 0) {
    if (!any || run.empty()) return i;  // not a noun phrase
    // "a few", "the red one" without a noun: leave the words to the caller.
    return i;
  }
  run.resize(static_cast<size_t>(head) + 1);
  // "the green one", "the tall ones": a modifier and "one" name a thing already there by its
  // attribute.
  if (any && run.size() == 1 && run.back() + 1 < words_.size() &&
      (texts_[run.back() + 1] == "one" || texts_[run.back() + 1] == "ones")) {
    const Word& m = words_[run.back()];
    if (m.adjective && (!m.noun || m.adjective_frequency >= m.noun_frequency)) {
      np.pronoun = texts_[run.back() + 1] == "one" ? "one" : "them";
      np.attributes = {m.text};
      np.attribute_words = {static_cast<int>(run.back())};
      Add(ItemKind::kNoun, i, run.back() + 1);
      items_.back().np = np;
      return run.back() + 2;
    }
  }
  const Word& head_word = words_[run.back()];
  np.head = static_cast<int>(run.back());
  np.plural = head_word.plural || (np.count > 1);
  np.room_part = RoomPartOf(head_word.lemma);
  // The compound: nouns before the head that WordNet knows with it, or one concrete noun that
  // names a kind of it ("hamster cage", "garden gnome"); materials and colours describe it.
  std::string category = head_word.lemma;
  size_t compound_start = run.size() - 1;
  // A door or a window is the room's opening, whatever its kind ("back door", "bay window").
  const bool opening = np.room_part == RoomPart::kDoor || np.room_part == RoomPart::kWindow;
  while (compound_start > 0 && !opening) {
    const Word& m = words_[run[compound_start - 1]];
    const std::string longer = m.text + " " + category;
    // Two words WordNet writes as one ("bird bath": a birdbath, "tea pot"): that thing. (Not a
    // part of the room: "back door" stays the room's door.)
    if (compound_start == run.size() - 1 && np.room_part == RoomPart::kNone &&
        m.word_class == WordClass::kOpen && !IsCompound(longer) &&
        WordNet::Get().IsNoun(m.text + category) &&
        WordNet::Get().IsPhysical(m.text + category)) {  // not "round table": a roundtable
      category = WordNet::Get().NounBase(m.text + category);
      --compound_start;
      continue;
    }
    if (IsCompound(longer)) {
      category = WordNet::Get().NounBase(longer);
      --compound_start;
      continue;
    }
    if (compound_start == run.size() - 1 && ModifierJoinsHead(m, head_word.lemma)) {
      category = m.text + " " + category;
      --compound_start;
      continue;
    }
    break;
  }
  for (size_t r = 0; r < compound_start; ++r) {
    np.attributes.push_back(texts_[run[r]]);
    np.attribute_words.push_back(static_cast<int>(run[r]));
    // Only a part of the room has a side ("the long wall", "the back door"); "a long table" is
    // a table described as long.
    if (np.wall_side.empty() && np.room_part != RoomPart::kNone) {
      np.wall_side = std::string(WallSide(texts_[run[r]]));
    }
  }
  for (size_t r = compound_start; r < run.size(); ++r) {
    np.category_words.push_back(static_cast<int>(run[r]));
  }
  np.category = category;
  np.determined = any;
  Add(ItemKind::kNoun, i, run.back());
  items_.back().np = np;
  // Words of the run after the head (a verb-like word taken as a noun's modifier) are left to
  // the next item.
  return run.back() + 1;
}

}  // namespace

std::vector<Item> Chunk(const std::vector<Word>& words) {
  return Chunker(words).Run();
}

std::string ItemToString(const Item& item, const std::vector<Word>& words) {
  std::string text;
  for (int k = item.first; k <= item.last && k < static_cast<int>(words.size()); ++k) {
    text += (text.empty() ? "" : " ") + words[k].text;
  }
  if (item.kind == ItemKind::kNoun) {
    const NounPhrase& np = item.np;
    return "NP(" + (np.pronoun.empty() ? np.category : "pronoun " + np.pronoun) +
           (np.count >= 0 ? " x" + std::to_string(np.count) : "") +
           (np.attributes.empty() ? "" : " [" + Join(np.attributes, " ") + "]") + ")";
  }
  if (item.kind == ItemKind::kSpatial) return "SP(" + text + ")";
  return "(" + text + ")";
}

}  // namespace scenecraft
