// The reader's clause machinery: a spatial phrase waiting for its reference (Pending), the
// lists it applies to, "with" members, and the end of a clause. Reader::Run (reader.cc) walks the
// items and calls these.
#include "scenecraft/lang/reader.h"

#include <algorithm>
#include <optional>

#include "scenecraft/lang/compound.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace reader_detail {

// Whether a verb form is finite: its -s form or its base ("stands", "stand"), not a participle
// ("hanging", "stacked", "hung").
bool FiniteVerb(const std::string& word) {
  const std::string base = WordNet::Get().VerbBase(word);
  if (base.empty() || base == word) return !EndsWith(word, "ing");
  // The -s form ("stands", "carries", and the irregular "has", "does").
  return EndsWith(word, "s") && !EndsWith(word, "ss");
}

namespace {

// A phrase that arranges a group in a shape (a row, a grid, a circle, a stack, a cluster).
bool IsArrangement(Meaning m) {
  return m == Meaning::kRow || m == Meaning::kGrid || m == Meaning::kCircle ||
         m == Meaning::kStack || m == Meaning::kCluster;
}

}  // namespace

// The members of a group one by one: every member of a plural entity, every thing of a
// coordination.
Group Reader::Members(const Group& g) const {
  Group out;
  for (const EntityRef& r : g) {
    const long n = r.member >= 0 ? 1 : out_.entities[r.entity].count;
    if (n <= 1) {
      out.push_back(r);
      continue;
    }
    for (int m = 0; m < n; ++m) out.push_back({r.entity, m});
  }
  return out;
}

void Reader::Finish(Pending p) {
  AdjustPhrase(&p);
  // Nothing is placed by itself: "Three sofas, and a lamp beside every sofa" places the lamp
  // (the list before it named the sofas).
  if (!p.references.empty() && p.subjects.size() >= 2) {
    Group own;
    for (const EntityRef& s : p.subjects) {
      const bool referred = std::any_of(p.references.begin(), p.references.end(),
                                        [&](const EntityRef& r) { return r.entity == s.entity; });
      if (!referred) own.push_back(s);
    }
    if (!own.empty()) p.subjects = std::move(own);
  }
  // Mark the "with" members a phrase placed (also each of several it placed together).
  for (auto& [group, span] : with_members_) {
    const bool all_in = std::all_of(group.begin(), group.end(), [&](const EntityRef& r) {
      return std::find(p.subjects.begin(), p.subjects.end(), r) != p.subjects.end();
    });
    if (group == p.subjects || (!group.empty() && all_in)) span.first = -1;
  }
  if (in_with_ && p.subjects == with_current_ && p.subjects.size() == 1 &&
      (((p.meaning == Meaning::kCenter || p.meaning == Meaning::kMiddleOf) &&
        (p.references.empty() || p.references == with_host_)) ||
       (p.references.size() == 1 &&
        out_.entities[p.references[0].entity].room_part == RoomPart::kMiddle))) {
    with_centre_ = p.subjects;
  }
  if (FinishGroupPhrase(p)) return;
  // (Also when the phrase put the members "and" joined there with it: "with a mirror and a
  // clock on it".)
  const bool current_placed =
      !with_current_.empty() &&
      std::all_of(with_current_.begin(), with_current_.end(), [&](const EntityRef& r) {
        return std::find(p.subjects.begin(), p.subjects.end(), r) != p.subjects.end();
      });
  with_member_on_host_ =
      in_with_ && !with_host_.empty() && current_placed && p.references == with_host_ &&
      (p.meaning == Meaning::kOn || p.meaning == Meaning::kIn || p.meaning == Meaning::kAround);
  HangOnTheWall(p);
  // "a nightstand on each side", "a lamp on each nightstand": one per side or per member.
  if (!p.subjects.empty() && p.subjects.size() == 1 && p.subjects[0].member < 0) {
    Entity& s = out_.entities[p.subjects[0].entity];
    const bool one = s.count == 1;
    if (one && (p.meaning == Meaning::kEachSide || p.meaning == Meaning::kFlanking)) s.count = 2;
    // ("each with" has counted its things per member already.)
    if (p.pairwise && p.references.size() == 1) {
      // "a screen between each pair of beds": one per two neighbours.
      const Entity& r = out_.entities[p.references[0].entity];
      if (r.count > 1) s.count = (one ? 1 : s.count) * (r.count - 1);
    } else if (p.distributive && p.references.size() == 1 &&
               (one || !(in_with_ && with_distributive_))) {
      const Entity& r = out_.entities[p.references[0].entity];
      // "two chairs behind each desk": that many per member.
      const long per = one ? 1 : s.count;
      if (r.count > 1) s.count = per * r.count;
      // "a fern in each corner": a room has four.
      if (r.room_part == RoomPart::kCorner && r.count <= 1) s.count = per * 4;
      // "a bookcase against each wall": and four walls (not "each side wall": two, named).
      if (r.room_part == RoomPart::kWall && r.count <= 1 && r.wall_side.empty()) {
        s.count = per * 4;
      }
    }
  }
  if (p.subjects == last_group_) last_placed_ = true;
  // Only a statement about the clause's own subject sets the pair (not "a TV on a stand" said of
  // a reference).
  const bool about_subject =
      p.subjects == clause_subject_ || (in_with_ && p.subjects == with_current_);
  if (about_subject && p.subjects.size() == 1 && p.references.size() == 1 &&
      p.subjects[0].member < 0 && p.references[0].member < 0 && IsObject(p.subjects[0].entity) &&
      IsObject(p.references[0].entity) && p.subjects[0].entity != p.references[0].entity) {
    last_pair_ = {p.subjects[0], p.references[0]};
  }
  if (with_distributive_ && in_with_ && p.references == with_host_) p.distributive = true;
  Account(p.first, p.last);
  Statement st;
  st.meaning = p.meaning;
  st.subjects = p.subjects;
  st.references = p.references;
  st.first = p.first;
  st.last = p.last;
  st.distributive = p.distributive;
  st.pairwise = p.pairwise;
  st.fronted = p.fronted;
  st.every_reference = p.every;
  out_.statements.push_back(std::move(st));
}

