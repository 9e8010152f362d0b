#include "scenecraft/core/relation.h"

#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

const std::vector<RelationInfo>& AllRelationInfos() {
  using T = RelationType;
  static const std::vector<RelationInfo> infos = {
      {T::kOn, "on", 2, 2, true, {}, "A on / on top of B"},
      {T::kUnder, "under", 2, 2, true, {}, "A under / beneath / below B"},
      {T::kOnFloor, "on_floor", 1, 1, false, {}, "A stands on the floor"},
      {T::kAgainstWall, "against_wall", 1, 1, false, {"wall"}, "A against / along the wall"},
      {T::kInCorner, "in_corner", 1, 1, false, {"corner"}, "A in the corner"},
      {T::kOnWall, "on_wall", 1, 1, false, {"wall", "height_m"}, "A hangs on the wall"},
      {T::kHanging, "hanging", 1, 1, false, {}, "A hangs from the ceiling"},
      {T::kCenter, "center", 1, 1, false, {}, "A in the middle of the room or scene"},
      {T::kInsideRoom, "inside_room", 1, 1, false, {}, "A inside the room"},
      {T::kNear, "near", 2, 2, true, {"distance_m", "side"}, "A next to / beside / near B"},
      {T::kFar, "far", 2, 2, true, {"distance_m"}, "A far from B"},
      {T::kLeftOf, "left_of", 2, 2, true, {}, "A left of B"},
      {T::kRightOf, "right_of", 2, 2, true, {}, "A right of B"},
      {T::kInFrontOf, "in_front_of", 2, 2, true, {"distance_m"}, "A in front of B"},
      {T::kBehind, "behind", 2, 2, true, {"distance_m"}, "A behind B"},
      {T::kAbove, "above", 2, 2, true, {}, "A above / over B"},
      {T::kBetween, "between", 3, 3, false, {}, "A between B and C"},
      {T::kAcross, "across", 2, 2, true, {}, "A across from / opposite B"},
      {T::kFacing, "facing", 2, 2, true, {"angle_deg"}, "A faces B"},
      {T::kFacingAway, "facing_away", 2, 2, true, {"angle_deg"}, "A faces away from B"},
      {T::kParallel, "parallel", 2, -1, false, {}, "A, B ... parallel"},
      {T::kPerpendicular, "perpendicular", 2, 2, false, {}, "A at right angles to B"},
      {T::kSameOrientation, "same_orientation", 2, -1, false, {}, "all turned the same way"},
      {T::kAround, "around", 2, -1, true, {"distance_m"}, "A1..An around B"},
      {T::kRow, "row", 2, -1, false, {"spacing_m", "axis"}, "A1..An in a row"},
      {T::kAligned, "aligned", 2, -1, false, {"axis"}, "A1..An aligned along an axis"},
      {T::kGrid, "grid", 4, -1, false, {"rows", "columns", "spacing_m"}, "A1..An in a grid"},
      {T::kCircle, "circle", 3, -1, false, {"radius_m"}, "A1..An in a circle"},
      {T::kSymmetric, "symmetric", 3, 3, true, {}, "A1 and A2 on both sides of B"},
      {T::kStack, "stack", 2, -1, false, {}, "A1..An stacked, A1 at the bottom"},
      {T::kCluster, "cluster", 2, -1, false, {}, "A1..An grouped together"},
      {T::kLarger, "larger", 2, 2, true, {}, "A bigger than B"},
      {T::kTaller, "taller", 2, 2, true, {}, "A taller than B"},
      {T::kHierarchy, "hierarchy", 2, -1, false, {}, "A1..An from largest to smallest"},
      {T::kScaling, "scaling", 2, -1, false, {}, "A1..An smaller with distance"},
      {T::kOverlap, "overlap", 2, 2, true, {}, "A deliberately overlaps B (a rug under a table)"},
      {T::kInside, "inside", 2, 2, true, {}, "A inside / in / within B"},
      {T::kAtEnd, "at_end", 2, 2, true, {"end"}, "A at the foot / head / end of B"},
      {T::kAlongSide, "along_side", 2, 2, true, {"side"}, "A along the long / short side of B"},
  };
  return infos;
}

const RelationInfo& GetRelationInfo(RelationType type) {
  const auto& infos = AllRelationInfos();
  const size_t index = static_cast<size_t>(type);
  SC_CHECK_LT(index, infos.size());
  SC_CHECK(infos[index].type == type);
  return infos[index];
}

std::string_view RelationTypeName(RelationType type) {
  return GetRelationInfo(type).name;
}

std::optional<RelationType> RelationTypeFromName(std::string_view name) {
  for (const RelationInfo& info : AllRelationInfos()) {
    if (info.name == name) return info.type;
  }
  return std::nullopt;
}

std::optional<double> RelationArgs::Number(const std::string& key) const {
  auto it = numbers.find(key);
  if (it == numbers.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> RelationArgs::Word(const std::string& key) const {
  auto it = words.find(key);
  if (it == words.end()) return std::nullopt;
  return it->second;
}

std::string Source::ToString() const {
  if (begin >= 0) return "prompt " + std::to_string(begin) + ":" + std::to_string(end);
  if (!pointer.empty()) return pointer;
  return "(no source)";
}

std::string Relation::ToString() const {
  std::string out = std::string(RelationTypeName(type)) + "(" + Join(objects, ", ");
  for (const auto& [key, value] : args.numbers) out += ", " + key + "=" + FormatNumber(value);
  for (const auto& [key, value] : args.words) out += ", " + key + "=" + value;
  out += ")";
  if (hard) out += " [hard]";
  return out;
}

std::ostream& operator<<(std::ostream& out, const Relation& r) {
  return out << r.ToString();
}

}  // namespace scenecraft
