#include "scenecraft/assets/zip_reader.h"

#include <unistd.h>
#include <zip.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/paths.h"

namespace scenecraft {
namespace fs = std::filesystem;

std::string DescribeBytes(int64_t bytes) {
  if (bytes >= (int64_t{1} << 20) && bytes % (int64_t{1} << 20) == 0) {
    return std::to_string(bytes >> 20) + " MiB";
  }
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

ZipReader::ZipReader(const fs::path& file, const ZipLimits& limits) : file_(file), limits_(limits) {
  int error_code = 0;
  zip_ = zip_open(file.c_str(), ZIP_RDONLY, &error_code);
  if (zip_ == nullptr) {
    zip_error_t error;
    zip_error_init_with_code(&error, error_code);
    const std::string message = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw Error(file.string() + ": not a readable Sweet Home 3D library (" + message + ")");
  }
  const zip_int64_t entries = zip_get_num_entries(zip_, 0);
  if (entries > limits_.max_entries) {
    zip_discard(zip_);
    zip_ = nullptr;
    throw Error(file.string() + ": library refused: it has " + std::to_string(entries) +
                " entries, more than the limit of " + std::to_string(limits_.max_entries));
  }
}

ZipReader::~ZipReader() {
  if (zip_ != nullptr) zip_discard(zip_);
}

bool ZipReader::Has(const std::string& name) const {
  return zip_name_locate(zip_, name.c_str(), 0) >= 0;
}

int64_t ZipReader::DeclaredSize(const std::string& name) const {
  const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
  if (index < 0) return -1;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) != 0 ||
      (st.valid & ZIP_STAT_SIZE) == 0) {
    return -1;
  }
  return static_cast<int64_t>(st.size);
}

template <typename Sink>
bool ZipReader::Stream(const std::string& name, int64_t max_bytes, Sink&& sink) {
  const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
  if (index < 0) return false;
  if (max_bytes < 0) max_bytes = limits_.max_entry_bytes;
  const std::string where = file_.string() + ": entry " + QuoteForMessage(name);
  zip_file_t* f = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (f == nullptr) throw Error(where + " cannot be opened (" + zip_strerror(zip_) + ")");
  std::vector<char> chunk(64 * 1024);
  int64_t got = 0;
  for (;;) {
    const zip_int64_t n = zip_fread(f, chunk.data(), chunk.size());
    if (n < 0) {
      const std::string message = zip_file_strerror(f);
      zip_fclose(f);
      throw Error(where + " is damaged (" + message + ")");
    }
    if (n == 0) break;
    got += n;
    expanded_ += n;
    if (got > max_bytes || expanded_ > limits_.max_total_bytes) {
      zip_fclose(f);
      throw Error(where + " refused: " +
                  (got > max_bytes ? "it expands to more than " + DescribeBytes(max_bytes)
                                   : "the model's files expand to more than " +
                                         DescribeBytes(limits_.max_total_bytes)) +
                  " (a damaged library or a zip bomb)");
    }
    sink(chunk.data(), static_cast<size_t>(n));
  }
  zip_fclose(f);
  return true;
}

std::optional<std::string> ZipReader::Read(const std::string& name, int64_t max_bytes) {
  std::string data;
  if (!Stream(name, max_bytes, [&](const char* p, size_t n) { data.append(p, n); })) {
    return std::nullopt;
  }
  return data;
}

bool ZipReader::CopyTo(const std::string& name, const fs::path& target) {
  if (!Has(name)) return false;
  EnsureDirectory(target.parent_path());
  fs::path temp = target;
  temp += ".tmp." + std::to_string(::getpid());
  std::FILE* out = std::fopen(temp.c_str(), "wb");
  if (out == nullptr) {
    throw Error("cannot write '" + temp.string() + "': " + std::strerror(errno));
  }
  bool written = true;
  try {
    Stream(name, -1,
           [&](const char* p, size_t n) { written = written && std::fwrite(p, 1, n, out) == n; });
  } catch (...) {
    std::fclose(out);
    std::error_code ignored;
    fs::remove(temp, ignored);
    throw;
  }
  written = std::fclose(out) == 0 && written;
  std::error_code ec;
  if (written) fs::rename(temp, target, ec);
  if (!written || ec) {
    fs::remove(temp, ec);
    throw Error("cannot write '" + target.string() + "'");
  }
  return true;
}

}  // namespace scenecraft