void Reader::CompletePending() {
  // "a runner stretches from the door to the bed": a thing from one landmark to another lies
  // between them; the second one follows "to".
  if (pending_->meaning == Meaning::kFrom && pending_->references.size() == 1 &&
      index_ + 2 < items_.size() && items_[index_ + 1].kind == ItemKind::kFunction &&
      items_[index_ + 1].first == items_[index_ + 1].last &&
      words_[items_[index_ + 1].first].text == "to" && items_[index_ + 2].kind == ItemKind::kNoun) {
    pending_->meaning = Meaning::kBetween;
    return;
  }
  Pending p = std::move(*pending_);
  pending_.reset();
  if (p.fronted) {
    fronted_ = std::move(p);
  } else {
    Finish(std::move(p));
  }
}

// A phrase that opened its clause placed the noun after it; the next members of a list it heads
// take the same place ("On the desk there are a laptop, a lamp and a stack of notebooks"), unless
// a verb or a phrase of their own follows them.
void Reader::ContinueFrontedList(const Item& item) {
  if (fronted_member_.empty()) {
    if (item.kind != ItemKind::kNoun && item.kind != ItemKind::kComma &&
        item.kind != ItemKind::kAnd) {
      fronted_list_.reset();
    }
    return;
  }
  const Group member = std::move(fronted_member_);
  fronted_member_.clear();
  // (A member's own "with" list still leaves it where the phrase put it: "On the island there's
  // a bowl, a board with a knife on it, ...".)
  if (!fronted_list_ || (item.kind != ItemKind::kComma && item.kind != ItemKind::kAnd &&
                         item.kind != ItemKind::kEnd && item.kind != ItemKind::kWith)) {
    fronted_list_.reset();
    return;
  }
  Pending p = *fronted_list_;
  p.subjects = member;
  if (std::find(p.references.begin(), p.references.end(), member[0]) == p.references.end()) {
    Finish(std::move(p));
  }
  if (item.kind == ItemKind::kEnd || item.kind == ItemKind::kWith) fronted_list_.reset();
}

// Whether a group can own a side or a part of a phrase about `p`'s subjects: one whole thing,
// no person, not one of the subjects.
bool Reader::UsableOwner(const Group& g, const Pending& p) const {
  return g.size() == 1 && g[0].member < 0 && IsObject(g[0].entity) &&
         !NamesPerson(out_.entities[g[0].entity].category) &&
         std::find(p.subjects.begin(), p.subjects.end(), g[0]) == p.subjects.end();
}

