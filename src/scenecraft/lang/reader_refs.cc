// Stage 4 of the offline planner, its reference half: which entity a noun phrase or pronoun names
// (a new one, or one already there), and what a spatial phrase is about when the text leaves it
// implicit. reader.cc walks the items and calls these.
#include <wn.h>

#include <algorithm>

#include "scenecraft/lang/compound.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/scene_sense.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft::reader_detail {

bool Beside(Meaning m) {
  using M = Meaning;
  return m == M::kNear || m == M::kAgainst || m == M::kAlong || m == M::kAt || m == M::kFar ||
         m == M::kInFrontOf || m == M::kBehind || m == M::kLeftOf || m == M::kRightOf ||
         m == M::kAtFoot || m == M::kAtEnd || m == M::kAtHead || m == M::kAlongLongSide ||
         m == M::kAlongShortSide ||
         // "a cabinet full of trophies against the wall": the cabinet is against it
         m == M::kHolding || m == M::kLadenWith;
}

bool HangsOverhead(const std::string& category) {
  if (StartsWith(category, "ceiling ")) return true;
  // A compound WordNet does not know is judged by its head ("the porch rafters").
  WordNet& wordnet = WordNet::Get();
  const std::string noun = wordnet.IsNoun(category) || category.find(' ') == std::string::npos
                               ? category
                               : category.substr(category.rfind(' ') + 1);
  const std::vector<std::string> up = wordnet.Hypernyms(noun, 6);
  return std::find(up.begin(), up.end(), "structural member") != up.end();
}

bool NamesPerson(const std::string& category) {
  // A person by its most frequent sense and no made thing by the next ones ("monitor" is first
  // a supervisor, then a screen; "daughter" only a person).
  const std::vector<std::string> files = WordNet::Get().LexFiles(category, 4);
  return !files.empty() && files[0] == "noun.person" &&
         std::find(files.begin(), files.end(), "noun.artifact") == files.end();
}

bool PlaceOnThing(const std::string& noun) {
  return noun == "edge" || noun == "rim" || noun == "surface";
}

std::optional<Meaning> PositionalMeaning(const std::string& noun) {
  if (noun == "foot") return Meaning::kAtFoot;
  if (noun == "end") return Meaning::kAtEnd;
  if (noun == "head") return Meaning::kAtHead;
  if (noun == "top") return Meaning::kOn;
  if (noun == "left") return Meaning::kLeftOf;
  if (noun == "right") return Meaning::kRightOf;
  if (noun == "front") return Meaning::kInFrontOf;
  if (noun == "back" || noun == "rear") return Meaning::kBehind;
  if (noun == "side" || noun == "base") return Meaning::kNear;
  if (noun == "middle" || noun == "center" || noun == "centre") return Meaning::kMiddleOf;
  // An edge, a rim, a border (WordNet: a boundary or an extremity) is beside its owner.
  if (NamesABoundary(noun)) return Meaning::kNear;
  return std::nullopt;
}

int Reader::NewEntity(const NounPhrase& np, const Item& item, NounKind kind) {
  Entity e;
  e.category = np.category;
  e.attributes = np.attributes;
  // "the fisherman's cabin", "the host's armchair": the owner (not in the scene) describes the
  // thing, unless WordNet knows them together ("a potter's wheel").
  if (!owner_attribute_.empty()) {
    if (IsCompound(owner_attribute_ + " " + e.category)) {
      e.category = WordNet::Get().NounBase(owner_attribute_ + " " + e.category);
    } else {
      e.attributes.insert(e.attributes.begin(), owner_attribute_);
    }
    owner_attribute_.clear();
  }
  e.kind = kind;
  e.room_part = np.room_part;
  e.wall_side = np.wall_side;
  e.arrangement = np.arrangement;
  e.first = item.first;
  e.last = item.last;
  e.count = np.count >= 0 ? np.count : (np.plural ? 2 : 1);
  if (np.distributive && np.count < 0) e.count = 1;
  e.count_said = np.count >= 0 || !np.plural || np.distributive || np.negated;
  e.groups = np.groups;
  out_.entities.push_back(e);
  return static_cast<int>(out_.entities.size()) - 1;
}

