#include "scenecraft/blender/emitter.h"

#include <nlohmann/json.hpp>

#include "scenecraft/blender/room_surfaces.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

// Defined in the generated scene_template.cc (the text of script/*.py, joined).
extern const char* const kSceneTemplate;

namespace {

using nlohmann::json;

constexpr std::string_view kPlaceholder = "@SCENE_JSON@";

json Vec(const Vec3& v) {
  return json::array({v.x, v.y, v.z});
}

std::string_view ShapeName(PartShape shape) {
  switch (shape) {
    case PartShape::kBox:
      return "box";
    case PartShape::kCylinder:
      return "cylinder";
    case PartShape::kCone:
      return "cone";
    case PartShape::kSphere:
      return "sphere";
    case PartShape::kTorus:
      return "torus";
    case PartShape::kWedge:
      return "wedge";
    case PartShape::kPyramid:
      return "pyramid";
  }
  return "box";
}

json ProceduralModelJson(const Model& m) {
  json out{{"parts", json::array()}, {"materials", json::array()}};
  for (const Part& p : m.parts) {
    json pj{{"shape", std::string(ShapeName(p.shape))},
            {"center", Vec(p.center)},
            {"size", Vec(p.size)},
            {"material", p.material}};
    if (p.rotation_rad.x != 0 || p.rotation_rad.y != 0 || p.rotation_rad.z != 0) {
      pj["rotation_rad"] = Vec(p.rotation_rad);
    }
    if (p.shape != PartShape::kBox) pj["segments"] = p.segments;
    if (p.shape == PartShape::kCone) pj["taper"] = p.taper;
    if (p.bevel_m > 0) pj["bevel_m"] = p.bevel_m;
    out["parts"].push_back(pj);
  }
  for (const Material& mat : m.materials) {
    json mj{{"name", mat.name},
            {"rgba", json::array({mat.rgba[0], mat.rgba[1], mat.rgba[2], mat.rgba[3]})},
            {"roughness", mat.roughness},
            {"metallic", mat.metallic}};
    if (mat.transmission > 0) mj["transmission"] = mat.transmission;
    if (mat.emission > 0) mj["emission"] = mat.emission;
    if (!mat.look.empty()) mj["look"] = mat.look;
    out["materials"].push_back(mj);
  }
  if (m.light) {
    out["light"] = json{{"height_fraction", m.light->height_fraction},
                        {"watts", m.light->watts},
                        {"rgb", json::array({m.light->rgb[0], m.light->rgb[1], m.light->rgb[2]})}};
  }
  if (m.generic) {
    out["generic"] = true;
    out["label"] = m.label;
  }
  return out;
}

json ModelJson(const Model& m) {
  json out = ProceduralModelJson(m);
  if (m.has_import) {
    // The procedural parts (if any) are the fallback when the import fails.
    json fallback = out;
    out = json{{"import",
                {{"path", m.import.path},
                 {"format", m.import.format},
                 {"unit_scale_m", m.import.unit_scale_m},
                 {"y_up", m.import.y_up},
                 {"front_yaw_rad", m.import.front_yaw_rad},
                 {"model_rotation", m.import.model_rotation}}}};
    if (!m.parts.empty()) out["fallback"] = fallback;
    if (fallback.contains("light")) out["light"] = fallback["light"];
    if (m.tint)
      out["import"]["tint"] = json::array({(*m.tint)[0], (*m.tint)[1], (*m.tint)[2], 1.0});
    if (m.surface) {
      json surface = json::object();
      if (m.surface->roughness) surface["roughness"] = *m.surface->roughness;
      if (m.surface->metallic) surface["metallic"] = *m.surface->metallic;
      if (m.surface->transmission) surface["transmission"] = *m.surface->transmission;
      if (!m.surface->look.empty()) surface["look"] = m.surface->look;
      out["import"]["surface"] = surface;
    }
  }
  return out;
}

// The room's floor and walls (room_surfaces.h); empty outdoors.
json SurfacesJson(const Environment& environment) {
  const ChosenSurfaces chosen = ChooseRoomSurfaces(environment);
  json out = json::object();
  if (!chosen.floor.empty()) out["floor"] = chosen.floor;
  if (!chosen.walls.empty()) out["walls"] = chosen.walls;
  return out;
}

}  // namespace

void RenderSettings::Check() const {
  if (engine != "cycles" && engine != "eevee" && engine != "workbench") {
    throw Error("--engine: unknown render engine '" + engine +
                "' (expected cycles, eevee or workbench)");
  }
  if (samples < 1 || samples > 100000) throw Error("--samples: must be 1 to 100000");
  if (width < 16 || height < 16 || width > 16384 || height > 16384) {
    throw Error("--resolution: " + Resolution() + " is out of range (16 to 16384 per side)");
  }
}

std::string EscapeJsonForPythonRawString(const std::string& json_text) {
  return ReplaceAll(json_text, "'", "\\u0027");
}

std::string EmitSceneData(const SceneGraph& graph, const std::map<std::string, Model>& models,
                          const EmitOptions& options) {
  options.render.Check();
  SC_CHECK(graph.camera.has_value());
  json data{{"schema", SceneGraph::kSchema},
            {"generator", "scenecraft"},
            {"environment", EnvironmentToJson(graph.environment)},
            {"camera", CameraToJson(*graph.camera)},
            {"surfaces", SurfacesJson(graph.environment)},
            {"render",
             {{"engine", options.render.engine},
              {"samples", options.render.samples},
              {"resolution", options.render.Resolution()}}},
            {"models", json::object()},
            {"objects", json::array()}};
  for (const Object& o : graph.objects) {
    SC_CHECK(o.pose.has_value());
    SC_CHECK(o.HasSize());
    auto it = models.find(o.id);
    SC_CHECK(it != models.end());
    const Model& model = it->second;
    SC_CHECK(!model.key.empty());
    if (!data["models"].contains(model.key)) data["models"][model.key] = ModelJson(model);
    data["objects"].push_back(json{{"id", o.id},
                                   {"category", o.category},
                                   {"description", o.description},
                                   {"has_front", o.has_front},
                                   {"model", model.key},
                                   {"size", Vec(o.size)},
                                   {"location", json::array({o.pose->x, o.pose->y, o.pose->z})},
                                   {"yaw_deg", RadToDeg(o.pose->yaw_rad)}});
  }
  // ensure_ascii: the embedded text is pure ASCII, whatever the prompt's script was.
  // Invalid UTF-8 (from a file name, say) becomes U+FFFD instead of an exception.
  return data.dump(1, ' ', /*ensure_ascii=*/true, nlohmann::json::error_handler_t::replace);
}

std::string_view SceneScriptTemplate() {
  return kSceneTemplate;
}

std::string EmitScript(const SceneGraph& graph, const std::map<std::string, Model>& models,
                       const EmitOptions& options) {
  const std::string data = EscapeJsonForPythonRawString(EmitSceneData(graph, models, options));
  // The raw literal ends only at ''' and cannot end in a backslash: the JSON holds no
  // apostrophe after escaping and ends with '}'.
  SC_CHECK(data.find('\'') == std::string::npos);
  SC_CHECK(!data.empty() && data.back() == '}');
  std::string script(kSceneTemplate);
  const size_t at = script.find(kPlaceholder);
  SC_CHECK(at != std::string::npos);
  script.replace(at, kPlaceholder.size(), data);
  return script;
}

}  // namespace scenecraft
