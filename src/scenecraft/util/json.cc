#include "scenecraft/util/json.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

namespace {

// "line:column" of a byte offset in a text.
std::string LineColumn(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t line = 1, column = 1;
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// nlohmann's message without its "[json.exception.parse_error.101] " prefix, shortened (its
// "last read" part may quote a whole huge token) and with control characters escaped.
std::string ShortMessage(const std::string& what) {
  std::string out = what;
  if (StartsWith(out, "[json.exception.")) {
    const size_t space = out.find("] ");
    if (space != std::string::npos) out = out.substr(space + 2);
  }
  if (StartsWith(out, "parse error at ")) {
    const size_t colon = out.find(": ");
    if (colon != std::string::npos) out = out.substr(colon + 2);
  }
  return EscapeControls(Excerpt(out, 300), /*keep_newlines=*/false);
}

}  // namespace

nlohmann::json ParseJson(std::string_view text, std::string_view origin) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(std::string(origin) + ":" + LineColumn(text, e.byte > 0 ? e.byte - 1 : 0) +
                ": invalid JSON: " + ShortMessage(e.what()));
  } catch (const nlohmann::json::exception& e) {
    // A number too large for a double ("number overflow parsing '1e400'") comes as out_of_range
    // without a position; find the number's text to name its place.
    std::string where;
    const std::string what = e.what();
    const size_t open = what.find('\'');
    const size_t close = what.rfind('\'');
    if (open != std::string::npos && close > open + 1) {
      const size_t at = text.find(what.substr(open + 1, close - open - 1));
      if (at != std::string_view::npos) where = ":" + LineColumn(text, at);
    }
    throw Error(std::string(origin) + where + ": invalid JSON: " + ShortMessage(what) +
                " (numbers must fit a double)");
  }
}

std::optional<int64_t> JsonInteger(const nlohmann::json& value, const std::string& pointer,
                                   int64_t min, int64_t max, JsonProblems* problems) {
  const std::string expected =
      "expected an integer from " + std::to_string(min) + " to " + std::to_string(max);
  if (value.is_number_integer() && !value.is_number_unsigned()) {
    const int64_t v = value.get<int64_t>();
    if (v >= min && v <= max) return v;
    problems->Add(pointer, expected + ", found " + std::to_string(v));
    return std::nullopt;
  }
  if (value.is_number_unsigned()) {
    const uint64_t v = value.get<uint64_t>();
    if (max >= 0 && v <= static_cast<uint64_t>(max) && static_cast<int64_t>(v) >= min) {
      return static_cast<int64_t>(v);
    }
    problems->Add(pointer, expected + ", found " + std::to_string(v));
    return std::nullopt;
  }
  if (value.is_number_float()) {
    const double d = value.get<double>();
    // Compared as doubles before any conversion: a cast of 1e20 to int64 is undefined.
    if (std::isfinite(d) && d == std::floor(d) && d >= static_cast<double>(min) &&
        d <= static_cast<double>(max)) {
      return static_cast<int64_t>(d);
    }
    problems->Add(pointer, expected + ", found " + value.dump());
    return std::nullopt;
  }
  problems->Add(pointer, expected + ", found " + JsonTypeName(value));
  return std::nullopt;
}

std::string JsonPointerAppend(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string JsonPointerAppend(std::string_view pointer, size_t index) {
  return std::string(pointer) + "/" + std::to_string(index);
}

bool JsonProblems::Has(std::string_view pointer) const {
  for (const Problem& p : problems_) {
    if (p.pointer == pointer) return true;
  }
  return false;
}

void JsonProblems::Add(std::string pointer, std::string message) {
  if (problems_.size() >= kMaxProblems) {
    ++dropped_;
    return;
  }
  // Pointers and messages may quote outside text (keys, values): short and without controls.
  problems_.push_back({EscapeControls(Excerpt(pointer, 200), /*keep_newlines=*/false),
                       EscapeControls(Excerpt(message, kMaxMessageBytes), false)});
}

std::string JsonProblems::ToString(std::string_view origin) const {
  std::string out;
  for (const Problem& p : problems_) {
    if (!out.empty()) out += '\n';
    out += std::string(origin) + ": " + (p.pointer.empty() ? "/" : p.pointer) + ": " + p.message;
  }
  if (dropped_ > 0) {
    out += "\n" + std::string(origin) + ": ... and " + std::to_string(dropped_) + " more";
  }
  return out;
}

void JsonProblems::ThrowIfAny(std::string_view origin) const {
  if (problems_.empty()) return;
  std::string header = std::to_string(size()) + (size() == 1 ? " problem" : " problems") + " in " +
                       std::string(origin) + ":\n";
  throw Error(header + ToString(origin));
}

std::string JsonTypeName(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return "a number";
    case nlohmann::json::value_t::binary:
      return "binary data";
    case nlohmann::json::value_t::discarded:
      return "nothing";
  }
  return "?";
}

