// ValidateSceneGraph: the checks every scene passes however it was made (a file, an LLM reply),
// after the reader has checked types. Split from scene_json.cc, which reads and writes.
#include <cmath>
#include <set>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using L = SceneLimits;

// Records a problem when a text is longer than `max_bytes`.
void CheckLength(std::string_view text, size_t max_bytes, const std::string& pointer,
                 JsonProblems* problems) {
  if (text.size() <= max_bytes) return;
  problems->Add(pointer, "is " + std::to_string(text.size()) + " bytes long; at most " +
                             std::to_string(max_bytes));
}

// Records a problem when a name (an id, a category) holds a control or bidirectional-override
// character: they would reorder or hide what a terminal, a report or Blender shows.
void CheckName(std::string_view text, std::string_view what, const std::string& pointer,
               JsonProblems* problems) {
  const std::string found = FindControlCharacter(text);
  if (found.empty()) return;
  problems->Add(pointer, std::string(what) + " contains the control character " + found +
                             " (control and bidirectional-override characters are not allowed)");
}

void CheckCount(size_t count, size_t max, std::string_view what, const std::string& pointer,
                JsonProblems* problems) {
  if (count <= max) return;
  problems->Add(pointer, std::to_string(count) + " " + std::string(what) + "; at most " +
                             std::to_string(max));
}

// |v| <= limit, with room for the rounding of a unit conversion (degrees to radians and back).
bool Within(double v, double limit) {
  return std::isfinite(v) && std::abs(v) <= limit * (1 + 1e-12);
}

void ValidateObject(const Object& o, const std::string& ptr, JsonProblems* problems) {
  const std::string id_ptr = JsonPointerAppend(ptr, "id");
  if (o.id.size() > L::kMaxIdBytes) {
    problems->Add(id_ptr, "object id is " + std::to_string(o.id.size()) + " bytes long; at most " +
                              std::to_string(L::kMaxIdBytes) + " (Blender names hold 63 bytes)");
  }
  CheckName(o.id, "object id", id_ptr, problems);
  const std::string category_ptr = JsonPointerAppend(ptr, "category");
  if (Trim(o.category).empty() && !problems->Has(category_ptr)) {
    problems->Add(category_ptr, "category must not be empty");
  }
  CheckLength(o.category, L::kMaxCategoryBytes, category_ptr, problems);
  CheckName(o.category, "category", category_ptr, problems);
  // A description holds words of the prompt, so it may be as long as a prompt.
  CheckLength(o.description, L::kMaxPromptBytes, JsonPointerAppend(ptr, "description"), problems);
  CheckLength(o.count_group, L::kMaxTextBytes, JsonPointerAppend(ptr, "count_group"), problems);
  const std::string asset_ptr = JsonPointerAppend(ptr, "asset");
  CheckLength(o.asset.source, L::kMaxWordBytes, asset_ptr, problems);
  for (const std::string* text : {&o.asset.id, &o.asset.name, &o.asset.creator, &o.asset.license}) {
    CheckLength(*text, L::kMaxTextBytes, asset_ptr, problems);
  }
  const bool any_size = o.size.x != 0 || o.size.y != 0 || o.size.z != 0;
  if (any_size && (!o.HasSize() || o.size.x > 500 || o.size.y > 500 || o.size.z > 500)) {
    problems->Add(JsonPointerAppend(ptr, "size_m"),
                  "size " + o.size.ToString() + " m must be positive and at most 500 m");
  }
  if (o.pose) {
    const std::string pose_ptr = JsonPointerAppend(ptr, "pose");
    const Pose& p = *o.pose;
    if (!Within(p.x, L::kMaxCoordinateM) || !Within(p.y, L::kMaxCoordinateM) ||
        !Within(p.z, L::kMaxCoordinateM)) {
      problems->Add(pose_ptr, "position " + p.ToString() + " is more than " +
                                  FormatNumber(L::kMaxCoordinateM) + " m from the origin");
    }
    if (!Within(RadToDeg(p.yaw_rad), L::kMaxYawDeg)) {
      problems->Add(JsonPointerAppend(pose_ptr, "yaw_deg"),
                    "must be within +-" + FormatNumber(L::kMaxYawDeg) + " degrees");
    }
  }
}

