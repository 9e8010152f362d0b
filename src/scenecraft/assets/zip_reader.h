// Reading the zips of Sweet Home 3D libraries within bounds (issue 11, finding 12): a library is
// data from someone else, and a small zip can expand to gigabytes. Every read is capped per entry
// and per reader, the number of entries is capped, sizes declared in the zip are not trusted, and
// large entries are copied to disk in chunks instead of through memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

struct zip;

namespace scenecraft {

struct ZipLimits {
  int64_t max_entries = 100000;                   // entries in one library (the largest has 1,931)
  int64_t max_entry_bytes = int64_t{128} << 20;   // one entry, uncompressed (largest real: 8.4 MiB)
  int64_t max_total_bytes = int64_t{512} << 20;   // all entries one reader expands (one model)
  int64_t max_catalog_bytes = int64_t{16} << 20;  // PluginFurnitureCatalog.properties
};

class ZipReader {
 public:
  // Opens the zip. Throws Error naming the file when it is not a readable zip or has more entries
  // than the limits allow.
  explicit ZipReader(const std::filesystem::path& file, const ZipLimits& limits = {});
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  bool Has(const std::string& name) const;
  // The size the zip declares for an entry (a hint only: reads do not trust it), -1 when absent.
  int64_t DeclaredSize(const std::string& name) const;
  // The entry's bytes, or nullopt when the zip has no such entry. Throws Error naming the library
  // and the entry when it is damaged or expands beyond `max_bytes` (default: max_entry_bytes) or
  // beyond what is left of max_total_bytes.
  std::optional<std::string> Read(const std::string& name, int64_t max_bytes = -1);
  // Copies the entry to `target` in chunks, through a temporary file renamed at the end (creating
  // parent folders). False when the zip has no such entry; throws Error as Read does.
  bool CopyTo(const std::string& name, const std::filesystem::path& target);

  const std::filesystem::path& file() const { return file_; }
  const ZipLimits& limits() const { return limits_; }

 private:
  // Streams the entry through `sink` (called per chunk); returns false when absent.
  template <typename Sink>
  bool Stream(const std::string& name, int64_t max_bytes, Sink&& sink);

  std::filesystem::path file_;
  ZipLimits limits_;
  zip* zip_ = nullptr;
  int64_t expanded_ = 0;  // bytes expanded so far, against max_total_bytes
};

// "12 MiB", "512 KiB", "100 bytes".
std::string DescribeBytes(int64_t bytes);

}  // namespace scenecraft
