// Assets.resolve: gives every object of a scene a model reference, a real size, has_front and
// support, from the configured sources in order of preference.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "scenecraft/assets/asset_index.h"
#include "scenecraft/assets/model.h"
#include "scenecraft/assets/standin.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

struct AssetOptions {
  // Sources in order of preference: "sh3d", "procedural", or a folder path.
  std::vector<std::string> sources{"procedural"};
  // Where the index (assets.sqlite) and extracted models live; empty: DefaultCacheDirectory().
  std::filesystem::path cache_dir;
  // The .sh3f files or folders the source "sh3d" means.
  std::vector<std::filesystem::path> sh3d_paths{DefaultSh3dDirectory()};
  // Synonyms and hypernyms of a noun for the index and retrieval; the agent wires WordNet in.
  // May be empty (names and tags still match).
  TermExpander expand_terms;
  // Hypernyms of a noun, nearest first, for stand-ins (standin.h); the agent wires WordNet in.
  // May be empty (then only catalog names match and unknown nouns get the generic shape).
  HypernymLookup hypernyms;
  // The senses of a noun with their hypernyms, for the stand-in's choice of sense (standin.h);
  // the agent wires WordNet in. May be empty (then `hypernyms` is taken as one sense).
  SenseLookup senses;
  // How far up a phrase's hypernyms a kind lies, for retrieval (retrieval.h); the agent wires
  // WordNet in. May be empty.
  KindDistanceLookup kind_distance;
  // Whether a word makes a thing a small copy of its kind (standin.h); the agent wires WordNet's
  // definitions in. May be empty (then a closed class: "toy", "model", "miniature").
  SmallCopyLookup small_copy;
  // Check() throws Error on a bad value.
  void Check() const;
  // cache_dir, or the default.
  std::filesystem::path CacheDir() const;
};

// The default sources: the Sweet Home 3D libraries, then procedural models; procedural alone
// (with one warning appended to `warnings`) when no Sweet Home 3D library is installed at
// `sh3d_directory`.
std::vector<std::string> DefaultAssetSources(const std::filesystem::path& sh3d_directory,
                                             std::vector<std::string>* warnings);

// Parses "sh3d,procedural,DIR" (the --assets flag) into sources; throws Error on an empty list.
std::vector<std::string> ParseAssetSources(std::string_view text);

// Fills asset, size (when not given), has_front and support for every object, trying the sources
// in order. Returns warnings (an unknown category falls back to a generic shape; an unreadable
// library is skipped). Throws Error when a source other than "procedural" is asked for and the
// asset index cannot be opened or updated (a cache that is not ours, a locked database): the run
// must not silently go on without the models the user asked for.
std::vector<std::string> ResolveAssets(SceneGraph* graph, const AssetOptions& options);

// How a resolved scene's objects are built: a real model (Sweet Home 3D or a user folder), a
// procedural model of the object's own category, a stand-in of a related kind (standin.h), or
// the shapeless labelled placeholder.
struct AssetShares {
  int objects = 0;
  int models = 0;
  int procedural = 0;
  int standins = 0;
  int placeholders = 0;
  AssetShares& operator+=(const AssetShares& o);
  std::string ToString() const;  // "12 objects: 8 real models (67 %), 3 procedural, ..."
};
AssetShares CountAssetShares(const SceneGraph& graph);

// Size words of a description ("small", "large", "tall", "long", "tiny") as scale factors
// applied to a default size.
Vec3 ApplySizeWords(std::string_view description, const Vec3& size);

// The model of each object (keyed by object id), for the emitter. Objects must be resolved.
// Indexed models are extracted into the cache and imported, with the procedural model as the
// fallback; a model that cannot be extracted, or lacks a texture, is replaced by the procedural
// model with a warning (appended to `warnings` when given, else logged).
std::map<std::string, Model> BuildModels(const SceneGraph& graph, const AssetOptions& options = {},
                                         std::vector<std::string>* warnings = nullptr);

}  // namespace scenecraft
