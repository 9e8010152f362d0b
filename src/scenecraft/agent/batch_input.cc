#include "scenecraft/agent/batch_input.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string LineId(int line) {
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "line-%05d", line);
  return buffer;
}

// Reads one line into an item; problems go into item->error.
void ReadLine(std::string_view text, std::string_view origin, const std::string& where,
              BatchItem* item) {
  json value;
  try {
    value = ParseJson(text, origin);
  } catch (const Error& e) {
    // ParseJson names "origin:1:column"; the line is this one.
    item->error = ReplaceAll(e.what(), std::string(origin) + ":1:", where + ":");
    return;
  }
  if (value.is_string()) {
    item->prompt = value.get<std::string>();
  } else {
    JsonProblems problems;
    JsonObjectReader reader(value, "", &problems);
    if (auto id = reader.String("id")) item->id = *id;
    if (auto prompt = reader.String("prompt")) item->prompt = *prompt;
    if (const json* scene = reader.Get("scene")) {
      if (scene->is_object()) {
        item->scene_json = scene->dump();
      } else {
        reader.AddProblem("scene", "must be a scene JSON object, found " + JsonTypeName(*scene));
      }
    }
    if (auto seed = reader.Number("seed")) {
      if (*seed < 0 || *seed != static_cast<double>(static_cast<uint64_t>(*seed))) {
        reader.AddProblem("seed", "must be a whole number >= 0");
      } else {
        item->seed = static_cast<uint64_t>(*seed);
      }
    }
    if (auto rounds = reader.Number("rounds")) {
      if (*rounds < 0 || *rounds > 50 || *rounds != static_cast<int>(*rounds)) {
        reader.AddProblem("rounds", "must be a whole number from 0 to 50");
      } else {
        item->rounds = static_cast<int>(*rounds);
      }
    }
    // A corpus's expectations (shared/corpus format) ride along; batch does not judge them.
    reader.Get("counts");
    reader.Get("relations");
    reader.Finish();
    if (reader.valid() && item->prompt.empty() == item->scene_json.empty() &&
        !problems.Has("/scene")) {
      problems.Add("",
                   "needs exactly one of \"prompt\" (text) and \"scene\" (a scene JSON object)");
    }
    if (!item->id.empty() && !IsValidSceneId(item->id)) {
      problems.Add("/id", "'" + item->id +
                              "' cannot name a folder (use letters, digits, '.', '_', '-'; "
                              "at most 100; not starting with '.')");
    }
    if (!problems.empty()) item->error = problems.ToString(where);
  }
  if (item->error.empty() && !item->prompt.empty() && Trim(item->prompt).empty()) {
    item->error = where + ": the prompt is blank";
  }
}

json RenderToJson(const RenderSettings& r) {
  return json{
      {"engine", r.engine}, {"samples", r.samples}, {"width", r.width}, {"height", r.height}};
}

RenderSettings RenderFromJson(JsonObjectReader reader) {
  RenderSettings r;
  r.engine = reader.String("engine", true).value_or(r.engine);
  r.samples = static_cast<int>(reader.Number("samples", true).value_or(r.samples));
  r.width = static_cast<int>(reader.Number("width", true).value_or(r.width));
  r.height = static_cast<int>(reader.Number("height", true).value_or(r.height));
  reader.Finish();
  return r;
}

}  // namespace

