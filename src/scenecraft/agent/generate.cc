#include "scenecraft/agent/generate.h"

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/agent/context_sizes.h"
#include "scenecraft/agent/library.h"
#include "scenecraft/agent/room_fit.h"
#include "scenecraft/agent/time_of_day.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "scenecraft/assets/resolve.h"
#include "scenecraft/core/room.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/critic/reviser.h"
#include "scenecraft/layout/camera.h"
#include "scenecraft/layout/capacity.h"
#include "scenecraft/layout/solver.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/output_dir.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// A critique is better when fewer relations fail, then when fewer whole-scene findings fail.
int FailingFindings(const Critique& c) {
  int n = 0;
  for (const Finding& f : c.findings) n += f.pass ? 0 : 1;
  return n;
}

// Collisions, objects leaving the room and floating objects: what no relation score may buy.
int PhysicalFailures(const Critique& c) {
  int n = 0;
  for (const Finding& f : c.findings) {
    const bool physical = f.kind == Finding::Kind::kCollision ||
                          f.kind == Finding::Kind::kOutOfRoom || f.kind == Finding::Kind::kFloating;
    n += physical && !f.pass ? 1 : 0;
  }
  return n;
}

// A round that adds a physical failure is never kept, whatever it does to the relations.
bool Worse(const Critique& candidate, const Critique& best) {
  if (PhysicalFailures(candidate) > PhysicalFailures(best)) return true;
  if (candidate.relations_passed != best.relations_passed) {
    return candidate.relations_passed < best.relations_passed;
  }
  return FailingFindings(candidate) > FailingFindings(best);
}

// Gives the named objects the procedural model of their category, keeping their size.
std::vector<std::string> SwapForProcedural(const std::vector<std::string>& ids, SceneGraph* graph) {
  SceneGraph part;
  for (const std::string& id : ids) {
    if (const Object* o = graph->FindObject(id)) {
      part.objects.push_back(*o);
      part.objects.back().asset = AssetRef{};
    }
  }
  AssetOptions procedural;
  procedural.sources = {"procedural"};
  std::vector<std::string> warnings = ResolveAssets(&part, procedural);
  for (const Object& o : part.objects) {
    Object* target = graph->FindObject(o.id);
    target->asset = o.asset;
    target->has_front = o.has_front;
    target->support = o.support;
  }
  return warnings;
}

struct Built {
  Readback readback;
  Critique critique;
  double blender_s = 0.0;  // wall time of the Blender run
};

// Emits the script for `graph` into dir, runs Blender, critiques the readback.
Built BuildRenderCritique(const SceneGraph& graph, const fs::path& dir,
                          const RenderSettings& render, const GenerateOptions& options,
                          Critic& critic, ProcessLauncher& launcher, const std::string& prompt,
                          bool final_run) {
  EmitOptions emit;
  emit.render = render;
  std::vector<std::string> model_warnings;
  WriteSceneScript(graph, dir / "scene.py", options.assets, emit, &model_warnings);
  RenderRequest request;
  request.settings = render;
  if (final_run && options.save_blend) request.save_blend = dir / "scene.blend";
  if (final_run && options.export_gltf) request.export_gltf = dir / "scene.glb";
  if (final_run) request.views = options.views;
  request.beauty_and_check = final_run;
  Built built;
  BlenderOutcome outcome = RenderSceneDir(dir, request, options.blender, launcher);
  built.readback = std::move(outcome.readback);
  built.blender_s = outcome.wall_s;
  built.readback.warnings.insert(built.readback.warnings.begin(), model_warnings.begin(),
                                 model_warnings.end());
  CritiqueInput input;
  input.graph = &graph;
  input.readback = &built.readback;
  input.render_path = (dir / "render.png").string();
  input.prompt = prompt;
  built.critique = critic.Review(input);
  return built;
}

// Stores the critique's relation verdicts as the graph's results (what scene.json carries).
void StoreResults(const Critique& critique, SceneGraph* graph) {
  graph->results.clear();
  for (const Finding& f : critique.findings) {
    if (f.kind != Finding::Kind::kRelation || !f.relation) continue;
    RelationResult r;
    r.relation = *f.relation;
    r.pass = f.pass;
    r.score = f.pass ? 1.0 : 0.0;
    if (!f.pass) r.reason = f.measured + " (expected " + f.expected + ")";
    graph->results.push_back(r);
  }
}

