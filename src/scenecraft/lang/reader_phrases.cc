// Attachment of spatial phrases that need more than the phrase: phrases about a group itself,
// verbs that place their subject, lists inside "with", hanging things (split from reader.cc).
#include <algorithm>

#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/noun_kind.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/scene_sense.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft::reader_detail {

// Whether a verb (a base form, or a phrasal verb "take up") fills, covers or takes up what
// follows: the synsets "fill, fill up, make full", "cover, spread over" and "occupy, fill" (take
// up the whole of) and the verbs below them ("stuff", "clutter", "carpet", "drape", "crowd",
// "take up").
bool FillsOrCovers(const std::string& verb) {
  WordNet& wordnet = WordNet::Get();
  return verb == "fill" || verb == "cover" || verb == "occupy" ||
         wordnet.VerbKindOf(verb, {"fill_up", "spread_over", "occupy"});
}

// The verb of a verb item as WordNet knows it: the base form, with the particle the chunker
// joined to it ("takes up" -> "take up").
std::string Reader::VerbOf(const Item& item) const {
  std::string verb = WordNet::Get().VerbBase(words_[item.first].text);
  if (verb.empty()) return verb;
  for (int k = item.first + 1; k <= item.last; ++k) verb += " " + words_[k].text;
  return verb;
}

