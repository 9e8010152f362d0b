// What defaults.cc and environment.cc share: kinds of things by WordNet and the procedural
// catalog.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/assets/procedural.h"

namespace scenecraft::defaults_detail {

// Whether a category is a kind of any of the classes (`IsKindOf`).
bool AnyKind(const std::string& category, const std::vector<std::string>& classes);

// The last word of a category ("oak desk" -> desk).
std::string Head(const std::string& category);

// The procedural catalog's entry for a category or its head ("oak desk" -> desk).
const CategoryInfo* CatalogEntry(const std::string& category);

}  // namespace scenecraft::defaults_detail
