// scenecraft: the command-line tool. Each subcommand parses its flags into option structs and
// calls one library function (STYLE.md: main only parses flags and calls it).
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <new>
#include <nlohmann/json.hpp>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/agent/evaluate.h"
#include "scenecraft/agent/generate.h"
#include "scenecraft/agent/pipeline.h"
#include "scenecraft/cli/assets_command.h"
#include "scenecraft/cli/batch_command.h"
#include "scenecraft/cli/generate_flags.h"
#include "scenecraft/cli/llm_flags.h"
#include "scenecraft/cli/mcp_command.h"
#include "scenecraft/cli/render_flags.h"
#include "scenecraft/cli/skills_command.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/lang/corpus.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/layout/solver.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/output_dir.h"
#include "scenecraft/util/strings.h"
#include "scenecraft/util/usage_error.h"

#ifndef SCENECRAFT_VERSION
#define SCENECRAFT_VERSION "0.0.0"
#endif

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

// Exit codes, documented in the README.
constexpr int kExitOk = 0;
constexpr int kExitError = 1;          // bad input or a failing outside party (message on stderr)
constexpr int kExitUsage = 2;          // a command-line usage error (a flag, a flag's value)
constexpr int kExitRelationsFail = 3;  // the scene was built, but some relations do not hold
constexpr int kExitNotBuilt = 4;       // generate wrote the script, but Blender could not run it
constexpr int kExitIncomplete = 5;  // relations hold, but words of the description are unaccounted
// Ctrl-C, SIGTERM, SIGHUP: 128 + the signal number (Interrupted::exit_code).

// Writes text for the terminal, with control and bidirectional-override characters escaped.
void PrintText(std::string_view text) {
  const std::string visible = EscapeControls(text);
  std::fwrite(visible.data(), 1, visible.size(), stdout);
}

// Whether a command-line argument names a file rather than a sentence: it ends in .json or
// .jsonl, or it is one word with a path separator ("scenes/room", "./x").
bool LooksLikeFileName(std::string_view argument) {
  const std::string lower = ToLower(Trim(argument));
  if (EndsWith(lower, ".json") || EndsWith(lower, ".jsonl")) return true;
  const bool one_word = lower.find_first_of(" \t\n") == std::string::npos;
  return one_word && lower.find('/') != std::string::npos;
}

