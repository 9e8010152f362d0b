// Strict JSON reading on top of nlohmann::json (STYLE.md rule 4): every problem of one document
// is collected with its JSON pointer and reported together, and keys nobody read are errors.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scenecraft {

// Parses JSON text; throws Error with "origin:line:column: message" on a syntax error and on a
// number that does not fit a double (1e400). Never throws anything but Error.
nlohmann::json ParseJson(std::string_view text, std::string_view origin);

// Appends one token to a JSON pointer, escaping '~' and '/' as RFC 6901 requires.
std::string JsonPointerAppend(std::string_view pointer, std::string_view token);
std::string JsonPointerAppend(std::string_view pointer, size_t index);

class JsonProblems;

// The one JSON number policy: every integer read from any JSON (scene files, LLM replies and
// configs, sidecars, readbacks) goes through this check. A value that is not a number, not
// integral (2.5), not finite, or outside [min, max] is a problem at `pointer` ("expected an
// integer from 0 to 1000, found 1e+20"), never a silent wrap or an abort.
std::optional<int64_t> JsonInteger(const nlohmann::json& value, const std::string& pointer,
                                   int64_t min, int64_t max, JsonProblems* problems);

// Problems found while reading one document. Messages quote outside text in excerpts, and at
// most kMaxProblems problems are kept (the rest are counted), so that a huge hostile document
// gives a short report.
class JsonProblems {
 public:
  static constexpr size_t kMaxProblems = 100;
  static constexpr size_t kMaxMessageBytes = 400;

  struct Problem {
    std::string pointer;  // RFC 6901 pointer, "" is the document root
    std::string message;
  };

  void Add(std::string pointer, std::string message);
  bool empty() const { return problems_.empty(); }
  // Every problem added, also those beyond kMaxProblems that were only counted.
  size_t size() const { return problems_.size() + dropped_; }
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
  size_t dropped_ = 0;
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
  // An integer in [min, max] (see JsonInteger).
  std::optional<int64_t> Integer(std::string_view key, int64_t min, int64_t max,
                                 bool required = false);
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
