// The relation vocabulary of RELATIONS.md: names, signatures and arguments. This registry is the
// one place a relation type is declared; layout (scoring) and critic (pass tests) key on it.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace scenecraft {

enum class RelationType {
  // Support and placement.
  kOn,
  kUnder,
  kOnFloor,
  kAgainstWall,
  kInCorner,
  kOnWall,
  kHanging,
  kCenter,
  kInsideRoom,
  // Relative position.
  kNear,
  kFar,
  kLeftOf,
  kRightOf,
  kInFrontOf,
  kBehind,
  kAbove,
  kBetween,
  kAcross,
  // Orientation.
  kFacing,
  kFacingAway,
  kParallel,
  kPerpendicular,
  kSameOrientation,
  // Groups.
  kAround,
  kRow,
  kAligned,
  kGrid,
  kCircle,
  kSymmetric,
  kStack,
  kCluster,
  // Size.
  kLarger,
  kTaller,
  kHierarchy,
  kScaling,
  // Overlap.
  kOverlap,
  // Added by this project (docs/RELATIONS_EXTRA.md): containment and the ends and sides of an
  // object.
  kInside,
  kAtEnd,
  kAlongSide,
};

// The signature of a relation type.
struct RelationInfo {
  RelationType type;
  std::string_view name;  // snake_case, as in RELATIONS.md and the scene JSON
  int min_objects;        // fewest object ids in `objects`
  int max_objects;        // most object ids; -1 for any number
  // True when the last object is the reference (B in on(A, B), around(A1..An, B)).
  bool has_reference;
  // Argument keys the type accepts, e.g. "distance_m", "axis", "wall".
  std::vector<std::string_view> args;
  // One line: how the relation reads in English.
  std::string_view reads_as;
};

// All relation types, in declaration order.
const std::vector<RelationInfo>& AllRelationInfos();
const RelationInfo& GetRelationInfo(RelationType type);
std::string_view RelationTypeName(RelationType type);
// Looks a name up ("left_of"); nullopt when unknown.
std::optional<RelationType> RelationTypeFromName(std::string_view name);

// Relation arguments: numbers (units in the key: "distance_m", "angle_deg") and words
// ("axis": "x", "wall": "back").
struct RelationArgs {
  std::map<std::string, double> numbers;
  std::map<std::string, std::string> words;

  bool empty() const { return numbers.empty() && words.empty(); }
  std::optional<double> Number(const std::string& key) const;
  std::optional<std::string> Word(const std::string& key) const;
};

// Where an entity came from: a span of the prompt (byte offsets) or a JSON pointer.
struct Source {
  int begin = -1;       // byte offset in the prompt, or -1
  int end = -1;         // one past the last byte, or -1
  std::string pointer;  // JSON pointer into the document it was read from, or empty
  bool empty() const { return begin < 0 && pointer.empty(); }
  std::string ToString() const;
};

struct Relation {
  RelationType type = RelationType::kNear;
  // Object ids in the order of the type's signature (the reference last).
  std::vector<std::string> objects;
  RelationArgs args;
  // A hard relation must hold; a soft one is weighed by `weight`.
  bool hard = false;
  double weight = 1.0;
  Source source;

  std::string ToString() const;  // "left_of(lamp_1, desk_1)"
};

std::ostream& operator<<(std::ostream& out, const Relation& r);

}  // namespace scenecraft
