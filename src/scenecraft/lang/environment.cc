// The environment a plan is set in (a room, or open ground, sized for its objects) and the order
// of its sub-scenes: the last steps of stage 6 (`defaults.h`), after the defaults.
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/defaults_detail.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

using T = RelationType;
using defaults_detail::AnyKind;
using defaults_detail::CatalogEntry;
using defaults_detail::Head;

// A room's height when the text gives none.
constexpr double kRoomHeight = 2.8;
// The tallest thing a room holds: its ceiling may rise to twice its height (agent/room_fit.cc).
constexpr double kTallestInRoom = 2.0 * kRoomHeight;

// Knowledge, not grammar: things of the open air, by their WordNet classes (every hyponym
// belongs).
const std::vector<std::string>& OutdoorClasses() {
  static const std::vector<std::string> c = {
      "tree",    "shrub",    "building", "motor vehicle", "fence",       "tent",
      "bicycle", "fountain", "birdbath", "bird bath",     "street lamp", "streetlight"};
  return c;
}

// Whether WordNet defines the thing as one of the open air ("campfire": "a small outdoor fire
// for warmth or cooking").
bool MadeForOutdoors(const std::string& category) {
  const std::string gloss = WordNet::Get().Gloss(category);
  for (const char* outdoor : {"outdoor", "outside", "open air", "open-air", "out of doors"}) {
    if (gloss.find(outdoor) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

void ChooseEnvironment(const std::string& setting, NounKind setting_kind, SceneGraph* graph) {
  Environment& env = graph->environment;
  double footprint = 0.0, largest = 0.0;
  double room_footprint = 0.0, room_largest = 0.0;  // the same for the things in a room
  int outdoor_votes = 0;
  // A building stands outdoors: a scene that places things by one ("a shovel by the shed") is
  // set outside it; one that rests on or in something is a model of one ("a dollhouse on a
  // table").
  std::set<std::string> held, related;
  for (const Relation& r : graph->relations) {
    related.insert(r.objects.begin(), r.objects.end());
    if (r.type == T::kOn || r.type == T::kInside || r.type == T::kStack || r.type == T::kOnWall ||
        r.type == T::kHanging) {
      held.insert(r.objects.front());
    }
  }
  bool building = false;
  std::set<std::string> open_air_things;
  for (const Object& o : graph->objects) {
    // So does a natural feature built as a thing ("chairs surrounding the duck pond"): its head
    // names an outdoor place first.
    building = building || (related.count(o.id) && !held.count(o.id) &&
                            (ClassifyNoun(o.category) == NounKind::kBuilding ||
                             ClassifyNoun(Head(o.category)) == NounKind::kOutdoorPlace));
    const Vec3 size = ExpectedSize(o);
    footprint += size.x * size.y;
    largest = std::max({largest, size.x, size.y});
    // In a room a thing takes a sense that fits under the highest ceiling a room may get, as the
    // assets build it (a balloon is first the 15 m craft, in a room the toy; a 3.8 m bus raises
    // the ceiling instead: agent/room_fit.cc).
    // Only to make the room smaller: a sense that fits under the ceiling but is wider (a "tent
    // thing") would grow the room the assets then measure it against.
    Vec3 in_room = size;
    if (size.z > kTallestInRoom) {
      const Vec3 fitting =
          ExpectedSize(o, Vec3{std::numeric_limits<double>::infinity(),
                               std::numeric_limits<double>::infinity(), kTallestInRoom});
      if (std::max(fitting.x, fitting.y) <= std::max(size.x, size.y)) in_room = fitting;
    }
    room_footprint += in_room.x * in_room.y;
    room_largest = std::max({room_largest, in_room.x, in_room.y});
    const bool open_air = MadeForOutdoors(o.category);
    if (open_air) open_air_things.insert(o.id);
    outdoor_votes +=
        !held.count(o.id) && (AnyKind(o.category, OutdoorClasses()) || open_air) ? 1 : 0;
  }
  // What the text places by a thing of the open air is out there with it ("four stumps around a
  // bonfire").
  std::set<std::string> with_open_air;
  for (const Relation& r : graph->relations) {
    if (r.objects.size() < 2 || !open_air_things.count(r.objects.back())) continue;
    for (size_t k = 0; k + 1 < r.objects.size(); ++k) with_open_air.insert(r.objects[k]);
  }
  outdoor_votes += static_cast<int>(with_open_air.size());
  bool outdoor = false;
  // (An outdoor setting may have no name left: "chairs around the pond" builds the pond.)
  if (!setting.empty() || setting_kind == NounKind::kOutdoorPlace) {
    outdoor = setting_kind == NounKind::kOutdoorPlace;
  } else if (!env.openings.empty()) {
    // A door or window the text names is in a wall: things placed by it are inside ("a bicycle
    // next to the front door"), or the relation to it could not hold.
    outdoor = false;
  } else {
    outdoor = building ||
              (outdoor_votes > 0 && outdoor_votes * 3 >= static_cast<int>(graph->objects.size()));
  }
  if (outdoor) {
    env.kind = Environment::Kind::kOutdoor;
    env.ground = setting.empty() ? "grass" : GroundOf(setting);
    const double side = std::max({20.0, std::sqrt(footprint * 6.0), 3.0 * largest});
    env.size = {side, side, 0};
    // Outdoors there are no room walls to hold doors and windows: a door or window the text
    // names ("a grill near the back door" on a patio) is a thing of its own, a building's wall
    // with it (the assets build it so), and the relations to it stay.
    for (const Opening& opening : env.openings) {
      Object o;
      o.id = opening.id;
      o.category = opening.kind;
      o.has_front = true;
      graph->objects.push_back(std::move(o));
    }
    env.openings.clear();
    return;
  }
  env.kind = Environment::Kind::kRoom;
  env.size = {5.0, 4.0, kRoomHeight};
  // Room enough: the floor is at least three times what the objects cover.
  const double need = room_footprint * 3.0;
  const double area = env.size.x * env.size.y;
  if (need > area) {
    const double grow = std::sqrt(need / area);
    env.size = {env.size.x * grow, env.size.y * grow, env.size.z};
  }
  env.size.x = std::max(env.size.x, room_largest + 1.0);
  env.size.y = std::max(env.size.y, room_largest + 1.0);
  // A room the text gives no window still gets one, for light and a sense of scale.
  if (env.openings.empty()) {
    env.openings.push_back({"window", "back", env.size.x * 0.25, 1.2, 1.2, 0.9, "window_1"});
  }
}

void Decompose(SceneGraph* graph) {
  std::set<std::string> references, placed_by_room, details;
  for (const Relation& r : graph->relations) {
    const RelationInfo& info = GetRelationInfo(r.type);
    if (info.has_reference && r.objects.size() >= 2) references.insert(r.objects.back());
    if (r.type == T::kAgainstWall || r.type == T::kInCorner || r.type == T::kCenter) {
      placed_by_room.insert(r.objects[0]);
    }
    if (r.type == T::kOn || r.type == T::kOnWall || r.type == T::kHanging || r.type == T::kInside) {
      details.insert(r.objects[0]);
    }
  }
  std::vector<std::string> anchors, groups, rest;
  for (const Object& o : graph->objects) {
    const CategoryInfo* info = CatalogEntry(o.category);
    const bool detail =
        details.count(o.id) || (info != nullptr && info->support != Support::kFloor);
    if (detail) {
      rest.push_back(o.id);
    } else if (references.count(o.id) || placed_by_room.count(o.id)) {
      anchors.push_back(o.id);
    } else {
      groups.push_back(o.id);
    }
  }
  auto add = [&](const std::string& title, const std::string& description,
                 const std::vector<std::string>& ids) {
    for (size_t start = 0; start < ids.size(); start += 20) {
      Subscene s;
      s.title = title + (ids.size() > 20 ? " " + std::to_string(start / 20 + 1) : "");
      s.description = description;
      s.objects.assign(ids.begin() + start, ids.begin() + std::min(ids.size(), start + 20));
      graph->subscenes.push_back(std::move(s));
    }
  };
  add("anchors", "large objects that others are placed relative to, and those set by the room",
      anchors);
  add("groups", "the objects arranged around the anchors", groups);
  add("details", "objects on surfaces, on walls and hanging from the ceiling", rest);
}

}  // namespace scenecraft
