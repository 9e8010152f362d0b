#include "scenecraft/assets/model_materials.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>

#include "scenecraft/assets/material_table.h"
#include "scenecraft/assets/sh3d_catalog.h"
#include "scenecraft/assets/zip_reader.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

// A material library is a few kilobytes; a bigger one is read no further than this.
constexpr int64_t kMaxMtlBytes = int64_t{1} << 20;

// Preset words shorter than this match only as whole words ("oak" would match "cloak").
constexpr size_t kMinSubstringWord = 4;

void AddClassesOfName(const std::string& name, std::set<std::string>* out) {
  const std::string lower = ToLower(name);
  const std::vector<std::string> words = LowerWords(lower);
  for (const MaterialPreset& p : MaterialPresets()) {
    const std::string word(p.word);
    const bool whole = std::find(words.begin(), words.end(), word) != words.end();
    const bool inside = word.size() >= kMinSubstringWord && lower.find(word) != std::string::npos;
    if (whole || inside) out->insert(std::string(p.name));
  }
}

std::optional<std::string> ReadFileCapped(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text(static_cast<size_t>(kMaxMtlBytes), '\0');
  in.read(text.data(), kMaxMtlBytes);
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

}  // namespace

std::set<std::string> MaterialClassesOfMtl(std::string_view mtl_text) {
  std::set<std::string> out;
  for (const std::string& raw : Split(mtl_text, '\n')) {
    const std::string line(Trim(raw));
    std::istringstream in(line);
    std::string key;
    in >> key;
    if (key == "newmtl" || StartsWith(key, "map_")) {
      std::string rest;
      std::getline(in, rest);
      AddClassesOfName(std::string(Trim(rest)), &out);
    } else if (key == "d" || key == "Tr") {
      double value = 1.0;
      if (!(in >> value)) continue;
      const double opacity = key == "d" ? value : 1.0 - value;
      if (opacity < 0.6) out.insert("glass");
    }
  }
  return out;
}

std::set<std::string> ModelMaterialClasses(const AssetRecord& record) {
  if (record.format != "obj") return {};
  try {
    if (record.source == "sh3d") {
      // The library's .mtl of the same name as the model, as the Sweet Home 3D libraries have.
      const fs::path mtl = fs::path(record.model_entry).replace_extension(".mtl");
      ZipReader zip(record.file);
      if (const std::optional<std::string> text = zip.Read(mtl.generic_string(), kMaxMtlBytes)) {
        return MaterialClassesOfMtl(*text);
      }
      return {};
    }
    const fs::path mtl = fs::path(record.file).replace_extension(".mtl");
    if (const std::optional<std::string> text = ReadFileCapped(mtl)) {
      return MaterialClassesOfMtl(*text);
    }
  } catch (const Error&) {
    // A damaged library: retrieval goes on with what the name says.
  }
  return {};
}

}  // namespace scenecraft
