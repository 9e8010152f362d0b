// Small string helpers that the standard library lacks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scenecraft {

std::string ToLower(std::string_view text);
std::string_view Trim(std::string_view text);
std::vector<std::string> Split(std::string_view text, char separator);
std::string Join(const std::vector<std::string>& parts, std::string_view separator);
// The lower-case ASCII words of a text: runs of letters and digits, and of the characters in
// `also` ("'" keeps "child's" one word); everything else separates words.
std::vector<std::string> LowerWords(std::string_view text, std::string_view also = "");
bool StartsWith(std::string_view text, std::string_view prefix);
bool EndsWith(std::string_view text, std::string_view suffix);
// Whether `words` holds `word`.
bool Contains(const std::vector<std::string>& words, std::string_view word);
// Replaces every occurrence of `from` (non-empty) by `to`.
std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to);
// Formats a number with at most `digits` decimals and no trailing zeros ("0.5", "12").
std::string FormatNumber(double value, int digits = 3);

// At most `max_bytes` of a text (cut at a UTF-8 character boundary) with "..." and the full
// length when it was longer, for quoting outside text (a model reply, a file's key) in messages:
// a 100 MB reply must not be copied into every warning.
std::string Excerpt(std::string_view text, size_t max_bytes = 200);

// Whether a code point is a terminal or layout control: C0 controls other than tab and newline,
// DEL, C1 controls (U+0080..U+009F), and the bidirectional overrides, embeddings and isolates
// (U+202A..U+202E, U+2066..U+2069) that reorder how text is shown.
bool IsControlCodePoint(char32_t code_point);
// The first control code point in a UTF-8 text (see IsControlCodePoint), as "U+XXXX", or ""
// when there is none. Invalid UTF-8 bytes count as controls ("byte 0xNN").
std::string FindControlCharacter(std::string_view text);
// The text with every control code point (and every invalid UTF-8 byte) replaced by a visible
// escape such as "\x1b" or "<U+202E>": safe to write to a terminal or into HTML. Tab and newline
// are kept unless `keep_newlines` is false (then they become "\t" and "\n").
std::string EscapeControls(std::string_view text, bool keep_newlines = true);
// The text with every invalid UTF-8 byte, every control code point (see IsControlCodePoint) and
// every tab and newline replaced by one space: text that is safe to read word by word.
std::string SpaceOutControls(std::string_view text);

}  // namespace scenecraft
