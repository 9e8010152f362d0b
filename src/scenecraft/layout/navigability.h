// Navigability of a room (the critic's measured finding): where a walker of a given width can
// go from the door, as a share of the free floor, and which objects with a front it can reach.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/core/scene.h"
#include "scenecraft/layout/relations.h"

namespace scenecraft {

struct NavigabilityOptions {
  double walker_width_m = 0.4;  // the walker's shoulder width: it keeps half of it from anything
  double cell_m = 0.05;         // grid resolution of the floor
  double reach_m = 0.5;         // an object is reachable from within this distance of its foot
  void Check() const;           // throws Error on a bad value
};

struct Navigability {
  bool measured = false;                 // false outdoors or without a placed door
  double reachable_share = 1;            // of the floor the walker may stand on, the share reached
  std::vector<std::string> unreachable;  // floor objects with a front that cannot be reached
  std::string ToString() const;
};

// Walks from every placed door of the room over the free floor (obstacles: the bodies a walker
// bumps into, that is everything below 1.5 m but rugs and the openings themselves).
Navigability MeasureNavigability(const Environment& environment,
                                 const std::vector<const Body*>& bodies,
                                 const NavigabilityOptions& options = {});

}  // namespace scenecraft
