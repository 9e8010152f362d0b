// Internal to the chunker (chunker.cc: noun phrases and the walk over the words;
// chunker_verbs.cc: verbs, adverbs and lists that share words): the chunker's state. Not part of
// the lang library's interface.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/lang/chunker.h"
#include "scenecraft/lang/chunker_data.h"
#include "scenecraft/lang/compound.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft::reader_detail {
// Whether a verb (a base form, or a phrasal verb) fills, covers or takes up what follows
// (reader_phrases.cc).
bool FillsOrCovers(const std::string& verb);
}  // namespace scenecraft::reader_detail

namespace scenecraft::chunker_detail {

class Chunker {
 public:
  explicit Chunker(const std::vector<Word>& words) : words_(words) {
    for (const Word& w : words) texts_.push_back(w.text);
  }

  std::vector<Item> Run() {
    size_t i = 0;
    while (i < words_.size()) {
      const size_t before = items_.size();
      i = Next(i);
      // "make that six lanterns": the noun phrase after the words says the corrected count.
      if (recount_next_ && items_.size() > before && items_.back().kind == ItemKind::kNoun &&
          items_.back().np.pronoun.empty()) {
        items_.back().np.recount = true;
        recount_next_ = false;
      } else if (recount_next_ && items_.size() > before + 1) {
        recount_next_ = false;
      }
    }
    ShareAcrossLists();
    MarkContexts();
    return std::move(items_);
  }

