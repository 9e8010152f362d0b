// Attachment of spatial phrases that need more than the phrase: phrases about a group itself,
// verbs that place their subject, lists inside "with", hanging things (split from reader.cc).
#include <algorithm>

#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/noun_kind.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft::reader_detail {

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

// Phrases read before they are stated: "at the end of" by what the reference is, and a support
// after a container.
void Reader::AdjustPhrase(Pending* p) {
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
    // (An end of the room is a wall: "a gong at one end of the room".)
    const bool place = p->references.size() == 1 && !IsObject(p->references[0].entity);
    p->meaning = bed ? Meaning::kAtFoot : place ? Meaning::kAgainst : Meaning::kNear;
  }
  // "flowers in a vase, centred on the table": what stands inside a container is carried by
  // it, so a support named next is the container's.
  if ((p->meaning == Meaning::kOn || p->meaning == Meaning::kMiddleOf) &&
      p->references.size() == 1 && IsObject(p->references[0].entity)) {
    for (const Statement& st : out_.statements) {
      if (st.meaning == Meaning::kIn && st.subjects == p->subjects && st.references.size() == 1 &&
          IsObject(st.references[0].entity) && st.references != p->references) {
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
  if (part.room_part != RoomPart::kWall && part.room_part != RoomPart::kFloor) return;
  verb_object_of_ = subject;
  if (part.room_part != RoomPart::kWall) return;
  Pending p;
  p.meaning = Meaning::kAgainst;
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
  hang_subject_.clear();
  Pending wall;
  wall.meaning = M::kOnWall;
  wall.subjects = p.subjects;
  wall.first = p.first;
  wall.last = p.last;
  Finish(std::move(wall));
}

// The members of a "with" list that "and" or a comma joined before any phrase placed them.
void Reader::JoinWithMember(const Item& item) {
  if (!in_with_ || with_current_.empty() || !item.np.pronoun.empty() || last_is_reference_ ||
      with_current_ != last_group_) {
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