void AddRenderFlags(CLI::App* app, RenderSettings* settings, std::string* resolution) {
  app->add_option("--engine", settings->engine, "Render engine: cycles, eevee or workbench")
      ->capture_default_str();
  app->add_option("--samples", settings->samples, "Render samples (Cycles, EEVEE)")
      ->capture_default_str();
  app->add_option("--resolution", *resolution, "Image size WIDTHxHEIGHT")->capture_default_str();
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
  AddSeedFlag(app, &options->seed, "Seed for placing objects without a pose");
  app->add_flag("--force", options->force,
                "Replace files in the output folder that scenecraft did not write");
  AddRenderFlags(app, &options->emit.render, resolution.get());
  auto asset_flags = std::make_shared<AssetFlags>();
  AddAssetFlags(app, asset_flags.get());
  return {app, [=] {
            ApplyResolution(*resolution, &options->emit.render);
            ApplyAssetFlags(*asset_flags, &options->assets);
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
  AddBlenderFlags(app, blender.get());
  auto force = std::make_shared<bool>(false);
  app->add_flag("--force", *force,
                "Replace a render.png, readback.json or blender.log that scenecraft did not write");
  return {app, [=] {
            ApplyResolution(*resolution, &request->settings);
            CheckFlags(*blender);
            request->render = !*no_render;
            if (!fs::is_regular_file(fs::path(*dir) / "scene.py")) {
              throw Error("no scene.py in '" + *dir + "' (run `scenecraft build` first)");
            }
            // The folder is locked while Blender writes into it, and a file of the user's
            // with one of the output names is never replaced without --force.
            const std::vector<std::string> outputs = {"render.png", "readback.json", "blender.log"};
            const OutputDir lock(*dir, outputs, *force);
            RealProcessLauncher launcher;
            const BlenderOutcome outcome = RenderSceneDir(*dir, *request, *blender, launcher);
            OutputDir::Record(*dir, outputs);
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

Command AddPlan(CLI::App& root) {
  auto* app = root.add_subcommand(
      "plan", "English -> scene graph (offline planner by default, or --planner llm)");
  auto text = std::make_shared<std::string>();
  auto json_out = std::make_shared<bool>(false);
  auto out = std::make_shared<std::string>();
  auto llm = std::make_shared<BackendOptions>();
  app->add_option("text", *text, "The scene description")->required();
  app->add_flag("--json", *json_out, "Print the scene JSON instead of a table");
  app->add_option("-o,--out", *out, "Also write the scene JSON to this file");
  AddLlmFlags(app, llm.get(), /*with_critic=*/false);
  return {app, [=] {
            if (LooksLikeFileName(*text)) {
              throw UsageError("plan: '" + *text + "' looks like a file name" +
                               (fs::exists(*text) ? "" : ", but there is no such file") +
                               "; plan takes a description in English (scene files go to solve, "
                               "build or generate)");
            }
            Backends backends(*llm);
            const PlanResult plan = backends.planner().Plan(*text);
            // The table lists the warnings itself; with --json they go to stderr.
            if (llm->planner == "llm" || *json_out) PrintWarnings(plan.warnings);
            backends.EndScene();
            if (*json_out) {
              const std::string json = SceneGraphToJsonText(plan.graph);
              std::fwrite(json.data(), 1, json.size(), stdout);
            } else {
              PrintText(FormatPlanTable(plan));
            }
            if (!out->empty()) WriteFileAtomic(*out, SceneGraphToJsonText(plan.graph));
            return kExitOk;
          }};
}

Command AddEvalPlan(CLI::App& root) {
  auto* app = root.add_subcommand(
      "eval-plan",
      "Score the offline planner on a JSONL corpus: exact counts, relation recall and "
      "precision, the user's own nouns, placeholder shapes and planning time");
  auto corpus = std::make_shared<std::string>();
  auto details = std::make_shared<bool>(false);
  auto no_assets = std::make_shared<bool>(false);
  app->add_option("corpus", *corpus, "JSONL corpus (shared/corpus format)")->required();
  app->add_flag("--details", *details, "Show every prompt's misses");
  app->add_flag("--no-assets", *no_assets,
                "Skip asking the asset resolver which objects would be placeholders");
  auto asset_flags = std::make_shared<AssetFlags>();
  AddAssetFlags(app, asset_flags.get());
  return {app, [=] {
            OfflinePlanner planner;
            const auto cases = LoadCorpus(*corpus);
            // Open the dictionary first, so that the timing below leaves its load out.
            const double load_ms = WordNet::Get().load_s() * 1000;
            ScoreOptions options;
            options.resolve_assets = !*no_assets;
            // The asset path of generate: its sources and WordNet's stand-ins, so that a
            // placeholder here is one that generate would build.
            ApplyAssetFlags(*asset_flags, &options.assets);
            options.assets = WithWordNet(options.assets);
            // The first pass is timed per prompt inside (WordNet lookups not yet cached).
            const CorpusScore score = ScoreCorpus(cases, planner, options);
            const auto start = std::chrono::steady_clock::now();
            for (const CorpusCase& c : cases) {
              try {
                planner.Plan(c.prompt);
              } catch (const Error&) {
                // Counted in the score above.
              }
            }
            const double warm_ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count() /
                static_cast<double>(std::max<size_t>(1, cases.size()));
            PrintText(score.ToString(*details));
            std::printf(
                "WordNet load %.1f ms; planning %.2f ms per prompt on a second pass (WordNet "
                "lookups cached)\n",
                load_ms, warm_ms);
            return kExitOk;
          }};
}

Command AddEval(CLI::App& root) {
  auto* app = root.add_subcommand(
      "eval",
      "Run generate on every prompt of a JSONL corpus and measure the constraint pass "
      "rate on the Blender readback");
  auto corpus = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("out/eval");
  auto flags = std::make_shared<GenerateFlags>();
  app->add_option("corpus", *corpus, "JSONL corpus (shared/corpus format)")->required();
  app->add_option("-o,--out", *out, "Output directory (one folder per prompt)")
      ->capture_default_str();
  AddGenerateFlags(app, flags.get());
  app->add_flag("--force", flags->options.force,
                "Replace files in the prompt folders that scenecraft did not write");
  return {app, [=] {
            ApplyGenerateFlags(flags.get());
            RealProcessLauncher launcher;
            Backends backends(flags->backends);
            const EvalSummary summary =
                EvaluateCorpus(*corpus, *out, flags->options, backends, launcher);
            PrintText(summary.ToString());
            // A measurement with holes is not a measurement: say so in the exit code too.
            const int rows = static_cast<int>(summary.rows.size());
            if (rows > 0 && summary.errors == rows) {
              LogError("no prompt of the corpus was built (the table's error column says why)");
              bool none_built = true;
              for (const EvalRow& row : summary.rows) none_built &= row.not_built;
              return none_built ? kExitNotBuilt : kExitError;
            }
            if (summary.errors > 0) {
              LogError(std::to_string(summary.errors) + " of " + std::to_string(rows) +
                       " prompts failed; the rates are over the others");
              return kExitError;
            }
            return kExitOk;
          }};
}

Command AddSolve(CLI::App& root) {
  auto* app = root.add_subcommand(
      "solve", "Scene JSON -> the same with poses and per-relation results (no Blender)");
  auto scene = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto options = std::make_shared<SolverOptions>();
  app->add_option("scene", *scene, "Scene JSON file")->required();
  app->add_option("-o,--out", *out, "Output scene JSON (default: standard output)");
  AddSeedFlag(app, &options->seed, "Random seed");
  app->add_option("--time-budget", options->time_budget_s, "Seconds the search may take")
      ->capture_default_str();
  return {app, [=] {
            CheckFlags(*options);
            SceneGraph graph = LoadSceneFile(*scene);
            for (const std::string& w : ResolveAssets(&graph, AssetOptions{})) LogWarning(w);
            const SolveResult result = Solve(&graph, *options);
            LogInfo("solve: " + result.ToString());
            const std::string text = SceneGraphToJsonText(graph);
            if (out->empty()) {
              std::fwrite(text.data(), 1, text.size(), stdout);
            } else {
              WriteFileAtomic(*out, text);
              LogInfo("wrote " + *out);
            }
            return result.AllPass() ? kExitOk : kExitRelationsFail;
          }};
}

Command AddCritique(CLI::App& root) {
  auto* app = root.add_subcommand(
      "critique", "Judge DIR/readback.json against DIR/scene.json (RELATIONS.md tests)");
  auto dir = std::make_shared<std::string>();
  auto json_out = std::make_shared<bool>(false);
  app->add_option("dir", *dir, "Directory with scene.json and readback.json")->required();
  app->add_flag("--json", *json_out, "Print the critique as JSON");
  return {app, [=] {
            const fs::path d(*dir);
            const SceneGraph graph = LoadSceneFile(d / "scene.json");
            const Readback readback =
                ParseReadback(ReadFile(d / "readback.json"), (d / "readback.json").string());
            GeometricCritic critic;
            CritiqueInput input;
            input.graph = &graph;
            input.readback = &readback;
            const Critique critique = critic.Review(input);
            if (*json_out) {
              std::printf("%s\n", CritiqueToJson(critique)
                                      .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                                      .c_str());
            } else {
              PrintText(critique.ToString() + "\n");
            }
            return critique.relations_passed == critique.relations_total ? kExitOk
                                                                         : kExitRelationsFail;
          }};
}

// Checks generate's options as flags, and tells a scene file from English text: an input that
// looks like a file name must be an existing .json file (a mistyped "chair.json" is not a
// sentence to plan), unless `text_only` (--text) says it is a description whatever it looks like.
// Returns whether the input is a scene file.
bool CheckGenerateFlags(const std::string& input, const GenerateOptions& options, bool text_only) {
  CheckFlags(options);
  if (text_only || !LooksLikeFileName(input)) return false;
  if (!fs::is_regular_file(input)) {
    throw UsageError("generate: '" + input +
                     "' looks like a file name, but there is no such file (a description in "
                     "English is planned as text; a scene file must exist)");
  }
  if (!EndsWith(ToLower(input), ".json")) {
    throw UsageError("generate: '" + input + "' is not a scene JSON file (.json)");
  }
  return true;
}

Command AddGenerate(CLI::App& root) {
  auto* app = root.add_subcommand(
      "generate",
      "Text (or a scene JSON file) -> plan -> assets -> layout -> Blender -> critique -> revise; "
      "writes scene.py, scene.json, render.png, readback.json and report.html");
  auto input = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("out");
  auto flags = std::make_shared<GenerateFlags>();
  auto room = std::make_shared<std::string>();
  auto json_out = std::make_shared<bool>(false);
  auto text_only = std::make_shared<bool>(false);
  app->add_option("input", *input, "A scene description in English, or a scene JSON file (.json)")
      ->required();
  // Programs that pass a user's text (the Blender add-on) say so: "plans/x.json" stays text.
  app->add_flag("--text", *text_only,
                "The input is a description in English, even when it looks like a file name");
  app->add_option("-o,--out", *out, "Output directory")->capture_default_str();
  app->add_option("--room", *room,
                  "Room size WIDTHxDEPTHxHEIGHT in metres, or a room file (.json: an environment "
                  "object with floor_polygon_m, wall_height_m, openings)");
  AddGenerateFlags(app, flags.get());
  app->add_flag("--force", flags->options.force,
                "Replace files in the output folder that scenecraft did not write");
  app->add_flag("--json", *json_out, "Print a machine-readable summary on standard output");
  return {
      app, [=] {
        ApplyGenerateFlags(flags.get());
        GenerateOptions* options = &flags->options;
        if (EndsWith(ToLower(*room), ".json")) {
          options->room = ParseEnvironment(ReadFile(*room), *room);
        } else if (!room->empty()) {
          const std::vector<std::string> parts = Split(ToLower(*room), 'x');
          try {
            if (parts.size() != 3) throw std::invalid_argument("parts");
            options->room_size_m =
                Vec3{std::stod(parts[0]), std::stod(parts[1]), std::stod(parts[2])};
          } catch (const std::exception&) {
            throw UsageError("--room: expected WIDTHxDEPTHxHEIGHT in metres (5x4x2.8), found '" +
                             *room + "'");
          }
        }
        const bool is_file = CheckGenerateFlags(*input, *options, *text_only);
        RealProcessLauncher launcher;
        Backends backends(flags->backends);
        auto progress = [](const std::string& line) { LogInfo(line); };
        const SceneSource source =
            is_file ? SceneSource::Graph(LoadSceneFile(*input)) : SceneSource::Text(*input);
        const GenerateResult result =
            Generate(source, *out, *options, backends, launcher, progress);
        for (const std::string& w : result.warnings) LogWarning(w);
        // Nothing was built or checked: an error, although the script is written.
        if (!result.skipped.empty()) LogError(result.skipped);
        const fs::path dir(*out);
        if (result.critique) {
          LogInfo("relations passing on the Blender readback: " +
                  std::to_string(result.critique->relations_passed) + "/" +
                  std::to_string(result.critique->relations_total));
        }
        LogInfo("wrote " + (dir / "scene.py").string() + ", " + (dir / "report.html").string() +
                (result.readback ? ", " + (dir / "render.png").string() : ""));
        if (*json_out) {
          nlohmann::json summary{{"out_dir", dir.string()},
                                 {"planner", result.planner},
                                 {"rendered", result.readback.has_value()},
                                 {"skipped", result.skipped},
                                 {"rounds", result.rounds.size()},
                                 {"warnings", result.warnings}};
          nlohmann::json skills = nlohmann::json::array();
          for (const AppliedSkill& a : result.skills_applied) skills.push_back(a.ToString());
          summary["skills"] = skills;
          if (result.critique) summary["critique"] = CritiqueToJson(*result.critique);
          summary["changed_relations"] = result.changed_relations;
          if (result.coverage) {
            nlohmann::json unaccounted = nlohmann::json::array();
            for (size_t k = 0; k < result.coverage->unaccounted.size(); ++k) {
              unaccounted.push_back({{"text", result.coverage->unaccounted_text[k]},
                                     {"begin", result.coverage->unaccounted[k].begin},
                                     {"end", result.coverage->unaccounted[k].end}});
            }
            summary["coverage"] = {{"share", result.coverage->share()},
                                   {"content_words", result.coverage->content_words},
                                   {"unaccounted", unaccounted}};
          }
          summary["verdict"] = !result.AllRelationsPass() ? "relations fail"
                               : !result.Complete()       ? "incomplete"
                                                          : "complete";
          std::printf(
              "%s\n",
              summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
        }
        if (!result.skipped.empty()) return kExitNotBuilt;
        for (const std::string& c : result.changed_relations) LogError(c);
        if (!result.AllRelationsPass()) return kExitRelationsFail;
        if (!result.Complete()) {
          LogWarning(
              "incomplete: every relation holds, but not every word of the description is "
              "in the scene");
          return kExitIncomplete;
        }
        return kExitOk;
      }};
}

int Main(int argc, char** argv) {
  // First, before any thread starts: Ctrl-C, SIGTERM and SIGHUP stop Blender and clean up.
  InstallInterruptHandlers();
  CLI::App app{"SceneCraft: text -> 3D scene -> Blender script -> render"};
  app.set_version_flag("--version", std::string("scenecraft ") + SCENECRAFT_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // Global flags (-q, -v) may follow the subcommand.
  bool quiet = false;
  bool verbose = false;
  app.add_flag("-q,--quiet", quiet, "Only print errors");
  app.add_flag("-v,--verbose", verbose, "Print debug messages");
  std::vector<Command> commands = {AddGenerate(app), AddPlan(app),   AddBuild(app),
                                   AddSolve(app),    AddRender(app), AddCritique(app),
                                   AddEvalPlan(app), AddEval(app)};
  const AssetsSubcommand assets = AddAssetsCommand(app);
  commands.push_back({assets.app, assets.run});
  const BatchSubcommand batch = AddBatchCommand(app);
  commands.push_back({batch.app, batch.run});
  const McpSubcommand mcp = AddMcpCommand(app);
  commands.push_back({mcp.app, mcp.run});
  for (const SkillsSubcommand& c : AddSkillsCommands(app)) commands.push_back({c.app, c.run});
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; every flag CLI11 rejects is a usage error.
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  SetLogLevel(quiet ? LogLevel::kError : (verbose ? LogLevel::kDebug : LogLevel::kInfo));
  try {
    for (const Command& c : commands) {
      if (!c.app->parsed()) continue;
      const int code = c.run();
      ThrowIfInterrupted();  // a command that finished its step after Ctrl-C still says so
      return code;
    }
  } catch (const UsageError& e) {
    LogError(e.what());
    return kExitUsage;
  } catch (const Error& e) {
    LogError(e.what());
    return kExitError;
  } catch (const Interrupted& e) {
    LogError(std::string(e.what()) +
             ": Blender was stopped; the output folder keeps its previous result");
    return e.exit_code();
  }
  return kExitError;
}

}  // namespace
}  // namespace scenecraft

// Catches everything, so that no input ends the program with an abort (exit 134) and no message:
// an exception that is not a scenecraft::Error is a bug, reported as one.
int main(int argc, char** argv) {
  try {
    return scenecraft::Main(argc, argv);
  } catch (const std::bad_alloc&) {
    scenecraft::LogError("out of memory");
  } catch (const std::exception& e) {
    scenecraft::LogError(std::string("internal error (please report it): ") + e.what());
  } catch (...) {
    scenecraft::LogError("internal error (please report it): an unknown exception");
  }
  return 1;
}
