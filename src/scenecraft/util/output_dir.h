// The output-folder protocol of `-o DIR` (issue 11): a run never mixes its files with another
// run's, never deletes or follows anything the tool did not create, and an interrupted run leaves
// the previous complete result.
//
//  1. Lock: the run holds an exclusive flock on DIR/.scenecraft.lock; a second run into the same
//     folder fails at once with a clear error instead of mixing results.
//  2. Check: every file the run may write (its `outputs`, plain names) that already exists in DIR
//     must be one the tool wrote, as listed in DIR/.scenecraft-manifest; otherwise the run is
//     refused before any work, naming the files, unless `force` (then they are replaced). Other
//     files in DIR are never read, replaced or removed.
//  3. Work: the run writes into a private folder DIR/.scenecraft-tmp-XXXXXX (mode 0700).
//  4. Commit: the finished files are renamed into DIR (a rename replaces a symlink, it never writes
//     through one), the earlier run's files that this run did not write are removed (only names
//     in both the manifest and `outputs`), and the manifest is rewritten (other steps' entries,
//     such as render's beside build's, stay).
//  5. The destructor removes the private folder and releases the lock; without a commit (an
//     error, Ctrl-C) DIR keeps what it had, and a DIR this run created is removed again with its
//     lock file, so that nothing new is left. Private folders that a killed run left behind are
//     removed by the next run that takes the lock.
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace scenecraft {

class RemoveOnForcedExit;

class OutputDir {
 public:
  // Creates `dir` if needed, locks it, checks it and makes the private work folder. Throws Error
  // when another run holds the lock or when files the tool did not write are in the way.
  OutputDir(std::filesystem::path dir, std::vector<std::string> outputs, bool force);
  ~OutputDir();
  OutputDir(const OutputDir&) = delete;
  OutputDir& operator=(const OutputDir&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  // The private folder the run writes into.
  const std::filesystem::path& work() const { return work_; }

  // Moves the outputs that exist in the work folder (all of them, or only `only` when given) into
  // DIR and records them; see the protocol above. Returns the names moved.
  std::vector<std::string> Commit(const std::set<std::string>& only = {});

  // `text` with the work folder's path replaced by DIR's, for messages that name committed files.
  std::string InDir(std::string text) const;

  // Adds files that a tool step wrote straight into `dir` (`scenecraft render` beside the script
  // of `build`) to dir's manifest, so that later runs may replace them.
  static void Record(const std::filesystem::path& dir, const std::vector<std::string>& names);

  // The manifest's and the lock file's names.
  static constexpr const char* kManifest = ".scenecraft-manifest";
  static constexpr const char* kLock = ".scenecraft.lock";
  static constexpr const char* kWorkPrefix = ".scenecraft-tmp-";

 private:
  std::set<std::string> ReadManifest() const;
  void ReleaseLock();

  std::filesystem::path dir_;
  std::vector<std::string> outputs_;
  std::filesystem::path work_;
  std::unique_ptr<RemoveOnForcedExit> work_cleanup_;
  int lock_fd_ = -1;
  bool created_ = false;    // DIR did not exist before this run
  bool committed_ = false;  // a Commit moved at least one file into DIR
};

}  // namespace scenecraft
