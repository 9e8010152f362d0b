#include "scenecraft/assets/resolve.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include "scenecraft/assets/appearance.h"
#include "scenecraft/assets/light_source.h"
#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/retrieval.h"
#include "scenecraft/assets/sh3d_catalog.h"
#include "scenecraft/assets/user_model.h"
#include "scenecraft/core/access.h"
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

std::vector<std::string> DefaultAssetSources(const fs::path& sh3d_directory,
                                             std::vector<std::string>* warnings) {
  std::error_code ec;
  for (fs::directory_iterator it(sh3d_directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".sh3f") return {"sh3d", "procedural"};
  }
  warnings->push_back("no Sweet Home 3D furniture library in " + sh3d_directory.string() +
                      " (Debian package sweethome3d-furniture): using procedural models only");
  return {"procedural"};
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
    if (w == "tiny" || w == "miniature" || w == "mini") out = out * 0.5;
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

AssetShares& AssetShares::operator+=(const AssetShares& o) {
  objects += o.objects;
  models += o.models;
  procedural += o.procedural;
  standins += o.standins;
  placeholders += o.placeholders;
  return *this;
}

std::string AssetShares::ToString() const {
  const auto pct = [&](int n) {
    return FormatNumber(objects == 0 ? 0.0 : 100.0 * n / objects, 1) + " %";
  };
  return std::to_string(objects) + " objects: " + std::to_string(models) + " real models (" +
         pct(models) + "), " + std::to_string(procedural) + " procedural (" + pct(procedural) +
         "), " + std::to_string(standins) + " stand-ins (" + pct(standins) + "), " +
         std::to_string(placeholders) + " shapeless placeholders (" + pct(placeholders) + ")";
}

AssetShares CountAssetShares(const SceneGraph& graph) {
  AssetShares s;
  for (const Object& o : graph.objects) {
    ++s.objects;
    if (o.asset.source == "sh3d" || o.asset.source == "user") {
      ++s.models;
    } else if (o.asset.id == "generic" || o.asset.empty()) {
      ++s.placeholders;
    } else if (FindProceduralCategory(o.category) != nullptr) {
      ++s.procedural;
    } else {
      ++s.standins;
    }
  }
  return s;
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

// A model's size with the text's size words: on each axis a word scaled (`ratio` is not 1: "small",
// "tall", "toy"), a model more than a quarter off the size asked for (`wanted`) takes that size
// (the emitted script fits imports to the object's size); otherwise the model's own.
Vec3 FitToSizeWords(const Vec3& model, const Vec3& wanted, const Vec3& ratio) {
  auto fit = [](double m, double w, double r) {
    constexpr double kTolerance = 1.25;
    if (r == 1.0 || w <= 0.0) return m;
    return m > kTolerance * w || m * kTolerance < w ? w : m;
  };
  return {fit(model.x, wanted.x, ratio.x), fit(model.y, wanted.y, ratio.y),
          fit(model.z, wanted.z, ratio.z)};
}

void UseIndexed(Object* o, const AssetRecord& r, const CategoryInfo* info,
                const std::optional<StandIn>& standin, const Vec3& wanted, const Vec3& ratio) {
  o->asset = {r.source, r.id, r.name, r.creator, r.license};
  // The model's true dimensions, so the solver and the readback agree with what is built, unless
  // the text's size words ask for another.
  if (!o->HasSize()) o->size = FitToSizeWords(r.size_m, wanted, ratio);
  o->has_front = info != nullptr ? info->has_front : standin ? standin->has_front : true;
  o->support = info != nullptr ? info->support : standin ? standin->support : Support::kFloor;
}

// The size prior from real models: the median extents of indexed models of the kind a stand-in
// borrows its shape from (their kind, or its head noun, is that word: "chest", "cage"), among
// those within a factor of three of the table's typical size (other senses of the word).
std::optional<Vec3> IndexedSizePrior(const AssetIndex& index, const StandIn& standin) {
  std::vector<double> xs, ys, zs;
  const Vec3& prior = standin.size_m;
  for (const AssetHit& hit : index.Search(standin.via, /*limit=*/60)) {
    const AssetRecord& r = hit.record;
    if (r.door_or_window || (r.kind != standin.via && HeadNoun(r.kind) != standin.via)) continue;
    const double height = r.size_m.z / prior.z;
    const double footprint = std::max(r.size_m.x, r.size_m.y) / std::max(prior.x, prior.y);
    if (height > 3 || height < 1.0 / 3 || footprint > 3 || footprint < 1.0 / 3) continue;
    xs.push_back(r.size_m.x);
    ys.push_back(r.size_m.y);
    zs.push_back(r.size_m.z);
  }
  if (xs.empty()) return std::nullopt;
  const auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  return Vec3{median(xs), median(ys), median(zs)};
}

// What a stand-in must fit into: a room's floor and height, or an outdoor extent (with room
// above for trees and buildings).
std::optional<Vec3> SceneExtent(const Environment& environment) {
  if (environment.IsRoom()) return environment.size;
  return Vec3{environment.size.x, environment.size.y, 30.0};
}

}  // namespace

std::vector<std::string> ResolveAssets(SceneGraph* graph, const AssetOptions& options) {
  options.Check();
  std::vector<std::string> warnings;
  std::unique_ptr<AssetIndex> index;
  if (NeedsIndex(options)) index = OpenIndex(options, /*update=*/true, &warnings);
  const SenseLookup senses = options.senses ? options.senses : SingleSense(options.hypernyms);
  const std::optional<Vec3> fits_m = SceneExtent(graph->environment);
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
    // Outdoors a door or a window (an opening kind, core/scene.h) has no room wall to sit in:
    // the planner makes it a thing (lang/environment.cc), built as a stretch of a building's wall
    // with the door or window in its front, since a door standing alone on a lawn is no door.
    if (!graph->environment.IsRoom() && (o.category == "door" || o.category == "window")) {
      const std::string shape = "wall with " + o.category;
      if (!o.HasSize()) o.size = Vec3{3.0, 0.3, 2.8};
      o.asset = {"procedural", shape, "stand-in (a building's " + shape + ")", "SceneCraft", "CC0"};
      o.has_front = true;
      o.support = Support::kFloor;
      continue;
    }
    // A category no catalog entry names borrows the shape and size prior of its nearest
    // hypernym (standin.h); the prior also keeps retrieval from a wrong sense's model.
    std::optional<StandIn> standin;
    if (info == nullptr)
      standin = ChooseStandIn(o.category, o.description, senses, fits_m, options.small_copy);
    // How the size words (and a stand-in's miniature modifiers) scale the kind's typical size.
    // (A small copy's cap is no ratio: it is applied to the real size again, below.)
    const double copy = standin ? standin->copy_scale : 1.0;
    const Vec3 ratio = standin ? Vec3{standin->size_m.x / (copy * standin->typical_m.x),
                                      standin->size_m.y / (copy * standin->typical_m.y),
                                      standin->size_m.z / (copy * standin->typical_m.z)}
                               : ApplySizeWords(o.description, {1.0, 1.0, 1.0});
    // Real models of the stand-in's kind say its size better than the table, where there are.
    if (standin && index != nullptr) {
      StandIn full = *standin;  // the kind at full size picks the real models
      full.size_m = standin->size_m * (1.0 / copy);
      if (const std::optional<Vec3> real = IndexedSizePrior(*index, full)) {
        // The size words scale the real size as they scaled the table's; a small copy is capped.
        const Vec3 sized{real->x * ratio.x, real->y * ratio.y, real->z * ratio.z};
        standin->size_m = copy < 1.0 ? CapSmallCopy(sized) : sized;
      }
    }
    // The size the object should have: the procedural default with the description's size words.
    const Vec3 hint = info != nullptr ? ApplySizeWords(o.description, info->size)
                      : standin       ? standin->size_m
                                      : (o.HasSize() ? o.size : Vec3{});
    const Vec3 size_hint = o.HasSize() ? o.size : hint;
    bool done = false;
    for (const std::string& source : options.sources) {
      if (source == "procedural") {
        if (info == nullptr && !standin) continue;
        if (!o.HasSize()) o.size = hint;
        if (info != nullptr) {
          o.asset = {"procedural", info->name, info->name, "SceneCraft", "CC0"};
          o.has_front = info->has_front;
          o.support = info->support;
        } else {
          o.asset = {"procedural", standin->shape, standin->Label(), "SceneCraft", "CC0"};
          o.has_front = standin->has_front;
          o.support = standin->support;
        }
        done = true;
      } else if (index != nullptr) {
        const bool sh3d = source == "sh3d";
        const std::optional<RetrievalChoice> choice = ChooseAsset(
            *index, {o.category, o.description, size_hint}, sh3d ? "sh3d" : "user",
            sh3d ? fs::path() : fs::path(source), options.expand_terms, options.kind_distance);
        if (!choice) continue;
        // A model of the immediate kind gives way to a procedural model of the thing itself (a
        // "table on trestles" is no counter).
        if (choice->broader > 0 && info != nullptr) continue;
        const bool sized = o.HasSize();
        UseIndexed(&o, choice->record, info, standin, hint, ratio);
        if (!sized && standin && standin->copy_scale < 1.0) o.size = CapSmallCopy(o.size);
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
  // What must stay clear to use each floor object (core/access.h), for the solver and critic.
  for (Object& o : graph->objects) {
    if (o.access_m > 0 || o.support != Support::kFloor) continue;
    const std::vector<std::string> kinds =
        options.hypernyms ? options.hypernyms(o.category) : std::vector<std::string>{};
    if (const std::optional<AccessRule> rule = AccessFor(o.category, kinds)) {
      o.access_m = rule->clearance_m;
      o.access_long_side = rule->long_side;
    }
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
    // The procedural model, also the fallback of an import: a stand-in for unknown categories.
    Model model = BuildProceduralModel(o, options.hypernyms);
    if (model.generic && o.asset.source != "procedural") {
      if (const std::optional<StandIn> s =
              ChooseStandIn(o.category, o.description,
                            options.senses ? options.senses : SingleSense(options.hypernyms),
                            SceneExtent(graph.environment), options.small_copy)) {
        Object copy = o;
        copy.asset = {"procedural", s->shape, s->Label(), "SceneCraft", "CC0"};
        model = BuildProceduralModel(copy, options.hypernyms);
      }
    }
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
        // The description's colour tints the imported model; material and finish words set
        // its main material's surface.
        const Appearance look = ParseAppearance(o.description, options.hypernyms);
        model.tint = look.color;
        if (look.material || look.roughness) {
          Model::SurfaceChange surface;
          if (look.material) {
            surface.roughness = look.material->roughness;
            surface.metallic = look.material->metallic;
            surface.transmission = look.material->transmission;
            surface.look = look.material->look;
            if (!model.tint && look.material->look != "wood") model.tint = look.material->rgba;
          }
          if (look.roughness) surface.roughness = look.roughness;
          model.surface = surface;
        }
        if (!look.empty()) {
          model.key += ":" + look.color_word + "/" + look.material_word + "/" + look.finish_word;
        }
      }
    }
    model.light = LightSourceFor(o.category, o.size, options.hypernyms);
    models[o.id] = std::move(model);
  }
  if (warnings == nullptr) {
    for (const std::string& w : local_warnings) LogWarning(w);
  }
  return models;
}

}  // namespace scenecraft
