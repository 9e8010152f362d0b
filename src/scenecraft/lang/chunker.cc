#include "scenecraft/lang/chunker.h"

#include <wn.h>

#include <algorithm>

#include "scenecraft/lang/chunker_state.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/noun_kind.h"

namespace scenecraft {
namespace chunker_detail {

size_t Chunker::Next(size_t i) {
  const Word& w = words_[i];
  if (w.punct) {
    if (w.text == ":" && FurnitureHeadsTheText()) {
      Add(ItemKind::kWith, i, i);
      return i + 1;
    }
    Add(IsSentenceEnd(w) ? ItemKind::kEnd : ItemKind::kComma, i, i);
    return i + 1;
  }
  if (w.possessive) {
    Add(ItemKind::kPossessive, i, i);
    return i + 1;
  }
  // "no wait, make that six lanterns", "actually just five": the words of the correction are
  // grammar.
  if (const size_t words = CorrectionAt(i); words > 0) {
    Add(ItemKind::kFunction, i, i + words - 1);
    recount_next_ = true;
    return i + words;
  }
  // A number that restates how many things were just named, ending its clause: "five of them",
  // "four in all", "six in total", "three altogether".
  if (const size_t end = RecountAt(i); end > i) {
    Add(ItemKind::kRecount, i, end - 1);
    items_.back().count = *w.number;
    return end;
  }
  // "with two chairs each": a count per member of the group the phrase is about, when "each"
  // ends the noun phrase it follows.
  if (w.text == "each" && !items_.empty() && items_.back().kind == ItemKind::kNoun &&
      items_.back().np.pronoun.empty() && items_.back().np.count >= 1 &&
      items_.back().last + 1 == static_cast<int>(i) &&
      (i + 1 >= words_.size() || words_[i + 1].punct || texts_[i + 1] == "and" ||
       MatchSpatialPhrase(texts_, i + 1) != nullptr)) {
    items_.back().np.each = true;
    items_.back().last = static_cast<int>(i);
    return i + 1;
  }
  // Dimensions of an arrangement ("4 by 4", "three x five"): grammar, not things.
  if (DimensionsAt(i)) {
    Add(ItemKind::kFunction, i, i + 2);
    return i + 3;
  }
  // "Out by the barn, ...", "Over by the hedge": a word WordNet knows as an adverb (more often
  // than as a noun) that opens a clause right before a spatial phrase belongs to that phrase
  // (unless it opens a longer phrase itself: "next to").
  if (w.word_class == WordClass::kOpen && i + 2 < words_.size() &&
      (items_.empty() || items_.back().kind == ItemKind::kComma ||
       items_.back().kind == ItemKind::kEnd) &&
      WordNet::Get().IsAdverb(texts_[i]) &&
      (!w.noun || WordNet::Get().Frequency(texts_[i], ADV) >
                      WordNet::Get().Frequency(texts_[i], NOUN))) {  // not "counter in the middle"
    const SpatialPhrase* own = MatchSpatialPhrase(texts_, i);
    const SpatialPhrase* next = ShorterIfCompound(i + 1, MatchSpatialPhrase(texts_, i + 1));
    if (next != nullptr && (own == nullptr || own->words.size() == 1)) {
      Add(ItemKind::kSpatial, i, i + next->words.size());
      items_.back().phrase = next;
      return i + 1 + next->words.size();
    }
  }
  // A spatial phrase, unless a determiner makes its first word a modifier ("the opposite wall"),
  // or a phrase before it waits for its noun ("on opposite walls").
  if (!AfterDeterminer(i) && !ModifierAfterPhrase(i)) {
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
      // A phrase that needs its determiner ("round the table") leaves it to the noun phrase,
      // which it makes definite or counts.
      if (phrase->words.size() >= 2 && phrase->meaning == Meaning::kAround &&
          Determiner(phrase->words.back()).has_value()) {
        Add(ItemKind::kSpatial, i, i + phrase->words.size() - 2);
        items_.back().phrase = phrase;
        return i + phrase->words.size() - 1;
      }
      Add(ItemKind::kSpatial, i, i + phrase->words.size() - 1);
      items_.back().phrase = phrase;
      return i + phrase->words.size();
    }
  }
  // A particle WordNet knows with the verb before it is that verb's ("takes up", "fills up"):
  // one verb, not a second one ("up" is also a verb) that would take its subject away. (Only a
  // word that would otherwise be read as a verb: "stuck to", "acts as" keep their prepositions.)
  if (!items_.empty() && items_.back().kind == ItemKind::kVerb &&
      items_.back().first == items_.back().last && items_.back().last + 1 == static_cast<int>(i) &&
      w.word_class == WordClass::kOpen && w.verb && !w.noun && i + 1 < words_.size() &&
      (Determiner(texts_[i + 1]).has_value() || words_[i + 1].number.has_value())) {
    WordNet& wordnet = WordNet::Get();
    const std::string base = wordnet.VerbBase(texts_[items_.back().first]);
    if (!base.empty() && wordnet.IsVerb(base + " " + w.text)) {
      items_.back().last = static_cast<int>(i);
      return i + 1;
    }
  }
  // "pinned to the wall", "screwed to the door": after a verb of attaching or fastening, "to"
  // puts the thing on what follows.
  const auto attaching = [](const std::string& verb) {
    WordNet& wordnet = WordNet::Get();
    return wordnet.VerbKindOf(verb, {"attach", "fasten"});
  };
  if (w.text == "to" && !items_.empty() && items_.back().kind == ItemKind::kVerb &&
      attaching(WordNet::Get().VerbBase(texts_[items_.back().first]))) {
    static const std::vector<std::string> kOn = {"on"};
    if (const SpatialPhrase* on = MatchSpatialPhrase(kOn, 0); on != nullptr) {
      Add(ItemKind::kSpatial, i, i);
      items_.back().phrase = on;
      return i + 1;
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
  // A finite verb right after a phrase complete without a noun ("On the right stands a clock",
  // "To the left hangs a map"): the clause's verb, its subject after it, not the phrase's noun.
  if (!items_.empty() && items_.back().kind == ItemKind::kSpatial &&
      items_.back().last + 1 == static_cast<int>(i) &&
      ClassOf(texts_[items_.back().last]) == WordClass::kOpen && w.word_class == WordClass::kOpen &&
      i + 1 < words_.size() &&
      (Determiner(texts_[i + 1]).has_value() || words_[i + 1].number.has_value())) {
    const std::string base = WordNet::Get().VerbBase(w.text);
    if (!base.empty() && base != w.text) {
      Add(ItemKind::kVerb, i, i);
      return i + 1;
    }
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
  // A pronoun can be that reference: "Beneath it stands a cabinet".
  if (!items_.empty() && items_.back().kind == ItemKind::kNoun &&
      items_.back().last + 1 == static_cast<int>(i) && w.word_class == WordClass::kOpen &&
      ((items_.back().np.pronoun.empty() &&
        (VerbHere(i, SubjectBefore()) || OwnClauseVerb(i, items_.back().np) ||
         VerbAfterOne(i, items_.back().np) ||
         // "a cabinet of trophies stands": the verb of the noun before "of".
         (items_.size() >= 3 && items_[items_.size() - 2].kind == ItemKind::kOf &&
          items_[items_.size() - 3].kind == ItemKind::kNoun && words_[i].plural &&
          items_.back().np.plural && VerbHere(i, items_[items_.size() - 3].np)) ||
         HolderVerb(i) || WithHostVerb(i))) ||
       (items_.size() >= 2 && VerbAfterReference(i, items_.size() - 2)))) {
    Add(ItemKind::kVerb, i, i);
    return i + 1;
  }
  // The verb after a pronoun that a phrase opening the clause names ("Beneath it stands a
  // bench").
  if (items_.size() >= 2 && items_.back().kind == ItemKind::kNoun &&
      !items_.back().np.pronoun.empty() && items_.back().last + 1 == static_cast<int>(i) &&
      w.word_class == WordClass::kOpen && VerbAfterReference(i, items_.size() - 2)) {
    Add(ItemKind::kVerb, i, i);
    return i + 1;
  }
  // A bare verb form after a copula and before a spatial phrase is passive, no noun: "the tables
  // are spread across the room", "a rug is set before the hearth".
  if (w.word_class == WordClass::kOpen && w.verb && !items_.empty() &&
      items_.back().kind == ItemKind::kFunction && items_.back().first == items_.back().last &&
      i + 1 < words_.size() && MatchSpatialPhrase(texts_, i + 1) != nullptr) {
    const std::string& before = texts_[items_.back().first];
    if (before == "is" || before == "are" || before == "was" || before == "were" ||
        before == "be" || before == "been") {
      Add(ItemKind::kVerb, i, i);
      return i + 1;
    }
  }
  if (PrepositionHere(i) && !items_.empty() &&
      (items_.back().kind == ItemKind::kNoun || items_.back().kind == ItemKind::kSpatial)) {
    Add(ItemKind::kFunction, i, i);
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

void Chunker::MarkContexts() {
  WordNet& wordnet = WordNet::Get();
  for (size_t k = 0; k < items_.size(); ++k) {
    if (items_[k].kind != ItemKind::kNoun || !items_[k].np.pronoun.empty()) continue;
    NounPhrase& np = items_[k].np;
    size_t next = k + 1;
    if (next < items_.size() && items_[next].kind == ItemKind::kVerb) ++next;
    // (Placed by a thing or a part of the room, not "in the evening".)
    np.placed = next + 1 < items_.size() && items_[next].kind == ItemKind::kSpatial &&
                items_[next + 1].kind == ItemKind::kNoun &&
                (!items_[next + 1].np.pronoun.empty() ||
                 ClassifyNoun(items_[next + 1].np.category) != NounKind::kAbstract);
    // "My grandfather would like a recliner", "our coach needs a whiteboard": a person whose verb
    // (past the auxiliaries) is one of wanting, thinking, saying or having, with a noun phrase
    // after it, asks for things and is none.
    if (np.placed || np.head < 0) continue;
    const std::vector<std::string> senses = wordnet.LexFiles(np.category, 1);
    if (senses.empty() || senses[0] != "noun.person") continue;
    size_t v = k + 1;
    std::string lexfile;
    while (v < items_.size() && items_[v].first == items_[v].last &&
           (items_[v].kind == ItemKind::kFunction || items_[v].kind == ItemKind::kVerb)) {
      lexfile = wordnet.VerbLexFile(wordnet.VerbBase(texts_[items_[v].first]));
      ++v;
      if (!lexfile.empty()) break;
    }
    static const char* const kAsking[] = {"verb.emotion",    "verb.cognition", "verb.communication",
                                          "verb.possession", "verb.stative",   "verb.perception"};
    const bool asking = std::any_of(std::begin(kAsking), std::end(kAsking),
                                    [&](const char* f) { return lexfile == f; });
    np.requester = asking && v < items_.size() && items_[v].kind == ItemKind::kNoun &&
                   items_[v].np.pronoun.empty();
  }
}

bool Chunker::FurnitureHeadsTheText() const {
  // (An owner may come first: "A jeweller's workbench:".)
  const bool owned = items_.size() == 3 && items_[0].kind == ItemKind::kNoun &&
                     items_[1].kind == ItemKind::kPossessive;
  if (items_.size() != 1 && !owned) return false;
  const Item& head = items_.back();
  if (head.kind != ItemKind::kNoun || !head.np.pronoun.empty() || head.np.plural ||
      head.np.count > 1 || ClassifyNoun(head.np.category) != NounKind::kObject) {
    return false;
  }
  const std::string& category = head.np.category;
  const size_t space = category.rfind(' ');
  return IsKindOf(category, "furniture") ||
         (space != std::string::npos && IsKindOf(category.substr(space + 1), "furniture"));
}

size_t Chunker::CorrectionAt(size_t i) const {
  if (i + 1 >= words_.size() || words_[i].punct) return 0;
  // "actually", then perhaps a comma and "just" or "only", before a number (the words a speaker
  // corrects himself with are a closed class).
  if (texts_[i] == "actually") {
    size_t k = i + 1;
    if (k < words_.size() && texts_[k] == ",") ++k;
    if (k < words_.size() && (texts_[k] == "just" || texts_[k] == "only")) ++k;
    return k < words_.size() && words_[k].number ? k - i : 0;
  }
  if (i + 2 >= words_.size() || !words_[i + 2].number) return 0;
  if (texts_[i + 1] != "that" && texts_[i + 1] != "it") return 0;
  return texts_[i] == "make" || WordNet::Get().VerbBase(texts_[i]) == "make" ? 2 : 0;
}

}  // namespace chunker_detail

using chunker_detail::Chunker;

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
