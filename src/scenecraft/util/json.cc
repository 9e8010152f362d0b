#include "scenecraft/util/json.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/util/error.h"

namespace scenecraft {

nlohmann::json ParseJson(std::string_view text, std::string_view origin) {
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // Turn the byte offset into line:column for the message.
    const size_t offset = std::min<size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
    size_t line = 1, column = 1;
    for (size_t i = 0; i < offset; ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    std::string what = e.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at line ..."
    const size_t colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    throw Error(std::string(origin) + ":" + std::to_string(line) + ":" + std::to_string(column) +
                ": invalid JSON: " + what);
  }
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
  problems_.push_back({std::move(pointer), std::move(message)});
}

std::string JsonProblems::ToString(std::string_view origin) const {
  std::string out;
  for (const Problem& p : problems_) {
    if (!out.empty()) out += '\n';
    out += std::string(origin) + ": " + (p.pointer.empty() ? "/" : p.pointer) + ": " + p.message;
  }
  return out;
}

void JsonProblems::ThrowIfAny(std::string_view origin) const {
  if (problems_.empty()) return;
  std::string header = std::to_string(problems_.size()) +
                       (problems_.size() == 1 ? " problem" : " problems") + " in " +
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
