// Strict JSON reading on top of nlohmann::json (STYLE.md rule 4): every problem of one document
// is collected with its JSON pointer and reported together, and keys nobody read are errors.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scenecraft {

// Parses JSON text; throws Error with "origin:line:column: message" on a syntax error.
nlohmann::json ParseJson(std::string_view text, std::string_view origin);

// Appends one token to a JSON pointer, escaping '~' and '/' as RFC 6901 requires.
std::string JsonPointerAppend(std::string_view pointer, std::string_view token);
std::string JsonPointerAppend(std::string_view pointer, size_t index);

// Problems found while reading one document.
class JsonProblems {
 public:
  struct Problem {
    std::string pointer;  // RFC 6901 pointer, "" is the document root
    std::string message;
  };

  void Add(std::string pointer, std::string message);
  bool empty() const { return problems_.empty(); }
  size_t size() const { return problems_.size(); }
  // Whether a problem was already reported at exactly this pointer (so that later checks do not
  // report a consequence of it again).
  bool Has(std::string_view pointer) const;
  const std::vector<Problem>& problems() const { return problems_; }
  // One problem per line: "origin: /objects/1/id: message".
  std::string ToString(std::string_view origin) const;
  // Throws Error listing every problem when there is at least one.
  void ThrowIfAny(std::string_view origin) const;

 private:
  std::vector<Problem> problems_;
};

// Reads the members of one JSON object, remembering which keys were read so that Finish()
// can report the unknown ones. Type mismatches are recorded as problems, and the getters then
// return their fallback, so that reading goes on and all problems are reported at once.
class JsonObjectReader {
 public:
  // `value` must outlive the reader. When it is not an object a problem is recorded and every
  // getter returns its fallback.
  JsonObjectReader(const nlohmann::json& value, std::string pointer, JsonProblems* problems);

  const std::string& pointer() const { return pointer_; }
  bool valid() const { return object_ != nullptr; }
  bool Has(std::string_view key) const;
  // The member, or nullptr when absent (records a problem when `required`). Marks it read.
  const nlohmann::json* Get(std::string_view key, bool required = false);

  std::optional<std::string> String(std::string_view key, bool required = false);
  std::optional<double> Number(std::string_view key, bool required = false);
  std::optional<bool> Bool(std::string_view key, bool required = false);
  // A fixed-length array of numbers (e.g. a size [w, d, h]).
  std::optional<std::vector<double>> NumberArray(std::string_view key, size_t length,
                                                 bool required = false);
  std::optional<std::vector<std::string>> StringArray(std::string_view key, bool required = false);

  std::string PointerTo(std::string_view key) const { return JsonPointerAppend(pointer_, key); }
  void AddProblem(std::string_view key, std::string message);

  // Records a problem for every member that no getter asked for.
  void Finish();

 private:
  const nlohmann::json* object_ = nullptr;
  std::string pointer_;
  JsonProblems* problems_;
  std::vector<std::string> read_;
};

// A short description of a JSON value's type for messages ("a string", "an array").
std::string JsonTypeName(const nlohmann::json& value);

}  // namespace scenecraft
