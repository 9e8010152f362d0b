#include "scenecraft/lang/defaults.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/standin.h"
#include "scenecraft/lang/defaults_detail.h"
#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/thing_senses.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using T = RelationType;
using defaults_detail::AnyKind;
using defaults_detail::CatalogEntry;
using defaults_detail::Head;

// Knowledge, not grammar: the WordNet classes whose members get a default. A class is a WordNet
// noun; every hyponym of it belongs ("armchair", "rocking chair" and "bench" are seats).
const std::vector<std::string>& SeatClasses() {
  static const std::vector<std::string> c = {"seat", "sofa"};
  return c;
}
// Soft things that lie on a seat or a bed ("a daybed with two cushions", "a bench with a quilt").
const std::vector<std::string>& SoftFurnishingClasses() {
  static const std::vector<std::string> c = {"cushion", "bedclothes"};
  return c;
}
const std::vector<std::string>& WorkSurfaceClasses() {
  static const std::vector<std::string> c = {"table", "desk", "counter", "workbench"};
  return c;
}
const std::vector<std::string>& AgainstWallClasses() {
  static const std::vector<std::string> c = {"bed",       "wardrobe",        "bookcase",
                                             "bookshelf", "dresser",         "fireplace",
                                             "tv stand",  "chest of drawers"};
  return c;
}
const std::vector<std::string>& ScreenClasses() {
  static const std::vector<std::string> c = {"television receiver", "television", "tv"};
  return c;
}

// Whether a thing is small and stands on a surface: the procedural catalog's entry, else the
// stand-in its WordNet hypernyms give ("a cash register", "a night light": on a table's top,
// with a footprint of at most 0.2 m2).
// The asset stage's own sense test (thing_senses.h), so that the plan expects what is built.
std::optional<StandIn> StandInOf(const Object& o) {
  return ThingStandIn(o.category, o.description);
}

// What a thing of its kind rests on and its typical size: the procedural catalog's entry, else its
// stand-in's (before the text's size words); nullopt when neither knows the thing.
struct Typical {
  Support support;
  Vec3 size;
};
std::optional<Typical> TypicalOf(const Object& o) {
  // As the asset stage builds it: the catalog's entry for the whole phrase, else the stand-in,
  // which tries the phrase before its head ("lab bench" is a worktable, no seat bench).
  if (const CategoryInfo* info = FindProceduralCategory(o.category))
    return Typical{info->support, info->size};
  if (const std::optional<StandIn> standin = StandInOf(o)) {
    return Typical{standin->support, standin->typical_m};
  }
  if (const CategoryInfo* info = CatalogEntry(o.category))
    return Typical{info->support, info->size};
  return std::nullopt;
}

std::optional<Typical> TypicalOf(const std::string& category) {
  Object o;
  o.category = category;
  return TypicalOf(o);
}

bool SmallSurfaceThing(const Object& o) {
  const std::optional<Typical> t = TypicalOf(o);
  return t && t->support == Support::kSurface && t->size.x * t->size.y <= 0.2;
}

