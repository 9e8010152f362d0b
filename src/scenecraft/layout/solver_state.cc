#include "scenecraft/layout/solver_state.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "scenecraft/layout/access.h"

namespace scenecraft::solver {
namespace {

// The gap left between a thing hung above another and the other's top, metres.
constexpr double kAboveClearance = 0.1;

// Outdoors, the part of the ground a scene is laid out on: a square centred on the ground, big
// enough that the floor objects cover about an eighth of it (at least 8 m, at most the ground),
// grown to hold the objects whose poses are fixed. A garden of a few objects then stays a garden
// around its middle instead of spreading over the whole 20 m lawn.
Rect2 Site(const SceneGraph& graph) {
  const Rect2 ground = graph.environment.FloorRect();
  double area = 0.0;
  for (const Object& o : graph.objects) {
    if (o.support == Support::kFloor) area += o.size.x * o.size.y;
  }
  const double half = std::max(4.0, std::sqrt(8.0 * area)) / 2;
  const Vec2 c = ground.Center();
  Rect2 site{{std::max(ground.min.x, c.x - half), std::max(ground.min.y, c.y - half)},
             {std::min(ground.max.x, c.x + half), std::min(ground.max.y, c.y + half)}};
  for (const Object& o : graph.objects) {
    if (!o.pose || !o.pose_fixed || !o.HasSize()) continue;
    const Rect2 f = o.WorldBox().Footprint();
    site = Rect2{{std::min(site.min.x, f.min.x), std::min(site.min.y, f.min.y)},
                 {std::max(site.max.x, f.max.x), std::max(site.max.y, f.max.y)}};
  }
  return site;
}

}  // namespace

State::State(SceneGraph* graph, const SolverOptions& options)
    : graph_(graph), options_(options), rng_(options.seed) {
  const size_t n = graph->objects.size();
  items_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    Object& o = graph->objects[i];
    index_[o.id] = static_cast<int>(i);
    items_[i].object = &o;
    items_[i].fixed = o.pose.has_value() && o.pose_fixed;
    items_[i].wall = o.support == Support::kWall;
    items_[i].ceiling = o.support == Support::kCeiling;
    items_[i].flat = IsFlatCovering(o.category);
  }
  // A stack first: its members rest on one another, whatever else names them a support (the
  // books of "a stack of books on the footstool"; the first of them rests on the footstool).
  for (const Relation& rel : graph->relations) {
    if (rel.type != RelationType::kStack) continue;
    for (size_t k = 0; k + 1 < rel.objects.size(); ++k) {
      Attach(index_.at(rel.objects[k + 1]), index_.at(rel.objects[k]));
    }
  }
  for (size_t r = 0; r < graph->relations.size(); ++r) {
    const Relation& rel = graph->relations[r];
    std::set<int> seen;
    for (const std::string& id : rel.objects) {
      const int i = index_.at(id);
      if (seen.insert(i).second) items_[i].relations.push_back(r);
    }
    const int last = index_.at(rel.objects.back());
    switch (rel.type) {
      case RelationType::kOn:
        Attach(index_.at(rel.objects[0]), last);
        break;
      case RelationType::kInside:
        // Contents go where their container goes, onto its bottom (a bowl of fruit on a table).
        if (Attach(index_.at(rel.objects[0]), last))
          items_[index_.at(rel.objects[0])].in_parent = true;
        break;
      case RelationType::kFacing:
      case RelationType::kAcross:
        items_[index_.at(rel.objects[0])].face_target = last;
        if (rel.type == RelationType::kAcross) items_[last].face_target = index_.at(rel.objects[0]);
        break;
      case RelationType::kAround:
        for (size_t k = 0; k + 1 < rel.objects.size(); ++k) {
          items_[index_.at(rel.objects[k])].face_target = last;
        }
        break;
      case RelationType::kOnWall:
        // Its support says so too: the critic's support test finds a wall behind it.
        items_[index_.at(rel.objects[0])].wall = true;
        items_[index_.at(rel.objects[0])].wall_aligned = true;
        items_[index_.at(rel.objects[0])].object->support = Support::kWall;
        break;
      case RelationType::kAgainstWall:
      case RelationType::kInCorner:
        items_[index_.at(rel.objects[0])].wall_aligned = true;
        break;
      case RelationType::kUnder:
        // Under a window is at the window's wall (its test asks for it): the thing slides along
        // walls like furniture against one.
        if (const Opening* o = FindOpening(graph->environment, rel.objects.back());
            o != nullptr && o->kind == "window") {
          items_[index_.at(rel.objects[0])].wall_aligned = true;
        }
        break;
      case RelationType::kHanging:
        items_[index_.at(rel.objects[0])].ceiling = true;
        break;
      case RelationType::kRow:
      case RelationType::kGrid:
        if (rel.objects.size() >= 20) {
          for (const std::string& id : rel.objects) items_[index_.at(id)].in_formation = true;
        }
        break;
      default:
        break;
    }
    std::vector<int> members;
    for (const std::string& id : rel.objects) members.push_back(index_.at(id));
    for (int a : members) {
      for (int b : members) {
        std::vector<int>& rl = items_[a].related;
        if (a != b && std::find(rl.begin(), rl.end(), b) == rl.end()) rl.push_back(b);
      }
    }
    if (AllowsOverlap(rel.type)) {
      for (size_t k = 0; k < members.size(); ++k) {
        for (size_t m = k + 1; m < members.size(); ++m) {
          items_[members[k]].exempt.push_back(members[m]);
          items_[members[m]].exempt.push_back(members[k]);
        }
      }
    }
    // A relation's last object is its reference; the others are placed relative to it.
    for (size_t k = 0; k + 1 < members.size(); ++k) {
      std::vector<int>& d = items_[members.back()].dependents;
      if (members[k] != members.back() && std::find(d.begin(), d.end(), members[k]) == d.end()) {
        d.push_back(members[k]);
      }
    }
    members_.push_back(std::move(members));
  }
  // What is above a thing and names no support of its own (a TV above the fireplace, a lamp
  // above the table) cannot stand on the floor: over a thing against a wall it hangs on that
  // wall, over one out in the room from the ceiling. A thing that mostly stands on the floor (a
  // board, a shelf unit) goes up too when it fits between the thing's top and the ceiling: on the
  // floor it could never be above it; one that does not fit (a loft bed over a desk) keeps the
  // floor. The object's support says where it went, so the critic's support test and a later
  // solve see it; what hangs on a wall by its nature (a picture) keeps its wall and goes over the
  // thing.
  if (graph->environment.IsRoom()) {
    std::set<int> mounted;  // on a wall or the ceiling by a relation of its own
    for (const Relation& rel : graph->relations) {
      if (rel.type == RelationType::kOnWall || rel.type == RelationType::kHanging)
        mounted.insert(index_.at(rel.objects[0]));
    }
    for (const Relation& rel : graph->relations) {
      if (rel.type != RelationType::kAbove || rel.objects.size() != 2) continue;
      const int self = index_.at(rel.objects[0]);
      Item& it = items_[self];
      const int over = index_.at(rel.objects[1]);
      const Support support = it.object->support;
      if (it.parent >= 0 || mounted.count(self) > 0 || it.fixed || support == Support::kCeiling ||
          it.flat) {
        continue;
      }
      if (support == Support::kFloor &&
          SizeOf(self).z + SizeOf(over).z + kAboveClearance > graph->environment.size.z) {
        continue;
      }
      const bool over_wall = items_[over].wall_aligned || items_[over].wall;
      if (over_wall) {
        it.wall = true;
        it.wall_aligned = true;
        it.ceiling = false;
        it.above = over;
        it.object->support = Support::kWall;
      } else if (support == Support::kSurface || support == Support::kFloor) {
        it.wall = false;
        it.ceiling = true;
        it.above = over;
        it.object->support = Support::kCeiling;
      }
    }
  }
  // A door and the clearance in front of it touch by design.
  for (const Opening& opening : graph->environment.openings) {
    const auto door = index_.find(opening.id);
    const auto clearance = index_.find(DoorClearanceId(opening.id));
    if (door == index_.end() || clearance == index_.end()) continue;
    items_[door->second].exempt.push_back(clearance->second);
    items_[clearance->second].exempt.push_back(door->second);
  }
  // What a few seats face turns back toward the first of them, when it has a front and faces
  // nothing itself: a TV toward the sofa that faces it, the armchairs beside seeing it from
  // the side (a preference, see ShapeCost). A desk a whole class faces is left alone. What
  // rests on a support with a front (a TV on its stand) stays square to it: the support turns
  // back instead, or, when it cannot turn (against a wall), the watcher comes in front of it.
  std::vector<int> watchers(n, 0);
  for (const Relation& rel : graph->relations) {
    if (rel.type == RelationType::kFacing) ++watchers[index_.at(rel.objects.back())];
  }
  for (const Relation& rel : graph->relations) {
    const int b = index_.at(rel.objects.back());
    if (rel.type != RelationType::kFacing || watchers[b] > 3 || items_[b].face_back >= 0 ||
        items_[b].face_target >= 0 || !items_[b].object->has_front) {
      continue;
    }
    int turner = b;
    while (items_[turner].parent >= 0 && items_[items_[turner].parent].object->has_front) {
      turner = items_[turner].parent;
    }
    if (items_[turner].face_back < 0 && items_[turner].face_target < 0) {
      items_[turner].face_back = index_.at(rel.objects[0]);
    }
  }
  // Rows and grids whose members all face one object: that object's place shapes the group
  // (see ShapeCost), so moving it re-evaluates the group's relation.
  group_target_.assign(graph->relations.size(), -1);
  grid_pitch_.assign(graph->relations.size(), Vec2{});
  for (size_t r = 0; r < graph->relations.size(); ++r) {
    const RelationType type = graph->relations[r].type;
    if (type != RelationType::kRow && type != RelationType::kGrid) continue;
    grid_pitch_[r] = Pitch(graph->relations[r]);
    int target = items_[members_[r][0]].face_target;
    for (int m : members_[r]) {
      if (items_[m].face_target != target) target = -1;
    }
    if (target < 0) continue;
    group_target_[r] = target;
    items_[target].relations.push_back(r);
  }
  floor_ = graph->environment.IsRoom() ? graph->environment.FloorRect() : Site(*graph);
  polygon_ = graph->environment.IsRoom() ? graph->environment.floor_polygon_m : Polygon2{};
  if (!polygon_.empty()) {
    // Walls the default camera looks through (facing +Y) are not built: nothing stands
    // against them unless it must.
    for (const WallSegment& w : RoomWalls(graph->environment)) {
      if (w.inward.y < 0.7) walls_.push_back(w);
    }
    if (walls_.empty()) walls_ = RoomWalls(graph->environment);
  }
  bodies_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    bodies_[i].id = items_[i].object->id;
    bodies_[i].category = items_[i].object->category;
    bodies_[i].has_front = items_[i].object->has_front;
    bodies_[i].support = items_[i].object->support;
    bodies_[i].local_size = items_[i].object->size;
    bodies_[i].modelled = true;
    if (items_[i].object->support == Support::kFloor) {
      bodies_[i].access_m = items_[i].object->access_m;
      bodies_[i].access_long_side = items_[i].object->access_long_side;
    }
  }
  // Doors and windows are built as the boxes they are (cuts in a wall): measured, not modelled.
  for (const Opening& opening : graph->environment.openings) {
    for (const std::string& id : {opening.id, DoorClearanceId(opening.id)}) {
      if (const auto it = index_.find(id); it != index_.end()) bodies_[it->second].modelled = false;
    }
  }
  // Cells about the size of a typical object: most moves then look at a handful of cells.
  std::vector<double> extents;
  for (const Item& it : items_) extents.push_back(std::max(it.object->size.x, it.object->size.y));
  double cell = 1.0;
  if (!extents.empty()) {
    std::nth_element(extents.begin(), extents.begin() + extents.size() / 2, extents.end());
    cell = std::max(0.5, extents[extents.size() / 2]);
  }
  grid_.Reset(floor_, cell, n);
}