// The relations that failed in `before` and hold in `after`, with what the round's revision did
// to each (`old_graph`: the graph the revision started from, `new_graph`: what it made).
std::vector<InnerFix> FixesOf(const Critique& before, const Critique& after,
                              const SceneGraph& old_graph, const SceneGraph& new_graph,
                              const Revision& revision, int round,
                              const std::map<size_t, std::string>& learned) {
  std::set<size_t> failed;
  for (const Finding& f : before.findings) {
    if (f.kind == Finding::Kind::kRelation && f.relation && !f.pass) failed.insert(*f.relation);
  }
  std::vector<InnerFix> out;
  for (const Finding& f : after.findings) {
    if (f.kind != Finding::Kind::kRelation || !f.relation || !f.pass) continue;
    const size_t i = *f.relation;
    if (!failed.count(i) || i >= old_graph.relations.size() || i >= new_graph.relations.size()) {
      continue;
    }
    InnerFix fix;
    fix.round = round;
    fix.relation = i;
    fix.before = old_graph.relations[i];
    fix.after = new_graph.relations[i];
    for (const std::string& id : fix.after.objects) {
      if (std::find(revision.swap_assets.begin(), revision.swap_assets.end(), id) !=
          revision.swap_assets.end()) {
        fix.swapped.push_back(id);
      }
    }
    // A sub-scene of its own: more sub-scenes now, and one holds exactly its objects.
    for (const Subscene& sub : new_graph.subscenes) {
      std::vector<std::string> a = sub.objects, b = fix.after.objects;
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      fix.split = fix.split || (new_graph.subscenes.size() > old_graph.subscenes.size() && a == b);
    }
    if (const auto it = learned.find(i); it != learned.end()) fix.learned = it->second;
    out.push_back(std::move(fix));
  }
  return out;
}

// Writes dir/report.html for a result.
void WriteReport(const GenerateResult& result, const fs::path& dir) {
  ReportInput in;
  in.title = "SceneCraft scene";
  in.prompt = result.graph.prompt;
  in.llm_calls = result.llm_calls;
  in.graph = &result.graph;
  in.readback = result.readback ? &*result.readback : nullptr;
  in.critique = result.critique ? &*result.critique : nullptr;
  in.rounds = result.rounds;
  in.loop_stop = result.loop_stop;
  in.warnings = result.warnings;
  in.skipped = result.skipped;
  in.timings = result.timings;
  for (const AppliedSkill& s : result.skills_applied) in.skills.push_back(s.ToString());
  if (fs::exists(dir / "render.png")) in.render_file = "render.png";
  if (fs::is_regular_file(dir / "scene.glb")) in.gltf = ReadFile(dir / "scene.glb");
  if (fs::exists(dir / "beauty.png")) in.beauty_file = "beauty.png";
  if (fs::exists(dir / "check.png")) in.check_file = "check.png";
  WriteFileAtomic(dir / "report.html", ReportHtml(in));
}

}  // namespace

std::vector<std::string> FitFencesToRows(SceneGraph* graph, const std::set<std::string>& keep) {
  std::vector<std::string> changes;
  for (const Relation& row : graph->relations) {
    if (row.type != RelationType::kRow || row.objects.size() < 2) continue;
    double length = 0.4 * static_cast<double>(row.objects.size() - 1);  // the solver's spacing
    for (const std::string& id : row.objects) {
      if (const Object* o = graph->FindObject(id)) length += o->size.x;
    }
    std::set<std::string> fences;
    for (const Relation& r : graph->relations) {
      if (r.type != RelationType::kNear || r.objects.size() != 2) continue;
      for (int k = 0; k < 2; ++k) {
        const std::string& member = r.objects[k];
        const Object* other = graph->FindObject(r.objects[1 - k]);
        if (other != nullptr && other->category == "fence" &&
            std::find(row.objects.begin(), row.objects.end(), member) != row.objects.end()) {
          fences.insert(other->id);
        }
      }
    }
    for (const std::string& id : fences) {
      Object* fence = graph->FindObject(id);
      if (keep.count(id) || !fence->HasSize() || fence->size.x >= length) continue;
      if (fence->asset.source != "procedural" && length > 1.25 * fence->size.x) {
        for (const std::string& w : SwapForProcedural({id}, graph)) changes.push_back(w);
      }
      changes.push_back("built " + id + " " + FormatNumber(length, 2) + " m long (was " +
                        FormatNumber(fence->size.x, 2) + " m) for the row " + row.ToString() +
                        " along it");
      fence->size.x = length;
    }
  }
  return changes;
}