void ValidateRelation(const Relation& rel, const std::set<std::string>& ids, const std::string& ptr,
                      JsonProblems* problems) {
  const RelationInfo& info = GetRelationInfo(rel.type);
  const int n = static_cast<int>(rel.objects.size());
  // An unknown type was reported where it was read; its arity and arguments mean nothing.
  const bool type_known = !problems->Has(JsonPointerAppend(ptr, "type"));
  if (type_known && (n < info.min_objects || (info.max_objects >= 0 && n > info.max_objects))) {
    std::string want = info.max_objects == info.min_objects
                           ? std::to_string(info.min_objects)
                           : (info.max_objects < 0 ? "at least " + std::to_string(info.min_objects)
                                                   : std::to_string(info.min_objects) + " to " +
                                                         std::to_string(info.max_objects));
    problems->Add(JsonPointerAppend(ptr, "objects"), std::string(info.name) + " takes " + want +
                                                         " objects, found " + std::to_string(n));
  }
  std::set<std::string> seen;
  for (size_t k = 0; k < rel.objects.size(); ++k) {
    const std::string& id = rel.objects[k];
    const std::string obj_ptr = JsonPointerAppend(JsonPointerAppend(ptr, "objects"), k);
    if (ids.count(id) == 0) {
      problems->Add(obj_ptr, "no object has id '" + Excerpt(id, L::kMaxIdBytes) + "'");
    } else if (!seen.insert(id).second) {
      problems->Add(obj_ptr, "object '" + id + "' appears twice in one relation");
    }
  }
  const std::string args_ptr = JsonPointerAppend(ptr, "args");
  auto check_arg = [&](const std::string& key) {
    if (!type_known) return;
    for (std::string_view allowed : info.args) {
      if (allowed == key) return;
    }
    std::vector<std::string> names(info.args.begin(), info.args.end());
    problems->Add(JsonPointerAppend(args_ptr, key),
                  "relation " + std::string(info.name) + " takes no argument '" +
                      Excerpt(key, L::kMaxWordBytes) + "'" +
                      (info.args.empty() ? "" : " (it takes: " + Join(names, ", ") + ")"));
  };
  for (const auto& [key, value] : rel.args.numbers) {
    check_arg(key);
    if (!Within(value, L::kMaxArgument)) {
      problems->Add(JsonPointerAppend(args_ptr, key),
                    "must be within +-" + FormatNumber(L::kMaxArgument));
    }
  }
  for (const auto& [key, value] : rel.args.words) {
    check_arg(key);
    CheckLength(value, L::kMaxWordBytes, JsonPointerAppend(args_ptr, key), problems);
  }
  if (!(rel.weight > 0.0) || rel.weight > 1000.0) {
    problems->Add(JsonPointerAppend(ptr, "weight"), "weight must be in (0, 1000]");
  }
}

void ValidateCamera(const Camera& c, const std::string& ptr, JsonProblems* problems) {
  for (const auto& [name, v] : {std::pair{"position", c.position}, {"target", c.target}}) {
    if (!Within(v.x, L::kMaxCameraM) || !Within(v.y, L::kMaxCameraM) ||
        !Within(v.z, L::kMaxCameraM)) {
      problems->Add(JsonPointerAppend(ptr, name),
                    "must be within " + FormatNumber(L::kMaxCameraM) + " m of the origin");
    }
  }
  const Vec3 d = c.target - c.position;
  if (d.x * d.x + d.y * d.y + d.z * d.z < 1e-6) {
    problems->Add(JsonPointerAppend(ptr, "target"), "the camera's target is its position");
  }
}

}  // namespace

