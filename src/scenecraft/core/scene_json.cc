#include "scenecraft/core/scene_json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <set>

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/room.h"
#include "scenecraft/core/scene_json_detail.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using nlohmann::json;

json SourceToJson(const Source& s) {
  json out = json::object();
  if (s.begin >= 0) {
    out["begin"] = s.begin;
    out["end"] = s.end;
  }
  if (!s.pointer.empty()) out["pointer"] = s.pointer;
  return out;
}

Source SourceFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  Source s;
  JsonObjectReader r(j, pointer, problems);
  constexpr int64_t kMaxOffset = std::numeric_limits<int>::max();
  if (auto b = r.Integer("begin", 0, kMaxOffset)) s.begin = static_cast<int>(*b);
  if (auto e = r.Integer("end", 0, kMaxOffset)) s.end = static_cast<int>(*e);
  if (auto p = r.String("pointer")) s.pointer = *p;
  r.Finish();
  return s;
}

json PoseToJson(const Pose& p) {
  return json{{"x", p.x}, {"y", p.y}, {"z", p.z}, {"yaw_deg", RadToDeg(p.yaw_rad)}};
}

Pose PoseFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  Pose p;
  JsonObjectReader r(j, pointer, problems);
  p.x = r.Number("x").value_or(0.0);
  p.y = r.Number("y").value_or(0.0);
  p.z = r.Number("z").value_or(0.0);
  p.yaw_rad = DegToRad(r.Number("yaw_deg").value_or(0.0));
  r.Finish();
  return p;
}

json AssetToJson(const AssetRef& a) {
  json out{{"source", a.source}, {"id", a.id}};
  if (!a.name.empty()) out["name"] = a.name;
  if (!a.creator.empty()) out["creator"] = a.creator;
  if (!a.license.empty()) out["license"] = a.license;
  return out;
}

AssetRef AssetFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  AssetRef a;
  if (j.is_string()) {
    // Short form "source:id".
    const std::string s = j.get<std::string>();
    const size_t colon = s.find(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == s.size()) {
      problems->Add(pointer, "expected \"source:id\" (e.g. \"procedural:chair\"), found \"" +
                                 Excerpt(s, 100) + "\"");
      return a;
    }
    a.source = s.substr(0, colon);
    a.id = s.substr(colon + 1);
  } else {
    JsonObjectReader r(j, pointer, problems);
    a.source = r.String("source", /*required=*/true).value_or("");
    a.id = r.String("id", /*required=*/true).value_or("");
    a.name = r.String("name").value_or("");
    a.creator = r.String("creator").value_or("");
    a.license = r.String("license").value_or("");
    r.Finish();
  }
  if (!a.source.empty() && a.source != "procedural" && a.source != "sh3d" && a.source != "user") {
    problems->Add(pointer, "unknown asset source '" + Excerpt(a.source, 100) +
                               "' (expected procedural, sh3d or user)");
  }
  return a;
}

Object ObjectFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  Object o;
  JsonObjectReader r(j, pointer, problems);
  o.id = r.String("id", /*required=*/true).value_or("");
  o.category = r.String("category", /*required=*/true).value_or("");
  o.description = r.String("description").value_or("");
  o.count_group = r.String("count_group").value_or("");
  if (const json* a = r.Get("asset")) o.asset = AssetFromJson(*a, problems, r.PointerTo("asset"));
  if (auto size = r.NumberArray("size_m", 3)) o.size = Vec3FromArray(*size);
  if (auto front = r.Bool("has_front")) o.has_front = *front;
  if (auto access = r.Number("access_m")) {
    if (*access >= 0 && *access <= 3) {
      o.access_m = *access;
    } else {
      r.AddProblem("access_m", "the clearance to use an object must be 0 to 3 m");
    }
  }
  if (auto side = r.Bool("access_long_side")) o.access_long_side = *side;
  if (auto support = r.String("support")) {
    if (auto s = SupportFromName(*support)) {
      o.support = *s;
    } else {
      r.AddProblem("support", "unknown support '" + Excerpt(*support, 100) +
                                  "' (expected floor, surface, wall or ceiling)");
    }
  }
  if (const json* p = r.Get("pose")) {
    o.pose = PoseFromJson(*p, problems, r.PointerTo("pose"));
    o.pose_fixed = true;
  }
  if (auto fixed = r.Bool("pose_fixed")) o.pose_fixed = *fixed && o.pose.has_value();
  if (const json* s = r.Get("source"))
    o.source = SourceFromJson(*s, problems, r.PointerTo("source"));
  r.Finish();
  return o;
}