void GenerateOptions::Check() const {
  if (rounds < 0 || rounds > 50) throw Error("--rounds: must be 0 to 50");
  if (stagnant_rounds < 0 || stagnant_rounds > 50) {
    throw Error("--stop-after-stagnant: must be 0 to 50");
  }
  preview.Check();
  final_render.Check();
  assets.Check();
  blender.Check();
  if (views < 0 || views > 64) throw Error("--views: must be 0 to 64");
  if (room_size_m) {
    const Vec3& s = *room_size_m;
    // Written so that NaN fails too.
    if (!(s.x >= 1 && s.y >= 1 && s.z >= 1.8 && s.x <= 200 && s.y <= 200 && s.z <= 50)) {
      throw Error("--room: " + s.ToString() +
                  " m is not a plausible room (1-200 m, 1.8-50 m high)");
    }
  }
}

bool GenerateResult::AllRelationsPass() const {
  if (!changed_relations.empty()) return false;
  if (critique) return critique->relations_passed == critique->relations_total;
  for (const RelationResult& r : graph.results) {
    if (!r.pass) return false;
  }
  return true;
}

namespace {

// Every file a generate run may write into its folder, and those a failed run keeps.
const std::vector<std::string> kGenerateOutputs = {
    "scene.py",    "scene.json",  "render.png", "readback.json",        "report.html",
    "blender.log", "scene.blend", "scene.glb",  "llm_transcript.jsonl", "llm_calls.json",
    "beauty.png",  "check.png"};
// The outputs of a run with these options: the dataset views add their files.
std::vector<std::string> GenerateOutputs(const GenerateOptions& options) {
  std::vector<std::string> outputs = kGenerateOutputs;
  for (const std::string& name : DatasetViewFiles(options.views)) outputs.push_back(name);
  return outputs;
}
const std::set<std::string> kFailureOutputs = {"scene.py", "scene.json", "blender.log",
                                               "llm_transcript.jsonl", "llm_calls.json"};

// Everything after planning: resolve, solve, frame, emit, and the inner loop in Blender. Writes
// every output but the report into out_dir (the run's private folder).
GenerateResult GenerateGraph(SceneGraph graph, const fs::path& out_dir,
                             const GenerateOptions& given_options, Critic& critic,
                             ProcessLauncher& launcher, const ProgressFn& progress) {
  GenerateOptions options = given_options;
  options.assets = WithWordNet(options.assets);
  GenerateResult result;
  result.out_dir = out_dir;
  auto say = [&](const std::string& line) {
    if (progress) progress(line);
  };
  std::vector<Skill> library;  // the skills in use: applied now, and the reviser's learned fixes
  // The arguments the text or the scene file gave each relation: the reviser and the learned
  // fixes change only the ones a skill filled in (relations the library adds come after these).
  std::vector<std::set<std::string>> stated_args;
  for (const Relation& r : graph.relations) {
    std::set<std::string>& keys = stated_args.emplace_back();
    if (r.source.empty() && !graph.prompt.empty()) continue;
    for (const auto& entry : r.args.numbers) keys.insert(entry.first);
    for (const auto& entry : r.args.words) keys.insert(entry.first);
  }
  auto stated_of = [&stated_args](size_t relation) -> std::set<std::string> {
    return relation < stated_args.size() ? stated_args[relation] : std::set<std::string>{};
  };
  // The skill library only adds or parameterises relations (docs/SKILLS.md); without the
  // relation graph, the objects are placed alone.
  if (!options.relations) {
    graph.notes.push_back("objects only: the " + std::to_string(graph.relations.size()) +
                          " planned relations were dropped (--no-relations)");
    graph.relations.clear();
  } else if (options.use_library) {
    library = LoadLibrary(options, &result.warnings);
    result.skills_applied = ApplyLibrary(library, &graph);
    if (!result.skills_applied.empty()) {
      const size_t n = result.skills_applied.size();
      say("library: " + std::to_string(n) + (n == 1 ? " skill" : " skills") + " applied");
    }
  }
  result.planned_relations = graph.relations;
  // --room always wins: the scene is that room, whatever the text or the file said.
  if (options.room_size_m) {
    graph.environment.kind = Environment::Kind::kRoom;
    graph.environment.size = *options.room_size_m;
  }
  // A room file (--room ROOM.json) wins the same way: its floor plan, height, doors and
  // windows; the planned doors and windows stay when it has none.
  if (options.room) {
    Environment room = *options.room;
    if (room.openings.empty() && graph.environment.IsRoom()) {
      room.openings = graph.environment.openings;
    }
    if (room.ground.empty() && graph.environment.IsRoom()) room.ground = graph.environment.ground;
    graph.environment = std::move(room);
  }
  // Every room has a way in; the solver chooses its wall and keeps its swing clear.
  EnsureDoor(&graph.environment);

  // Resolve assets and solve the first layout.
  auto t = std::chrono::steady_clock::now();
  std::set<std::string> sized;  // sizes the user or the planner gave are kept
  for (const Object& o : graph.objects) {
    if (o.HasSize()) sized.insert(o.id);
  }
  const std::vector<std::string> asset_warnings = ResolveAssets(&graph, options.assets);
  result.warnings.insert(result.warnings.end(), asset_warnings.begin(), asset_warnings.end());
  // The room holds the real sizes of what stands in it: a room nobody sized grows, in a room the
  // text or the user sized the things shrink (agent/room_fit.h).
  const bool room_given = options.room_size_m.has_value() || options.room.has_value() ||
                          graph.prompt.empty() || TextSizedRoom(graph);
  for (const std::string& line : FitRoomToContents(&graph, sized, room_given)) {
    if (StartsWith(line, "no plausible size")) {
      result.warnings.push_back(line);
    } else {
      LogInfo(line);
    }
  }
  // Sizes in context: what stands on or in something fits it (agent/context_sizes.h).
  for (const std::string& line : FitSizesToContext(&graph, sized)) {
    if (StartsWith(line, "no plausible size")) {
      result.warnings.push_back(line);
    } else {
      LogInfo(line);
    }
  }
  // A support holds only what fits on it; the notes say what went elsewhere. A stated relation
  // changed here is a relation the scene fails.
  std::vector<std::string> before;
  for (const Relation& r : graph.relations) before.push_back(r.ToString());
  const std::vector<std::string> moved = FitOnSupports(&graph);
  result.warnings.insert(result.warnings.end(), moved.begin(), moved.end());
  for (size_t i = 0; i < before.size() && i < graph.relations.size(); ++i) {
    const Relation& r = graph.relations[i];
    // Stated: from a span of the prompt, or any relation of a scene file (no prompt).
    const bool stated = !r.source.empty() || graph.prompt.empty();
    if (!stated || r.ToString() == before[i]) continue;
    result.changed_relations.push_back("the stated " + before[i] + " became " + r.ToString() +
                                       " (it does not fit)");
  }
  for (const std::string& change : FitFencesToRows(&graph, sized)) {
    LogInfo(change);
    graph.notes.push_back(change);
  }
  result.timings.push_back({"assets", Seconds(t)});
  t = std::chrono::steady_clock::now();
  for (const std::string& w : LayOutScene(&graph, options.seed, options.final_render)) {
    result.warnings.push_back(w);
  }
  result.timings.push_back({"solve", Seconds(t)});
  say("solve: " + FormatNumber(result.timings.back().second * 1000, 1) + " ms");

  // Without Blender, write the script and say what was skipped.
  try {
    FindBlender(options.blender);
  } catch (const Error& e) {
    result.skipped = std::string("rendering and critique skipped: ") + e.what();
    EmitOptions emit;
    emit.render = options.final_render;
    WriteSceneScript(graph, out_dir / "scene.py", options.assets, emit, &result.warnings);
    WriteFileAtomic(out_dir / "scene.json", SceneGraphToJsonText(graph));
    result.graph = std::move(graph);
    return result;
  }

  // Round 0: the first build, then revision rounds; a round that makes things worse is undone.
  // The previews and the final render share the run's private folder.
  const fs::path& work = out_dir;
  ThrowIfInterrupted();
  t = std::chrono::steady_clock::now();
  Built best = BuildRenderCritique(graph, work, options.preview, options, critic, launcher,
                                   graph.prompt, /*final_run=*/false);
  result.rounds.push_back({0, 0.0, best.critique.score, true, {"first build"}, Seconds(t)});
  say("round 0: " + std::to_string(best.critique.relations_passed) + "/" +
      std::to_string(best.critique.relations_total) + " relations pass");
  SceneGraph best_graph = graph;
  bool best_ordered = false;  // whether best_graph was solved sub-scene by sub-scene
  double loop_blender_s = best.blender_s;
  int stagnant = 0;  // rounds in a row without a better score
  for (int round = 1; round <= options.rounds; ++round) {
    if (best.critique.relations_passed == best.critique.relations_total &&
        FailingFindings(best.critique) == 0) {
      break;
    }
    ThrowIfInterrupted();
    if (loop_blender_s >= options.blender.timeout_s) {
      result.warnings.push_back("revision stopped before round " + std::to_string(round) +
                                ": the loop's Blender runs took " +
                                FormatNumber(loop_blender_s, 0) + " s, the --blender-timeout");
      break;
    }
    t = std::chrono::steady_clock::now();
    SceneGraph candidate = best_graph;
    // The reviser tries the library's learned fixes first; each one tried is listed as applied.
    std::map<size_t, std::string> learned;  // relation index -> the fix's skill key
    LearnedFixFn learned_fix = nullptr;
    if (!library.empty()) {
      learned_fix = [&](size_t relation, SceneGraph* g) -> std::string {
        std::optional<AppliedSkill> a =
            ApplyLearnedFix(library, CategoryIsKindOf, relation, g, stated_of(relation));
        if (!a) return "";
        learned[relation] = a->key;
        const std::string change = "applied the learned fix " + a->ToString();
        a->changes = {"round " + std::to_string(round) + ": " + a->changes.front()};
        result.skills_applied.push_back(std::move(*a));
        return change;
      };
    }
    const StatedArgFn stated = [&](size_t relation, const std::string& key) {
      return stated_of(relation).count(key) > 0;
    };
    const Revision revision = Revise(best.critique, &best.readback, round, ReviserOptions{},
                                     &candidate, learned_fix, stated);
    if (revision.empty()) break;
    if (!revision.swap_assets.empty()) {
      for (const std::string& w : SwapForProcedural(revision.swap_assets, &candidate)) {
        result.warnings.push_back(w);
      }
    }
    const bool ordered = best_ordered || revision.solve_by_subscenes;
    if (revision.resolve) {
      for (const std::string& w :
           LayOutScene(&candidate, options.seed + round, options.final_render, ordered)) {
        result.warnings.push_back(w);
      }
    }
    Built next = BuildRenderCritique(candidate, work, options.preview, options, critic, launcher,
                                     candidate.prompt, /*final_run=*/false);
    loop_blender_s += next.blender_s;
    RoundRecord record{round, best.critique.score, next.critique.score,
                       true,  revision.changes,    Seconds(t)};
    stagnant = next.critique.score > best.critique.score + 1e-9 ? 0 : stagnant + 1;
    if (Worse(next.critique, best.critique)) {
      // Undo: keep the previous best layout, but remember how far the revision went (hard
      // flags, weights, chosen walls, split sub-scenes), so the next round escalates instead of
      // trying the same again.
      record.kept = false;
      for (size_t i = 0; i < best_graph.relations.size(); ++i) {
        best_graph.relations[i].hard = candidate.relations[i].hard;
        best_graph.relations[i].weight = candidate.relations[i].weight;
        best_graph.relations[i].args = candidate.relations[i].args;
      }
      best_graph.subscenes = candidate.subscenes;
      best_ordered = ordered;
    } else {
      for (InnerFix& fix :
           FixesOf(best.critique, next.critique, best_graph, candidate, revision, round, learned)) {
        result.fixes.push_back(std::move(fix));
      }
      best = std::move(next);
      best_graph = std::move(candidate);
      best_ordered = ordered;
    }
    say("round " + std::to_string(round) + ": " + std::to_string(revision.changes.size()) +
        " changes, " + FormatNumber(record.score_before, 3) + " -> " +
        FormatNumber(record.score_after, 3) + (record.kept ? "" : " (undone)"));
    result.rounds.push_back(std::move(record));
    // Stagnation: the reviser escalates every round, but an unsatisfiable scene would run all
    // its rounds (each a Blender run) at the same score.
    if (options.stagnant_rounds > 0 && stagnant >= options.stagnant_rounds &&
        round < options.rounds) {
      result.loop_stop = "The loop stopped after round " + std::to_string(round) + " of " +
                         std::to_string(options.rounds) + ": " + std::to_string(stagnant) +
                         (stagnant == 1 ? " round" : " rounds") +
                         " in a row brought no better score (--stop-after-stagnant " +
                         std::to_string(options.stagnant_rounds) + ").";
      say(result.loop_stop);
      break;
    }
  }

  // The final render at the requested quality, critiqued once more on its own readback.
  ThrowIfInterrupted();
  t = std::chrono::steady_clock::now();
  say("final render: " + options.final_render.engine + " " + options.final_render.Resolution());
  Built final = BuildRenderCritique(best_graph, out_dir, options.final_render, options, critic,
                                    launcher, best_graph.prompt, /*final_run=*/true);
  result.timings.push_back({"final render", Seconds(t)});
  StoreResults(final.critique, &best_graph);
  WriteFileAtomic(out_dir / "scene.json", SceneGraphToJsonText(best_graph));
  result.graph = std::move(best_graph);
  for (const std::string& w : final.readback.warnings) result.warnings.push_back(w);
  result.readback = std::move(final.readback);
  result.critique = std::move(final.critique);
  return result;
}

}  // namespace

