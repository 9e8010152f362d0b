#include "scenecraft/skills/store.h"

#include <chrono>
#include <ctime>

#include "scenecraft/skills/skill_json.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/sqlite.h"

namespace scenecraft {
namespace fs = std::filesystem;
namespace {

// How long a writer waits for another process holding the library's write lock.
constexpr int kBusyTimeoutMs = 60000;
// The application_id of a skill library ("SCSK"), so another program's database is told apart.
constexpr int kApplicationId = 0x5343534b;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS skills(
  kind TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, params TEXT NOT NULL,
  provenance TEXT NOT NULL, created TEXT NOT NULL, PRIMARY KEY(kind, key, version));
CREATE TABLE IF NOT EXISTS updates(
  id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, kind TEXT NOT NULL,
  key TEXT NOT NULL, params TEXT NOT NULL, provenance TEXT NOT NULL, accepted INTEGER NOT NULL,
  version INTEGER NOT NULL, reason TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS invalid_updates(
  id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, origin TEXT NOT NULL,
  proposal TEXT NOT NULL, reason TEXT NOT NULL);
)sql";

// How much of an invalid proposal the log keeps (it is the model's text, kept as data).
constexpr size_t kMaxProposalChars = 4000;

std::string NowUtc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

struct SkillStore::Db : SqliteDb {
  using SqliteDb::SqliteDb;
  using Statement = SqliteStatement;

  // A skill from its stored columns, checked against the schema like any outside data.
  Skill Read(const std::string& kind, const std::string& key, int64_t version,
             const std::string& params, const std::string& provenance) const {
    JsonProblems problems;
    Skill skill;
    const std::optional<SkillKind> k = SkillKindFromName(kind);
    if (!k) throw Error(what() + ": a stored skill has the unknown kind '" + kind + "'");
    skill.kind = *k;
    SkillParamsFromJson(ParseJson(params, what()), "/params", *k, &problems, &skill);
    skill.provenance = ProvenanceFromJson(ParseJson(provenance, what()), "/provenance", &problems);
    problems.ThrowIfAny(what() + " (skill " + kind + " " + key + " v" + std::to_string(version) +
                        ")");
    skill.key = SkillKey(skill);
    if (skill.key != key) {
      throw Error(what() + ": the stored skill " + key + " has parameters of " + skill.key);
    }
    skill.version = static_cast<int>(version);
    return skill;
  }
};

fs::path DefaultLibraryPath(const fs::path& cache_dir) {
  return cache_dir / "skills.sqlite";
}

SkillStore::SkillStore(const fs::path& path) : path_(path) {
  const std::string what = "skill library " + path.string();
  // A new library may name a folder that does not exist yet.
  if (path.string() != ":memory:" && path.has_parent_path()) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) throw Error(what + ": cannot create its folder: " + ec.message());
  }
  db_ = std::make_unique<Db>(path.string(), what, kBusyTimeoutMs);
  // A file that is not SQLite fails here, at the first read of its header.
  int application_id = 0;
  bool empty = false;
  try {
    Db::Statement id(*db_, "PRAGMA application_id");
    id.Step();
    application_id = static_cast<int>(id.Int(0));
  } catch (const Error&) {
    throw Error(what + ": not a skill library (" + db_->LastMessage() +
                "); move it away or run `scenecraft skills reset --library FILE`");
  }
  {
    // Finalised before the journal mode changes, which no open read may span.
    Db::Statement tables(*db_, "SELECT count(*) FROM sqlite_master");
    tables.Step();
    empty = tables.Int(0) == 0;
  }
  if (!empty && application_id != kApplicationId) {
    throw Error(db_->what() +
                ": not a skill library (another program's SQLite database); choose another "
                "--library");
  }
  db_->UseWriteAheadLog();
  db_->Transaction([&] {
    db_->Exec(kSchema);
    db_->Exec("PRAGMA application_id=" + std::to_string(kApplicationId));
    Db::Statement count(*db_, "SELECT count(*) FROM skills");
    count.Step();
    Db::Statement logged(*db_, "SELECT count(*) FROM updates");
    logged.Step();
    if (count.Int(0) == 0 && logged.Int(0) == 0) Seed();
  });
  // Every stored skill must pass the schema: a damaged library is an error here, not later.
  (void)Current();
}

SkillStore::~SkillStore() = default;

// Stores the seed library as version 1 of each key; runs inside the caller's transaction.
void SkillStore::Seed() {
  const std::string now = NowUtc();
  for (const Skill& s : SeedSkills()) {
    Db::Statement insert(*db_,
                         "INSERT INTO skills(kind, key, version, params, provenance, created) "
                         "VALUES (?1, ?2, 1, ?3, ?4, ?5)");
    insert.Bind(1, std::string(SkillKindName(s.kind)))
        .Bind(2, s.key)
        .Bind(3, SkillParamsToJson(s).dump())
        .Bind(4, ProvenanceToJson(s.provenance).dump())
        .Bind(5, now);
    insert.Step();
  }
}