Group Reader::ArrangedGroup(const std::string& arrangement) const {
  auto arranged = [&](Meaning m) {
    return (arrangement == "row" && (m == Meaning::kRow || m == Meaning::kGrid)) ||
           (arrangement == "stack" && m == Meaning::kStack) ||
           (arrangement == "circle" && m == Meaning::kCircle) ||
           (arrangement == "cluster" && m == Meaning::kCluster);
  };
  for (auto st = out_.statements.rbegin(); st != out_.statements.rend(); ++st) {
    if (arranged(st->meaning) && st->references.empty()) return st->subjects;
  }
  for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
    const std::string& a = out_.entities[*e].arrangement;
    if (IsObject(*e) && (a == arrangement || (arrangement == "row" && a == "grid"))) {
      return {{*e, -1}};
    }
  }
  return {};
}

Group Reader::Resolve(const NounPhrase& np, const Item& item, bool as_reference,
                      const Group& exclude) {
  if (np.partitive && np.count >= 2) {
    // "between two of them", "two of the chairs": that many members of the group named, the
    // first ones (a group it does not name is new, that many).
    NounPhrase whole = np;
    whole.partitive = false;
    whole.count = -1;
    whole.definite = true;
    const Group group = Resolve(whole, item, as_reference, exclude);
    Group members = Members(group);
    if (members.size() > static_cast<size_t>(np.count)) {
      members.resize(static_cast<size_t>(np.count));
      return members;
    }
    if (group.size() == 1 && group[0].member < 0 && out_.entities[group[0].entity].count < 2) {
      out_.entities[group[0].entity].count = np.count;
    }
    return group;
  }
  if (!np.pronoun.empty()) return ResolvePronoun(np, exclude);
  // "the second and third lounger": a position word before a noun of a group already there
  // names a member of it, with or without "the".
  if (!np.definite && !np.plural && np.count < 0 &&
      std::any_of(np.attributes.begin(), np.attributes.end(),
                  [](const std::string& a) { return MemberAtPosition(a, 2) >= 0; }) &&
      std::any_of(recent_.begin(), recent_.end(), [&](int e) {
        const Entity& entity = out_.entities[e];
        return entity.count >= 2 &&
               (entity.category == np.category || EndsWith(entity.category, " " + np.category));
      })) {
    NounPhrase member = np;
    member.definite = true;
    return Resolve(member, item, as_reference, exclude);
  }
  // "the top crate", "the end stool": a definite noun whose first word says which member of a
  // group already there is that group's thing, not a new compound ("the end table" WordNet
  // knows stays one).
  if (np.definite && !np.plural) {
    const size_t space = np.category.find(' ');
    if (space != std::string::npos && IsPositionWord(np.category.substr(0, space)) &&
        !WordNet::Get().IsNoun(np.category)) {
      const std::string rest = np.category.substr(space + 1);
      // (Also by a compound's head: "the top bale" of the hay bales.)
      const bool named = std::any_of(recent_.begin(), recent_.end(), [&](int e) {
        const std::string& c = out_.entities[e].category;
        return out_.entities[e].kind == NounKind::kObject && (c == rest || EndsWith(c, " " + rest));
      });
      if (named) {
        // (The position word picks the member; it describes none of them.)
        NounPhrase member = np;
        member.category = rest;
        member.attributes.insert(member.attributes.begin(), np.category.substr(0, space));
        return Resolve(member, item, as_reference, exclude);
      }
    }
  }
  // "at the end of the row", "a rug under the front row": a quantity noun named again with no
  // "of" after it is the group the text arranged so.
  if (np.definite && np.head >= 0 &&
      (index_ + 1 >= items_.size() || items_[index_ + 1].kind != ItemKind::kOf)) {
    const QuantityNoun* q = FindQuantityNoun(words_[np.head].lemma);
    if (q != nullptr && !q->arrangement.empty()) {
      const Group group = ArrangedGroup(std::string(q->arrangement));
      if (!group.empty()) {
        Account(item.first, item.last);
        return group;
      }
    }
  }
  NounKind kind = ClassifyNoun(np.category);
  // A kind of window or door ("porthole", chunker.cc) is the room's opening; a part of the
  // building overhead ("the roof beams") is its ceiling.
  if (np.room_part == RoomPart::kDoor || np.room_part == RoomPart::kWindow ||
      np.room_part == RoomPart::kCeiling) {
    kind = NounKind::kRoomPart;
  }
  // "a climbing wall": a wall the chunker read as a thing of its own (chunker_noun.cc).
  if (kind == NounKind::kRoomPart && np.room_part == RoomPart::kNone && np.head >= 0 &&
      np.category.find(' ') != std::string::npos &&
      RoomPartOf(words_[np.head].lemma) == RoomPart::kWall) {
    kind = NounKind::kObject;
  }
  // A thing the text puts others in or at may be a place by another of its senses ("in the
  // middle of the village square"). A compound the dictionary does not know stays the thing its
  // head names unless its first part is a place too ("at the breakfast bar", a counter; "at the
  // village square", a place).
  if (as_reference && pending_ && kind == NounKind::kObject &&
      (pending_->meaning == Meaning::kIn || pending_->meaning == Meaning::kAt ||
       pending_->meaning == Meaning::kMiddleOf)) {
    const size_t space = np.category.rfind(' ');
    bool place_compound = true;
    if (space != std::string::npos && !WordNet::Get().IsNoun(np.category)) {
      const std::string first_part = np.category.substr(0, space);
      const NounKind first = ClassifyNoun(first_part);
      place_compound = first == NounKind::kIndoorPlace || first == NounKind::kOutdoorPlace ||
                       first == NounKind::kBuilding || PlaceSense(first_part) != NounKind::kObject;
    }
    if (const NounKind place = PlaceSense(np.category);
        place != NounKind::kObject && place_compound) {
      kind = place;
    }
  }
  // Once the scene has its setting, a place noun that can also be a thing is the thing ("a
  // bathroom with a toilet", "a kitchen with a bar").
  if ((kind == NounKind::kIndoorPlace || kind == NounKind::kOutdoorPlace) &&
      !out_.setting.empty() && HasObjectSense(np.category)) {
    kind = NounKind::kObject;
  }
  // A noun filed first as an event that the text places things by is the thing among its
  // senses ("a dog asleep by the fire"); so is one the text places ("a balance on the bench").
  // (Quantity nouns name arrangements: "in front of rows of chairs".)
  // What a holder is full of, in the plural, is things, whatever WordNet files them under ("a
  // crate full of card games": games are acts).
  if (kind == NounKind::kAbstract && as_reference && pending_ &&
      pending_->meaning == Meaning::kHolding && np.head >= 0 && PluralOfActs(np, kind)) {
    kind = NounKind::kObject;
  }
  // So is one the text counts ("two rackets": first a noise; "three records"); a written thing
  // is its paper ("a note on the pillow").
  if (kind == NounKind::kAbstract && ((as_reference && pending_) || np.placed || np.count >= 2) &&
      np.head >= 0 && FindQuantityNoun(words_[np.head].lemma) == nullptr &&
      (HasMadeThingSense(np.category) || NamesAWrittenThing(np.category) ||
       ThingWhereCountedOrPlaced(np.category, np.count >= 2))) {
    kind = NounKind::kObject;
  }
  // A holder by a rarer sense before "of" and separate things is that holder ("a case of soda
  // bottles": first an instance; noun_kind.h's HolderOf).
  if (kind == NounKind::kAbstract && !as_reference && index_ + 2 < items_.size() &&
      items_[index_ + 1].kind == ItemKind::kOf && items_[index_ + 2].kind == ItemKind::kNoun &&
      items_[index_ + 2].np.plural && items_[index_ + 2].np.pronoun.empty() &&
      HolderOf(np.category) != Holder::kNone) {
    kind = NounKind::kObject;
  }
  // A compound WordNet does not know, whose head is a place by its first sense but a made thing
  // by another, is that thing where the text places it ("a timetable post next to the
  // shelter"), unless its first part is a place too ("the village square").
  if ((kind == NounKind::kIndoorPlace || kind == NounKind::kOutdoorPlace) && np.placed &&
      np.category.find(' ') != std::string::npos && !WordNet::Get().IsNoun(np.category)) {
    const size_t space = np.category.rfind(' ');
    const std::string first_part = np.category.substr(0, space);
    const NounKind first = ClassifyNoun(first_part);
    // (A first part that names an activity says what the place is for: "a camping spot", "a
    // fishing spot" stay places.)
    WordNet& wordnet = WordNet::Get();
    const std::vector<std::string> first_sense = wordnet.LexFiles(first_part, 1);
    const bool activity = (!first_sense.empty() && first_sense[0] == "noun.act") ||
                          (EndsWith(first_part, "ing") && !wordnet.VerbBase(first_part).empty());
    if (HasMadeThingOutsidePlaces(np.category.substr(space + 1)) && !activity &&
        (first == NounKind::kObject || first == NounKind::kAbstract) &&
        PlaceSense(first_part) == NounKind::kObject) {
      kind = NounKind::kObject;
    }
  }
  // The same noun first; else, for a definite noun, a thing whose compound ends in it ("the lamp"
  // after "a desk lamp", "the bench" after "a workbench": the compound's first part a noun).
  // (Also the head of an open compound: "the chair" after "a wing armchair".)
  auto same_head = [&](const std::string& c) {
    const std::string& n = np.category;
    if (!(np.definite || np.distributive || np.pairwise) || c.size() <= n.size() + 1 ||
        c.compare(c.size() - n.size(), n.size(), n) != 0) {
      return false;
    }
    const std::string first = c.substr(0, c.size() - n.size());
    if (first.back() == ' ' || first.back() == '-') return true;
    WordNet& wordnet = WordNet::Get();
    if (first.size() >= 3 && wordnet.IsNoun(first)) return true;
    const size_t space = first.rfind(' ');
    if (space == std::string::npos) return false;
    const std::string last_first = first.substr(space + 1);
    return last_first.size() >= 3 && wordnet.IsNoun(last_first) &&
           wordnet.IsNoun(c.substr(space + 1));
  };
  // "the island" after "a kitchen island": a definite noun naming a thing already there by its
  // noun or its compound's head is that thing, whatever place or abstraction the noun is first.
  if (np.definite && kind != NounKind::kObject && kind != NounKind::kFrame &&
      kind != NounKind::kRoomPart) {
    for (const int e : recent_) {
      const Entity& entity = out_.entities[e];
      if (entity.kind == NounKind::kObject &&
          (entity.category == np.category || same_head(entity.category))) {
        kind = NounKind::kObject;
        break;
      }
    }
  }
  if (kind == NounKind::kFrame) {
    Account(item.first, item.last);
    return {};
  }
  // The text's first noun, first of all no physical thing, may name the scene by a later sense
  // ("A cozy study with ...": a study is a room by its fifth sense; scene_sense.h).
  if (kind == NounKind::kAbstract && out_.entities.empty() && !as_reference) {
    if (const std::optional<bool> inside = SceneSense(np.category, {})) {
      kind = *inside ? NounKind::kIndoorPlace : NounKind::kOutdoorPlace;
    }
  }
  // So does the text's first noun, a compound the dictionary does not know whose head is an
  // outdoor place by its first sense that names a thing or a location ("a dog yard with ...", "a
  // dog yard in the snow, with ..."; "yard" is also a unit and a spar), unless a phrase places it
  // by a thing ("a herb patch beside the shed").
  if (kind == NounKind::kObject && out_.entities.empty() && out_.setting.empty() && !as_reference &&
      np.category.find(' ') != std::string::npos && !WordNet::Get().IsNoun(np.category) &&
      FirstConcreteSenseIsOutdoorPlace(np.category)) {
    const bool in_or_at = index_ + 1 < items_.size() &&
                          items_[index_ + 1].kind == ItemKind::kSpatial &&
                          items_[index_ + 1].phrase != nullptr &&
                          (items_[index_ + 1].phrase->meaning == Meaning::kIn ||
                           items_[index_ + 1].phrase->meaning == Meaning::kAt);
    if (!np.placed || in_or_at) kind = NounKind::kOutdoorPlace;
  }
  if (kind == NounKind::kAbstract) {
    out_.warnings.push_back(
        {"\"" + np.category + "\" is not a physical thing; nothing is built for it", item.first,
         item.last});
    return {};
  }
  if (kind == NounKind::kIndoorPlace || kind == NounKind::kOutdoorPlace) {
    if (out_.setting.empty() ||
        (out_.setting_kind != NounKind::kIndoorPlace && kind == NounKind::kIndoorPlace)) {
      out_.setting = np.category;
      out_.setting_kind = kind;
    }
    Account(item.first, item.last);
    const int e = NewEntity(np, item, kind);
    return {{e, -1}};
  }
  // A thing named again is the thing already there: "the sofa", "a floor lamp near an armchair"
  // (when an armchair was named before). Room parts are matched by kind and wall side.
  // Last, "the lamp" after "a lamp post" when nothing else is a lamp: a definite noun that opens
  // the compound of a thing already there, whose WordNet definition names it ("a metal post
  // supporting an outdoor lamp").
  auto first_part = [&](const std::string& c) {
    const std::string& n = np.category;
    // (Never a part of the room: "the window" after "a window seat" is the room's.)
    if (!np.definite || np.plural || np.room_part != RoomPart::kNone || c.size() <= n.size() ||
        c.compare(0, n.size(), n) != 0) {
      return false;
    }
    const std::string gloss = " " + WordNet::Get().Gloss(c) + " ";
    for (const char* after : {" ", ",", ")", ";"}) {
      if (gloss.find(" " + n + after) != std::string::npos) return true;
    }
    return false;
  };
  // "each rocker" after "rocking chairs", "the couch" after "a sofa": a noun that WordNet's most
  // frequent sense of either word gives as another word for the same thing, or that clips it.
  auto synonym = [&](const std::string& c) {
    if (!(np.definite || np.distributive || np.pairwise) || c == np.category) return false;
    WordNet& wordnet = WordNet::Get();
    const std::vector<std::string> of_thing = wordnet.Synonyms(c, 1);
    if (std::find(of_thing.begin(), of_thing.end(), np.category) != of_thing.end()) return true;
    const std::vector<std::string> of_noun = wordnet.Synonyms(np.category, 1);
    if (std::find(of_noun.begin(), of_noun.end(), c) != of_noun.end()) return true;
    // "the synth" after "a synthesizer", "the mic" after "a microphone": a word no dictionary
    // knows that begins the thing's noun is that noun clipped.
    const size_t space = c.rfind(' ');
    const std::string head = space == std::string::npos ? c : c.substr(space + 1);
    return np.definite && !np.plural && np.category.size() >= 3 &&
           np.category.find(' ') == std::string::npos && head.size() > np.category.size() + 1 &&
           head.compare(0, np.category.size(), np.category) == 0 && !wordnet.IsNoun(np.category);
  };
  // ("each easel holds a canvas", "every desk has a lamp" after the easels, the desks: each member
  // of the group already there.)
  const bool reuse = np.definite || np.partitive || np.pairwise || np.distributive ||
                     (as_reference && !np.plural && np.count <= 1);
  // "one of the pumps", "the pumps": a group of several first (the petrol pumps, not the air
  // pump named after them), then any thing of that noun, then a compound it opens.
  const bool plural_first = np.partitive || np.pairwise || np.plural || np.distributive;
  for (int pass = plural_first ? 0 : 2; reuse && pass < 5; ++pass) {
    for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
      Entity& entity = out_.entities[*e];
      const std::string& c = entity.category;
      const bool match = pass == 4       ? entity.kind == NounKind::kObject && first_part(c)
                         : pass % 2 == 0 ? c == np.category
                                         : same_head(c) || synonym(c);
      if (!match || entity.wall_side != np.wall_side) continue;
      if (pass < 2 && entity.count < 2) continue;
      // "the middle bucket", "the taller lamp", "the top crate": a position word or a comparative
      // picks one member of the group; it describes none of them.
      const int picked = np.definite && !np.plural ? MemberWord(*e, np.attributes).second : -1;
      if (picked >= 0) {
        Account(item.first, item.last);
        return {{*e, picked}};
      }
      for (const std::string& a : np.attributes) {
        if (std::find(entity.attributes.begin(), entity.attributes.end(), a) ==
                entity.attributes.end() &&
            WallSide(a).empty()) {
          entity.attributes.push_back(a);
        }
      }
      // "the two windows" after "the window": the room has two; two other things are new.
      if (np.count > entity.count) {
        if (entity.kind != NounKind::kRoomPart) continue;
        entity.count = np.count;
      }
      // "the six stools" after "stools": the text says their number now.
      if (np.count >= 2 && np.count == entity.count) entity.count_said = true;
      Account(item.first, item.last);
      if (np.partitive && entity.count >= 2) {
        const int member = std::min<int>(entity.next_member++, static_cast<int>(entity.count) - 1);
        return {{*e, member}};
      }
      return {{*e, -1}};
    }
  }
  // "a painting above the headboard", "a jar on the tabletop": a definite part (by WordNet's
  // most frequent sense) of a thing already there, named for the first time, is that thing.
  if (as_reference && np.definite && !np.plural && np.room_part == RoomPart::kNone &&
      kind == NounKind::kObject && np.head >= 0) {
    WordNet& wordnet = WordNet::Get();
    const std::string part = wordnet.IsNoun(np.category) ? np.category : words_[np.head].lemma;
    // (A made thing's part, no position: "from the back of the hall" is the hall's.)
    const std::vector<std::string> files = wordnet.LexFiles(part, 1);
    if (!files.empty() && files[0] == "noun.artifact" && !PositionalMeaning(part) &&
        wordnet.IsPart(part, /*senses=*/1)) {
      const Group whole = PartOwner(part, exclude);
      if (!whole.empty()) {
        Account(item.first, item.last);
        return whole;
      }
    }
  }
  if (np.count == 0 || np.negated) {
    Account(item.first, item.last);  // "no rug": understood, nothing to build
    return {};
  }
  Account(item.first, item.last);
  return {{NewEntity(np, item, kind), -1}};
}

