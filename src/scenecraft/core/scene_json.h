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

// Parses scene JSON text; throws Error listing every problem ("origin: /objects/2/id: ...").
SceneGraph ParseSceneGraph(std::string_view text, std::string_view origin);
// An environment object alone (a room file: kind, floor_polygon_m, wall_height_m, openings).
// Throws Error listing every problem, each with its JSON pointer.
Environment ParseEnvironment(std::string_view text, std::string_view origin);
// Reads a scene from parsed JSON, recording problems (pointers relative to `pointer`).
SceneGraph SceneGraphFromJson(const nlohmann::json& json, JsonProblems* problems,
                              const std::string& pointer = "");
// Checks the graph's own consistency (ids unique and well-formed, relations' objects exist, arity,
// argument keys, sizes positive), recording problems with pointers into the scene JSON.
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

Readback ParseReadback(std::string_view text, std::string_view origin);
nlohmann::json ReadbackToJson(const Readback& readback);

nlohmann::json CritiqueToJson(const Critique& critique);
Critique CritiqueFromJson(const nlohmann::json& json, JsonProblems* problems,
                          const std::string& pointer = "");

}  // namespace scenecraft
