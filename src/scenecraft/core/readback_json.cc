// JSON (de)serialisation of the readback and the critique (declared in scene_json.h).
#include <cstdint>
#include <limits>
#include <map>
#include <string>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/core/scene_json_detail.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"

namespace scenecraft {

using nlohmann::json;

namespace {

// Reads the object under field whose every member is one entry ("openings", "images"): each
// member's reader goes to read_entry, and what it returns is stored under the member's name.
template <typename T, typename ReadEntry>
void ReadNamedEntries(JsonObjectReader& r, const char* field, JsonProblems* problems,
                      std::map<std::string, T>* out, ReadEntry read_entry) {
  const json* entries = r.Get(field);
  if (entries == nullptr) return;
  if (!entries->is_object()) {
    r.AddProblem(field, "expected an object");
    return;
  }
  for (auto it = entries->begin(); it != entries->end(); ++it) {
    JsonObjectReader entry(it.value(), JsonPointerAppend(r.PointerTo(field), it.key()), problems);
    (*out)[it.key()] = read_entry(entry);
    entry.Finish();
  }
}

}  // namespace

Readback ParseReadback(std::string_view text, std::string_view origin) {
  const json j = ParseJson(text, origin);
  JsonProblems problems;
  Readback rb;
  JsonObjectReader r(j, "", &problems);
  rb.blender_version = r.String("blender_version").value_or("");
  if (const json* env = r.Get("environment")) {
    rb.environment = EnvironmentFromJson(*env, &problems, r.PointerTo("environment"));
  }
  if (const json* cam = r.Get("camera")) rb.camera = CameraFromJson(*cam, &problems, "/camera");
  constexpr int64_t kMaxInt = std::numeric_limits<int>::max();
  rb.image_width = static_cast<int>(r.Integer("image_width", 0, kMaxInt).value_or(0));
  rb.image_height = static_cast<int>(r.Integer("image_height", 0, kMaxInt).value_or(0));
  rb.build_s = r.Number("build_s").value_or(0.0);
  rb.render_s = r.Number("render_s").value_or(0.0);
  rb.visibility_method = r.String("visibility_method").value_or("");
  rb.warnings = r.StringArray("warnings").value_or(std::vector<std::string>{});
  if (const json* surfaces = r.Get("surfaces")) {
    if (!surfaces->is_object()) r.AddProblem("surfaces", "expected an object");
    for (auto it = surfaces->begin(); surfaces->is_object() && it != surfaces->end(); ++it) {
      if (!it.value().is_string()) {
        problems.Add(JsonPointerAppend(r.PointerTo("surfaces"), it.key()), "expected a string");
        continue;
      }
      rb.surfaces[it.key()] = it.value().get<std::string>();
    }
  }
  if (const json* beauty = r.Get("beauty")) {
    JsonObjectReader b(*beauty, r.PointerTo("beauty"), &problems);
    ViewReadback view;
    if (auto p = b.NumberArray("position", 3)) view.position = {(*p)[0], (*p)[1], (*p)[2]};
    if (auto t = b.NumberArray("target", 3)) view.target = {(*t)[0], (*t)[1], (*t)[2]};
    view.fov_deg = b.Number("fov_deg").value_or(0.0);
    if (const json* in_frame = b.Get("in_frame")) {
      for (auto it = in_frame->begin(); in_frame->is_object() && it != in_frame->end(); ++it) {
        if (it.value().is_number()) view.in_frame[it.key()] = it.value().get<double>();
      }
    }
    b.Finish();
    rb.beauty = std::move(view);
  }
  ReadNamedEntries(r, "openings", &problems, &rb.openings, [](JsonObjectReader& part) {
    OpeningPartReadback out;
    out.opening = part.String("opening").value_or("");
    out.light_through = part.Number("light_through").value_or(0.0);
    out.casts_shadow = part.Bool("casts_shadow").value_or(true);
    return out;
  });
  ReadNamedEntries(r, "images", &problems, &rb.images, [](JsonObjectReader& image) {
    ImageStats stats;
    stats.mean = image.Number("mean").value_or(0.0);
    stats.burnt = image.Number("burnt").value_or(0.0);
    stats.murky = image.Number("murky").value_or(0.0);
    stats.grain = image.Number("grain").value_or(0.0);
    return stats;
  });
  if (const json* objects = r.Get("objects", /*required=*/true)) {
    if (objects->is_array()) {
      for (size_t i = 0; i < objects->size(); ++i) {
        JsonObjectReader o((*objects)[i], JsonPointerAppend("/objects", i), &problems);
        ObjectReadback ob;
        ob.id = o.String("id", true).value_or("");
        ob.category = o.String("category").value_or("");
        ob.description = o.String("description").value_or("");
        ob.has_front = o.Bool("has_front").value_or(false);
        auto lo = o.NumberArray("box_min", 3, true);
        auto hi = o.NumberArray("box_max", 3, true);
        if (lo && hi) ob.box = Box3{Vec3FromArray(*lo), Vec3FromArray(*hi)};
        if (auto ls = o.NumberArray("local_size", 3)) ob.local_size = Vec3FromArray(*ls);
        if (auto loc = o.NumberArray("location", 3)) ob.location = Vec3FromArray(*loc);
        ob.yaw_rad = DegToRad(o.Number("yaw_deg").value_or(0.0));
        if (auto s = o.NumberArray("scale", 3)) ob.scale = Vec3FromArray(*s);
        ob.vertex_count = static_cast<int>(o.Integer("vertex_count", 0, kMaxInt).value_or(0));
        if (auto v = o.Integer("visible_pixels", 0, kMaxInt)) {
          ob.visible_pixels = static_cast<int>(*v);
        }
        if (auto v = o.Number("visible_fraction")) ob.visible_fraction = *v;
        if (auto v = o.Bool("in_frame")) ob.in_frame = *v;
        if (auto v = o.NumberArray("import_fit_scale", 3)) ob.import_fit_scale = Vec3FromArray(*v);
        if (auto v = o.NumberArray("import_top_centroid", 3)) {
          ob.import_top_centroid = Vec3FromArray(*v);
        }
        if (const json* mats = o.Get("materials")) {
          for (size_t k = 0; mats->is_array() && k < mats->size(); ++k) {
            JsonObjectReader m((*mats)[k], JsonPointerAppend(o.PointerTo("materials"), k),
                               &problems);
            MaterialReadback mr;
            mr.name = m.String("name").value_or("");
            mr.area_share = m.Number("area_share").value_or(0.0);
            if (auto c = m.NumberArray("base_color", 4)) {
              for (size_t c4 = 0; c4 < 4; ++c4) mr.base_color[c4] = (*c)[c4];
            }
            mr.textured = m.Bool("textured").value_or(false);
            mr.roughness = m.Number("roughness").value_or(0.5);
            mr.metallic = m.Number("metallic").value_or(0.0);
            mr.transmission = m.Number("transmission").value_or(0.0);
            m.Finish();
            ob.materials.push_back(std::move(mr));
          }
        }
        o.Finish();
        rb.objects.push_back(std::move(ob));
      }
    } else {
      r.AddProblem("objects", "expected an array");
    }
  }
  r.Finish();
  problems.ThrowIfAny(origin);
  return rb;
}

json ReadbackToJson(const Readback& rb) {
  json out{{"blender_version", rb.blender_version},
           {"environment", EnvironmentToJson(rb.environment)},
           {"image_width", rb.image_width},
           {"image_height", rb.image_height},
           {"build_s", rb.build_s},
           {"render_s", rb.render_s},
           {"visibility_method", rb.visibility_method},
           {"warnings", rb.warnings}};
  if (rb.camera) out["camera"] = CameraToJson(*rb.camera);
  for (const auto& [name, part] : rb.openings) {
    out["openings"][name] = json{{"opening", part.opening},
                                 {"light_through", part.light_through},
                                 {"casts_shadow", part.casts_shadow}};
  }
  for (const auto& [kind, stats] : rb.images) {
    out["images"][kind] = json{{"mean", stats.mean},
                               {"burnt", stats.burnt},
                               {"murky", stats.murky},
                               {"grain", stats.grain}};
  }
  out["objects"] = json::array();
  for (const ObjectReadback& o : rb.objects) {
    json oj{{"id", o.id},
            {"category", o.category},
            {"description", o.description},
            {"has_front", o.has_front},
            {"box_min", Vec3ToJson(o.box.min)},
            {"box_max", Vec3ToJson(o.box.max)},
            {"local_size", Vec3ToJson(o.local_size)},
            {"location", Vec3ToJson(o.location)},
            {"yaw_deg", RadToDeg(o.yaw_rad)},
            {"scale", Vec3ToJson(o.scale)},
            {"vertex_count", o.vertex_count}};
    if (o.visible_pixels) oj["visible_pixels"] = *o.visible_pixels;
    if (o.visible_fraction) oj["visible_fraction"] = *o.visible_fraction;
    if (o.in_frame) oj["in_frame"] = *o.in_frame;
    if (o.import_fit_scale) oj["import_fit_scale"] = Vec3ToJson(*o.import_fit_scale);
    if (o.import_top_centroid) oj["import_top_centroid"] = Vec3ToJson(*o.import_top_centroid);
    if (!o.materials.empty()) {
      oj["materials"] = json::array();
      for (const MaterialReadback& m : o.materials) {
        oj["materials"].push_back(json{{"name", m.name},
                                       {"area_share", m.area_share},
                                       {"base_color", m.base_color},
                                       {"textured", m.textured},
                                       {"roughness", m.roughness},
                                       {"metallic", m.metallic},
                                       {"transmission", m.transmission}});
      }
    }
    out["objects"].push_back(oj);
  }
  return out;
}

json CritiqueToJson(const Critique& c) {
  json out{{"score", c.score},
           {"relations_total", c.relations_total},
           {"relations_passed", c.relations_passed},
           {"findings", json::array()}};
  for (const Finding& f : c.findings) {
    json fj{{"kind", std::string(FindingKindName(f.kind))},
            {"objects", f.objects},
            {"pass", f.pass},
            {"measured", f.measured},
            {"expected", f.expected},
            {"suggestion", f.suggestion},
            {"source", f.source}};
    if (f.relation) fj["relation"] = *f.relation;
    out["findings"].push_back(fj);
  }
  return out;
}

Critique CritiqueFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  Critique c;
  JsonObjectReader r(j, pointer, problems);
  c.score = r.Number("score").value_or(0.0);
  constexpr int64_t kMaxCount = SceneLimits::kMaxRelations * 10;
  c.relations_total = static_cast<int>(r.Integer("relations_total", 0, kMaxCount).value_or(0));
  c.relations_passed = static_cast<int>(r.Integer("relations_passed", 0, kMaxCount).value_or(0));
  if (const json* findings = r.Get("findings", /*required=*/true)) {
    if (!findings->is_array()) {
      r.AddProblem("findings", "expected an array, found " + JsonTypeName(*findings));
    } else {
      for (size_t i = 0; i < findings->size(); ++i) {
        JsonObjectReader fr((*findings)[i], JsonPointerAppend(r.PointerTo("findings"), i),
                            problems);
        Finding f;
        if (auto kind = fr.String("kind", true)) {
          if (auto k = FindingKindFromName(*kind)) {
            f.kind = *k;
          } else {
            fr.AddProblem("kind", "unknown finding kind '" + *kind + "'");
          }
        }
        if (auto rel = fr.Integer("relation", 0, SceneLimits::kMaxRelations)) {
          f.relation = static_cast<size_t>(*rel);
        }
        f.objects = fr.StringArray("objects").value_or(std::vector<std::string>{});
        f.pass = fr.Bool("pass").value_or(false);
        f.measured = fr.String("measured").value_or("");
        f.expected = fr.String("expected").value_or("");
        f.suggestion = fr.String("suggestion").value_or("");
        f.source = fr.String("source").value_or("geometric");
        fr.Finish();
        c.findings.push_back(std::move(f));
      }
    }
  }
  r.Finish();
  return c;
}

}  // namespace scenecraft