// Phrases that relate a group within itself or say two things at once; true when the phrase
// was read here.
bool Reader::FinishGroupPhrase(const Pending& p) {
  using M = Meaning;
  if (p.subjects.empty()) return false;
  if (p.meaning == M::kAcrossEachOther || p.meaning == M::kFarApart ||
      p.meaning == M::kParallelEachOther) {
    // "two recliners opposite each other", "goats far apart", "two benches in parallel": each
    // member with the one before it (parallel: with the first).
    const Group members = Members(p.subjects);
    if (members.size() < 2 || members.size() > 12) {
      out_.warnings.push_back({"this phrase needs several things", p.first, p.last});
      return true;
    }
    const M pair = p.meaning == M::kAcrossEachOther ? M::kAcross
                   : p.meaning == M::kFarApart      ? M::kFar
                                                    : M::kParallel;
    for (size_t k = 1; k < members.size(); ++k) {
      Pending q = p;
      q.meaning = pair;
      q.subjects = {members[k]};
      q.references = {members[pair == M::kParallel ? 0 : k - 1]};
      Finish(std::move(q));
    }
    return true;
  }
  if (p.meaning == M::kFacingEachOther) facing_pair_ = p.subjects;
  if (p.meaning == M::kAcross && p.subjects == facing_pair_ && p.references.size() == 1 &&
      Members(p.subjects).size() == 2) {
    // "two armchairs facing each other across a coffee table": the table is between them, and
    // they are across from each other (RELATIONS.md's across: facing, apart).
    const Group pair = Members(p.subjects);
    Pending between = p;
    between.meaning = M::kBetween;
    between.subjects = p.references;
    between.references = pair;
    Finish(std::move(between));
    Pending across = p;
    across.subjects = {pair[1]};
    across.references = {pair[0]};
    Finish(std::move(across));
    return true;
  }
  if (p.meaning == M::kHangingFrom) {
    // "a lantern hanging from a beam": from the ceiling, or from a thing up there (a beam, a
    // ceiling hook), it hangs; from anything else ("from a hook on the door") it is only beside
    // what holds it.
    Pending q = p;
    q.meaning = M::kFrom;
    if (!p.references.empty()) {
      const Entity& ref = out_.entities[p.references[0].entity];
      if (ref.room_part == RoomPart::kNone && IsObject(p.references[0].entity) &&
          HangsOverhead(ref.category)) {
        Pending hang = p;
        hang.meaning = M::kHanging;
        hang.references.clear();
        Finish(std::move(hang));
      }
    }
    Finish(std::move(q));
    return true;
  }
  if (p.meaning == M::kHolding || p.meaning == M::kLadenWith) {
    // "a cabinet full of trophies": the things are in the holder, or on it when it holds things
    // up ("a bookcase full of books"). "a cart piled with boxes", "a desk covered in maps": on
    // it, or in it when it is a container ("a bin loaded with tools").
    if (p.references.empty()) return false;
    Pending q = p;
    q.subjects = p.references;
    q.references = p.subjects;
    const Holder holder = p.subjects.size() == 1
                              ? HolderOf(out_.entities[p.subjects[0].entity].category)
                              : Holder::kNone;
    if (p.meaning == M::kHolding) {
      q.meaning = holder == Holder::kSupport ? M::kOn : M::kIn;
    } else {
      q.meaning = holder == Holder::kContainer ? M::kIn : M::kOn;
    }
    Finish(std::move(q));
    holding_ = p.subjects;  // "..., which stands against the wall" is about the holder
    return true;
  }
  if (p.meaning == M::kHangingAbove) {
    // "a fan hanging above the bed": it hangs, above the thing; what hangs above a thing that
    // holds nothing up hangs on the wall there ("a quilt hanging above the headboard",
    // HangOnTheWall), unless it is a device or a light, made to hang from the ceiling (WordNet),
    // and not a thing made for walls (its catalog entry or stand-in: a clock, a mirror).
    // Over the middle of the room (or over the room itself) no wall is near: it hangs there.
    if (OverTheMiddle(p.references)) {
      Pending hang = p;
      hang.meaning = M::kHanging;
      hang.references.clear();
      Finish(std::move(hang));
      Pending centre = p;
      centre.meaning = M::kCenter;
      centre.references.clear();
      Finish(std::move(centre));
      return true;
    }
    bool device = false;
    bool wall_thing = false;
    for (const EntityRef& r : p.subjects) {
      const std::string& c = out_.entities[r.entity].category;
      wall_thing = wall_thing || ExpectedSupport(c) == Support::kWall;
      const std::vector<std::string> up = WordNet::Get().Hypernyms(c, 8, 2);
      device = device || std::find(up.begin(), up.end(), "device") != up.end() ||
               std::find(up.begin(), up.end(), "source of illumination") != up.end();
    }
    if (wall_thing || !device) hang_subject_ = p.subjects;
    Pending above = p;
    above.meaning = M::kAbove;
    Finish(std::move(above));
    if ((wall_thing || !device) && hang_subject_.empty()) return true;  // on the wall
    hang_subject_.clear();
    Pending hang = p;
    hang.meaning = M::kHanging;
    hang.references.clear();
    Finish(std::move(hang));
    return true;
  }
  // (The phrase is "across" or "laid / draped ... across".)
  const bool across =
      (words_[p.first].text == "across" && p.first < p.last && words_[p.first + 1].text != "from" &&
       words_[p.first + 1].text != "to") ||
      (p.meaning == M::kOn && p.first < p.last && words_[p.first + 1].text == "across");
  if ((p.meaning == M::kAcross || p.meaning == M::kOn) && across &&
      Members(p.subjects).size() == 1 && Members(p.references).size() == 2 &&
      std::all_of(p.references.begin(), p.references.end(),
                  [&](const EntityRef& r) { return IsObject(r.entity); })) {
    // "a plank across two sawhorses", "a board laid across two crates": it rests on both.
    for (const EntityRef& r : Members(p.references)) {
      Pending on = p;
      on.meaning = M::kOn;
      on.references = {r};
      Finish(std::move(on));
    }
    return true;
  }
  // "six stools line the counter", "lockers lining the corridor": the verb "line" says a row
  // as well as where it stands (the phrase goes on as "along"); not along several ("shelves line
  // both walls").
  const std::string& verb = words_[p.first].text;
  const bool one_line = p.references.size() == 1 &&
                        out_.entities[p.references[0].entity].count <= 1 && p.first + 1 <= p.last &&
                        words_[p.first + 1].text != "both" && words_[p.first + 1].text != "all";
  if (p.meaning == M::kAlong && (verb == "line" || verb == "lines" || verb == "lining") &&
      one_line && Members(p.subjects).size() >= 2) {
    Pending row = p;
    row.meaning = M::kRow;
    row.references.clear();
    Finish(std::move(row));
    return false;
  }
  if ((p.meaning == M::kAlongLongSide || p.meaning == M::kAlongShortSide) &&
      Members(p.subjects).size() >= 2) {
    // "four chairs along the long side of the table": beside it, and in a row ("along one side
    // of the room": against its wall).
    Pending row = p;
    row.meaning = M::kRow;
    row.references.clear();
    Pending q = p;
    const bool place = p.references.size() == 1 && !IsObject(p.references[0].entity);
    q.meaning = place ? M::kAgainst : M::kNear;
    Finish(std::move(q));
    Finish(std::move(row));
    return true;
  }
  return false;
}