json ObjectToJson(const Object& o) {
  json out{{"id", o.id}, {"category", o.category}};
  if (!o.description.empty()) out["description"] = o.description;
  if (!o.count_group.empty()) out["count_group"] = o.count_group;
  if (!o.asset.empty()) out["asset"] = AssetToJson(o.asset);
  if (o.HasSize()) out["size_m"] = Vec3ToJson(o.size);
  out["has_front"] = o.has_front;
  out["support"] = std::string(SupportName(o.support));
  if (o.access_m > 0) out["access_m"] = o.access_m;
  if (o.access_long_side) out["access_long_side"] = true;
  if (o.pose) out["pose"] = PoseToJson(*o.pose);
  if (o.pose && !o.pose_fixed) out["pose_fixed"] = false;
  if (!o.source.empty()) out["source"] = SourceToJson(o.source);
  return out;
}

Relation RelationFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  Relation rel;
  JsonObjectReader r(j, pointer, problems);
  if (auto type = r.String("type", /*required=*/true)) {
    if (auto t = RelationTypeFromName(*type)) {
      rel.type = *t;
    } else {
      std::vector<std::string> names;
      for (const RelationInfo& info : AllRelationInfos()) names.emplace_back(info.name);
      r.AddProblem("type", "unknown relation type '" + Excerpt(*type, 100) +
                               "' (known: " + Join(names, ", ") + ")");
    }
  }
  rel.objects = r.StringArray("objects", /*required=*/true).value_or(std::vector<std::string>{});
  if (const json* args = r.Get("args")) {
    const std::string args_pointer = r.PointerTo("args");
    if (!args->is_object()) {
      problems->Add(args_pointer, "expected an object, found " + JsonTypeName(*args));
    } else {
      for (auto it = args->begin(); it != args->end(); ++it) {
        if (it.value().is_number()) {
          rel.args.numbers[it.key()] = it.value().get<double>();
        } else if (it.value().is_string()) {
          rel.args.words[it.key()] = it.value().get<std::string>();
        } else {
          problems->Add(JsonPointerAppend(args_pointer, it.key()),
                        "expected a number or a string, found " + JsonTypeName(it.value()));
        }
      }
    }
  }
  rel.hard = r.Bool("hard").value_or(false);
  rel.weight = r.Number("weight").value_or(1.0);
  if (const json* s = r.Get("source"))
    rel.source = SourceFromJson(*s, problems, r.PointerTo("source"));
  r.Finish();
  return rel;
}

// Reads one opening of a room of `room` size (width x, depth y, height z): it must fit in its wall.
Opening OpeningFromJson(const json& j, const Vec3& room, JsonProblems* problems,
                        const std::string& pointer) {
  Opening o;
  JsonObjectReader r(j, pointer, problems);
  o.kind = r.String("kind", /*required=*/true).value_or("door");
  if (o.kind != "door" && o.kind != "window") r.AddProblem("kind", "expected door or window");
  o.id = r.String("id").value_or("");
  // The wall is checked against the room's walls once the whole environment is read.
  o.wall = r.String("wall").value_or("");
  o.offset_m = r.Number("offset_m").value_or(0.0);
  const bool door = o.kind == "door";
  o.width_m = r.Number("width_m").value_or(door ? 0.9 : 1.2);
  o.height_m = r.Number("height_m").value_or(door ? 2.05 : 1.2);
  o.sill_m = r.Number("sill_m").value_or(door ? 0.0 : 0.9);
  if (!(o.width_m > 0) || !(o.height_m > 0) || o.sill_m < 0) {
    r.AddProblem("width_m", "width and height must be positive and the sill not negative");
  } else {
    const double wall_m = o.wall == "left" || o.wall == "right" ? room.y : room.x;
    if (std::abs(o.offset_m) + o.width_m / 2 > wall_m / 2 + 1e-9) {
      r.AddProblem("offset_m", "the opening (" + FormatNumber(o.width_m, 2) + " m wide at " +
                                   FormatNumber(o.offset_m, 2) + " m) does not fit in its " +
                                   FormatNumber(wall_m, 2) + " m wall");
    }
    if (o.sill_m + o.height_m > room.z + 1e-9) {
      r.AddProblem("height_m", "sill plus height (" + FormatNumber(o.sill_m + o.height_m, 2) +
                                   " m) is above the " + FormatNumber(room.z, 2) + " m ceiling");
    }
  }
  r.Finish();
  return o;
}

