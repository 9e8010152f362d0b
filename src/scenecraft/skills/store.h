// The skill library on disk (issue 13): one SQLite file holding every version of every skill, an
// append-only log of candidate updates, accepted or rejected with the reason, and a log of
// proposals that failed the schema. Writers take the database's write lock for the whole
// read-modify-write (BEGIN IMMEDIATE) and the file is in WAL mode, so two processes learning into
// one library at once lose no update: each accepted update becomes the next version of its key. A
// new library is filled with the seed library.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "scenecraft/skills/skill.h"

namespace scenecraft {

// Where the library lives unless --library says: <cache folder>/skills.sqlite, the cache folder
// being the asset cache's (assets/asset_index.h) passed in by the caller.
std::filesystem::path DefaultLibraryPath(const std::filesystem::path& cache_dir);

// One entry of the update log.
struct SkillUpdate {
  int64_t id = 0;
  std::string time;  // UTC, ISO 8601
  Skill candidate;   // its version is the one it became when accepted, else 0
  bool accepted = false;
  std::string reason;
};

// A proposed update that failed the skill schema (an LLM learner's), logged with the reason; it
// never became a skill. `proposal` is the text as proposed (kept as data, at most 4000 chars).
struct InvalidUpdate {
  int64_t id = 0;
  std::string time;
  std::string origin;  // who proposed it ("llm")
  std::string proposal;
  std::string reason;  // every schema problem, with its JSON pointer
};

class SkillStore {
 public:
  // Opens (creating when missing) the library at `path`; ":memory:" for tests. Throws Error that
  // names the file and says what is wrong when it is not a skill library (not SQLite, a damaged
  // file, another program's database, a stored skill that fails the schema).
  explicit SkillStore(const std::filesystem::path& path);
  ~SkillStore();
  SkillStore(const SkillStore&) = delete;
  SkillStore& operator=(const SkillStore&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // The newest version of every key, ordered by kind and key.
  std::vector<Skill> Current() const;
  // Every version of one key, oldest first.
  std::vector<Skill> History(SkillKind kind, const std::string& key) const;
  // The log, oldest first.
  std::vector<SkillUpdate> Log() const;

  // Appends `candidate` to the log; when `accepted`, also stores it as the next version of its key
  // (one transaction under the write lock). Returns the version stored, or 0.
  int Record(const Skill& candidate, bool accepted, const std::string& reason);
  // Appends a proposal that failed the schema to the log of invalid updates.
  void RecordInvalid(const std::string& origin, const std::string& proposal,
                     const std::string& reason);
  // That log, oldest first.
  std::vector<InvalidUpdate> InvalidLog() const;
  // Deletes every skill and the logs, then stores the seed library.
  void Reset();

 private:
  void Seed();
  std::filesystem::path path_;
  struct Db;
  std::unique_ptr<Db> db_;
};

// The skills generation uses: the library's current skills, or the seed library with a warning in
// `warnings` when the library cannot be opened (a corrupt file, a folder that is not ours).
std::vector<Skill> LoadSkillsOrSeed(const std::filesystem::path& path,
                                    std::vector<std::string>* warnings);

}  // namespace scenecraft