bool State::Attach(int child, int parent) {
  if (child == parent || items_[child].parent >= 0) return false;
  // Refuse cycles (A on B on A).
  for (int p = parent; p >= 0; p = items_[p].parent) {
    if (p == child) return false;
  }
  items_[child].parent = parent;
  items_[parent].children.push_back(child);
  return true;
}

void State::Subtree(int i, std::vector<int>* out) const {
  out->assign(1, i);
  for (size_t k = 0; k < out->size(); ++k) {
    for (int c : items_[(*out)[k]].children) out->push_back(c);
  }
}

std::vector<int> State::Subtree(int i) const {
  std::vector<int> out;
  Subtree(i, &out);
  return out;
}

std::vector<Pose> State::Poses() const {
  std::vector<Pose> out;
  for (const Item& it : items_) out.push_back(*it.object->pose);
  return out;
}

void State::SetPoses(const std::vector<Pose>& poses) {
  for (size_t i = 0; i < items_.size(); ++i) items_[i].object->pose = poses[i];
  for (size_t i = 0; i < items_.size(); ++i) UpdateBody(static_cast<int>(i));
}

// Refreshes the box and turn of an object's body (names and flags were set once) and its
// place in the collision grid.
void State::UpdateBody(int i) {
  const Object& o = *items_[i].object;
  if (!o.pose) return;
  bodies_[i].box = o.WorldBox();
  bodies_[i].yaw_rad = o.pose->yaw_rad;
  grid_.Update(i, bodies_[i].Foot().Expanded(GridMargin(i)));
}

