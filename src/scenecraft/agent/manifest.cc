#include "scenecraft/agent/manifest.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

ManifestRecord RecordFromJson(const json& value, JsonProblems* problems) {
  JsonObjectReader reader(value, "", problems);
  ManifestRecord r;
  r.id = reader.String("id", true).value_or("");
  r.attempt = static_cast<int>(reader.Number("attempt", true).value_or(0));
  r.status = reader.String("status", true).value_or("");
  r.exit_code = static_cast<int>(reader.Number("exit_code", true).value_or(-1));
  r.started_utc = reader.String("started_utc", true).value_or("");
  r.finished_utc = reader.String("finished_utc", true).value_or("");
  r.wall_s = reader.Number("wall_s", true).value_or(0.0);
  if (const json* timings = reader.Get("timings", true); timings && timings->is_object()) {
    for (const auto& [stage, seconds] : timings->items()) {
      if (seconds.is_number()) r.timings.emplace_back(stage, seconds.get<double>());
    }
  }
  r.relations_passed = static_cast<int>(reader.Number("relations_passed", true).value_or(0));
  r.relations_total = static_cast<int>(reader.Number("relations_total", true).value_or(0));
  reader.Number("pass_rate");  // derived from the two above
  if (const json* sources = reader.Get("asset_sources", true); sources && sources->is_object()) {
    for (const auto& [source, n] : sources->items()) {
      if (n.is_number_integer()) r.asset_sources[source] = n.get<int>();
    }
  }
  r.outputs = reader.StringArray("outputs", true).value_or(std::vector<std::string>{});
  r.error = reader.String("error").value_or("");
  r.host = reader.String("host").value_or("");
  r.worker = reader.String("worker").value_or("");
  r.run = reader.String("run").value_or("");
  reader.Finish();
  if (reader.valid() && r.status != "done" && r.status != "failed") {
    reader.AddProblem("status", "must be \"done\" or \"failed\", found '" + r.status + "'");
  }
  if (reader.valid() && r.attempt < 1) reader.AddProblem("attempt", "must be 1 or more");
  return r;
}

}  // namespace

double ManifestRecord::PassRate() const {
  return relations_total > 0 ? static_cast<double>(relations_passed) / relations_total : 1.0;
}

std::string ManifestRecordToLine(const ManifestRecord& r) {
  json timings = json::object();
  for (const auto& [stage, seconds] : r.timings) timings[stage] = seconds;
  json j{{"id", r.id},
         {"attempt", r.attempt},
         {"status", r.status},
         {"exit_code", r.exit_code},
         {"started_utc", r.started_utc},
         {"finished_utc", r.finished_utc},
         {"wall_s", r.wall_s},
         {"timings", std::move(timings)},
         {"relations_passed", r.relations_passed},
         {"relations_total", r.relations_total},
         {"pass_rate", r.PassRate()},
         {"asset_sources", r.asset_sources},
         {"outputs", r.outputs}};
  if (!r.error.empty()) j["error"] = r.error;
  if (!r.host.empty()) j["host"] = r.host;
  if (!r.worker.empty()) j["worker"] = r.worker;
  if (!r.run.empty()) j["run"] = r.run;
  // dump() never emits a raw newline (strings are escaped), so the record is one line.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

fs::path ManifestPath(const fs::path& out_dir) {
  return out_dir / "manifest.jsonl";
}

void AppendManifestRecord(const fs::path& manifest, const ManifestRecord& record) {
  const std::string line = ManifestRecordToLine(record) + "\n";
  EnsureDirectory(manifest.parent_path());
  const int fd = ::open(manifest.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw Error("cannot open '" + manifest.string() + "' for appending: " + std::strerror(errno));
  }
  // One write under an exclusive lock: readers and other writers see the whole line or none.
  std::string failure;
  while (::flock(fd, LOCK_EX) != 0) {
    if (errno != EINTR) {
      failure = std::string("cannot lock: ") + std::strerror(errno);
      break;
    }
  }
  if (failure.empty()) {
    size_t written = 0;
    while (written < line.size()) {
      const ssize_t n = ::write(fd, line.data() + written, line.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        failure = std::string("write failed: ") + std::strerror(errno);
        break;
      }
      written += static_cast<size_t>(n);
    }
    if (failure.empty() && ::fsync(fd) != 0) {
      failure = std::string("fsync failed: ") + std::strerror(errno);
    }
  }
  ::close(fd);  // also releases the lock
  if (!failure.empty()) throw Error("'" + manifest.string() + "': " + failure);
}

ManifestContents ReadManifest(const fs::path& manifest) {
  ManifestContents contents;
  if (!fs::exists(manifest)) return contents;
  const std::string text = ReadFile(manifest);
  int number = 0;
  for (const std::string& line : Split(text, '\n')) {
    ++number;
    if (Trim(line).empty()) continue;
    const std::string where = manifest.filename().string() + ":" + std::to_string(number);
    try {
      JsonProblems problems;
      ManifestRecord r = RecordFromJson(ParseJson(line, where), &problems);
      if (!problems.empty()) {
        contents.problems.push_back(problems.ToString(where));
        continue;
      }
      contents.records.push_back(std::move(r));
    } catch (const Error& e) {
      contents.problems.push_back(e.what());
    }
  }
  return contents;
}

std::map<std::string, SceneProgress> SummariseManifest(const ManifestContents& manifest,
                                                       const fs::path& out_dir) {
  std::map<std::string, SceneProgress> progress;
  for (const ManifestRecord& r : manifest.records) {
    SceneProgress& p = progress[r.id];
    p.attempts = std::max(p.attempts, r.attempt);
    p.last = &r;
    if (r.status == "done") p.done = true;
  }
  // A record without its folder (deleted by hand, or on another filesystem) is not done.
  for (auto& [id, p] : progress) {
    if (p.done && !fs::is_directory(out_dir / id)) p.done = false;
  }
  return progress;
}

}  // namespace scenecraft
