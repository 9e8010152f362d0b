// The chunker's noun phrases: where one begins, which of its words are the head, the compound
// and the attributes, its count and determiner (split from chunker.cc in the tenth round).
#include <algorithm>

#include "scenecraft/lang/chunker_state.h"
#include "scenecraft/lang/noun_kind.h"

namespace scenecraft::chunker_detail {

size_t Chunker::NounPhraseAt(size_t i) {
  NounPhrase np;
  size_t k = i;
  // Pronouns and pronoun phrases: "it", "them", "the latter", "the other one", "each of them".
  auto pronoun_at = [&](size_t j) {
    return j < words_.size() && IsPronounWord(texts_[j]) &&
           (j + 1 >= words_.size() || words_[j + 1].punct ||
            words_[j + 1].word_class != WordClass::kOpen ||
            MatchSpatialPhrase(texts_, j + 1) != nullptr ||
            // (A new thing after it: "a counter, behind it a stool"; not "all the walls".)
            ((texts_[j] == "it" || texts_[j] == "them") && Determiner(texts_[j + 1]).has_value()) ||
            // (An -s word after "both" or "all" is their plural noun, no verb, which would
            // agree with neither: "on both walls".)
            (VerbAfterPronoun(words_[j + 1]) && !((texts_[j] == "both" || texts_[j] == "all") &&
                                                  words_[j + 1].plural && words_[j + 1].noun)) ||
            // "the other two", ending the phrase
            (texts_[j] == "other" && words_[j + 1].number &&
             (j + 2 >= words_.size() || words_[j + 2].punct ||
              words_[j + 2].word_class != WordClass::kOpen)));
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
      // "between each pair of beds": the pairs of a group already there, no count of new ones.
      if (np.distributive && q->count == 2 && np.count < 0) {
        np.pairwise = true;
        any = true;
        k += 2;
        continue;
      }
      if (q->count > 0) np.count = np.count > 1 ? np.count * q->count : q->count;
      // "a stack of plates", "a row of hooks": "a" counts the stack, not the plates, whose number
      // is not said.
      if (q->count == 0 && np.count == 1 && !words_[k].plural) np.count = -1;
      // "three rows of four": the groups the count before an arrangement names, times the
      // count after it; "rows" of several are a grid.
      if (q->count == 0 && np.count > 1 && words_[k].plural) groups = np.count;
      // "rows of chairs": several rows, how many not said.
      if (q->count == 0 && np.count < 0 && words_[k].plural && !q->arrangement.empty()) {
        np.groups = 0;
      }
      // "a stack of textbooks": "a" counts the stack, not the textbooks.
      if (q->count == 0 && !q->arrangement.empty() && np.count == 1 && !words_[k].plural && k > i &&
          (texts_[k - 1] == "a" || texts_[k - 1] == "an")) {
        np.count = -1;
      }
      if (!q->arrangement.empty()) np.arrangement = std::string(q->arrangement);
      if (groups > 1 && np.arrangement == "row") np.arrangement = "grid";
      any = true;
      k += 2;
    } else if (const size_t after = GroupOrAdjectivesAt(k, &np, &any); after > k) {
      k = after;  // "a string of bells", "a tidy pile of towels" (chunker_quantity.cc)
    } else if (words_[k].number && *words_[k].number >= 2 && k + 2 < words_.size() &&
               texts_[k + 1] == "of" &&
               (texts_[k + 2] == "the" || texts_[k + 2] == "them" || texts_[k + 2] == "these" ||
                texts_[k + 2] == "those")) {
      // "two of them", "three of the chairs": that many members of a group already there.
      np.partitive = true;
      np.count = *words_[k].number;
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
      np.every = t == "both" || t == "all";
      if (np.partitive) np.count = 1;
      any = true;
      k += 2;
    } else if (t == "and" && np.count > 1 && k + 1 < words_.size() && words_[k + 1].number) {
      ++k;  // "two hundred and fifty"
    } else {
      break;
    }
  }
  // "three rows of consoles": the number counts the rows; how many things each holds is not said.
  if (groups > 1) {
    np.groups = groups;
    np.count = -1;
    np.plural = true;
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
    if (texts_[k] == "both") np.every = true;
    size_t end = k + 1;
    if (texts_[k] == "other" && end < words_.size() && texts_[end] == "one") ++end;
    // "the other two": the rest of a group, that many.
    if (texts_[k] == "other" && end < words_.size() && words_[end].number &&
        *words_[end].number > 1) {
      np.count = *words_[end].number;
      ++end;
    }
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
  // (Not a determined noun after the reference of a spatial phrase: "... to the right of the
  // altar and a candle stand is ..." opens a clause of its own; a bare "bean bags" may still be
  // a plural.)
  const bool coordinated =
      items_.size() >= 2 && items_.back().kind == ItemKind::kAnd &&
      items_[items_.size() - 2].kind == ItemKind::kNoun &&
      !(any && items_.size() >= 3 && items_[items_.size() - 3].kind == ItemKind::kSpatial);
  np.determined = any;  // (VerbHere reads it while the run is scanned)
  NounPhrase plural_np = np;
  plural_np.count = 2;
  const size_t run_start = k;
  std::vector<size_t> run;
  std::vector<size_t> joined;  // function words that end a compound ("can" of "trash can")
  size_t placement_word = 0;   // "high" of "heads high above the door": a description
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
        (!any || NounPhraseAfterPhrase(k)) && !ModifierAfterPhrase(k)) {
      break;
    }
    // After one word that is rather an adjective, an -s word is the plural head ("old tires
    // stacked ..."), unless a singular determiner says it cannot be ("a mobile hangs ...").
    const Word& first = words_[run_start];
    // So is one after a material that WordNet saw at least as often as a noun ("brass bells",
    // "glass shelves on the walls").
    const bool plural_head =
        k == run_start + 1 && w.plural && np.count != 1 &&
        ((first.adjective && first.adjective_frequency >= first.noun_frequency) ||
         (first.noun && !first.plural && w.noun_frequency >= w.verb_frequency &&
          IsMaterial(first.lemma)));
    if (k > run_start && VerbAfterOne(k, np)) break;
    const bool own_clause = coordinated && OwnClauseVerb(k, np);
    // In the reference of a spatial phrase a finite verb agrees with the subject before the
    // phrase, which VerbAfterReference below decides ("tanks on metal racks along ...": "racks"
    // is no verb of "metal"); a participle still ends it ("next to a wetsuit hanging on ...").
    const bool reference =
        !items_.empty() && items_.back().kind == ItemKind::kSpatial && words_[k].plural;
    if (k > run_start && !plural_head && !reference &&
        (own_clause || VerbHere(k, coordinated ? plural_np : np, coordinated))) {
      break;
    }
    if (k > run_start && !items_.empty() && items_.back().kind == ItemKind::kSpatial &&
        VerbAfterReference(k, items_.size() - 1)) {
      break;
    }
    // Two plurals make no compound: the second is the verb of the noun before "of" ("a cabinet of
    // trophies stands ..."), unless WordNet knows the two together.
    if (k > run_start && w.plural && words_[k - 1].plural && w.verb &&
        !IsCompound(texts_[k - 1] + " " + w.lemma)) {
      break;
    }
    // After a plural, a word WordNet saw more often as an adjective than as a noun, before a
    // spatial phrase, says where the things are, not what they are: "ram heads high above the
    // door", "lanterns low over the tables".
    if (k > run_start && words_[k - 1].plural && w.adjective && !w.plural &&
        w.adjective_frequency > w.noun_frequency && k + 1 < words_.size() &&
        MatchSpatialPhrase(texts_, k + 1) != nullptr) {
      placement_word = k;
      break;
    }
    // A word WordNet knows as an adverb before a determiner is a preposition there: "a rug down
    // the middle", "a runner up the stairs".
    if (k > run_start && PrepositionHere(k)) break;
    run.push_back(k);
    ++k;
  }
  // "the green one", "the tall ones", "the topmost one": a modifier and "one" name a thing already
  // there by its attribute (also a word that is only an adjective, which is no head).
  if (any && run.size() == 1 && run.back() + 1 < words_.size() &&
      (texts_[run.back() + 1] == "one" || texts_[run.back() + 1] == "ones")) {
    const Word& m = words_[run.back()];
    // (Also a position word that is first a noun: "the middle one", "the end one".)
    if ((m.adjective && (!m.noun || m.adjective_frequency >= m.noun_frequency)) ||
        MemberAtPosition(m.text, 2) >= 0) {
      np.pronoun = texts_[run.back() + 1] == "one" ? "one" : "them";
      np.attributes = {m.text};
      np.attribute_words = {static_cast<int>(run.back())};
      Add(ItemKind::kNoun, i, run.back() + 1);
      items_.back().np = np;
      return run.back() + 2;
    }
  }
  // The head: the last word of the run that can be a noun (or that no dictionary knows).
  int head = -1;
  for (size_t r = run.size(); r-- > 0;) {
    const Word& w = words_[run[r]];
    if (w.noun || !w.known || std::find(joined.begin(), joined.end(), run[r]) != joined.end() ||
        (r + 1 == run.size() && r > 0 && MaterialGerund(run[r]))) {
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
  // A landmark named by a part of it ("against the table leg", "on the sofa arm", "in the desk
  // drawer", "to the freezer door"): a place on the thing, which is the landmark. (The part's
  // word stays in the phrase's category words: it is accounted for.)
  const size_t part_word = run.back();
  if (!items_.empty() && items_.back().kind == ItemKind::kSpatial && run.size() >= 2 &&
      PartNamesWhole(words_[run[run.size() - 2]], words_[run.back()])) {
    run.pop_back();
  }
  const Word& head_word = words_[run.back()];
  np.head = static_cast<int>(run.back());
  np.plural = np.plural || head_word.plural || (np.count > 1);  // (or the pieces: "wheels of")
  np.room_part = RoomPartOf(head_word.lemma);
  if (np.room_part == RoomPart::kNone && head_word.noun) {
    // A kind of window or door by WordNet ("porthole", "skylight", "trapdoor") is an opening too.
    for (const std::string& h : WordNet::Get().SenseHypernyms(head_word.lemma, 0, 2)) {
      if (h == "window" || h == "door") np.room_part = RoomPartOf(h);
    }
  }
  // The compound: nouns before the head that WordNet knows with it, or one concrete noun that
  // names a kind of it ("hamster cage", "garden gnome"); materials and colours describe it.
  std::string category = head_word.lemma;
  size_t compound_start = run.size() - 1;
  // A door or a window is the room's opening, whatever its kind ("back door", "bay window").
  const bool opening = np.room_part == RoomPart::kDoor || np.room_part == RoomPart::kWindow;
  bool known_thing = false;  // the words joined so far are a thing WordNet knows ("lab bench")
  // Words WordNet writes with hyphens, typed apart, before the head ("a ping pong table", "a tic
  // tac toe board": ping-pong, tic-tac-toe) join it as written.
  const size_t hyphenated = opening ? run.size() : HyphenatedBeforeHead(run);
  if (hyphenated + 1 < run.size()) {
    for (size_t r = run.size() - 1; r-- > hyphenated;) category = texts_[run[r]] + " " + category;
    compound_start = hyphenated;
  }
  while (compound_start > 0 && !opening && hyphenated + 1 >= run.size()) {
    const Word& m = words_[run[compound_start - 1]];
    const std::string longer = m.text + " " + category;
    // Two words WordNet writes as one ("bird bath": a birdbath, "tea pot"): that thing. (Not a
    // part of the room: "back door" stays the room's door.)
    if (compound_start == run.size() - 1 && np.room_part == RoomPart::kNone &&
        m.word_class == WordClass::kOpen && !IsCompound(longer) &&
        WordNet::Get().IsNoun(m.text + category) &&
        WordNet::Get().IsPhysical(m.text + category) &&  // not "round table": a roundtable
        WordNet::Get().LexFiles(m.text + category, 1) !=
            std::vector<std::string>{"noun.person"}) {  // not "a red coat": a redcoat is a soldier
      category = WordNet::Get().NounBase(m.text + category);
      --compound_start;
      continue;
    }
    // A compound WordNet knows only as no thing, after an adjective ("round table": a meeting), is
    // the head the adjective describes ("a small round table"); after a noun it is the user's
    // compound ("board game", "alarm bell").
    const bool adjective = m.adjective && m.adjective_frequency >= m.noun_frequency;
    if (IsCompound(longer) &&
        (HasPhysicalSense(longer) || !HasPhysicalSense(head_word.lemma) || !adjective)) {
      known_thing = HasPhysicalSense(longer);
      category = WordNet::Get().NounBase(longer);
      --compound_start;
      continue;
    }
    // A compound WordNet knows before the words already joined ("heart rate" monitor, "air
    // conditioning" unit), or two words it writes as one ("bear skin" rug: a bearskin rug). (A
    // thing WordNet knows is complete: "a chemistry lab bench" is a lab bench.)
    if (compound_start < run.size() - 1 && !known_thing && m.word_class == WordClass::kOpen &&
        !m.number) {
      const std::string& next = texts_[run[compound_start]];
      if (IsCompound(m.text + " " + next)) {
        category = m.text + " " + category;
        --compound_start;
        continue;
      }
      if (m.text.size() >= 3 && WordNet::Get().IsNoun(m.text + next) &&
          HasPhysicalSense(m.text + next)) {
        category = m.text + category;
        --compound_start;
        continue;
      }
    }
    if (compound_start == run.size() - 1 && ModifierJoinsHead(m, head_word.lemma)) {
      category = m.text + " " + category;
      --compound_start;
      continue;
    }
    break;
  }
  // A wall named by a word before it. "The gable wall" (WordNet: a gable is a kind of wall),
  // named definite, is the room's wall; "a climbing wall", "a chalkboard wall", named by a noun
  // or a gerund that says what it is for or covered with, and no side word or material, is a
  // thing the text adds.
  if (np.room_part == RoomPart::kWall && category != head_word.lemma && !opening &&
      compound_start + 1 < run.size()) {
    const Word& m = words_[run[compound_start]];
    if (np.definite && IsCompound(category) &&
        Contains(WordNet::Get().Hypernyms(category, 4, 1), head_word.lemma)) {
      category = head_word.lemma;
      compound_start = run.size() - 1;
    } else if (!np.definite && !np.plural && WallSide(m.text).empty() &&
               (m.noun || !m.known || (EndsWith(m.text, "ing") && m.verb)) &&
               !IsMaterial(m.lemma) &&
               !(m.adjective && m.adjective_frequency >= m.noun_frequency)) {
      np.room_part = RoomPart::kNone;
    }
  }
  // "a brick pile", "a tyre stack": the bricks, piled (chunker_quantity.cc).
  QuantityCompound(run, &compound_start, &category, &np);
  // A noun WordNet knows with "of" and the word after it is one thing ("a chest of drawers", "a
  // suit of armour"), not a holder and its contents.
  size_t last = std::max(run.back(), part_word);
  if (!opening && last + 2 < words_.size() && texts_[last + 1] == "of" &&
      words_[last + 2].word_class == WordClass::kOpen) {
    const std::string whole = category + " of " + texts_[last + 2];
    if (IsCompound(whole) && WordNet::Get().IsPhysical(whole)) {
      category = whole;
      last += 2;
    }
  }
  // "at the back", "near the rear", "the far end": a position with no owner named (no "of", no
  // possessive) is the room's wall on that side, not a thing.
  const bool owned =
      (i > 0 && (words_[i - 1].possessive || texts_[i] == "its" || texts_[i] == "their" ||
                 texts_[i] == "his" || texts_[i] == "her")) ||
      (last + 1 < words_.size() && (texts_[last + 1] == "of" || words_[last + 1].possessive));
  // A part of the building ("the rafters", "the sloping roof", "the doorframe"; two words WordNet
  // writes as one: "door frame") is the room's, unless the text names its owner ("the roof of the
  // van") or puts things on it ("on the windowsill": a support of its own).
  const bool after_phrase = !items_.empty() && items_.back().kind == ItemKind::kSpatial &&
                            items_.back().phrase != nullptr;
  // (What a verb of filling or covering fills is a support too: "jars crowd the windowsill".)
  const bool filled = !items_.empty() && items_.back().kind == ItemKind::kVerb && [&] {
    std::string verb = WordNet::Get().VerbBase(texts_[items_.back().first]);
    if (verb.empty()) return false;
    for (int p = items_.back().first + 1; p <= items_.back().last; ++p) verb += " " + texts_[p];
    return reader_detail::FillsOrCovers(verb);
  }();
  const bool on = (after_phrase && items_.back().phrase->meaning == Meaning::kOn) || filled;
  const bool from = after_phrase && (items_.back().phrase->meaning == Meaning::kFrom ||
                                     items_.back().phrase->meaning == Meaning::kHangingFrom);
  if (np.room_part == RoomPart::kNone && head_word.noun && !owned && !on) {
    const bool closed = category.find(' ') == std::string::npos && category != head_word.lemma;
    np.room_part = ArchitectureOf(
        closed ? category : head_word.lemma,
        !closed && compound_start + 1 < run.size() ? &words_[run[run.size() - 2]] : nullptr, from);
  }
  if (np.room_part == RoomPart::kNone && np.definite && !owned &&
      compound_start == run.size() - 1) {
    const std::string& position = head_word.lemma;
    std::string_view side = WallSide(position);
    if (position == "end" && run.size() == 2) side = WallSide(texts_[run[0]]);
    if (side == "back" || side == "front") {
      np.room_part = RoomPart::kWall;
      np.wall_side = std::string(side);
      category = "wall";
    }
  }
  // "cupboards along the right side": a side named after "along" with no owner is that wall of
  // the room ("along the left side of the bus" is the bus's, "on the left side" a side of the
  // thing in focus).
  if (np.room_part == RoomPart::kNone && np.definite && !owned && run.size() == 2 &&
      head_word.lemma == "side" && after_phrase &&
      items_.back().phrase->meaning == Meaning::kAlong) {
    const std::string_view side = WallSide(texts_[run[0]]);
    if (side == "left" || side == "right") {
      np.room_part = RoomPart::kWall;
      np.wall_side = std::string(side);
      category = "wall";
    }
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
  for (size_t r = run.back() + 1; r <= last; ++r) np.category_words.push_back(static_cast<int>(r));
  np.category = category;
  if (placement_word == run.back() + 1 && placement_word > last) {
    np.attributes.push_back(texts_[placement_word]);
    np.attribute_words.push_back(static_cast<int>(placement_word));
    last = placement_word;
  }
  Add(ItemKind::kNoun, i, last);
  items_.back().np = np;
  // Words of the run after the head (a verb-like word taken as a noun's modifier) are left to
  // the next item.
  return last + 1;
}

}  // namespace scenecraft::chunker_detail
