#include "scenecraft/assets/sh3d_catalog.h"

#include <zip.h>

#include <memory>
#include <set>
#include <sstream>

#include "scenecraft/assets/properties.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;
namespace {

constexpr const char* kCatalogEntry = "PluginFurnitureCatalog.properties";

struct ZipCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

ZipPtr OpenZip(const fs::path& path) {
  int error_code = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &error_code);
  if (z == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, error_code);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(path.string() + ": not a readable Sweet Home 3D library (" + message + ")");
  }
  return ZipPtr(z);
}

// The entry's bytes, or nullopt when the zip has no such entry. Throws Error on a read failure.
std::optional<std::string> ReadEntry(zip_t* z, const fs::path& zip_path, const std::string& name) {
  const zip_int64_t index = zip_name_locate(z, name.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(z, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    throw Error(zip_path.string() + ": cannot stat " + name + ": " + zip_strerror(z));
  }
  zip_file_t* f = zip_fopen_index(z, static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr)
    throw Error(zip_path.string() + ": cannot open " + name + ": " + zip_strerror(z));
  std::string data(static_cast<size_t>(st.size), '\0');
  zip_int64_t got = 0;
  while (got < static_cast<zip_int64_t>(data.size())) {
    const zip_int64_t n = zip_fread(f, data.data() + got, data.size() - static_cast<size_t>(got));
    if (n <= 0) break;
    got += n;
  }
  const std::string file_error = zip_file_strerror(f);
  zip_fclose(f);
  if (got != static_cast<zip_int64_t>(data.size())) {
    throw Error(zip_path.string() + ": " + name + " is damaged (" + file_error + ")");
  }
  return data;
}

std::vector<std::string> SplitTags(const std::string& text) {
  std::vector<std::string> tags;
  for (const std::string& t : Split(text, ',')) {
    const std::string_view trimmed = Trim(t);
    if (!trimmed.empty()) tags.emplace_back(trimmed);
  }
  return tags;
}

bool IsTrue(const std::string& s) {
  return ToLower(Trim(s)) == "true";
}

// A path inside the zip, relative to `folder`, made canonical ("a/b/../c" -> "a/c"). Empty when
// it climbs out of the zip.
std::string ResolveInZip(const std::string& folder, std::string reference) {
  reference = ReplaceAll(reference, "\\", "/");
  fs::path p = StartsWith(reference, "/") ? fs::path(reference.substr(1))
                                          : fs::path(folder) / fs::path(reference);
  p = p.lexically_normal();
  const std::string s = p.generic_string();
  if (s.empty() || StartsWith(s, "..") || StartsWith(s, "/")) return "";
  return s;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(line);
  }
  return out;
}

}  // namespace

std::string DropDegenerateObjFaces(std::string_view obj_text) {
  std::string out;
  out.reserve(obj_text.size());
  size_t pos = 0;
  while (pos < obj_text.size()) {
    size_t end = obj_text.find('\n', pos);
    end = end == std::string_view::npos ? obj_text.size() : end + 1;
    const std::string_view line = obj_text.substr(pos, end - pos);
    pos = end;
    const std::string_view t = Trim(line);
    if (t.size() >= 2 && t[0] == 'f' && (t[1] == ' ' || t[1] == '\t')) {
      std::istringstream words{std::string(t.substr(2))};
      std::string word;
      int n = 0;
      while (words >> word) ++n;
      if (n < 3) continue;
    }
    out += line;
  }
  return out;
}

std::vector<std::string> ObjMaterialLibraries(std::string_view obj_text) {
  std::vector<std::string> out;
  for (const std::string& line : Lines(obj_text)) {
    const std::string_view t = Trim(line);
    if (!StartsWith(t, "mtllib") || t.size() < 7 || (t[6] != ' ' && t[6] != '\t')) continue;
    // Several names may follow; names with spaces are rare and not supported by the format.
    std::istringstream words{std::string(t.substr(7))};
    std::string word;
    while (words >> word) out.push_back(word);
  }
  return out;
}

