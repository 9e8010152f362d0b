// The asset index (ARCHITECTURE.md section 5): every model of the Sweet Home 3D libraries and of
// the user's model folders, with names, categories, tags and real sizes, in SQLite with an FTS5
// full-text index (BM25 over name, kind, category, tags and the WordNet synonyms and hypernyms of
// the name). Files are re-read only when their mtime or size changed.
//
// WordNet lives in the lang module, above this one, so the index takes an injected TermExpander;
// the agent wires WordNet into it.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/geometry.h"
#include "scenecraft/util/sqlite.h"

namespace scenecraft {

// Words related to a noun or noun phrase (synonyms, hypernyms), lower case. May be empty.
using TermExpander = std::function<std::vector<std::string>(std::string_view)>;

// How many hypernym levels above a noun phrase a kind lies, in what the kind mostly means: 0 the
// same thing, 1 its immediate kind ("workbench" for a lab bench), -1 not a kind of it or unknown.
using KindDistanceLookup = std::function<int(std::string_view noun, std::string_view kind)>;

// One indexed model.
struct AssetRecord {
  std::string id;        // "sh3d:<library file stem>/<catalog id>" or "user:<absolute path>"
  std::string source;    // "sh3d" or "user"
  std::string name;      // e.g. "Coffee table"
  std::string kind;      // the kind of object the name says, lower case: "coffee table"
  std::string category;  // Sweet Home 3D category or the sidecar's category
  std::vector<std::string> tags;
  std::string creator;
  std::string license;
  Vec3 size_m;             // true width (x) x depth (y) x height (z), metres
  double elevation_m = 0;  // usual height above the floor (Sweet Home 3D's elevation)
  bool door_or_window = false;
  std::string file;           // the .sh3f, or the model file of a user folder
  std::string model_entry;    // the model inside the .sh3f (empty for user models)
  std::string format;         // "obj", "gltf", "glb", "fbx", "blend"
  double unit_scale_m = 1.0;  // file units to metres (Sweet Home 3D: 0.01)
  bool y_up = true;
  double front_yaw_rad = 0.0;  // turn about Z after axis conversion so the front faces -Y
  std::array<double, 9> model_rotation{1, 0, 0, 0, 1, 0, 0, 0, 1};  // in file coordinates
  std::string ToString() const;  // "sh3d:... 'Coffee table' 1.20x0.60x0.45 m"
};

struct AssetHit {
  AssetRecord record;
  double bm25 = 0.0;  // SQLite's bm25(): lower (more negative) is a better match
};

struct IndexStats {
  int files_read = 0;                 // new or changed files read
  int files_unchanged = 0;            // skipped: same mtime and size as when indexed
  int files_removed = 0;              // indexed files that are gone
  int assets = 0;                     // assets in the index afterwards
  std::vector<std::string> warnings;  // unreadable files, skipped entries
};

// Where the Debian package sweethome3d-furniture installs its libraries.
std::filesystem::path DefaultSh3dDirectory();
// $SCENECRAFT_CACHE_DIR, else $XDG_CACHE_HOME/scenecraft, else $HOME/.cache/scenecraft, else
// (no HOME) <temp folder>/scenecraft-cache-<uid>, created private to this user (mode 0700); throws
// Error when that folder exists but is not this user's own private folder.
std::filesystem::path DefaultCacheDirectory();

// The kind of object a catalog name says: lower case, without numbers, dimensions, brackets and
// "with ..." tails ("Chair with cushion" -> "chair", "Induction cooker 4 zones" -> "induction
// cooker", "Bed 140x190" -> "bed").
std::string KindOfName(std::string_view name);
// The last word of a kind, singular ("coffee tables" -> "table").
std::string HeadNoun(std::string_view kind);

class AssetIndex {
 public:
  // Opens (creating when needed) the index at `db_path`; ":memory:" for tests. Throws Error when
  // SQLite cannot open it.
  explicit AssetIndex(const std::string& db_path, TermExpander expander = nullptr);
  ~AssetIndex();
  AssetIndex(const AssetIndex&) = delete;
  AssetIndex& operator=(const AssetIndex&) = delete;

  // Indexes .sh3f files, model files, and folders (searched recursively for both). Only new or
  // changed files are read; indexed files that vanished from a given folder are dropped.
  // Unreadable files become warnings, never errors.
  IndexStats Index(const std::vector<std::filesystem::path>& paths);

  // Full-text search, best first (BM25, ties by id). `source` "sh3d" or "user" filters; an empty
  // filter takes both. `under` keeps only files below that folder.
  std::vector<AssetHit> Search(std::string_view text, int limit = 10, std::string_view source = "",
                               const std::filesystem::path& under = {}) const;
  std::optional<AssetRecord> Get(std::string_view id) const;
  int Count() const;

 private:
  void Insert(const AssetRecord& record);
  void RemoveFile(const std::string& file);
  bool Unchanged(const std::string& file, int64_t mtime, int64_t size) const;
  void ReadSh3d(const std::filesystem::path& file, IndexStats* stats);
  void ReadModelFile(const std::filesystem::path& root, const std::filesystem::path& file,
                     IndexStats* stats);
  std::string Expansion(const AssetRecord& record) const;

  SqliteDb db_;
  TermExpander expander_;
};

}  // namespace scenecraft
