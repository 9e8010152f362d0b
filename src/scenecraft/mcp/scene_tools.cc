#include "scenecraft/mcp/scene_tools.h"

#include <fstream>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/agent/pipeline.h"
#include "scenecraft/assets/asset_index.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/layout/solver.h"
#include "scenecraft/llm/chat_client.h"
#include "scenecraft/mcp/tool_declarations.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The render is returned as image content up to this size (a 4096 x 4096 PNG is far below it).
constexpr uintmax_t kMaxImageBytes = 32u << 20;

// The files of an output folder a client may want, in the order they are listed.
const char* const kOutputFiles[] = {"scene.py",  "scene.json",  "render.png",
                                    "scene.glb", "report.html", "readback.json"};

json Text(const std::string& text) {
  return {{"type", "text"}, {"text", text}};
}

std::string Excerpt(const std::string& text) {
  return text.size() <= 80 ? text : text.substr(0, 77) + "...";
}

// The relations of a solved graph, one line each: "pass  on(lamp_1, desk_1)" or with the reason.
std::string RelationLines(const SceneGraph& graph) {
  std::string out;
  for (const RelationResult& r : graph.results) {
    if (r.relation >= graph.relations.size()) continue;
    out += std::string(r.pass ? "  pass  " : "  FAIL  ") + graph.relations[r.relation].ToString() +
           (r.pass || r.reason.empty() ? "" : ": " + r.reason) + "\n";
  }
  return out;
}

}  // namespace

void McpOptions::Check() const {
  if (output_root.empty()) throw Error("mcp: the output root must not be empty");
  generate.Check();
  backends.Check();
}

fs::path PathInsideRoot(const fs::path& root, const std::string& path,
                        const std::string& argument) {
  if (path.empty()) throw Error("/arguments/" + argument + ": a path must not be empty");
  if (path.find('\0') != std::string::npos) {
    throw Error("/arguments/" + argument + ": a path must not contain a NUL character");
  }
  const fs::path given(path);
  const fs::path candidate = given.is_absolute() ? given : root / given;
  std::error_code error;
  const fs::path resolved = fs::weakly_canonical(candidate, error);
  const fs::path relative = error ? fs::path("..") : resolved.lexically_relative(root);
  if (error || relative.empty() || *relative.begin() == "..") {
    throw Error("/arguments/" + argument + ": '" + Excerpt(path) + "' is outside the output root " +
                root.string() +
                "; this server reads and writes files only there (give a path relative to it)");
  }
  return resolved;
}

SceneTools::SceneTools(McpOptions options, ProcessLauncher& launcher)
    : options_(std::move(options)), launcher_(launcher) {
  options_.Check();
  std::error_code error;
  fs::create_directories(options_.output_root, error);
  root_ = fs::canonical(options_.output_root, error);
  if (error) {
    throw Error("mcp: cannot create the output root " + options_.output_root.string() + ": " +
                error.message());
  }
}

SceneTools::~SceneTools() = default;

json SceneTools::Tools() const {
  return SceneToolDeclarations();
}

json SceneTools::Call(const std::string& name, const json& arguments, CallContext& context) {
  if (!backends_) backends_ = MakeBackends(options_.backends);
  if (name == "plan") return Plan(arguments);
  if (name == "generate") return Generate(arguments, context);
  if (name == "solve") return Solve(arguments);
  if (name == "critique") return Critique(arguments);
  if (name == "search_assets") return SearchAssets(arguments);
  throw ProtocolError(kJsonRpcInvalidParams, "unknown tool '" + name + "'");
}

SceneGraph SceneTools::SceneArgument(const json& arguments, std::string* origin) const {
  if (arguments.contains("scene")) {
    const fs::path file = PathInsideRoot(root_, arguments["scene"].get<std::string>(), "scene");
    if (!fs::is_regular_file(file)) {
      throw Error("/arguments/scene: no scene file '" +
                  Excerpt(arguments["scene"].get<std::string>()) + "' in the output root");
    }
    *origin = file.string();
    return LoadSceneFile(file);
  }
  *origin = "/arguments/scene_json";
  const std::string text =
      arguments["scene_json"].dump(-1, ' ', false, json::error_handler_t::replace);
  return ParseSceneGraph(text, *origin);
}

