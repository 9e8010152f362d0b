#include "scenecraft/assets/asset_index.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "scenecraft/assets/sh3d_catalog.h"
#include "scenecraft/assets/user_model.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/paths.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;
namespace {

using Statement = SqliteStatement;

// How long a run waits for another run indexing the same cache (indexing every Debian library
// from scratch takes about a second; large user folders measured with assimp take longer).
constexpr int kBusyTimeoutMs = 120000;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, mtime INTEGER NOT NULL,
                                 size INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS assets(
  id TEXT PRIMARY KEY, source TEXT NOT NULL, name TEXT, kind TEXT, category TEXT, tags TEXT,
  creator TEXT, license TEXT, width_m REAL, depth_m REAL, height_m REAL, elevation_m REAL,
  door_or_window INTEGER, file TEXT NOT NULL, model_entry TEXT, format TEXT, unit_scale_m REAL,
  y_up INTEGER, front_yaw_rad REAL, model_rotation TEXT);
CREATE INDEX IF NOT EXISTS assets_by_file ON assets(file);
CREATE VIRTUAL TABLE IF NOT EXISTS assets_fts USING fts5(
  name, kind, category, tags, related, tokenize = 'porter unicode61');
)sql";

constexpr const char* kColumns =
    "a.id, a.source, a.name, a.kind, a.category, a.tags, a.creator, a.license, a.width_m, "
    "a.depth_m, a.height_m, a.elevation_m, a.door_or_window, a.file, a.model_entry, a.format, "
    "a.unit_scale_m, a.y_up, a.front_yaw_rad, a.model_rotation";

AssetRecord RecordFromRow(const Statement& s) {
  AssetRecord r;
  r.id = s.Text(0);
  r.source = s.Text(1);
  r.name = s.Text(2);
  r.kind = s.Text(3);
  r.category = s.Text(4);
  for (const std::string& t : Split(s.Text(5), ',')) {
    if (!t.empty()) r.tags.push_back(t);
  }
  r.creator = s.Text(6);
  r.license = s.Text(7);
  r.size_m = {s.Double(8), s.Double(9), s.Double(10)};
  r.elevation_m = s.Double(11);
  r.door_or_window = s.Int(12) != 0;
  r.file = s.Text(13);
  r.model_entry = s.Text(14);
  r.format = s.Text(15);
  r.unit_scale_m = s.Double(16);
  r.y_up = s.Int(17) != 0;
  r.front_yaw_rad = s.Double(18);
  std::istringstream in(s.Text(19));
  for (double& v : r.model_rotation) in >> v;
  return r;
}

int64_t MtimeOf(const fs::path& p) {
  std::error_code ec;
  const auto t = fs::last_write_time(p, ec);
  if (ec) return 0;
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

bool IsModelFile(const fs::path& p) {
  return !ModelFormatOf(p.filename().string()).empty();
}

bool IsSh3f(const fs::path& p) {
  return ToLower(p.extension().string()) == ".sh3f";
}

std::string JoinRotation(const std::array<double, 9>& m) {
  std::ostringstream out;
  out.precision(9);
  for (size_t i = 0; i < m.size(); ++i) out << (i ? " " : "") << m[i];
  return out.str();
}

}  // namespace

std::string AssetRecord::ToString() const {
  return id + " '" + name + "' " + FormatNumber(size_m.x, 2) + "x" + FormatNumber(size_m.y, 2) +
         "x" + FormatNumber(size_m.z, 2) + " m";
}

fs::path DefaultSh3dDirectory() {
  return "/usr/share/sweethome3d/furniture";
}

