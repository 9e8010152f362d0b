#include "scenecraft/assets/material_table.h"

namespace scenecraft {

const std::vector<MaterialPreset>& MaterialPresets() {
  static const std::vector<MaterialPreset> presets = {
      // word, class, sRGB colour, roughness, metallic, transmission, look
      {"wood", "wood", 150, 105, 65, 0.6, 0.0, 0.0, "wood"},
      {"wooden", "wood", 150, 105, 65, 0.6, 0.0, 0.0, "wood"},
      {"oak", "wood", 170, 130, 85, 0.6, 0.0, 0.0, "wood"},
      {"pine", "wood", 205, 170, 115, 0.6, 0.0, 0.0, "wood"},
      {"walnut", "wood", 95, 65, 40, 0.55, 0.0, 0.0, "wood"},
      {"mahogany", "wood", 100, 40, 25, 0.5, 0.0, 0.0, "wood"},
      {"bamboo", "wood", 200, 175, 110, 0.6, 0.0, 0.0, "wood"},
      {"metal", "metal", 160, 162, 166, 0.35, 1.0, 0.0, "metal"},
      {"metallic", "metal", 160, 162, 166, 0.35, 1.0, 0.0, "metal"},
      {"steel", "metal", 170, 172, 176, 0.3, 1.0, 0.0, "metal"},
      {"iron", "metal", 70, 70, 72, 0.5, 1.0, 0.0, "metal"},
      {"chrome", "metal", 220, 222, 226, 0.1, 1.0, 0.0, "metal"},
      {"brass", "metal", 200, 160, 70, 0.3, 1.0, 0.0, "metal"},
      {"copper", "metal", 190, 110, 70, 0.3, 1.0, 0.0, "metal"},
      {"aluminium", "metal", 200, 202, 206, 0.3, 1.0, 0.0, "metal"},
      {"aluminum", "metal", 200, 202, 206, 0.3, 1.0, 0.0, "metal"},
      {"glass", "glass", 230, 240, 245, 0.05, 0.0, 0.9, ""},
      {"leather", "leather", 90, 55, 35, 0.45, 0.0, 0.0, "leather"},
      {"fabric", "fabric", 150, 150, 155, 0.9, 0.0, 0.0, "fabric"},
      {"velvet", "fabric", 120, 30, 60, 0.95, 0.0, 0.0, "fabric"},
      {"wool", "fabric", 200, 195, 185, 0.95, 0.0, 0.0, "fabric"},
      {"cotton", "fabric", 230, 228, 220, 0.9, 0.0, 0.0, "fabric"},
      {"marble", "marble", 235, 232, 228, 0.2, 0.0, 0.0, "marble"},
      {"stone", "stone", 140, 138, 132, 0.85, 0.0, 0.0, "stone"},
      {"concrete", "stone", 160, 160, 155, 0.9, 0.0, 0.0, "stone"},
      {"granite", "stone", 110, 108, 105, 0.5, 0.0, 0.0, "stone"},
      {"brick", "stone", 160, 75, 55, 0.9, 0.0, 0.0, "stone"},
      {"plastic", "plastic", 220, 220, 220, 0.4, 0.0, 0.0, ""},
      {"ceramic", "ceramic", 235, 235, 230, 0.25, 0.0, 0.0, ""},
      {"porcelain", "ceramic", 245, 245, 242, 0.2, 0.0, 0.0, ""},
      {"paper", "paper", 240, 236, 225, 0.9, 0.0, 0.0, ""},
      {"wicker", "wicker", 185, 145, 90, 0.85, 0.0, 0.0, "fabric"},
      {"rattan", "wicker", 185, 145, 90, 0.85, 0.0, 0.0, "fabric"},
  };
  return presets;
}

const std::vector<MaterialClass>& MaterialClasses() {
  // WordNet's substance and material hypernyms of the things furniture is made of.
  static const std::vector<MaterialClass> classes = {
      {"wood", "wood"},
      {"metal", "metal"},
      {"metallic element", "metal"},
      {"alloy", "metal"},
      {"fabric", "fabric"},
      {"cloth", "fabric"},
      {"textile", "fabric"},
      {"leather", "leather"},
      {"rock", "stone"},
      {"stone", "stone"},
      {"building material", "stone"},
      {"glass", "glass"},
      {"ceramic", "ceramic"},
      {"earthenware", "ceramic"},
      {"plastic", "plastic"},
      {"paper", "paper"},
  };
  return classes;
}

const std::vector<FinishWord>& FinishWords() {
  static const std::vector<FinishWord> finishes = {
      {"matte", 0.85},    {"matt", 0.85},    {"satin", 0.4},      {"eggshell", 0.45},
      {"brushed", 0.35},  {"frosted", 0.45}, {"glossy", 0.12},    {"gloss", 0.12},
      {"shiny", 0.1},     {"polished", 0.1}, {"lacquered", 0.12}, {"varnished", 0.15},
      {"mirrored", 0.02},
  };
  return finishes;
}

}  // namespace scenecraft