// The thing "its" names in a phrase with no noun after it ("on its right", "to its left").
Group Reader::OwnerOfIts(const Pending& p) const {
  using M = Meaning;
  auto usable = [&](const Group& g) { return UsableOwner(g, p); };
  // The other side of the same thing: "On the left of the fireplace sits a basket; on its
  // right, a poker stand".
  if (!out_.statements.empty()) {
    const Statement& before = out_.statements.back();
    auto mirror = [](M a, M b) {
      return (a == M::kLeftOf && b == M::kRightOf) || (a == M::kRightOf && b == M::kLeftOf) ||
             (a == M::kInFrontOf && b == M::kBehind) || (a == M::kBehind && b == M::kInFrontOf);
    };
    if (mirror(before.meaning, p.meaning) && usable(before.references)) return before.references;
  }
  // The thing the last "it" named, in this sentence or the one before: "A stool stands in
  // front of it. A paint table is to its right."
  if (last_it_ >= 0 && sentence_ - last_it_sentence_ <= 1 && usable({{last_it_, -1}})) {
    return {{last_it_, -1}};
  }
  if (Group before = WithMemberBefore(p); !before.empty()) return before;
  return ParallelOwner(p.subjects);
}

// In a list of things a place has, the member before: "A lecture hall with a screen on the
// front wall, a podium to its right"; empty when there is none.
Group Reader::WithMemberBefore(const Pending& p) const {
  const bool place_host =
      with_host_.empty() || out_.entities[with_host_[0].entity].kind != NounKind::kObject;
  if (!in_with_ || !place_host || with_members_.size() < 2 ||
      with_members_.back().first != p.subjects) {
    return {};
  }
  const Group& before = with_members_[with_members_.size() - 2].first;
  return UsableOwner(before, p) ? before : Group{};
}

// A phrase with no noun after it takes the implicit reference.
void Reader::FlushPending() {
  if (!pending_) return;
  Pending p = std::move(*pending_);
  pending_.reset();
  const bool needs_reference = p.references.empty();
  // "to its right": the owner "its" names, the parallel member before if there is one.
  bool its = false;
  for (int k = p.first; k <= p.last; ++k) its = its || words_[k].text == "its";
  if (needs_reference && its) p.references = OwnerOfIts(p);
  // A side with no owner in a list of what a place has ("a study with a desk in the middle and
  // a globe on the left") is a side of the member before, as "to its left" would be.
  const bool side = p.meaning == Meaning::kLeftOf || p.meaning == Meaning::kRightOf;
  if (needs_reference && !its && side) p.references = WithMemberBefore(p);
  // "a loom in the middle, a spinning wheel on the left", "a fountain in the middle, a bench to
  // one side": a side with no owner is a side of the thing the sentence put in the middle.
  const bool one_side = p.meaning == Meaning::kNear && words_[p.last].text == "side";
  if (needs_reference && !its && (side || one_side) && p.references.empty() && !p.fronted &&
      (!in_with_ || with_host_.empty())) {
    p.references = Centrepiece(p.subjects);
  }
  // (A side opening the sentence with no owner, "On the right there is a fridge", is a side of
  // the room, which no relation names: a warning, not a side of what the sentence names next.)
  const bool room_side = side && p.fronted && !its;
  if (p.references.empty() && !room_side) p.references = Implicit(p.subjects);
  // "At its foot sits a cedar chest": the subject follows.
  if (p.subjects.empty() && p.fronted && !p.references.empty()) {
    fronted_ = std::move(p);
    return;
  }
  if (p.subjects.empty()) {
    out_.warnings.push_back({"no thing this phrase is about", p.first, p.last});
    return;
  }
  if (p.references.empty() ||
      (p.meaning == Meaning::kBetween && p.references.size() < 2 &&
       !(p.references.size() == 1 && out_.entities[p.references[0].entity].count == 2))) {
    out_.warnings.push_back({"no reference for this phrase", p.first, p.last});
    return;
  }
  Finish(std::move(p));
}

void Reader::FlushWith() {
  for (auto& [group, span] : with_members_) {
    if (span.first < 0 || with_host_.empty()) continue;
    Statement st;
    st.meaning = Meaning::kNear;
    if (with_holds_ && with_host_.size() == 1) {
      st.meaning = HolderOf(out_.entities[with_host_[0].entity].category) == Holder::kContainer
                       ? Meaning::kIn
                       : Meaning::kOn;
    } else if (with_host_.size() == 1 && group.size() == 1 && IsObject(group[0].entity)) {
      // "a counter with a cash register": a small thing with a work surface stands on it; "a
      // rack with tools" on the rack, "a bucket with sponges" in the bucket (defaults.h).
      const Entity& thing = out_.entities[group[0].entity];
      const Holder carried = CarriedBy(thing.category, Join(thing.attributes, " "),
                                       out_.entities[with_host_[0].entity].category);
      if (carried != Holder::kNone) {
        st.meaning = carried == Holder::kContainer ? Meaning::kIn : Meaning::kOn;
      }
    }
    st.subjects = group;
    st.references = with_host_;
    st.first = span.first;
    st.last = span.second;
    st.from_with = true;
    st.distributive = with_distributive_;
    out_.statements.push_back(std::move(st));
  }
  with_members_.clear();
}

