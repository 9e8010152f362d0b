// The reader's revisions of places and parts (reader_state.h): a part named after "of" is a place
// on its owner, and after reading, place nouns the text treats as things become things.
#include <algorithm>
#include <optional>

#include "scenecraft/assets/standin.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/scene_sense.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft::reader_detail {
namespace {

// Whether a noun names a building or a structure by its most frequent sense ("museum",
// "castle", "fortress": a defensive structure, "lighthouse": a tower), or a room or a place of
// business by one of its three most frequent (PlaceSense): what a room can be in.
bool EnclosesRooms(const std::string& category) {
  const NounKind kind = ClassifyNoun(category);
  if (kind == NounKind::kBuilding || kind == NounKind::kIndoorPlace) return true;
  if (PlaceSense(category) == NounKind::kIndoorPlace) return true;
  const std::vector<std::string> up = WordNet::Get().Hypernyms(category, 8, 1);
  return std::find(up.begin(), up.end(), "structure") != up.end();
}

}  // namespace

void Reader::RoomInABuilding() {
  // "A dinosaur hall in a museum. ...", "a chapel inside a fortress, with ...": the text's first
  // noun, a room by one of its senses (or a building: a chapel), put in a building, is the room
  // the scene is in; the building around it is where it is, neither built nor the setting.
  if (out_.entities.size() < 3) return;
  Entity& room = out_.entities[0];
  if (room.count != 1 || room.kind == NounKind::kOutdoorPlace) return;
  const bool room_sense = PlaceSense(room.category) == NounKind::kIndoorPlace ||
                          room.kind == NounKind::kIndoorPlace ||
                          ClassifyNoun(room.category) == NounKind::kBuilding;
  if (!room_sense) return;
  // The spatial phrase right after the room's noun: "in", "inside", "within".
  int b = -1;
  for (size_t k = 0; k + 1 < items_.size(); ++k) {
    const Item& phrase = items_[k];
    if (phrase.kind != ItemKind::kSpatial || phrase.phrase == nullptr ||
        phrase.first != room.last + 1)
      continue;
    if (phrase.phrase->meaning != Meaning::kIn || items_[k + 1].kind != ItemKind::kNoun) return;
    for (size_t e = 1; e < out_.entities.size(); ++e) {
      if (out_.entities[e].first == items_[k + 1].first) b = static_cast<int>(e);
    }
    break;
  }
  if (b < 0) return;
  Entity& building = out_.entities[static_cast<size_t>(b)];
  if (building.count != 1 || building.category == room.category ||
      !EnclosesRooms(building.category)) {
    return;
  }
  // Nothing else is put in or by the building: it only says where the room is.
  const auto names_building = [&](const Statement& st) {
    const auto is_b = [&](const EntityRef& r) { return r.entity == b; };
    return std::any_of(st.subjects.begin(), st.subjects.end(), is_b) ||
           std::any_of(st.references.begin(), st.references.end(), is_b);
  };
  const auto room_in_building = [&](const Statement& st) {
    return st.subjects.size() == 1 && st.subjects[0].entity == 0 && st.references.size() == 1 &&
           st.references[0].entity == b;
  };
  for (const Statement& st : out_.statements) {
    if (names_building(st) && !room_in_building(st)) return;
  }
  room.kind = NounKind::kIndoorPlace;
  building.kind = NounKind::kIndoorPlace;
  // What the text then places by the room as a whole ("face it from the back of the hall") was
  // read while the room was a thing: the room holds them, no relation to it is left to build.
  const auto by_room = [&](const Statement& st) {
    return room_in_building(st) || (st.references.size() == 1 && st.references[0].entity == 0 &&
                                    st.references[0].member < 0);
  };
  out_.statements.erase(std::remove_if(out_.statements.begin(), out_.statements.end(), by_room),
                        out_.statements.end());
}

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
  // (A side word may say which part: "under the left side of the desk", "at the far end of".)
  const bool sides_only =
      std::all_of(part.attributes.begin(), part.attributes.end(),
                  [](const std::string& a) { return !WallSide(a).empty() || a == "other"; });
  if (!(last.references == target) || part.count != 1 || part.kind != NounKind::kObject ||
      part.first < last.first || !sides_only) {
    return false;
  }
  const size_t space = part.category.rfind(' ');
  const std::string head =
      space == std::string::npos ? part.category : part.category.substr(space + 1);
  const auto position = PositionalMeaning(head);
  if (!position && !PlaceOnThing(head) && !WordNet::Get().IsPart(head)) return false;
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
  RoomInABuilding();
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
  // Placed by a place ("on the square").
  std::vector<bool> in_place(n, false);
  for (const Statement& st : out_.statements) {
    const bool by_place =
        std::any_of(st.references.begin(), st.references.end(),
                    [&](const EntityRef& r) { return is_place(static_cast<size_t>(r.entity)); });
    for (const EntityRef& r : st.subjects) in_place[r.entity] = in_place[r.entity] || by_place;
  }
  // A made place named after the setting and placed itself is a thing in it ("The chemistry lab
  // has ...; an eyewash station is next to the door").
  for (size_t e = 1; e < n; ++e) {
    Entity& entity = out_.entities[e];
    if (entity.kind != NounKind::kIndoorPlace || !subject[e] || entity.count != 1) continue;
    bool earlier = false;
    for (size_t f = 0; f < e; ++f)
      earlier = earlier || out_.entities[f].kind == NounKind::kIndoorPlace;
    const size_t space = entity.category.rfind(' ');
    const std::string head = WordNet::Get().IsNoun(entity.category) || space == std::string::npos
                                 ? entity.category
                                 : entity.category.substr(space + 1);
    if (earlier && HasMadeThingSense(head)) entity.kind = NounKind::kObject;
  }
  bool outdoor_thing = false;  // an outdoor place became a thing: the scene is still outdoors
  for (size_t e = 0; e < n; ++e) {
    Entity& entity = out_.entities[e];
    if (!is_place(e) || !(entity.count >= 2 || placed[e] || landmark[e])) continue;
    const bool outdoor = entity.kind == NounKind::kOutdoorPlace;
    if (HasMadeSense(entity.category)) entity.kind = NounKind::kObject;
    // A made place the text puts in or on another place is a thing there ("two kiosks on the
    // square", "a stall in the market"): the scene cannot be set in both.
    if (placed[e] && entity.kind == NounKind::kIndoorPlace && in_place[e] &&
        HasMadeThingSense(entity.category)) {
      entity.kind = NounKind::kObject;
    }
    // What a few things stand around is small enough to be a thing, natural or not ("chairs
    // surrounding a fire pit").
    if (encircled[e] && HasObjectSense(entity.category)) entity.kind = NounKind::kObject;
    outdoor_thing = outdoor_thing || (outdoor && entity.kind == NounKind::kObject);
  }
  // Referenced by a statement "with" did not make ("a podium to its right").
  std::vector<bool> landmark_other(n, false);
  for (const Statement& st : out_.statements) {
    if (st.from_with) continue;
    for (const EntityRef& r : st.references) landmark_other[r.entity] = true;
  }
  // Whether the noun at word `w` is the text's first (words of a request may come before: "I'd
  // like a ...", "Picture a ...").
  const auto first_noun_of_text = [&](int w) {
    for (int k = 0; k < w && k < static_cast<int>(words_.size()); ++k) {
      if (words_[k].text == "." || words_[k].text == ":" || words_[k].text == ";") return false;
    }
    return true;
  };
  // The floor area of what the text names besides entity `e`.
  const auto contents_footprint = [&](size_t e) {
    double m2 = 0.0;
    for (size_t f = 0; f < n; ++f) {
      const Entity& other = out_.entities[f];
      if (f == e || other.kind != NounKind::kObject) continue;
      m2 += static_cast<double>(std::min<long>(other.count, 50)) * TypicalFootprint(other.category);
    }
    return m2;
  };
  const auto unknown_word = [&](const std::string& category) {
    WordNet& wordnet = WordNet::Get();
    const size_t space = category.rfind(' ');
    return wordnet.available() && !wordnet.IsNoun(category) &&
           (space == std::string::npos || !wordnet.IsNoun(category.substr(space + 1)));
  };
  // A building or an enclosure the text only puts things in or at ("a stool beside the cow in
  // the barn", "two ponies in the corral"), or names as the scene before a colon and the list of
  // what it holds ("A scene of a boathouse: ...", "On the veranda: ..."), is where the scene is:
  // its inside (a building, a room, a shelter) or its open ground (an enclosure, a porch). A
  // vehicle the scene is named by or opened in is its inside ("Inside the minibus, ...").
  for (size_t e = 0; e < n; ++e) {
    Entity& entity = out_.entities[e];
    if (entity.count != 1) continue;
    // (A place already: where it is, inside or out, is decided again when the text names it as
    // the scene: "A den with ...": a den is first a lair, then a room.)
    // (A noun first of all no physical thing may still name a room by a later sense: "a cozy
    // study with ...".)
    const bool thing = entity.kind == NounKind::kObject || entity.kind == NounKind::kBuilding ||
                       entity.kind == NounKind::kAbstract;
    if (!thing && !is_place(e)) continue;
    const bool only_in = container[e] && !subject[e] && !placed[e] && !landmark[e];
    bool named = false;
    // (Words of the request's frame may come between: "a home office please: ...".)
    int next = entity.last + 1;
    while (entity.last >= 0 && next < static_cast<int>(words_.size()) &&
           words_[next].word_class == WordClass::kFunction) {
      ++next;
    }
    // The noun that opens the text, and a word after it.
    const bool opens = e == 0 && entity.first >= 0 && first_noun_of_text(entity.first) &&
                       next < static_cast<int>(words_.size());
    // A title: the first sentence is the name alone ("A loft apartment. The bed sits ...").
    const bool title =
        opens &&
        (words_[next].text == "." || words_[next].text == "!" || words_[next].text == "?") &&
        next + 1 < static_cast<int>(words_.size());
    // A dash after it heads the text as a colon does ("Bike workshop - two stands and a bench").
    const bool dash = opens && words_[next].text == "-";
    if (entity.last >= 0 && next < static_cast<int>(words_.size()) &&
        (words_[next].text == ":" || title || dash)) {
      // The scene's name: the first thing the text names, or the place a phrase opening the
      // text puts things in or on.
      named = e == 0;
      for (const Statement& st : out_.statements) {
        for (const EntityRef& r : st.references)
          named = named || (st.fronted && r.entity == static_cast<int>(e));
      }
    }
    // The only noun before the text's first colon, whatever words describe it ("An attic full
    // of old things: ...").
    if (!named && e == 0 && entity.last >= 0) {
      int colon = -1;
      for (int w = entity.last + 1; w < static_cast<int>(words_.size()); ++w) {
        if (words_[w].text == "." || words_[w].text == ";") break;
        if (words_[w].text == ":") {
          colon = w;
          break;
        }
      }
      named = colon > 0 &&
              std::none_of(out_.entities.begin() + 1, out_.entities.end(),
                           [&](const Entity& o) { return o.first >= 0 && o.first < colon; });
    }
    // A phrase opening the first sentence that puts things in it ("Inside the minibus, ...") sets
    // the scene in it, a vehicle too.
    bool opened_in = false;
    for (const Statement& st : out_.statements) {
      // ("On the terrace there are ...": on it, too.)
      const bool in =
          st.meaning == Meaning::kIn || st.meaning == Meaning::kAt || st.meaning == Meaning::kOn;
      for (const EntityRef& r : st.references) {
        opened_in = opened_in ||
                    (st.fronted && in && r.entity == static_cast<int>(e) && !subject[e] && e == 0);
      }
    }
    // "X with a, b and c" or "the X holds a and b" opening the text: X holds what follows when
    // one of its senses is a place (what is "beside it" then means a thing, not X; a building
    // things are also placed by stays one: "a barn with a tractor beside it").
    const bool first = e == 0 && entity.first >= 0 && first_noun_of_text(entity.first);
    const bool hosts = first && !subject[e] && !placed[e] &&
                       std::find(with_hosts_.begin(), with_hosts_.end(), static_cast<int>(e)) !=
                           with_hosts_.end() &&
                       !(landmark_other[e] && ClassifyNoun(entity.category) == NounKind::kBuilding);
    if (!((thing && entity.kind != NounKind::kAbstract) && only_in) && !named && !opened_in &&
        !hosts)
      continue;
    SceneSenseQuery query;
    query.any_structure = query.vehicle = named || opened_in;
    query.contents_m2 = contents_footprint(e);
    query.strong_only = hosts && !named && !opened_in && landmark_other[e];
    bool furniture = false, open_air = false;
    for (size_t f = 0; f < n; ++f) {
      if (f == e || out_.entities[f].kind != NounKind::kObject) continue;
      furniture = furniture || IsKindOf(out_.entities[f].category, "furnishing") ||
                  IsKindOf(out_.entities[f].category, "home appliance");
      open_air = open_air || BelongsOutdoors(out_.entities[f].category);
    }
    query.indoor_contents = furniture && !open_air;
    std::optional<bool> inside = SceneSense(entity.category, query);
    // A word no dictionary knows, named as the scene before the list of what it holds ("A
    // dojo: ..."), is the place they are in, inside unless they say otherwise.
    if (!inside && named && unknown_word(entity.category) && out_.entities.size() >= 3) {
      inside = true;
    }
    if (!inside) continue;
    entity.kind = *inside ? NounKind::kIndoorPlace : NounKind::kOutdoorPlace;
    // What "with" hung on it is in it: the setting holds it, no relation is left to build.
    out_.statements.erase(std::remove_if(out_.statements.begin(), out_.statements.end(),
                                         [&](const Statement& st) {
                                           return st.from_with && st.references.size() == 1 &&
                                                  st.references[0].entity == static_cast<int>(e);
                                         }),
                          out_.statements.end());
  }
  // "Outside the bakery, ...": the scene is out of doors, in front of the building the text
  // opens with, which stands there as a thing (its front is the backdrop). (The chunker may have
  // read "outside" as a noun: it is the preposition.)
  bool outside = false;
  int outside_word = -1;
  for (int w = 0; w < static_cast<int>(words_.size()) && first_noun_of_text(w); ++w) {
    if (words_[w].text == "outside") {
      outside_word = w;
      break;
    }
    if (words_[w].word_class == WordClass::kOpen && !words_[w].verb) break;
  }
  for (size_t e = 0; e < n && outside_word >= 0; ++e) {
    Entity& entity = out_.entities[e];
    if (entity.first == outside_word && entity.last == outside_word) {
      entity.kind = NounKind::kFrame;
      continue;
    }
    if (entity.first <= outside_word) continue;
    if (entity.count == 1 && (is_place(e) || entity.kind == NounKind::kBuilding)) {
      outside = true;
      if (entity.kind == NounKind::kIndoorPlace) entity.kind = NounKind::kBuilding;
      // The phrase opened the sentence: the building is no member of the list after it ("Outside
      // the chapel, a hearse is parked beside ...").
      for (Statement& st : out_.statements) {
        if (st.subjects.size() < 2) continue;
        st.subjects.erase(
            std::remove_if(st.subjects.begin(), st.subjects.end(),
                           [&](const EntityRef& r) { return r.entity == static_cast<int>(e); }),
            st.subjects.end());
      }
      // The phrase itself sets the scene, it places nothing ("outside" is otherwise beside:
      // "a mat outside the door").
      out_.statements.erase(std::remove_if(out_.statements.begin(), out_.statements.end(),
                                           [&](const Statement& st) {
                                             return st.first == outside_word && st.fronted;
                                           }),
                            out_.statements.end());
    }
    break;
  }
  // Out there, a made place the text puts by the building is a thing too ("a ticket booth by
  // the entrance").
  for (size_t e = 0; e < n && outside; ++e) {
    Entity& entity = out_.entities[e];
    if (entity.kind == NounKind::kIndoorPlace && HasMadeThingSense(entity.category)) {
      entity.kind = NounKind::kObject;
    }
  }
  // A ground the text only puts things on, that covers the ground rather than stands on it ("on
  // the grass", "on the sand"), is the outdoor ground the scene is set on.
  // A phrase after the ground is about what stands on it ("two chairs on the grass next to a
  // table": the chairs are by the table): the statements with the ground as subject that follow
  // the one putting things on it, or none when another statement has it as subject.
  const auto handed_over = [&](int e) {
    std::vector<std::pair<size_t, size_t>> hand;  // (statement, the one before it)
    for (size_t k = 0; k < out_.statements.size(); ++k) {
      const Statement& st = out_.statements[k];
      const auto is_e = [&](const EntityRef& r) { return r.entity == e; };
      if (std::none_of(st.subjects.begin(), st.subjects.end(), is_e)) continue;
      size_t j = k;
      while (j > 0 && std::any_of(out_.statements[j - 1].subjects.begin(),
                                  out_.statements[j - 1].subjects.end(), is_e)) {
        --j;
      }
      if (j == 0 || st.subjects.size() != 1 ||
          std::none_of(out_.statements[j - 1].references.begin(),
                       out_.statements[j - 1].references.end(), is_e)) {
        return std::vector<std::pair<size_t, size_t>>{{k, k}};  // k, k: cannot
      }
      hand.push_back({k, j - 1});
    }
    return hand;
  };
  for (size_t e = 0; e < n; ++e) {
    Entity& entity = out_.entities[e];
    if (entity.kind != NounKind::kObject || entity.count != 1) continue;
    const std::vector<std::pair<size_t, size_t>> hand = handed_over(static_cast<int>(e));
    if (subject[e] && (hand.empty() || hand[0].first == hand[0].second)) continue;
    bool on = false, other = false;
    for (const Statement& st : out_.statements) {
      for (const EntityRef& r : st.references) {
        if (r.entity != static_cast<int>(e)) continue;
        // ("stuck in the sand", "lying in the grass").
        const bool ground =
            st.meaning == Meaning::kOn || st.meaning == Meaning::kIn || st.meaning == Meaning::kAt;
        (ground ? on : other) = true;
      }
    }
    if (!on || other) continue;
    // (So is a noun whose first sense is an outdoor place, read as a thing on the way, when its
    // made sense, if any, is too small to carry what is on it: "two palm trees on the beach",
    // "two logs on the shore" - a shore is also a prop.)
    const auto carried_m2 = [&]() {
      double m2 = 0.0;
      for (const Statement& st : out_.statements) {
        const bool on_e =
            std::any_of(st.references.begin(), st.references.end(),
                        [&](const EntityRef& r) { return r.entity == static_cast<int>(e); });
        if (!on_e) continue;
        for (const EntityRef& r : st.subjects) {
          const Entity& held = out_.entities[r.entity];
          m2 += TypicalFootprint(held.category) *
                static_cast<double>(r.member >= 0 ? 1 : std::min<long>(held.count, 50));
        }
      }
      return m2;
    };
    // (A way or level surface - a pavement, a path - has a stand-in too, a flat plate of no
    // particular size; what it carries is no measure of it.)
    const bool ground = IsGroundCover(entity.category) ||
                        (ClassifyNoun(entity.category) == NounKind::kOutdoorPlace &&
                         (!HasMadeSense(entity.category) || IsLevelGround(entity.category) ||
                          carried_m2() > TypicalFootprint(entity.category)));
    if (!ground) continue;
    entity.kind = NounKind::kOutdoorPlace;
    for (const auto& [k, before] : hand) {
      out_.statements[k].subjects = out_.statements[before].subjects;
    }
  }
  // A stuff the text only places things by, beside or facing it, never on or in it, that is also
  // a body of water by one of its two most frequent senses ("two chairs facing the water") is
  // that natural feature: the outdoor place, as "facing the lake" is.
  for (size_t e = 0; e < n; ++e) {
    Entity& entity = out_.entities[e];
    if (entity.kind != NounKind::kObject || entity.count != 1 || subject[e] || container[e] ||
        !landmark[e]) {
      continue;
    }
    WordNet& wordnet = WordNet::Get();
    const std::vector<std::string> lexfiles = wordnet.LexFiles(entity.category, 2);
    if (lexfiles.empty() || lexfiles[0] != "noun.substance") continue;
    bool on = false;
    for (const Statement& st : out_.statements) {
      for (const EntityRef& r : st.references) {
        on = on || (r.entity == static_cast<int>(e) && st.meaning == Meaning::kOn);
      }
    }
    if (on) continue;
    // (The sense's own synset, "body of water, water", or one below it: "sea", "pond".)
    const std::vector<std::string> same = wordnet.Synonyms(entity.category, 2);
    bool water = std::find(same.begin(), same.end(), "body of water") != same.end();
    for (int k = 0; k < std::min<int>(2, static_cast<int>(lexfiles.size())) && !water; ++k) {
      const std::vector<std::string> up = wordnet.SenseHypernyms(entity.category, k, 4);
      water = std::find(up.begin(), up.end(), "body of water") != up.end();
    }
    if (water) entity.kind = NounKind::kOutdoorPlace;
  }
  // A place the text counts with a number ("four phone booths", "6 cooking stations") is that
  // many things: a scene is one place. (A plural alone may name one place: "the stables".)
  for (size_t e = 0; e < n; ++e) {
    Entity& entity = out_.entities[e];
    if (!is_place(e) || entity.count < 2 || entity.first < 0) continue;
    bool counted = false;
    for (int w = std::max(0, entity.first - 1); w <= entity.last && !counted; ++w) {
      const std::optional<long> value = NumberValue(words_[w].text);
      counted = value && *value == entity.count;
    }
    if (counted) entity.kind = NounKind::kObject;
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
  if (out_.setting.empty() && (outdoor_thing || outside)) {
    out_.setting_kind = NounKind::kOutdoorPlace;
  }
}

}  // namespace scenecraft::reader_detail
