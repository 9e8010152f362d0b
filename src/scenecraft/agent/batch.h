// Batch generation (issue 17): many scenes into one output folder, resumable, on one machine or on
// a Slurm cluster. A worker takes the scenes of its shard from the batch plan (DIR/batch.json),
// skips those the manifest calls done or that failed too often, claims each scene with a lock
// file (so two workers never make the same scene), makes it in a private folder under
// DIR/.batch/tmp/, moves the finished folder into place as DIR/<id>/ and then appends its record
// to DIR/manifest.jsonl. A worker killed at any point leaves no half-written scene folder and no
// record, so the scene is simply made again by the next run.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "scenecraft/agent/batch_input.h"
#include "scenecraft/agent/manifest.h"

namespace scenecraft {

// What making one scene produced (the manifest's fields that the runner knows).
struct SceneOutcome {
  int exit_code = 0;  // 0 every relation holds, 3 some fail, 5 all hold but words unaccounted
  int relations_passed = 0;
  int relations_total = 0;
  std::vector<std::pair<std::string, double>> timings;
  std::map<std::string, int> asset_sources;
};

// Makes one scene into `dir` (which exists and is empty). Throws Error (or any exception) when
// the scene cannot be made; the batch records that as a failed attempt.
using SceneRunner =
    std::function<SceneOutcome(const BatchItem& item, const std::filesystem::path& dir)>;

// The production runner: the plan's planner and critic (offline, or an LLM endpoint), then
// `Generate` with the plan's options and the item's seed and rounds. Throws Error when the
// backends cannot be made (an LLM planner without an endpoint).
SceneRunner MakeGenerateRunner(const GenerateOptions& options, const BackendOptions& backends,
                               ProcessLauncher& launcher);

// A shard: the items whose position in the plan is `index` modulo `count`.
struct Shard {
  int index = 0;
  int count = 1;
  void Check() const;
  std::string ToString() const { return std::to_string(index) + "/" + std::to_string(count); }
};
// Parses "I/N" (0 <= I < N); throws Error naming the flag.
Shard ParseShard(std::string_view text);

struct WorkerSummary {
  int made = 0;     // done in this run
  int failed = 0;   // failed in this run
  int skipped = 0;  // already done, out of attempts, or claimed by another worker
};

struct WorkerOptions {
  Shard shard;
  std::string worker_name;  // recorded in the manifest ("local 1/2", "slurm 77_3")
  // The run this worker belongs to: the workers of one run try each scene at most once (a scene
  // that failed is retried by the next run, not by a second worker of the same run).
  std::string run_id;
  // Called after every record is appended (for progress lines).
  std::function<void(const ManifestRecord&)> on_record;
};

// Runs the scenes of one shard, one after another. Throws Error only when the batch itself is
// unusable (no plan, the manifest cannot be written); a scene's failure is a record.
WorkerSummary RunBatchWorker(const std::filesystem::path& out_dir, const SceneRunner& runner,
                             const WorkerOptions& options);

// Progress of a batch, from its plan and manifest.
struct BatchStatus {
  int total = 0;
  int done = 0;
  int failed = 0;                     // out of attempts
  int retryable = 0;                  // failed, but will be tried again by the next run
  int pending = 0;                    // never attempted
  int running = 0;                    // claimed by a live worker right now
  int attempts = 0;                   // records in the manifest
  double scenes_per_hour = 0.0;       // done records over the span of the manifest's records
  double eta_s = -1.0;                // time left at that rate; < 0 when unknown
  double mean_pass_rate = 0.0;        // over done scenes
  std::vector<std::string> problems;  // invalid manifest lines, done scenes counted twice
  std::vector<std::string> failures;  // "id (attempt k): error" for scenes out of attempts
  std::string ToString() const;
  bool Finished() const { return done + failed == total; }
};

BatchStatus ReadBatchStatus(const std::filesystem::path& out_dir);

// Seconds between two ISO 8601 UTC times as written in the manifest (b - a).
double SecondsBetweenUtc(const std::string& a, const std::string& b);
std::string NowUtc();

}  // namespace scenecraft
