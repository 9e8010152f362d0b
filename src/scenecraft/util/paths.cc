#include "scenecraft/util/paths.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "scenecraft/util/error.h"

namespace scenecraft {
namespace fs = std::filesystem;

std::string QuoteForMessage(std::string_view text, size_t max_chars) {
  static const char* kHex = "0123456789abcdef";
  std::string out = "'";
  size_t shown = 0;
  for (char c : text) {
    if (shown == max_chars) {
      out += "...";
      break;
    }
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '\'' || c == '\\') {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
    ++shown;
  }
  return out + "'";
}

namespace {

[[noreturn]] void Refuse(std::string_view reference, const std::string& why) {
  throw Error("refused file name " + QuoteForMessage(reference) + ": " + why);
}

// The '/'-separated parts of a name, backslashes read as separators.
std::vector<std::string> Parts(std::string_view name) {
  std::vector<std::string> parts(1);
  for (char c : name) {
    if (c == '/' || c == '\\') {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

}  // namespace

std::string NormalizeReference(std::string_view base, std::string_view reference) {
  if (reference.empty()) Refuse(reference, "it is empty");
  for (char c : reference) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) Refuse(reference, "it holds a control byte");
  }
  if (reference[0] == '/' || reference[0] == '\\') Refuse(reference, "it is an absolute path");
  if (reference.size() >= 2 && reference[1] == ':') {
    Refuse(reference, "it is an absolute path (drive letter)");
  }
  std::vector<std::string> kept;
  for (const std::string_view whole : {base, reference}) {
    if (whole.empty()) continue;
    for (const std::string& part : Parts(whole)) {
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (kept.empty()) Refuse(reference, "it leads out of its folder with '..'");
        kept.pop_back();
        continue;
      }
      kept.push_back(part);
    }
  }
  if (kept.empty()) Refuse(reference, "it names the folder itself, not a file");
  std::string out;
  for (const std::string& part : kept) out += (out.empty() ? "" : "/") + part;
  return out;
}

bool IsInside(const fs::path& root, const fs::path& path) {
  std::error_code ec;
  const fs::path real_root = fs::weakly_canonical(root, ec);
  if (ec) return false;
  const fs::path real = fs::weakly_canonical(path, ec);
  if (ec) return false;
  auto r = real_root.begin();
  auto p = real.begin();
  for (; r != real_root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator of the root
    if (p == real.end() || *p != *r) return false;
  }
  return true;
}

fs::path ResolveInside(const fs::path& root, std::string_view base, std::string_view reference) {
  const fs::path path = root / NormalizeReference(base, reference);
  if (!IsInside(root, path)) Refuse(reference, "a symlink leads it out of its folder");
  return path;
}

void EnsurePrivateDirectory(const fs::path& dir) {
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    throw Error("cannot create the private folder '" + dir.string() + "': " + std::strerror(errno));
  }
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0) {
    throw Error("cannot inspect '" + dir.string() + "': " + std::strerror(errno));
  }
  const std::string refuse = "refusing to use '" + dir.string() + "' as a private folder: ";
  if (S_ISLNK(st.st_mode)) throw Error(refuse + "it is a symlink");
  if (!S_ISDIR(st.st_mode)) throw Error(refuse + "it is not a folder");
  if (st.st_uid != ::geteuid()) {
    throw Error(refuse + "it belongs to user id " + std::to_string(st.st_uid) + ", not to you (" +
                std::to_string(::geteuid()) + ")");
  }
  if ((st.st_mode & 077) != 0) throw Error(refuse + "other users can access it (mode is not 0700)");
}

}  // namespace scenecraft
