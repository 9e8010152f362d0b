// Access: the floor kept clear to use an object (core/access.h decides which objects and how
// deep). The zones it needs, how far an obstacle reaches into one (the solver's cost), and the
// clear depth measured in front of it or beside a long side (the critic's finding).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "scenecraft/core/scene.h"
#include "scenecraft/layout/relations.h"

namespace scenecraft {

using Quad = std::array<Vec2, 4>;

// The zone `depth_m` deep in front of the body's front, as wide as its front less 5 cm each side
// (`side` 0), or beside its left (1) or right (2) side, as long as the side less its head end (a
// bed's head stands between nightstands).
Quad AccessZone(const Body& body, int side, double depth_m);
// The sides a body is used from: {0} for a front, {1, 2} for the long sides of a bed; empty
// without access.
std::vector<int> AccessSides(const Body& body);
// How deep two convex quadrilaterals overlap: the least overlap of their projections on the four
// edge directions (0 when apart).
double Penetration(const Quad& a, const Quad& b);
// Whether `other` can block `body`'s access: it stands low (its bottom under 0.5 m), is not a rug,
// a door's clearance or the body itself.
bool CanBlockAccess(const Body& body, const Body& other);

struct AccessCheck {
  std::string id;
  double need_m = 0;
  double free_m = 0;       // the clear depth on the best side
  std::string side;        // "front", "left side", "right side"
  std::string blocked_by;  // what stops the best side short, "" when it is clear or a wall
  bool pass = false;
  std::string ToString() const;
};

// Measures the body's access among `others` (those the body may touch, like a chair at its desk,
// left out by the caller) and the room's floor: per side, the greatest depth up to need_m, in
// 5 cm steps, whose zone is clear of obstacles and inside the floor; the best side counts.
AccessCheck MeasureAccess(const Body& body, const std::vector<const Body*>& others,
                          const Environment& environment);

}  // namespace scenecraft
