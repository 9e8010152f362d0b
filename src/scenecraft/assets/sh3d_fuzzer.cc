// libFuzzer target for the Sweet Home 3D library reader (issue 11): the catalog, the zip reader
// and model extraction. An input is a library in one of two forms, chosen by its first byte:
//  - odd: the rest is the .sh3f file itself (raw zip bytes);
//  - even: the rest is "catalog text \0 name \0 bytes \0 name \0 bytes ...", packed into a zip
//    here, so names and catalogs are fuzzed without the zip format in the way.
// Every model of the catalog is then extracted into a scratch cache. The reader may refuse a
// library with scenecraft::Error; anything else (a crash, another exception, a sanitizer report)
// is a finding, and so is a file written outside the cache.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "scenecraft/assets/sh3d_catalog.h"
#include "scenecraft/assets/test_zip.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/paths.h"

namespace fs = std::filesystem;

namespace {

// A deep scratch folder, so a name climbing out of the cache with ".." lands inside `Scratch()`
// where the check below sees it.
const fs::path& Scratch() {
  static const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_sh3d_fuzz_" + std::to_string(::getpid()));
  return dir;
}

std::map<std::string, std::string> Unpack(std::string_view packed) {
  std::map<std::string, std::string> entries;
  std::vector<std::string> parts(1);
  for (char c : packed) {
    if (c == '\0') {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  entries["PluginFurnitureCatalog.properties"] = parts[0];
  for (size_t i = 1; i + 1 < parts.size(); i += 2) entries[parts[i]] = parts[i + 1];
  return entries;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const fs::path work = Scratch() / "a" / "b" / "c" / "d" / "e" / "f";
  const fs::path library = work / "lib.sh3f";
  const fs::path cache = work / "cache";
  fs::remove_all(Scratch());
  fs::create_directories(work);
  try {
    if (data[0] & 1) {
      scenecraft::WriteFileAtomic(library, rest);
    } else {
      scenecraft::testing::WriteZip(library, Unpack(rest));
    }
  } catch (const std::exception&) {
    return 0;  // libzip refuses some names when writing; not the reader's business
  }
  scenecraft::ZipLimits limits;
  limits.max_entry_bytes = 8 << 20;  // keeps each run fast; the checks are the same
  limits.max_total_bytes = 16 << 20;
  try {
    const scenecraft::Sh3dCatalog catalog = scenecraft::ReadSh3dCatalog(library, limits);
    int extracted = 0;
    for (const scenecraft::Sh3dEntry& e : catalog.entries) {
      if (++extracted > 8) break;  // a few models show the paths; more only slow a run down
      try {
        const scenecraft::ExtractedModel m =
            scenecraft::ExtractSh3dModel(library, e.model, cache, limits);
        if (!scenecraft::IsInside(cache, m.model)) __builtin_trap();
        for (const std::string& written : m.extracted) {
          if (scenecraft::NormalizeReference("", written) != written) __builtin_trap();
        }
      } catch (const scenecraft::Error&) {
        // A refused model is an expected outcome.
      }
    }
  } catch (const scenecraft::Error&) {
    // A refused library is an expected outcome.
  }
  // Nothing but the library and the cache may exist in the scratch folder.
  for (const auto& entry : fs::recursive_directory_iterator(Scratch())) {
    const fs::path& p = entry.path();
    if (entry.is_directory() || p == library) continue;
    if (!scenecraft::IsInside(cache, p)) __builtin_trap();
  }
  return 0;
}
