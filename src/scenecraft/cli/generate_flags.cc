#include "scenecraft/cli/generate_flags.h"

#include <charconv>

#include "scenecraft/cli/llm_flags.h"
#include "scenecraft/cli/render_flags.h"

namespace scenecraft {

void AddBlenderFlags(CLI::App* app, BlenderOptions* options) {
  app->add_option("--blender", options->blender,
                  "Blender executable (default: $SCENECRAFT_BLENDER, then PATH)");
  app->add_option("--blender-timeout", options->timeout_s,
                  "Seconds each Blender run may take (at most 86400)")
      ->capture_default_str();
}

void AddSeedFlag(CLI::App* app, uint64_t* seed, const std::string& help) {
  const CLI::Validator whole_number(
      [](std::string& text) -> std::string {
        uint64_t value = 0;
        const char* end = text.data() + text.size();
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (text.empty() || error != std::errc() || stop != end) {
          return "expected a whole number from 0 to 18446744073709551615, found '" + text + "'";
        }
        return "";
      },
      "UINT64");
  app->add_option("--seed", *seed, help)->check(whole_number)->capture_default_str();
}

void AddLoopFlags(CLI::App* app, GenerateOptions* o) {
  app->add_option("--rounds", o->rounds, "Critique-and-revise rounds (0: none)")
      ->capture_default_str();
  app->add_option("--stop-after-stagnant", o->stagnant_rounds,
                  "Stop the loop after this many rounds in a row without a better score (0: never)")
      ->capture_default_str();
}

void AddGenerateFlags(CLI::App* app, GenerateFlags* flags) {
  GenerateOptions* o = &flags->options;
  AddLoopFlags(app, o);
  AddSeedFlag(app, &o->seed, "Random seed");
  app->add_option("--engine", o->final_render.engine,
                  "Final render engine: cycles, eevee or workbench")
      ->capture_default_str();
  app->add_option("--samples", o->final_render.samples, "Final render samples")
      ->capture_default_str();
  app->add_option("--resolution", flags->resolution, "Final image size WIDTHxHEIGHT")
      ->capture_default_str();
  app->add_option("--preview-resolution", flags->preview_resolution,
                  "Image size of the renders inside the revision loop")
      ->capture_default_str();
  app->add_option("--views", o->views,
                  "Dataset views: renders, camera JSON, segmentation and depth per camera")
      ->capture_default_str();
  app->add_flag("--save-blend", o->save_blend, "Also write scene.blend");
  app->add_flag("--export-gltf", o->export_gltf, "Also write scene.glb");
  AddBlenderFlags(app, &o->blender);
  app->add_option("--library", o->library,
                  "Skill library file (default: skills.sqlite in the asset cache folder)");
  app->add_flag_function(
      "--no-library", [o](int64_t) { o->use_library = false; }, "Do not apply the skill library");
  app->add_flag_function(
      "--no-relations", [o](int64_t) { o->relations = false; },
      "Objects only: drop every planned relation (the ablation's - relation graph)");
  AddAssetFlags(app, &flags->assets);
  AddLlmFlags(app, &flags->backends, /*with_critic=*/true);
}

void ApplyGenerateFlags(GenerateFlags* flags) {
  ApplyResolution(flags->resolution, &flags->options.final_render);
  ApplyResolution(flags->preview_resolution, &flags->options.preview, "--preview-resolution");
  ApplyAssetFlags(flags->assets, &flags->options.assets);
  CheckFlags(flags->options);
  CheckFlags(flags->backends);
}

}  // namespace scenecraft
