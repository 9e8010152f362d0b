// The flags of the one generate path (agent/generate.h) that `generate`, `eval` and `batch`
// share, so that the same pipeline is set up the same way from all three; `learn` and `mcp` take
// the loop's, Blender's, the asset and the LLM flags from here too.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "scenecraft/agent/backends.h"
#include "scenecraft/agent/generate.h"
#include "scenecraft/cli/assets_command.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/usage_error.h"

namespace scenecraft {

struct GenerateFlags {
  GenerateOptions options;
  std::string resolution = "640x480";          // --resolution, into options.final_render
  std::string preview_resolution = "480x360";  // --preview-resolution, into options.preview
  AssetFlags assets;
  BackendOptions backends;
};

// Adds --rounds, --stop-after-stagnant, --seed, --engine, --samples, --resolution,
// --preview-resolution, --views, --save-blend, --export-gltf, --blender, --blender-timeout,
// --library, --no-library, --no-relations, the asset flags and the LLM flags.
void AddGenerateFlags(CLI::App* app, GenerateFlags* flags);

// Copies the resolutions and asset flags into `flags->options` and checks the options and the
// backends; a bad value is a UsageError naming the flag.
void ApplyGenerateFlags(GenerateFlags* flags);

// Adds --blender and --blender-timeout.
void AddBlenderFlags(CLI::App* app, BlenderOptions* options);

// Adds --seed: a whole number from 0 to 2^64 - 1 in decimal digits. A sign, an exponent or a
// number beyond that is a usage error (CLI11 alone wraps "-1" and saturates 1e30 silently).
void AddSeedFlag(CLI::App* app, uint64_t* seed, const std::string& help);

// Adds the inner loop's --rounds and --stop-after-stagnant (also for `learn` and `mcp`, which
// run the same loop).
void AddLoopFlags(CLI::App* app, GenerateOptions* options);

// Runs an options struct's Check() for values that came from flags: its Error is a UsageError.
template <typename Options>
void CheckFlags(const Options& options) {
  try {
    options.Check();
  } catch (const UsageError&) {
    throw;
  } catch (const Error& e) {
    throw UsageError(e.what());
  }
}

}  // namespace scenecraft