// Whether a thing is made to hang from the ceiling: a compound on the ceiling ("ceiling fan"), or
// WordNet's definition says it hangs or is suspended from one ("chandelier").
bool MadeToHangFromCeiling(const std::string& category) {
  if (StartsWith(category, "ceiling ")) return true;
  const std::string gloss = WordNet::Get().Gloss(category);
  for (const char* verb : {"hangs from", "hung from", "suspended from", "hanging from"}) {
    const size_t at = gloss.find(verb);
    if (at != std::string::npos && gloss.find("ceiling", at) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

namespace defaults_detail {

bool AnyKind(const std::string& category, const std::vector<std::string>& classes) {
  for (const std::string& c : classes) {
    if (IsKindOf(category, c)) return true;
  }
  return false;
}

std::string Head(const std::string& category) {
  const size_t space = category.rfind(' ');
  return space == std::string::npos ? category : category.substr(space + 1);
}

const CategoryInfo* CatalogEntry(const std::string& category) {
  if (const CategoryInfo* info = FindProceduralCategory(category)) return info;
  return FindProceduralCategory(Head(category));
}

}  // namespace defaults_detail

// The size a thing will have: the one the text gave, else the catalog's, else its stand-in's size
// prior (WordNet hypernyms, with the text's size words), the way the asset stage resolves it ("a
// tractor" is 4 m long).
Vec3 ExpectedSize(const Object& o, const std::optional<Vec3>& fits_m) {
  if (o.HasSize()) return o.size;
  if (const CategoryInfo* info = FindProceduralCategory(o.category)) return info->size;
  if (const std::optional<StandIn> standin = ThingStandIn(o.category, o.description, fits_m))
    return standin->size_m;
  if (const CategoryInfo* info = CatalogEntry(o.category)) return info->size;
  return {0.6, 0.6, 0.8};
}

Support ExpectedSupport(const std::string& category) {
  const std::optional<Typical> t = TypicalOf(category);
  return t ? t->support : Support::kFloor;
}

bool FloorStanding(const std::string& category) {
  // (Nothing known of it: the text's word decides.)
  const std::optional<Typical> t = TypicalOf(category);
  // A panel a few centimetres deep is made for a wall ("pegboard", "dartboard").
  return t && t->support == Support::kFloor && std::min(t->size.x, t->size.y) > 0.1;
}

bool StandsOnTheFloor(const std::string& category) {
  // So is what WordNet defines by a wall ("sconce: a decorative wall bracket ...").
  if (!FloorStanding(category)) return false;
  if (WordNet::Get().Gloss(category).find("wall") != std::string::npos) return false;
  // Furniture, appliances and machines stand; a rack or a frame may be either ("a cue rack on
  // the wall"), and the text's word says on it.
  return AnyKind(category, {"furniture", "appliance", "machine"});
}

namespace {

// The things a relation places on the floor plan: the subject of a relative position or a
// placement in the room, every member of a group around something or between two things.
std::vector<std::string> PositionedSubjects(const Relation& r) {
  switch (r.type) {
    case T::kNear:
    case T::kFar:
    case T::kLeftOf:
    case T::kRightOf:
    case T::kInFrontOf:
    case T::kBehind:
    case T::kBetween:
    case T::kAcross:
    case T::kAgainstWall:
    case T::kInCorner:
    case T::kCenter:
    case T::kAtEnd:
    case T::kAlongSide:
      return {r.objects.front()};
    case T::kAround:
      return {r.objects.begin(), r.objects.end() - 1};
    case T::kSymmetric:
      return {r.objects.begin(), r.objects.begin() + std::min<size_t>(2, r.objects.size())};
    default:
      return {};
  }
}

}  // namespace

bool IsKindOf(const std::string& category, const std::string& kind_class) {
  if (category == kind_class || Head(category) == kind_class) return true;
  WordNet& wordnet = WordNet::Get();
  const std::string noun = wordnet.IsNoun(category) ? category : Head(category);
  if (noun != category && category.size() > kind_class.size() &&
      category.compare(category.size() - kind_class.size(), kind_class.size(), kind_class) == 0) {
    return true;
  }
  const std::vector<std::string> up = wordnet.Hypernyms(noun, 8, 1);
  return std::find(up.begin(), up.end(), kind_class) != up.end();
}

bool RestsOnTop(const std::string& thing, const std::string& description,
                const std::string& support) {
  // Cushions and bedclothes lie on the seat or bed they come with.
  if ((AnyKind(support, SeatClasses()) || IsKindOf(support, "bed")) &&
      AnyKind(thing, SoftFurnishingClasses())) {
    return true;
  }
  // (A shelf carries small things too, though nobody works or sits at it.)
  if (!AnyKind(support, WorkSurfaceClasses()) && !IsKindOf(support, "shelf")) return false;
  if (AnyKind(thing, SeatClasses()) || AnyKind(thing, {"furniture", "organism", "person"})) {
    return false;
  }
  Object o;
  o.category = thing;
  o.description = description;
  if (SmallSurfaceThing(o)) return true;
  if (const CategoryInfo* info = CatalogEntry(thing)) {
    if (info->support != Support::kSurface) return false;
  }
  // A small device or container the surface can carry: at most 0.2 m2 of footprint, 0.5 m high.
  const Vec3 size = ExpectedSize(o);
  Object under;
  under.category = support;
  const Vec3 top = ExpectedSize(under);
  return size.x * size.y <= 0.2 && size.z <= 0.5 && size.x * size.y <= 0.5 * top.x * top.y;
}

Holder CarriedBy(const std::string& thing, const std::string& description,
                 const std::string& host) {
  if (RestsOnTop(thing, description, host)) return Holder::kSupport;
  // Only a holder by WordNet (a container or a support); furniture that stores things (a
  // cabinet, a dresser) comes with what stands on or by it as often as with what is in it.
  const Holder holder = HolderOf(host);
  if (holder == Holder::kNone || AnyKind(host, {"furniture"})) return Holder::kNone;
  // Furniture, seats and people are beside a holder; a living thing only within a container
  // (a cage with a parrot), never on a support.
  if (AnyKind(thing, SeatClasses()) || AnyKind(thing, {"furniture", "person"})) {
    return Holder::kNone;
  }
  if (holder == Holder::kSupport && AnyKind(thing, {"organism"})) return Holder::kNone;
  // Nor on a support what stands on the floor by what it is (a table, a crate, a piano).
  if (holder == Holder::kSupport && FloorStanding(thing)) return Holder::kNone;
  // It fits: no more footprint than the holder's (the sizes are priors: a ball in a bucket).
  Object o;
  o.category = thing;
  o.description = description;
  Object h;
  h.category = host;
  const Vec3 size = ExpectedSize(o);
  const Vec3 room = ExpectedSize(h);
  if (size.x * size.y > room.x * room.y) return Holder::kNone;
  return holder;
}

namespace {

// A stack on a support rests on it by its first member; the others rest on one another
// (RELATIONS.md's stack), so "on the support" said of the whole stack is kept for the first
// member only ("a stack of four plates on the shelf"). A first member that has no support of
// its own takes the one said of the others.
void RestStacksOnTheirFirstMember(SceneGraph* g) {
  for (const Relation& stack : std::vector<Relation>(g->relations)) {
    if (stack.type != T::kStack || stack.objects.size() < 2) continue;
    const std::set<std::string> upper(stack.objects.begin() + 1, stack.objects.end());
    const std::string& first = stack.objects.front();
    std::optional<Relation> carried;
    bool first_rests = false;
    std::vector<Relation> kept;
    for (Relation& r : g->relations) {
      const bool support = (r.type == T::kOn || r.type == T::kInside) && r.objects.size() == 2;
      if (support && r.objects[0] == first) first_rests = true;
      if (support && upper.count(r.objects[0]) && !upper.count(r.objects[1]) &&
          r.objects[1] != first) {
        if (!carried) carried = r;
        continue;
      }
      kept.push_back(std::move(r));
    }
    if (carried && !first_rests) {
      carried->objects[0] = first;
      kept.push_back(*carried);
    }
    g->relations = std::move(kept);
  }
}

// What hangs above a thing the text puts in the middle of the room hangs from the ceiling, not
// on a wall ("pendant lamps hang above the island" with the island in the middle): no wall is
// over the middle of the room.
void NoWallOverTheMiddle(SceneGraph* g) {
  std::set<std::string> middle, over_middle;
  for (const Relation& r : g->relations) {
    if (r.type == T::kCenter && !r.objects.empty()) middle.insert(r.objects[0]);
  }
  for (const Relation& r : g->relations) {
    if (r.type == T::kAbove && r.objects.size() == 2 && middle.count(r.objects[1])) {
      over_middle.insert(r.objects[0]);
    }
  }
  g->relations.erase(std::remove_if(g->relations.begin(), g->relations.end(),
                                    [&](const Relation& r) {
                                      return r.type == T::kOnWall && !r.objects.empty() &&
                                             over_middle.count(r.objects[0]);
                                    }),
                     g->relations.end());
}

// Whether a thing hangs from the ceiling by what it is or how the text describes it: the text
// hangs it, it is made to (WordNet's definition, a "ceiling ..." compound, a catalog entry or
// stand-in that hangs from the ceiling: "pendant light"), or a word of its description is the
// spatial word for up there ("an overhead light").
bool HangsFromCeiling(const Object& o, const std::set<std::string>& hanging) {
  if (hanging.count(o.id) || MadeToHangFromCeiling(o.category) ||
      ExpectedSupport(o.category) == Support::kCeiling) {
    return true;
  }
  for (const std::string& word : Split(o.description, ' ')) {
    const SpatialPhrase* phrase = MatchSpatialPhrase({word}, 0);
    if (phrase != nullptr && phrase->meaning == Meaning::kHanging) return true;
  }
  return false;
}

// "The chair sits under a big overhead light" says what "the light hangs above the chair" says:
// under a thing that hangs from the ceiling is planned as that thing above it, and hanging, so
// the solver and the judge see one relation however the text turns it. (RELATIONS.md's under
// and above are not exact inverses: under asks for the subject's centre inside the reference's
// footprint, above for the hanging thing's bottom above the other's top.)
void HangersAreAbove(SceneGraph* g) {
  std::set<std::string> hanging;
  for (const Relation& r : g->relations) {
    if (r.type == T::kHanging && !r.objects.empty()) hanging.insert(r.objects[0]);
  }
  // (Only what something is under is looked up: the stand-in lookup is not free.)
  std::set<std::string> over, hangs;
  for (const Relation& r : g->relations) {
    if (r.type == T::kUnder) over.insert(r.objects.begin(), r.objects.end());
  }
  for (const Object& o : g->objects) {
    if (over.count(o.id) && HangsFromCeiling(o, hanging)) hangs.insert(o.id);
  }
  std::vector<Relation> added;
  for (Relation& r : g->relations) {
    if (r.type != T::kUnder || r.objects.size() != 2 || !hangs.count(r.objects[1]) ||
        hangs.count(r.objects[0])) {
      continue;
    }
    r.type = T::kAbove;
    std::swap(r.objects[0], r.objects[1]);
    if (!hanging.insert(r.objects[0]).second) continue;
    Relation hang;
    hang.type = T::kHanging;
    hang.objects = {r.objects[0]};
    hang.source = r.source;
    added.push_back(std::move(hang));
  }
  for (Relation& r : added) g->relations.push_back(std::move(r));
}

}  // namespace

void AddDefaults(PlanResult* plan) {
  SceneGraph& g = plan->graph;
  RestStacksOnTheirFirstMember(&g);
  NoWallOverTheMiddle(&g);
  HangersAreAbove(&g);
  std::map<std::string, size_t> index;
  for (size_t o = 0; o < g.objects.size(); ++o) index[g.objects[o].id] = o;
  // `resting`: the subjects the text gives a support or a place to hang (not "above" something).
  std::set<std::string> supported, resting, facing, placed;
  // What the text positions each thing by, beside which work surfaces, and what rests on what.
  std::map<std::string, std::vector<std::string>> positioned, near_surfaces;
  std::map<std::string, std::string> support_of;
  for (const Relation& r : g.relations) {
    if (r.type == T::kOn || r.type == T::kStack || r.type == T::kAbove || r.type == T::kUnder ||
        r.type == T::kHanging || r.type == T::kOnWall || r.type == T::kOnFloor ||
        r.type == T::kInside) {
      for (const std::string& id : r.objects) supported.insert(id);
      if (r.type != T::kAbove && !r.objects.empty()) resting.insert(r.objects[0]);
    }
    if (r.type == T::kFacing || r.type == T::kFacingAway || r.type == T::kAcross) {
      facing.insert(r.objects[0]);
      if (r.type == T::kAcross) facing.insert(r.objects[1]);
    }
    if (r.type == T::kAgainstWall || r.type == T::kInCorner || r.type == T::kCenter ||
        r.type == T::kOnWall || r.type == T::kBetween || r.type == T::kAround) {
      for (const std::string& id : r.objects) placed.insert(id);
    }
    // A position the text states for a thing ("a lamp behind the armchair") is where it stands:
    // no support is implied for it.
    // Beside a work surface is no position away from it ("a desk with a laptop": near, and on
    // it by default).
    const std::vector<std::string> subjects = PositionedSubjects(r);
    for (const std::string& id : subjects) {
      if (r.type == T::kNear && r.objects.size() == 2) {
        near_surfaces[id].push_back(r.objects[1]);
        continue;
      }
      std::vector<std::string>& refs = positioned[id];
      for (const std::string& other : r.objects) {
        if (std::find(subjects.begin(), subjects.end(), other) == subjects.end()) {
          refs.push_back(other);
        }
      }
    }
    if (r.type == T::kOn && r.objects.size() == 2) support_of[r.objects[0]] = r.objects[1];
  }
  std::vector<Relation> added;
  auto add = [&](RelationType type, std::vector<std::string> ids) {
    Relation r;
    r.type = type;
    r.objects = std::move(ids);
    added.push_back(std::move(r));
  };
  // Openings have ids but no category.
  static const std::string kNone;
  auto category = [&](const std::string& id) -> const std::string& {
    const auto it = index.find(id);
    return it == index.end() ? kNone : g.objects[it->second].category;
  };
  // Seating faces the television when the text says nothing about where it looks.
  std::string screen;
  for (const Object& o : g.objects) {
    if (screen.empty() && AnyKind(o.category, ScreenClasses())) screen = o.id;
  }
  if (!screen.empty()) {
    for (const Object& o : g.objects) {
      if (!facing.count(o.id) && AnyKind(o.category, SeatClasses()) &&
          !AnyKind(o.category, {"chair"})) {
        add(T::kFacing, {o.id, screen});
        facing.insert(o.id);
      }
    }
  }
  // Seats around, beside or at a table face it (unless the text turned them).
  for (const Relation& r : g.relations) {
    if (r.type != T::kAround && r.type != T::kNear && r.type != T::kBetween) continue;
    if (r.type == T::kBetween) {
      for (size_t k = 1; k < 3; ++k) {
        if (AnyKind(category(r.objects[k]), SeatClasses()) && !facing.count(r.objects[k]) &&
            AnyKind(category(r.objects[0]), WorkSurfaceClasses())) {
          add(T::kFacing, {r.objects[k], r.objects[0]});
          facing.insert(r.objects[k]);
        }
      }
      continue;
    }
    const std::string& ref = r.objects.back();
    if (!AnyKind(category(ref), WorkSurfaceClasses())) continue;
    for (size_t k = 0; k + 1 < r.objects.size(); ++k) {
      const std::string& s = r.objects[k];
      if (AnyKind(category(s), SeatClasses()) && !facing.count(s)) {
        add(T::kFacing, {s, ref});
        facing.insert(s);
      }
    }
  }
  // Indoors, beds, wardrobes, bookcases, dressers and fireplaces stand against a wall unless the
  // text places them.
  if (g.environment.IsRoom()) {
    for (const Object& o : g.objects) {
      if (!placed.count(o.id) && AnyKind(o.category, AgainstWallClasses())) {
        add(T::kAgainstWall, {o.id});
      }
    }
  }
  // A thing made to hang from the ceiling hangs there unless the text gives it another support
  // ("a ceiling fan over the bed", "a chandelier above the table": WordNet's definition of a
  // chandelier says it hangs from the ceiling).
  for (const Object& o : g.objects) {
    // (Or the catalog's entry hangs: "pendant light".)
    const CategoryInfo* entry = CatalogEntry(o.category);
    if (resting.count(o.id) || !(MadeToHangFromCeiling(o.category) ||
                                 (entry != nullptr && entry->support == Support::kCeiling))) {
      continue;
    }
    add(T::kHanging, {o.id});
    supported.insert(o.id);
  }

  // A small thing that names no support rests on a table, desk or counter.
  std::vector<std::string> surfaces;
  for (const Object& o : g.objects) {
    if (AnyKind(o.category, WorkSurfaceClasses())) surfaces.push_back(o.id);
  }
  for (const Object& o : g.objects) {
    if (supported.count(o.id) || !SmallSurfaceThing(o)) continue;
    std::string surface = surfaces.empty() ? "" : surfaces.front();
    if (const auto by = positioned.find(o.id); by != positioned.end()) {
      // Placed by things: on what they rest on ("plates around the cake" on the cake's table),
      // else on the floor where the text put it ("a lamp behind the armchair").
      surface.clear();
      for (const std::string& ref : by->second) {
        if (const auto s = support_of.find(ref); s != support_of.end()) surface = s->second;
      }
    } else if (const auto near = near_surfaces.find(o.id); near != near_surfaces.end()) {
      // Beside things: on one of them that is a work surface, else on what they rest on, else
      // where it was put.
      const auto it = std::find_first_of(near->second.begin(), near->second.end(), surfaces.begin(),
                                         surfaces.end());
      surface = it != near->second.end() ? *it : "";
      for (const std::string& ref : near->second) {
        if (const auto s = support_of.find(ref); s != support_of.end() && surface.empty()) {
          surface = s->second;
        }
      }
    }
    if (surface.empty() || surface == o.id) continue;
    add(T::kOn, {o.id, surface});
    plan->warnings.push_back(o.id + " rests on " + surface + " (no support was named)");
  }
  for (Relation& r : added) g.relations.push_back(std::move(r));
}

}  // namespace scenecraft
