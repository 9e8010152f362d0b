#include "scenecraft/assets/resolve.h"

#include <cctype>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

void AssetOptions::Check() const {
  if (sources.empty()) throw Error("--assets: at least one asset source is needed");
  for (const std::string& s : sources) {
    if (s.empty()) throw Error("--assets: empty source name");
  }
}

Vec3 ApplySizeWords(std::string_view description, const Vec3& size) {
  Vec3 out = size;
  std::string word;
  auto apply = [&](const std::string& w) {
    if (w == "small" || w == "little" || w == "compact") out = out * 0.75;
    if (w == "tiny" || w == "miniature") out = out * 0.5;
    if (w == "large" || w == "big") out = out * 1.3;
    if (w == "huge" || w == "giant" || w == "enormous") out = out * 1.8;
    if (w == "tall" || w == "high") out.z *= 1.35;
    if (w == "short" || w == "low") out.z *= 0.7;
    if (w == "long") out.x *= 1.5;
    if (w == "wide") out.x *= 1.3;
    if (w == "narrow") out.x *= 0.75;
    if (w == "single" || w == "twin") out.x *= 0.6;  // a single bed is about 0.9 m wide
    if (w == "king") out.x *= 1.25;
  };
  for (char c : description) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      apply(word);
      word.clear();
    }
  }
  apply(word);
  return out;
}

std::vector<std::string> ResolveAssets(SceneGraph* graph, const AssetOptions& options) {
  options.Check();
  std::vector<std::string> warnings;
  for (Object& o : graph->objects) {
    const CategoryInfo* info = FindProceduralCategory(o.category);
    if (info == nullptr) {
      warnings.push_back("no model for category '" + o.category + "' (object " + o.id +
                         "): using a labelled generic shape");
      if (!o.HasSize()) o.size = ApplySizeWords(o.description, {0.5, 0.5, 0.5});
      if (o.asset.empty()) o.asset = {"procedural", "generic", "generic " + o.category, "", ""};
      continue;
    }
    if (!o.HasSize()) o.size = ApplySizeWords(o.description, info->size);
    if (o.asset.empty()) {
      o.asset = {"procedural", info->name, info->name, "SceneCraft", "CC0"};
      o.has_front = info->has_front;
      o.support = info->support;
    }
  }
  return warnings;
}

std::map<std::string, Model> BuildModels(const SceneGraph& graph) {
  std::map<std::string, Model> models;
  for (const Object& o : graph.objects) models[o.id] = BuildProceduralModel(o);
  return models;
}

}  // namespace scenecraft
