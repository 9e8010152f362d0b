// The reader's revisions of places and parts (reader_state.h): a part named after "of" is a place
// on its owner, and after reading, place nouns the text treats as things become things.
#include <algorithm>

#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft::reader_detail {

bool Reader::OwnerOfPart(const NounPhrase& np, const Item& item, const Group& target,
                         NounKind kind) {
  if (target.size() != 1 || target[0].member >= 0 || !np.pronoun.empty() || np.plural ||
      (kind != NounKind::kObject && kind != NounKind::kBuilding) || out_.statements.empty()) {
    return false;
  }
  Statement& last = out_.statements.back();
  const Entity& part = out_.entities[target[0].entity];
  // Only a part the statement just named for the first time ("on the roof"), not a thing of its
  // own that was there before.
  if (!(last.references == target) || part.count != 1 || part.kind != NounKind::kObject ||
      part.first < last.first || !part.attributes.empty()) {
    return false;
  }
  const size_t space = part.category.rfind(' ');
  const std::string head =
      space == std::string::npos ? part.category : part.category.substr(space + 1);
  const auto position = PositionalMeaning(head);
  if (!position && !WordNet::Get().IsPart(head)) return false;
  // (Resolve may add an entity: `part` is not used after it.)
  const Group owner = Resolve(np, item, /*as_reference=*/true, last.subjects);
  if (owner.empty() || owner == target) return false;
  const Meaning m = last.meaning;
  if (position && (m == Meaning::kAt || m == Meaning::kOn || m == Meaning::kIn ||
                   m == Meaning::kNear || m == Meaning::kFrom || m == Meaning::kAgainst)) {
    last.meaning = *position;
  }
  last.references = owner;
  last.last = item.last;
  out_.entities[target[0].entity].kind = NounKind::kFrame;  // a place on the owner, not a thing
  Account(item.first, item.last);
  Mention(owner);
  last_group_ = owner;
  last_is_reference_ = true;
  return true;
}

void Reader::ReviseKinds() {
  const size_t n = out_.entities.size();
  auto is_place = [&](size_t e) {
    const NounKind k = out_.entities[e].kind;
    return k == NounKind::kIndoorPlace || k == NounKind::kOutdoorPlace;
  };
  // How the statements use each entity: placed itself, or a reference things are placed by (in or
  // at it: "in the garage", "at the market"; or around, beside, far from it: "far from the fire
  // pit").
  std::vector<bool> placed(n, false), landmark(n, false), container(n, false), subject(n, false),
      encircled(n, false);
  for (const Statement& st : out_.statements) {
    // Placed relative to another thing; a unary placement ("in the middle") may be misread.
    for (const EntityRef& r : st.subjects) {
      subject[r.entity] = true;
      if (!st.references.empty()) placed[r.entity] = true;
    }
    const bool containment = st.meaning == Meaning::kIn || st.meaning == Meaning::kAt ||
                             st.meaning == Meaning::kMiddleOf;
    for (const EntityRef& r : st.references) {
      (containment ? container : landmark)[r.entity] = true;
      if (st.meaning == Meaning::kAround) encircled[r.entity] = true;
      if (containment && st.fronted && out_.entities[r.entity].kind == NounKind::kBuilding &&
          !subject[r.entity]) {
        // "In the garage, a bicycle ...": the description is set inside the building.
        out_.entities[r.entity].kind = NounKind::kIndoorPlace;
      }
    }
  }
  // A place noun that also names a made thing or a plant is that thing when the text counts it
  // ("five lockers"), places it ("a hammock far from the grill") or places things by it other
  // than in or at it ("chairs surrounding a fire pit"). Natural features stay places ("a bench
  // facing the lake").
  // A building that only "with" relates to things ("a greenhouse with two potting benches ...")
  // holds them: it is the setting, seen from inside; "a barn with a tractor beside it" stays.
  for (size_t e = 0; e < n; ++e) {
    if (out_.entities[e].kind != NounKind::kBuilding || out_.entities[e].count != 1) continue;
    bool with_only = std::find(with_hosts_.begin(), with_hosts_.end(), static_cast<int>(e)) !=
                     with_hosts_.end(),
         other = false;
    for (const Statement& st : out_.statements) {
      const auto has = [&](const std::vector<EntityRef>& g) {
        return std::any_of(g.begin(), g.end(),
                           [&](const EntityRef& r) { return r.entity == static_cast<int>(e); });
      };
      if (has(st.subjects)) other = true;
      if (has(st.references)) (st.from_with ? with_only : other) = true;
    }
    if (!with_only || other) continue;
    out_.entities[e].kind = NounKind::kIndoorPlace;
    out_.statements.erase(std::remove_if(out_.statements.begin(), out_.statements.end(),
                                         [&](const Statement& st) {
                                           return st.from_with && st.references.size() == 1 &&
                                                  st.references[0].entity == static_cast<int>(e);
                                         }),
                          out_.statements.end());
  }
  bool outdoor_thing = false;  // an outdoor place became a thing: the scene is still outdoors
  for (size_t e = 0; e < n; ++e) {
    Entity& entity = out_.entities[e];
    if (!is_place(e) || !(entity.count >= 2 || placed[e] || landmark[e])) continue;
    const bool outdoor = entity.kind == NounKind::kOutdoorPlace;
    if (HasMadeSense(entity.category)) entity.kind = NounKind::kObject;
    // What a few things stand around is small enough to be a thing, natural or not ("chairs
    // surrounding a fire pit").
    if (encircled[e] && HasObjectSense(entity.category)) entity.kind = NounKind::kObject;
    outdoor_thing = outdoor_thing || (outdoor && entity.kind == NounKind::kObject);
  }
  // The setting is the first place left (an indoor one before an outdoor one).
  out_.setting.clear();
  out_.setting_kind = NounKind::kObject;
  for (size_t e = 0; e < n; ++e) {
    if (!is_place(e)) continue;
    const NounKind kind = out_.entities[e].kind;
    if (out_.setting.empty() ||
        (out_.setting_kind != NounKind::kIndoorPlace && kind == NounKind::kIndoorPlace)) {
      out_.setting = out_.entities[e].category;
      out_.setting_kind = kind;
    }
  }
  if (out_.setting.empty() && outdoor_thing) out_.setting_kind = NounKind::kOutdoorPlace;
}

}  // namespace scenecraft::reader_detail
