#include "scenecraft/assets/appearance.h"

#include <cctype>
#include <cmath>
#include <utility>
#include <vector>

#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// sRGB (0-255) to linear, as Blender's base colour expects.
std::array<double, 4> Srgb(int r, int g, int b) {
  auto lin = [](int c) {
    const double s = c / 255.0;
    return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  };
  return {lin(r), lin(g), lin(b), 1.0};
}

struct NamedColor {
  const char* name;
  int r, g, b;
};

constexpr NamedColor kColors[] = {
    {"red", 200, 30, 30},      {"crimson", 170, 20, 45},    {"maroon", 110, 20, 25},
    {"burgundy", 110, 25, 40}, {"pink", 235, 150, 170},     {"orange", 235, 120, 30},
    {"yellow", 235, 205, 40},  {"gold", 212, 175, 55},      {"golden", 212, 175, 55},
    {"green", 50, 140, 60},    {"olive", 110, 115, 45},     {"lime", 140, 200, 60},
    {"teal", 30, 120, 120},    {"turquoise", 60, 190, 180}, {"cyan", 60, 190, 210},
    {"blue", 40, 80, 180},     {"navy", 25, 35, 90},        {"purple", 120, 50, 140},
    {"violet", 140, 90, 190},  {"lavender", 180, 160, 215}, {"brown", 110, 70, 40},
    {"tan", 200, 165, 120},    {"beige", 220, 205, 175},    {"cream", 240, 230, 205},
    {"ivory", 240, 235, 215},  {"white", 240, 240, 238},    {"black", 20, 20, 22},
    {"grey", 128, 128, 128},   {"gray", 128, 128, 128},     {"silver", 190, 192, 196},
    {"charcoal", 55, 57, 60},  {"mahogany", 100, 40, 25},   {"walnut", 95, 65, 40},
    {"oak", 170, 130, 85},     {"pine", 205, 170, 115},     {"cherry", 140, 60, 40},
    {"mint", 160, 220, 180},   {"coral", 240, 120, 100},    {"magenta", 200, 40, 140},
};

struct MaterialPreset {
  const char* word;
  const char* name;
  int r, g, b;
  double roughness;
  double metallic;
  double transmission;
};

constexpr MaterialPreset kMaterials[] = {
    {"wooden", "wood", 150, 105, 65, 0.6, 0.0, 0.0},
    {"wood", "wood", 150, 105, 65, 0.6, 0.0, 0.0},
    {"oak", "wood", 170, 130, 85, 0.6, 0.0, 0.0},
    {"pine", "wood", 205, 170, 115, 0.6, 0.0, 0.0},
    {"walnut", "wood", 95, 65, 40, 0.55, 0.0, 0.0},
    {"mahogany", "wood", 100, 40, 25, 0.5, 0.0, 0.0},
    {"metal", "metal", 160, 162, 166, 0.35, 1.0, 0.0},
    {"metallic", "metal", 160, 162, 166, 0.35, 1.0, 0.0},
    {"steel", "metal", 170, 172, 176, 0.3, 1.0, 0.0},
    {"iron", "metal", 70, 70, 72, 0.5, 1.0, 0.0},
    {"chrome", "metal", 220, 222, 226, 0.1, 1.0, 0.0},
    {"brass", "metal", 200, 160, 70, 0.3, 1.0, 0.0},
    {"copper", "metal", 190, 110, 70, 0.3, 1.0, 0.0},
    {"aluminium", "metal", 200, 202, 206, 0.3, 1.0, 0.0},
    {"aluminum", "metal", 200, 202, 206, 0.3, 1.0, 0.0},
    {"glass", "glass", 230, 240, 245, 0.05, 0.0, 0.9},
    {"leather", "leather", 90, 55, 35, 0.45, 0.0, 0.0},
    {"fabric", "fabric", 150, 150, 155, 0.9, 0.0, 0.0},
    {"velvet", "fabric", 120, 30, 60, 0.95, 0.0, 0.0},
    {"wool", "fabric", 200, 195, 185, 0.95, 0.0, 0.0},
    {"cotton", "fabric", 230, 228, 220, 0.9, 0.0, 0.0},
    {"marble", "stone", 235, 232, 228, 0.2, 0.0, 0.0},
    {"stone", "stone", 140, 138, 132, 0.85, 0.0, 0.0},
    {"concrete", "stone", 160, 160, 155, 0.9, 0.0, 0.0},
    {"granite", "stone", 110, 108, 105, 0.5, 0.0, 0.0},
    {"brick", "stone", 160, 75, 55, 0.9, 0.0, 0.0},
    {"plastic", "plastic", 220, 220, 220, 0.4, 0.0, 0.0},
    {"ceramic", "ceramic", 235, 235, 230, 0.25, 0.0, 0.0},
    {"porcelain", "ceramic", 245, 245, 242, 0.2, 0.0, 0.0},
    {"wicker", "wicker", 185, 145, 90, 0.85, 0.0, 0.0},
    {"rattan", "wicker", 185, 145, 90, 0.85, 0.0, 0.0},
    {"bamboo", "wood", 200, 175, 110, 0.6, 0.0, 0.0},
};

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char c : text) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

}  // namespace

std::optional<std::array<double, 4>> ColorFromWord(std::string_view word) {
  const std::string w = ToLower(word);
  for (const NamedColor& c : kColors) {
    if (w == c.name) return Srgb(c.r, c.g, c.b);
  }
  return std::nullopt;
}

Appearance ParseAppearance(std::string_view description) {
  Appearance a;
  const std::vector<std::string> words = Words(description);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    for (const MaterialPreset& m : kMaterials) {
      if (w == m.word && !a.material) {
        Material mat;
        mat.name = m.name;
        mat.rgba = Srgb(m.r, m.g, m.b);
        mat.roughness = m.roughness;
        mat.metallic = m.metallic;
        mat.transmission = m.transmission;
        a.material = mat;
        a.material_word = w;
      }
    }
    // Wood names are materials first; take them as colour only when no other colour is given.
    if (auto c = ColorFromWord(w); c && !a.color) {
      const bool wood_name = w == "oak" || w == "pine" || w == "walnut" || w == "mahogany";
      if (!wood_name) {
        // "light blue", "dark green".
        std::array<double, 4> rgba = *c;
        if (i > 0 && (words[i - 1] == "light" || words[i - 1] == "pale")) {
          for (int k = 0; k < 3; ++k) rgba[k] = rgba[k] + (1.0 - rgba[k]) * 0.5;
        } else if (i > 0 && words[i - 1] == "dark") {
          for (int k = 0; k < 3; ++k) rgba[k] *= 0.35;
        }
        a.color = rgba;
        a.color_word = w;
      }
    }
  }
  return a;
}

void ApplyAppearance(const Appearance& appearance, std::string_view main, Model* model) {
  for (Material& m : model->materials) {
    if (m.name != main) continue;
    if (appearance.material) {
      const std::string name = m.name;
      m = *appearance.material;
      m.name = name;
    }
    if (appearance.color) m.rgba = *appearance.color;
  }
}

}  // namespace scenecraft
