#include "scenecraft/util/output_dir.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

// Whether `path` exists as anything, a dangling symlink included (never followed).
bool Exists(const fs::path& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0;
}

bool IsPlainName(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

// Every name the manifest lists (comments and blank lines left out).
std::vector<std::string> ManifestNames(const fs::path& dir) {
  std::vector<std::string> names;
  const fs::path path = dir / OutputDir::kManifest;
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(path, ec))) return names;
  std::string text;
  try {
    text = ReadFile(path);
  } catch (const Error&) {
    return names;
  }
  for (const std::string& line : Split(text, '\n')) {
    const std::string name(Trim(line));
    if (IsPlainName(name) && name[0] != '#') names.push_back(name);
  }
  return names;
}

void WriteManifest(const fs::path& dir, const std::vector<std::string>& names) {
  std::string manifest =
      "# Files scenecraft wrote into this folder (it replaces only these; do not edit)\n";
  for (const std::string& name : names) manifest += name + "\n";
  WriteFileAtomic(dir / OutputDir::kManifest, manifest);
}

}  // namespace

OutputDir::OutputDir(fs::path dir, std::vector<std::string> outputs, bool force)
    : dir_(std::move(dir)), outputs_(std::move(outputs)) {
  for (const std::string& name : outputs_) SC_CHECK(IsPlainName(name));
  created_ = !Exists(dir_);
  EnsureDirectory(dir_);

  // Lock the folder (never through a symlink planted as the lock file).
  const fs::path lock = dir_ / kLock;
  lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (lock_fd_ < 0) {
    throw Error("cannot open the lock file '" + lock.string() + "': " + std::strerror(errno));
  }
  if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    ::close(lock_fd_);
    lock_fd_ = -1;
    if (error == EWOULDBLOCK) {
      throw Error("another scenecraft run is writing into '" + dir_.string() + "' (it holds " +
                  lock.string() + "); wait for it to finish or choose another -o folder");
    }
    throw Error("cannot lock '" + lock.string() + "': " + std::strerror(error));
  }
  // The lock counts only if the file is still the one in DIR: a run that removed it (see the
  // destructor) may have let another run create a new one meanwhile.
  struct stat held {
  }, named{};
  if (::fstat(lock_fd_, &held) != 0 || ::lstat(lock.c_str(), &named) != 0 ||
      held.st_ino != named.st_ino || held.st_dev != named.st_dev) {
    ::close(lock_fd_);
    lock_fd_ = -1;
    throw Error("another scenecraft run is writing into '" + dir_.string() +
                "' (its lock file changed); wait for it to finish or choose another -o folder");
  }

  try {
    // Check, before any work, that no file the tool did not write is in the way.
    const std::set<std::string> ours = ReadManifest();
    std::vector<std::string> foreign;
    for (const std::string& name : outputs_) {
      const fs::path path = dir_ / name;
      if (!Exists(path)) continue;
      std::error_code ec;
      if (fs::is_directory(fs::symlink_status(path, ec))) {
        throw Error("'" + path.string() + "' is a folder where scenecraft writes a file; move it " +
                    "away or choose another -o folder");
      }
      if (ours.count(name) == 0) foreign.push_back(name);
    }
    if (!foreign.empty() && !force) {
      throw Error("'" + dir_.string() +
                  "' holds files that scenecraft did not write: " + Join(foreign, ", ") +
                  "; choose a new or empty folder for -o, or pass --force to replace them (other "
                  "files in the folder are never touched)");
    }

    // Remove the private folders of runs that were killed (we hold the lock: none is running).
    std::error_code ec;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir_, ec)) {
      const std::string name = entry.path().filename().string();
      struct stat st {};
      if (!StartsWith(name, kWorkPrefix) || ::lstat(entry.path().c_str(), &st) != 0) continue;
      if (S_ISDIR(st.st_mode) && st.st_uid == ::getuid()) {
        std::error_code ignored;
        fs::remove_all(entry.path(), ignored);  // never follows the symlinks inside
      }
    }

    // The private work folder.
    std::string pattern = (dir_ / kWorkPrefix).string() + "XXXXXX";
    if (::mkdtemp(pattern.data()) == nullptr) {
      const int error = errno;
      throw Error("cannot create a work folder in '" + dir_.string() +
                  "': " + std::strerror(error));
    }
    work_ = pattern;
    work_cleanup_ = std::make_unique<RemoveOnForcedExit>(work_);
  } catch (...) {
    // The destructor does not run for a constructor that throws.
    if (!work_.empty()) {
      std::error_code ignored;
      fs::remove_all(work_, ignored);
    }
    ReleaseLock();
    throw;
  }
}

OutputDir::~OutputDir() {
  std::error_code ignored;
  if (!work_.empty()) fs::remove_all(work_, ignored);
  work_cleanup_.reset();
  ReleaseLock();
}

void OutputDir::ReleaseLock() {
  if (lock_fd_ < 0) return;
  // A folder this run created and put nothing into goes again: its lock file (removed while
  // still held, see the constructor's check) and, if nothing else appeared in it, itself.
  const bool remove = created_ && !committed_;
  if (remove) {
    ::unlink((dir_ / kManifest).c_str());
    ::unlink((dir_ / kLock).c_str());
  }
  ::close(lock_fd_);  // releases the lock
  lock_fd_ = -1;
  if (remove) ::rmdir(dir_.c_str());  // fails, harmlessly, when the folder is not empty
}

std::set<std::string> OutputDir::ReadManifest() const {
  // Only names this run may write count: a manifest can never make the tool touch other files.
  std::set<std::string> names;
  for (const std::string& name : ManifestNames(dir_)) {
    if (std::find(outputs_.begin(), outputs_.end(), name) != outputs_.end()) names.insert(name);
  }
  return names;
}

void OutputDir::Record(const fs::path& dir, const std::vector<std::string>& names) {
  std::vector<std::string> all = ManifestNames(dir);
  for (const std::string& name : names) {
    if (IsPlainName(name) && std::find(all.begin(), all.end(), name) == all.end()) {
      all.push_back(name);
    }
  }
  WriteManifest(dir, all);
}

std::vector<std::string> OutputDir::Commit(const std::set<std::string>& only) {
  const std::set<std::string> before = ReadManifest();
  std::vector<std::string> moved;
  for (const std::string& name : outputs_) {
    if (!only.empty() && only.count(name) == 0) continue;
    const fs::path from = work_ / name;
    struct stat st {};
    if (::lstat(from.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
    std::error_code ec;
    fs::rename(from, dir_ / name, ec);
    if (ec) {
      throw Error("cannot move '" + from.string() + "' to '" + (dir_ / name).string() +
                  "': " + ec.message());
    }
    moved.push_back(name);
  }
  if (!moved.empty()) committed_ = true;
  // The earlier run's files that this run did not write: gone, so that DIR holds one run.
  for (const std::string& name : before) {
    if (std::find(moved.begin(), moved.end(), name) != moved.end()) continue;
    const fs::path stale = dir_ / name;
    struct stat st {};
    if (::lstat(stale.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) ::unlink(stale.c_str());
  }
  // The new manifest: this run's files, and other steps' entries that are not this run's outputs.
  std::vector<std::string> manifest = moved;
  for (const std::string& name : ManifestNames(dir_)) {
    if (std::find(outputs_.begin(), outputs_.end(), name) == outputs_.end()) {
      manifest.push_back(name);
    }
  }
  WriteManifest(dir_, manifest);
  return moved;
}

std::string OutputDir::InDir(std::string text) const {
  const std::string from = work_.string();
  const std::string to = dir_.string();
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

}  // namespace scenecraft
