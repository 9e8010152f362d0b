#include "scenecraft/core/scene.h"

#include "scenecraft/core/polygon.h"
#include "scenecraft/core/readback.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

std::string_view SupportName(Support support) {
  switch (support) {
    case Support::kFloor:
      return "floor";
    case Support::kSurface:
      return "surface";
    case Support::kWall:
      return "wall";
    case Support::kCeiling:
      return "ceiling";
  }
  return "?";
}

std::optional<Support> SupportFromName(std::string_view name) {
  for (Support s : {Support::kFloor, Support::kSurface, Support::kWall, Support::kCeiling}) {
    if (SupportName(s) == name) return s;
  }
  return std::nullopt;
}

std::string Pose::ToString() const {
  return "(" + FormatNumber(x) + ", " + FormatNumber(y) + ", " + FormatNumber(z) + ", yaw " +
         FormatNumber(RadToDeg(yaw_rad), 1) + " deg)";
}

Box3 Object::WorldBox() const {
  const Pose p = pose.value_or(Pose{});
  return PlacedBox(size, p.x, p.y, p.z, p.yaw_rad);
}

std::string Object::ToString() const {
  std::string out = id + " (" + category;
  if (!description.empty()) out += ", \"" + description + "\"";
  out += ", " + FormatNumber(size.x, 2) + "x" + FormatNumber(size.y, 2) + "x" +
         FormatNumber(size.z, 2) + " m";
  if (pose) out += ", at " + pose->ToString();
  out += ")";
  return out;
}

Rect2 Environment::FloorRect() const {
  return Rect2{{-0.5 * size.x, -0.5 * size.y}, {0.5 * size.x, 0.5 * size.y}};
}

std::vector<Vec2> Environment::FloorPolygon() const {
  if (!floor_polygon_m.empty()) return floor_polygon_m;
  const Rect2 r = FloorRect();
  return {r.min, {r.max.x, r.min.y}, r.max, {r.min.x, r.max.y}};
}

void Environment::SetFloorPolygon(std::vector<Vec2> polygon) {
  polygon = CounterClockwise(std::move(polygon));
  const Rect2 bounds = BoundingRect(polygon);
  floor_polygon_m = Translated(polygon, bounds.Center() * -1.0);
  size.x = bounds.Width();
  size.y = bounds.Depth();
}

std::string Environment::ToString() const {
  return std::string(IsRoom() ? "room " : "outdoor ") + FormatNumber(size.x, 2) + " x " +
         FormatNumber(size.y, 2) + (IsRoom() ? " x " + FormatNumber(size.z, 2) : "") + " m" +
         (floor_polygon_m.empty()
              ? ""
              : ", a floor of " + std::to_string(floor_polygon_m.size()) + " corners, " +
                    FormatNumber(Area(floor_polygon_m), 1) + " m^2");
}

std::string Camera::ToString() const {
  return "camera at " + position.ToString() + " looking at " + target.ToString() + ", fov " +
         FormatNumber(fov_deg, 1) + " deg";
}

const Object* SceneGraph::FindObject(std::string_view id) const {
  for (const Object& o : objects) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

Object* SceneGraph::FindObject(std::string_view id) {
  for (Object& o : objects) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

std::string SceneGraph::ToString() const {
  std::string out = environment.ToString() + ", " + std::to_string(objects.size()) + " objects, " +
                    std::to_string(relations.size()) + " relations";
  for (const Object& o : objects) out += "\n  " + o.ToString();
  for (const Relation& r : relations) out += "\n  " + r.ToString();
  return out;
}

std::ostream& operator<<(std::ostream& out, const Object& o) {
  return out << o.ToString();
}
std::ostream& operator<<(std::ostream& out, const SceneGraph& g) {
  return out << g.ToString();
}

const ObjectReadback* Readback::Find(std::string_view id) const {
  for (const ObjectReadback& o : objects) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

std::string_view FindingKindName(Finding::Kind kind) {
  switch (kind) {
    case Finding::Kind::kRelation:
      return "relation";
    case Finding::Kind::kCollision:
      return "collision";
    case Finding::Kind::kFloating:
      return "floating";
    case Finding::Kind::kOutOfRoom:
      return "out_of_room";
    case Finding::Kind::kCount:
      return "count";
    case Finding::Kind::kVisibility:
      return "visibility";
    case Finding::Kind::kAsset:
      return "asset";
    case Finding::Kind::kComposition:
      return "composition";
    case Finding::Kind::kNavigability:
      return "navigability";
    case Finding::Kind::kAccess:
      return "access";
  }
  return "?";
}

std::optional<Finding::Kind> FindingKindFromName(std::string_view name) {
  using K = Finding::Kind;
  for (K k : {K::kRelation, K::kCollision, K::kFloating, K::kOutOfRoom, K::kCount, K::kVisibility,
              K::kAsset, K::kComposition, K::kNavigability, K::kAccess}) {
    if (FindingKindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string Critique::ToString() const {
  std::string out = "score " + FormatNumber(score, 3) + " (" + std::to_string(relations_passed) +
                    "/" + std::to_string(relations_total) + " relations pass)";
  for (const Finding& f : findings) {
    if (f.pass) continue;
    out += "\n  " + std::string(FindingKindName(f.kind)) + " " + Join(f.objects, ", ") + ": " +
           f.measured + " (expected " + f.expected + ")";
  }
  return out;
}

}  // namespace scenecraft
