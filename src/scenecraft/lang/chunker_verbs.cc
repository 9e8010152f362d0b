#include <wn.h>

#include <algorithm>

#include "scenecraft/lang/chunker_state.h"

namespace scenecraft::chunker_detail {

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
  if (MaterialGerund(k)) return false;  // "steel shelving against the wall"
  // "a rack of pizza peels hanging on the wall": an -s word right before an -ing form that a
  // spatial phrase follows (or opens with) is the plural noun the participle is about; a finite
  // verb takes no participle after it.
  if (w.plural && k + 2 < words_.size() && EndsWith(texts_[k + 1], "ing") && words_[k + 1].verb &&
      (MatchSpatialPhrase(texts_, k + 1) != nullptr ||
       MatchSpatialPhrase(texts_, k + 2) != nullptr)) {
    return false;
  }
  // "a tarp spread out beside the van", "a kite stretched out behind the tent": a form of a verb
  // that WordNet knows with the particle after it ("spread out", "stretch out", "roll up"), the
  // particle ending the phrase before a spatial phrase, "and" or punctuation, is the verb: a noun
  // takes no particle.
  if (k + 2 <= words_.size() && !words_[k + 1].punct && WordNet::Get().IsAdverb(texts_[k + 1])) {
    const size_t after = k + 2;
    const bool ends = after >= words_.size() || words_[after].punct || texts_[after] == "and" ||
                      MatchSpatialPhrase(texts_, after) != nullptr;
    const std::string verb = WordNet::Get().VerbBase(w.text);
    if (ends && !verb.empty() && WordNet::Get().IsVerb(verb + " " + texts_[k + 1])) return true;
  }
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
  // "a games console", "a sports bag by the door", "a drinks cart": after "a" the -s word before
  // cannot be the head the article counts, so it names the kind of a noun after it.
  if (words_[k - 1].plural && w.noun && np.count == 1 && np.determined && !np.definite && k >= 2 &&
      (texts_[k - 2] == "a" || texts_[k - 2] == "an")) {
    return false;
  }
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
  // A word WordNet knows with the next one is that compound's ("a red watering can").
  if (k + 1 < words_.size() && !words_[k + 1].punct && IsCompound(w.text + " " + texts_[k + 1])) {
    return false;
  }
  // A verb follows: this word is the subject's last noun ("a cake display sit on it").
  if (w.noun && k + 1 < words_.size() && words_[k + 1].verb && !words_[k + 1].noun &&
      !words_[k + 1].adjective && words_[k + 1].word_class == WordClass::kOpen) {
    return false;
  }
  if (!w.noun && !w.adjective) return true;
  if (participle) return true;  // "a violin case leaning against ..."
  if (IsCompound(words_[k - 1].lemma + " " + w.lemma)) return false;
  // A verb of a single thing takes something after it ("a lamp stands by the bed"); an -s word
  // that ends the phrase is a plural noun ("below the coat hooks.", "hooks and shelves").
  const bool phrase_ends = k + 1 >= words_.size() || words_[k + 1].punct ||
                           texts_[k + 1] == "and" || texts_[k + 1] == "or";
  if (w.plural && phrase_ends) return false;
  // After "of" the phrase names contents ("a shelf of pickle jars above ..."): its -s word is a
  // plural noun unless WordNet saw it more often as a verb ("a bowl of fruit sits ...").
  // ("a row of coat hooks": "of" inside the phrase, after a quantity noun.)
  size_t before = k;
  while (before > 0 && words_[before - 1].word_class == WordClass::kOpen &&
         !words_[before - 1].punct && texts_[before - 1] != "of") {
    --before;
  }
  const bool contents = (before > 0 && texts_[before - 1] == "of") ||
                        (!items_.empty() && items_.back().kind == ItemKind::kOf);
  if (w.plural && contents && w.noun && w.noun_frequency >= w.verb_frequency) return false;
  // "Spools of thread fill a rack": a bare verb after "of" that agrees with the plural holder
  // before it, seen more often as a verb, before a determiner or a spatial phrase, is its verb.
  // (The holder is the noun phrase before "of", which may still be read or already an item.)
  size_t of = items_.size();
  if (!items_.empty() && items_.back().kind == ItemKind::kOf) of = items_.size() - 1;
  if (items_.size() >= 2 && items_.back().kind == ItemKind::kNoun &&
      items_[items_.size() - 2].kind == ItemKind::kOf) {
    of = items_.size() - 2;
  }
  const bool plural_holder = of < items_.size() && of >= 1 &&
                             items_[of - 1].kind == ItemKind::kNoun &&
                             (items_[of - 1].np.plural || items_[of - 1].np.count > 1);
  if (contents && base == w.text && w.verb_frequency > w.noun_frequency && plural_holder &&
      k + 1 < words_.size() &&
      (Determiner(texts_[k + 1]).has_value() || MatchSpatialPhrase(texts_, k + 1) != nullptr)) {
    return true;
  }
  // "a row of lockers runs along the wall": after a single quantity noun and "of", an -s verb
  // form agrees with the row, not with the plural things in it, when something follows it.
  const bool one_quantity = before >= 2 && texts_[before - 1] == "of" &&
                            !words_[before - 2].plural &&
                            (FindQuantityNoun(texts_[before - 2]) != nullptr ||
                             FindQuantityNoun(words_[before - 2].lemma) != nullptr);
  if (w.plural && one_quantity && s_form && !phrase_ends) return true;
  // After "with" (or "has", "featuring") a phrase with no determiner is the thing had: read as a
  // verb, the -s word would leave a bare singular noun as all that is had ("a sofa with end
  // tables beside it" is no sofa with an end that tables beside it), so it is the plural head.
  if (w.plural && !np.determined && !items_.empty() && items_.back().kind == ItemKind::kWith) {
    return false;
  }
  // After a bare material, an -s word seen more often as a noun is the plural head ("glass
  // shelves on the wall", "steel racks against it"; "stone lies" keeps its verb).
  if (w.plural && !np.determined && IsMaterial(words_[k - 1].lemma) &&
      w.noun_frequency >= w.verb_frequency) {
    return false;
  }
  if (w.plural && singular_subject && PluralHeadBeforeVerb(k)) return false;
  // A bare noun and an -s word WordNet saw more often as a noun, right before a spatial phrase,
  // are a plural compound ("boot racks by the door", "hay carts along the fence"): no determiner
  // makes the first word a single thing that the -s word could be the verb of ("a ladder rests").
  if (w.plural && singular_subject && !np.determined && w.noun &&
      w.noun_frequency > w.verb_frequency && k + 1 < words_.size() &&
      MatchSpatialPhrase(texts_, k + 1) != nullptr) {
    return false;
  }
  if (w.plural) return singular_subject;
  // After "A and B" the bare form may still be B's noun ("a yellow and a green kayak"): a verb
  // only when WordNet saw it more often as one.
  if (base == w.text && coordinated) return w.verb_frequency > w.noun_frequency;
  if (base == w.text) return !singular_subject;
  return false;
}

