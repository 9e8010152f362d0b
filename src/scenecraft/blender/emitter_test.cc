#include "scenecraft/blender/emitter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/resolve.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

SceneGraph OneChair(const std::string& description) {
  SceneGraph g;
  Object o;
  o.id = "chair_1";
  o.category = "chair";
  o.description = description;
  o.pose = Pose{0.5, -0.2, 0.0, DegToRad(90)};
  g.objects.push_back(o);
  g.camera = Camera{{0, -5, 2}, {0, 0, 0.5}, 50};
  ResolveAssets(&g, AssetOptions{});
  return g;
}

// The JSON literal of a script, as Python's r'''...''' holds it.
std::string EmbeddedLiteral(const std::string& script) {
  const std::string open = "json.loads(r'''";
  const size_t begin = script.find(open);
  EXPECT_NE(begin, std::string::npos);
  const size_t end = script.find("''')", begin + open.size());
  EXPECT_NE(end, std::string::npos);
  return script.substr(begin + open.size(), end - begin - open.size());
}

TEST(Emitter, HostileTextStaysInsideTheJsonLiteral) {
  const std::string hostile =
      "'); import os; os.system('touch PWNED') #\"\"\" ''' \\ \\' \n\r\t é 中文 @SCENE_JSON@";
  const SceneGraph g = OneChair(hostile);
  const std::string script = EmitScript(g, BuildModels(g), EmitOptions{});
  const std::string literal = EmbeddedLiteral(script);
  // The literal holds no apostrophe and no raw newline from the text, and is ASCII.
  EXPECT_EQ(literal.find('\''), std::string::npos);
  for (char c : literal) EXPECT_LT(static_cast<unsigned char>(c), 0x80);
  // Decoding it as JSON (what json.loads does with a raw literal) gives the text back.
  const nlohmann::json data = nlohmann::json::parse(literal);
  EXPECT_EQ(data["objects"][0]["description"], hostile);
  // The template's code is unchanged: exactly one json.loads, nothing after the literal but code.
  EXPECT_EQ(script.find("os.system"), script.find(literal) + literal.find("os.system"));
}

TEST(Emitter, RepeatedModelsAreWrittenOnce) {
  SceneGraph g = OneChair("red");
  Object second = g.objects[0];
  second.id = "chair_2";
  second.pose->x = -0.5;
  g.objects.push_back(second);
  const nlohmann::json data =
      nlohmann::json::parse(EmitSceneData(g, BuildModels(g), EmitOptions{}));
  EXPECT_EQ(data["models"].size(), 1u);
  EXPECT_EQ(data["objects"][0]["model"], data["objects"][1]["model"]);
  EXPECT_NEAR(data["objects"][0]["yaw_deg"].get<double>(), 90.0, 1e-9);
}

TEST(Emitter, LightSourcesAndTheTimeOfDayReachTheScript) {
  SceneGraph g = OneChair("");
  g.environment.time_of_day = "night";
  Object lamp = g.objects[0];
  lamp.id = "lamp_1";
  lamp.category = "floor lamp";
  g.objects.push_back(lamp);
  std::map<std::string, Model> models = BuildModels(g);
  Model::Light light;
  light.watts = 55.0;
  models["lamp_1"].key = "lamp";
  models["lamp_1"].light = light;
  const nlohmann::json data = nlohmann::json::parse(EmitSceneData(g, models, EmitOptions{}));
  EXPECT_EQ(data.at("environment").value("time_of_day", ""), "night") << data["environment"];
  EXPECT_EQ(data.at("models").at("lamp").at("light").at("watts"), 55.0);
  const std::string chair_model = data.at("objects").at(0).at("model");
  EXPECT_FALSE(data.at("models").at(chair_model).contains("light"));
}

TEST(Emitter, TheRoomTypeChoosesTheSurfacesAsData) {
  SceneGraph g = OneChair("");
  g.environment.room_type = "bathroom";
  const std::map<std::string, Model> models = BuildModels(g);
  nlohmann::json data = nlohmann::json::parse(EmitSceneData(g, models, EmitOptions{}));
  EXPECT_EQ(data.at("environment").at("room_type"), "bathroom");
  EXPECT_EQ(data.at("surfaces").at("floor"), "tile");
  EXPECT_EQ(data.at("surfaces").at("walls"), "wall_tile");
  // The text's floor wins; an unknown type is a plain room; outdoors there are no room surfaces.
  g.environment.ground = "carpet";
  data = nlohmann::json::parse(EmitSceneData(g, models, EmitOptions{}));
  EXPECT_EQ(data.at("surfaces").at("floor"), "carpet");
  EXPECT_EQ(data.at("surfaces").at("walls"), "plaster");
  g.environment.ground.clear();
  g.environment.room_type = "ballroom\"'; import os";
  data = nlohmann::json::parse(EmitSceneData(g, models, EmitOptions{}));
  EXPECT_EQ(data.at("surfaces").at("floor"), "wood");
  g.environment.kind = Environment::Kind::kOutdoor;
  data = nlohmann::json::parse(EmitSceneData(g, models, EmitOptions{}));
  EXPECT_TRUE(data.at("surfaces").empty());
}

TEST(Emitter, RejectsUnknownEngine) {
  EmitOptions options;
  options.render.engine = "povray";
  const SceneGraph g = OneChair("");
  EXPECT_THROW(EmitScript(g, BuildModels(g), options), Error);
}

TEST(Emitter, EscapeReplacesEveryApostrophe) {
  EXPECT_EQ(EscapeJsonForPythonRawString(R"({"a":"it's"})"), R"({"a":"it\u0027s"})");
}

}  // namespace
}  // namespace scenecraft
