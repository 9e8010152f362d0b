#include "scenecraft/assets/sh3d_catalog.h"

#include <cmath>
#include <memory>
#include <set>
#include <sstream>

#include "scenecraft/assets/properties.h"
#include "scenecraft/assets/zip_reader.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/paths.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;
namespace {

constexpr const char* kCatalogEntry = "PluginFurnitureCatalog.properties";
// Larger than any furniture (a catalog in centimetres): beyond it a number is a mistake.
constexpr double kMaxSizeCm = 10000;

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

// A path inside the zip, relative to `folder`, made canonical ("a/b/../c" -> "a/c"); a leading
// '/' is the zip's root. Empty when it climbs out of the zip or is not a plain name.
std::string ResolveInZip(const std::string& folder, const std::string& reference) {
  try {
    return StartsWith(reference, "/") ? NormalizeReference("", reference.substr(1))
                                      : NormalizeReference(folder, reference);
  } catch (const Error&) {
    return "";
  }
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
      if (!e.model.empty()) CheckModelEntry(e.model, where + ": entry " + e.id);
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
      if (!(e.size_cm.x <= kMaxSizeCm && e.size_cm.y <= kMaxSizeCm && e.size_cm.z <= kMaxSizeCm &&
            std::abs(e.elevation_cm) <= kMaxSizeCm)) {
        throw Error(where + ": entry " + e.id + " has a size or elevation beyond " +
                    FormatNumber(kMaxSizeCm) + " cm");
      }
      catalog.entries.push_back(std::move(e));
    } catch (const Error& error) {
      catalog.warnings.push_back(std::string(error.what()) + " (entry skipped)");
    }
  }
  return catalog;
}

Sh3dCatalog ReadSh3dCatalog(const fs::path& sh3f, const ZipLimits& limits) {
  ZipReader z(sh3f, limits);
  const std::optional<std::string> text = z.Read(kCatalogEntry, limits.max_catalog_bytes);
  if (!text) throw Error(sh3f.string() + ": no " + kCatalogEntry + " (not a furniture library)");
  Sh3dCatalog catalog =
      CatalogFromProperties(Properties::Parse(*text, sh3f.string() + "!" + kCatalogEntry));
  catalog.file = sh3f;
  return catalog;
}

std::string ModelFormatOf(std::string_view file_name) {
  const std::string ext = ToLower(fs::path(file_name).extension().string());
  for (const char* known : {".obj", ".gltf", ".glb", ".fbx", ".blend"}) {
    if (ext == known) return ext.substr(1);
  }
  return "";
}

void CheckModelEntry(const std::string& entry, const std::string& where) {
  std::string normal;
  try {
    normal = NormalizeReference("", entry);
  } catch (const Error& e) {
    throw Error(where + ": model " + e.what());
  }
  if (normal != entry) {
    throw Error(where + ": model " + QuoteForMessage(entry) +
                " is not a plain path inside the library (it reads as " + QuoteForMessage(normal) +
                ")");
  }
  if (ModelFormatOf(entry).empty() || ModelFormatOf(entry) == "blend") {
    throw Error(where + ": model " + QuoteForMessage(entry) +
                " is not an OBJ, glTF, GLB or FBX file (by its file extension)");
  }
}

ExtractedModel ExtractSh3dModel(const fs::path& sh3f, const std::string& model_entry,
                                const fs::path& cache_dir, const ZipLimits& limits) {
  CheckModelEntry(model_entry, sh3f.string());
  ZipReader z(sh3f, limits);
  // Every file is written under root, through the one path check: names come from the library.
  const fs::path root = ResolveInside(cache_dir / "sh3d", "", sh3f.stem().string());
  auto target_of = [&](const std::string& entry) {
    try {
      return ResolveInside(root, "", entry);
    } catch (const Error& e) {
      throw Error(sh3f.string() + ": " + e.what());
    }
  };
  ExtractedModel result;
  // Writes one entry under root unless it is there already with the right size; returns its
  // bytes when `want_text` (the model and MTL files are read for their references). `clean`
  // rewrites the bytes before they are written.
  auto extract = [&](const std::string& entry, bool want_text,
                     std::string (*clean)(std::string_view)) -> std::optional<std::string> {
    if (!z.Has(entry)) return std::nullopt;
    const fs::path target = target_of(entry);
    std::error_code ec;
    if (clean != nullptr) {
      std::string data = clean(*z.Read(entry));
      if (!(fs::is_regular_file(target, ec) && fs::file_size(target, ec) == data.size())) {
        WriteFileAtomic(target, data);
        result.extracted.push_back(entry);
      }
      return data;
    }
    const int64_t declared = z.DeclaredSize(entry);
    if (declared >= 0 && fs::is_regular_file(target, ec) &&
        fs::file_size(target, ec) == static_cast<uintmax_t>(declared)) {
      return want_text ? ReadFile(target) : std::string();
    }
    if (want_text) {
      std::optional<std::string> data = z.Read(entry);
      WriteFileAtomic(target, *data);
      result.extracted.push_back(entry);
      return data;
    }
    z.CopyTo(entry, target);
    result.extracted.push_back(entry);
    return std::string();
  };
  const bool is_obj = EndsWith(ToLower(model_entry), ".obj");
  const std::optional<std::string> obj =
      extract(model_entry, /*want_text=*/true, is_obj ? &DropDegenerateObjFaces : nullptr);
  if (!obj) {
    throw Error(sh3f.string() + ": the catalog names model " + model_entry +
                ", which the zip lacks");
  }
  result.model = target_of(model_entry);
  const std::string folder = fs::path(model_entry).parent_path().generic_string();
  if (!EndsWith(ToLower(model_entry), ".obj")) return result;
  for (const std::string& mtl_ref : ObjMaterialLibraries(*obj)) {
    const std::string mtl = ResolveInZip(folder, mtl_ref);
    const std::optional<std::string> mtl_text = mtl.empty() ? std::nullopt : z.Read(mtl);
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
        if (!resolved.empty() && z.Has(resolved)) {
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
    const fs::path target = target_of(mtl);
    std::error_code ec;
    if (!fs::is_regular_file(target, ec) || ReadFile(target) != rewritten) {
      WriteFileAtomic(target, rewritten);
      result.extracted.push_back(mtl);
    }
  }
  return result;
}

}  // namespace scenecraft
