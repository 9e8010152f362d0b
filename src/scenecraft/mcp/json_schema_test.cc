#include "scenecraft/mcp/json_schema.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenecraft/mcp/tool_declarations.h"

namespace scenecraft {
namespace {

using nlohmann::json;

json Schema() {
  return json::parse(R"({
    "type": "object",
    "properties": {
      "prompt": {"type": "string", "minLength": 1, "maxLength": 5},
      "rounds": {"type": "integer", "minimum": 0, "maximum": 8},
      "size": {"type": "array", "items": {"type": "number", "minimum": 0.5}, "minItems": 3,
               "maxItems": 3},
      "source": {"type": "string", "enum": ["sh3d", "user"]},
      "name": {"type": "string", "pattern": "^[a-z]+$"},
      "flag": {"type": "boolean"}
    },
    "required": ["prompt"],
    "additionalProperties": false
  })");
}

std::string Problems(const json& value) {
  std::string out;
  for (const SchemaProblem& p : ValidateJsonSchema(Schema(), value)) out += p.ToString() + "\n";
  return out;
}

TEST(JsonSchema, AcceptsAValidValue) {
  EXPECT_EQ(Problems({{"prompt", "abc"}, {"rounds", 2}, {"size", {1, 2.5, 3}}, {"flag", true}}),
            "");
}

TEST(JsonSchema, WrongTypesNameTheirPointer) {
  EXPECT_EQ(Problems({{"prompt", 7}, {"rounds", "four"}}),
            "/prompt: expected a string, found integer 7\n"
            "/rounds: expected an integer, found string \"four\"\n");
  EXPECT_EQ(Problems({{"prompt", "a"}, {"rounds", 2.5}}),
            "/rounds: expected an integer, found number 2.5\n");
  EXPECT_EQ(Problems(json::array()), "(the arguments): expected a object, found array []\n");
}

TEST(JsonSchema, MissingAndUnknownMembers) {
  EXPECT_EQ(Problems({{"promt", "a"}}),
            "/prompt: is required but missing\n"
            "/promt: is not a known argument (known: flag, name, prompt, rounds, size, source)\n");
}

TEST(JsonSchema, RangesLengthsPatternsAndEnums) {
  EXPECT_EQ(Problems({{"prompt", ""}, {"rounds", 9}}),
            "/prompt: must have at least 1 characters\n/rounds: must be at most 8, found 9\n");
  // Lengths are in code points: five two-byte letters fit.
  EXPECT_EQ(Problems({{"prompt", "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"}}), "");
  EXPECT_EQ(Problems({{"prompt", "abcdef"}}), "/prompt: must have at most 5 characters, found 6\n");
  EXPECT_EQ(Problems({{"prompt", "a"}, {"name", "../x"}}),
            "/name: must match the pattern ^[a-z]+$, found \"../x\"\n");
  EXPECT_EQ(Problems({{"prompt", "a"}, {"source", "web"}}),
            "/source: expected one of [\"sh3d\",\"user\"], found \"web\"\n");
}

TEST(JsonSchema, ArrayItemsNameTheirIndex) {
  EXPECT_EQ(Problems({{"prompt", "a"}, {"size", {1, "2", 0.1}}}),
            "/size/1: expected a number, found string \"2\"\n"
            "/size/2: must be at least 0.5, found 0.1\n");
  EXPECT_EQ(Problems({{"prompt", "a"}, {"size", {1, 2}}}), "/size: must have at least 3 items\n");
}

TEST(JsonSchema, RejectsKeywordsItDoesNotImplement) {
  const auto problems = CheckSupportedSchema(json::parse(
      R"({"type": "object", "properties": {"a": {"oneOf": []}, "b": {"type": "null"}}})"));
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].ToString(), "/properties/a/oneOf: unsupported keyword");
  EXPECT_EQ(problems[1].ToString(), "/properties/b/type: unsupported type \"null\"");
}

TEST(JsonSchema, EveryToolSchemaUsesOnlySupportedKeywords) {
  const json tools = SceneToolDeclarations();
  ASSERT_EQ(tools.size(), 5u);
  for (const json& tool : tools) {
    SCOPED_TRACE(tool["name"].get<std::string>());
    EXPECT_TRUE(CheckSupportedSchema(tool["inputSchema"]).empty());
    EXPECT_EQ(tool["inputSchema"]["additionalProperties"], false);
    EXPECT_FALSE(tool["description"].get<std::string>().empty());
  }
}

}  // namespace
}  // namespace scenecraft