// The z where an object rests: on its parent's top, on the floor, on a wall, at the ceiling.
double State::RestZ(int i) const {
  const Item& it = items_[i];
  if (it.parent >= 0)
    return it.in_parent ? bodies_[it.parent].box.min.z : bodies_[it.parent].box.max.z;
  if (it.ceiling && graph_->environment.IsRoom()) {
    return std::max(0.0, graph_->environment.size.z - SizeOf(i).z);
  }
  if (it.wall) {
    const double h = graph_->environment.IsRoom() ? graph_->environment.size.z : 3.0;
    double z = 1.5 - SizeOf(i).z / 2;
    // Over a thing, clear of its top.
    if (it.above >= 0) z = std::max(z, bodies_[it.above].box.max.z + 0.05);
    return std::clamp(z, 0.5, std::max(0.5, h - SizeOf(i).z - 0.1));
  }
  return 0.0;
}

// Half extents of an object's footprint at a yaw.
Vec2 State::Half(int i, double yaw) const {
  const Vec3& s = SizeOf(i);
  const double c = std::abs(std::cos(yaw)), sn = std::abs(std::sin(yaw));
  return {0.5 * (s.x * c + s.y * sn), 0.5 * (s.x * sn + s.y * c)};
}

// Keeps a floor object's footprint inside the floor.
void State::ClampToFloor(int i, Pose* p) const {
  const Vec2 h = Half(i, p->yaw_rad);
  p->x = std::clamp(p->x, floor_.min.x + h.x, std::max(floor_.min.x + h.x, floor_.max.x - h.x));
  p->y = std::clamp(p->y, floor_.min.y + h.y, std::max(floor_.min.y + h.y, floor_.max.y - h.y));
}

