// Running a batch's workers: several worker processes on this machine (`--jobs N`), or a Slurm
// job array whose tasks each run the worker on one shard (`--slurm`). No scheduler of our own:
// locally the workers share the scenes through their lock files; on a cluster Slurm schedules,
// requeues and limits concurrency, and the output folder is the only shared state.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "scenecraft/agent/batch.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {

// Shows a batch's progress: on a terminal one line redrawn in place (a bar, the rate and the time
// left); otherwise one plain line per finished attempt.
class BatchProgress {
 public:
  // `to_do`: scenes this run may make; `done_before`: done before it started.
  BatchProgress(int total, int done_before, int to_do, bool terminal, std::FILE* out);
  void Add(const ManifestRecord& record);
  void Finish();

 private:
  void Draw();
  int total_, done_, to_do_, finished_ = 0, failed_ = 0;
  bool terminal_;
  std::FILE* out_;
  double start_s_;
};

// Starts `jobs` worker processes, each running `worker_argv` (the program and its arguments; the
// worker's name "local K/N" is appended as `--worker-name`), waits for all of them and reports
// every record they append through `progress`. Returns how many workers exited abnormally.
int RunLocalWorkers(const std::filesystem::path& out_dir, int jobs,
                    const std::vector<std::string>& worker_argv, BatchProgress* progress);

struct SlurmOptions {
  std::string partition;   // empty: the cluster's default partition
  int array_size = 0;      // tasks, one shard each; 0: one per scene up to 100
  int max_running = 0;     // tasks running at once (the array's %limit); 0: no limit
  std::string time_limit;  // per task, Slurm's format ("2:00:00"); empty: the partition's
  int cpus_per_task = 1;   // Blender renders with this many threads
  std::string scenecraft;  // this program, as the nodes see it (absolute path)
  std::string sbatch = "sbatch";
  void Check() const;
};

// Quotes a string for a POSIX shell: the result is one word whatever the string holds.
std::string ShellQuote(std::string_view text);

// The job-array script for a batch in `out_dir` (absolute): task I runs the worker on shard
// I/array_size. `tasks` is the array size actually used.
std::string SlurmScript(const std::filesystem::path& out_dir, const SlurmOptions& options,
                        int tasks);

struct SlurmSubmission {
  std::string job_id;
  std::filesystem::path script;
  int tasks = 0;
};

// Writes DIR/.batch/slurm/batch.sbatch and submits it with sbatch (through `launcher`); task logs
// go to DIR/.batch/slurm/<job>_<task>.log. Throws Error with sbatch's message when it refuses.
SlurmSubmission SubmitSlurmBatch(const std::filesystem::path& out_dir, const SlurmOptions& options,
                                 int items, ProcessLauncher& launcher);

}  // namespace scenecraft
