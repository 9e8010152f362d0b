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

TEST(SceneJson, TimeOfDayRoundTripsAndOnlyKnownTimesAreAccepted) {
  const SceneGraph g = ParseSceneGraph(
      R"({"schema": 1, "environment": {"kind": "outdoor", "size_m": [30, 20],
          "time_of_day": "dusk"}, "objects": []})",
      "dusk.json");
  EXPECT_EQ(g.environment.time_of_day, "dusk");
  EXPECT_EQ(EnvironmentToJson(g.environment)["time_of_day"], "dusk");
  EXPECT_FALSE(EnvironmentToJson(Environment{}).contains("time_of_day"));
  EXPECT_NE(ErrorOf(R"({"schema": 1, "environment": {"kind": "room", "time_of_day": "teatime"},
                        "objects": []})")
                .find("/environment/time_of_day: is 'teatime' (expected dawn, morning, noon, "
                      "afternoon, dusk or night)"),
            std::string::npos);
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
  rb.openings["window_1.glass"] = OpeningPartReadback{"window_1", 0.92, false};
  rb.images["beauty"] = ImageStats{0.4, 0.01, 0.02, 0.03};
  const Readback back = ParseReadback(ReadbackToJson(rb).dump(), "readback.json");
  ASSERT_EQ(back.openings.count("window_1.glass"), 1u);
  EXPECT_EQ(back.openings.at("window_1.glass").opening, "window_1");
  EXPECT_DOUBLE_EQ(back.openings.at("window_1.glass").light_through, 0.92);
  EXPECT_FALSE(back.openings.at("window_1.glass").casts_shadow);
  ASSERT_EQ(back.images.count("beauty"), 1u);
  EXPECT_DOUBLE_EQ(back.images.at("beauty").grain, 0.03);
  ASSERT_EQ(back.objects.size(), 1u);
  EXPECT_DOUBLE_EQ(back.objects[0].box.max.z, 0.9);
  EXPECT_EQ(back.objects[0].visible_fraction, 0.5);
  EXPECT_FALSE(back.objects[0].visible_pixels.has_value());
}

// A malformed part of the readback's named entries is named by its place in the file.
TEST(SceneJson, ReadbackNamedEntriesReportWhereTheyAreMalformed) {
  const auto error_of = [](const std::string& text) {
    try {
      ParseReadback(text, "readback.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_NE(error_of(R"({"objects": [], "openings": [1]})").find("/openings: expected an object"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"objects": [], "images": {"beauty": {"grain": "x"}}})")
                .find("/images/beauty/grain"),
            std::string::npos);
  EXPECT_NE(error_of(R"({"objects": [], "openings": {"w.glass": {"sill": 1}}})")
                .find("/openings/w.glass"),
            std::string::npos);
  EXPECT_EQ(error_of(R"({"objects": [], "openings": {}, "images": {}})"), "");
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

namespace scenecraft {
namespace {

// A scene JSON text with one object whose members are `object_extra`, and scene members `extra`.
std::string SceneWith(const std::string& object_extra, const std::string& extra = "",
                      const std::string& environment = R"("kind": "room", "size_m": [5, 4, 2.8])") {
  return R"({"schema": 1, "environment": {)" + environment +
         R"(}, "objects": [{"id": "chair_1", "category": "chair")" +
         (object_extra.empty() ? "" : ", " + object_extra) + "}]" +
         (extra.empty() ? "" : ", " + extra) + "}";
}

TEST(SceneJsonLimits, NumbersBeyondADoubleOrAnIntegerAreErrorsWithPointers) {
  EXPECT_NE(ErrorOf(R"({"schema": 1e400})").find("number overflow parsing '1e400'"),
            std::string::npos);
  const std::string results = ErrorOf(
      SceneWith("", R"("relations": [], "results": [{"relation": 1e20}, {"relation": 0.5}])"));
  EXPECT_NE(results.find("/results/0/relation: expected an integer from 0 to 5000, found 1e+20"),
            std::string::npos)
      << results;
  EXPECT_NE(results.find("/results/1/relation: expected an integer"), std::string::npos);
  const std::string source = ErrorOf(SceneWith(R"("source": {"begin": -5, "end": 1e12})"));
  EXPECT_NE(source.find("/objects/0/source/begin: expected an integer"), std::string::npos);
  EXPECT_NE(source.find("/objects/0/source/end: expected an integer"), std::string::npos);
}

TEST(SceneJsonLimits, ObjectCountAndStringLengthsAreBounded) {
  std::string objects;
  for (int i = 0; i < 501; ++i) {
    objects += std::string(i ? ", " : "") + R"({"id": "o_)" + std::to_string(i) +
               R"(", "category": "box"})";
  }
  const std::string many =
      ErrorOf(R"({"schema": 1, "environment": {"kind": "room"}, "objects": [)" + objects + "]}");
  EXPECT_NE(many.find("1 problem in scene.json"), std::string::npos) << many;
  EXPECT_NE(many.find("/objects: 501 objects; at most 500"), std::string::npos) << many;

  const std::string long_category = ErrorOf(R"({"schema": 1, "environment": {"kind": "room"},
      "objects": [{"id": "x", "category": ")" +
                                            std::string(100000, 'c') + R"("}]})");
  EXPECT_NE(long_category.find("/objects/0/category: is 100000 bytes long; at most 100"),
            std::string::npos);
  EXPECT_LT(long_category.size(), 2000u);  // the 100,000 characters are not quoted back
  EXPECT_NE(ErrorOf(SceneWith(R"("description": ")" + std::string(30000, 'd') + "\""))
                .find("/objects/0/description: is 30000 bytes long; at most 20000"),
            std::string::npos);
}

