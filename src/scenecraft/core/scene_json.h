// JSON (de)serialisation of the core contracts: the scene JSON of ARCHITECTURE.md section 3 (the
// format users write by hand and every stage reads and writes), the readback and the critique.
// Reading is strict: unknown keys, wrong types, unknown relation types, dangling or duplicate ids
// and wrong arity are all reported together, each with its JSON pointer.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "scenecraft/core/readback.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

class JsonProblems;

// Bounds on a scene that no real scene reaches (README "Limits"). A file or model reply beyond
// them is rejected with its JSON pointer, instead of taking minutes and gigabytes in Blender.
struct SceneLimits {
  static constexpr size_t kMaxFileBytes = 16 << 20;  // a scene file (500 objects take ~150 KB)
  static constexpr size_t kMaxObjects = 500;         // as the offline planner
  static constexpr size_t kMaxRelations = 5000;
  static constexpr size_t kMaxSubscenes = 100;
  static constexpr size_t kMaxOpenings = 50;
  static constexpr size_t kMaxNotes = 100;
  static constexpr size_t kMaxIdBytes = 60;  // Blender names hold 63 bytes
  static constexpr size_t kMaxCategoryBytes = 100;
  static constexpr size_t kMaxWordBytes = 100;      // relation word arguments, asset sources
  static constexpr size_t kMaxTextBytes = 2000;     // titles, notes, asset ids and names
  static constexpr size_t kMaxPromptBytes = 20000;  // prompts and descriptions, as the planners
  static constexpr double kMaxCoordinateM = 1000;   // |x|, |y|, |z| of a pose
  static constexpr double kMaxCameraM = 5000;       // |x|, |y|, |z| of the camera and its target
  static constexpr double kMaxYawDeg = 3600;
  static constexpr double kMaxArgument = 1000;  // |value| of a numeric relation argument
};

// Parses scene JSON text; throws Error listing every problem ("origin: /objects/2/id: ...").
SceneGraph ParseSceneGraph(std::string_view text, std::string_view origin);
// An environment object alone (a room file: kind, floor_polygon_m, wall_height_m, openings).
// Throws Error listing every problem, each with its JSON pointer.
Environment ParseEnvironment(std::string_view text, std::string_view origin);
// Reads a scene from parsed JSON, recording problems (pointers relative to `pointer`).
SceneGraph SceneGraphFromJson(const nlohmann::json& json, JsonProblems* problems,
                              const std::string& pointer = "");
// Checks the graph's own consistency (ids unique and well-formed, relations' objects exist, arity,
// argument keys, sizes positive) and the SceneLimits (counts, string lengths, control and
// bidirectional-override characters in ids and categories, ranges of poses, camera and
// arguments), recording problems with pointers into the scene JSON.
void ValidateSceneGraph(const SceneGraph& graph, JsonProblems* problems,
                        const std::string& pointer = "");

nlohmann::json SceneGraphToJson(const SceneGraph& graph);
// Pretty-printed, newline-terminated.
std::string SceneGraphToJsonText(const SceneGraph& graph);

nlohmann::json EnvironmentToJson(const Environment& environment);
Environment EnvironmentFromJson(const nlohmann::json& json, JsonProblems* problems,
                                const std::string& pointer);
nlohmann::json RelationToJson(const Relation& relation);
nlohmann::json CameraToJson(const Camera& camera);
Camera CameraFromJson(const nlohmann::json& json, JsonProblems* problems,
                      const std::string& pointer);

// Defined in readback_json.cc.

Readback ParseReadback(std::string_view text, std::string_view origin);
nlohmann::json ReadbackToJson(const Readback& readback);

nlohmann::json CritiqueToJson(const Critique& critique);
Critique CritiqueFromJson(const nlohmann::json& json, JsonProblems* problems,
                          const std::string& pointer = "");

}  // namespace scenecraft
