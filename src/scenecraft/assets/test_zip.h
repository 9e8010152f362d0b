// Test helpers: write zip files (fake Sweet Home 3D libraries) and small model files, in fresh
// folders under the build tree.
#pragma once

#include <zip.h>

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace scenecraft::testing {

// An empty folder for one test under the build tree (SCENECRAFT_BINARY_DIR of the test target).
inline std::filesystem::path TempDir(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::path(SCENECRAFT_BINARY_DIR) / "test_tmp" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// Writes a zip holding `entries` (name -> bytes).
inline void WriteZip(const std::filesystem::path& path,
                     const std::map<std::string, std::string>& entries) {
  std::filesystem::remove(path);
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (z == nullptr) throw std::runtime_error("cannot create " + path.string());
  for (const auto& [name, data] : entries) {
    zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
    if (src == nullptr || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) {
      zip_source_free(src);
      zip_discard(z);
      throw std::runtime_error("cannot add " + name);
    }
  }
  if (zip_close(z) != 0) throw std::runtime_error("cannot write " + path.string());
}

// An OBJ box from (0,0,0) to (w,h,d) in a Y-up file (so width w, height h, depth d).
inline std::string BoxObj(double w, double h, double d, const std::string& mtllib = "") {
  std::string s = mtllib.empty() ? "" : "mtllib " + mtllib + "\nusemtl m\n";
  const double xs[2] = {0, w}, ys[2] = {0, h}, zs[2] = {0, d};
  for (double x : xs)
    for (double y : ys)
      for (double z : zs)
        s += "v " + std::to_string(x) + " " + std::to_string(y) + " " + std::to_string(z) + "\n";
  s += "f 1 2 4 3\nf 5 7 8 6\nf 1 5 6 2\nf 3 4 8 7\nf 1 3 7 5\nf 2 6 8 4\n";
  return s;
}

// A catalog with the given entries ("id|name|tags|w|d|h|model").
inline std::string Catalog(const std::vector<std::string>& rows) {
  std::string s = "id=Test#Library\nname=Test library\nlicense=CC0\n";
  int n = 0;
  for (const std::string& row : rows) {
    ++n;
    std::vector<std::string> f;
    size_t start = 0;
    for (;;) {
      const size_t bar = row.find('|', start);
      f.push_back(row.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
      if (bar == std::string::npos) break;
      start = bar + 1;
    }
    const std::string k = "#" + std::to_string(n) + "=";
    s += "id" + k + f[0] + "\nname" + k + f[1] + "\ntags" + k + f[2] + "\ncategory" + k +
         "Living room\nwidth" + k + f[3] + "\ndepth" + k + f[4] + "\nheight" + k + f[5] +
         "\nmodel" + k + f[6] + "\ncreator" + k + "Tester\ndoorOrWindow" + k + "false\n";
  }
  return s;
}

}  // namespace scenecraft::testing
