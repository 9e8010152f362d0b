// The reader's owners (thirteenth round): whose part a definite or possessed part is, what a
// thing's own mount is, and which thing a side or an end with no owner belongs to.
#include <algorithm>

#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/defaults_detail.h"
#include "scenecraft/lang/noun_kind.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft::reader_detail {

namespace {

// The noun WordNet knows for a category: the category, else its head ("brass tripod").
std::string KnownNoun(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  return wordnet.IsNoun(category) ? category : defaults_detail::Head(category);
}
}  // namespace

Group Reader::PartOwner(const std::string& part, const Group& exclude) const {
  WordNet& wordnet = WordNet::Get();
  for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
    const Entity& entity = out_.entities[*e];
    const bool excluded = std::any_of(exclude.begin(), exclude.end(),
                                      [&](const EntityRef& r) { return r.entity == *e; });
    if (excluded || entity.kind != NounKind::kObject || entity.category == part ||
        NamesPerson(entity.category)) {
      continue;
    }
    // (Only a thing the text placed, related or gave a "with" list: a noun named alone, or by a
    // phrase that opened its clause, may yet be the place: "On the balcony: ..., a planter on
    // the railing".)
    const auto names = [&](const Group& g) {
      return std::any_of(g.begin(), g.end(), [&](const EntityRef& r) { return r.entity == *e; });
    };
    const bool related =
        std::find(with_hosts_.begin(), with_hosts_.end(), *e) != with_hosts_.end() ||
        std::any_of(out_.statements.begin(), out_.statements.end(), [&](const Statement& st) {
          return names(st.subjects) || (!st.fronted && names(st.references));
        });
    if (!related) continue;
    if (wordnet.IsPartOf(part, KnownNoun(entity.category))) return {{*e, -1}};
  }
  return {};
}

Group Reader::Centrepiece(const Group& subjects) const {
  // The thing this sentence put in the middle of the room or the scene.
  for (auto st = out_.statements.rbegin(); st != out_.statements.rend(); ++st) {
    if (st->subjects.size() != 1 || st->subjects[0].member >= 0) continue;
    const int e = st->subjects[0].entity;
    if (e < static_cast<int>(sentence_first_entity_) || !IsObject(e) ||
        std::any_of(subjects.begin(), subjects.end(),
                    [&](const EntityRef& r) { return r.entity == e; })) {
      continue;
    }
    const bool middle_ref =
        st->references.size() == 1 &&
        (out_.entities[st->references[0].entity].room_part == RoomPart::kMiddle ||
         out_.entities[st->references[0].entity].room_part == RoomPart::kRoom ||
         !IsObject(st->references[0].entity));
    const bool centre = ((st->meaning == Meaning::kCenter || st->meaning == Meaning::kMiddleOf) &&
                         (st->references.empty() || middle_ref)) ||
                        ((st->meaning == Meaning::kIn || st->meaning == Meaning::kAt) &&
                         st->references.size() == 1 &&
                         out_.entities[st->references[0].entity].room_part == RoomPart::kMiddle);
    if (centre) return st->subjects;
  }
  return {};
}

bool Reader::MountedSubject(Meaning meaning) const {
  if (!last_is_reference_ || reference_meaning_ != Meaning::kOn || reference_subject_.size() != 1 ||
      last_group_.size() != 1 || !IsObject(reference_subject_[0].entity) ||
      !IsObject(last_group_[0].entity)) {
    return false;
  }
  // (Only the subject's own, "its": "a telescope on a tripod next to the door" is read both
  // ways, and writers mostly mean the tripod.)
  const int mount = last_group_[0].entity;
  if (std::find(own_mounts_.begin(), own_mounts_.end(), mount) == own_mounts_.end()) return false;
  // A wall, a corner or the floor is the mount's to touch ("a television on a stand against the
  // wall"); a landmark, a side or the middle places the thing it carries.
  const bool next_noun = index_ + 1 < items_.size() && items_[index_ + 1].kind == ItemKind::kNoun;
  const RoomPart part = next_noun ? items_[index_ + 1].np.room_part : RoomPart::kNone;
  if (part == RoomPart::kWall || part == RoomPart::kCorner || part == RoomPart::kFloor)
    return false;
  using M = Meaning;
  return (Beside(meaning) && meaning != M::kAgainst && meaning != M::kAlong &&
          meaning != M::kHolding && meaning != M::kLadenWith) ||
         meaning == M::kFacing || meaning == M::kFacingAway || meaning == M::kCenter ||
         meaning == M::kMiddleOf || part == RoomPart::kMiddle;
}

}  // namespace scenecraft::reader_detail
