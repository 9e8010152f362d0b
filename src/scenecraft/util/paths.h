// The one check for every file that data names (issue 11): a model path inside a furniture
// library, a texture of an MTL file, a glTF buffer, a sidecar. Such a name is data written by
// someone else, so before a file is read or written under it, it must be shown to stay inside the
// folder it belongs to.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace scenecraft {

// `reference` (a file name as a library or model file writes it) taken relative to the folder
// `base` and made canonical ("a/b/../c" -> "a/c"); backslashes count as separators. Both are
// relative to one root folder. Throws Error saying why when the name is empty, absolute (also
// "//server/x" and "C:/x"), holds a NUL or another control byte, or climbs out of the root with
// "..". The message quotes the name with odd bytes escaped, never a file's contents.
std::string NormalizeReference(std::string_view base, std::string_view reference);

// root / NormalizeReference(base, reference), after checking on disk that the part of that path
// which exists does not lead out of `root` through a symlink. Throws Error saying why.
std::filesystem::path ResolveInside(const std::filesystem::path& root, std::string_view base,
                                    std::string_view reference);

// True when `path` lies inside `root` (or is it) once both are resolved on disk (symlinks
// followed as far as the path exists).
bool IsInside(const std::filesystem::path& root, const std::filesystem::path& path);

// `text` fit to quote in a message: control bytes and other odd bytes escaped as \xNN, and cut to
// `max_chars` with "...".
std::string QuoteForMessage(std::string_view text, size_t max_chars = 120);

// Makes `dir` a folder only the current user can use: creates it with mode 0700 when missing,
// else checks that it is a real folder (not a symlink), owned by the current user, and neither
// group- nor world-accessible. Throws Error saying what is wrong otherwise (someone else may have
// created it first to redirect the writes).
void EnsurePrivateDirectory(const std::filesystem::path& dir);

}  // namespace scenecraft
