// Material knowledge as data (material_table.cc): presets for material words, the WordNet
// hypernyms that make an unknown word a material of a class ("teak" is a wood, "pewter" an
// alloy), and finish words. Closed classes, chosen as the substances furniture and household
// things are made of, not from any prompt.
#pragma once

#include <string_view>
#include <vector>

namespace scenecraft {

struct MaterialPreset {
  std::string_view word;  // "walnut", "velvet", "glass"
  std::string_view name;  // the material class: "wood", "metal", "glass", "fabric", ...
  int r, g, b;            // sRGB 0-255 typical colour
  double roughness;
  double metallic;
  double transmission;
  // The procedural look the emitted script builds from nodes: "wood", "fabric", "leather",
  // "marble", "stone", "metal", or empty for a plain surface.
  std::string_view look;
};

// Words that name a material, each with its preset; the class names ("wood", "metal" ...) are
// among them.
const std::vector<MaterialPreset>& MaterialPresets();

// A WordNet hypernym and the class (a preset word) of any word below it.
struct MaterialClass {
  std::string_view hypernym;  // "wood", "alloy", "fabric", "rock"
  std::string_view preset;    // a MaterialPresets() word
};
const std::vector<MaterialClass>& MaterialClasses();

// Finish words and the roughness they mean ("matte" 0.85, "polished" 0.12).
struct FinishWord {
  std::string_view word;
  double roughness;
};
const std::vector<FinishWord>& FinishWords();

}  // namespace scenecraft