// The subject of a phrase that follows: the relative clause's noun; after a comma or a verb the
// clause's subject; else the nearest noun phrase.
Group Reader::PhraseSubject(const Item& item) const {
  if (!relative_.empty()) return relative_;
  // "a bench with a cushion on it next to the door", "a mirror with lamps around it above the
  // basin": after a member put on or around its host, the phrase closes the list and places the
  // host.
  if (in_with_ && with_member_on_host_ && !after_verb_ &&
      (!last_is_reference_ || last_group_ == with_host_) &&
      (last_group_ == with_current_ || last_group_ == with_host_)) {
    return with_host_;
  }
  // A verb right after a noun is that noun's ("a wetsuit hanging on a hook"; "a lamp stands on").
  if (after_verb_ && !verb_subject_.empty()) return verb_subject_;
  // "a rug covers the floor in front of the desk": the rug is in front of it.
  if (!verb_object_of_.empty()) return verb_object_of_;
  if ((after_comma_ || after_verb_) && !clause_subject_.empty()) return clause_subject_;
  // A phrase that opens with a participle or a verb ("facing it", "flanking the bed") is about
  // the clause's subject, not the reference just named; so is any phrase after a part of the
  // room or a place ("a painting on the wall above the sofa").
  // Inside a "with" list the subject is the list's current member.
  const Group& subject = in_with_ && !with_current_.empty() ? with_current_ : clause_subject_;
  const Word& first = words_[item.first];
  // (A word WordNet saw more often as an adjective or adverb than as a verb is no verb here:
  // "near the door".)
  WordNet& wordnet = WordNet::Get();
  const bool verbal =
      EndsWith(first.text, "ing") ||
      (first.verb && wordnet.Frequency(first.text, VERB) >=
                         wordnet.Frequency(first.text, ADJ) + wordnet.Frequency(first.text, ADV));
  const bool place = !last_group_.empty() && !IsObject(last_group_[0].entity);
  // A pronoun takes no phrase of its own ("a table between them on a rug": the table is on it).
  if ((verbal || place || last_was_pronoun_) && last_is_reference_ && !subject.empty()) {
    return subject;
  }
  // After a phrase that sets the subject beside a landmark ("leans against the fence", "next to
  // the bed"), a second phrase places the same subject ("... next to a watering can"). After one
  // that puts it on, in, under or over its reference, or turns it toward it, the next phrase
  // places the reference ("a vase on a table by the window": the table is by the window).
  // "two lamps on the desk on either side of the monitor": a pair is flanking, whatever placed it.
  const Meaning meaning = item.phrase != nullptr ? item.phrase->meaning : Meaning::kNear;
  if (last_is_reference_ && (meaning == Meaning::kFlanking || meaning == Meaning::kEachSide) &&
      Members(reference_subject_).size() == 2 &&
      !(in_with_ && with_current_ != reference_subject_)) {
    return reference_subject_;
  }
  if (last_is_reference_ && !reference_subject_.empty() && Beside(reference_meaning_) &&
      !(in_with_ && with_current_ != reference_subject_)) {
    return reference_subject_;
  }
  // "a globe on a wooden stand beside the armchair", "a bell on its frame by the gate": what
  // stands on its own mount is what the next phrase places, unless it is a wall or a corner.
  if (MountedSubject(meaning) && !(in_with_ && with_current_ != reference_subject_)) {
    return reference_subject_;
  }
  // "with a rake and a hoe hanging on the wall": a participle after members "and" joined places
  // them all.
  if (verbal && in_with_ && with_joined_.size() >= 2 && last_group_ == with_current_ &&
      !last_is_reference_ && JoinedByAnd()) {
    return with_joined_;
  }
  // "a stage with a piano and a double bass on it", "a dresser with a mirror and a clock on
  // top": a phrase that puts the last of the members "and" joined on or in the host ("it", or no
  // reference) puts them all there, but for furniture, seats and people ("a desk with a chair
  // and a lamp on it").
  const bool next_noun = index_ + 1 < items_.size() && items_[index_ + 1].kind == ItemKind::kNoun;
  const bool to_host = !next_noun || items_[index_ + 1].np.pronoun == "it";
  if ((meaning == Meaning::kOn || meaning == Meaning::kIn) && to_host && in_with_ &&
      with_host_.size() == 1 && with_joined_.size() >= 2 && last_group_ == with_current_ &&
      !last_is_reference_ && JoinedByAnd()) {
    Group onto;
    for (const EntityRef& r : with_joined_) {
      const std::string& c = out_.entities[r.entity].category;
      const bool current =
          std::find(with_current_.begin(), with_current_.end(), r) != with_current_.end();
      if (current || !(IsKindOf(c, "furniture") || IsKindOf(c, "seat") || NamesPerson(c))) {
        onto.push_back(r);
      }
    }
    if (onto.size() >= 2) return onto;
  }
  return last_group_;
}