// Phrases read before they are stated: "at the end of" by what the reference is, a support
// after a container, and a place in the room said after a "with" member.
void Reader::AdjustPhrase(Pending* p) {
  WithMemberInTheRoom(p);
  // "at the end of the bed" is its foot; "at the end of the counter" is beside it.
  if (p->meaning == Meaning::kAtEnd) {
    bool bed = false;
    if (p->references.size() == 1) {
      // A bed by one of its three most frequent senses ("cot": a fingerstall, a crib, a camp bed).
      const std::string& c = out_.entities[p->references[0].entity].category;
      WordNet& wordnet = WordNet::Get();
      const std::string noun = wordnet.IsNoun(c) ? c : c.substr(c.rfind(' ') + 1);
      const std::vector<std::string> up = wordnet.Hypernyms(noun, 8, 3);
      bed = IsKindOf(c, "bed") || std::find(up.begin(), up.end(), "bed") != up.end();
    }
    // "at the end of the row": a row of beds has no foot; it is beside the row's last one.
    for (int k = p->first; k <= p->last && bed; ++k) {
      const QuantityNoun* q = FindQuantityNoun(words_[k].lemma);
      if (q != nullptr && q->arrangement == "row") bed = false;
    }
    // (An end of the room is a wall: "a gong at one end of the room".)
    const bool place = p->references.size() == 1 && !IsObject(p->references[0].entity);
    p->meaning = bed ? Meaning::kAtFoot : place ? Meaning::kAgainst : Meaning::kNear;
  }
  // "a bicycle chained to a lamp post", "a scooter tied to a pole": what a verb fastens "to" a
  // thin upright thing (its expected height over 1.5 times its width and depth), and that stands
  // on the floor itself, is beside it ("a lamp clamped to the desk", "a kayak strapped to the
  // trailer" stay on it).
  if (p->meaning == Meaning::kOn && words_[p->first].text == "to" && p->references.size() == 1 &&
      out_.entities[p->references[0].entity].kind == NounKind::kObject && !p->subjects.empty()) {
    Object post;
    post.category = out_.entities[p->references[0].entity].category;
    const Vec3 size = ExpectedSize(post);
    const bool upright = size.z > 1.5 * std::max(size.x, size.y);
    const bool standing = std::all_of(
        p->subjects.begin(), p->subjects.end(),
        [&](const EntityRef& s) { return FloorStanding(out_.entities[s.entity].category); });
    if (upright && standing) p->meaning = Meaning::kNear;
  }
  // "flowers in a vase, centred on the table": what stands inside a container is carried by
  // it, so a support named next is the container's. A building is carried by nothing: "In the
  // garage, a toolbox on a shelf" puts the toolbox on the shelf.
  if ((p->meaning == Meaning::kOn || p->meaning == Meaning::kMiddleOf) &&
      p->references.size() == 1 && IsObject(p->references[0].entity)) {
    for (const Statement& st : out_.statements) {
      if (st.meaning == Meaning::kIn && st.subjects == p->subjects && st.references.size() == 1 &&
          IsObject(st.references[0].entity) &&
          out_.entities[st.references[0].entity].kind == NounKind::kObject &&
          st.references != p->references) {
        p->subjects = st.references;
        break;
      }
    }
  }
}
// A verb whose object is a part of the room places its subject there: "a bookshelf fills the
// wall", "a trellis lines the back wall" (against it); "a rug covers the floor" says no more than
// the floor. A phrase after that object is the subject's ("... the floor in front of the desk").
void Reader::VerbTakesRoomPart(const Group& subject, const Item& item) {
  if (subject.size() != 1 || !IsObject(subject[0].entity) || last_group_.size() != 1 ||
      !item.np.pronoun.empty() ||
      std::find(subject.begin(), subject.end(), last_group_[0]) != subject.end()) {
    return;
  }
  const Entity& part = out_.entities[last_group_[0].entity];
  const std::string verb = index_ > 0 && items_[index_ - 1].kind == ItemKind::kVerb
                               ? VerbOf(items_[index_ - 1])
                               : std::string();
  const bool takes_up = !verb.empty() && FillsOrCovers(verb);
  // "a billiard table occupies the middle", "a loom takes up the centre of the room": a verb of
  // taking up space puts its subject there.
  // (So does one of filling a corner: "a potted fern fills the corner".)
  if ((part.room_part == RoomPart::kMiddle || part.room_part == RoomPart::kCorner) && takes_up) {
    Pending p;
    p.meaning = Meaning::kAt;
    p.subjects = subject;
    p.references = last_group_;
    p.first = item.first;
    p.last = item.last;
    verb_object_of_ = subject;
    Finish(std::move(p));
    return;
  }
  if (part.room_part != RoomPart::kWall && part.room_part != RoomPart::kFloor) return;
  verb_object_of_ = subject;
  if (part.room_part != RoomPart::kWall) return;
  Pending p;
  p.meaning = Meaning::kAgainst;
  // What covers a wall and is no thing that stands on the floor (its catalog entry or stand-in)
  // is on it: "a mirror covering the front wall", "a map covering ..."; "wine racks covering the
  // back wall" stand against it.
  if (takes_up && !FloorStanding(out_.entities[subject[0].entity].category)) {
    p.meaning = Meaning::kOn;
  }
  p.subjects = subject;
  p.references = last_group_;
  p.first = item.first;
  p.last = item.last;
  Finish(std::move(p));
}