// Puts a wall object flat against the wall nearest to (x, y), facing into the room.
const WallSegment* State::NearestWall(const Vec2& p) const {
  const WallSegment* best = nullptr;
  double best_d = 1e18;
  for (const WallSegment& w : walls_) {
    const double t = std::clamp((p - w.a).Dot(w.Direction()), 0.0, w.Length());
    const double d = (p - (w.a + w.Direction() * t)).Norm();
    if (d < best_d) {
      best_d = d;
      best = &w;
    }
  }
  return best;
}

void State::SnapToSegment(int i, const WallSegment& wall, Pose* p) const {
  const Vec3& s = SizeOf(i);
  const double length = wall.Length();
  const double t = length > s.x ? std::clamp((Vec2{p->x, p->y} - wall.a).Dot(wall.Direction()),
                                             s.x / 2, length - s.x / 2)
                                : length / 2;
  const Vec2 c = wall.a + wall.Direction() * t + wall.inward * (s.y / 2 + 1e-3);
  p->x = c.x;
  p->y = c.y;
  p->yaw_rad = YawFacing(wall.inward);
}

void State::SnapToWall(int i, Pose* p) const {
  if (!polygon_.empty()) {
    if (const WallSegment* wall = NearestWall({p->x, p->y})) SnapToSegment(i, *wall, p);
    return;
  }
  const Vec3& s = SizeOf(i);
  const double w = floor_.Width() / 2, d = floor_.Depth() / 2;
  const double to_back = d - p->y, to_left = p->x + w, to_right = w - p->x;
  const double to_front = p->y + d;
  const double m =
      std::min({to_back, to_left, to_right, graph_->environment.IsRoom() ? 1e9 : to_front});
  if (m == to_back) {
    p->yaw_rad = 0.0;
    p->y = d - s.y / 2;
    p->x = std::clamp(p->x, -w + s.x / 2, w - s.x / 2);
  } else if (m == to_left) {
    p->yaw_rad = kPi / 2;  // front faces +X
    p->x = -w + s.y / 2;
    p->y = std::clamp(p->y, -d + s.x / 2, d - s.x / 2);
  } else if (m == to_right) {
    p->yaw_rad = -kPi / 2;  // front faces -X
    p->x = w - s.y / 2;
    p->y = std::clamp(p->y, -d + s.x / 2, d - s.x / 2);
  } else {
    p->yaw_rad = kPi;
    p->y = -d + s.y / 2;
  }
}