json OpeningToJson(const Opening& o) {
  json out{{"kind", o.kind}};
  if (!o.id.empty()) out["id"] = o.id;
  if (!o.wall.empty()) out["wall"] = o.wall;
  out["offset_m"] = o.offset_m;
  out["width_m"] = o.width_m;
  out["height_m"] = o.height_m;
  out["sill_m"] = o.sill_m;
  return out;
}

}  // namespace

Camera CameraFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  Camera c;
  JsonObjectReader r(j, pointer, problems);
  if (auto p = r.NumberArray("position", 3, /*required=*/true)) c.position = Vec3FromArray(*p);
  if (auto t = r.NumberArray("target", 3, /*required=*/true)) c.target = Vec3FromArray(*t);
  c.fov_deg = r.Number("fov_deg").value_or(50.0);
  if (c.fov_deg <= 1.0 || c.fov_deg >= 170.0) r.AddProblem("fov_deg", "must be in (1, 170)");
  r.Finish();
  return c;
}

Environment EnvironmentFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  Environment env;
  JsonObjectReader r(j, pointer, problems);
  if (auto kind = r.String("kind", /*required=*/true)) {
    if (*kind == "room") {
      env.kind = Environment::Kind::kRoom;
    } else if (*kind == "outdoor") {
      env.kind = Environment::Kind::kOutdoor;
      env.size = {20.0, 20.0, 0.0};
    } else {
      r.AddProblem("kind", "unknown environment kind '" + *kind + "' (expected room or outdoor)");
    }
  }
  if (r.Has("size_m")) {
    const size_t n = env.IsRoom() ? 3 : 2;
    const json* size = r.Get("size_m");
    if (!env.IsRoom() && size->is_array() && size->size() == 3) {
      // Outdoor scenes accept [x, y, ignored] too.
      if (auto s = r.NumberArray("size_m", 3)) env.size = {(*s)[0], (*s)[1], 0.0};
    } else if (auto s = r.NumberArray("size_m", n)) {
      env.size = {(*s)[0], (*s)[1], n == 3 ? (*s)[2] : 0.0};
    }
  }
  if (const json* polygon = r.Get("floor_polygon_m")) {
    const std::string ptr = r.PointerTo("floor_polygon_m");
    std::vector<Vec2> corners;
    bool well_formed = env.IsRoom() && polygon->is_array();
    // The simple-polygon check compares every pair of edges: keep plans to a sane size.
    constexpr size_t kMaxFloorCorners = 256;
    if (well_formed && polygon->size() > kMaxFloorCorners) {
      problems->Add(ptr, "a floor polygon has at most " + std::to_string(kMaxFloorCorners) +
                             " corners, found " + std::to_string(polygon->size()));
      well_formed = false;
    }
    for (size_t i = 0; well_formed && i < polygon->size(); ++i) {
      const json& c = (*polygon)[i];
      if (!c.is_array() || c.size() != 2 || !c[0].is_number() || !c[1].is_number()) {
        problems->Add(JsonPointerAppend(ptr, i), "expected a corner [x, y] in metres");
        well_formed = false;
      } else {
        corners.push_back({c[0].get<double>(), c[1].get<double>()});
      }
    }
    if (!env.IsRoom()) {
      problems->Add(ptr, "only rooms have a floor polygon");
    } else if (!polygon->is_array()) {
      problems->Add(ptr, "expected an array of corners [x, y]");
    } else if (well_formed) {
      if (const std::string problem = PolygonProblem(corners); !problem.empty()) {
        problems->Add(ptr, problem);
      } else {
        const Vec3 given = env.size;
        env.SetFloorPolygon(std::move(corners));
        // A size written along with the polygon must be the polygon's own.
        if (r.Has("size_m") &&
            (std::abs(given.x - env.size.x) > 0.05 || std::abs(given.y - env.size.y) > 0.05)) {
          r.AddProblem("size_m", "size " + given.ToString() +
                                     " m disagrees with the floor polygon's extent " +
                                     FormatNumber(env.size.x) + " x " + FormatNumber(env.size.y) +
                                     " m (give the height alone as wall_height_m)");
        }
      }
    }
  }
  if (auto h = r.Number("wall_height_m")) {
    if (!env.IsRoom()) r.AddProblem("wall_height_m", "only rooms have walls");
    env.size.z = *h;
  }
  if (env.size.x <= 0.5 || env.size.y <= 0.5 || (env.IsRoom() && env.size.z <= 1.0) ||
      env.size.x > 1000 || env.size.y > 1000 || env.size.z > 100) {
    r.AddProblem("size_m", "size " + env.size.ToString() +
                               " m is not plausible (0.5 to 1000 m across, rooms 1 to 100 m high)");
  }
  if (const json* openings = r.Get("openings")) {
    if (!openings->is_array() || !env.IsRoom()) {
      r.AddProblem("openings", env.IsRoom() ? "expected an array" : "only rooms have openings");
    } else if (openings->size() > SceneLimits::kMaxOpenings) {
      r.AddProblem("openings", std::to_string(openings->size()) + " openings; at most " +
                                   std::to_string(SceneLimits::kMaxOpenings));
    } else {
      for (size_t i = 0; i < openings->size(); ++i) {
        env.openings.push_back(OpeningFromJson((*openings)[i], env.size, problems,
                                               JsonPointerAppend(r.PointerTo("openings"), i)));
      }
      const std::vector<WallSegment> walls = RoomWalls(env);
      std::vector<std::string> names;
      for (const WallSegment& w : walls) names.push_back(w.name);
      for (size_t i = 0; i < env.openings.size(); ++i) {
        const std::string& wall = env.openings[i].wall;
        if (wall.empty() || FindWall(walls, wall) != nullptr) continue;
        problems->Add(JsonPointerAppend(JsonPointerAppend(r.PointerTo("openings"), i), "wall"),
                      "no wall is named '" + wall + "' (expected " + Join(names, ", ") +
                          ", or none to let the solver choose)");
      }
    }
  }
  env.ground = r.String("ground").value_or("");
  if (env.ground.size() > SceneLimits::kMaxWordBytes) r.AddProblem("ground", "is too long");
  env.room_type = r.String("room_type").value_or("");
  if (env.room_type.size() > SceneLimits::kMaxWordBytes) r.AddProblem("room_type", "is too long");
  env.time_of_day = r.String("time_of_day").value_or("");
  if (!env.time_of_day.empty() &&
      std::find(Environment::kTimesOfDay.begin(), Environment::kTimesOfDay.end(),
                env.time_of_day) == Environment::kTimesOfDay.end()) {
    r.AddProblem("time_of_day", "is '" + env.time_of_day +
                                    "' (expected dawn, morning, noon, afternoon, dusk or night)");
  }
  r.Finish();
  return env;
}