// "Two sconces hang on either side of the mirror", "a quilt hangs above the headboard": what
// hangs beside or above a thing that holds nothing up hangs on the wall. Not from or on a holder
// ("hangs from a beam", "hangs on a hook", "hangs beside the stand": supports and containers),
// not between two things (they hold it), and not over a table or a counter (a pendant lamp).
void Reader::HangOnTheWall(const Pending& p) {
  using M = Meaning;
  if (hang_subject_.empty() || p.subjects != hang_subject_ || p.references.empty()) return;
  const M m = p.meaning;
  // (Between two things, they hold it: "string lights hanging between two poles".)
  if (m != M::kNear && m != M::kLeftOf && m != M::kRightOf && m != M::kFlanking &&
      m != M::kEachSide && m != M::kAbove) {
    return;
  }
  // Over the middle of the room it hangs from the ceiling: "a banner hangs over the middle of the
  // hall".
  // The phrase's subjects and span with another meaning.
  auto finish_as = [&](M meaning) {
    hang_subject_.clear();
    Pending q;
    q.meaning = meaning;
    q.subjects = p.subjects;
    q.first = p.first;
    q.last = p.last;
    Finish(std::move(q));
  };
  if (m == M::kAbove && OverTheMiddle(p.references)) {
    finish_as(M::kHanging);
    return;
  }
  for (const EntityRef& r : p.references) {
    const Entity& ref = out_.entities[r.entity];
    if (ref.room_part == RoomPart::kCeiling || ref.room_part == RoomPart::kWall) return;
    // A support or a container holds what hangs by it ("a bridle hung on the stand's left").
    if (IsObject(r.entity) &&
        (HangsOverhead(ref.category) || HolderOf(ref.category) != Holder::kNone)) {
      return;
    }
    // Over a table or a counter it hangs from the ceiling (a pendant lamp, a lantern).
    if (m == M::kAbove && (IsKindOf(ref.category, "table") || IsKindOf(ref.category, "counter")))
      return;
  }
  for (const EntityRef& s : p.subjects) {
    if (!IsObject(s.entity) || HangsOverhead(out_.entities[s.entity].category)) return;
  }
  finish_as(M::kOnWall);
}

