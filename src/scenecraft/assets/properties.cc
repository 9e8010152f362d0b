#include "scenecraft/assets/properties.h"

#include <cstdlib>
#include <vector>

#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    if (c < 0x80) {
      extra = 0;
    } else if ((c & 0xE0) == 0xC0 && c >= 0xC2) {
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
    } else if ((c & 0xF8) == 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    for (int k = 1; k <= extra; ++k) {
      if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsBlank(char c) {
  return c == ' ' || c == '\t' || c == '\f';
}

// One logical line: physical lines joined where a line ends in an odd number of backslashes.
struct LogicalLine {
  std::string text;
  int line = 0;
};

std::vector<LogicalLine> LogicalLines(std::string_view text) {
  // Physical lines end at \n, \r or \r\n.
  std::vector<std::string_view> physical_lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    physical_lines.push_back(text.substr(pos, end - pos));
    pos = end;
    if (pos < text.size() && text[pos] == '\r') {
      ++pos;
      if (pos < text.size() && text[pos] == '\n') ++pos;
    } else if (pos < text.size()) {
      ++pos;  // \n
    }
  }
  std::vector<LogicalLine> out;
  LogicalLine current;
  bool continuing = false;
  for (size_t n = 0; n < physical_lines.size(); ++n) {
    std::string_view physical = physical_lines[n];
    // Leading blanks are dropped on every physical line (also on continuations).
    while (!physical.empty() && IsBlank(physical.front())) physical.remove_prefix(1);
    if (!continuing) {
      current = LogicalLine{"", static_cast<int>(n) + 1};
      if (physical.empty() || physical[0] == '#' || physical[0] == '!') continue;
    }
    size_t backslashes = 0;
    while (backslashes < physical.size() && physical[physical.size() - 1 - backslashes] == '\\') {
      ++backslashes;
    }
    continuing = backslashes % 2 == 1;
    if (continuing) physical.remove_suffix(1);
    current.text += physical;
    if (!continuing) out.push_back(current);
  }
  if (continuing) out.push_back(current);
  return out;
}

// Resolves escapes of a key or value.
std::string Unescape(std::string_view s, const std::string& where) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\' || i + 1 >= s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char c = s[++i];
    switch (c) {
      case 't':
        out.push_back('\t');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'u': {
        if (i + 4 >= s.size()) {
          throw Error(where + ": malformed \\u escape (needs four hex digits)");
        }
        uint32_t cp = 0;
        for (int k = 1; k <= 4; ++k) {
          const char h = s[i + k];
          cp <<= 4;
          if (h >= '0' && h <= '9') {
            cp |= static_cast<uint32_t>(h - '0');
          } else if (h >= 'a' && h <= 'f') {
            cp |= static_cast<uint32_t>(h - 'a' + 10);
          } else if (h >= 'A' && h <= 'F') {
            cp |= static_cast<uint32_t>(h - 'A' + 10);
          } else {
            throw Error(where + ": malformed \\u escape (needs four hex digits)");
          }
        }
        i += 4;
        // A UTF-16 surrogate pair written as two escapes.
        if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < s.size() && s.substr(i + 1, 2) == "\\u") {
          const std::string low_hex(s.substr(i + 3, 4));
          char* end = nullptr;
          const uint32_t low = static_cast<uint32_t>(std::strtoul(low_hex.c_str(), &end, 16));
          if (end == low_hex.c_str() + 4 && low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        AppendUtf8(cp, &out);
        break;
      }
      default:
        out.push_back(c);  // \\, \=, \:, \#, \! and any other character stand for themselves
    }
  }
  return out;
}

}  // namespace

std::string Latin1ToUtf8IfNeeded(std::string_view text) {
  if (IsValidUtf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) AppendUtf8(static_cast<unsigned char>(c), &out);
  return out;
}

Properties Properties::Parse(std::string_view raw, const std::string& origin) {
  Properties p;
  p.origin_ = origin;
  const std::string text = Latin1ToUtf8IfNeeded(raw);
  for (const LogicalLine& l : LogicalLines(text)) {
    const std::string& s = l.text;
    // The key ends at the first unescaped '=', ':' or blank.
    size_t i = 0;
    while (i < s.size()) {
      if (s[i] == '\\') {
        i += 2;
        continue;
      }
      if (s[i] == '=' || s[i] == ':' || IsBlank(s[i])) break;
      ++i;
    }
    const size_t key_end = std::min(i, s.size());
    // Blanks, then at most one '=' or ':', then blanks separate the key from the value.
    while (i < s.size() && IsBlank(s[i])) ++i;
    if (i < s.size() && (s[i] == '=' || s[i] == ':')) ++i;
    while (i < s.size() && IsBlank(s[i])) ++i;
    const std::string where = origin + ":" + std::to_string(l.line);
    std::string key = Unescape(std::string_view(s).substr(0, key_end), where);
    std::string value = Unescape(std::string_view(s).substr(std::min(i, s.size())), where);
    p.entries_[key] = PropertyValue{std::move(value), l.line};  // later entries win, as in Java
  }
  return p;
}

const PropertyValue* Properties::Find(const std::string& key) const {
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : &it->second;
}

std::string Properties::Get(const std::string& key, const std::string& fallback) const {
  const PropertyValue* v = Find(key);
  return v == nullptr ? fallback : v->value;
}

double Properties::GetNumber(const std::string& key, double fallback) const {
  const PropertyValue* v = Find(key);
  if (v == nullptr || v->value.empty()) return fallback;
  char* end = nullptr;
  const double d = std::strtod(v->value.c_str(), &end);
  if (end == v->value.c_str() || *end != '\0') {
    throw Error(origin_ + ":" + std::to_string(v->line) + ": " + key + " is not a number: '" +
                v->value + "'");
  }
  return d;
}

}  // namespace scenecraft
