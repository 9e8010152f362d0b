// The input of a batch (issue 17): a JSONL file of prompts or scene JSON documents, expanded into
// one work item per scene and seed, and the batch plan (DIR/batch.json) that every worker reads:
// the items and the generate options. The plan is the only thing a worker needs besides the
// output folder, so that on a cluster the shared state is that folder alone.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/agent/backends.h"
#include "scenecraft/agent/generate.h"

namespace scenecraft {

// One scene to make.
struct BatchItem {
  std::string id;      // the folder name under the output folder; [A-Za-z0-9._-], not starting '.'
  int line = 0;        // 1-based line in the prompts file
  std::string prompt;  // English text; empty when the line gives a scene
  std::string scene_json;  // a scene JSON document (ARCHITECTURE.md section 3) as text, or empty
  uint64_t seed = 1;
  std::optional<int> rounds;  // the line's own revision rounds
  // Why the line cannot be run ("prompts.jsonl:7: invalid JSON ..."); a bad line fails its own
  // scene only, and the others run.
  std::string error;
};

// Reads a prompts file. Each non-blank line is a JSON object with `prompt` (text) or `scene` (a
// scene JSON object), an optional `id`, and optional per-line `seed` and `rounds`; `counts` and
// `relations` (a corpus's expectations, shared/corpus format) are accepted and not used. A line
// that is a JSON string is a prompt. Lines without an id get "line-NNNNN". With `seeds` > 1 every
// line becomes that many items "<id>-s<k>" with seeds base, base+1, ... A bad line becomes an item
// with `error` set. Throws Error only when the whole file is unusable (unreadable, no lines).
std::vector<BatchItem> ParseBatchPrompts(std::string_view text, std::string_view origin, int seeds,
                                         uint64_t base_seed);

// Whether `id` may name a scene folder.
bool IsValidSceneId(std::string_view id);

// Everything a worker needs: the items and the options for generate.
struct BatchPlan {
  static constexpr int kSchema = 1;
  std::string prompts;  // where the items came from (for messages)
  GenerateOptions generate;
  // The planner and critic every worker builds (no key: a worker reads it from its environment
  // or the LLM config file, as generate does).
  BackendOptions backends;
  int max_attempts = 3;  // a scene that failed this many times is not tried again
  std::vector<BatchItem> items;
};

// DIR/batch.json, written atomically by the batch command and read by every worker.
std::filesystem::path BatchPlanPath(const std::filesystem::path& out_dir);
void WriteBatchPlan(const BatchPlan& plan, const std::filesystem::path& out_dir);
// Throws Error naming the file and every problem.
BatchPlan ReadBatchPlan(const std::filesystem::path& out_dir);

}  // namespace scenecraft
