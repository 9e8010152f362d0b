// The part of JSON Schema that the MCP server's tool input schemas use, and a validator for it:
// the arguments of every tools/call are checked against the tool's own inputSchema before the
// tool runs. Supported keywords: type (object, string, integer, number, boolean, array),
// properties, required, additionalProperties (false), items, enum, minimum, maximum, minLength,
// maxLength, pattern, minItems, maxItems, description, default. A schema that uses any other
// keyword is a bug of the tool table (tools are declared in code), caught by a unit test.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace scenecraft {

// One way a value breaks its schema: where (a JSON pointer into the value, "" for the root) and
// what ("expected an integer, found a string").
struct SchemaProblem {
  std::string pointer;
  std::string message;
  std::string ToString() const;
};

// Every problem of `value` against `schema` (empty: the value is valid). Strings are measured in
// Unicode code points, as JSON Schema says.
std::vector<SchemaProblem> ValidateJsonSchema(const nlohmann::json& schema,
                                              const nlohmann::json& value);

// Whether `schema` uses only the keywords above, with values of the right kinds; the problems
// name the pointer into the schema.
std::vector<SchemaProblem> CheckSupportedSchema(const nlohmann::json& schema);

}  // namespace scenecraft