// "lying on their sides", "rests on its back": how the thing lies; "a stool on wheels", "a sofa
// on thin legs": parts it has (WordNet's meronymy). Neither is a support: the words describe the
// subject of the waiting "on" phrase, which is dropped. True when the noun phrase was read so.
bool Reader::PostureOrPart(const Item& item) {
  const NounPhrase& np = item.np;
  if (!pending_ || pending_->meaning != Meaning::kOn || !pending_->references.empty() ||
      pending_->subjects.size() != 1 || !np.pronoun.empty() || np.head < 0 || in_with_ ||
      !IsObject(pending_->subjects[0].entity)) {
    return false;
  }
  const EntityRef subject = pending_->subjects[0];
  Entity& thing = out_.entities[subject.entity];
  const bool several = subject.member < 0 && thing.count >= 2;
  const std::string& det = words_[item.first].text;
  const std::string& head = words_[np.head].lemma;
  // A position on the thing itself, named by the possessive that agrees with it (the closed
  // class of positional nouns).
  const bool posture = ((det == "its" && !several) || (det == "their" && several)) &&
                       (head == "side" || head == "back" || head == "front" || head == "end" ||
                        head == "head" || head == "top");
  // Bare plural parts ("on wheels", "on four legs"): a part of the thing by WordNet, or of
  // anything when the thing is a single one.
  bool part = false;
  if (!posture && np.plural && !np.definite && np.room_part == RoomPart::kNone &&
      (np.count < 0 || !np.determined || words_[item.first].number.has_value())) {
    WordNet& wordnet = WordNet::Get();
    part = wordnet.IsPartOf(head, thing.category) || (!several && wordnet.IsPart(head, 1));
  }
  if (!posture && !part) return false;
  std::string words;
  for (int k = pending_->first; k <= item.last; ++k) {
    words += (words.empty() ? "" : " ") + words_[k].text;
  }
  thing.attributes.push_back(words);
  Account(pending_->first, item.last);
  pending_.reset();
  return true;
}

// "under the left side of the desk", "beneath the far end of the bench", "to the edge of the
// table": a side, end or edge of a thing, named before "of" and its owner, is a place on the
// owner. The waiting phrase keeps its meaning (under, above, on) or takes the position's ("at the
// end of": `AdjustPhrase`); its reference is the noun after "of". True when the noun phrase was
// read so.
bool Reader::PositionBeforeOf(const Item& item) {
  const NounPhrase& np = item.np;
  if (!pending_ || !pending_->references.empty() || !np.pronoun.empty() || np.head < 0 ||
      np.plural || index_ + 2 >= items_.size() || items_[index_ + 1].kind != ItemKind::kOf ||
      items_[index_ + 2].kind != ItemKind::kNoun ||
      items_[index_ + 2].np.room_part != RoomPart::kNone) {
    return false;
  }
  const std::string& head = words_[np.head].lemma;
  // A corner of a thing ("on one corner of the rug", "of it"), not of the room or a place.
  const NounPhrase& owner = items_[index_ + 2].np;
  // (Only "on" a corner: "in the corner of the loft" is the room's; and only of a thing with a
  // known size, no ground: "on the corner of the pavement" is the street's, though the stand-in
  // table gives a pavement or a path a flat shape.)
  const bool corner = np.room_part == RoomPart::kCorner && !np.distributive &&
                      pending_->meaning == Meaning::kOn &&
                      (!owner.pronoun.empty() ||
                       (ClassifyNoun(owner.category) == NounKind::kObject &&
                        PlaceSense(owner.category) == NounKind::kObject &&
                        !BelongsOutdoors(owner.category) && !IsGroundCover(owner.category) &&
                        !IsLevelGround(owner.category) && TypicalFootprint(owner.category) > 0));
  if (np.room_part != RoomPart::kNone && !corner) return false;
  if (head != "side" && head != "end" && !corner && !PlaceOnThing(head)) return false;
  // (Only words that say which side: "the left side", "the far end", "the other end".)
  for (const std::string& a : np.attributes) {
    if (WallSide(a).empty() && a != "other") return false;
  }
  const Meaning m = pending_->meaning;
  if (head == "end" && (m == Meaning::kAt || m == Meaning::kNear))
    pending_->meaning = Meaning::kAtEnd;
  if (head == "side" && m == Meaning::kAt) pending_->meaning = Meaning::kNear;
  Account(item.first, item.last);
  position_of_ = true;
  return true;
}

