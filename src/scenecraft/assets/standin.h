// Stand-ins: the shape and size an object takes when no model is of its kind. The category stays
// the user's noun ("cedar chest", "garden gnome"); the stand-in borrows the shape of the nearest
// WordNet hypernym that a stand-in shape or a procedural catalog category stands for ("chest" ->
// a box-like chest, "spiritual being" -> a figurine), and a size prior for it: the table's typical
// size of things below that hypernym, changed by the description's size words.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/scene.h"

namespace scenecraft {

// Hypernyms of a noun or noun phrase, nearest first across its senses (the more frequent sense
// first within one level), lower case with spaces; empty when the noun is unknown. The assets
// module sits below lang, so the agent wires WordNet in (agent/asset_terms.h).
using HypernymLookup = std::function<std::vector<std::string>(std::string_view)>;

// The senses of a noun or noun phrase, most frequent first: for each, the words of every hypernym
// on all its paths, nearest first, lower case with spaces. Empty when the noun is unknown.
using SenseLookup = std::function<std::vector<std::vector<std::string>>(std::string_view)>;

// Whether a word of a noun phrase makes the thing a small copy of its kind: a modifier (`head`
// false: "toy", "doll" of "doll carriage") or the noun the shape came from (`head` true: a
// bonsai is a dwarfed tree). The agent wires WordNet's definitions in (lang/thing_senses.h).
using SmallCopyLookup = std::function<bool(std::string_view word, bool head)>;

// A sense lookup with one sense: the flat hypernym list (for lookups that do not tell senses
// apart, and tests). Empty when `hypernyms` is.
SenseLookup SingleSense(HypernymLookup hypernyms);

// One row of the stand-in table (standin_table.cc): a WordNet hypernym and the shape and typical
// size of the things below it.
struct StandInKind {
  std::string_view hypernym;  // a word of a WordNet synset: "chest", "spiritual being"
  // When not empty, another hypernym that must be on the same chain: it picks the sense ("vessel"
  // within "container" is a pot, not a ship).
  std::string_view within;
  std::string_view shape;  // a stand-in shape (procedural_standins.cc) or a catalog category
  Vec3 size_m;             // typical width x depth x height of such things
  Support support;
  bool has_front;
};

// The table, most specific hypernyms first within a chain does not matter: the chain's order
// decides (the nearest hypernym with a row wins).
const std::vector<StandInKind>& StandInKinds();

struct StandIn {
  std::string shape;  // what BuildProceduralModel builds: a stand-in shape or catalog category
  std::string via;    // the word whose shape it has ("chest" for a cedar chest)
  Vec3 size_m;        // the size prior, with the description's size words applied
  Vec3 typical_m;     // the table's (or catalog's) typical size, before size words
  Support support = Support::kFloor;
  bool has_front = false;
  // Below 1 when it is a small copy of its kind (a toy, a bonsai): the factor that made size_m
  // at most kSmallCopyExtent. A real model's size is capped the same way (CapSmallCopy).
  double copy_scale = 1.0;
  // "stand-in (shape of chest)": what the report and scene.json say about the object's model.
  std::string Label() const;
};

// The stand-in for a category. Candidates come from the full noun phrase, then its shorter tails
// ("antique cedar chest" -> "cedar chest" -> "chest"; the longest tail with any candidate
// decides), each sense of it by its hypernyms, nearest first: the first word that a table row or
// a catalog category (name or synonym) matches gives the sense's shape and size. Among the
// senses, the one that fits a scene wins: a made thing (WordNet's "artifact") before food
// before a living or other physical thing before an abstraction ("magazine" the periodical, not the
// publisher), the more frequent sense first, a sense that shares a near hypernym with a modifier of
// the phrase first of all ("barbecue grill": the grate, which a barbecue rack also is, not the
// grill room; when that sense has no row, the modifier's agreeing sense lends its shape), and a
// size that fits into `fits_m` (the room, or the outdoor extent) before one that does not.
// Modifiers the shape did not use scale the size: a small copy ("toy", "model", "miniature", and
// what `small_copy` accepts, which may also take the noun itself: a bonsai) is at most
// kSmallCopyExtent, size words ("mini", "small") scale it, an animal makes it to the animal's
// size ("cat bed", "hamster cage"). nullopt when
// no sense of any tail matches (then the object is a shapeless placeholder). `senses` may be
// empty (then only the words themselves match).
std::optional<StandIn> ChooseStandIn(std::string_view category, std::string_view description,
                                     const SenseLookup& senses,
                                     const std::optional<Vec3>& fits_m = std::nullopt,
                                     const SmallCopyLookup& small_copy = {});

// The largest extent of a small copy of a thing (a toy, a model, a bonsai), metres: hand-held or
// table-top, whatever the size of the thing copied.
inline constexpr double kSmallCopyExtent = 0.6;

// `size` scaled (in proportion) so that its largest extent is at most kSmallCopyExtent.
Vec3 CapSmallCopy(const Vec3& size);
// The same with a flat hypernym list as one sense.
std::optional<StandIn> ChooseStandIn(std::string_view category, std::string_view description,
                                     const HypernymLookup& hypernyms);

// Whether a model id names a stand-in shape (procedural_standins.cc).
bool IsStandInShape(std::string_view name);

}  // namespace scenecraft