bool Chunker::VerbAfterOne(size_t k, const NounPhrase& np) const {
  if (k == 0 || k + 1 >= words_.size() || np.count != 1 || np.partitive || np.distributive ||
      !np.pronoun.empty() || !np.determined) {
    return false;
  }
  const Word& w = words_[k];
  const Word& before = words_[k - 1];
  if (!w.plural || !w.verb || w.word_class != WordClass::kOpen || before.plural || before.punct ||
      before.word_class != WordClass::kOpen || !before.noun) {
    return false;
  }
  // The determiner that opens the phrase counts its head: "a", "an", "one", "another", "every"
  // right before the words of the run (no quantity noun between: "a row of coat hooks").
  size_t open = k - 1;
  while (open > 0 && words_[open - 1].word_class == WordClass::kOpen && !words_[open - 1].punct &&
         !words_[open - 1].number && !Determiner(texts_[open - 1])) {
    --open;
  }
  if (open == 0) return false;
  const std::optional<DeterminerInfo> det = Determiner(texts_[open - 1]);
  if (!det || det->count != 1) return false;
  // The -s form of a verb. (A compound WordNet knows in the singular is no plural either: "a red
  // coat stands in the window".)
  const std::string base = WordNet::Get().VerbBase(w.text);
  const bool s_form = !base.empty() && base != w.text &&
                      (base + "s" == w.text || base + "es" == w.text ||
                       (EndsWith(base, "y") && base.substr(0, base.size() - 1) + "ies" == w.text));
  if (!s_form) return false;
  // What a verb takes follows it: a spatial phrase, a determiner or a number, an adverb, or a
  // preposition no dictionary lists as a noun before a determiner ("points toward the hatch").
  const Word& next = words_[k + 1];
  const bool preposition = !next.noun && k + 2 < words_.size() && Determiner(texts_[k + 2]);
  return !next.punct &&
         (MatchSpatialPhrase(texts_, k + 1) != nullptr || Determiner(texts_[k + 1]).has_value() ||
          next.number.has_value() || AdverbAt(k + 1) > k + 1 || preposition);
}

