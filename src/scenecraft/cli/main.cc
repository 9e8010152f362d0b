// scenecraft: the command-line tool. Each subcommand parses its flags into option structs and
// calls one library function (STYLE.md: main only parses flags and calls it).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "scenecraft/agent/pipeline.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

#ifndef SCENECRAFT_VERSION
#define SCENECRAFT_VERSION "0.0.0"
#endif

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

// Exit codes, documented in the README.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;  // bad input or a failing outside party (message on stderr)

void AddRenderFlags(CLI::App* app, RenderSettings* settings, std::string* resolution) {
  app->add_option("--engine", settings->engine, "Render engine: cycles, eevee or workbench")
      ->capture_default_str();
  app->add_option("--samples", settings->samples, "Render samples (Cycles, EEVEE)")
      ->capture_default_str();
  app->add_option("--resolution", *resolution, "Image size WIDTHxHEIGHT")->capture_default_str();
}

void ApplyResolution(const std::string& text, RenderSettings* settings) {
  const std::vector<std::string> parts = Split(ToLower(text), 'x');
  try {
    if (parts.size() != 2) throw std::invalid_argument("parts");
    settings->width = std::stoi(parts[0]);
    settings->height = std::stoi(parts[1]);
  } catch (const std::exception&) {
    throw Error("--resolution: expected WIDTHxHEIGHT such as 640x480, found '" + text + "'");
  }
  settings->Check();
}

void PrintWarnings(const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) LogWarning(w);
}

struct Command {
  CLI::App* app;
  std::function<int()> run;
};

Command AddBuild(CLI::App& root) {
  auto* app = root.add_subcommand("build", "Scene JSON -> Blender script (DIR/scene.py)");
  auto scene = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("out");
  auto options = std::make_shared<BuildOptions>();
  auto resolution = std::make_shared<std::string>("640x480");
  app->add_option("scene", *scene, "Scene JSON file (ARCHITECTURE.md section 3)")->required();
  app->add_option("-o,--out", *out, "Output directory")->capture_default_str();
  app->add_option("--seed", options->seed, "Seed for placing objects without a pose");
  AddRenderFlags(app, &options->emit.render, resolution.get());
  return {app, [=] {
            ApplyResolution(*resolution, &options->emit.render);
            const BuildResult result = BuildScene(LoadSceneFile(*scene), *out, *options);
            PrintWarnings(result.warnings);
            LogInfo("wrote " + result.script.string() + " (" +
                    std::to_string(result.graph.objects.size()) + " objects)");
            return kExitOk;
          }};
}

Command AddRender(CLI::App& root) {
  auto* app = root.add_subcommand(
      "render", "Run DIR/scene.py in Blender: DIR/render.png and DIR/readback.json");
  auto dir = std::make_shared<std::string>();
  auto request = std::make_shared<RenderRequest>();
  auto blender = std::make_shared<BlenderOptions>();
  auto resolution = std::make_shared<std::string>("640x480");
  auto no_render = std::make_shared<bool>(false);
  app->add_option("dir", *dir, "Directory written by `scenecraft build`")->required();
  AddRenderFlags(app, &request->settings, resolution.get());
  app->add_flag("--no-render", *no_render, "Only build the scene and write the readback");
  app->add_option("--save-blend", request->save_blend, "Also save the .blend file here");
  app->add_option("--export-gltf", request->export_gltf, "Also export glTF (.glb/.gltf) here");
  app->add_option("--blender", blender->blender,
                  "Blender executable (default: $SCENECRAFT_BLENDER, then PATH)");
  app->add_option("--blender-timeout", blender->timeout_s, "Seconds before Blender is stopped")
      ->capture_default_str();
  return {app, [=] {
            ApplyResolution(*resolution, &request->settings);
            request->render = !*no_render;
            RealProcessLauncher launcher;
            const BlenderOutcome outcome = RenderSceneDir(*dir, *request, *blender, launcher);
            PrintWarnings(outcome.readback.warnings);
            LogInfo("Blender " + outcome.readback.blender_version + ": built " +
                    std::to_string(outcome.readback.objects.size()) + " objects in " +
                    FormatNumber(outcome.readback.build_s, 2) + " s, rendered in " +
                    FormatNumber(outcome.readback.render_s, 2) + " s; wall " +
                    FormatNumber(outcome.wall_s, 2) + " s");
            if (request->render) LogInfo("wrote " + (fs::path(*dir) / "render.png").string());
            return kExitOk;
          }};
}

int Main(int argc, char** argv) {
  CLI::App app{"SceneCraft: text -> 3D scene -> Blender script -> render"};
  app.set_version_flag("--version", std::string("scenecraft ") + SCENECRAFT_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // Global flags (-q, -v) may follow the subcommand.
  bool quiet = false;
  bool verbose = false;
  app.add_flag("-q,--quiet", quiet, "Only print errors");
  app.add_flag("-v,--verbose", verbose, "Print debug messages");
  std::vector<Command> commands = {AddBuild(app), AddRender(app)};
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  SetLogLevel(quiet ? LogLevel::kError : (verbose ? LogLevel::kDebug : LogLevel::kInfo));
  try {
    for (const Command& c : commands) {
      if (c.app->parsed()) return c.run();
    }
  } catch (const Error& e) {
    LogError(e.what());
    return kExitError;
  }
  return kExitError;
}

}  // namespace
}  // namespace scenecraft

int main(int argc, char** argv) {
  return scenecraft::Main(argc, argv);
}
