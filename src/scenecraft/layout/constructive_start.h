// The constructive start of the layout search (see solver.h): initial poses from the relation
// semantics, in stage order (anchors against walls, in corners and at the centre; groups around a
// reference, rows, grids and circles; everything else near what it relates to; objects on
// surfaces), each group and object at the least crowded of a few candidate spots.
#pragma once

#include <vector>

#include "scenecraft/layout/solver_state.h"

namespace scenecraft::solver {

class ConstructiveStart {
 public:
  explicit ConstructiveStart(State* state) : s_(*state) {}

  // Gives every object without a pose one (given poses and warm starts stay).
  void Place();
  // How crowded a footprint would be: its overlap with the floor objects placed so far (kept
  // 0.3 m apart) and the part of it off the floor.
  double Crowding(const Rect2& r, int self);
  // The least crowded of a few random centres for a footprint of half extents `h` in `region`.
  Vec2 FreeSpot(const Vec2& h, const Rect2& region, int self);

 private:
  template <typename PlaceFn>
  void PlacePartner(int a, const std::vector<bool>& placed, PlaceFn& place);

  State& s_;
};

}  // namespace scenecraft::solver
