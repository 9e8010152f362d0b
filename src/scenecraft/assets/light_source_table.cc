// The WordNet classes whose members give off light, and where their bulb sits.
#include "scenecraft/assets/light_source.h"

namespace scenecraft {

const std::vector<LightSourceKind>& LightSourceKinds() {
  static const std::vector<LightSourceKind> kinds = {
      // Hanging and fixed lights ("chandelier", "sconce"): the bulbs in the middle.
      {"lighting fixture", 0.5, 90.0},
      // Lamps of every kind ("floor lamp", "lantern", "street lamp"): the bulb in the shade.
      {"lamp", 0.82, 40.0},
      {"source of illumination", 0.82, 40.0},
  };
  return kinds;
}

}  // namespace scenecraft