// A phrase right after a "with" member that places it in the room: "a table with four chairs in
// the middle" puts the table there (the chairs stay by it); "a desk with star charts against the
// wall", "a table with a guest book by the door" the host, since the member lies on it
// (`RestsOnTop`), and so is "a desk with a laptop facing the door" (what lies on a desk turns
// with it); "a table with a vase in the middle" puts the vase on the table. A member placed
// by its host stays placed ("a bed with a lamp beside it").
void Reader::WithMemberInTheRoom(Pending* p) const {
  // (A host that is a place by a sense of its own holds its members: "a village square with a
  // fountain in the centre".)
  if (!in_with_ || with_host_.size() != 1 ||
      out_.entities[with_host_[0].entity].kind != NounKind::kObject ||
      p->subjects != with_current_ || p->references.size() != 1 || p->fronted ||
      PlaceSense(out_.entities[with_host_[0].entity].category) != NounKind::kObject) {
    return;
  }
  // Only a member "with" names directly ("a desk with a lamp and a clock ..."), not a thing of
  // the list after a comma ("a desk with a lamp, a beanbag in the corner").
  for (size_t k = with_item_ + 1; k < items_.size() && items_[k].first < p->first; ++k) {
    if (items_[k].kind != ItemKind::kNoun && items_[k].kind != ItemKind::kAnd) return;
  }
  const EntityRef& r = p->references[0];
  const Entity& ref = out_.entities[r.entity];
  const bool middle = ref.room_part == RoomPart::kMiddle ||
                      (p->meaning == Meaning::kMiddleOf && !IsObject(r.entity));
  const bool wall = ref.room_part == RoomPart::kWall || ref.room_part == RoomPart::kCorner;
  // (Beside another thing, not the host or a member: "a table with a guest book by the door".)
  const bool listed = std::any_of(with_members_.begin(), with_members_.end(), [&](const auto& w) {
    return std::find(w.first.begin(), w.first.end(), r) != w.first.end();
  });
  const Meaning m = p->meaning;
  const bool beside = (m == Meaning::kNear || m == Meaning::kAgainst || m == Meaning::kAlong ||
                       m == Meaning::kAt || m == Meaning::kInFrontOf || m == Meaning::kBehind ||
                       m == Meaning::kLeftOf || m == Meaning::kRightOf || m == Meaning::kFar ||
                       m == Meaning::kFacing || m == Meaning::kFacingAway) &&
                      r != with_host_[0] && !listed &&
                      (IsObject(r.entity) || ref.room_part == RoomPart::kDoor ||
                       ref.room_part == RoomPart::kWindow);
  if (!middle && !wall && !beside) return;
  const std::string& host = out_.entities[with_host_[0].entity].category;
  const bool on_host = std::all_of(p->subjects.begin(), p->subjects.end(), [&](const EntityRef& s) {
    const Entity& member = out_.entities[s.entity];
    // (What a container holds goes with it: "a bucket with balls by the net". Not what stands
    // on a support as big as a floor: "a pier with rods leaning on the railing".)
    const std::string description = Join(member.attributes, " ");
    return IsObject(s.entity) &&
           (RestsOnTop(member.category, description, host) ||
            CarriedBy(member.category, description, host) == Holder::kContainer);
  });
  // "two tables with chairs by the fireplace": seats go with the table or desk they are at.
  const bool seats_at_host =
      (IsKindOf(host, "table") || IsKindOf(host, "desk")) &&
      std::all_of(p->subjects.begin(), p->subjects.end(), [&](const EntityRef& s) {
        return IsObject(s.entity) && IsKindOf(out_.entities[s.entity].category, "seat");
      });
  if (seats_at_host) {
    p->subjects = with_host_;
    return;
  }
  if (middle && on_host) {
    const Entity& member = out_.entities[p->subjects[0].entity];
    p->meaning =
        CarriedBy(member.category, Join(member.attributes, " "), host) == Holder::kContainer
            ? Meaning::kIn
            : Meaning::kOn;
    p->references = with_host_;
  } else if (on_host || (middle && !beside)) {
    p->subjects = with_host_;
  }
}

