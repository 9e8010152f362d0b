// The access table (core/access.h): what must stay clear to use a thing, by the WordNet nouns
// that name it or its kind. Depths follow common furniture-planning clearances (doors and
// drawers swing out, a person stands or sits in front).
#include "scenecraft/core/access.h"

namespace scenecraft {

const std::vector<AccessRule>& AccessTable() {
  static const std::vector<AccessRule> table = {
      // Storage with doors or drawers.
      {"wardrobe", 0.8, false},
      {"chest of drawers", 0.7, false},
      {"dresser", 0.7, false},
      {"bureau", 0.7, false},
      {"cabinet", 0.6, false},
      {"cupboard", 0.6, false},
      {"bookcase", 0.6, false},
      {"bookshelf", 0.6, false},
      {"filing cabinet", 0.8, false},
      // Work places: room for a chair and a person.
      {"desk", 0.7, false},
      {"workbench", 0.8, false},
      // Appliances and fixtures used standing in front of them.
      {"white goods", 0.9, false},        // refrigerator, washer, dishwasher
      {"kitchen appliance", 0.9, false},  // oven, stove, range
      {"home appliance", 0.8, false},
      {"plumbing fixture", 0.6, false},  // sink, toilet bowl, washbasin
      {"toilet", 0.6, false},            // WordNet's first sense is the room
      {"keyboard instrument", 0.8, false},
      // Beds are got into from a long side.
      {"bed", 0.6, true},
  };
  return table;
}

std::optional<AccessRule> AccessFor(std::string_view category,
                                    const std::vector<std::string>& hypernyms) {
  const auto find = [](std::string_view noun) -> const AccessRule* {
    for (const AccessRule& r : AccessTable()) {
      if (r.noun == noun) return &r;
    }
    return nullptr;
  };
  if (const AccessRule* r = find(category)) return *r;
  for (const std::string& h : hypernyms) {
    if (const AccessRule* r = find(h)) return *r;
  }
  return std::nullopt;
}

}  // namespace scenecraft
