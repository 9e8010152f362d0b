// Colour and material words of an object's description ("red leather", "oak", "glass").
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "scenecraft/assets/model.h"

namespace scenecraft {

struct Appearance {
  std::optional<std::array<double, 4>> color;  // linear RGBA from a colour word
  std::optional<Material> material;            // a material preset from a material word
  std::string color_word;
  std::string material_word;
};

// Reads colour and material words from a description; unknown words are ignored.
Appearance ParseAppearance(std::string_view description);

// Applies an appearance to a model's main material (the one named `main`), keeping others.
void ApplyAppearance(const Appearance& appearance, std::string_view main, Model* model);

// Named linear colours ("red", "navy", "beige" ...); nullopt when unknown.
std::optional<std::array<double, 4>> ColorFromWord(std::string_view word);

}  // namespace scenecraft
