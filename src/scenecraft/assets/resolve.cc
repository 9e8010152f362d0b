#include "scenecraft/assets/resolve.h"

#include <cctype>
#include <memory>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/retrieval.h"
#include "scenecraft/assets/sh3d_catalog.h"
#include "scenecraft/assets/user_model.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;

void AssetOptions::Check() const {
  if (sources.empty()) throw Error("--assets: at least one asset source is needed");
  for (const std::string& s : sources) {
    if (s.empty()) throw Error("--assets: empty source name");
    if (s != "sh3d" && s != "procedural" && !fs::is_directory(s)) {
      throw Error("--assets: '" + s +
                  "' is neither sh3d, procedural nor an existing folder of models");
    }
  }
}

fs::path AssetOptions::CacheDir() const {
  return cache_dir.empty() ? DefaultCacheDirectory() : cache_dir;
}

std::vector<std::string> ParseAssetSources(std::string_view text) {
  std::vector<std::string> sources;
  for (const std::string& part : Split(text, ',')) {
    const std::string_view s = Trim(part);
    if (s.empty()) throw Error("--assets: empty source name in '" + std::string(text) + "'");
    sources.emplace_back(s);
  }
  if (sources.empty()) throw Error("--assets: at least one asset source is needed");
  return sources;
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

namespace {

bool NeedsIndex(const AssetOptions& options) {
  for (const std::string& s : options.sources) {
    if (s != "procedural") return true;
  }
  return false;
}

// Opens the index in the cache and brings it up to date for the configured sources. Throws Error
// when the index cannot be used: the sources the user asked for would silently be ignored.
std::unique_ptr<AssetIndex> OpenIndex(const AssetOptions& options, bool update,
                                      std::vector<std::string>* warnings) {
  try {
    auto index = std::make_unique<AssetIndex>((options.CacheDir() / "assets.sqlite").string(),
                                              options.expand_terms);
    if (!update) return index;
    std::vector<fs::path> paths;
    for (const std::string& s : options.sources) {
      if (s == "sh3d") {
        for (const fs::path& p : options.sh3d_paths) {
          std::error_code ec;
          if (fs::exists(p, ec)) paths.push_back(p);
        }
      } else if (s != "procedural") {
        paths.emplace_back(s);
      }
    }
    const IndexStats stats = index->Index(paths);
    for (const std::string& w : stats.warnings) warnings->push_back("assets: " + w);
    return index;
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + "; the asset sources '" + Join(options.sources, ",") +
                "' cannot be used without it (--assets procedural builds without the index)");
  }
}

// The folder a user model was indexed from: the source folder holding it, else its own folder.
fs::path UserModelRoot(const AssetOptions& options, const fs::path& file) {
  for (const std::string& s : options.sources) {
    if (s == "sh3d" || s == "procedural") continue;
    std::error_code ec;
    const fs::path root = fs::absolute(s, ec).lexically_normal();
    const fs::path rel = file.lexically_relative(root);
    if (!rel.empty() && *rel.begin() != "..") return root;
  }
  return file.parent_path();
}

void UseIndexed(Object* o, const AssetRecord& r, const CategoryInfo* info) {
  o->asset = {r.source, r.id, r.name, r.creator, r.license};
  // The model's true dimensions, so the solver and the readback agree with what is built.
  if (!o->HasSize()) o->size = r.size_m;
  o->has_front = info != nullptr ? info->has_front : true;
  o->support = info != nullptr ? info->support : Support::kFloor;
}

}  // namespace

