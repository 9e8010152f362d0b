// Test helpers: write zip files (fake Sweet Home 3D libraries) and small model files, in fresh
// folders under the build tree.
#pragma once

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
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

// Adds an entry of `bytes` zero bytes to an open zip, generated as libzip compresses it (a zip
// bomb: 1 GiB of zeros deflates to about 1 MiB) without holding it in memory.
inline void AddZeros(zip_t* z, const std::string& name, int64_t bytes) {
  struct Zeros {
    int64_t size, left;
  };
  auto* state = new Zeros{bytes, bytes};
  zip_source_callback produce = [](void* user, void* data, zip_uint64_t len,
                                   zip_source_cmd_t cmd) -> zip_int64_t {
    auto* zeros = static_cast<Zeros*>(user);
    switch (cmd) {
      case ZIP_SOURCE_OPEN:
        zeros->left = zeros->size;
        return 0;
      case ZIP_SOURCE_READ: {
        const auto n = static_cast<zip_int64_t>(std::min<zip_uint64_t>(len, zeros->left));
        std::memset(data, 0, static_cast<size_t>(n));
        zeros->left -= n;
        return n;
      }
      case ZIP_SOURCE_CLOSE:
        return 0;
      case ZIP_SOURCE_STAT: {
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = static_cast<zip_uint64_t>(zeros->size);
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_FREE:
        delete zeros;
        return 0;
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
      default:
        return -1;
    }
  };
  zip_source_t* src = zip_source_function(z, produce, state);
  if (src == nullptr || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) {
    zip_source_free(src);
    throw std::runtime_error("cannot add " + name);
  }
}

// Writes a zip holding `entries` and, for each of `zeros` (name -> size), that many zero bytes.
inline void WriteZipWithZeros(const std::filesystem::path& path,
                              const std::map<std::string, std::string>& entries,
                              const std::map<std::string, int64_t>& zeros) {
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
  for (const auto& [name, bytes] : zeros) AddZeros(z, name, bytes);
  if (zip_close(z) != 0) throw std::runtime_error("cannot write " + path.string());
}

// Writes a zip holding `entries` (name -> bytes).
inline void WriteZip(const std::filesystem::path& path,
                     const std::map<std::string, std::string>& entries) {
  WriteZipWithZeros(path, entries, {});
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
