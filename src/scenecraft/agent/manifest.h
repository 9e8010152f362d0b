// The batch manifest (DIR/manifest.jsonl): one JSON line per finished attempt at a scene, appended
// atomically (one write under an exclusive lock, then fsync), so that several workers, on one
// machine or on the nodes of a cluster, can share it, and a killed worker leaves either a whole
// line or none. The manifest is the batch's only record of progress: a scene is done when its
// manifest has a "done" line and its folder exists.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace scenecraft {

struct ManifestRecord {
  std::string id;
  int attempt = 1;     // 1 for the first attempt at this scene
  std::string status;  // "done" (the scene was built; some relations may fail) or "failed"
  // As `scenecraft generate` would exit: 0 every relation holds, 3 some fail, 1 an error.
  int exit_code = 0;
  std::string started_utc;  // ISO 8601
  std::string finished_utc;
  double wall_s = 0.0;
  std::vector<std::pair<std::string, double>> timings;  // stage -> seconds
  int relations_passed = 0;
  int relations_total = 0;
  std::map<std::string, int> asset_sources;  // source ("procedural", "sh3d", ...) -> objects
  std::vector<std::string> outputs;          // files in the scene folder, relative to it
  std::string error;                         // for a failed attempt: what went wrong
  std::string host;                          // where it ran
  std::string worker;                        // e.g. "local 1/2" or "slurm 1234_5"
  std::string run;  // one invocation of the batch (all its workers); a run tries a scene once
  double PassRate() const;
};

std::string ManifestRecordToLine(const ManifestRecord& record);  // one line, no newline

std::filesystem::path ManifestPath(const std::filesystem::path& out_dir);

// Appends one record as one line. Throws Error naming the file when it cannot.
void AppendManifestRecord(const std::filesystem::path& manifest, const ManifestRecord& record);

struct ManifestContents {
  std::vector<ManifestRecord> records;
  // Lines that are not records ("manifest.jsonl:7: ..."); a valid manifest has none.
  std::vector<std::string> problems;
};

// Reads the manifest; a missing file is an empty manifest.
ManifestContents ReadManifest(const std::filesystem::path& manifest);

// What the manifest says about one scene.
struct SceneProgress {
  int attempts = 0;
  bool done = false;  // a "done" record, and the scene folder exists
  const ManifestRecord* last = nullptr;
};

// Per scene id. `out_dir` is where the scene folders are.
std::map<std::string, SceneProgress> SummariseManifest(const ManifestContents& manifest,
                                                       const std::filesystem::path& out_dir);

}  // namespace scenecraft
