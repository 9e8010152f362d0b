// Light sources: objects that give off light when the scene is built (a lamp that is on, a
// chandelier, a street lamp, a candle). What is one is read from WordNet: a noun (or the tail of
// a compound, "desk lamp" -> "lamp") below one of the few classes of light_source_table.cc.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "scenecraft/assets/model.h"
#include "scenecraft/assets/standin.h"

namespace scenecraft {

// One row of the table: a WordNet class of light sources and where their bulb is.
struct LightSourceKind {
  std::string_view hypernym;  // a word of a WordNet synset: "source of illumination"
  double height_fraction;     // the bulb's height as a share of the object's height
  double watts_per_m;         // power per metre of the object's height (a bigger lamp is brighter)
};

const std::vector<LightSourceKind>& LightSourceKinds();

// The light an object of this category and size gives off, or nullopt when it is no light
// source. `hypernyms` may be empty (then only the words themselves match a row).
std::optional<Model::Light> LightSourceFor(std::string_view category, const Vec3& size_m,
                                           const HypernymLookup& hypernyms);

}  // namespace scenecraft
