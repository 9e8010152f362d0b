// File helpers. Outputs are written atomically so a failure never leaves half a file behind
// (ARCHITECTURE.md section 9: nothing the user made is lost).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace scenecraft {

// Reads a whole file; throws Error naming the path when it cannot.
std::string ReadFile(const std::filesystem::path& path);

// Writes `contents` to a temporary file beside `path`, then renames it over `path`.
// Creates missing parent directories. Throws Error naming the path on failure.
void WriteFileAtomic(const std::filesystem::path& path, std::string_view contents);

// Creates a directory and its parents; throws Error naming the path on failure.
void EnsureDirectory(const std::filesystem::path& path);

// The last `max_lines` lines of a text (for log tails in error messages).
std::string TailLines(std::string_view text, int max_lines);

}  // namespace scenecraft