json SceneTools::Plan(const json& arguments) {
  const std::string prompt = arguments["prompt"].get<std::string>();
  backends_->BeginScene("");
  const PlanResult plan = backends_->planner().Plan(prompt);
  backends_->EndScene();
  const std::string scene_json = SceneGraphToJsonText(plan.graph);
  std::string saved;
  if (arguments.contains("save_as")) {
    const fs::path file = PathInsideRoot(root_, arguments["save_as"].get<std::string>(), "save_as");
    WriteFileAtomic(file, scene_json);
    saved = "Saved the scene JSON as " + file.string() + "\n";
  }
  json result{{"content", json::array({Text(FormatPlanTable(plan) + saved), Text(scene_json)})}};
  return result;
}

json SceneTools::Generate(const json& arguments, CallContext& context) {
  // What to build: exactly one of the three inputs.
  const int inputs = static_cast<int>(arguments.contains("prompt")) +
                     static_cast<int>(arguments.contains("scene")) +
                     static_cast<int>(arguments.contains("scene_json"));
  if (inputs != 1) {
    throw Error("/arguments: give exactly one of prompt, scene, scene_json (found " +
                std::to_string(inputs) + ")");
  }
  std::string origin;
  const SceneSource source = arguments.contains("prompt")
                                 ? SceneSource::Text(arguments["prompt"].get<std::string>())
                                 : SceneSource::Graph(SceneArgument(arguments, &origin));

  // Where: a named folder in the root, or the first free scene-N.
  std::string name = arguments.value("name", "");
  for (int n = 1; name.empty(); ++n) {
    const std::string candidate = "scene-" + std::to_string(n);
    if (!fs::exists(root_ / candidate)) name = candidate;
  }
  const fs::path out_dir = PathInsideRoot(root_, name, "name");

  // How: the server's defaults with the call's changes.
  GenerateOptions options = options_.generate;
  options.export_gltf = true;  // the report's 3D view and the client's own viewers read it
  options.rounds = arguments.value("rounds", options.rounds);
  options.seed = arguments.value("seed", static_cast<uint64_t>(options.seed));
  if (arguments.contains("resolution")) {
    const std::vector<std::string> parts = Split(arguments["resolution"].get<std::string>(), 'x');
    options.final_render.width = std::stoi(parts.at(0));
    options.final_render.height = std::stoi(parts.at(1));
    if (options.final_render.width < 16 || options.final_render.width > 4096 ||
        options.final_render.height < 16 || options.final_render.height > 4096) {
      throw Error("/arguments/resolution: each side must be from 16 to 4096 pixels");
    }
  }
  if (arguments.contains("room_size_m")) {
    const json& size = arguments["room_size_m"];
    options.room_size_m = Vec3{size[0].get<double>(), size[1].get<double>(), size[2].get<double>()};
  }
  options.Check();

  // Each stage of the pipeline is a step of progress and a point where a cancellation stops it.
  auto progress = [&context](const std::string& line) {
    context.ThrowIfCancelled();
    context.Progress(line);
  };
  const GenerateResult result =
      scenecraft::Generate(source, out_dir, options, *backends_, launcher_, progress);

  // The answer: a summary, the files, and the render.
  std::string text = "Scene in " + out_dir.string() + ": " +
                     std::to_string(result.graph.objects.size()) + " objects, " +
                     std::to_string(result.graph.relations.size()) + " relations (planner " +
                     result.planner + ", " + std::to_string(result.rounds.size()) + " rounds).\n";
  std::string verdict;
  if (!result.skipped.empty()) {
    verdict = "not built";
    text += "Not built in Blender: " + result.skipped + "\n";
  } else {
    verdict = !result.AllRelationsPass() ? "relations fail"
              : !result.Complete()       ? "incomplete"
                                         : "complete";
    if (result.critique) {
      text += "Relations passing on what Blender built: " +
              std::to_string(result.critique->relations_passed) + "/" +
              std::to_string(result.critique->relations_total) + " (" + verdict + ").\n";
    }
  }
  text += RelationLines(result.graph);
  if (result.coverage && !result.coverage->unaccounted_text.empty()) {
    text += "Words of the description not in the scene: " +
            Join(result.coverage->unaccounted_text, ", ") + "\n";
  }
  for (const std::string& w : result.warnings) text += "Warning: " + w + "\n";
  json files = json::object();
  text += "Files:\n";
  for (const char* file : kOutputFiles) {
    if (!fs::exists(out_dir / file)) continue;
    files[file] = (out_dir / file).string();
    text += "  " + (out_dir / file).string() + "\n";
  }
  json content = json::array({Text(text)});
  const fs::path render = out_dir / "render.png";
  std::error_code error;
  if (arguments.value("include_image", true) && fs::is_regular_file(render) &&
      fs::file_size(render, error) <= kMaxImageBytes) {
    content.push_back(
        {{"type", "image"}, {"data", Base64(ReadFile(render))}, {"mimeType", "image/png"}});
  }
  json structured{{"out_dir", out_dir.string()},
                  {"files", files},
                  {"verdict", verdict},
                  {"objects", result.graph.objects.size()},
                  {"warnings", result.warnings}};
  if (result.critique) {
    structured["relations_passed"] = result.critique->relations_passed;
    structured["relations_total"] = result.critique->relations_total;
  }
  return {{"content", content}, {"structuredContent", structured}};
}