bool Chunker::PluralHeadBeforeVerb(size_t k) const {
  const Word& w = words_[k];
  if (!w.plural || !w.noun || w.noun_frequency <= w.verb_frequency || k + 1 >= words_.size()) {
    return false;
  }
  const Word& next = words_[k + 1];
  WordNet& wordnet = WordNet::Get();
  // (A closed-class word may be a verb too: "set", as in "a set of".)
  const bool next_verb = !next.punct && !next.possessive && !next.number &&
                         (next.verb || (next.word_class != WordClass::kOpen &&
                                        !Determiner(next.text) && wordnet.IsVerb(next.text)));
  if (!next_verb) {
    // An adjective, then a spatial phrase, when WordNet saw the -s word far more often as a noun:
    // "deer heads high on the wall" ("a lamp hangs low over it": "hang" is seen only as a verb;
    // "faces east" is a verb a third of the time and stays one).
    return !next.punct && !next.possessive && next.word_class == WordClass::kOpen &&
           next.adjective && !next.verb && next.adjective_frequency >= next.noun_frequency &&
           w.noun_frequency >= 3 * w.verb_frequency && k + 2 < words_.size() &&
           MatchSpatialPhrase(texts_, k + 2) != nullptr;
  }
  // The next word is a verb: as the -s word's own verb it would make two verbs in a row, so the
  // -s word is its plural subject when the next word is a participle ("lined", "arranged",
  // "sitting") or the bare form that agrees with a plural ("set", "stand").
  const std::string base = wordnet.VerbBase(next.text);
  if (base.empty()) return false;
  const bool participle =
      base != next.text && (EndsWith(next.text, "ed") || EndsWith(next.text, "ing") || !next.noun);
  // (A bare form that is also a noun only when WordNet saw it more often as a verb: "bowls
  // stand", but "food bowls line" may be a compound's "line".)
  const bool bare = base == next.text && (!next.noun || next.verb_frequency > next.noun_frequency);
  return participle || bare;
}

bool Chunker::MaterialGerund(size_t k) const {
  if (k == 0) return false;
  const Word& w = words_[k];
  const Word& before = words_[k - 1];
  if (!w.verb || !w.known || !EndsWith(w.text, "ing") || before.punct ||
      before.word_class != WordClass::kOpen || !before.noun) {
    return false;
  }
  // It ends the noun phrase: "wire fencing around ...", but "a tent housing the generator".
  const bool ends = k + 1 >= words_.size() || words_[k + 1].punct || texts_[k + 1] == "and" ||
                    texts_[k + 1] == "or" || MatchSpatialPhrase(texts_, k + 1) != nullptr;
  if (!ends) return false;
  WordNet& wordnet = WordNet::Get();
  // A noun whose first sense is a made thing, after a noun that is no living thing: "wire
  // fencing", "garden fencing".
  // Never a verb things do by themselves: "a mop hanging on ...", "stone lying", "wood burning"
  // are clauses.
  const std::string verb = wordnet.VerbBase(w.text);
  if (verb.empty() || wordnet.ThingDoesItself(verb)) return false;
  if (w.noun) {
    const std::vector<std::string> senses = wordnet.LexFiles(w.text, 1);
    const std::vector<std::string> owner = wordnet.LexFiles(before.lemma, 1);
    return !senses.empty() && senses[0] == "noun.artifact" &&
           (owner.empty() || (owner[0] != "noun.person" && owner[0] != "noun.animal"));
  }
  // No noun at all, after a material: a verb somebody does to things ("steel shelving").
  return IsMaterial(before.lemma) && wordnet.SomebodyDoesItToSomething(verb);
}

bool Chunker::HolderVerb(size_t i) const {
  const Word& w = words_[i];
  if (!w.verb || !w.plural || i == 0 || i + 1 >= words_.size() || items_.empty()) return false;
  // The list: bare nouns joined by "and" or commas, after "of" and the holder.
  size_t k = items_.size() - 1;
  auto bare = [&](size_t n) {
    return items_[n].kind == ItemKind::kNoun && items_[n].np.pronoun.empty() &&
           !items_[n].np.determined;
  };
  if (!bare(k) || !items_[k].np.plural) return false;
  while (k >= 2 && bare(k - 2) &&
         (items_[k - 1].kind == ItemKind::kAnd || items_[k - 1].kind == ItemKind::kComma)) {
    k -= 2;
  }
  if (k < 2 || items_[k - 1].kind != ItemKind::kOf || items_[k - 2].kind != ItemKind::kNoun ||
      !items_[k - 2].np.pronoun.empty()) {
    return false;
  }
  const NounPhrase& holder = items_[k - 2].np;
  if (holder.plural || holder.count > 1) return false;
  // The -s form of a verb, and no compound with the noun before it as written ("shoe stands";
  // but "coats stands": a compound's first noun is singular).
  const std::string base = WordNet::Get().VerbBase(w.text);
  if (base.empty() || base == w.text || !EndsWith(w.text, "s") ||
      IsCompound(texts_[i - 1] + " " + w.lemma)) {
    return false;
  }
  return MatchSpatialPhrase(texts_, i + 1) != nullptr || AdverbAt(i + 1) > i + 1 ||
         Determiner(texts_[i + 1]).has_value();
}