std::optional<MtlMap> ParseMtlMap(std::string_view line) {
  static const std::set<std::string> kMapKeys = {"map_ka",   "map_kd", "map_ks",  "map_ns", "map_d",
                                                 "map_bump", "bump",   "disp",    "decal",  "refl",
                                                 "map_ke",   "norm",   "map_disp"};
  std::istringstream in{std::string(Trim(line))};
  std::vector<std::string> words;
  std::string w;
  while (in >> w) words.push_back(w);
  if (words.empty() || kMapKeys.count(ToLower(words[0])) == 0) return std::nullopt;
  MtlMap map;
  map.key = words[0];
  // Options come first: "-s 1 1 1", "-clamp on", "-imfchan r", "-bm 0.5".
  size_t i = 1;
  std::vector<std::string> options;
  while (i < words.size() && words[i].size() > 1 && words[i][0] == '-') {
    const std::string option = words[i];
    options.push_back(words[i++]);
    const bool one_word = option == "-imfchan" || option == "-type";
    while (i < words.size() && i + 1 < words.size()) {
      char* end = nullptr;
      std::strtod(words[i].c_str(), &end);
      const bool number = end != words[i].c_str() && *end == '\0';
      if (!(number || words[i] == "on" || words[i] == "off" || one_word)) break;
      options.push_back(words[i++]);
      if (one_word) break;
    }
  }
  map.options = Join(options, " ");
  map.file = Join(std::vector<std::string>(words.begin() + static_cast<long>(i), words.end()), " ");
  if (map.file.empty()) return std::nullopt;
  return map;
}

std::vector<std::string> MtlTextureMaps(std::string_view mtl_text) {
  std::vector<std::string> out;
  for (const std::string& line : Lines(mtl_text)) {
    if (auto map = ParseMtlMap(line)) out.push_back(map->file);
  }
  return out;
}

Sh3dCatalog CatalogFromProperties(const Properties& properties) {
  Sh3dCatalog catalog;
  catalog.library_id = properties.Get("id");
  catalog.library_name = properties.Get("name");
  catalog.license = properties.Get("license");
  // Entries are numbered from 1; Sweet Home 3D stops at the first missing id#N.
  for (int n = 1;; ++n) {
    const std::string suffix = "#" + std::to_string(n);
    const PropertyValue* id = properties.Find("id" + suffix);
    if (id == nullptr) break;
    const std::string where = properties.origin() + ":" + std::to_string(id->line);
    try {
      Sh3dEntry e;
      e.index = n;
      e.line = id->line;
      e.id = id->value;
      e.name = properties.Get("name" + suffix);
      if (e.name.empty()) {
        // A few entries have no name; the id's last part is the next best label.
        const size_t hash = e.id.rfind('#');
        e.name = hash == std::string::npos ? e.id : e.id.substr(hash + 1);
      }
      e.category = properties.Get("category" + suffix);
      e.tags = SplitTags(properties.Get("tags" + suffix));
      e.creator = properties.Get("creator" + suffix);
      e.license = properties.Get("license" + suffix, catalog.license);
      e.size_cm = {properties.GetNumber("width" + suffix, 0),
                   properties.GetNumber("depth" + suffix, 0),
                   properties.GetNumber("height" + suffix, 0)};
      e.elevation_cm = properties.GetNumber("elevation" + suffix, 0);
      e.door_or_window = IsTrue(properties.Get("doorOrWindow" + suffix));
      std::string model = properties.Get("model" + suffix);
      if (StartsWith(model, "/")) model = model.substr(1);
      e.model = model;
      const std::string rotation = properties.Get("modelRotation" + suffix);
      if (!rotation.empty()) {
        std::istringstream in(rotation);
        for (double& v : e.model_rotation) {
          if (!(in >> v)) throw Error(where + ": modelRotation" + suffix + " needs 9 numbers");
        }
      }
      if (e.model.empty()) throw Error(where + ": entry " + e.id + " has no model");
      if (!(e.size_cm.x > 0 && e.size_cm.y > 0 && e.size_cm.z > 0)) {
        throw Error(where + ": entry " + e.id + " has no positive width, depth and height");
      }
      catalog.entries.push_back(std::move(e));
    } catch (const Error& error) {
      catalog.warnings.push_back(std::string(error.what()) + " (entry skipped)");
    }
  }
  return catalog;
}

Sh3dCatalog ReadSh3dCatalog(const fs::path& sh3f) {
  ZipPtr z = OpenZip(sh3f);
  const std::optional<std::string> text = ReadEntry(z.get(), sh3f, kCatalogEntry);
  if (!text) throw Error(sh3f.string() + ": no " + kCatalogEntry + " (not a furniture library)");
  Sh3dCatalog catalog =
      CatalogFromProperties(Properties::Parse(*text, sh3f.string() + "!" + kCatalogEntry));
  catalog.file = sh3f;
  return catalog;
}

