#include "scenecraft/agent/batch_run.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

extern char** environ;

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

double NowS() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string Duration(double s) {
  if (s < 90) return FormatNumber(s, 0) + " s";
  if (s < 5400) return FormatNumber(s / 60, 1) + " min";
  return FormatNumber(s / 3600, 1) + " h";
}

// Starts a worker that dies with this process (so an interrupted batch leaves no worker behind);
// it stays in our process group, so a Ctrl-C reaches it too.
pid_t SpawnWorker(const std::vector<std::string>& argv) {
  std::vector<std::string> args = argv;
  std::vector<char*> pointers;
  for (std::string& a : args) pointers.push_back(a.data());
  pointers.push_back(nullptr);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) throw Error(std::string("cannot start a batch worker: ") + std::strerror(errno));
  if (pid == 0) {
    ResetSignalsInChild();
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent) ::_exit(1);  // the parent died before prctl
    ::execve(pointers[0], pointers.data(), environ);
    const char message[] = "scenecraft: cannot execute the batch worker\n";
    [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, message, sizeof(message) - 1);
    ::_exit(127);
  }
  return pid;
}

}  // namespace

BatchProgress::BatchProgress(int total, int done_before, int to_do, bool terminal, std::FILE* out)
    : total_(total),
      done_(done_before),
      to_do_(to_do),
      terminal_(terminal),
      out_(out),
      start_s_(NowS()) {}

void BatchProgress::Add(const ManifestRecord& record) {
  ++finished_;
  if (record.status == "done") {
    ++done_;
  } else {
    ++failed_;
  }
  if (terminal_) {
    if (record.status != "done") {
      std::fprintf(out_, "\r\033[K%s failed (attempt %d): %s\n", record.id.c_str(), record.attempt,
                   TailLines(record.error, 1).c_str());
    }
    Draw();
    return;
  }
  std::string line = "[" + std::to_string(finished_) + "/" + std::to_string(to_do_) + "] " +
                     record.id + " " + record.status + " in " + FormatNumber(record.wall_s, 1) +
                     " s";
  if (record.status == "done") {
    line += ", " + std::to_string(record.relations_passed) + "/" +
            std::to_string(record.relations_total) + " relations";
  } else {
    line += ": " + TailLines(record.error, 1);
  }
  std::fprintf(out_, "%s\n", line.c_str());
  std::fflush(out_);
}

void BatchProgress::Draw() {
  const double elapsed = NowS() - start_s_;
  const int width = 30;
  const int filled = to_do_ > 0 ? width * finished_ / to_do_ : width;
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(width, '.');
  std::string line = "[" + bar + "] " + std::to_string(done_) + "/" + std::to_string(total_) +
                     " done, " + std::to_string(failed_) + " failed";
  if (finished_ > 0 && elapsed > 0) {
    const double per_hour = finished_ / elapsed * 3600;
    line += ", " + FormatNumber(per_hour, 0) + " scenes/h, ~" +
            Duration((to_do_ - finished_) * elapsed / finished_) + " left";
  }
  std::fprintf(out_, "\r\033[K%s", line.c_str());
  std::fflush(out_);
}

void BatchProgress::Finish() {
  if (terminal_) std::fprintf(out_, "\n");
  std::fflush(out_);
}

int RunLocalWorkers(const fs::path& out_dir, int jobs, const std::vector<std::string>& worker_argv,
                    BatchProgress* progress) {
  if (jobs < 1) throw Error("--jobs: must be 1 or more");
  const fs::path manifest = ManifestPath(out_dir);
  size_t seen = ReadManifest(manifest).records.size();
  std::vector<pid_t> workers;
  for (int k = 0; k < jobs; ++k) {
    std::vector<std::string> argv = worker_argv;
    argv.push_back("--worker-name");
    argv.push_back("local " + std::to_string(k + 1) + "/" + std::to_string(jobs));
    workers.push_back(SpawnWorker(argv));
  }
  int abnormal = 0;
  auto report_new_records = [&] {
    const ManifestContents contents = ReadManifest(manifest);
    for (; seen < contents.records.size(); ++seen) {
      if (progress) progress->Add(contents.records[seen]);
    }
  };
  while (!workers.empty()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    // On Ctrl-C the workers (in our process group) stop themselves; so do we.
    ThrowIfInterrupted();
    for (auto it = workers.begin(); it != workers.end();) {
      int status = 0;
      const pid_t done = ::waitpid(*it, &status, WNOHANG);
      if (done == 0 || (done < 0 && errno == EINTR)) {
        ++it;
        continue;
      }
      if (done == *it && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
        ++abnormal;
        LogWarning("a batch worker ended abnormally (" +
                   (WIFSIGNALED(status) ? "signal " + std::to_string(WTERMSIG(status))
                                        : "exit code " + std::to_string(WEXITSTATUS(status))) +
                   "); its scene is made again by the next run");
      }
      it = workers.erase(it);
    }
    report_new_records();
  }
  report_new_records();
  return abnormal;
}