bool IsValidSceneId(std::string_view id) {
  if (id.empty() || id.size() > 100 || id[0] == '.') return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::vector<BatchItem> ParseBatchPrompts(std::string_view text, std::string_view origin, int seeds,
                                         uint64_t base_seed) {
  if (seeds < 1 || seeds > 10000) throw Error("--seeds: must be 1 to 10000");
  std::vector<BatchItem> lines;
  int number = 0;
  for (const std::string& raw : Split(text, '\n')) {
    ++number;
    if (Trim(raw).empty()) continue;
    BatchItem item;
    item.line = number;
    item.seed = base_seed;
    ReadLine(raw, origin, std::string(origin) + ":" + std::to_string(number), &item);
    if (item.id.empty() || !IsValidSceneId(item.id)) item.id = LineId(number);
    lines.push_back(std::move(item));
  }
  if (lines.empty()) throw Error(std::string(origin) + ": no prompts (the file has no lines)");

  // Duplicate ids: the later line fails (its folder would be the earlier one's).
  std::map<std::string, int> first_line;
  for (BatchItem& item : lines) {
    auto [it, inserted] = first_line.emplace(item.id, item.line);
    if (!inserted && item.error.empty()) {
      item.error = std::string(origin) + ":" + std::to_string(item.line) + ": id '" + item.id +
                   "' is already used on line " + std::to_string(it->second);
      item.id = LineId(item.line);
    }
  }
  if (seeds == 1) return lines;
  std::vector<BatchItem> items;
  for (const BatchItem& line : lines) {
    for (int k = 0; k < seeds; ++k) {
      BatchItem item = line;
      item.id = line.id + "-s" + std::to_string(k);
      item.seed = line.seed + static_cast<uint64_t>(k);
      items.push_back(std::move(item));
    }
  }
  return items;
}

fs::path BatchPlanPath(const fs::path& out_dir) {
  return out_dir / "batch.json";
}

void WriteBatchPlan(const BatchPlan& plan, const fs::path& out_dir) {
  const GenerateOptions& g = plan.generate;
  json items = json::array();
  for (const BatchItem& item : plan.items) {
    json j{{"id", item.id}, {"line", item.line}, {"seed", item.seed}};
    if (!item.prompt.empty()) j["prompt"] = item.prompt;
    if (!item.scene_json.empty()) j["scene"] = json::parse(item.scene_json);
    if (item.rounds) j["rounds"] = *item.rounds;
    if (!item.error.empty()) j["error"] = item.error;
    items.push_back(std::move(j));
  }
  json doc{{"schema", BatchPlan::kSchema},
           {"prompts", plan.prompts},
           {"max_attempts", plan.max_attempts},
           {"generate",
            {{"rounds", g.rounds},
             {"seed", g.seed},
             {"preview", RenderToJson(g.preview)},
             {"final_render", RenderToJson(g.final_render)},
             {"views", g.views},
             {"save_blend", g.save_blend},
             {"export_gltf", g.export_gltf},
             {"assets", g.assets.sources},
             {"cache_dir", g.assets.cache_dir.string()},
             {"blender", g.blender.blender},
             {"blender_timeout_s", g.blender.timeout_s},
             {"use_library", g.use_library},
             {"library", g.library.string()},
             {"relations", g.relations}}},
           {"backends",
            {{"planner", plan.backends.planner},
             {"critic", plan.backends.critic},
             {"url", plan.backends.url},
             {"model", plan.backends.model},
             {"config", plan.backends.config},
             {"no_cache", plan.backends.no_cache},
             {"budget", plan.backends.budget}}},
           {"items", std::move(items)}};
  WriteFileAtomic(BatchPlanPath(out_dir),
                  doc.dump(1, ' ', false, json::error_handler_t::replace) + "\n");
}

BatchPlan ReadBatchPlan(const fs::path& out_dir) {
  const fs::path path = BatchPlanPath(out_dir);
  if (!fs::exists(path)) {
    throw Error("'" + out_dir.string() +
                "' holds no batch (no batch.json; start one with "
                "`scenecraft batch PROMPTS.jsonl -o " +
                out_dir.string() + "`)");
  }
  const json doc = ParseJson(ReadFile(path), path.string());
  JsonProblems problems;
  JsonObjectReader reader(doc, "", &problems);
  BatchPlan plan;
  if (auto schema = reader.Number("schema", true); schema && *schema != BatchPlan::kSchema) {
    reader.AddProblem("schema", "unsupported version " + FormatNumber(*schema));
  }
  plan.prompts = reader.String("prompts", true).value_or("");
  plan.max_attempts = static_cast<int>(reader.Number("max_attempts", true).value_or(3));
  if (const json* g = reader.Get("generate", true)) {
    JsonObjectReader gen(*g, "/generate", &problems);
    GenerateOptions& o = plan.generate;
    o.rounds = static_cast<int>(gen.Number("rounds", true).value_or(o.rounds));
    o.seed = static_cast<uint64_t>(gen.Number("seed", true).value_or(1));
    if (const json* p = gen.Get("preview", true)) {
      o.preview = RenderFromJson(JsonObjectReader(*p, "/generate/preview", &problems));
    }
    if (const json* f = gen.Get("final_render", true)) {
      o.final_render = RenderFromJson(JsonObjectReader(*f, "/generate/final_render", &problems));
    }
    o.views = static_cast<int>(gen.Number("views", true).value_or(0));
    o.save_blend = gen.Bool("save_blend", true).value_or(false);
    o.export_gltf = gen.Bool("export_gltf", true).value_or(false);
    o.assets.sources = gen.StringArray("assets", true).value_or(o.assets.sources);
    o.assets.cache_dir = gen.String("cache_dir", true).value_or("");
    o.blender.blender = gen.String("blender", true).value_or("");
    o.blender.timeout_s = gen.Number("blender_timeout_s", true).value_or(o.blender.timeout_s);
    // Plans written before the skill library have none of these: the defaults hold.
    o.use_library = gen.Bool("use_library").value_or(true);
    o.library = gen.String("library").value_or("");
    o.relations = gen.Bool("relations").value_or(true);
    gen.Finish();
  }
  // Optional: a plan written before batches took LLM flags uses the offline backends.
  if (const json* b = reader.Get("backends")) {
    JsonObjectReader backends(*b, "/backends", &problems);
    BackendOptions& o = plan.backends;
    o.planner = backends.String("planner", true).value_or(o.planner);
    o.critic = backends.String("critic", true).value_or(o.critic);
    o.url = backends.String("url").value_or("");
    o.model = backends.String("model").value_or("");
    o.config = backends.String("config").value_or("");
    o.no_cache = backends.Bool("no_cache").value_or(false);
    o.budget = backends.String("budget").value_or("");
    backends.Finish();
    try {
      o.Check();
    } catch (const Error& e) {
      backends.AddProblem("planner", e.what());
    }
  }
  if (const json* items = reader.Get("items", true); items && items->is_array()) {
    for (size_t i = 0; i < items->size(); ++i) {
      JsonObjectReader it((*items)[i], JsonPointerAppend("/items", i), &problems);
      BatchItem item;
      item.id = it.String("id", true).value_or("");
      item.line = static_cast<int>(it.Number("line", true).value_or(0));
      item.seed = static_cast<uint64_t>(it.Number("seed", true).value_or(1));
      item.prompt = it.String("prompt").value_or("");
      if (const json* scene = it.Get("scene")) item.scene_json = scene->dump();
      if (auto rounds = it.Number("rounds")) item.rounds = static_cast<int>(*rounds);
      item.error = it.String("error").value_or("");
      it.Finish();
      if (!IsValidSceneId(item.id)) it.AddProblem("id", "'" + item.id + "' is not a scene id");
      plan.items.push_back(std::move(item));
    }
  } else if (items) {
    reader.AddProblem("items", "must be an array");
  }
  reader.Finish();
  problems.ThrowIfAny(path.string());
  return plan;
}

}  // namespace scenecraft
