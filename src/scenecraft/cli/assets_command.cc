#include "scenecraft/cli/assets_command.h"

#include <chrono>
#include <cstdio>
#include <memory>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/assets/retrieval.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"
#include "scenecraft/util/usage_error.h"

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

std::string Size(const Vec3& s) {
  return FormatNumber(s.x, 2) + " x " + FormatNumber(s.y, 2) + " x " + FormatNumber(s.z, 2) + " m";
}

std::string Where(const AssetRecord& r) {
  if (r.source == "sh3d") return "sh3d " + fs::path(r.file).filename().string();
  return "user " + r.file;
}

// The index in the cache, with WordNet as its expander.
std::unique_ptr<AssetIndex> OpenCacheIndex(const AssetOptions& options) {
  const fs::path db = options.CacheDir() / "assets.sqlite";
  return std::make_unique<AssetIndex>(db.string(), WithWordNet(options).expand_terms);
}

}  // namespace

void AddAssetFlags(CLI::App* app, AssetFlags* flags) {
  app->add_option("--assets", flags->sources,
                  "Asset sources in order of preference: sh3d, procedural and/or model folders, "
                  "comma-separated (default: sh3d,procedural; procedural where the Sweet Home "
                  "3D libraries are not installed)");
  app->add_option("--cache-dir", flags->cache_dir,
                  "Asset index and extracted models (default: $SCENECRAFT_CACHE_DIR, else "
                  "$XDG_CACHE_HOME/scenecraft, else ~/.cache/scenecraft)");
}

void ApplyAssetFlags(const AssetFlags& flags, AssetOptions* options) {
  if (!flags.sources.empty()) {
    options->sources = ParseAssetSources(flags.sources);
  } else {
    std::vector<std::string> warnings;
    options->sources = DefaultAssetSources(
        options->sh3d_paths.empty() ? DefaultSh3dDirectory() : options->sh3d_paths.front(),
        &warnings);
    for (const std::string& w : warnings) LogWarning(w);
  }
  if (!flags.cache_dir.empty()) options->cache_dir = flags.cache_dir;
  options->Check();
}

AssetsSubcommand AddAssetsCommand(CLI::App& root) {
  auto* app = root.add_subcommand("assets",
                                  "The asset index: Sweet Home 3D libraries and model "
                                  "folders (index, search, show)");
  app->require_subcommand(1);
  app->fallthrough();  // --cache-dir may also follow index, search or show
  auto flags = std::make_shared<AssetFlags>();
  app->add_option("--cache-dir", flags->cache_dir, "Where the index lives (see generate --help)");

  auto* index = app->add_subcommand(
      "index",
      "Index .sh3f libraries, model files and folders (default: the Debian libraries); "
      "unchanged files are skipped");
  auto paths = std::make_shared<std::vector<std::string>>();
  index->add_option("paths", *paths, "Files or folders");

  auto* search = app->add_subcommand(
      "search",
      "Models of the kind the words name (the last noun decides; the words before it break ties), "
      "then other full-text (BM25) hits");
  auto text = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(10);
  auto source = std::make_shared<std::string>();
  search->add_option("text", *text, "Words to look for")->required();
  search->add_option("-n,--limit", *limit, "How many results")->capture_default_str();
  search->add_option("--source", *source, "Only sh3d or user models");

  auto* show = app->add_subcommand("show", "Everything the index knows about one model");
  auto id = std::make_shared<std::string>();
  show->add_option("id", *id, "Model id, as `assets search` prints it")->required();

  return {app, [=] {
            AssetOptions options;
            if (!flags->cache_dir.empty()) options.cache_dir = flags->cache_dir;
            std::unique_ptr<AssetIndex> db = OpenCacheIndex(options);
            if (index->parsed()) {
              std::vector<fs::path> targets(paths->begin(), paths->end());
              if (targets.empty()) targets.push_back(DefaultSh3dDirectory());
              const auto start = std::chrono::steady_clock::now();
              const IndexStats stats = db->Index(targets);
              const double seconds =
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
              for (const std::string& w : stats.warnings) LogWarning(w);
              std::error_code ec;
              const auto bytes = fs::file_size(options.CacheDir() / "assets.sqlite", ec);
              std::printf(
                  "indexed %d files (%d unchanged, %d removed) in %.2f s: %d assets; index %s "
                  "(%.1f MB)\n",
                  stats.files_read, stats.files_unchanged, stats.files_removed, seconds,
                  stats.assets, (options.CacheDir() / "assets.sqlite").string().c_str(),
                  ec ? 0.0 : static_cast<double>(bytes) / 1e6);
              return 0;
            }
            if (search->parsed()) {
              if (!source->empty() && *source != "sh3d" && *source != "user") {
                throw UsageError("--source: expected sh3d or user, found '" + *source + "'");
              }
              if (*limit < 1 || *limit > 1000) {
                throw UsageError("--limit: must be 1 to 1000, found " + std::to_string(*limit));
              }
              if (db->Count() == 0) {
                LogWarning("the asset index is empty: run `scenecraft assets index` first");
              }
              const std::vector<RetrievalChoice> hits = SearchAssets(
                  *db, *text, *limit, *source, WordNetTermExpander(), WordNetKindDistance());
              int rank = 0;
              for (const RetrievalChoice& h : hits) {
                std::printf(
                    "%2d. %-42s %-28s %-24s %s  (%s %.2f)\n", ++rank, h.record.id.c_str(),
                    h.record.name.c_str(), Size(h.record.size_m).c_str(), Where(h.record).c_str(),
                    h.level > 0 ? ("level " + std::to_string(h.level) + ", score").c_str() : "bm25",
                    h.level > 0 ? h.score : -h.score);
              }
              if (hits.empty()) std::printf("no match\n");
              return 0;
            }
            const std::optional<AssetRecord> r = db->Get(*id);
            if (!r) throw Error("assets show: no model '" + *id + "' in the index");
            std::printf(
                "id:        %s\nname:      %s\nkind:      %s\ncategory:  %s\ntags:      %s\n"
                "size:      %s\nelevation: %s m\ndoor/window: %s\ncreator:   %s\n"
                "license:   %s\nfile:      %s\nmodel:     %s\nformat:    %s (units %s m, "
                "%s up, front turn %s rad)\n",
                r->id.c_str(), r->name.c_str(), r->kind.c_str(), r->category.c_str(),
                Join(r->tags, ", ").c_str(), Size(r->size_m).c_str(),
                FormatNumber(r->elevation_m, 2).c_str(), r->door_or_window ? "yes" : "no",
                r->creator.c_str(), r->license.c_str(), r->file.c_str(), r->model_entry.c_str(),
                r->format.c_str(), FormatNumber(r->unit_scale_m, 4).c_str(), r->y_up ? "Y" : "Z",
                FormatNumber(r->front_yaw_rad, 4).c_str());
            return 0;
          }};
}

}  // namespace scenecraft