fs::path DefaultCacheDirectory() {
  if (const char* dir = std::getenv("SCENECRAFT_CACHE_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return fs::path(xdg) / "scenecraft";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return fs::path(home) / ".cache" / "scenecraft";
  }
  // No home: a folder of this user's own in the temp folder, never a shared one (another user
  // could create a shared name first and read or redirect what is written there).
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft-cache-" + std::to_string(::geteuid()));
  EnsurePrivateDirectory(dir);
  return dir;
}

std::string KindOfName(std::string_view name) {
  std::string lower = ToLower(name);
  // Drop bracketed remarks.
  std::string cleaned;
  int depth = 0;
  for (char c : lower) {
    if (c == '(' || c == '[') ++depth;
    if (depth == 0) cleaned += c;
    if ((c == ')' || c == ']') && depth > 0) --depth;
  }
  // Keep words up to the first number, dimension or connecting word.
  static const std::set<std::string> kStopWords = {"with", "for", "of",   "on",      "in", "and",
                                                   "-",    "x",   "from", "without", "&"};
  std::vector<std::string> words;
  std::string word;
  std::istringstream in(cleaned);
  while (in >> word) {
    std::string letters;
    bool has_digit = false;
    for (char c : word) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isdigit(u)) has_digit = true;
      if (std::isalpha(u) || c == '-' || (u & 0x80)) letters += c;
    }
    if (has_digit || kStopWords.count(letters) > 0) break;
    while (!letters.empty() && letters.back() == '-') letters.pop_back();
    if (!letters.empty()) words.push_back(letters);
  }
  if (words.empty()) return std::string(Trim(lower));
  return Join(words, " ");
}

std::string HeadNoun(std::string_view kind) {
  const size_t space = kind.rfind(' ');
  std::string head(space == std::string_view::npos ? kind : kind.substr(space + 1));
  // English plurals, enough for catalog names ("shelves" stays: WordNet knows it as a noun).
  if (EndsWith(head, "ies") && head.size() > 4) return head.substr(0, head.size() - 3) + "y";
  if (EndsWith(head, "ches") || EndsWith(head, "shes") || EndsWith(head, "sses") ||
      EndsWith(head, "xes")) {
    return head.substr(0, head.size() - 2);
  }
  if (EndsWith(head, "s") && !EndsWith(head, "ss") && !EndsWith(head, "us") && head.size() > 3 &&
      head != "glass" && head != "shelves" && head != "stairs" && head != "drawers") {
    return head.substr(0, head.size() - 1);
  }
  return head;
}

namespace {
// The index's folder must exist before SQLite creates the file in it.
const std::string& WithFolder(const std::string& db_path) {
  if (db_path != ":memory:") EnsureDirectory(fs::path(db_path).parent_path());
  return db_path;
}
}  // namespace

AssetIndex::AssetIndex(const std::string& db_path, TermExpander expander)
    : db_(WithFolder(db_path), "asset index " + db_path, kBusyTimeoutMs),
      expander_(std::move(expander)) {
  // Several runs may share one cache (issue 11, finding 14): readers never wait for a writer in
  // WAL mode, and a writer waits up to kBusyTimeoutMs for another to finish indexing.
  db_.UseWriteAheadLog();
  db_.Exec(kSchema);
}

AssetIndex::~AssetIndex() = default;

bool AssetIndex::Unchanged(const std::string& file, int64_t mtime, int64_t size) const {
  Statement s(db_, "SELECT mtime, size FROM files WHERE path = ?1");
  s.Bind(1, file);
  return s.Step() && s.Int(0) == mtime && s.Int(1) == size;
}

void AssetIndex::RemoveFile(const std::string& file) {
  Statement fts(db_,
                "DELETE FROM assets_fts WHERE rowid IN (SELECT rowid FROM assets WHERE file = ?1)");
  fts.Bind(1, file).Step();
  Statement a(db_, "DELETE FROM assets WHERE file = ?1");
  a.Bind(1, file).Step();
  Statement f(db_, "DELETE FROM files WHERE path = ?1");
  f.Bind(1, file).Step();
}

std::string AssetIndex::Expansion(const AssetRecord& record) const {
  if (!expander_) return "";
  std::vector<std::string> words;
  std::set<std::string> seen;
  auto add = [&](std::string_view term) {
    for (const std::string& w : expander_(term)) {
      if (seen.insert(w).second) words.push_back(w);
    }
  };
  add(record.kind);
  const std::string head = HeadNoun(record.kind);
  if (head != record.kind) add(head);
  return Join(words, ", ");
}

