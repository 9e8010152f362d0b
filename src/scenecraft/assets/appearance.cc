#include "scenecraft/assets/appearance.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <utility>
#include <vector>

#include "scenecraft/assets/color_table.h"
#include "scenecraft/assets/material_table.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// sRGB (0-255) to linear, as Blender's base colour expects. Real surfaces reflect between about
// 2 % and 90 % of light, so the named colours' pure black and white are kept inside that range.
std::array<double, 4> Srgb(int r, int g, int b) {
  auto lin = [](int c) {
    const double s = c / 255.0;
    const double v = s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    return std::clamp(v, 0.02, 0.9);
  };
  return {lin(r), lin(g), lin(b), 1.0};
}

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

const MaterialPreset* FindPreset(std::string_view word) {
  for (const MaterialPreset& m : MaterialPresets()) {
    if (m.word == word) return &m;
  }
  return nullptr;
}

Material FromPreset(const MaterialPreset& p) {
  Material m;
  m.name = std::string(p.name);
  m.rgba = Srgb(p.r, p.g, p.b);
  m.roughness = p.roughness;
  m.metallic = p.metallic;
  m.transmission = p.transmission;
  m.look = std::string(p.look);
  return m;
}

// The material class WordNet puts a word in: the nearest of its hypernyms that is a class.
const MaterialPreset* ClassOf(const std::string& word, const HypernymLookup& hypernyms) {
  if (!hypernyms || word.size() < 3) return nullptr;
  for (const std::string& h : hypernyms(word)) {
    for (const MaterialClass& c : MaterialClasses()) {
      if (c.hypernym == h) return FindPreset(c.preset);
    }
  }
  return nullptr;
}

bool IsFinishWord(const std::string& word) {
  for (const FinishWord& f : FinishWords()) {
    if (f.word == word) return true;
  }
  return false;
}

}  // namespace

std::optional<std::array<double, 4>> ColorFromWord(std::string_view word) {
  const std::string w = ToLower(word);
  for (const NamedColor& c : NamedColors()) {
    if (w == c.name) return Srgb(c.r, c.g, c.b);
  }
  return std::nullopt;
}

Appearance ParseAppearance(std::string_view description, const HypernymLookup& hypernyms) {
  Appearance a;
  const std::vector<std::string> words = Words(description);
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    // Finish: "matte", "polished".
    for (const FinishWord& f : FinishWords()) {
      if (w == f.word && !a.roughness) {
        a.roughness = f.roughness;
        a.finish_word = w;
      }
    }
    // Material: a preset word, else a word WordNet files under a material class.
    const MaterialPreset* preset = FindPreset(w);
    bool by_class = false;
    if (preset == nullptr && !a.material && !IsFinishWord(w)) {
      preset = ClassOf(w, hypernyms);
      by_class = preset != nullptr;
    }
    if (preset != nullptr && !a.material) {
      a.material = FromPreset(*preset);
      a.material_word = w;
    }
    // Colour: two words as CSS joins them ("sky blue"), else one; "light"/"pale"/"dark" shade it.
    if (a.color) continue;
    std::optional<std::array<double, 4>> c;
    std::string word = w;
    if (i + 1 < words.size()) {
      c = ColorFromWord(w + words[i + 1]);
      if (c) word = w + " " + words[i + 1];
    }
    if (!c) c = ColorFromWord(w);
    // A wood's name is its material, not a colour ("walnut", "cherry" stay wood-coloured).
    if (!c || (preset != nullptr && !by_class && preset->name == std::string_view("wood"))) {
      continue;
    }
    std::array<double, 4> rgba = *c;
    if (i > 0 && (words[i - 1] == "light" || words[i - 1] == "pale")) {
      for (int k = 0; k < 3; ++k) rgba[k] = rgba[k] + (1.0 - rgba[k]) * 0.5;
    } else if (i > 0 && words[i - 1] == "dark") {
      for (int k = 0; k < 3; ++k) rgba[k] *= 0.35;
    }
    a.color = rgba;
    a.color_word = word;
    if (word.find(' ') != std::string::npos) ++i;
  }
  // A metal named by its colour ("gold", "silver") takes that colour.
  if (a.material && a.material_word == a.color_word && a.color) a.material->rgba = *a.color;
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
    if (appearance.roughness) m.roughness = *appearance.roughness;
  }
}

}  // namespace scenecraft
