#include "scenecraft/lang/builder.h"

#include <algorithm>
#include <map>
#include <set>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

// The longest id prefix taken from a category; "_" and a count of up to 11 digits follow.
constexpr size_t kMaxIdBaseBytes = 48;
namespace {

using T = RelationType;

std::string Span(const std::string& text, const std::vector<Word>& words, int first, int last) {
  if (first < 0 || last < first || last >= static_cast<int>(words.size())) return "";
  return text.substr(words[first].begin, words[last].end - words[first].begin);
}

class Builder {
 public:
  Builder(const std::string& text, const std::vector<Word>& words, const Reading& reading,
          const BuildOptions& options)
      : text_(text), words_(words), reading_(reading), options_(options) {}

  PlanResult Run();

 private:
  void AddObjects();
  void AddOpenings();
  void AddStatement(const Statement& st);
  std::vector<std::string> Members(const EntityRef& ref) const;
  std::vector<std::string> MembersOf(const std::vector<EntityRef>& refs) const;
  bool StandsOnFloor(const std::string& id) const;
  bool HungByVerb(const Statement& st) const;
  bool NamesAWall(int first, int last) const;
  void Relate(RelationType type, std::vector<std::string> ids, const Statement& st,
              RelationArgs args = {});
  // Whether the setting itself answers a statement that built no relation: a thing in, at or on
  // the place the scene is set in ("a bench in the park" outdoors).
  bool SettingHolds(const Statement& st) const;
  // Places the text names that are neither the setting nor a thing: their words are not in the
  // scene ("a bed in the bedroom" when the scene is the living room).
  void MarkLostPlaces();
  void Warn(const std::string& message, int first, int last) {
    warnings_.push_back(message + ": \"" + Span(text_, words_, first, last) + "\" (prompt " +
                        std::to_string(first >= 0 ? words_[first].begin : -1) + ":" +
                        std::to_string(last >= 0 ? words_[last].end : -1) + ")");
  }
  const Entity& E(const EntityRef& r) const { return reading_.entities[r.entity]; }
  void Coverage(PlanResult* result) const;