void AssetIndex::Insert(const AssetRecord& r) {
  Statement a(db_,
              "INSERT OR REPLACE INTO assets VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
              "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)");
  a.Bind(1, r.id).Bind(2, r.source).Bind(3, r.name).Bind(4, r.kind).Bind(5, r.category);
  a.Bind(6, Join(r.tags, ",")).Bind(7, r.creator).Bind(8, r.license);
  a.Bind(9, r.size_m.x).Bind(10, r.size_m.y).Bind(11, r.size_m.z).Bind(12, r.elevation_m);
  a.Bind(13, static_cast<int64_t>(r.door_or_window)).Bind(14, r.file).Bind(15, r.model_entry);
  a.Bind(16, r.format).Bind(17, r.unit_scale_m).Bind(18, static_cast<int64_t>(r.y_up));
  a.Bind(19, r.front_yaw_rad).Bind(20, JoinRotation(r.model_rotation));
  a.Step();
  const int64_t rowid = db_.LastInsertRowid();
  Statement f(db_,
              "INSERT INTO assets_fts(rowid, name, kind, category, tags, related) "
              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  f.Bind(1, rowid).Bind(2, r.name).Bind(3, r.kind).Bind(4, r.category);
  f.Bind(5, Join(r.tags, ", ")).Bind(6, Expansion(r));
  f.Step();
}

void AssetIndex::ReadSh3d(const fs::path& file, IndexStats* stats) {
  const Sh3dCatalog catalog = ReadSh3dCatalog(file);
  for (const std::string& w : catalog.warnings) stats->warnings.push_back(w);
  const std::string stem = file.stem().string();
  std::set<std::string> ids;
  for (const Sh3dEntry& e : catalog.entries) {
    AssetRecord r;
    r.id = "sh3d:" + stem + "/" + e.id;
    if (!ids.insert(r.id).second) {
      stats->warnings.push_back(file.string() + ":" + std::to_string(e.line) + ": duplicate id " +
                                e.id + " (entry skipped)");
      continue;
    }
    r.source = "sh3d";
    r.name = e.name;
    r.kind = KindOfName(e.name);
    r.category = e.category;
    r.tags = e.tags;
    r.creator = e.creator;
    r.license = e.license;
    r.size_m = e.size_cm * 0.01;
    r.elevation_m = e.elevation_cm * 0.01;
    r.door_or_window = e.door_or_window;
    r.file = file.string();
    r.model_entry = e.model;
    r.format = ModelFormatOf(e.model);  // never empty: the catalog checked the entry
    r.unit_scale_m = 0.01;
    r.y_up = true;
    r.model_rotation = e.model_rotation;
    Insert(r);
  }
}

void AssetIndex::ReadModelFile(const fs::path& root, const fs::path& file, IndexStats* stats) {
  if (const std::optional<AssetRecord> r = ReadUserModel(root, file, &stats->warnings)) Insert(*r);
}

IndexStats AssetIndex::Index(const std::vector<fs::path>& paths) {
  IndexStats stats;
  // Gather the files to look at, and the folders whose vanished files are dropped.
  std::map<fs::path, fs::path> files;  // file -> the folder it was found in (its root)
  std::vector<std::string> folders;
  for (const fs::path& given : paths) {
    std::error_code ec;
    const fs::path p = fs::absolute(given, ec).lexically_normal();
    if (fs::is_directory(p, ec)) {
      folders.push_back(p.string());
      for (auto it = fs::recursive_directory_iterator(
               p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_regular_file(ec) && (IsSh3f(it->path()) || IsModelFile(it->path()))) {
          files.emplace(it->path(), p);
        }
      }
    } else if (fs::is_regular_file(p, ec)) {
      if (IsSh3f(p) || IsModelFile(p)) {
        files.emplace(p, p.parent_path());
      } else {
        stats.warnings.push_back(p.string() + ": not a .sh3f library or a model file (skipped)");
      }
    } else {
      stats.warnings.push_back(given.string() + ": no such file or folder (skipped)");
    }
  }
  // IMMEDIATE takes the write lock first: a deferred transaction that reads and then writes
  // fails at once with "database is locked" when another process indexes at the same time.
  db_.Transaction([&] {
    std::set<std::string> seen;
    for (const auto& [f, root] : files) {
      seen.insert(f.string());
      std::error_code ec;
      const int64_t size = static_cast<int64_t>(fs::file_size(f, ec));
      int64_t mtime = MtimeOf(f);
      // A sidecar's change re-reads the model too.
      if (IsModelFile(f)) {
        for (const fs::path& s : SidecarsOf(f)) mtime = std::max(mtime, MtimeOf(s));
      }
      if (Unchanged(f.string(), mtime, size)) {
        ++stats.files_unchanged;
        continue;
      }
      RemoveFile(f.string());
      try {
        if (IsSh3f(f)) {
          ReadSh3d(f, &stats);
        } else {
          ReadModelFile(root, f, &stats);
        }
      } catch (const Error& e) {
        stats.warnings.push_back(std::string(e.what()) + " (not indexed)");
      }
      // Remember the file even when it failed, so it is not re-read until it changes.
      Statement s(db_, "INSERT OR REPLACE INTO files VALUES (?1, ?2, ?3)");
      s.Bind(1, f.string()).Bind(2, mtime).Bind(3, size).Step();
      ++stats.files_read;
    }
    // Drop what vanished from the given folders.
    for (const std::string& folder : folders) {
      std::vector<std::string> gone;
      Statement s(db_, "SELECT path FROM files WHERE substr(path, 1, length(?1)) = ?1");
      s.Bind(1, folder + "/");
      while (s.Step()) {
        if (seen.count(s.Text(0)) == 0) gone.push_back(s.Text(0));
      }
      for (const std::string& g : gone) {
        RemoveFile(g);
        ++stats.files_removed;
      }
    }
  });
  stats.assets = Count();
  return stats;
}

std::vector<AssetHit> AssetIndex::Search(std::string_view text, int limit, std::string_view source,
                                         const fs::path& under) const {
  // Every word of the text, quoted (FTS5 syntax characters in the text stay data), OR-ed.
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back("\"" + word + "\"");
    word.clear();
  };
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || (u & 0x80)) {
      word += static_cast<char>(std::tolower(u));
    } else {
      flush();
    }
  }
  flush();
  std::vector<AssetHit> hits;
  if (words.empty()) return hits;
  const std::string query = Join(words, " OR ");
  const std::string sql = std::string("SELECT ") + kColumns +
                          ", bm25(assets_fts, 10.0, 10.0, 1.0, 3.0, 0.3) AS rank "
                          "FROM assets_fts JOIN assets a ON a.rowid = assets_fts.rowid "
                          "WHERE assets_fts MATCH ?1 AND (?2 = '' OR a.source = ?2) "
                          "AND (?3 = '' OR substr(a.file, 1, length(?3)) = ?3) "
                          "ORDER BY rank, a.id LIMIT ?4";
  Statement s(db_, sql.c_str());
  std::string prefix;
  if (!under.empty()) {
    std::error_code ec;
    prefix = fs::absolute(under, ec).lexically_normal().string();
    if (!EndsWith(prefix, "/")) prefix += "/";
  }
  s.Bind(1, query)
      .Bind(2, std::string(source))
      .Bind(3, prefix)
      .Bind(4, static_cast<int64_t>(limit));
  while (s.Step()) hits.push_back(AssetHit{RecordFromRow(s), s.Double(20)});
  return hits;
}

std::optional<AssetRecord> AssetIndex::Get(std::string_view id) const {
  Statement s(db_, (std::string("SELECT ") + kColumns + " FROM assets a WHERE a.id = ?1").c_str());
  s.Bind(1, std::string(id));
  if (!s.Step()) return std::nullopt;
  return RecordFromRow(s);
}

int AssetIndex::Count() const {
  Statement s(db_, "SELECT count(*) FROM assets");
  s.Step();
  return static_cast<int>(s.Int(0));
}

}  // namespace scenecraft
