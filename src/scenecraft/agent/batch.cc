#include "scenecraft/agent/batch.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <set>

#include "scenecraft/agent/backends.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

fs::path StateDir(const fs::path& out_dir) {
  return out_dir / ".batch";
}

std::string HostName() {
  char buffer[256] = {};
  if (::gethostname(buffer, sizeof(buffer) - 1) != 0) return "unknown";
  return buffer;
}

// An exclusive, non-blocking lock on a file, released when the process ends in any way (flock),
// so a killed worker never leaves a scene claimed.
class SceneLock {
 public:
  explicit SceneLock(const fs::path& path) {
    EnsureDirectory(path.parent_path());
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw Error("cannot open lock file '" + path.string() + "'");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~SceneLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  SceneLock(const SceneLock&) = delete;
  SceneLock& operator=(const SceneLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_ = -1;
};

// Whether some live process holds the lock (probes it without keeping it).
bool LockHeld(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return held;
}

std::vector<std::string> ListFiles(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    // The output-folder protocol's own files (.scenecraft-manifest, the lock) are not outputs.
    if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') {
      files.push_back(fs::relative(entry.path(), dir).string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Moves a folder out of the way into DIR/.batch/<bin>/ under a unique name (never deletes what a
// user may want: failed attempts keep their logs).
void MoveAside(const fs::path& dir, const fs::path& out_dir, const std::string& bin,
               const std::string& name) {
  const fs::path target_dir = StateDir(out_dir) / bin;
  EnsureDirectory(target_dir);
  fs::path target = target_dir / name;
  for (int k = 2; fs::exists(target); ++k) target = target_dir / (name + "." + std::to_string(k));
  fs::rename(dir, target);
}

}  // namespace

std::string NowUtc() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buffer;
}

double SecondsBetweenUtc(const std::string& a, const std::string& b) {
  auto parse = [](const std::string& s) -> double {
    std::tm tm{};
    int ms = 0;
    if (std::sscanf(s.c_str(), "%d-%d-%dT%d:%d:%d.%dZ", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                    &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &ms) < 6) {
      return NAN;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    return static_cast<double>(::timegm(&tm)) + ms / 1000.0;
  };
  return parse(b) - parse(a);
}

void Shard::Check() const {
  if (count < 1 || index < 0 || index >= count) {
    throw Error("--shard: " + ToString() + " is not a shard (expected I/N with 0 <= I < N)");
  }
}

Shard ParseShard(std::string_view text) {
  const std::vector<std::string> parts = Split(text, '/');
  Shard shard;
  try {
    if (parts.size() != 2) throw std::invalid_argument("parts");
    size_t used = 0;
    shard.index = std::stoi(parts[0], &used);
    if (used != parts[0].size()) throw std::invalid_argument("index");
    shard.count = std::stoi(parts[1], &used);
    if (used != parts[1].size()) throw std::invalid_argument("count");
  } catch (const std::exception&) {
    throw Error("--shard: expected I/N such as 0/4, found '" + std::string(text) + "'");
  }
  shard.Check();
  return shard;
}

SceneRunner MakeGenerateRunner(const GenerateOptions& options,
                               const BackendOptions& backend_options, ProcessLauncher& launcher) {
  // One set of backends per worker: the offline planner loads WordNet once for all its scenes,
  // and an LLM planner or critic keeps one client (each scene gets its own budget and
  // transcript through BeginScene in Generate).
  auto backends = std::make_shared<Backends>(backend_options);
  return [options, backends, &launcher](const BatchItem& item, const fs::path& dir) {
    GenerateOptions o = options;
    o.seed = item.seed;
    if (item.rounds) o.rounds = *item.rounds;
    const SceneSource source =
        item.scene_json.empty()
            ? SceneSource::Text(item.prompt)
            : SceneSource::Graph(ParseSceneGraph(item.scene_json,
                                                 "line " + std::to_string(item.line) + " /scene"));
    const GenerateResult result = Generate(source, dir, o, *backends, launcher);
    // A dataset without renders is no dataset: a scene Blender did not build has failed.
    if (!result.skipped.empty()) throw Error(result.skipped);
    SceneOutcome outcome;
    outcome.exit_code = !result.AllRelationsPass() ? 3 : result.Complete() ? 0 : 5;
    if (result.critique) {
      outcome.relations_passed = result.critique->relations_passed;
      outcome.relations_total = result.critique->relations_total;
    }
    outcome.timings = result.timings;
    double rounds_s = 0.0;
    for (const RoundRecord& r : result.rounds) rounds_s += r.seconds;
    outcome.timings.emplace_back("blender rounds", rounds_s);
    if (result.readback) {
      outcome.timings.emplace_back("final build (in Blender)", result.readback->build_s);
      outcome.timings.emplace_back("final render (in Blender)", result.readback->render_s);
    }
    for (const Object& object : result.graph.objects) {
      ++outcome.asset_sources[object.asset.empty() ? "none" : object.asset.source];
    }
    return outcome;
  };
}

WorkerSummary RunBatchWorker(const fs::path& out_dir, const SceneRunner& runner,
                             const WorkerOptions& options) {
  options.shard.Check();
  const BatchPlan plan = ReadBatchPlan(out_dir);
  const fs::path manifest = ManifestPath(out_dir);
  const fs::path state = StateDir(out_dir);
  const std::string host = HostName();
  WorkerSummary summary;
  for (size_t i = 0; i < plan.items.size(); ++i) {
    if (static_cast<int>(i % static_cast<size_t>(options.shard.count)) != options.shard.index) {
      continue;
    }
    const BatchItem& item = plan.items[i];
    // Claim the scene, then read the manifest again: another worker may have finished it.
    SceneLock lock(state / "locks" / (item.id + ".lock"));
    if (!lock.held()) {
      ++summary.skipped;
      continue;
    }
    const ManifestContents contents = ReadManifest(manifest);
    const auto progress = SummariseManifest(contents, out_dir);
    const auto it = progress.find(item.id);
    const int attempts = it == progress.end() ? 0 : it->second.attempts;
    const bool tried_in_this_run =
        !options.run_id.empty() &&
        std::any_of(contents.records.begin(), contents.records.end(), [&](const ManifestRecord& r) {
          return r.id == item.id && r.run == options.run_id;
        });
    if ((it != progress.end() && it->second.done) || attempts >= plan.max_attempts ||
        tried_in_this_run) {
      ++summary.skipped;
      continue;
    }

    // Make the scene in a private folder; only a finished scene is moved into place.
    ManifestRecord record;
    record.id = item.id;
    record.attempt = attempts + 1;
    record.host = host;
    record.worker = options.worker_name;
    record.run = options.run_id;
    record.started_utc = NowUtc();
    const auto start = std::chrono::steady_clock::now();
    // What an earlier, killed attempt left in tmp/<id>/ is of no use: the lock says it is dead.
    std::error_code ignored;
    fs::remove_all(state / "tmp" / item.id, ignored);
    const fs::path work = state / "tmp" / item.id / (host + "." + std::to_string(::getpid()));
    EnsureDirectory(work);
    try {
      if (!item.error.empty()) throw Error(item.error);
      const SceneOutcome outcome = runner(item, work);
      record.exit_code = outcome.exit_code;
      record.relations_passed = outcome.relations_passed;
      record.relations_total = outcome.relations_total;
      record.timings = outcome.timings;
      record.asset_sources = outcome.asset_sources;
      record.outputs = ListFiles(work);
      record.status = "done";
    } catch (const Interrupted&) {
      throw;  // the user stopped the batch: no attempt, the lock goes, the next run resumes
    } catch (const std::exception& e) {
      record.status = "failed";
      record.exit_code = 1;
      record.error = e.what();
    }
    record.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    record.finished_utc = NowUtc();

    // Move into place, then record. A folder left by a run killed between the two has no record
    // and is replaced (kept aside under .batch/stale/).
    const fs::path target = out_dir / item.id;
    if (record.status == "done") {
      if (fs::exists(target)) MoveAside(target, out_dir, "stale", item.id);
      fs::rename(work, target);
      ++summary.made;
    } else {
      MoveAside(work, out_dir, "failed", item.id + ".attempt" + std::to_string(record.attempt));
      ++summary.failed;
      LogWarning(item.id + ": attempt " + std::to_string(record.attempt) +
                 " failed: " + record.error);
    }
    AppendManifestRecord(manifest, record);
    if (options.on_record) options.on_record(record);
  }
  return summary;
}

BatchStatus ReadBatchStatus(const fs::path& out_dir) {
  const BatchPlan plan = ReadBatchPlan(out_dir);
  const ManifestContents contents = ReadManifest(ManifestPath(out_dir));
  const auto progress = SummariseManifest(contents, out_dir);
  BatchStatus status;
  status.problems = contents.problems;
  status.total = static_cast<int>(plan.items.size());
  status.attempts = static_cast<int>(contents.records.size());
  std::map<std::string, int> done_records;
  std::string first, last;
  int done_in_span = 0;
  double pass_sum = 0.0;
  for (const ManifestRecord& r : contents.records) {
    if (first.empty() || r.started_utc < first) first = r.started_utc;
    if (last.empty() || r.finished_utc > last) last = r.finished_utc;
    if (r.status == "done") {
      ++done_records[r.id];
      ++done_in_span;
    }
  }
  for (const auto& [id, n] : done_records) {
    if (n > 1) status.problems.push_back(id + " is recorded done " + std::to_string(n) + " times");
  }
  for (const BatchItem& item : plan.items) {
    const auto it = progress.find(item.id);
    if (LockHeld(StateDir(out_dir) / "locks" / (item.id + ".lock"))) ++status.running;
    if (it == progress.end()) {
      ++status.pending;
    } else if (it->second.done) {
      ++status.done;
      pass_sum += it->second.last->PassRate();
    } else if (it->second.attempts >= plan.max_attempts) {
      ++status.failed;
      status.failures.push_back(item.id + " (attempt " + std::to_string(it->second.attempts) +
                                "): " + it->second.last->error);
    } else {
      ++status.retryable;
    }
  }
  if (status.done > 0) status.mean_pass_rate = pass_sum / status.done;
  const double span_s = first.empty() ? 0.0 : SecondsBetweenUtc(first, last);
  if (span_s > 0 && done_in_span > 0) {
    status.scenes_per_hour = done_in_span / span_s * 3600.0;
    const int left = status.total - status.done - status.failed;
    status.eta_s = left * 3600.0 / status.scenes_per_hour;
  }
  return status;
}

std::string BatchStatus::ToString() const {
  std::string s = std::to_string(done) + "/" + std::to_string(total) + " done, " +
                  std::to_string(failed) + " failed (out of attempts), " +
                  std::to_string(retryable) + " to retry, " + std::to_string(pending) +
                  " not started, " + std::to_string(running) + " running; " +
                  std::to_string(attempts) + " attempts recorded";
  if (scenes_per_hour > 0) {
    s += "; " + FormatNumber(scenes_per_hour, 1) + " scenes/hour";
    if (eta_s >= 0 && !Finished()) s += ", about " + FormatNumber(eta_s / 60.0, 1) + " min left";
  }
  if (done > 0) s += "; mean relation pass rate " + FormatNumber(mean_pass_rate, 3);
  s += "\n";
  for (const std::string& f : failures) s += "failed: " + f + "\n";
  for (const std::string& p : problems) s += "problem: " + p + "\n";
  return s;
}

}  // namespace scenecraft
