// The dual loop's inner loop for one prompt (ARCHITECTURE.md section 1): plan -> resolve assets ->
// solve -> emit -> Blender (build, fast preview render) -> critique -> revise, until every
// relation passes or the round limit, then one final render at the requested quality.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "scenecraft/agent/pipeline.h"
#include "scenecraft/agent/report.h"
#include "scenecraft/core/stages.h"

namespace scenecraft {

struct GenerateOptions {
  // Revision rounds after the first build (the paper uses 4); 0 disables the inner loop.
  int rounds = 4;
  uint64_t seed = 1;
  // Fast renders inside the loop, and the final render.
  RenderSettings preview{"workbench", 1, 480, 360};
  RenderSettings final_render{"cycles", 16, 640, 480};
  // Overrides the planned room size (width x depth x height, metres) when set.
  std::optional<Vec3> room_size_m;
  // Overrides the planned room with this one (from `--room FILE`: a floor polygon, the wall
  // height, doors and windows) when set; the planned doors and windows stay when it has none.
  std::optional<Environment> room;
  bool save_blend = false;   // also write scene.blend
  bool export_gltf = false;  // also write scene.glb
  AssetOptions assets;
  BlenderOptions blender;
  void Check() const;
};

struct GenerateResult {
  SceneGraph graph;                  // final: planned, resolved, solved, with results
  std::optional<Readback> readback;  // final readback (absent when Blender was skipped)
  std::optional<Critique> critique;  // final critique (absent when Blender was skipped)
  std::vector<RoundRecord> rounds;
  std::vector<std::string> warnings;
  std::string planner;  // which planner produced the graph
  std::string skipped;  // why rendering and critique were skipped, if they were
  std::vector<std::pair<std::string, double>> timings;
  std::filesystem::path out_dir;
  bool AllRelationsPass() const;
};

// Called with one line per stage ("plan", "solve", "blender round 1" ...).
using ProgressFn = std::function<void(const std::string&)>;

// Runs the whole pipeline for `text`, writing into out_dir: scene.py (final), scene.json,
// render.png, readback.json, report.html (and scene.blend / scene.glb when asked).
// Throws Error when nothing can be built (the planner rejects the text, a file is unwritable);
// a missing Blender is not an error: the script is written and the result says what was skipped.
GenerateResult Generate(std::string_view text, const std::filesystem::path& out_dir,
                        const GenerateOptions& options, Planner& planner, Critic& critic,
                        ProcessLauncher& launcher, const ProgressFn& progress = nullptr);

// A fence that the members of a row stand along ("a row of rose bushes along a fence") is built
// to the row's length: fences come in any length, the solver cannot resize, and a 2 m fence
// cannot be near five 1.5 m bushes in a line. An imported model that would stretch becomes the
// procedural fence, which is built to length. Fences in `keep` (sizes the user gave) stay.
// Returns what it changed, one line each.
std::vector<std::string> FitFencesToRows(SceneGraph* graph, const std::set<std::string>& keep = {});

// Writes out_dir/report.html for a result (Generate does so itself; the CLI writes it again
// once the model calls of an LLM planner or critic are known).
void WriteGenerateReport(const GenerateResult& result,
                         const std::vector<CallRecord>& llm_calls = {});

// The same, starting from a scene graph instead of text (e.g. a scene JSON file).
GenerateResult GenerateFromGraph(SceneGraph graph, const std::filesystem::path& out_dir,
                                 const GenerateOptions& options, Critic& critic,
                                 ProcessLauncher& launcher, const ProgressFn& progress = nullptr);

}  // namespace scenecraft