std::vector<std::string> ResolveAssets(SceneGraph* graph, const AssetOptions& options) {
  options.Check();
  std::vector<std::string> warnings;
  std::unique_ptr<AssetIndex> index;
  if (NeedsIndex(options)) index = OpenIndex(options, /*update=*/true, &warnings);
  for (Object& o : graph->objects) {
    const CategoryInfo* info = FindProceduralCategory(o.category);
    if (!o.asset.empty()) {
      // Given by the scene file: keep it; take its size from the index when none is given.
      if (!o.HasSize() && index != nullptr && o.asset.source != "procedural") {
        if (auto r = index->Get(o.asset.id)) o.size = r->size_m;
      }
      if (!o.HasSize())
        o.size = ApplySizeWords(o.description, info ? info->size : Vec3{0.5, 0.5, 0.5});
      continue;
    }
    // The size the object should have: the procedural default with the description's size words.
    const Vec3 hint = info != nullptr ? ApplySizeWords(o.description, info->size)
                                      : (o.HasSize() ? o.size : Vec3{});
    const Vec3 size_hint = o.HasSize() ? o.size : hint;
    bool done = false;
    for (const std::string& source : options.sources) {
      if (source == "procedural") {
        if (info == nullptr) continue;
        if (!o.HasSize()) o.size = hint;
        o.asset = {"procedural", info->name, info->name, "SceneCraft", "CC0"};
        o.has_front = info->has_front;
        o.support = info->support;
        done = true;
      } else if (index != nullptr) {
        const bool sh3d = source == "sh3d";
        const std::optional<RetrievalChoice> choice =
            ChooseAsset(*index, {o.category, o.description, size_hint}, sh3d ? "sh3d" : "user",
                        sh3d ? fs::path() : fs::path(source), options.expand_terms);
        if (!choice) continue;
        UseIndexed(&o, choice->record, info);
        done = true;
      }
      if (done) break;
    }
    if (done) continue;
    warnings.push_back("no model for category '" + o.category + "' (object " + o.id +
                       "): using a labelled generic shape");
    if (!o.HasSize())
      o.size = ApplySizeWords(o.description, info ? info->size : Vec3{0.5, 0.5, 0.5});
    o.asset = {"procedural", "generic", "generic " + o.category, "", ""};
  }
  return warnings;
}

std::map<std::string, Model> BuildModels(const SceneGraph& graph, const AssetOptions& options,
                                         std::vector<std::string>* warnings) {
  std::vector<std::string> local_warnings;
  std::vector<std::string>* out_warnings = warnings != nullptr ? warnings : &local_warnings;
  std::map<std::string, Model> models;
  std::unique_ptr<AssetIndex> index;
  bool index_opened = false;
  std::map<std::string, std::optional<ImportSpec>> imports;  // by asset id, each extracted once
  for (const Object& o : graph.objects) {
    Model model = BuildProceduralModel(o);
    if (o.asset.source == "sh3d" || o.asset.source == "user") {
      if (!index_opened) {
        index = OpenIndex(options, /*update=*/false, out_warnings);
        index_opened = true;
      }
      auto found = imports.find(o.asset.id);
      if (found == imports.end()) {
        std::optional<ImportSpec> spec;
        const std::optional<AssetRecord> r = index ? index->Get(o.asset.id) : std::nullopt;
        try {
          if (!r) throw Error("model " + o.asset.id + " is not in the asset index");
          spec = ImportSpec{};
          spec->format = r->format;
          spec->unit_scale_m = r->unit_scale_m;
          spec->y_up = r->y_up;
          spec->front_yaw_rad = r->front_yaw_rad;
          spec->model_rotation = r->model_rotation;
          if (r->source == "sh3d") {
            const ExtractedModel extracted =
                ExtractSh3dModel(r->file, r->model_entry, options.CacheDir() / "models");
            if (!extracted.missing.empty()) {
              throw Error(r->file + ": model " + r->model_entry + " lacks " +
                          Join(extracted.missing, ", "));
            }
            spec->path = fs::absolute(extracted.model).string();
          } else {
            // Blender opens what the model names: check it again, the files may have changed.
            CheckModelReferences(UserModelRoot(options, r->file), r->file);
            spec->path = r->file;
          }
        } catch (const Error& e) {
          out_warnings->push_back(std::string(e.what()) + "; object " + o.id +
                                  " uses the procedural model instead");
          spec.reset();
        }
        found = imports.emplace(o.asset.id, spec).first;
      }
      if (found->second) {
        model.has_import = true;
        model.import = *found->second;
        // One mesh per model and size: equal keys share mesh data (linked duplicates).
        model.key = o.asset.source + ":" + o.asset.id + "@" + FormatNumber(o.size.x, 4) + "x" +
                    FormatNumber(o.size.y, 4) + "x" + FormatNumber(o.size.z, 4);
        model.size = o.size;
      }
    }
    models[o.id] = std::move(model);
  }
  if (warnings == nullptr) {
    for (const std::string& w : local_warnings) LogWarning(w);
  }
  return models;
}

}  // namespace scenecraft
