#include "scenecraft/mcp/json_schema.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "scenecraft/util/json.h"

namespace scenecraft {
namespace {

using nlohmann::json;

// The JSON type of a value in JSON Schema's words (an integral number is an "integer").
std::string TypeName(const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      return "object";
    case json::value_t::array:
      return "array";
    case json::value_t::string:
      return "string";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::null:
      return "null";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float: {
      const double d = value.get<double>();
      return d == static_cast<double>(static_cast<long long>(d)) ? "integer" : "number";
    }
    default:
      return "value";
  }
}

bool HasType(const json& value, const std::string& type) {
  const std::string actual = TypeName(value);
  return actual == type || (type == "number" && actual == "integer");
}

// Code points of UTF-8 text (continuation bytes are not counted).
size_t CodePoints(const std::string& text) {
  size_t n = 0;
  for (const unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string Shown(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

void Validate(const json& schema, const json& value, const std::string& pointer,
              std::vector<SchemaProblem>* problems) {
  auto problem = [&](const std::string& message) { problems->push_back({pointer, message}); };
  // Type first: the other keywords only apply to values of their type.
  if (schema.contains("type")) {
    const std::string type = schema["type"].get<std::string>();
    if (!HasType(value, type)) {
      problem("expected " + std::string(type == "integer" || type == "array" ? "an " : "a ") +
              type + ", found " + TypeName(value) + " " + Shown(value));
      return;
    }
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const json& option : schema["enum"]) found = found || option == value;
    if (!found) problem("expected one of " + Shown(schema["enum"]) + ", found " + Shown(value));
  }
  if (value.is_number()) {
    const double d = value.get<double>();
    if (schema.contains("minimum") && d < schema["minimum"].get<double>()) {
      problem("must be at least " + schema["minimum"].dump() + ", found " + Shown(value));
    }
    if (schema.contains("maximum") && d > schema["maximum"].get<double>()) {
      problem("must be at most " + schema["maximum"].dump() + ", found " + Shown(value));
    }
  }
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    const size_t length = CodePoints(text);
    if (schema.contains("minLength") && length < schema["minLength"].get<size_t>()) {
      problem("must have at least " + schema["minLength"].dump() + " characters");
    }
    if (schema.contains("maxLength") && length > schema["maxLength"].get<size_t>()) {
      problem("must have at most " + schema["maxLength"].dump() + " characters, found " +
              std::to_string(length));
    }
    if (schema.contains("pattern")) {
      const std::string pattern = schema["pattern"].get<std::string>();
      if (!std::regex_search(text, std::regex(pattern, std::regex::ECMAScript))) {
        problem("must match the pattern " + pattern + ", found " + Shown(value));
      }
    }
  }
  if (value.is_array()) {
    if (schema.contains("minItems") && value.size() < schema["minItems"].get<size_t>()) {
      problem("must have at least " + schema["minItems"].dump() + " items");
    }
    if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<size_t>()) {
      problem("must have at most " + schema["maxItems"].dump() + " items");
    }
    if (schema.contains("items")) {
      for (size_t k = 0; k < value.size(); ++k) {
        Validate(schema["items"], value[k], JsonPointerAppend(pointer, k), problems);
      }
    }
  }
  if (value.is_object()) {
    const json properties = schema.value("properties", json::object());
    for (const json& name : schema.value("required", json::array())) {
      if (!value.contains(name.get<std::string>())) {
        problems->push_back(
            {JsonPointerAppend(pointer, name.get<std::string>()), "is required but missing"});
      }
    }
    for (const auto& [key, member] : value.items()) {
      if (properties.contains(key)) {
        Validate(properties[key], member, JsonPointerAppend(pointer, key), problems);
      } else if (schema.contains("additionalProperties") &&
                 schema["additionalProperties"] == false) {
        std::string known;
        for (const auto& [name, _] : properties.items())
          known += (known.empty() ? "" : ", ") + name;
        problems->push_back(
            {JsonPointerAppend(pointer, key), "is not a known argument (known: " + known + ")"});
      }
    }
  }
}

void CheckSchema(const json& schema, const std::string& pointer,
                 std::vector<SchemaProblem>* problems) {
  static const std::set<std::string> kKeywords = {
      "type",      "properties",  "required", "additionalProperties",
      "items",     "enum",        "minimum",  "maximum",
      "minLength", "maxLength",   "pattern",  "minItems",
      "maxItems",  "description", "default"};
  static const std::set<std::string> kTypes = {"object", "string",  "integer",
                                               "number", "boolean", "array"};
  if (!schema.is_object()) {
    problems->push_back({pointer, "a schema must be an object"});
    return;
  }
  for (const auto& [key, member] : schema.items()) {
    const std::string where = JsonPointerAppend(pointer, key);
    if (!kKeywords.contains(key)) {
      problems->push_back({where, "unsupported keyword"});
    } else if (key == "type" &&
               (!member.is_string() || !kTypes.contains(member.get<std::string>()))) {
      problems->push_back({where, "unsupported type " + Shown(member)});
    } else if (key == "properties") {
      if (!member.is_object()) {
        problems->push_back({where, "must be an object"});
        continue;
      }
      for (const auto& [name, sub] : member.items()) {
        CheckSchema(sub, JsonPointerAppend(where, name), problems);
      }
    } else if (key == "items") {
      CheckSchema(member, where, problems);
    } else if (key == "required" || key == "enum") {
      if (!member.is_array()) problems->push_back({where, "must be an array"});
    } else if (key == "additionalProperties" && !member.is_boolean()) {
      problems->push_back({where, "must be a boolean"});
    } else if ((key == "minimum" || key == "maximum") && !member.is_number()) {
      problems->push_back({where, "must be a number"});
    } else if ((key == "minLength" || key == "maxLength" || key == "minItems" ||
                key == "maxItems") &&
               !(member.is_number_integer() && member.get<long long>() >= 0)) {
      problems->push_back({where, "must be a non-negative integer"});
    } else if (key == "pattern" || key == "description") {
      if (!member.is_string()) {
        problems->push_back({where, "must be a string"});
      } else if (key == "pattern") {
        try {
          std::regex(member.get<std::string>(), std::regex::ECMAScript);
        } catch (const std::regex_error&) {
          problems->push_back({where, "is not a valid regular expression"});
        }
      }
    }
  }
}

}  // namespace

std::string SchemaProblem::ToString() const {
  return (pointer.empty() ? std::string("(the arguments)") : pointer) + ": " + message;
}

std::vector<SchemaProblem> ValidateJsonSchema(const json& schema, const json& value) {
  std::vector<SchemaProblem> problems;
  Validate(schema, value, "", &problems);
  return problems;
}

std::vector<SchemaProblem> CheckSupportedSchema(const json& schema) {
  std::vector<SchemaProblem> problems;
  CheckSchema(schema, "", &problems);
  return problems;
}

}  // namespace scenecraft