void Reader::CloseClause() {
  FlushPending();
  if (!clause_subject_.empty()) subjects_.push_back(clause_subject_);
  if (fronted_) {
    out_.warnings.push_back({"no thing this phrase is about", fronted_->first, fronted_->last});
    fronted_.reset();
  }
  FlushWith();
  holder_.clear();
  with_joined_.clear();
  with_centre_.clear();
  with_member_on_host_ = false;
  in_with_ = false;
  with_distributive_ = false;
  with_host_.clear();
  relative_.clear();
  describe_.reset();
  negated_ = false;
  clause_subject_.clear();
  verb_object_of_.clear();
  hang_subject_.clear();
  parallel_subject_.clear();
  and_subject_.clear();
  holding_.clear();
  last_group_.clear();
  clause_start_ = true;
  after_comma_ = after_and_ = after_verb_ = false;
}

void Reader::OnSpatial(const Item& item) {
  FlushPending();
  holding_.clear();
  holder_.clear();
  describe_.reset();  // "rows of five facing a wall": the phrase ends what "of" began
  const SpatialPhrase& phrase = *item.phrase;
  Pending p;
  p.meaning = phrase.meaning;
  p.first = item.first;
  p.last = item.last;
  // "a long counter, behind it a stool": a phrase on a pronoun right after a comma or "and",
  // before a new thing, opens its clause; the new thing is its subject.
  const bool pronoun_then_new =
      (after_comma_ || after_and_) && phrase.takes_reference && index_ + 2 < items_.size() &&
      items_[index_ + 1].kind == ItemKind::kNoun && !items_[index_ + 1].np.pronoun.empty() &&
      items_[index_ + 2].kind == ItemKind::kNoun && items_[index_ + 2].np.pronoun.empty() &&
      !items_[index_ + 2].np.definite;
  if (clause_start_ || last_group_.empty() || (after_and_ && last_is_reference_) ||
      pronoun_then_new) {
    p.fronted = true;
  } else {
    p.subjects = PhraseSubject(item);
    // "A shelf with three jars hangs above the sink": a phrase that opens with a finite verb
    // agreeing with the host of a "with" list places the host, as a verb item does.
    const Word& first = words_[item.first];
    if (first.verb && FiniteVerb(first.text) && VerbOfWithHost(first.text)) {
      p.subjects = with_host_;
      FlushWith();
      in_with_ = false;
      with_host_.clear();
    }
  }
  // "a workbench, five paint cans in a row": an arrangement right after a member that a comma
  // (not "and") joined to a list arranges that member, when it is several things.
  const Meaning m = p.meaning;
  if (!phrase.takes_reference && p.subjects.size() >= 2 && index_ >= 2 && IsArrangement(m) &&
      items_[index_ - 1].kind == ItemKind::kNoun && items_[index_ - 1].np.pronoun.empty() &&
      items_[index_ - 2].kind == ItemKind::kComma && p.subjects.back().member < 0 &&
      out_.entities[p.subjects.back().entity].count >= 2 &&
      out_.entities[p.subjects.back().entity].first == items_[index_ - 1].first) {
    p.subjects = {p.subjects.back()};
  }
  // "two kettles on the stove side by side": an arrangement needs several things; after a
  // phrase that put a group on, in or by a single reference, it arranges that group.
  if (!phrase.takes_reference && IsArrangement(m) && last_is_reference_ &&
      p.subjects == last_group_ && Members(p.subjects).size() < 2 &&
      Members(reference_subject_).size() >= 2) {
    p.subjects = reference_subject_;
  }
  if (phrase.takes_reference) {
    pending_ = std::move(p);
  } else if (p.fronted) {
    fronted_ = std::move(p);
  } else {
    Finish(std::move(p));
  }
  after_comma_ = after_and_ = after_verb_ = false;
}

}  // namespace reader_detail
}  // namespace scenecraft