 private:
  size_t Next(size_t i);
  // The number of words that open a correction of a count said before at words[i], or 0: "make
  // that" or "make it" ("no wait, make that six lanterns", "make it 3 stools": no command), or
  // "actually" with perhaps a comma and "just" or "only" ("actually just five"), before a number.
  size_t CorrectionAt(size_t i) const;
  bool recount_next_ = false;  // CorrectionAt matched: the next noun phrase corrects a count
  // Lists whose members share a noun or modifiers: "a red and a blue chair", "two red and three
  // blue beanbags" (the noun is said once, for the last member); "two oak chairs and tables" (the
  // modifiers are said once, for the first).
  void ShareAcrossLists();
  // Whether a noun phrase is only a modifier whose noun comes later ("a red", "two wooden").
  bool ElidedHead(const Item& item) const;
  // Whether a noun phrase is only a material whose noun comes later, in a list parallel to `noun`.
  bool ElidedMaterial(const Item& item, const Item& noun) const;
  size_t NounPhraseAt(size_t i);
  // What the items around a noun phrase say of it: the text places it (a spatial phrase after
  // it, or after its verb), or it is a person who wants or asks for the next noun phrase.
  void MarkContexts();
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
  // Whether words[i], a one-word spatial phrase that is also an adjective, right after a phrase
  // that waits for its noun, and before an open noun, is that noun's modifier: "two beds on
  // opposite walls".
  bool ModifierAfterPhrase(size_t i) const {
    if (items_.empty() || items_.back().kind != ItemKind::kSpatial ||
        items_.back().last + 1 != static_cast<int>(i) || !items_.back().phrase->takes_reference ||
        !words_[i].adjective || i + 1 >= words_.size()) {
      return false;
    }
    const SpatialPhrase* phrase = MatchSpatialPhrase(texts_, i);
    const Word& after = words_[i + 1];
    return phrase != nullptr && phrase->words.size() == 1 && !after.punct &&
           after.word_class == WordClass::kOpen && after.noun &&
           MatchSpatialPhrase(texts_, i + 1) == nullptr;
  }
  // A phrase whose last word makes a compound with the next ("on each side table": a side table)
  // ends before that word: the longest shorter phrase at words[i], if any.
  const SpatialPhrase* ShorterIfCompound(size_t i, const SpatialPhrase* phrase) const {
    if (phrase == nullptr || phrase->words.size() < 2) return phrase;
    const size_t last = i + phrase->words.size() - 1;
    if (last + 1 >= words_.size()) return phrase;
    // A compound WordNet knows, or a noun after the phrase's last noun that is no verb there.
    const Word& next = words_[last + 1];
    // (A last word that is a preposition of its own is no noun here: "covered in maps", though
    // WordNet knows "in" as an inch.)
    const bool preposition =
        MatchSpatialPhrase(std::vector<std::string>{texts_[last]}, 0) != nullptr;
    const bool noun_after = words_[last].noun && !preposition && next.noun && !next.punct &&
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
  // Whether words[k], an open word WordNet knows as an adverb, is followed by a determiner.
  bool PrepositionHere(size_t k) const {
    return k + 1 < words_.size() && words_[k].word_class == WordClass::kOpen && !words_[k].number &&
           Determiner(texts_[k + 1]).has_value() && WordNet::Get().IsAdverb(texts_[k]);
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
    // (After a spatial phrase the number is its reference: "between two of them".)
    const bool after_phrase = !items_.empty() && items_.back().kind == ItemKind::kSpatial;
    if (is(i + 1, {"of"}) && is(i + 2, {"them", "these", "those"}) && !after_phrase &&
        (ends(i + 3) || after_comma))
      return i + 3;
    if (is(i + 1, {"in"}) && is(i + 2, {"all", "total"}) && ends(i + 3)) return i + 3;
    // A stack's height in things: "crates stacked five high", "sacks piled two deep".
    if (is(i + 1, {"high", "tall", "deep"}) &&
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
  // Whether words[i], right after a list of contents ("a jar of pens and pencils rests on the
  // desk"), is the -s verb of their holder: it agrees with the single holder before "of", not
  // with the plural contents, and a spatial phrase, an adverb or a determiner follows it.
  bool HolderVerb(size_t i) const;
  // Whether words[i], right after the members of a "with" list ("a table with three benches
  // stands in the middle"), is the finite verb of the host before "with": it agrees with the host
  // in number, makes no compound with the word before it, and a spatial phrase, an adverb or a
  // determiner follows it.
  bool WithHostVerb(size_t i) const;
  // Whether words[k], an -ing word that ends the noun phrase after a noun, is its head rather
  // than a verb: a noun WordNet files first as a made thing ("wire fencing"), or, after a
  // material, a gerund that names what is made of it ("steel shelving"; not "stone lying").
  bool MaterialGerund(size_t k) const;
  // Whether words[k], a plural -s word after a noun that WordNet saw more often as a noun, is the
  // plural head because a participle or a bare verb form follows it ("water bowls set out",
  // "milk bowls arranged"): read as a verb, two verbs would stand in a row; or, when the noun
  // reading is far more frequent, an adjective and a spatial phrase ("ram heads high above").
  bool PluralHeadBeforeVerb(size_t k) const;
  // Whether a single piece of furniture (WordNet: a kind of furniture, or its head is), perhaps
  // after an owner, is all the text has read so far: before a colon it heads the text and holds
  // what the list after the colon names, as "a table with ..." does ("Breakfast table: a teapot
  // ..."). A place before the colon, or a thing named for one ("my home office:"), is the
  // setting, which the reader decides from the colon.
  bool FurnitureHeadsTheText() const;
  // The end of an adverb at words[k] (a WordNet adverb collocation, or one word more often an
  // adverb than a noun), or k when there is none.
  size_t AdverbAt(size_t k) const;
  // Quantities (chunker_quantity.cc). The index of "of" after words[k] when words[k] is a noun
  // WordNet files as a collection or a series of things ("a string of bells", "a herd of goats",
  // "a bank of monitors") and a plural noun phrase follows "of"; else k.
  size_t GroupOfAt(size_t k) const;
  // The index of a quantity noun (or group noun) before "of" that follows adjectives starting at
  // words[k] ("a tidy pile of towels"); else k.
  size_t QuantityAfterAdjectives(size_t k) const;
  // The index of "of" after words[k] when words[k] names a piece or a shape that a substance
  // or a food comes in ("three bars of soap", "wheels of cheese"): the substance is the thing,
  // counted by the pieces; else k.
  size_t UnitOfAt(size_t k) const;
  // At words[k] in the determiner loop: past a group noun and "of" (counting the things: their
  // number is not said, `any` set) or past adjectives before a quantity noun (attributes of the
  // things); k when neither.
  size_t GroupOrAdjectivesAt(size_t k, NounPhrase* np, bool* any) const;
  // A compound on a quantity noun of arrangement that WordNet does not know ("a brick pile", "a
  // tyre stack", the head at run.back()) names the things of its first part in that arrangement,
  // their number not said: rewrites `category` and `np`.
  void QuantityCompound(const std::vector<size_t>& run, size_t* compound_start,
                        std::string* category, NounPhrase* np) const;
  // The first index into `run` of words that WordNet writes joined by hyphens and that end right
  // before the head (run.back()): "ping pong" (ping-pong), "tic tac toe"; run.size() when none.
  size_t HyphenatedBeforeHead(const std::vector<size_t>& run) const;
  // `coordinated`: the subject is plural only by "A and B" ("a harp and a cello wait").
  bool VerbHere(size_t k, const NounPhrase& np, bool coordinated = false) const;
  // Whether words[k], an -s word after the noun of a phrase that a singular determiner opens ("a
  // tripod points at the window", "a red coat stands in the window"), is the clause's verb: the
  // determiner counts one thing, so the -s word cannot be the plural head it counts; as the -s
  // form of a verb, before what a verb takes (a spatial phrase, a determiner, an adverb), it is
  // the verb. Compounds in the singular stay ("a coat stand by the door").
  bool VerbAfterOne(size_t k, const NounPhrase& np) const;
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
    // (Nor a determiner that ends a spatial phrase: "facing each other across it".)
    if (!items_.empty() &&
        (items_.back().kind == ItemKind::kRelative ||
         ((items_.back().kind == ItemKind::kNoun || items_.back().kind == ItemKind::kSpatial) &&
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

}  // namespace scenecraft::chunker_detail