// In a list of parallel placements, the member before the current subject ("a keyboard on the
// desk, the mouse to its right"); empty when there is none.
Group Reader::ParallelOwner(const Group& subjects) const {
  const Group& before = parallel_subject_;
  if (before.size() != 1 || before[0].member >= 0 || !IsObject(before[0].entity) ||
      out_.entities[before[0].entity].count != 1 ||
      std::find(subjects.begin(), subjects.end(), before[0]) != subjects.end()) {
    return {};
  }
  return before;
}

// The reference meant when a phrase names none ("with a monitor on top", "a nightstand on each
// side"): the thing "with" hangs on, else the clause's subject, else the last thing named.
Group Reader::Implicit(const Group& subjects) const {
  auto usable = [&](const Group& g) {
    if (g.empty()) return false;
    for (const EntityRef& r : g) {
      if (std::find(subjects.begin(), subjects.end(), r) != subjects.end()) return false;
    }
    return true;
  };
  if (in_with_ && usable(with_host_)) return with_host_;
  if (usable(clause_subject_)) return clause_subject_;
  if (!subjects_.empty() && usable(subjects_.back()) && IsObject(subjects_.back()[0].entity)) {
    return subjects_.back();
  }
  for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
    if (!IsObject(*e)) continue;
    Group g{{*e, -1}};
    if (usable(g)) return g;
  }
  return {};
}

}  // namespace scenecraft::reader_detail