ExtractedModel ExtractSh3dModel(const fs::path& sh3f, const std::string& model_entry,
                                const fs::path& cache_dir) {
  ZipPtr z = OpenZip(sh3f);
  const fs::path root = cache_dir / "sh3d" / sh3f.stem();
  ExtractedModel result;
  // Writes one entry under root unless it is there already with the right size; returns its
  // bytes when `want_text` (the model and MTL files are read for their references). `clean`
  // rewrites the bytes before they are written.
  auto extract = [&](const std::string& entry, bool want_text,
                     std::string (*clean)(std::string_view)) -> std::optional<std::string> {
    const fs::path target = root / fs::path(entry);
    const zip_int64_t index = zip_name_locate(z.get(), entry.c_str(), 0);
    if (index < 0) return std::nullopt;
    std::error_code ec;
    if (clean != nullptr) {
      std::string data = clean(*ReadEntry(z.get(), sh3f, entry));
      if (!(fs::exists(target, ec) && fs::file_size(target, ec) == data.size())) {
        WriteFileAtomic(target, data);
        result.extracted.push_back(entry);
      }
      return data;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    zip_stat_index(z.get(), static_cast<zip_uint64_t>(index), 0, &st);
    if (fs::exists(target, ec) && fs::file_size(target, ec) == st.size) {
      return want_text ? ReadFile(target) : std::string();
    }
    std::optional<std::string> data = ReadEntry(z.get(), sh3f, entry);
    WriteFileAtomic(target, *data);
    result.extracted.push_back(entry);
    return data;
  };
  const bool is_obj = EndsWith(ToLower(model_entry), ".obj");
  const std::optional<std::string> obj =
      extract(model_entry, /*want_text=*/true, is_obj ? &DropDegenerateObjFaces : nullptr);
  if (!obj) {
    throw Error(sh3f.string() + ": the catalog names model " + model_entry +
                ", which the zip lacks");
  }
  result.model = root / fs::path(model_entry);
  const std::string folder = fs::path(model_entry).parent_path().generic_string();
  if (!EndsWith(ToLower(model_entry), ".obj")) return result;
  for (const std::string& mtl_ref : ObjMaterialLibraries(*obj)) {
    const std::string mtl = ResolveInZip(folder, mtl_ref);
    const std::optional<std::string> mtl_text =
        mtl.empty() ? std::nullopt : ReadEntry(z.get(), sh3f, mtl);
    if (!mtl_text) {
      result.missing.push_back(mtl_ref + " (material library of " + model_entry + ")");
      continue;
    }
    // Every texture is extracted and its line rewritten to the path relative to the MTL, so the
    // importer finds it whatever the author's machine called it.
    const fs::path mtl_folder = fs::path(mtl).parent_path();
    std::string rewritten;
    for (const std::string& line : Lines(*mtl_text)) {
      const std::optional<MtlMap> map = ParseMtlMap(line);
      if (!map) {
        rewritten += line + "\n";
        continue;
      }
      // As written, then its file name, then its last word: Sweet Home 3D reads
      // "/Users/me/3D/ TEXTURES/Living room rug.jpg" as rug.jpg beside the MTL.
      const std::string written = ReplaceAll(map->file, "\\", "/");
      const size_t space = written.rfind(' ');
      std::string found;
      for (const std::string& candidate :
           {written, fs::path(written).filename().string(),
            space == std::string::npos ? written : written.substr(space + 1)}) {
        const std::string resolved = ResolveInZip(mtl_folder.generic_string(), candidate);
        if (!resolved.empty() && zip_name_locate(z.get(), resolved.c_str(), 0) >= 0) {
          found = resolved;
          break;
        }
      }
      if (found.empty()) {
        result.missing.push_back(map->file + " (texture of " + mtl + ")");
        rewritten += line + "\n";
        continue;
      }
      extract(found, /*want_text=*/false, nullptr);
      rewritten += map->key + " " + (map->options.empty() ? "" : map->options + " ") +
                   fs::path(found).lexically_relative(mtl_folder).generic_string() + "\n";
    }
    const fs::path target = root / fs::path(mtl);
    std::error_code ec;
    if (!fs::exists(target, ec) || ReadFile(target) != rewritten) {
      WriteFileAtomic(target, rewritten);
      result.extracted.push_back(mtl);
    }
  }
  return result;
}

}  // namespace scenecraft
