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

#include "scenecraft/agent/backends.h"
#include "scenecraft/agent/pipeline.h"
#include "scenecraft/agent/report.h"
#include "scenecraft/core/stages.h"
#include "scenecraft/skills/apply.h"

namespace scenecraft {

struct GenerateOptions {
  // Revision rounds after the first build (the paper uses 4); 0 disables the inner loop.
  int rounds = 4;
  // The loop stops after this many rounds in a row that bring no better critic score (an
  // unsatisfiable scene does not run all its rounds at the same score); 0: never.
  int stagnant_rounds = 3;
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
  // Dataset views (docs/DATASETS.md): renders from this many cameras around the scene, each
  // with its intrinsics and extrinsics, instance segmentation and depth, beside the render
  // (DatasetViewFiles). 0: none.
  int views = 0;
  // Replace files in the output folder that scenecraft did not write (util/output_dir.h);
  // without it such files make the run fail before any work.
  bool force = false;
  AssetOptions assets;
  // blender.timeout_s bounds each Blender run, and the revision rounds stop once the Blender
  // runs of the loop took that long together: a scene takes at most about 3 x timeout_s.
  BlenderOptions blender;
  // The skill library (issue 13, docs/SKILLS.md), applied after planning and before layout: it
  // only adds or parameterises relations. `use_library` false is --no-library.
  bool use_library = true;
  // The library file; empty: skills.sqlite in the asset cache folder (skills/store.h).
  std::filesystem::path library;
  // Skills to apply instead of the library file's (the learner's candidate libraries).
  std::optional<std::vector<Skill>> skills;
  // False: objects only; every planned relation is dropped and the objects are placed without
  // relations (the ablation's "- relation graph"; --no-relations). The library is not applied.
  bool relations = true;
  void Check() const;
};

// A relation the inner loop made pass: it failed on the readback before `round` and held after
// the round's revision (a kept round). `before` and `after` are the relation as it was and as the
// revision left it (made hard, arguments set), `split` whether it got a sub-scene of its own,
// `swapped` which of its objects got another model; the learner's evidence (agent/learn.h).
struct InnerFix {
  int round = 0;
  size_t relation = 0;  // index into the graph's relations
  Relation before;
  Relation after;
  bool split = false;
  std::vector<std::string> swapped;
  std::string learned;  // the learned fix the reviser applied to it, if any (a skill key)
};

struct GenerateResult {
  SceneGraph graph;                  // final: planned, resolved, solved, with results
  std::optional<Readback> readback;  // final readback (absent when Blender was skipped)
  std::optional<Critique> critique;  // final critique (absent when Blender was skipped)
  std::vector<RoundRecord> rounds;
  std::string loop_stop;  // why the loop stopped before options.rounds, if it stagnated
  std::vector<std::string> warnings;
  std::string planner;  // which planner produced the graph
  std::string skipped;  // why rendering and critique were skipped, if they were
  // Stated relations (from the prompt or the scene file) the pipeline had to change before the
  // layout, e.g. on(A, B) to near(A, B) when A does not fit on B: what was asked does not hold,
  // however the changed relation fares.
  std::vector<std::string> changed_relations;
  std::vector<std::pair<std::string, double>> timings;
  std::vector<CallRecord> llm_calls;  // the model calls of an LLM planner or critic
  std::filesystem::path out_dir;
  // What of the description the plan accounts for (offline planner); empty for a scene file.
  std::optional<PlanCoverage> coverage;
  // The skills that changed the scene, with their versions (also in scene.json's notes).
  std::vector<AppliedSkill> skills_applied;
  // The relations as planned and refined by the library, before the inner loop revised them.
  std::vector<Relation> planned_relations;
  // The relations the inner loop made pass, round by round.
  std::vector<InnerFix> fixes;
  bool AllRelationsPass() const;
  // Every content word of the description became part of the scene (true without a coverage).
  bool Complete() const { return !coverage || coverage->complete(); }
};

// Called with one line per stage ("plan", "solve", "blender round 1" ...).
using ProgressFn = std::function<void(const std::string&)>;

// What a scene is generated from: English text, which the planner reads, or a scene graph (a
// scene JSON file), which goes straight to assets and layout.
struct SceneSource {
  std::string text;                 // planned when there is no graph
  std::optional<SceneGraph> graph;  // used as given (planner "file")
  static SceneSource Text(std::string text);
  static SceneSource Graph(SceneGraph graph);
};

// The one generate path (generate, eval, and any batch call it): plans the text with the
// backends' planner (or takes the graph), then resolve -> solve -> frame -> emit -> Blender ->
// critique -> revise, and writes into out_dir: scene.py (final), scene.json, render.png,
// readback.json, report.html (once, with the model calls), and scene.blend / scene.glb when asked;
// with an LLM planner or critic also llm_transcript.jsonl and llm_calls.json.
// The folder follows the output-folder protocol (util/output_dir.h): locked, checked for files
// the tool did not write, filled from a private work folder at the end.
// Throws Error when nothing can be built (the planner rejects the text, a file is unwritable,
// Blender fails: then the script and blender.log are kept in out_dir and the message names them);
// throws Interrupted (util/interrupt.h) on Ctrl-C, leaving out_dir as it was. A missing Blender
// is not an error here: the script is written and `skipped` says what was not done.
GenerateResult Generate(const SceneSource& source, const std::filesystem::path& out_dir,
                        const GenerateOptions& options, Backends& backends,
                        ProcessLauncher& launcher, const ProgressFn& progress = nullptr);

// A fence that the members of a row stand along ("a row of rose bushes along a fence") is built
// to the row's length: fences come in any length, the solver cannot resize, and a 2 m fence
// cannot be near five 1.5 m bushes in a line. An imported model that would stretch becomes the
// procedural fence, which is built to length. Fences in `keep` (sizes the user gave) stay.
// Returns what it changed, one line each.
std::vector<std::string> FitFencesToRows(SceneGraph* graph, const std::set<std::string>& keep = {});

}  // namespace scenecraft