json EnvironmentToJson(const Environment& env) {
  json out{{"kind", env.IsRoom() ? "room" : "outdoor"}};
  out["size_m"] = env.IsRoom() ? Vec3ToJson(env.size) : json::array({env.size.x, env.size.y});
  if (!env.floor_polygon_m.empty()) {
    out["floor_polygon_m"] = json::array();
    for (const Vec2& p : env.floor_polygon_m) out["floor_polygon_m"].push_back({p.x, p.y});
  }
  if (!env.openings.empty()) {
    out["openings"] = json::array();
    for (const Opening& o : env.openings) out["openings"].push_back(OpeningToJson(o));
  }
  if (!env.ground.empty()) out["ground"] = env.ground;
  if (!env.time_of_day.empty()) out["time_of_day"] = env.time_of_day;
  if (!env.room_type.empty()) out["room_type"] = env.room_type;
  return out;
}

json RelationToJson(const Relation& rel) {
  json out{{"type", std::string(RelationTypeName(rel.type))}, {"objects", rel.objects}};
  if (!rel.args.empty()) {
    json args = json::object();
    for (const auto& [k, v] : rel.args.numbers) args[k] = v;
    for (const auto& [k, v] : rel.args.words) args[k] = v;
    out["args"] = args;
  }
  if (rel.hard) out["hard"] = true;
  if (rel.weight != 1.0) out["weight"] = rel.weight;
  if (!rel.source.empty()) out["source"] = SourceToJson(rel.source);
  return out;
}

