// Colour, material and finish words of an object's description ("red velvet", "walnut", "matte
// black", "glass") as material settings. Colours come from the CSS/X11 colour names
// (color_table.h), materials from presets and WordNet hypernyms (material_table.h).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "scenecraft/assets/model.h"
#include "scenecraft/assets/standin.h"

namespace scenecraft {

struct Appearance {
  std::optional<std::array<double, 4>> color;  // linear RGBA from a colour word
  std::optional<Material> material;            // a material preset from a material word
  std::optional<double> roughness;             // from a finish word ("matte", "polished")
  std::string color_word;
  std::string material_word;
  std::string finish_word;
  bool empty() const { return !color && !material && !roughness; }
};

// Reads colour, material and finish words from a description; unknown words are ignored. A word
// no table names is a material when one of its WordNet hypernyms is a material class ("teak" ->
// wood, "pewter" -> alloy), which `hypernyms` (may be empty) looks up.
Appearance ParseAppearance(std::string_view description, const HypernymLookup& hypernyms = {});

// Applies an appearance to a model's main material (the one named `main`), keeping others.
void ApplyAppearance(const Appearance& appearance, std::string_view main, Model* model);

// Named linear colours ("red", "navy", "beige", "lightblue" ...); nullopt when unknown.
std::optional<std::array<double, 4>> ColorFromWord(std::string_view word);

}  // namespace scenecraft