void ValidateSceneGraph(const SceneGraph& graph, JsonProblems* problems,
                        const std::string& pointer) {
  // Counts first: a hostile file with a million objects gets one line, not a million.
  const std::string objects_ptr = JsonPointerAppend(pointer, "objects");
  const std::string relations_ptr = JsonPointerAppend(pointer, "relations");
  const std::string sub_ptr = JsonPointerAppend(pointer, "subscenes");
  CheckCount(graph.objects.size(), L::kMaxObjects, "objects", objects_ptr, problems);
  CheckCount(graph.relations.size(), L::kMaxRelations, "relations", relations_ptr, problems);
  CheckCount(graph.subscenes.size(), L::kMaxSubscenes, "sub-scenes", sub_ptr, problems);
  CheckCount(graph.notes.size(), L::kMaxNotes, "notes", JsonPointerAppend(pointer, "notes"),
             problems);
  CheckLength(graph.prompt, L::kMaxPromptBytes, JsonPointerAppend(pointer, "prompt"), problems);
  for (size_t i = 0; i < graph.notes.size(); ++i) {
    CheckLength(graph.notes[i], L::kMaxTextBytes,
                JsonPointerAppend(JsonPointerAppend(pointer, "notes"), i), problems);
  }

  // Objects: ids unique and well-formed, texts bounded, sizes and poses plausible.
  std::set<std::string> ids;
  for (size_t i = 0; i < graph.objects.size(); ++i) {
    const Object& o = graph.objects[i];
    const std::string ptr = JsonPointerAppend(objects_ptr, i);
    if (o.id.empty()) {
      problems->Add(JsonPointerAppend(ptr, "id"), "object id must not be empty");
    } else if (!ids.insert(o.id).second) {
      problems->Add(JsonPointerAppend(ptr, "id"), "duplicate object id '" + o.id + "'");
    }
    ValidateObject(o, ptr, problems);
  }
  // Openings share the objects' name space: relations may name them.
  const std::string openings_ptr =
      JsonPointerAppend(JsonPointerAppend(pointer, "environment"), "openings");
  for (size_t i = 0; i < graph.environment.openings.size(); ++i) {
    const std::string& id = graph.environment.openings[i].id;
    if (id.empty()) continue;
    if (!ids.insert(id).second) {
      problems->Add(JsonPointerAppend(JsonPointerAppend(openings_ptr, i), "id"),
                    "opening id '" + Excerpt(id, L::kMaxIdBytes) +
                        "' is already used by an object or opening");
    }
  }

  // Relations: types, arity, existing distinct objects, arguments.
  for (size_t i = 0; i < graph.relations.size(); ++i) {
    ValidateRelation(graph.relations[i], ids, JsonPointerAppend(relations_ptr, i), problems);
  }

  // Sub-scenes name existing objects; the camera looks at something from a sane place.
  for (size_t i = 0; i < graph.subscenes.size(); ++i) {
    const Subscene& sub = graph.subscenes[i];
    const std::string ptr = JsonPointerAppend(sub_ptr, i);
    CheckLength(sub.title, L::kMaxTextBytes, JsonPointerAppend(ptr, "title"), problems);
    CheckLength(sub.description, L::kMaxTextBytes, JsonPointerAppend(ptr, "description"), problems);
    for (size_t k = 0; k < sub.objects.size(); ++k) {
      const std::string& id = sub.objects[k];
      if (ids.count(id) == 0) {
        problems->Add(JsonPointerAppend(JsonPointerAppend(ptr, "objects"), k),
                      "no object has id '" + Excerpt(id, L::kMaxIdBytes) + "'");
      }
    }
  }
  if (graph.camera) ValidateCamera(*graph.camera, JsonPointerAppend(pointer, "camera"), problems);
}

}  // namespace scenecraft