json CameraToJson(const Camera& c) {
  return json{{"position", Vec3ToJson(c.position)},
              {"target", Vec3ToJson(c.target)},
              {"fov_deg", c.fov_deg}};
}

SceneGraph SceneGraphFromJson(const json& j, JsonProblems* problems, const std::string& pointer) {
  SceneGraph g;
  JsonObjectReader r(j, pointer, problems);
  if (!r.valid()) return g;
  if (auto schema = r.Number("schema", /*required=*/true)) {
    if (*schema != SceneGraph::kSchema) {
      r.AddProblem("schema", "unsupported schema " + FormatNumber(*schema) +
                                 " (this version reads " + std::to_string(SceneGraph::kSchema) +
                                 ")");
    }
  }
  if (const json* env = r.Get("environment", /*required=*/true)) {
    g.environment = EnvironmentFromJson(*env, problems, r.PointerTo("environment"));
  }
  if (const json* objects = r.Get("objects", /*required=*/true)) {
    if (!objects->is_array()) {
      r.AddProblem("objects", "expected an array, found " + JsonTypeName(*objects));
    } else if (objects->size() > SceneLimits::kMaxObjects) {
      // Not read at all: a million objects give one line.
      r.AddProblem("objects", std::to_string(objects->size()) + " objects; at most " +
                                  std::to_string(SceneLimits::kMaxObjects));
    } else {
      for (size_t i = 0; i < objects->size(); ++i) {
        g.objects.push_back(
            ObjectFromJson((*objects)[i], problems, JsonPointerAppend(r.PointerTo("objects"), i)));
      }
    }
  }
  if (const json* relations = r.Get("relations")) {
    if (!relations->is_array()) {
      r.AddProblem("relations", "expected an array, found " + JsonTypeName(*relations));
    } else if (relations->size() > SceneLimits::kMaxRelations) {
      r.AddProblem("relations", std::to_string(relations->size()) + " relations; at most " +
                                    std::to_string(SceneLimits::kMaxRelations));
    } else {
      for (size_t i = 0; i < relations->size(); ++i) {
        g.relations.push_back(RelationFromJson((*relations)[i], problems,
                                               JsonPointerAppend(r.PointerTo("relations"), i)));
      }
    }
  }
  if (const json* subscenes = r.Get("subscenes")) {
    if (!subscenes->is_array()) {
      r.AddProblem("subscenes", "expected an array, found " + JsonTypeName(*subscenes));
    } else if (subscenes->size() > SceneLimits::kMaxSubscenes) {
      r.AddProblem("subscenes", std::to_string(subscenes->size()) + " sub-scenes; at most " +
                                    std::to_string(SceneLimits::kMaxSubscenes));
    } else {
      for (size_t i = 0; i < subscenes->size(); ++i) {
        JsonObjectReader s((*subscenes)[i], JsonPointerAppend(r.PointerTo("subscenes"), i),
                           problems);
        Subscene sub;
        sub.title = s.String("title").value_or("");
        sub.description = s.String("description").value_or("");
        sub.objects = s.StringArray("objects").value_or(std::vector<std::string>{});
        s.Finish();
        g.subscenes.push_back(std::move(sub));
      }
    }
  }
  if (const json* camera = r.Get("camera")) {
    g.camera = CameraFromJson(*camera, problems, r.PointerTo("camera"));
  }
  g.notes = r.StringArray("notes").value_or(std::vector<std::string>{});
  g.prompt = r.String("prompt").value_or("");
  if (const json* results = r.Get("results")) {
    if (!results->is_array()) {
      r.AddProblem("results", "expected an array, found " + JsonTypeName(*results));
    } else if (results->size() > SceneLimits::kMaxRelations) {
      r.AddProblem("results", std::to_string(results->size()) + " results; at most " +
                                  std::to_string(SceneLimits::kMaxRelations));
    } else {
      for (size_t i = 0; i < results->size(); ++i) {
        JsonObjectReader s((*results)[i], JsonPointerAppend(r.PointerTo("results"), i), problems);
        RelationResult res;
        res.relation = static_cast<size_t>(
            s.Integer("relation", 0, SceneLimits::kMaxRelations, /*required=*/true).value_or(0));
        res.score = s.Number("score").value_or(0.0);
        res.pass = s.Bool("pass").value_or(false);
        res.reason = s.String("reason").value_or("");
        s.Get("type");  // Written for readers; implied by the relation index.
        s.Finish();
        if (res.relation >= g.relations.size() &&
            !problems->Has(
                JsonPointerAppend(JsonPointerAppend(r.PointerTo("results"), i), "relation"))) {
          problems->Add(JsonPointerAppend(JsonPointerAppend(r.PointerTo("results"), i), "relation"),
                        "no relation has index " + std::to_string(res.relation));
        }
        g.results.push_back(std::move(res));
      }
    }
  }
  r.Finish();
  AssignOpeningIds(&g);
  ValidateSceneGraph(g, problems, pointer);
  return g;
}

