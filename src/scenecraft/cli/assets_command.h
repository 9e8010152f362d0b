// `scenecraft assets index|search|show` and the --assets / --cache-dir flags of build, generate
// and eval.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "scenecraft/assets/resolve.h"

namespace scenecraft {

struct AssetsSubcommand {
  CLI::App* app;
  std::function<int()> run;
};

// Registers `assets` with its three subcommands.
AssetsSubcommand AddAssetsCommand(CLI::App& root);

struct AssetFlags {
  std::string sources;    // --assets, e.g. "sh3d,procedural,~/models"; empty keeps the default
  std::string cache_dir;  // --cache-dir
};

// Adds --assets and --cache-dir to a subcommand.
void AddAssetFlags(CLI::App* app, AssetFlags* flags);
// Copies the flags into the options (throws Error on a bad --assets).
void ApplyAssetFlags(const AssetFlags& flags, AssetOptions* options);

}  // namespace scenecraft