TEST(SceneJsonLimits, ControlAndBidiCharactersInIdsAreRejected) {
  const std::string bidi = ErrorOf(R"({"schema": 1, "environment": {"kind": "room"},
      "objects": [{"id": "lamp_\u202Egnp.exe", "category": "lamp"}]})");
  EXPECT_NE(bidi.find("/objects/0/id: object id contains the control character U+202E"),
            std::string::npos)
      << bidi;
  const std::string escape = ErrorOf(R"({"schema": 1, "environment": {"kind": "room"},
      "objects": [{"id": "a\u001b]0;x", "category": "lamp\u0085"}]})");
  EXPECT_NE(escape.find("/objects/0/id: object id contains the control character U+001B"),
            std::string::npos)
      << escape;
  EXPECT_NE(escape.find("/objects/0/category: category contains the control character U+0085"),
            std::string::npos)
      << escape;
  // Messages never carry the raw control characters.
  EXPECT_EQ(escape.find('\x1b'), std::string::npos);
}

TEST(SceneJsonLimits, AbsurdPosesCameraOpeningsAndArgumentsAreRejected) {
  const std::string pose =
      ErrorOf(SceneWith(R"("pose": {"x": 1e9, "y": 0, "z": 0, "yaw_deg": 1e300})"));
  EXPECT_NE(pose.find("/objects/0/pose: position"), std::string::npos) << pose;
  EXPECT_NE(pose.find("/objects/0/pose/yaw_deg: must be within +-3600 degrees"), std::string::npos)
      << pose;
  const std::string camera = ErrorOf(SceneWith(
      "", R"("camera": {"position": [1e7, 0, 1], "target": [1e7, 0, 1], "fov_deg": 180})"));
  EXPECT_NE(camera.find("/camera/fov_deg: must be in (1, 170)"), std::string::npos) << camera;
  EXPECT_NE(camera.find("/camera/position: must be within 5000 m"), std::string::npos) << camera;
  EXPECT_NE(camera.find("/camera/target: the camera's target is its position"), std::string::npos);
  const std::string openings =
      ErrorOf(SceneWith("", "", R"("kind": "room", "size_m": [5, 4, 2.8], "openings": [
        {"kind": "door", "wall": "back", "offset_m": 2.4, "width_m": 0.9},
        {"kind": "window", "wall": "left", "sill_m": 2.0, "height_m": 1.2},
        {"kind": "window", "wall": "front", "width_m": -1}])"));
  EXPECT_NE(openings.find("/environment/openings/0/offset_m: the opening (0.9 m wide at 2.4 m) "
                          "does not fit in its 5 m wall"),
            std::string::npos)
      << openings;
  EXPECT_NE(openings.find("/environment/openings/1/height_m: sill plus height (3.2 m) is above "
                          "the 2.8 m ceiling"),
            std::string::npos)
      << openings;
  EXPECT_NE(openings.find("/environment/openings/2/width_m: width and height must be positive"),
            std::string::npos);
  const std::string room = ErrorOf(SceneWith("", "", R"("kind": "room", "size_m": [1e300, 4, 3])"));
  EXPECT_NE(room.find("/environment/size_m: size"), std::string::npos) << room;
  const std::string args = ErrorOf(R"({"schema": 1, "environment": {"kind": "room"},
      "objects": [{"id": "a", "category": "chair"}, {"id": "b", "category": "table"}],
      "relations": [{"type": "near", "objects": ["a", "b"], "args": {"distance_m": 1e200}}]})");
  EXPECT_NE(args.find("/relations/0/args/distance_m: must be within +-1000"), std::string::npos)
      << args;
  // A plausible scene with an opening in its wall still reads.
  EXPECT_EQ(ErrorOf(SceneWith(R"("pose": {"x": 1, "y": 1, "z": 0, "yaw_deg": -90})", "",
                              R"("kind": "room", "size_m": [5, 4, 2.8], "openings": [
        {"kind": "door", "wall": "back", "offset_m": 1.5, "width_m": 0.9}])")),
            "");
}

}  // namespace
}  // namespace scenecraft
