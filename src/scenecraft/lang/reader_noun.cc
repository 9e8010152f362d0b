// The reader's noun step: what a noun phrase does to the clause being read (a new thing, a
// reference back, an owner, the reference of a pending spatial phrase).
#include <algorithm>
#include <optional>

#include "scenecraft/lang/compound.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/reader.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace reader_detail {

// Whether a plural WordNet files first as an act is the things it is done with: what a shelf
// holds of "games" or "puzzles" are their boxes (not "boxes of different sizes").
bool PluralOfActs(const NounPhrase& np, NounKind kind) {
  if (!np.plural || kind != NounKind::kAbstract) return false;
  const std::vector<std::string> first = WordNet::Get().LexFiles(np.category, 1);
  return !first.empty() && first[0] == "noun.act";
}

bool Reader::PlacedByTheRoom(size_t k) const {
  // The next placing phrase of the clause, past what the thing holds ("full of china").
  for (size_t j = k + 1; j + 1 < items_.size() && j < k + 6; ++j) {
    const ItemKind kind = items_[j].kind;
    if (kind == ItemKind::kComma || kind == ItemKind::kAnd || kind == ItemKind::kEnd) return false;
    if (kind != ItemKind::kSpatial || items_[j].phrase == nullptr) continue;
    const Meaning m = items_[j].phrase->meaning;
    if (m == Meaning::kHolding || m == Meaning::kLadenWith) {
      ++j;
      continue;
    }
    if (items_[j + 1].kind != ItemKind::kNoun || !items_[j + 1].np.pronoun.empty()) return false;
    const RoomPart part = items_[j + 1].np.room_part;
    return part == RoomPart::kWall || part == RoomPart::kCorner || part == RoomPart::kDoor ||
           part == RoomPart::kWindow || part == RoomPart::kMiddle;
  }
  return false;
}

