// The procedural catalog: parametric models for common categories, always available, so the
// program works with nothing installed but Blender (ARCHITECTURE.md section 5).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/assets/model.h"
#include "scenecraft/assets/standin.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

struct CategoryInfo {
  std::string name;                   // the category, singular ("coffee table")
  std::vector<std::string> synonyms;  // other names that mean it ("couch" for sofa)
  Vec3 size;                          // real-world default width x depth x height, metres
  bool has_front = false;
  Support support = Support::kFloor;
  std::vector<std::string> scenes;  // scene types it belongs to ("living room", "park")
};

// Every category the procedural catalog can build.
const std::vector<CategoryInfo>& ProceduralCategories();
// Finds a category by name or synonym (lower case, singular); nullptr when unknown.
const CategoryInfo* FindProceduralCategory(std::string_view name);

// Builds the model for an object at its size (object.size must be set), honouring colour and
// material words of its description (`hypernyms`, may be empty, lets WordNet name materials no
// table lists). Unknown categories give a labelled generic shape, unless the object's asset
// names a stand-in shape or catalog category to borrow (standin.h).
Model BuildProceduralModel(const Object& object, const HypernymLookup& hypernyms = {});

}  // namespace scenecraft