Environment ParseEnvironment(std::string_view text, std::string_view origin) {
  const json j = ParseJson(text, origin);
  JsonProblems problems;
  Environment env = EnvironmentFromJson(j, &problems, "");
  problems.ThrowIfAny(origin);
  return env;
}

SceneGraph ParseSceneGraph(std::string_view text, std::string_view origin) {
  const json j = ParseJson(text, origin);
  JsonProblems problems;
  SceneGraph g = SceneGraphFromJson(j, &problems);
  problems.ThrowIfAny(origin);
  return g;
}

json SceneGraphToJson(const SceneGraph& g) {
  json out{{"schema", SceneGraph::kSchema}, {"environment", EnvironmentToJson(g.environment)}};
  if (!g.prompt.empty()) out["prompt"] = g.prompt;
  out["objects"] = json::array();
  for (const Object& o : g.objects) out["objects"].push_back(ObjectToJson(o));
  out["relations"] = json::array();
  for (const Relation& r : g.relations) out["relations"].push_back(RelationToJson(r));
  if (!g.subscenes.empty()) {
    out["subscenes"] = json::array();
    for (const Subscene& s : g.subscenes) {
      out["subscenes"].push_back(
          json{{"title", s.title}, {"description", s.description}, {"objects", s.objects}});
    }
  }
  if (g.camera) out["camera"] = CameraToJson(*g.camera);
  if (!g.notes.empty()) out["notes"] = g.notes;
  if (!g.results.empty()) {
    out["results"] = json::array();
    for (const RelationResult& r : g.results) {
      json rj{{"relation", r.relation}, {"score", r.score}, {"pass", r.pass}};
      if (r.relation < g.relations.size()) {
        rj["type"] = std::string(RelationTypeName(g.relations[r.relation].type));
      }
      if (!r.reason.empty()) rj["reason"] = r.reason;
      out["results"].push_back(rj);
    }
  }
  return out;
}

std::string SceneGraphToJsonText(const SceneGraph& graph) {
  // Invalid UTF-8 in a text becomes U+FFFD instead of an exception.
  return SceneGraphToJson(graph).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace scenecraft
