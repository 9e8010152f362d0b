// Models from the user's folders (ARCHITECTURE.md section 5): one model file read for the index
// (its real bounds through assimp, its optional sidecar), and the check that a model refers to no
// file outside the folder it was found in (issue 11, finding 11): its MTL libraries and their
// textures, glTF/GLB buffers and images, and any texture assimp reports. Blender imports the
// model later; whatever it would open must pass this check first.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenecraft/assets/asset_index.h"

namespace scenecraft {

// The sidecars of a model: `scenecraft.json` in its folder, then `<model file>.json` (which
// overrides the folder's), those that exist.
std::vector<std::filesystem::path> SidecarsOf(const std::filesystem::path& model);

// Throws Error naming the model and the reference unless the model file itself and every file it
// refers to (OBJ: `mtllib` and the maps of those MTL files; glTF and GLB: buffer and image URIs
// other than data: URIs) resolve inside `root` (ResolveInside in util/paths.h). Files that do not
// exist are not an error here (the model then imports without them).
void CheckModelReferences(const std::filesystem::path& root, const std::filesystem::path& model);

// Reads a model file of the folder `root` for the index: its words as the name, its bounds
// measured by assimp (which may open only files inside `root`), units and axes by format, all
// overridden by its sidecars. Throws Error when it cannot be read or refers outside `root`;
// appends notes (such as .blend files being skipped) to `warnings` and returns nullopt for them.
std::optional<AssetRecord> ReadUserModel(const std::filesystem::path& root,
                                         const std::filesystem::path& file,
                                         std::vector<std::string>* warnings);

}  // namespace scenecraft