// Whether a phrase's reference is the middle of the room or the place itself ("over the middle
// of the room", "over the hall").
bool Reader::OverTheMiddle(const Group& references) const {
  if (references.size() != 1) return false;
  const Entity& ref = out_.entities[references[0].entity];
  return ref.room_part == RoomPart::kMiddle || ref.room_part == RoomPart::kRoom ||
         ref.kind == NounKind::kIndoorPlace;
}

// Whether a finite verb right after the members of a "with" list is its host's: the word is
// "with" (not "has", after which the next clause may be a member's: "the desk has a lamp, a
// phone sits by it"), no comma or clause ends between it and the verb, no relative clause is
// open, and the verb agrees with the host in number ("a table with three benches stands", "two
// desks with a lamp stand"; not "a shelf with jars stand").
bool Reader::VerbOfWithHost(const std::string& verb) const {
  if (!in_with_ || with_host_.empty() || last_is_reference_ || last_group_ != with_current_ ||
      !relative_.empty() || with_item_ >= index_ ||
      words_[items_[with_item_].first].text != "with") {
    return false;
  }
  for (size_t k = with_item_ + 1; k < index_; ++k) {
    const ItemKind kind = items_[k].kind;
    if (kind != ItemKind::kNoun && kind != ItemKind::kAnd) return false;
  }
  const std::string base = WordNet::Get().VerbBase(verb);
  const bool s_form = !base.empty() && base != verb;
  const bool several = Members(with_host_).size() >= 2;
  return s_form != several;
}

// The members of a "with" list that "and" or a comma joined before any phrase placed them.
void Reader::JoinWithMember(const Item& item) {
  if (!in_with_ || with_current_.empty() || !item.np.pronoun.empty() || last_is_reference_ ||
      with_current_ != last_group_) {
    return;
  }
  // (A part of the room is no member: "with hooks covering the left wall and a mirror ...".)
  if (!std::all_of(with_current_.begin(), with_current_.end(),
                   [&](const EntityRef& r) { return IsObject(r.entity); })) {
    with_joined_.clear();
    return;
  }
  const bool joined = index_ > 0 && (items_[index_ - 1].kind == ItemKind::kAnd ||
                                     items_[index_ - 1].kind == ItemKind::kComma);
  const bool before_open =
      with_members_.size() >= 2 && with_members_[with_members_.size() - 2].second.first >= 0 &&
      !with_joined_.empty() &&
      with_members_[with_members_.size() - 2].first.back() == with_joined_.back();
  if (!joined || !before_open) with_joined_.clear();
  for (const EntityRef& r : with_current_) with_joined_.push_back(r);
}

}  // namespace scenecraft::reader_detail
