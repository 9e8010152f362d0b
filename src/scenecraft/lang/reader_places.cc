// The reader's revisions of places and parts (reader_state.h): a part named after "of" is a place
// on its owner, and after reading, place nouns the text treats as things become things.
#include <algorithm>

#include "scenecraft/assets/standin.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft::reader_detail {
namespace {

// What a scene can be set in, by WordNet: a building, or a made structure one stands in (in its
// two most frequent senses, an area such as a room or an enclosure, a shelter, an establishment
// or a workplace; with
// `any_structure` any structure, for a place the text names as the scene: "On the balcony: ...").
// A thing of that kind too small to stand in (a cage, an aquarium: its stand-in's size prior) is
// none. The second value: whether it is seen from inside (a building, a room, a shelter, an
// establishment, a workplace).
std::optional<bool> SceneSense(const std::string& category, bool any_structure,
                               bool vehicle = false) {
  if (ClassifyNoun(category) == NounKind::kBuilding) return true;
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return std::nullopt;
  const size_t space = category.rfind(' ');
  const std::string head = space == std::string::npos ? category : category.substr(space + 1);
  const std::vector<std::vector<std::string>> senses = wordnet.SenseAncestors(head);
  std::optional<bool> found;
  for (size_t k = 0; k < senses.size() && k < 2 && !found; ++k) {
    const auto has = [&](const char* w) {
      return std::find(senses[k].begin(), senses[k].end(), w) != senses[k].end();
    };
    if (has("building") || has("room") || has("shelter") || has("establishment") ||
        has("workplace") || (vehicle && has("conveyance"))) {
      found = true;
    } else if (has("area") || (any_structure && has("structure"))) {
      found = false;
    }
  }
  if (!found) return std::nullopt;
  const std::optional<StandIn> standin = ChooseStandIn(category, "", [&](std::string_view noun) {
    return wordnet.SenseAncestors(std::string(noun));
  });
  if (standin && std::max(standin->typical_m.x, standin->typical_m.y) < 1.0) return std::nullopt;
  return found;
}

}  // namespace

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
  // A building or an enclosure the text only puts things in or at ("a stool beside the cow in
  // the barn", "two ponies in the corral"), or names as the scene before a colon and the list of
  // what it holds ("A scene of a boathouse: ...", "On the veranda: ..."), is where the scene is:
  // its inside (a building, a room, a shelter) or its open ground (an enclosure, a porch). A
  // vehicle the scene is named by or opened in is its inside ("Inside the minibus, ...").
  for (size_t e = 0; e < n; ++e) {
    Entity& entity = out_.entities[e];
    if (entity.count != 1 ||
        (entity.kind != NounKind::kObject && entity.kind != NounKind::kBuilding))
      continue;
    const bool only_in = container[e] && !subject[e] && !placed[e] && !landmark[e];
    bool named = false;
    // (Words of the request's frame may come between: "a home office please: ...".)
    int next = entity.last + 1;
    while (entity.last >= 0 && next < static_cast<int>(words_.size()) &&
           words_[next].word_class == WordClass::kFunction) {
      ++next;
    }
    if (entity.last >= 0 && next < static_cast<int>(words_.size()) && words_[next].text == ":") {
      // The scene's name: the first thing the text names, or the place a phrase opening the
      // text puts things in or on.
      named = e == 0;
      for (const Statement& st : out_.statements) {
        for (const EntityRef& r : st.references)
          named = named || (st.fronted && r.entity == static_cast<int>(e));
      }
    }
    // A phrase opening the first sentence that puts things in it ("Inside the minibus, ...") sets
    // the scene in it, a vehicle too.
    bool opened_in = false;
    for (const Statement& st : out_.statements) {
      const bool in = st.meaning == Meaning::kIn || st.meaning == Meaning::kAt;
      for (const EntityRef& r : st.references) {
        opened_in = opened_in ||
                    (st.fronted && in && r.entity == static_cast<int>(e) && !subject[e] && e == 0);
      }
    }
    if (!only_in && !named && !opened_in) continue;
    const std::optional<bool> inside =
        SceneSense(entity.category, named || opened_in, /*vehicle=*/named || opened_in);
    if (!inside) continue;
    entity.kind = *inside ? NounKind::kIndoorPlace : NounKind::kOutdoorPlace;
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