JsonObjectReader::JsonObjectReader(const nlohmann::json& value, std::string pointer,
                                   JsonProblems* problems)
    : pointer_(std::move(pointer)), problems_(problems) {
  if (value.is_object()) {
    object_ = &value;
  } else {
    problems_->Add(pointer_, "expected an object, found " + JsonTypeName(value));
  }
}

bool JsonObjectReader::Has(std::string_view key) const {
  return object_ != nullptr && object_->contains(key);
}

const nlohmann::json* JsonObjectReader::Get(std::string_view key, bool required) {
  if (object_ == nullptr) return nullptr;
  read_.emplace_back(key);
  auto it = object_->find(key);
  if (it == object_->end()) {
    if (required) problems_->Add(PointerTo(key), "missing required member");
    return nullptr;
  }
  return &*it;
}

void JsonObjectReader::AddProblem(std::string_view key, std::string message) {
  problems_->Add(PointerTo(key), std::move(message));
}

std::optional<std::string> JsonObjectReader::String(std::string_view key, bool required) {
  const nlohmann::json* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    AddProblem(key, "expected a string, found " + JsonTypeName(*v));
    return std::nullopt;
  }
  return v->get<std::string>();
}

std::optional<double> JsonObjectReader::Number(std::string_view key, bool required) {
  const nlohmann::json* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    AddProblem(key, "expected a number, found " + JsonTypeName(*v));
    return std::nullopt;
  }
  const double d = v->get<double>();
  if (!std::isfinite(d)) {
    AddProblem(key, "expected a finite number");
    return std::nullopt;
  }
  return d;
}

std::optional<int64_t> JsonObjectReader::Integer(std::string_view key, int64_t min, int64_t max,
                                                 bool required) {
  const nlohmann::json* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  return JsonInteger(*v, PointerTo(key), min, max, problems_);
}

std::optional<bool> JsonObjectReader::Bool(std::string_view key, bool required) {
  const nlohmann::json* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_boolean()) {
    AddProblem(key, "expected true or false, found " + JsonTypeName(*v));
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<std::vector<double>> JsonObjectReader::NumberArray(std::string_view key,
                                                                 size_t length, bool required) {
  const nlohmann::json* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_array() || v->size() != length) {
    AddProblem(key,
               "expected an array of " + std::to_string(length) + " numbers, found " +
                   (v->is_array() ? "an array of " + std::to_string(v->size()) : JsonTypeName(*v)));
    return std::nullopt;
  }
  std::vector<double> out;
  for (size_t i = 0; i < v->size(); ++i) {
    const nlohmann::json& e = (*v)[i];
    if (!e.is_number() || !std::isfinite(e.get<double>())) {
      problems_->Add(JsonPointerAppend(PointerTo(key), i),
                     "expected a finite number, found " + JsonTypeName(e));
      return std::nullopt;
    }
    out.push_back(e.get<double>());
  }
  return out;
}

std::optional<std::vector<std::string>> JsonObjectReader::StringArray(std::string_view key,
                                                                      bool required) {
  const nlohmann::json* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_array()) {
    AddProblem(key, "expected an array of strings, found " + JsonTypeName(*v));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (size_t i = 0; i < v->size(); ++i) {
    const nlohmann::json& e = (*v)[i];
    if (!e.is_string()) {
      problems_->Add(JsonPointerAppend(PointerTo(key), i),
                     "expected a string, found " + JsonTypeName(e));
      ok = false;
      continue;
    }
    out.push_back(e.get<std::string>());
  }
  if (!ok) return std::nullopt;
  return out;
}

void JsonObjectReader::Finish() {
  if (object_ == nullptr) return;
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    if (std::find(read_.begin(), read_.end(), it.key()) == read_.end()) {
      problems_->Add(PointerTo(it.key()), "unknown member '" + it.key() + "'");
    }
  }
}

}  // namespace scenecraft