double State::RandomQuarterTurn() {
  return rng_.UniformInt(0, 3) * kPi / 2;
}

// Centre-to-centre distances of a row or grid: along a row (the widest member plus 0.4 m, or
// the relation's spacing_m) and between rows (the deepest member plus 0.8 m).
// Members per row: a grid's `columns` (or the nearest square), one row for everything else.
// Member k stands in row k / columns, column k % columns.
int State::Columns(const Relation& r) {
  const double m = static_cast<double>(r.objects.size());
  if (r.type != RelationType::kGrid) return static_cast<int>(m);
  return static_cast<int>(
      std::max(1.0, r.args.Number("columns").value_or(std::ceil(std::sqrt(m)))));
}

Vec2 State::Pitch(const Relation& r) const {
  double width = 0, depth = 0;
  for (const std::string& id : r.objects) {
    width = std::max(width, SizeOf(index_.at(id)).x);
    depth = std::max(depth, SizeOf(index_.at(id)).y);
  }
  Vec2 pitch{r.args.Number("spacing_m").value_or(width + 0.4), depth + 0.8};
  // A formation too wide or deep for the floor closes up (to 5 cm between seats and 0.3 m
  // between rows at the most) rather than spilling out of the room; a given spacing stays.
  const int columns = Columns(r);
  const int rows = (static_cast<int>(r.objects.size()) + columns - 1) / columns;
  if (!r.args.Number("spacing_m") && columns > 1 && columns * pitch.x > 0.95 * floor_.Width()) {
    pitch.x = std::max(width + 0.05, 0.95 * floor_.Width() / columns);
  }
  if (rows > 1 && rows * pitch.y > 0.8 * floor_.Depth()) {
    pitch.y = std::max(depth + 0.3, 0.8 * floor_.Depth() / rows);
  }
  return pitch;
}

double State::FaceYaw(int i, int t) const {
  return YawFacing(bodies_[t].Center2() - bodies_[i].Center2());
}

RelationEvaluation State::Evaluate(size_t r, bool words) const {
  scratch_.clear();
  for (int m : members_[r]) scratch_.push_back(&bodies_[m]);
  EvalContext context;
  context.environment = &graph_->environment;
  context.camera = graph_->camera ? &*graph_->camera : nullptr;
  context.words = words;
  return EvaluateRelation(graph_->relations[r], scratch_, context);
}

bool State::Related(int a, int b) const {
  const std::vector<int>& r = items_[a].related;
  return std::find(r.begin(), r.end(), b) != r.end();
}

int State::AccessSide(int i) const {
  const Body& b = bodies_[i];
  if (b.access_m <= 0) return -1;
  if (!b.access_long_side) return 0;
  const Vec2 middle = floor_.Center();
  const Vec2 left = AccessZone(b, 1, b.access_m)[0], right = AccessZone(b, 2, b.access_m)[1];
  return (left - middle).Norm() <= (right - middle).Norm() ? 1 : 2;
}

}  // namespace scenecraft::solver
