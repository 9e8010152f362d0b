#include "scenecraft/cli/batch_command.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "scenecraft/agent/batch.h"
#include "scenecraft/agent/batch_run.h"
#include "scenecraft/cli/generate_flags.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/log.h"

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

struct BatchFlags {
  std::string prompts;
  std::string out;
  std::string status_dir;
  std::string worker_dir;
  std::string shard = "0/1";
  std::string worker_name;
  std::string run_id;
  int jobs = 1;
  int seeds = 1;
  int max_attempts = 3;
  GenerateFlags pipeline;
  bool slurm = false;
  SlurmOptions slurm_options;
};

fs::path SelfExecutable() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error("cannot find this program's path (/proc/self/exe): " + ec.message());
  return self;
}

// Quiet while a batch runs, unless -v: the progress display says what happens.
class QuietLog {
 public:
  QuietLog() : saved_(GetLogLevel()) {
    if (saved_ == LogLevel::kInfo) SetLogLevel(LogLevel::kError);
  }
  ~QuietLog() { SetLogLevel(saved_); }
  QuietLog(const QuietLog&) = delete;
  QuietLog& operator=(const QuietLog&) = delete;

 private:
  LogLevel saved_;
};

int RunStatus(const BatchFlags& f) {
  const BatchStatus status = ReadBatchStatus(f.status_dir);
  const std::string text = status.ToString();
  std::fwrite(text.data(), 1, text.size(), stdout);
  return status.problems.empty() ? 0 : 1;
}

int RunWorker(const BatchFlags& f) {
  const BatchPlan plan = ReadBatchPlan(f.worker_dir);
  RealProcessLauncher launcher;
  WorkerOptions options;
  options.shard = ParseShard(f.shard);
  options.worker_name =
      f.worker_name.empty() ? "worker " + options.shard.ToString() : f.worker_name;
  options.run_id = f.run_id;
  const WorkerSummary summary = RunBatchWorker(
      f.worker_dir, MakeGenerateRunner(plan.generate, plan.backends, launcher), options);
  LogInfo(options.worker_name + ": made " + std::to_string(summary.made) + ", failed " +
          std::to_string(summary.failed) + ", skipped " + std::to_string(summary.skipped));
  return 0;
}

int RunBatch(BatchFlags f) {
  if (f.prompts.empty() || f.out.empty()) {
    throw Error("batch: give PROMPTS.jsonl and -o DIR (or --status DIR)");
  }
  // Options, checked before anything is written.
  ApplyGenerateFlags(&f.pipeline);
  BackendOptions& backends = f.pipeline.backends;
  // Workers may start elsewhere (a Slurm node's working folder): the config path is absolute.
  if (!backends.config.empty()) backends.config = fs::absolute(backends.config).string();
  // An LLM setup that cannot work fails here, once, not in every scene.
  if (backends.UsesLlm()) Backends check(backends);
  if (f.jobs < 1 || f.jobs > 256) throw UsageError("--jobs: must be 1 to 256");
  if (f.max_attempts < 1 || f.max_attempts > 100) {
    throw UsageError("--max-attempts: must be 1 to 100");
  }
  // ParseBatchPrompts' range, checked here too so that a bad flag is a usage error.
  if (f.seeds < 1 || f.seeds > 10000) throw UsageError("--seeds: must be 1 to 10000");

  // The plan: every worker reads it from the output folder.
  BatchPlan plan;
  plan.prompts = fs::absolute(f.prompts).string();
  plan.generate = f.pipeline.options;
  plan.backends = backends;
  plan.max_attempts = f.max_attempts;
  plan.items = ParseBatchPrompts(ReadFile(f.prompts), f.prompts, f.seeds, f.pipeline.options.seed);
  EnsureDirectory(f.out);
  WriteBatchPlan(plan, f.out);
  int bad_lines = 0;
  for (const BatchItem& item : plan.items) bad_lines += item.error.empty() ? 0 : 1;
  if (bad_lines > 0) {
    LogWarning(std::to_string(bad_lines) + " line(s) of " + f.prompts +
               " cannot be made; they are recorded as failed scenes");
  }

  if (f.slurm) {
    RealProcessLauncher launcher;
    f.slurm_options.scenecraft = SelfExecutable().string();
    const SlurmSubmission job =
        SubmitSlurmBatch(f.out, f.slurm_options, static_cast<int>(plan.items.size()), launcher);
    std::printf(
        "submitted Slurm job %s (%d tasks, script %s); progress: scenecraft batch "
        "--status %s\n",
        job.job_id.c_str(), job.tasks, job.script.string().c_str(), f.out.c_str());
    return 0;
  }

  // Local workers, all of one run.
  const std::string run_id = "local-" + NowUtc() + "-" + std::to_string(::getpid());
  const BatchStatus before = ReadBatchStatus(f.out);
  const int to_do = before.total - before.done - before.failed;
  BatchProgress progress(before.total, before.done, to_do, ::isatty(STDERR_FILENO) != 0, stderr);
  {
    QuietLog quiet;
    if (f.jobs == 1) {
      RealProcessLauncher launcher;
      WorkerOptions options;
      options.worker_name = "local 1/1";
      options.run_id = run_id;
      options.on_record = [&](const ManifestRecord& r) { progress.Add(r); };
      RunBatchWorker(f.out, MakeGenerateRunner(plan.generate, plan.backends, launcher), options);
    } else {
      RunLocalWorkers(f.out, f.jobs,
                      {SelfExecutable().string(), "batch", "-q", "--worker",
                       fs::absolute(f.out).string(), "--shard", "0/1", "--run-id", run_id},
                      &progress);
    }
  }
  progress.Finish();
  const BatchStatus after = ReadBatchStatus(f.out);
  const std::string text = after.ToString();
  std::fwrite(text.data(), 1, text.size(), stdout);
  return after.done == after.total && after.problems.empty() ? 0 : 1;
}

}  // namespace

