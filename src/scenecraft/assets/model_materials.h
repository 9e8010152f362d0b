// What an indexed model is made of, from its own material library (the OBJ's .mtl): the
// material names and texture files ("tableglass", "oak_veneer.jpg") and transparency. Retrieval
// uses it to prefer a wooden coffee table for "a wooden coffee table" when the catalog names
// both models only "Coffee table".
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "scenecraft/assets/asset_index.h"

namespace scenecraft {

// The material classes (MaterialPresets() names: "wood", "glass", "metal", ...) an .mtl text
// names: a preset word inside a material name or texture file name, and "glass" for a material
// that is mostly transparent (d below 0.6, or Tr above 0.4).
std::set<std::string> MaterialClassesOfMtl(std::string_view mtl_text);

// The material classes of an indexed OBJ model (empty for other formats, or when its material
// library cannot be read: retrieval then only knows what the name says). Reads the .mtl next to
// the model, inside the .sh3f for Sweet Home 3D models, within the zip reader's limits.
std::set<std::string> ModelMaterialClasses(const AssetRecord& record);

}  // namespace scenecraft