void Reader::OnNoun(const Item& item) {
  // "a shelter with a bench inside it, a timetable on the back panel": a component (WordNet's
  // definition) named by a side and no owner is the side of the thing "with" hangs the phrase
  // on, else that wall of the setting; no thing of its own.
  std::string side;
  if (item.np.definite && !item.np.plural && item.np.pronoun.empty() && item.np.head >= 0 &&
      item.np.room_part == RoomPart::kNone && pending_ && pending_->references.empty() &&
      possessor_.empty() && !describe_) {
    for (const std::string& a : item.np.attributes) {
      if (side.empty()) side = std::string(WallSide(a));
    }
  }
  if (!side.empty() && NamesAComponent(words_[item.np.head].lemma)) {
    if (!with_hosts_.empty() && IsObject(with_hosts_.back())) {
      pending_->references = {{with_hosts_.back(), -1}};
      pending_->last = item.last;
      Account(item.first, item.last);
      CompletePending();
      return;
    }
    if (!out_.setting.empty()) {
      Item wall = item;
      wall.np.room_part = RoomPart::kWall;
      wall.np.wall_side = side;
      wall.np.category = "wall";
      OnNoun(wall);
      return;
    }
  }
  const NounPhrase& np = item.np;
  last_was_pronoun_ = !np.pronoun.empty();
  // ("each of them has", and "each easel holds" as a clause's subject, not as a phrase's
  // reference: "a lamp on each desk with a shade".)
  last_distributive_ =
      np.distributive &&
      (!np.pronoun.empty() || !(index_ > 0 && items_[index_ - 1].kind == ItemKind::kSpatial));
  // An owner before "'s" ("at the daybed's foot"): resolved now, used by the noun after it.
  if (index_ + 1 < items_.size() && items_[index_ + 1].kind == ItemKind::kPossessive &&
      np.pronoun.empty() && !describe_) {
    // A person or animal the text did not name before, before the thing it owns ("the
    // fisherman's cabin", "a nurse's cart"), is no thing of the scene: it describes the thing.
    const bool named_before =
        std::any_of(out_.entities.begin(), out_.entities.end(),
                    [&](const Entity& e) { return e.category == np.category; });
    const std::vector<std::string> senses = WordNet::Get().LexFiles(np.category, 1);
    const bool living =
        !senses.empty() && (senses[0] == "noun.person" || senses[0] == "noun.animal");
    // So is an owner of any kind named with "a" ("a doll's pram", "a ship's bell"): the article
    // counts the thing owned, whose kind the owner says.
    const bool indefinite = np.determined && !np.definite && np.count == 1 && !np.plural;
    if (!named_before && (living || indefinite) && index_ + 2 < items_.size() &&
        items_[index_ + 2].kind == ItemKind::kNoun && items_[index_ + 2].np.pronoun.empty()) {
      // The owner's own words, not its count ("two rows of pupils' desks"); a plural's
      // possessive is written "pupils'".
      std::string owner;
      const int from = !np.attribute_words.empty()  ? np.attribute_words.front()
                       : !np.category_words.empty() ? np.category_words.front()
                                                    : item.first;
      for (int k = from; k <= item.last; ++k) {
        if (!Determiner(words_[k].text)) owner += (owner.empty() ? "" : " ") + words_[k].text;
      }
      const Word& mark = words_[items_[index_ + 1].first];
      owner_attribute_ = owner + (mark.end - mark.begin == 1 ? "'" : "'s");
      owner_described_ = true;
      Account(item.first, item.last);
      return;
    }
    Group owner = Resolve(np, item, /*as_reference=*/true, {});
    if (!owner.empty()) {
      Mention(owner);
      last_group_ = owner;
      return;
    }
  }
  // A person who asks for things ("My daughter wants a bunk bed") is none of them.
  if (np.requester && !describe_ && !pending_) {
    Account(item.first, item.last);
    return;
  }
  // "a basket of apples and pears", "a crate of books, comics and magazines": a bare noun (no
  // determiner, no count) joined to the contents of a holder is held too.
  if (!describe_ && !contents_holder_.empty() && index_ >= 2 && contents_item_ + 2 == index_ &&
      (items_[index_ - 1].kind == ItemKind::kAnd || items_[index_ - 1].kind == ItemKind::kComma) &&
      np.pronoun.empty() && !np.determined) {
    describe_ = contents_holder_;
    describe_of_ = true;
    after_and_ = after_comma_ = false;
  }
  contents_holder_.clear();
  // Words after "of", "for" and "made of" describe the thing before ("a bowl of fruit").
  if (describe_) {
    const Group target = *describe_;
    describe_.reset();
    NounKind kind = np.pronoun.empty() ? ClassifyNoun(np.category) : NounKind::kObject;
    // What a container or a support holds is a thing by any of its senses ("a cabinet of china":
    // first a country, also dishware).
    const bool held = describe_of_ && np.pronoun.empty() && kind != NounKind::kObject &&
                      kind != NounKind::kRoomPart && !target.empty() &&
                      IsObject(target[0].entity) &&
                      HolderOf(out_.entities[target[0].entity].category) != Holder::kNone &&
                      (HasMadeThingSense(np.category) || PluralOfActs(np, kind));
    if (held) kind = NounKind::kObject;
    if (kind == NounKind::kIndoorPlace || kind == NounKind::kOutdoorPlace ||
        kind == NounKind::kRoomPart) {
      Resolve(np, item, /*as_reference=*/true, {});
      return;
    }
    // "on the roof of the van", "on the top of the cabinet": a part of a thing, or a position on
    // it, is a place on its owner; the statement that named the part is about the owner.
    if (describe_of_ && OwnerOfPart(np, item, target, kind)) return;
    // "a basket of apples", "a shelf of pots": separate things a container or a support holds
    // are things of their own, in or on it.
    // (A plural the dictionary files as a thing, or as no physical thing at all, is separate
    // things too: "a crate of board games", "a jar of pebbles".)
    // (A singular that WordNet knows as a made thing by some sense and that is no food, substance
    // or material by its first is a thing too: "a basket of yarn", not "a bowl of soup".)
    const auto made_thing = [&] {
      if (np.plural || !HasMadeThingSense(np.category) || IsMaterial(np.category)) return false;
      const std::vector<std::string> first = WordNet::Get().LexFiles(np.category, 1);
      return !first.empty() && first[0] != "noun.food" && first[0] != "noun.substance";
    };
    if (!target.empty() && np.pronoun.empty() && describe_of_ && kind == NounKind::kObject &&
        IsObject(target[0].entity) &&
        (held || np.plural || IsDiscrete(np.category, np.plural) || made_thing())) {
      const Holder holder = HolderOf(out_.entities[target[0].entity].category);
      if (holder != Holder::kNone) {
        const Group contents = {{NewEntity(np, item, kind), -1}};
        // "four jars of pickles": some in every one of them, unless the text says how many.
        const long holders = out_.entities[target[0].entity].count;
        const bool spread = holders > 1 && np.count < 0 && np.plural;
        if (spread) out_.entities[contents[0].entity].count = holders * (holders <= 6 ? 2 : 1);
        Account(item.first, item.last);
        Mention(contents);
        Statement st;
        st.meaning = holder == Holder::kContainer ? Meaning::kIn : Meaning::kOn;
        st.subjects = contents;
        st.references = target;
        st.distributive = spread;
        st.first = item.first;
        st.last = item.last;
        out_.statements.push_back(std::move(st));
        contents_holder_ = target;
        contents_item_ = index_;
        return;
      }
    }
    if (!target.empty() && np.pronoun.empty()) {
      Entity& e = out_.entities[target[0].entity];
      for (const std::string& a : np.attributes) e.attributes.push_back(a);
      e.attributes.push_back(np.category);
      Account(item.first, item.last);
    }
    return;
  }
  if (negated_) {
    negated_ = false;
    Account(item.first, item.last);
    return;
  }
  if (PostureOrPart(item) || PositionBeforeOf(item)) return;
  // A possessive before this noun ("the bed's foot", "its back", "their lower shelf"): a position
  // on the owner ("at the foot of the bed") or a part of it (WordNet's meronymy: a shelf is part
  // of a bookcase) names a place on the owner, not a new thing; "the cat's bowl" is a bowl
  // described by its owner.
  Group owner = possessor_;
  possessor_.clear();
  bool own_thing = false;
  if (owner.empty() && np.pronoun.empty() && np.head >= 0) {
    const std::string& det = words_[item.first].text;
    if (det == "its" || det == "their") {
      NounPhrase pronoun;
      pronoun.pronoun = det == "its" ? "it" : "them";
      const Group subjects = pending_ ? pending_->subjects : Group{};
      // "a blanket over its arm": a part (WordNet's meronymy) is the part of the thing that has
      // one, the most recent.
      const std::string& head = words_[np.head].lemma;
      WordNet& wordnet = WordNet::Get();
      const bool part_noun = wordnet.IsPart(head);
      if (part_noun) owner = PartOwner(head, subjects);
      // "a bell on its frame", "a parrot in its cage": no position, no place on a thing and no
      // part of a thing named, the thing is the subject's own (its mount).
      const bool one = subjects.size() == 1 && IsObject(subjects[0].entity) &&
                       (subjects[0].member >= 0 || out_.entities[subjects[0].entity].count == 1);
      own_thing = owner.empty() && det == "its" && one && np.room_part == RoomPart::kNone &&
                  !PositionalMeaning(head) && !PlaceOnThing(head);
      if (!own_thing && owner.empty() && det == "its") owner = ParallelOwner(subjects);
      if (!own_thing && owner.empty()) owner = ResolvePronoun(pronoun, subjects);
    }
  }
  // "a sink at one end", "a lamp at the side", "pebbles around the edge": a position with no
  // owner named is one on the thing the phrase's subject is placed by (the implicit reference),
  // one of its ends or sides.
  bool unowned_position = false;
  // (The middle, front, back, left and right alone are the room's: "in the middle".)
  const std::string& position = np.head >= 0 ? words_[np.head].lemma : np.category;
  if (owner.empty() && pending_ && pending_->references.empty() && np.pronoun.empty() &&
      np.head >= 0 && np.room_part == RoomPart::kNone &&
      (position == "end" || position == "side" || position == "foot" || position == "head" ||
       position == "top" ||
       // "a rug with cushions around the edge", "a tray with cups along the rim": a place on a
       // thing (a boundary by WordNet) that the text names with "the" and no owner, inside the
       // "with" list of a thing (not of a place: "a square with ... lamps around the edge" is
       // the square's edge; outside such a list the owner is too often the place too).
       // So is a part WordNet's meronymy gives the host ("a trunk with a doll on the lid").
       (np.definite && in_with_ && with_host_.size() == 1 && IsObject(with_host_[0].entity) &&
        PlaceSense(out_.entities[with_host_[0].entity].category) == NounKind::kObject &&
        (PlaceOnThing(position) || NamesABoundary(position) ||
         WordNet::Get().IsPartOf(position, out_.entities[with_host_[0].entity].category)))) &&
      (index_ + 1 >= items_.size() || (items_[index_ + 1].kind != ItemKind::kOf &&
                                       items_[index_ + 1].kind != ItemKind::kPossessive))) {
    // (Of the thing the sentence put in the middle, when there is one: "a loom in the middle,
    // ..., a basket at one end".)
    if (!in_with_ || with_host_.empty()) owner = Centrepiece(pending_->subjects);
    if (owner.empty()) owner = Implicit(pending_->subjects);
    // Which end or side is not said: beside it.
    const std::string& head = words_[np.head].lemma;
    unowned_position = head == "end" || head == "side";
  }
  // "a lamp clamped to the headboard": a part named with "the" and no owner, which WordNet's
  // meronymy gives a thing already in the scene (the last one named) and whose most frequent
  // sense is a part, is a place on that thing, unless the text named the part before (also as
  // the head of a compound: "the pump" after "a water pump").
  if (owner.empty() && pending_ && pending_->references.empty() && np.pronoun.empty() &&
      np.head >= 0 && np.definite && !np.plural && np.room_part == RoomPart::kNone &&
      np.category == words_[np.head].lemma &&
      (index_ + 1 >= items_.size() || (items_[index_ + 1].kind != ItemKind::kOf &&
                                       items_[index_ + 1].kind != ItemKind::kPossessive)) &&
      WordNet::Get().IsPart(np.category, 1) &&
      std::none_of(out_.entities.begin(), out_.entities.end(), [&](const Entity& e) {
        return e.category == np.category || EndsWith(e.category, np.category);
      })) {
    // (A part of a building, of the setting or of a place or structure the text names is the
    // place's, which may yet become the setting: "a planter on the railing" of a balcony.)
    const bool placed =
        WordNet::Get().IsPartOf(np.category, "building") ||
        (!out_.setting.empty() && WordNet::Get().IsPartOf(np.category, out_.setting));
    if (!placed) owner = PartOwner(np.category, pending_->subjects);
    // (A structure's part is a place in it, not on a thing: "the railing" of a deck.)
    if (!owner.empty() &&
        Contains(WordNet::Get().Hypernyms(out_.entities[owner[0].entity].category, 6, 1),
                 "structure")) {
      owner.clear();
    }
  }
  if (!owner.empty() && np.pronoun.empty()) {
    const std::string head = np.head >= 0 ? words_[np.head].lemma : "";
    auto meaning = PositionalMeaning(head);
    // (At an end or a side of a building is in it: "two goals at opposite ends" of the rink.)
    if (unowned_position) {
      const NounKind owner_kind = out_.entities[owner[0].entity].kind;
      meaning = owner_kind == NounKind::kBuilding || owner_kind == NounKind::kIndoorPlace ||
                        owner_kind == NounKind::kOutdoorPlace
                    ? Meaning::kAt
                    : Meaning::kNear;
    }
    // Only a thing has parts here; a place noun is the setting ("a doctor's office").
    const bool owner_thing = IsObject(owner[0].entity);
    const NounKind kind = ClassifyNoun(np.category);
    // (An edge is a place on the thing whatever WordNet files it as: "on its edge".)
    // (So is a corner of a thing: "on the desk's corner".)
    const bool part = !meaning && owner_thing &&
                      (PlaceOnThing(head) || np.room_part == RoomPart::kCorner ||
                       ((kind == NounKind::kObject || kind == NounKind::kAbstract) &&
                        WordNet::Get().IsPart(head)));
    if ((meaning || part) && pending_) {
      const Meaning m = pending_->meaning;
      // (On its edge is on it: "a lamp clamped to its edge".)
      const bool on_edge = m == Meaning::kOn && NamesABoundary(head);
      if (meaning && !on_edge &&
          (m == Meaning::kAt || m == Meaning::kOn || m == Meaning::kIn || m == Meaning::kNear ||
           m == Meaning::kFrom || m == Meaning::kAgainst || m == Meaning::kAlong)) {
        pending_->meaning = *meaning;
      }
      // "a blanket over its arm", "a jacket over the chair's back": what lies over a part of a
      // seat or a bed lies on it (not a light: "a lamp over its head").
      const std::string& whole = out_.entities[owner[0].entity].category;
      const bool seat_or_bed =
          IsKindOf(whole, "seat") || IsKindOf(whole, "sofa") || IsKindOf(whole, "bed");
      if (owner_thing && seat_or_bed && m == Meaning::kAbove && !pending_->subjects.empty() &&
          std::none_of(pending_->subjects.begin(), pending_->subjects.end(),
                       [&](const EntityRef& s) {
                         const std::string& c = out_.entities[s.entity].category;
                         return IsKindOf(c, "source of illumination") || FloorStanding(c);
                       })) {
        pending_->meaning = Meaning::kOn;
      }
      pending_->references = owner;
      pending_->last = item.last;
      Account(item.first, item.last);
      reference_meaning_ = pending_->meaning;
      reference_subject_ = pending_->subjects;
      CompletePending();
      last_group_ = owner;
      last_is_reference_ = true;
      return;
    }
    if (part || meaning) {
      // "with their backs to the wall": a part of a thing already there.
      Account(item.first, item.last);
      return;
    }
  }
  // "a stool holding a fern", "a hamper containing blankets": the thing after a verb of holding
  // is on (in a container: in) the thing before it.
  if (!holder_.empty() && !pending_ && np.pronoun.empty()) {
    const Group holder = holder_;
    holder_.clear();
    const Group things = Resolve(np, item, /*as_reference=*/false, {});
    if (!things.empty() && IsObject(things[0].entity)) {
      Mention(things);
      Statement st;
      // (What fills or covers a thing is in it when it is a container, else on it.)
      const Group& container = holder_filled_ ? things : holder;
      st.meaning = HolderOf(out_.entities[container[0].entity].category) == Holder::kContainer
                       ? Meaning::kIn
                       : Meaning::kOn;
      st.subjects = holder_filled_ ? holder : things;
      st.references = holder_filled_ ? things : holder;
      st.first = holder_word_ >= 0 ? holder_word_ : item.first;
      st.last = item.last;
      Account(st.first, st.last);
      out_.statements.push_back(std::move(st));
      last_group_ = things;
      last_is_reference_ = true;
      // "bottles fill the shelves behind it": a phrase after what is filled places it.
      if (holder_filled_) {
        after_verb_ = false;
        reference_subject_.clear();
      }
      return;
    }
  }
  // "the plant by the door is a cactus": after a copula, an indefinite noun says what the
  // clause's subject is; one thing, named by the predicate's noun.
  // (A bare singular is no such noun: "the tables are spread across", a participle.)
  if (!pending_ && index_ > 0 && items_[index_ - 1].kind == ItemKind::kFunction &&
      np.pronoun.empty() && !np.definite &&
      (np.determined || np.plural || IsMaterial(np.category)) && np.head >= 0 &&
      clause_subject_.size() == 1 && clause_subject_[0].member < 0 &&
      IsObject(clause_subject_[0].entity) && !in_with_ && !fronted_) {
    const int at = items_[index_ - 1].first;
    // ("there is", "there are" name new things.)
    const std::string copula = at > 0 && words_[at - 1].text == "there" ? "" : words_[at].text;
    Entity& subject = out_.entities[clause_subject_[0].entity];
    const bool material = !np.determined && IsMaterial(np.category);  // "the lamp is brass"
    if ((copula == "is" || copula == "are" || copula == "was" || copula == "were") &&
        (material || ClassifyNoun(np.category) == NounKind::kObject) &&
        subject.first < item.first) {
      for (const std::string& a : np.attributes) subject.attributes.push_back(a);
      if (material) {
        subject.attributes.push_back(np.category);
      } else {
        subject.category = np.category;
      }
      Account(item.first, item.last);
      last_group_ = clause_subject_;
      last_is_reference_ = false;
      return;
    }
  }
  // "two barrels serve as tables", "a crate acts as a stool": a noun after a verb and "as" says
  // what the clause's subject is used for; it is no new thing.
  if (!pending_ && np.pronoun.empty() && index_ >= 2 &&
      items_[index_ - 1].kind == ItemKind::kFunction &&
      items_[index_ - 1].first == items_[index_ - 1].last &&
      words_[items_[index_ - 1].first].text == "as" && items_[index_ - 2].kind == ItemKind::kVerb &&
      !clause_subject_.empty() && IsObject(clause_subject_[0].entity)) {
    std::vector<int> done;
    for (const EntityRef& r : clause_subject_) {
      if (std::find(done.begin(), done.end(), r.entity) != done.end()) continue;
      done.push_back(r.entity);
      out_.entities[r.entity].attributes.push_back("as " + np.category);
    }
    Account(item.first, item.last);
    last_group_ = clause_subject_;
    last_is_reference_ = false;
    return;
  }
  if (pending_) {
    // The reference of the waiting phrase.
    Group refs = Resolve(np, item, /*as_reference=*/true, pending_->subjects);
    if (refs.empty()) {
      if (np.pronoun.empty() && ClassifyNoun(np.category) == NounKind::kAbstract) {
        // (The phrase still placed its subject: "benches facing the sunset, a parasol ..." lists
        // no parasol with the benches.)
        if (pending_->subjects == last_group_) last_placed_ = true;
        pending_.reset();
        return;
      }
      out_.warnings.push_back({"cannot tell what this refers to", item.first, item.last});
      pending_.reset();
      return;
    }
    if (own_thing && refs.size() == 1) own_mounts_.push_back(refs[0].entity);
    if (np.distributive) pending_->distributive = true;
    if (np.pairwise) pending_->pairwise = true;
    if (np.every) pending_->every = true;
    for (const EntityRef& r : refs) pending_->references.push_back(r);
    pending_->last = item.last;
    Mention(refs);
    last_group_ = refs;
    last_is_reference_ = true;
    reference_meaning_ = pending_->meaning;
    reference_subject_ = pending_->subjects;
    const bool between = pending_->meaning == Meaning::kBetween;
    const bool two = pending_->references.size() >= 2 ||
                     (pending_->references.size() == 1 && pending_->references[0].member < 0 &&
                      out_.entities[pending_->references[0].entity].count >= 2);
    if (between && !two) return;  // "between the sofa and the TV": the second one follows
    CompletePending();
    return;
  }
  // A subject: a new clause's subject, or one more of a list ("a sofa, an armchair and a lamp").
  Group refs = Resolve(np, item, /*as_reference=*/false, {});
  if (refs.empty()) return;
  if (owner.size() == 1 && refs.size() == 1 && owner[0].entity != refs[0].entity) {
    owned_.push_back({refs[0].entity, owner[0].entity});
  }
  Mention(refs);
  // A pronoun for the group just named is no new member of it ("four tables, each with ...").
  const bool same = std::any_of(refs.begin(), refs.end(), [&](const EntityRef& r) {
    return std::find(last_group_.begin(), last_group_.end(), r) != last_group_.end();
  });
  // (A place and a thing make no list: "A lobby: a desk ..." names the desk in the lobby.)
  // (Nor does a name before a colon or a dash and the list after it: "A shed: three hives ...",
  // "a gaming corner - a desk ...".)
  const bool after_colon = index_ > 0 && items_[index_ - 1].kind == ItemKind::kComma &&
                           (words_[items_[index_ - 1].first].text == ":" ||
                            words_[items_[index_ - 1].first].text == "-");
  const bool coordinated = (after_and_ || after_comma_) && !after_colon && !last_is_reference_ &&
                           !last_placed_ && !last_group_.empty() && !in_with_ && !same &&
                           IsObject(last_group_[0].entity) == IsObject(refs[0].entity);
  if (coordinated) {
    for (const EntityRef& r : refs) last_group_.push_back(r);
    if (!clause_subject_.empty()) clause_subject_ = last_group_;
    if (last_group_.size() >= 2) groups_.push_back(last_group_);
  } else {
    last_group_ = refs;
    last_placed_ = false;
    if (clause_subject_.empty() || after_and_ || (after_comma_ && !in_with_) ||
        fronted_.has_value()) {
      if (!in_with_) {
        // "A keyboard on the desk, the mouse to its right": the subject before the comma is the
        // one a parallel member's "its" means.
        if (after_comma_ && !clause_subject_.empty()) parallel_subject_ = clause_subject_;
        // "A sink stands by the wall and a stove stands opposite it": "it" may name the subject
        // of the clause before "and" (ResolveIt).
        and_subject_ = after_and_ && clause_subject_ != refs ? clause_subject_ : Group{};
        clause_subject_ = refs;
      }
    }
  }
  last_is_reference_ = false;
  if (in_with_) {
    // The things a "with" list names together are a group for "them" and "both" ("with a sofa,
    // a TV and a coffee table between them").
    if (!(after_and_ || after_comma_)) with_list_.clear();
    for (const EntityRef& r : refs) with_list_.push_back(r);
    if (with_list_.size() >= 2) groups_.push_back(with_list_);
    with_current_ = refs;
    with_member_on_host_ = false;
    // "with two chairs each": as many per member of the host.
    if (np.each && HostMembers() >= 2) with_distributive_ = true;
    // "three tables, each with two chairs, ... and a dresser against the far wall": a member
    // the text places by a part of the room (a wall, a corner, the door, the window, the middle)
    // is one thing of the room, no set per member and not by the host.
    const bool room_placed = with_distributive_ && !np.each && PlacedByTheRoom(index_);
    if (with_distributive_ && refs.size() == 1 && refs[0].member < 0 && !np.definite &&
        !room_placed) {
      out_.entities[refs[0].entity].count *= HostMembers();  // one set per member of the host
    }
    if (!room_placed) {
      with_members_.push_back({refs, {with_word_ >= 0 ? with_word_ : item.first, item.last}});
    }
    with_word_ = -1;
  }
  if (fronted_) {
    Pending p = std::move(*fronted_);
    fronted_.reset();
    p.subjects = refs;
    // A fronted phrase with no reference of its own ("In a row stand five chairs") needs none;
    // one whose reference is implied takes the thing in focus.
    if (p.references.empty()) p.references = Implicit(p.subjects);
    Finish(std::move(p));
  }
  after_comma_ = after_and_ = after_verb_ = false;
  clause_start_ = false;
}

}  // namespace reader_detail
}  // namespace scenecraft