void SlurmOptions::Check() const {
  if (array_size < 0 || array_size > 100000) throw Error("--array-size: must be 0 to 100000");
  if (max_running < 0) throw Error("--max-running: must be 0 or more");
  if (cpus_per_task < 1 || cpus_per_task > 1024) throw Error("--cpus-per-task: must be 1 to 1024");
  if (scenecraft.empty() || scenecraft[0] != '/') {
    throw Error("the scenecraft program must be an absolute path for the nodes, found '" +
                scenecraft + "'");
  }
  for (const std::string* value : {&partition, &time_limit}) {
    for (char c : *value) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' ||
            c == ',' || c == '.')) {
        throw Error("--partition/--time: '" + *value + "' is not a Slurm name or time");
      }
    }
  }
}

std::string ShellQuote(std::string_view text) {
  return "'" + ReplaceAll(text, "'", "'\\''") + "'";
}

std::string SlurmScript(const fs::path& out_dir, const SlurmOptions& options, int tasks) {
  // The #SBATCH lines hold only numbers and checked names; paths go on the command line of the
  // script (quoted) and of sbatch (as arguments), never into a directive Slurm would parse.
  std::string array = "0-" + std::to_string(tasks - 1);
  if (options.max_running > 0) array += "%" + std::to_string(options.max_running);
  std::string s =
      "#!/bin/bash\n"
      "# A SceneCraft batch as a Slurm job array (written by `scenecraft batch --slurm`).\n"
      "# Task I makes the scenes of shard I/" +
      std::to_string(tasks) +
      " that are not done yet; a requeued or resubmitted task resumes.\n"
      "#SBATCH --job-name=scenecraft-batch\n"
      "#SBATCH --array=" +
      array +
      "\n"
      "#SBATCH --requeue\n"
      "#SBATCH --open-mode=append\n"
      "#SBATCH --ntasks=1\n"
      "#SBATCH --cpus-per-task=" +
      std::to_string(options.cpus_per_task) + "\n";
  if (!options.partition.empty()) s += "#SBATCH --partition=" + options.partition + "\n";
  if (!options.time_limit.empty()) s += "#SBATCH --time=" + options.time_limit + "\n";
  s += "set -euo pipefail\n"
       "exec " +
       ShellQuote(options.scenecraft) + " batch --worker " + ShellQuote(out_dir.string()) +
       " --shard \"${SLURM_ARRAY_TASK_ID}/" + std::to_string(tasks) +
       "\" --run-id \"slurm-${SLURM_ARRAY_JOB_ID}\" --worker-name \"slurm "
       "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} on "
       "$(hostname)\"\n";
  return s;
}

SlurmSubmission SubmitSlurmBatch(const fs::path& out_dir, const SlurmOptions& options, int items,
                                 ProcessLauncher& launcher) {
  options.Check();
  SlurmSubmission submission;
  submission.tasks = options.array_size > 0 ? options.array_size : std::min(items, 100);
  submission.tasks = std::max(1, submission.tasks);
  const fs::path dir = fs::absolute(out_dir) / ".batch" / "slurm";
  submission.script = dir / "batch.sbatch";
  WriteFileAtomic(submission.script, SlurmScript(fs::absolute(out_dir), options, submission.tasks));
  ProcessSpec spec;
  spec.argv = {options.sbatch, "--parsable", "--output=" + (dir / "%A_%a.log").string(),
               submission.script.string()};
  spec.log_path = dir / "sbatch.log";
  spec.timeout_s = 120;
  const ProcessResult result = launcher.Run(spec);
  const std::string log = fs::exists(spec.log_path) ? ReadFile(spec.log_path) : "";
  if (!result.ok()) {
    throw Error("sbatch refused the batch" +
                (result.started ? std::string() : " (" + result.start_error + ")") + ": " +
                std::string(Trim(TailLines(log, 5))));
  }
  // --parsable prints "jobid" or "jobid;cluster".
  const std::string first = Split(std::string(Trim(TailLines(log, 1))), ';')[0];
  submission.job_id = std::string(Trim(first));
  if (submission.job_id.empty()) throw Error("sbatch printed no job id: " + log);
  return submission;
}

}  // namespace scenecraft
