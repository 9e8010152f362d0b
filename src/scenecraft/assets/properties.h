// A reader for Java .properties files (the format of Sweet Home 3D's furniture catalogs):
// `key=value`, `key: value` or `key value`; `#` and `!` comments; a backslash at the end of a line
// continues the value on the next line; \uXXXX, \t, \n, \r, \f escapes. Files are ISO-8859-1 unless
// they are valid UTF-8; the result is always UTF-8.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace scenecraft {

struct PropertyValue {
  std::string value;
  int line = 0;  // 1-based line where the entry starts, for error messages
};

class Properties {
 public:
  // Parses `text`; `origin` names the file in error messages. Throws Error on a malformed \u
  // escape.
  static Properties Parse(std::string_view text, const std::string& origin);

  // The value of `key`, or nullptr.
  const PropertyValue* Find(const std::string& key) const;
  // The value, or `fallback` when absent.
  std::string Get(const std::string& key, const std::string& fallback = "") const;
  // The value as a number; throws Error naming origin:line when it is present but not a number.
  double GetNumber(const std::string& key, double fallback) const;
  const std::map<std::string, PropertyValue>& entries() const { return entries_; }
  const std::string& origin() const { return origin_; }

 private:
  std::string origin_;
  std::map<std::string, PropertyValue> entries_;
};

// ISO-8859-1 bytes to UTF-8, unless `text` already is valid UTF-8 (then it is returned as is).
std::string Latin1ToUtf8IfNeeded(std::string_view text);

}  // namespace scenecraft
