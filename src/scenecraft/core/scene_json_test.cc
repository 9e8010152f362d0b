#include "scenecraft/core/scene_json.h"

#include <gtest/gtest.h>

#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"

namespace scenecraft {
namespace {

constexpr const char* kArchitectureExample = R"({
  "schema": 1,
  "environment": {"kind": "room", "size_m": [5.0, 4.0, 2.8]},
  "objects": [
    {"id": "table_1", "category": "table", "description": "round wooden"},
    {"id": "chair_1", "category": "chair", "size_m": [0.45, 0.5, 0.9],
     "pose": {"x": 0.0, "y": -0.8, "z": 0.0, "yaw_deg": 0.0}}
  ],
  "relations": [
    {"type": "facing", "objects": ["chair_1", "table_1"]},
    {"type": "near", "objects": ["chair_1", "table_1"], "hard": true}
  ]
})";

std::string ErrorOf(const std::string& text) {
  try {
    ParseSceneGraph(text, "scene.json");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(SceneJson, ReadsTheArchitectureExample) {
  const SceneGraph g = ParseSceneGraph(kArchitectureExample, "scene.json");
  ASSERT_EQ(g.objects.size(), 2u);
  EXPECT_TRUE(g.environment.IsRoom());
  EXPECT_DOUBLE_EQ(g.environment.size.z, 2.8);
  EXPECT_EQ(g.objects[0].description, "round wooden");
  EXPECT_FALSE(g.objects[0].pose.has_value());
  ASSERT_TRUE(g.objects[1].pose.has_value());
  EXPECT_TRUE(g.objects[1].pose_fixed);
  EXPECT_DOUBLE_EQ(g.objects[1].pose->y, -0.8);
  ASSERT_EQ(g.relations.size(), 2u);
  EXPECT_EQ(g.relations[0].type, RelationType::kFacing);
  EXPECT_TRUE(g.relations[1].hard);
}

TEST(SceneJson, RoundTripsEveryField) {
  SceneGraph g = ParseSceneGraph(kArchitectureExample, "scene.json");
  g.environment.openings.push_back({"window", "back", 0.5, 1.2, 1.1, 0.9, "window_1"});
  g.relations[0].args.numbers["distance_m"] = 0.3;
  g.relations[0].type = RelationType::kNear;
  g.relations[0].source = Source{4, 9, ""};
  g.camera = Camera{{0, -6, 3}, {0, 0, 0.5}, 55};
  g.subscenes.push_back({"dining", "table and chair", {"table_1", "chair_1"}});
  g.results.push_back({1, 0.75, true, ""});
  g.notes.push_back("a note with \"quotes\"\n and ''' triple quotes");
  const std::string text = SceneGraphToJsonText(g);
  const SceneGraph back = ParseSceneGraph(text, "round-trip");
  EXPECT_EQ(SceneGraphToJsonText(back), text);
}

TEST(SceneJson, ReportsAllProblemsWithPointers) {
  const std::string error = ErrorOf(R"({
    "schema": 1,
    "environment": {"kind": "room", "size_m": [5, 4, 2.8], "colour": "red"},
    "objects": [
      {"id": "a", "category": "chair"},
      {"id": "a", "category": "table", "size_m": [1, 2]},
      {"id": "b", "category": 7}
    ],
    "relations": [
      {"type": "left_of", "objects": ["a", "ghost"]},
      {"type": "levitating", "objects": ["a"]},
      {"type": "between", "objects": ["a", "b"]},
      {"type": "near", "objects": ["a", "b"], "args": {"axis": "x"}}
    ]
  })");
  EXPECT_NE(error.find("/environment/colour: unknown member 'colour'"), std::string::npos) << error;
  EXPECT_NE(error.find("/objects/1/id: duplicate object id 'a'"), std::string::npos) << error;
  EXPECT_NE(error.find("/objects/1/size_m: expected an array of 3 numbers"), std::string::npos);
  EXPECT_NE(error.find("/objects/2/category: expected a string"), std::string::npos) << error;
  EXPECT_NE(error.find("/relations/0/objects/1: no object has id 'ghost'"), std::string::npos);
  EXPECT_NE(error.find("/relations/1/type: unknown relation type 'levitating'"), std::string::npos);
  EXPECT_NE(error.find("/relations/2/objects: between takes 3 objects, found 2"),
            std::string::npos);
  EXPECT_NE(error.find("/relations/3/args/axis: relation near takes no argument 'axis'"),
            std::string::npos)
      << error;
  // A problem is said once, not again as its consequence: the unknown type has no arity, and a
  // category that is not a string is not "empty" too.
  EXPECT_EQ(error.find("/relations/1/objects"), std::string::npos) << error;
  EXPECT_EQ(error.find("category must not be empty"), std::string::npos) << error;
}

TEST(SceneJson, RejectsMissingSchemaAndWrongRoot) {
  EXPECT_NE(ErrorOf("[]").find("expected an object"), std::string::npos);
  EXPECT_NE(ErrorOf(R"({"environment": {"kind": "room"}, "objects": []})")
                .find("/schema: missing required member"),
            std::string::npos);
  EXPECT_NE(ErrorOf(R"({"schema": 2, "environment": {"kind": "room"}, "objects": []})")
                .find("unsupported schema 2"),
            std::string::npos);
}

TEST(SceneJson, OutdoorEnvironmentTakesTwoSizes) {
  const SceneGraph g = ParseSceneGraph(
      R"({"schema": 1, "environment": {"kind": "outdoor", "size_m": [30, 20], "ground": "grass"},
          "objects": [{"id": "tree_1", "category": "tree"}]})",
      "outdoor.json");
  EXPECT_FALSE(g.environment.IsRoom());
  EXPECT_DOUBLE_EQ(g.environment.size.x, 30.0);
  EXPECT_EQ(g.environment.ground, "grass");
}

TEST(SceneJson, ReadbackRoundTrip) {
  Readback rb;
  rb.blender_version = "3.4.1";
  ObjectReadback o;
  o.id = "chair_1";
  o.category = "chair";
  o.box = Box3{{-0.2, -0.2, 0}, {0.2, 0.2, 0.9}};
  o.visible_fraction = 0.5;
  o.in_frame = true;
  rb.objects.push_back(o);
  const Readback back = ParseReadback(ReadbackToJson(rb).dump(), "readback.json");
  ASSERT_EQ(back.objects.size(), 1u);
  EXPECT_DOUBLE_EQ(back.objects[0].box.max.z, 0.9);
  EXPECT_EQ(back.objects[0].visible_fraction, 0.5);
  EXPECT_FALSE(back.objects[0].visible_pixels.has_value());
}

TEST(SceneJson, CritiqueRoundTrip) {
  Critique c;
  c.score = 0.5;
  Finding f;
  f.kind = Finding::Kind::kRelation;
  f.relation = 2;
  f.objects = {"lamp_1", "desk_1"};
  f.measured = "lamp centre 0.05 m right of desk centre";
  c.findings.push_back(f);
  JsonProblems problems;
  const Critique back = CritiqueFromJson(CritiqueToJson(c), &problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(back.findings.size(), 1u);
  EXPECT_EQ(back.findings[0].relation, 2u);
  EXPECT_EQ(back.findings[0].measured, f.measured);
}

}  // namespace
}  // namespace scenecraft