json SceneTools::Solve(const json& arguments) {
  if (arguments.contains("scene") == arguments.contains("scene_json")) {
    throw Error("/arguments: give exactly one of scene, scene_json");
  }
  std::string origin;
  SceneGraph graph = SceneArgument(arguments, &origin);
  std::string text;
  for (const std::string& w : ResolveAssets(&graph, WithWordNet(options_.generate.assets))) {
    text += "Warning: " + w + "\n";
  }
  SolverOptions solver;
  solver.seed = arguments.value("seed", static_cast<uint64_t>(solver.seed));
  solver.time_budget_s = arguments.value("time_budget_s", solver.time_budget_s);
  solver.Check();
  const SolveResult result = scenecraft::Solve(&graph, solver);
  text = "solve: " + result.ToString() + "\n" + RelationLines(graph) + text;
  const std::string scene_json = SceneGraphToJsonText(graph);
  if (arguments.contains("save_as")) {
    const fs::path file = PathInsideRoot(root_, arguments["save_as"].get<std::string>(), "save_as");
    WriteFileAtomic(file, scene_json);
    text += "Saved the solved scene as " + file.string() + "\n";
  }
  return {{"content", json::array({Text(text), Text(scene_json)})}};
}

json SceneTools::Critique(const json& arguments) {
  const fs::path dir = PathInsideRoot(root_, arguments["dir"].get<std::string>(), "dir");
  if (!fs::is_regular_file(dir / "scene.json") || !fs::is_regular_file(dir / "readback.json")) {
    throw Error("/arguments/dir: " + dir.string() +
                " has no scene.json and readback.json (an output folder of generate has both)");
  }
  const SceneGraph graph = LoadSceneFile(dir / "scene.json");
  const Readback readback =
      ParseReadback(ReadFile(dir / "readback.json"), (dir / "readback.json").string());
  GeometricCritic critic;
  CritiqueInput input;
  input.graph = &graph;
  input.readback = &readback;
  const scenecraft::Critique critique = critic.Review(input);
  return {{"content", json::array({Text(critique.ToString())})},
          {"structuredContent", CritiqueToJson(critique)}};
}

json SceneTools::SearchAssets(const json& arguments) {
  const AssetOptions assets = WithWordNet(options_.generate.assets);
  AssetIndex index((assets.CacheDir() / "assets.sqlite").string(), assets.expand_terms);
  if (index.Count() == 0) {
    return TextResult(
        "The asset index is empty: run `scenecraft assets index` once (generate also fills it "
        "when it uses the Sweet Home 3D libraries).");
  }
  const std::vector<AssetHit> hits =
      index.Search(arguments["query"].get<std::string>(), arguments.value("limit", 10),
                   arguments.value("source", ""));
  std::string text;
  json items = json::array();
  for (const AssetHit& h : hits) {
    const Vec3& s = h.record.size_m;
    text += h.record.id + "  " + h.record.name + "  " + FormatNumber(s.x, 2) + " x " +
            FormatNumber(s.y, 2) + " x " + FormatNumber(s.z, 2) + " m  (" + h.record.source + ", " +
            h.record.license + ")\n";
    items.push_back({{"id", h.record.id},
                     {"name", h.record.name},
                     {"category", h.record.category},
                     {"size_m", {s.x, s.y, s.z}},
                     {"source", h.record.source},
                     {"creator", h.record.creator},
                     {"license", h.record.license}});
  }
  if (hits.empty()) text = "No match.";
  return {{"content", json::array({Text(text)})}, {"structuredContent", {{"results", items}}}};
}

}  // namespace scenecraft