  const std::string& text_;
  const std::vector<Word>& words_;
  const Reading& reading_;
  BuildOptions options_;
  SceneGraph graph_;
  std::vector<std::string> warnings_;
  std::map<int, std::vector<std::string>> ids_;  // entity -> object ids
  std::map<std::string, int> id_counts_;
  std::set<std::string> seen_;
  bool related_ = false;  // the statement being added built a relation (or one already there)
  // Per word: the words of statements and places nothing in the scene stands for, and those that
  // a built relation used (which keeps them accounted).
  std::vector<bool> lost_, used_;
};

void Builder::AddObjects() {
  long total = 0;
  for (size_t e = 0; e < reading_.entities.size(); ++e) {
    const Entity& entity = reading_.entities[e];
    if (entity.kind != NounKind::kObject && entity.kind != NounKind::kBuilding) continue;
    total += entity.count;
    if (total > options_.max_objects) {
      throw Error("the description asks for more than " + std::to_string(options_.max_objects) +
                  " objects (\"" + Span(text_, words_, entity.first, entity.last) + "\" alone is " +
                  std::to_string(entity.count) + ", prompt " +
                  std::to_string(words_[entity.first].begin) + ":" +
                  std::to_string(words_[entity.last].end) + "); split the scene into smaller ones");
    }
    // An id is the category in identifier characters, short enough for a Blender name with its
    // number (SceneLimits: ids of at most 60 bytes); the counter keeps clipped ids distinct.
    std::string base;
    for (char c : entity.category) {
      base += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    }
    if (base.size() > kMaxIdBaseBytes) base.resize(kMaxIdBaseBytes);
    const std::string group =
        entity.count > 1 ? Span(text_, words_, entity.first, entity.last) : "";
    for (long k = 0; k < entity.count; ++k) {
      Object o;
      o.id = base + "_" + std::to_string(++id_counts_[base]);
      o.category = entity.category;
      if (o.category.size() > SceneLimits::kMaxCategoryBytes) {
        // Cut at a character boundary; the scene reader refuses longer categories.
        size_t cut = SceneLimits::kMaxCategoryBytes;
        while (cut > 0 && (static_cast<unsigned char>(o.category[cut]) & 0xC0) == 0x80) --cut;
        o.category.resize(cut);
        if (k == 0) Warn("a noun longer than 100 bytes was cut", entity.first, entity.last);
      }
      o.description = Join(entity.attributes, " ");
      o.count_group = group;
      o.source = Source{words_[entity.first].begin, words_[entity.last].end, ""};
      ids_[static_cast<int>(e)].push_back(o.id);
      graph_.objects.push_back(std::move(o));
    }
  }
}

// Doors and windows the text names become openings of the room, with ids ("window_1") that
// relations name; the wall is the one the text names, else the solver chooses it.
void Builder::AddOpenings() {
  std::map<std::string, int> counts;
  for (size_t e = 0; e < reading_.entities.size(); ++e) {
    const Entity& entity = reading_.entities[e];
    if (entity.room_part != RoomPart::kDoor && entity.room_part != RoomPart::kWindow) continue;
    const bool door = entity.room_part == RoomPart::kDoor;
    const std::string kind = door ? "door" : "window";
    for (long k = 0; k < std::min<long>(entity.count, 8); ++k) {
      Opening o;
      o.id = kind + "_" + std::to_string(++counts[kind]);
      o.kind = kind;
      o.wall = entity.wall_side;
      o.width_m = door ? 0.9 : 1.2;
      o.height_m = door ? 2.05 : 1.2;
      o.sill_m = door ? 0.0 : 0.9;
      ids_[static_cast<int>(e)].push_back(o.id);
      graph_.environment.openings.push_back(o);
    }
  }
}

std::vector<std::string> Builder::Members(const EntityRef& ref) const {
  auto it = ids_.find(ref.entity);
  if (it == ids_.end()) return {};
  if (ref.member < 0) return it->second;
  if (ref.member < static_cast<int>(it->second.size())) return {it->second[ref.member]};
  return {};
}

std::vector<std::string> Builder::MembersOf(const std::vector<EntityRef>& refs) const {
  std::vector<std::string> out;
  for (const EntityRef& r : refs) {
    for (const std::string& id : Members(r)) {
      if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    }
  }
  return out;
}

void Builder::Relate(RelationType type, std::vector<std::string> ids, const Statement& st,
                     RelationArgs args) {
  std::set<std::string> unique(ids.begin(), ids.end());
  if (unique.size() != ids.size() || ids.empty()) return;  // the same object twice
  const RelationInfo& info = GetRelationInfo(type);
  if (static_cast<int>(ids.size()) < info.min_objects) return;
  related_ = true;
  Relation r;
  r.type = type;
  r.objects = std::move(ids);
  r.args = std::move(args);
  if (st.first >= 0 && st.last >= st.first) {
    r.source = Source{words_[st.first].begin, words_[st.last].end, ""};
  }
  if (!seen_.insert(r.ToString()).second) return;
  graph_.relations.push_back(std::move(r));
}

// Whether the object stands on the floor by what it is (its catalog entry or stand-in).
bool Builder::StandsOnFloor(const std::string& id) const {
  const Object* o = graph_.FindObject(id);
  return o != nullptr && StandsOnTheFloor(o->category);
}

// Whether the verb before a statement's phrase hangs or fixes its subject ("hung on", "mounted
// on", "nailed on"): WordNet's verbs of attaching, and "hang".
bool Builder::HungByVerb(const Statement& st) const {
  if (st.first <= 0) return false;
  WordNet& wordnet = WordNet::Get();
  const std::string& word = words_[st.first - 1].text;
  std::string verb = wordnet.VerbBase(word);
  if (verb.empty()) verb = word;
  return verb == "hang" || wordnet.VerbKindOf(verb, {"attach", "fix"});
}

// Whether the words first..last hold the noun "wall" or "side" ("against the back wall", "along
// the left side"), not only a region of the room ("at the back").
bool Builder::NamesAWall(int first, int last) const {
  for (int k = std::max(first, 0); k <= last && k < static_cast<int>(words_.size()); ++k) {
    if (words_[k].lemma == "wall" || words_[k].lemma == "side") return true;
  }
  return false;
}

void Builder::AddStatement(const Statement& st) {
  using M = Meaning;
  const std::vector<std::string> subjects = MembersOf(st.subjects);
  if (subjects.empty()) return;
  // Arrangements of the subjects alone.
  auto group = [&](RelationType type) {
    if (subjects.size() >= 2) {
      Relate(type, subjects, st);
    } else {
      Warn("an arrangement needs several things", st.first, st.last);
    }
  };
  switch (st.meaning) {
    case M::kRow:
      return group(T::kRow);
    case M::kCircle:
      return group(T::kCircle);
    case M::kGrid:
      return subjects.size() >= 4 ? group(T::kGrid) : group(T::kRow);
    case M::kStack:
      return group(T::kStack);
    case M::kHierarchy:
      return group(T::kHierarchy);
    case M::kCluster:
      return group(T::kCluster);
    case M::kFacingEachOther:
      if (subjects.size() == 2) {
        Relate(T::kFacing, {subjects[0], subjects[1]}, st);
        Relate(T::kFacing, {subjects[1], subjects[0]}, st);
      } else {
        group(T::kCircle);
      }
      return;
    case M::kOnWall:
      for (const std::string& s : subjects) Relate(T::kOnWall, {s}, st);
      return;
    case M::kCenter: {
      // A row or a line in the middle: its middle member at the centre (RELATIONS.md's `center`
      // tests each member's own centre, which the ends of a long row are not).
      const bool row =
          st.subjects.size() == 1 && st.subjects[0].member < 0 && subjects.size() >= 3 &&
          (E(st.subjects[0]).arrangement == "row" ||
           std::any_of(reading_.statements.begin(), reading_.statements.end(),
                       [&](const Statement& other) {
                         return other.meaning == M::kRow && other.subjects == st.subjects;
                       }));
      if (row) {
        const int middle = MemberAtPosition("middle", static_cast<long>(subjects.size()));
        return Relate(T::kCenter, {subjects[static_cast<size_t>(middle)]}, st);
      }
      for (const std::string& s : subjects) Relate(T::kCenter, {s}, st);
      return;
    }
    case M::kHanging:
      for (const std::string& s : subjects) Relate(T::kHanging, {s}, st);
      return;
    default:
      break;
  }
  if (st.references.empty()) return;
  const Entity& ref = E(st.references[0]);
  // A part of the room: unary placements.
  const bool opening = ref.room_part == RoomPart::kDoor || ref.room_part == RoomPart::kWindow;
  if (!opening && (ref.kind == NounKind::kRoomPart || ref.kind == NounKind::kIndoorPlace ||
                   ref.kind == NounKind::kOutdoorPlace)) {
    RelationArgs wall;
    if (!ref.wall_side.empty()) wall.words["wall"] = ref.wall_side;
    std::optional<RelationType> unary;
    switch (ref.room_part) {
      case RoomPart::kWall:
        unary = st.meaning == M::kOn || st.meaning == M::kAbove || st.meaning == M::kFrom
                    ? T::kOnWall
                    : T::kAgainstWall;
        break;
      case RoomPart::kFloor:
        if (st.meaning == M::kOn || st.meaning == M::kAt || st.meaning == M::kAcross)
          unary = T::kOnFloor;
        if (st.meaning == M::kMiddleOf) unary = T::kCenter;
        break;
      case RoomPart::kCeiling:
        // (What stands under the roof or near the ceiling does not hang.)
        if (st.meaning != M::kUnder && st.meaning != M::kNear) unary = T::kHanging;
        break;
      case RoomPart::kCorner:
        unary = T::kInCorner;
        break;
      case RoomPart::kMiddle:
        unary = T::kCenter;
        break;
      case RoomPart::kDoor:
      case RoomPart::kWindow:
        break;  // openings are related like objects, below
      case RoomPart::kRoom:
      case RoomPart::kNone:
        if (st.meaning == M::kMiddleOf) unary = T::kCenter;
        // ("along one side of the room" is along a wall.)
        if (st.meaning == M::kAlong || st.meaning == M::kAgainst ||
            st.meaning == M::kAlongLongSide || st.meaning == M::kAlongShortSide) {
          unary = T::kAgainstWall;
        }
        break;
    }
    if (unary) {
      // "at the back", "along the front", "across the far end": the phrase names a region of
      // the room, not a wall its subject touches. The layout still puts it against that wall,
      // but the relation is no stated one (no source span); "against the back wall" is.
      Statement region = st;
      if (*unary == T::kAgainstWall && ref.room_part == RoomPart::kWall &&
          !NamesAWall(st.first, st.last)) {
        region.first = region.last = -1;
      }
      for (size_t k = 0; k < subjects.size(); ++k) {
        RelationType type = *unary;
        // "a bookcase on the left wall", "dryers on the opposite wall": a thing that stands on
        // the floor (its catalog entry or stand-in) is against that wall, unless a verb hangs
        // or fixes it there ("a bike hung on the wall").
        if (type == T::kOnWall && st.meaning == M::kOn && StandsOnFloor(subjects[k]) &&
            !HungByVerb(st)) {
          type = T::kAgainstWall;
        }
        RelationArgs args = type == T::kAgainstWall || type == T::kOnWall ? wall : RelationArgs{};
        // "a poster on each wall": one per wall, in turn.
        if (!args.words.empty() || (type != T::kAgainstWall && type != T::kOnWall) ||
            !st.distributive || subjects.size() < 2) {
          Relate(type, {subjects[k]}, region, args);
          continue;
        }
        static const char* const kWalls[] = {"back", "left", "right", "front"};
        args.words["wall"] = kWalls[k % 4];
        Relate(type, {subjects[k]}, region, args);
      }
    }
    return;
  }
  std::vector<std::string> refs = MembersOf(st.references);
  if (refs.empty()) return;
  // Two-place relations: each subject member with a reference member (member k with k when the
  // text distributes: "a lamp on each nightstand").
  auto pairwise = [&](RelationType type, RelationArgs args = {}) {
    // "a chair facing both of them": one thing with every member ("trays on both of them" are
    // paired as before).
    if (st.every_reference && !st.distributive && subjects.size() == 1) {
      for (const std::string& s : subjects) {
        for (const std::string& r : refs) Relate(type, {s, r}, st, args);
      }
      return;
    }
    for (size_t k = 0; k < subjects.size(); ++k) {
      const std::string& r =
          refs[st.distributive || refs.size() == subjects.size() ? k % refs.size() : 0];
      Relate(type, {subjects[k], r}, st, args);
    }
  };
  if (opening && (st.meaning == M::kUnder || st.meaning == M::kAgainst)) {
    // "a radiator under the window": below its sill, within its width, at its wall (under's test
    // for a window, docs/RELATIONS_EXTRA.md; the layout starts it at that wall): the one relation
    // the text states. "against the window" / "under the door": beside it, against its wall.
    const bool window = ref.room_part == RoomPart::kWindow;
    if (st.meaning == M::kUnder && window) return pairwise(T::kUnder);
    pairwise(T::kNear);
    for (size_t k = 0; k < subjects.size(); ++k) {
      RelationArgs wall;
      wall.words["wall"] = refs[st.distributive ? k % refs.size() : 0];
      Relate(T::kAgainstWall, {subjects[k]}, st, wall);
    }
    return;
  }
  if (opening && (st.meaning == M::kOn || st.meaning == M::kIn || st.meaning == M::kMiddleOf)) {
    return pairwise(T::kNear);  // "a plant on the window (sill)"
  }
  switch (st.meaning) {
    case M::kOn:
      return pairwise(T::kOn);
    case M::kMiddleOf:
      return pairwise(T::kOn);
    case M::kUnder:
      return pairwise(T::kUnder);
    case M::kAbove:
      return pairwise(T::kAbove);
    case M::kNear:
    case M::kAt:
    case M::kAgainst:
    case M::kFrom:
    case M::kAlong:
      return pairwise(T::kNear);
    case M::kIn:
      return pairwise(T::kInside);
    case M::kFar:
      return pairwise(T::kFar);
    case M::kLeftOf:
      return pairwise(T::kLeftOf);
    case M::kRightOf:
      return pairwise(T::kRightOf);
    case M::kInFrontOf:
      return pairwise(T::kInFrontOf);
    case M::kBehind:
      return pairwise(T::kBehind);
    case M::kFacing:
      return pairwise(T::kFacing);
    case M::kFacingAway:
      return pairwise(T::kFacingAway);
    case M::kAcross:
      return pairwise(T::kAcross);
    case M::kLarger:
      return pairwise(T::kLarger);
    case M::kTaller:
      return pairwise(T::kTaller);
    case M::kSmaller:
      for (const std::string& s : subjects) Relate(T::kLarger, {refs[0], s}, st);
      return;
    case M::kParallel:
      for (const std::string& s : subjects) Relate(T::kParallel, {s, refs[0]}, st);
      return;
    case M::kPerpendicular:
      for (const std::string& s : subjects) Relate(T::kPerpendicular, {s, refs[0]}, st);
      return;
    // What people mean by these is the shared vocabulary's: a bed's foot is its front, so "at
    // the foot of" is in front of it; "at the head of the table" and "along its long side" are
    // beside it (docs/RELATIONS_EXTRA.md's at_end and along_side stay for hand-written scenes).
    case M::kAtFoot:
      return pairwise(T::kInFrontOf);
    case M::kAtHead:
    case M::kAlongLongSide:
    case M::kAlongShortSide:
      return pairwise(T::kNear);
    case M::kBetween:
      if (st.pairwise && refs.size() >= 2) {
        // "a screen between each pair of beds": member k between beds k and k + 1.
        for (size_t k = 0; k < subjects.size(); ++k) {
          const size_t left = k % (refs.size() - 1);
          Relate(T::kBetween, {subjects[k], refs[left], refs[left + 1]}, st);
        }
        return;
      }
      if (refs.size() >= 2) {
        for (const std::string& s : subjects) Relate(T::kBetween, {s, refs[0], refs[1]}, st);
      }
      return;
    case M::kAround: {
      std::vector<std::string> ids = subjects;
      ids.push_back(refs[0]);
      return Relate(T::kAround, ids, st);
    }
    case M::kSurroundedBy: {
      std::vector<std::string> ids = refs;
      ids.push_back(subjects[0]);
      return Relate(T::kAround, ids, st);
    }
    case M::kFlankedBy:
      if (refs.size() == 2) {
        Relate(T::kSymmetric, {refs[0], refs[1], subjects[0]}, st);
        for (const std::string& r : refs) Relate(T::kNear, {r, subjects[0]}, st);
      }
      return;
    case M::kFlanking:
    case M::kEachSide:
      if (subjects.size() == 2) {
        Relate(T::kSymmetric, {subjects[0], subjects[1], refs[0]}, st);
        for (const std::string& s : subjects) Relate(T::kNear, {s, refs[0]}, st);
      } else {
        pairwise(T::kNear);
      }
      return;
    default:
      return;
  }
}

bool Builder::SettingHolds(const Statement& st) const {
  using M = Meaning;
  if (st.references.empty() || reading_.setting.empty()) return false;
  const Entity& ref = E(st.references[0]);
  const bool place = ref.kind == NounKind::kIndoorPlace || ref.kind == NounKind::kOutdoorPlace;
  const bool containment = st.meaning == M::kIn || st.meaning == M::kAt || st.meaning == M::kOn ||
                           st.meaning == M::kAcross || st.meaning == M::kAlong;
  // "at one end" of the place the scene is set in, out of doors: in it (an open place has no wall
  // to stand against; which end is not planned).
  if (place && (st.meaning == M::kAgainst || st.meaning == M::kNear) &&
      ref.category == reading_.setting && reading_.setting_kind == NounKind::kOutdoorPlace) {
    return true;
  }
  if (!place || !containment) return false;
  // Any outdoor place of an outdoor scene is its ground ("on the lawn in the park").
  return ref.category == reading_.setting ||
         (ref.kind == NounKind::kOutdoorPlace && reading_.setting_kind == NounKind::kOutdoorPlace);
}

void Builder::MarkLostPlaces() {
  for (const Entity& e : reading_.entities) {
    const bool place = e.kind == NounKind::kIndoorPlace || e.kind == NounKind::kOutdoorPlace;
    if (!place || e.category == reading_.setting || e.first < 0) continue;
    if (e.kind == NounKind::kOutdoorPlace && reading_.setting_kind == NounKind::kOutdoorPlace)
      continue;
    for (int k = e.first; k <= e.last; ++k) lost_[k] = true;
    Warn("a second place; the scene is set in the " + reading_.setting + ", not here", e.first,
         e.last);
  }
}

void Builder::Coverage(PlanResult* result) const {
  PlanCoverage c;
  for (size_t k = 0; k < words_.size(); ++k) {
    if (!reading_.content[k]) continue;
    ++c.content_words;
    if (reading_.accounted[k] && (!lost_[k] || used_[k])) {
      ++c.accounted_words;
    } else {
      c.unaccounted.push_back(Source{words_[k].begin, words_[k].end, ""});
      c.unaccounted_text.push_back(text_.substr(words_[k].begin, words_[k].end - words_[k].begin));
    }
  }
  result->coverage = std::move(c);
}

PlanResult Builder::Run() {
  AddObjects();
  AddOpenings();
  lost_.assign(words_.size(), false);
  used_.assign(words_.size(), false);
  for (const Statement& st : reading_.statements) {
    related_ = false;
    AddStatement(st);
    if (st.first < 0 || st.last < st.first) continue;
    // A statement that built nothing leaves its words out of the scene, unless the setting
    // itself is what it says; the report then shows them as unaccounted.
    const bool kept = related_ || SettingHolds(st);
    for (int k = st.first; k <= st.last && k < static_cast<int>(words_.size()); ++k) {
      (kept ? used_ : lost_)[k] = true;
    }
    bool content = false;
    for (int k = st.first; k <= st.last && k < static_cast<int>(words_.size()); ++k) {
      content = content || reading_.content[k];
    }
    if (!kept && content) Warn("nothing in the scene stands for this", st.first, st.last);
  }
  MarkLostPlaces();
  // Arrangements named by a quantity noun ("a row of five chairs", "a stack of books").
  for (size_t e = 0; e < reading_.entities.size(); ++e) {
    const Entity& entity = reading_.entities[e];
    if (entity.arrangement.empty() || entity.count < 2) continue;
    const auto type = RelationTypeFromName(entity.arrangement);
    const auto it = ids_.find(static_cast<int>(e));
    if (!type || it == ids_.end()) continue;
    Statement st;
    st.first = entity.first;
    st.last = entity.last;
    if (*type == T::kGrid && it->second.size() < 4) continue;
    Relate(*type, it->second, st);
  }
  for (const ReadWarning& w : reading_.warnings) Warn(w.message, w.first, w.last);
  PlanResult result;
  result.graph = std::move(graph_);
  result.warnings = std::move(warnings_);
  result.planner = "offline";
  Coverage(&result);
  return result;
}

}  // namespace

PlanResult BuildPlan(const std::string& text, const std::vector<Word>& words,
                     const Reading& reading, const BuildOptions& options) {
  return Builder(text, words, reading, options).Run();
}

}  // namespace scenecraft