bool Chunker::WithHostVerb(size_t i) const {
  const Word& w = words_[i];
  if (!w.verb || i == 0 || i + 1 >= words_.size() || items_.empty()) return false;
  // The members: noun phrases joined by "and", after "with" and the host.
  auto noun = [&](size_t n) {
    return items_[n].kind == ItemKind::kNoun && items_[n].np.pronoun.empty();
  };
  size_t k = items_.size() - 1;
  if (!noun(k)) return false;
  while (k >= 2 && noun(k - 2) && items_[k - 1].kind == ItemKind::kAnd) k -= 2;
  if (k < 2 || items_[k - 1].kind != ItemKind::kWith || texts_[items_[k - 1].first] != "with" ||
      !noun(k - 2)) {
    return false;
  }
  const NounPhrase& host = items_[k - 2].np;
  const std::string base = WordNet::Get().VerbBase(w.text);
  if (base.empty() || IsCompound(words_[i - 1].lemma + " " + w.lemma)) return false;
  // A finite form that agrees with the host: "a table with three benches stands", "two desks
  // with a lamp stand" (a participle is the members': "with two lamps standing on it").
  const bool s_form = base != w.text && EndsWith(w.text, "s");
  if (!s_form && base != w.text) return false;
  const bool several = host.plural || host.count > 1;
  if (s_form == several) return false;
  return MatchSpatialPhrase(texts_, i + 1) != nullptr || AdverbAt(i + 1) > i + 1 ||
         Determiner(texts_[i + 1]).has_value();
}

bool Chunker::VerbAfterReference(size_t k, size_t spatial) const {
  const Word& w = words_[k];
  if (!w.verb || spatial >= items_.size() || items_[spatial].kind != ItemKind::kSpatial || k == 0 ||
      k + 1 >= words_.size() || words_[k + 1].punct ||
      IsCompound(words_[k - 1].lemma + " " + w.lemma)) {
    return false;
  }
  const std::string base = WordNet::Get().VerbBase(w.text);
  if (base.empty()) return false;
  const bool s_form = base != w.text && EndsWith(w.text, "s");
  const bool bare = base == w.text;
  const Word& next = words_[k + 1];
  const bool next_starts_noun_phrase =
      Determiner(texts_[k + 1]).has_value() || next.number.has_value();
  // Inversion: "In the corner stand two lamps", "By the door sits a crate", "Beneath it stands
  // a bench": a noun phrase after the word has no place unless the word is the verb, however
  // often WordNet saw it as a noun.
  const size_t n = spatial + 1;
  const bool phrase_opens =
      n == 1 || items_[n - 2].kind == ItemKind::kEnd || items_[n - 2].kind == ItemKind::kComma;
  if (phrase_opens && (bare || s_form) && next_starts_noun_phrase) return true;
  // A word WordNet saw more often as a noun is the noun ("on a wooden table by the sofa").
  if (w.noun && w.verb_frequency <= w.noun_frequency) return false;
  if (phrase_opens) return false;
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
  // An adjective that is no noun, before a spatial phrase, says how the thing stands ("heaped
  // off-centre on the sofa").
  if (w.adjective && !w.noun && !w.verb && k + 1 < words_.size() &&
      MatchSpatialPhrase(texts_, k + 1) != nullptr) {
    return k + 1;
  }
  if (!w.noun || !wordnet.IsAdverb(w.text)) return k;
  // (A spatial phrase may open with a word that is also a noun: "stretched out behind the tent".)
  if (k + 1 < words_.size() && words_[k + 1].noun && !words_[k + 1].punct &&
      words_[k + 1].word_class == WordClass::kOpen &&
      MatchSpatialPhrase(texts_, k + 1) == nullptr) {
    return k;
  }
  return wordnet.Frequency(w.text, ADV) > wordnet.Frequency(w.text, NOUN) ? k + 1 : k;
}

}  // namespace scenecraft::chunker_detail