BatchSubcommand AddBatchCommand(CLI::App& root) {
  auto* app = root.add_subcommand(
      "batch",
      "Many scenes into one folder (DIR/<id>/ each, DIR/manifest.jsonl), resumable; local "
      "workers or a Slurm job array");
  auto f = std::make_shared<BatchFlags>();
  app->add_option("prompts", f->prompts,
                  "JSONL: one {\"id\", \"prompt\" | \"scene\", \"seed\", \"rounds\"} per line");
  app->add_option("-o,--out", f->out, "Output folder (re-running the same command resumes)");
  app->add_option("--status", f->status_dir, "Show a batch's progress from its manifest");
  app->add_option("--jobs", f->jobs, "Scenes made at once on this machine")->capture_default_str();
  app->add_option("--seeds", f->seeds, "Variations of every line (ids <id>-s<k>)")
      ->capture_default_str();
  app->add_option("--max-attempts", f->max_attempts, "Attempts before a scene counts as failed")
      ->capture_default_str();
  AddGenerateFlags(app, &f->pipeline);
  app->add_flag("--slurm", f->slurm, "Submit a Slurm job array instead of running here");
  app->add_option("--partition", f->slurm_options.partition, "Slurm partition");
  app->add_option("--array-size", f->slurm_options.array_size,
                  "Slurm array tasks (shards); default one per scene up to 100");
  app->add_option("--max-running", f->slurm_options.max_running,
                  "Slurm array tasks running at once (0: no limit)");
  app->add_option("--time", f->slurm_options.time_limit, "Slurm time limit per task");
  app->add_option("--cpus-per-task", f->slurm_options.cpus_per_task, "Slurm CPUs per task")
      ->capture_default_str();
  // What a worker runs (the Slurm script and local --jobs use these).
  app->add_option("--worker", f->worker_dir, "Run as a worker on the batch in this folder");
  app->add_option("--shard", f->shard, "The worker's shard I/N")->capture_default_str();
  app->add_option("--worker-name", f->worker_name, "The worker's name in the manifest");
  app->add_option("--run-id", f->run_id, "The run the worker belongs to (tries a scene once)");
  return {app, [f] {
            if (!f->status_dir.empty()) return RunStatus(*f);
            if (!f->worker_dir.empty()) return RunWorker(*f);
            return RunBatch(*f);
          }};
}

}  // namespace scenecraft