std::vector<Skill> SkillStore::Current() const {
  Db::Statement q(*db_,
                  "SELECT s.kind, s.key, s.version, s.params, s.provenance FROM skills s "
                  "WHERE s.version = (SELECT max(version) FROM skills t WHERE t.kind = s.kind "
                  "AND t.key = s.key) ORDER BY s.kind, s.key");
  std::vector<Skill> out;
  while (q.Step()) out.push_back(db_->Read(q.Text(0), q.Text(1), q.Int(2), q.Text(3), q.Text(4)));
  return out;
}

std::vector<Skill> SkillStore::History(SkillKind kind, const std::string& key) const {
  Db::Statement q(*db_,
                  "SELECT kind, key, version, params, provenance FROM skills WHERE kind = ?1 AND "
                  "key = ?2 ORDER BY version");
  q.Bind(1, std::string(SkillKindName(kind))).Bind(2, key);
  std::vector<Skill> out;
  while (q.Step()) out.push_back(db_->Read(q.Text(0), q.Text(1), q.Int(2), q.Text(3), q.Text(4)));
  return out;
}

std::vector<SkillUpdate> SkillStore::Log() const {
  Db::Statement q(*db_,
                  "SELECT id, time, kind, key, version, params, provenance, accepted, reason "
                  "FROM updates ORDER BY id");
  std::vector<SkillUpdate> out;
  while (q.Step()) {
    SkillUpdate u;
    u.id = q.Int(0);
    u.time = q.Text(1);
    u.candidate =
        db_->Read(q.Text(2), q.Text(3), std::max<int64_t>(q.Int(4), 0), q.Text(5), q.Text(6));
    u.accepted = q.Int(7) != 0;
    u.reason = q.Text(8);
    out.push_back(std::move(u));
  }
  return out;
}

int SkillStore::Record(const Skill& candidate, bool accepted, const std::string& reason) {
  const std::string kind(SkillKindName(candidate.kind));
  const std::string key = SkillKey(candidate);
  const std::string params = SkillParamsToJson(candidate).dump();
  const std::string provenance = ProvenanceToJson(candidate.provenance).dump();
  const std::string now = NowUtc();
  // The write lock is held from reading the newest version to writing the next one.
  return db_->Transaction([&] {
    int version = 0;
    if (accepted) {
      Db::Statement last(*db_,
                         "SELECT coalesce(max(version), 0) FROM skills WHERE kind = ?1 AND "
                         "key = ?2");
      last.Bind(1, kind).Bind(2, key);
      last.Step();
      version = static_cast<int>(last.Int(0)) + 1;
      Db::Statement insert(*db_,
                           "INSERT INTO skills(kind, key, version, params, provenance, created) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
      insert.Bind(1, kind).Bind(2, key).Bind(3, int64_t{version}).Bind(4, params);
      insert.Bind(5, provenance).Bind(6, now);
      insert.Step();
    }
    Db::Statement log(*db_,
                      "INSERT INTO updates(time, kind, key, params, provenance, accepted, version, "
                      "reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    log.Bind(1, now).Bind(2, kind).Bind(3, key).Bind(4, params).Bind(5, provenance);
    log.Bind(6, int64_t{accepted ? 1 : 0}).Bind(7, int64_t{version}).Bind(8, reason);
    log.Step();
    return version;
  });
}

void SkillStore::RecordInvalid(const std::string& origin, const std::string& proposal,
                               const std::string& reason) {
  const std::string now = NowUtc();
  db_->Transaction([&] {
    Db::Statement log(*db_,
                      "INSERT INTO invalid_updates(time, origin, proposal, reason) "
                      "VALUES (?1, ?2, ?3, ?4)");
    log.Bind(1, now).Bind(2, origin).Bind(3, proposal.substr(0, kMaxProposalChars));
    log.Bind(4, reason);
    log.Step();
    return 0;
  });
}

std::vector<InvalidUpdate> SkillStore::InvalidLog() const {
  Db::Statement q(*db_,
                  "SELECT id, time, origin, proposal, reason FROM invalid_updates ORDER BY id");
  std::vector<InvalidUpdate> out;
  while (q.Step()) {
    out.push_back({q.Int(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4)});
  }
  return out;
}

void SkillStore::Reset() {
  db_->Transaction([&] {
    db_->Exec("DELETE FROM skills; DELETE FROM updates; DELETE FROM invalid_updates;");
    Seed();
  });
}

std::vector<Skill> LoadSkillsOrSeed(const fs::path& path, std::vector<std::string>* warnings) {
  try {
    SkillStore store(path);
    return store.Current();
  } catch (const Error& e) {
    warnings->push_back(std::string(e.what()) + "; using the seed library");
    std::vector<Skill> seed = SeedSkills();
    for (Skill& s : seed) s.version = 1;
    return seed;
  }
}

}  // namespace scenecraft