SceneSource SceneSource::Text(std::string text) {
  SceneSource source;
  source.text = std::move(text);
  return source;
}

SceneSource SceneSource::Graph(SceneGraph graph) {
  SceneSource source;
  source.graph = std::move(graph);
  return source;
}

GenerateResult Generate(const SceneSource& source, const fs::path& out_dir,
                        const GenerateOptions& options, Backends& backends,
                        ProcessLauncher& launcher, const ProgressFn& progress) {
  options.Check();
  OutputDir out(out_dir, GenerateOutputs(options), options.force);
  const fs::path& work = out.work();
  GenerateResult result;
  try {
    backends.BeginScene(work);
    if (source.graph) {
      result = GenerateGraph(*source.graph, work, options, backends.critic(), launcher, progress);
      result.planner = "file";
    } else {
      // Plan the text, then build the graph.
      const auto start = std::chrono::steady_clock::now();
      if (progress) progress("plan: reading the description");
      PlanResult plan = backends.planner().Plan(source.text);
      const double plan_s = Seconds(start);
      if (progress) {
        progress("plan: " + std::to_string(plan.graph.objects.size()) + " objects, " +
                 std::to_string(plan.graph.relations.size()) + " relations (" + plan.planner +
                 " planner, " + FormatNumber(plan_s * 1000, 1) + " ms)");
      }
      if (plan.graph.prompt.empty()) plan.graph.prompt = source.text;
      // Time words ("at sunset") set the light; the planner leaves them to us.
      ApplyTimeOfDay(source.text, &plan);
      result = GenerateGraph(std::move(plan.graph), work, options, backends.critic(), launcher,
                             progress);
      result.planner = plan.planner;
      result.warnings.insert(result.warnings.begin(), plan.warnings.begin(), plan.warnings.end());
      result.coverage = plan.coverage;
      if (result.coverage && !result.coverage->complete()) {
        result.warnings.push_back(
            "incomplete: " + std::to_string(result.coverage->accounted_words) + " of " +
            std::to_string(result.coverage->content_words) +
            " content words of the description are in the scene; not: " +
            Join(result.coverage->unaccounted_text, ", "));
      }
      result.timings.insert(result.timings.begin(), {"plan", plan_s});
    }
    // The model calls and the vision critic's fallbacks go into the report, written once.
    SceneCalls calls = backends.EndScene();
    result.llm_calls = std::move(calls.calls);
    for (std::string& w : calls.warnings) result.warnings.push_back(std::move(w));
    WriteReport(result, work);
  } catch (const Error& e) {
    // A failed run keeps what says why (the script, Blender's log), never half a result.
    out.Commit(kFailureOutputs);
    throw Error(out.InDir(e.what()));
  }
  ThrowIfInterrupted();
  out.Commit();
  result.out_dir = out_dir;
  return result;
}

}  // namespace scenecraft
