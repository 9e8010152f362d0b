// Assets.resolve: gives every object of a scene a model reference, a real size, has_front and
// support, from the configured sources in order of preference.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "scenecraft/assets/model.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

struct AssetOptions {
  // Sources in order of preference: "sh3d", "procedural", or a folder path.
  std::vector<std::string> sources{"procedural"};
  // Check() throws Error on a bad value.
  void Check() const;
};

// Fills asset, size (when not given), has_front and support for every object. Returns warnings
// (an unknown category falls back to a generic shape).
std::vector<std::string> ResolveAssets(SceneGraph* graph, const AssetOptions& options);

// Size words of a description ("small", "large", "tall", "long", "tiny") as scale factors
// applied to a default size.
Vec3 ApplySizeWords(std::string_view description, const Vec3& size);

// The model of each object (keyed by object id), for the emitter. Objects must be resolved.
std::map<std::string, Model> BuildModels(const SceneGraph& graph);

}  // namespace scenecraft
