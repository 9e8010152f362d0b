#include "scenecraft/assets/light_source.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "scenecraft/util/strings.h"

namespace scenecraft {

std::optional<Model::Light> LightSourceFor(std::string_view category, const Vec3& size_m,
                                           const HypernymLookup& hypernyms) {
  const std::vector<std::string> words = LowerWords(category);
  // The phrase and its shorter tails ("antique brass floor lamp" -> ... -> "lamp"), each with
  // what WordNet says it is, nearest first: the first row that matches decides.
  for (size_t first = 0; first < words.size(); ++first) {
    std::vector<std::string> chain{Join(
        std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(first), words.end()),
        " ")};
    if (hypernyms) {
      for (std::string& h : hypernyms(chain.front())) chain.push_back(std::move(h));
    }
    for (const std::string& term : chain) {
      for (const LightSourceKind& kind : LightSourceKinds()) {
        if (kind.hypernym != term) continue;
        Model::Light light;
        light.height_fraction = kind.height_fraction;
        // Brighter for bigger lights: a candle a few watts, a floor lamp about 60, a street lamp
        // a few hundred; bounded so a mis-sized model cannot blind the frame.
        light.watts = std::clamp(kind.watts_per_m * std::max(0.05, size_m.z), 3.0, 400.0);
        return light;
      }
    }
  }
  return std::nullopt;
}

}  // namespace scenecraft
