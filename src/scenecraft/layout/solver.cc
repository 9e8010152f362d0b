#include "scenecraft/layout/solver.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <set>

#include "scenecraft/core/room.h"
#include "scenecraft/layout/relations.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/rng.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

constexpr double kHardWeight = 100.0;
constexpr double kCollisionWeight = 60.0;
constexpr double kOutsideWeight = 80.0;
// Annealing: the start temperature (in cost units: a soft relation 1 m off costs about 1) and
// the length of one cooling run in moves per movable object.
constexpr double kStartTemperature = 0.5;
constexpr double kMovesPerObject = 300.0;
constexpr int kMaxFruitlessReheats = 3;
constexpr int kMaxFreshStarts = 2;

// A uniform grid over the floor: every object is listed in the cells its footprint covers, so a
// move is checked for collisions only against the objects in the cells it touches. Objects
// beyond the grid are clamped to its border cells, which keeps every overlapping pair found.
class CollisionGrid {
 public:
  void Reset(const Rect2& area, double cell, size_t n) {
    origin_ = area.min;
    cell_ = cell;
    nx_ = std::max(1, static_cast<int>(std::ceil(area.Width() / cell)));
    ny_ = std::max(1, static_cast<int>(std::ceil(area.Depth() / cell)));
    // Huge floors with small objects: coarser cells rather than millions of them.
    while (static_cast<long>(nx_) * ny_ > (1L << 20)) {
      cell_ *= 2;
      nx_ = (nx_ + 1) / 2;
      ny_ = (ny_ + 1) / 2;
    }
    cells_.assign(static_cast<size_t>(nx_) * ny_, {});
    spans_.assign(n, Span{});
    stamps_.assign(n, 0);
  }

  void Update(int i, const Rect2& foot) {
    Remove(i);
    const Span s = SpanOf(foot);
    for (int y = s.y0; y <= s.y1; ++y) {
      for (int x = s.x0; x <= s.x1; ++x) cells_[Cell(x, y)].push_back(i);
    }
    spans_[i] = s;
  }

  void Remove(int i) {
    const Span s = spans_[i];
    for (int y = s.y0; y <= s.y1; ++y) {
      for (int x = s.x0; x <= s.x1; ++x) {
        std::vector<int>& c = cells_[Cell(x, y)];
        auto it = std::find(c.begin(), c.end(), i);
        if (it != c.end()) {
          *it = c.back();
          c.pop_back();
        }
      }
    }
    spans_[i] = Span{};
  }

  // Calls f(j) once for every listed object sharing a cell with `area`.
  template <typename F>
  void ForEachNear(const Rect2& area, F&& f) {
    if (++query_ == 0) {  // the stamp wrapped: forget all marks
      std::fill(stamps_.begin(), stamps_.end(), 0);
      query_ = 1;
    }
    const Span s = SpanOf(area);
    for (int y = s.y0; y <= s.y1; ++y) {
      for (int x = s.x0; x <= s.x1; ++x) {
        for (int j : cells_[Cell(x, y)]) {
          if (stamps_[j] == query_) continue;
          stamps_[j] = query_;
          f(j);
        }
      }
    }
  }

 private:
  struct Span {
    int x0 = 0, x1 = -1, y0 = 0, y1 = -1;  // inclusive cell ranges; empty by default
  };
  int Clamp(double v, double origin, int count) const {
    return std::clamp(static_cast<int>(std::floor((v - origin) / cell_)), 0, count - 1);
  }
  Span SpanOf(const Rect2& r) const {
    return Span{Clamp(r.min.x, origin_.x, nx_), Clamp(r.max.x, origin_.x, nx_),
                Clamp(r.min.y, origin_.y, ny_), Clamp(r.max.y, origin_.y, ny_)};
  }
  size_t Cell(int x, int y) const { return static_cast<size_t>(y) * nx_ + x; }

  Vec2 origin_;
  double cell_ = 1.0;
  int nx_ = 1, ny_ = 1;
  std::vector<std::vector<int>> cells_;
  std::vector<Span> spans_;
  std::vector<uint32_t> stamps_;
  uint32_t query_ = 0;
};

// What a set of objects contributes beyond their relations: collisions, leaving the floor and
// tidiness. `bad` counts the failures among them (colliding pairs and objects off the floor).
struct ObjectTerms {
  double cost = 0.0;
  int bad = 0;
};

// The search state: one entry per object.
struct Item {
  Object* object = nullptr;
  bool fixed = false;
  int parent = -1;                // the object it rests on (on / stack), or -1
  std::vector<int> children;      // objects resting on it
  std::vector<size_t> relations;  // relations it takes part in
  int face_target = -1;           // an object it should face (facing, around, across)
  int face_back = -1;             // the one object facing it, when it faces nothing itself
  bool wall = false;              // hangs on a wall
  bool ceiling = false;           // hangs from the ceiling
  bool flat = false;              // rug-like: may lie under others
  bool wall_aligned = false;      // stands against or hangs on a wall: square to it
  bool in_formation = false;      // a member of a large row or grid: small steps, no jumps
  std::vector<int> exempt;        // objects it may overlap (on, under, stack ...)
  std::vector<int> dependents;    // floor objects placed relative to it (it is their reference)
};

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

class Layout {
 public:
  Layout(SceneGraph* graph, const SolverOptions& options)
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
        case RelationType::kStack:
          for (size_t k = 0; k + 1 < rel.objects.size(); ++k) {
            Attach(index_.at(rel.objects[k + 1]), index_.at(rel.objects[k]));
          }
          break;
        case RelationType::kFacing:
        case RelationType::kAcross:
          items_[index_.at(rel.objects[0])].face_target = last;
          if (rel.type == RelationType::kAcross)
            items_[last].face_target = index_.at(rel.objects[0]);
          break;
        case RelationType::kAround:
          for (size_t k = 0; k + 1 < rel.objects.size(); ++k) {
            items_[index_.at(rel.objects[k])].face_target = last;
          }
          break;
        case RelationType::kOnWall:
          items_[index_.at(rel.objects[0])].wall = true;
          items_[index_.at(rel.objects[0])].wall_aligned = true;
          break;
        case RelationType::kAgainstWall:
        case RelationType::kInCorner:
          items_[index_.at(rel.objects[0])].wall_aligned = true;
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
    // What a few seats face turns back toward the first of them, when it has a front and faces
    // nothing itself: a TV toward the sofa that faces it, the armchairs beside seeing it from
    // the side (a preference, see ShapeCost). A desk a whole class faces is left alone.
    std::vector<int> watchers(n, 0);
    for (const Relation& rel : graph->relations) {
      if (rel.type == RelationType::kFacing) ++watchers[index_.at(rel.objects.back())];
    }
    for (const Relation& rel : graph->relations) {
      const int b = index_.at(rel.objects.back());
      if (rel.type == RelationType::kFacing && watchers[b] <= 3 && items_[b].face_back < 0 &&
          items_[b].face_target < 0 && items_[b].object->has_front) {
        items_[b].face_back = index_.at(rel.objects[0]);
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
    bodies_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      bodies_[i].id = items_[i].object->id;
      bodies_[i].category = items_[i].object->category;
      bodies_[i].has_front = items_[i].object->has_front;
      bodies_[i].support = items_[i].object->support;
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
    rel_cost_.assign(graph->relations.size(), 0.0);
    rel_pass_.assign(graph->relations.size(), 0);
    rel_mark_.assign(graph->relations.size(), 0);
    touched_mark_.assign(n, 0);
  }

  SolveResult Run() {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::optional<Pose>> given;  // poses the caller gave (fixed or warm starts)
    for (const Item& it : items_) given.push_back(it.object->pose);
    Construct();
    for (size_t i = 0; i < items_.size(); ++i) UpdateBody(static_cast<int>(i));
    double cost = Recount();
    SolveResult result;
    // Local search with a falling temperature; restarts from the best state when stuck.
    std::vector<Pose> best_poses = Poses();
    double best_cost = cost;
    std::vector<int> movable;
    for (size_t i = 0; i < items_.size(); ++i) {
      if (!items_[i].fixed) movable.push_back(static_cast<int>(i));
    }
    const double scale = std::max(1.0, std::max(floor_.Width(), floor_.Depth()));
    // The constructive start is already close, so the search starts cool and cools within a few
    // hundred moves per object; a stuck search reheats from its best state (see below).
    const double schedule =
        std::min<double>(options_.max_moves, kMovesPerObject * movable.size() + 1000.0);
    int schedule_start = 0;
    int since_best = 0;
    std::vector<int> touched, relations;
    std::vector<Pose> saved;
    std::vector<double> new_cost;
    std::vector<char> new_pass;
    std::vector<int> conflicted;
    std::vector<int> group, scratch_tree;
    int next_refresh = 0;
    int fruitless_reheats = 0;
    int fresh_starts = 0;
    int polish_until = -1;  // the move count at which the polish ends, once it has begun
    int best_bad = bad_, bad_at_last_reheat = bad_ + 1;
    while (!movable.empty() && cost > 1e-9) {
      // Once every relation holds and nothing collides, a short greedy polish follows (the
      // shape and tidiness preferences: grids in line, rows turned alike, furniture square to
      // the walls) that never breaks what holds, then the search stops. `bad_` is kept up to
      // date move by move; a full recount confirms it.
      if (bad_ == 0 && polish_until < 0) {
        cost = Recount();
        if (bad_ == 0) {
          best_poses = Poses();
          best_cost = cost;
          best_bad = 0;
          polish_until = result.moves + std::min(20000, 30 * static_cast<int>(movable.size()));
        }
      }
      if (polish_until >= 0 && result.moves >= polish_until) break;
      if (result.moves % 64 == 0) {
        const double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (elapsed > options_.time_budget_s) break;
      }
      if (result.moves >= options_.max_moves) break;
      // The cooling schedule counts moves, not seconds, so a seed gives one layout.
      const double progress = std::min(1.0, (result.moves - schedule_start) / schedule);
      const bool polishing = polish_until >= 0;
      const double temperature = polishing ? 1e-9 : kStartTemperature * std::pow(0.001, progress);
      // Min-conflicts: most moves go to an object with a failing relation, a collision or a
      // place off the floor; the rest keep exploring. The list is refreshed now and then.
      if (result.moves >= next_refresh) {
        Conflicted(&conflicted);
        next_refresh = result.moves + std::max<int>(128, static_cast<int>(items_.size()) / 2);
      }
      const bool focus = !conflicted.empty() && rng_.Uniform() < 0.85;
      const int i = focus ? conflicted[rng_.UniformInt(0, static_cast<int>(conflicted.size()) - 1)]
                          : movable[rng_.UniformInt(0, static_cast<int>(movable.size()) - 1)];
      // Save, move, evaluate only what the move touches.
      Subtree(i, &touched);
      // Now and then a reference moves with the floor objects placed relative to it (a TV with
      // its sofa and coffee table), which keeps a satisfied group satisfied while it travels.
      group.clear();
      if (items_[i].parent < 0 && !items_[i].dependents.empty() && rng_.Uniform() < 0.3) {
        for (int d : items_[i].dependents) {
          if (items_[d].fixed || items_[d].parent >= 0 || items_[d].wall || items_[d].ceiling ||
              items_[d].wall_aligned ||
              std::find(touched.begin(), touched.end(), d) != touched.end()) {
            continue;
          }
          group.push_back(d);
          Subtree(d, &scratch_tree);
          touched.insert(touched.end(), scratch_tree.begin(), scratch_tree.end());
        }
      }
      TouchedRelations(touched, &relations);
      double before = 0.0;
      int bad_before = 0;
      for (int r : relations) {
        before += rel_cost_[r];
        bad_before += rel_pass_[r] ? 0 : 1;
      }
      const ObjectTerms terms_before = Terms(touched);
      before += terms_before.cost;
      bad_before += terms_before.bad;
      saved.clear();
      for (int t : touched) saved.push_back(*items_[t].object->pose);
      const Pose leader_before = *items_[i].object->pose;
      Propose(i, scale * std::max(0.02, 0.3 * (1.0 - progress)));
      const Pose& leader_after = *items_[i].object->pose;
      for (int d : group) {
        Translate(d, leader_after.x - leader_before.x, leader_after.y - leader_before.y);
      }
      for (int t : touched) UpdateBody(t);
      double after = 0.0;
      int bad_after = 0;
      new_cost.resize(relations.size());
      new_pass.resize(relations.size());
      for (size_t k = 0; k < relations.size(); ++k) {
        const RelationEvaluation e = Evaluate(relations[k]);
        new_cost[k] = CostOf(relations[k], e);
        new_pass[k] = e.pass ? 1 : 0;
        after += new_cost[k];
        bad_after += e.pass ? 0 : 1;
      }
      const ObjectTerms terms_after = Terms(touched);
      after += terms_after.cost;
      bad_after += terms_after.bad;
      const double delta = after - before;
      ++result.moves;
      // Lexicographic in spirit: a move that fixes a failure is always taken, one that adds a
      // failure only while the temperature allows it.
      const bool keeps = !polishing || bad_after <= bad_before;
      if (keeps && (delta <= 0 || rng_.Uniform() < std::exp(-delta / temperature))) {
        cost += delta;
        bad_ += bad_after - bad_before;
        for (size_t k = 0; k < relations.size(); ++k) {
          rel_cost_[relations[k]] = new_cost[k];
          rel_pass_[relations[k]] = new_pass[k];
        }
        if (cost < 1e-6) cost = Recount();  // No drift from summed deltas near the goal.
        ++result.accepted;
        if (cost < best_cost - 1e-9) {
          // Only a fixed failure or a real gain counts as progress against getting stuck.
          if (bad_ < best_bad || cost < best_cost * (1 - 1e-3)) since_best = 0;
          best_cost = cost;
          best_bad = bad_;
          best_poses = Poses();
        }
      } else {
        for (size_t k = 0; k < touched.size(); ++k) items_[touched[k]].object->pose = saved[k];
        for (int t : touched) UpdateBody(t);
      }
      if (!polishing && ++since_best > std::max(2000.0, schedule / 4)) {
        // Stuck: go back to the best state and reheat (multi-start from the best so far).
        // Several reheats in a row without a new best: what is left does not give way (often
        // relations that contradict each other), so stop rather than burn the budget.
        // Progress is counted in failures fixed, not in polish.
        if (best_bad >= bad_at_last_reheat && ++fruitless_reheats >= kMaxFruitlessReheats) {
          // A local optimum that reheating does not leave: a fresh constructive start (the
          // random choices fall differently) while there is budget; the best state is kept.
          const double elapsed =
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          if (fresh_starts >= kMaxFreshStarts || elapsed > options_.time_budget_s / 2 ||
              result.moves > options_.max_moves / 2) {
            break;
          }
          ++fresh_starts;
          for (size_t k = 0; k < items_.size(); ++k) {
            items_[k].object->pose = given[k];
            if (!given[k]) grid_.Remove(static_cast<int>(k));
          }
          Construct();
          for (size_t k = 0; k < items_.size(); ++k) UpdateBody(static_cast<int>(k));
          cost = Recount();
          fruitless_reheats = 0;
          bad_at_last_reheat = bad_ + 1;
          since_best = 0;
          schedule_start = result.moves;
          next_refresh = result.moves;
          polish_until = -1;
          continue;
        }
        if (best_bad < bad_at_last_reheat) fruitless_reheats = 0;
        bad_at_last_reheat = best_bad;
        SetPoses(best_poses);
        cost = Recount();
        since_best = 0;
        schedule_start = result.moves - static_cast<int>(0.3 * schedule);
        next_refresh = result.moves;
      }
    }
    // Turns are kept in (-180, 180] degrees; the search lets them wind up.
    for (Pose& p : best_poses) p.yaw_rad = WrapAngle(p.yaw_rad);
    SetPoses(best_poses);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Report(&result);
    return result;
  }

 private:
  void Attach(int child, int parent) {
    if (child == parent || items_[child].parent >= 0) return;
    // Refuse cycles (A on B on A).
    for (int p = parent; p >= 0; p = items_[p].parent) {
      if (p == child) return;
    }
    items_[child].parent = parent;
    items_[parent].children.push_back(child);
  }

  void Subtree(int i, std::vector<int>* out) const {
    out->assign(1, i);
    for (size_t k = 0; k < out->size(); ++k) {
      for (int c : items_[(*out)[k]].children) out->push_back(c);
    }
  }

  std::vector<int> Subtree(int i) const {
    std::vector<int> out;
    Subtree(i, &out);
    return out;
  }

  // The relations the objects take part in, each once.
  void TouchedRelations(const std::vector<int>& touched, std::vector<int>* out) {
    out->clear();
    if (++rel_stamp_ == 0) {
      std::fill(rel_mark_.begin(), rel_mark_.end(), 0);
      rel_stamp_ = 1;
    }
    for (int t : touched) {
      for (size_t r : items_[t].relations) {
        if (rel_mark_[r] == rel_stamp_) continue;
        rel_mark_[r] = rel_stamp_;
        out->push_back(static_cast<int>(r));
      }
    }
  }

  std::vector<Pose> Poses() const {
    std::vector<Pose> out;
    for (const Item& it : items_) out.push_back(*it.object->pose);
    return out;
  }

  void SetPoses(const std::vector<Pose>& poses) {
    for (size_t i = 0; i < items_.size(); ++i) items_[i].object->pose = poses[i];
    for (size_t i = 0; i < items_.size(); ++i) UpdateBody(static_cast<int>(i));
  }

  // Refreshes the box and turn of an object's body (names and flags were set once) and its
  // place in the collision grid.
  void UpdateBody(int i) {
    const Object& o = *items_[i].object;
    if (!o.pose) return;
    bodies_[i].box = o.WorldBox();
    bodies_[i].yaw_rad = o.pose->yaw_rad;
    grid_.Update(i, bodies_[i].Foot().Expanded(options_.clearance_m / 2 + 1e-9));
  }

  const Vec3& SizeOf(int i) const { return items_[i].object->size; }

  // The z where an object rests: on its parent's top, on the floor, on a wall, at the ceiling.
  double RestZ(int i) const {
    const Item& it = items_[i];
    if (it.parent >= 0) return bodies_[it.parent].box.max.z;
    if (it.ceiling && graph_->environment.IsRoom()) {
      return std::max(0.0, graph_->environment.size.z - SizeOf(i).z);
    }
    if (it.wall) {
      const double h = graph_->environment.IsRoom() ? graph_->environment.size.z : 3.0;
      return std::clamp(1.5 - SizeOf(i).z / 2, 0.5, std::max(0.5, h - SizeOf(i).z - 0.1));
    }
    return 0.0;
  }

  // Half extents of an object's footprint at a yaw.
  Vec2 Half(int i, double yaw) const {
    const Vec3& s = SizeOf(i);
    const double c = std::abs(std::cos(yaw)), sn = std::abs(std::sin(yaw));
    return {0.5 * (s.x * c + s.y * sn), 0.5 * (s.x * sn + s.y * c)};
  }

  // Keeps a floor object's footprint inside the floor.
  void ClampToFloor(int i, Pose* p) const {
    const Vec2 h = Half(i, p->yaw_rad);
    p->x = std::clamp(p->x, floor_.min.x + h.x, std::max(floor_.min.x + h.x, floor_.max.x - h.x));
    p->y = std::clamp(p->y, floor_.min.y + h.y, std::max(floor_.min.y + h.y, floor_.max.y - h.y));
  }

  // Puts a wall object flat against the wall nearest to (x, y), facing into the room.
  void SnapToWall(int i, Pose* p) const {
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

  double RandomQuarterTurn() { return rng_.UniformInt(0, 3) * kPi / 2; }

  // Centre-to-centre distances of a row or grid: along a row (the widest member plus 0.4 m, or
  // the relation's spacing_m) and between rows (the deepest member plus 0.8 m).
  // Members per row: a grid's `columns` (or the nearest square), one row for everything else.
  // Member k stands in row k / columns, column k % columns.
  static int Columns(const Relation& r) {
    const double m = static_cast<double>(r.objects.size());
    if (r.type != RelationType::kGrid) return static_cast<int>(m);
    return static_cast<int>(
        std::max(1.0, r.args.Number("columns").value_or(std::ceil(std::sqrt(m)))));
  }

  Vec2 Pitch(const Relation& r) const {
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

  // How crowded a footprint would be: its overlap with the floor objects placed so far (kept
  // 0.3 m apart) and the part of it off the floor.
  double Crowding(const Rect2& r, int self) {
    double area = std::max(0.0, r.Area() - IntersectionArea(r, floor_));
    grid_.ForEachNear(r.Expanded(0.3), [&](int j) {
      const Item& other = items_[j];
      if (j == self || other.flat || other.ceiling || other.parent >= 0) return;
      area += IntersectionArea(r, bodies_[j].Foot().Expanded(0.3));
    });
    return area;
  }

  // The least crowded of a few random centres for a footprint of half extents `h` inside
  // `region`: constructive placement that starts groups and objects apart instead of piled up.
  Vec2 FreeSpot(const Vec2& h, const Rect2& region, int self) {
    const Rect2 area{{std::max(region.min.x, floor_.min.x), std::max(region.min.y, floor_.min.y)},
                     {std::min(region.max.x, floor_.max.x), std::min(region.max.y, floor_.max.y)}};
    auto axis = [&](double lo, double hi, double half) {
      return lo + half <= hi - half ? rng_.Uniform(lo + half, hi - half) : (lo + hi) / 2;
    };
    Vec2 best = area.Center();
    double best_score = 1e18;
    for (int k = 0; k < 24; ++k) {
      const Vec2 c{axis(area.min.x, area.max.x, h.x), axis(area.min.y, area.max.y, h.y)};
      const double score = Crowding(Rect2{c - h, c + h}, self);
      if (score < best_score) {
        best_score = score;
        best = c;
        if (score <= 0) break;
      }
    }
    return best;
  }

  // Constructive initial poses, from the relation semantics, in stage order.
  void Construct() {
    const size_t n = items_.size();
    std::vector<bool> placed(n, false);
    for (size_t i = 0; i < n; ++i) {
      if (items_[i].object->pose) placed[i] = true;  // given or warm start
    }
    auto place = [&](int i, Pose p) {
      if (placed[i]) return;
      items_[i].object->pose = p;
      placed[i] = true;
      UpdateBody(i);
    };
    auto pos = [&](int i) { return *items_[i].object->pose; };
    for (size_t i = 0; i < n; ++i) UpdateBody(static_cast<int>(i));  // given poses occupy room
    // Objects in a facing or across relation, either way round.
    std::vector<char> face_pair(n, 0);
    for (size_t r = 0; r < graph_->relations.size(); ++r) {
      const RelationType type = graph_->relations[r].type;
      if ((type == RelationType::kFacing || type == RelationType::kAcross) &&
          members_[r].size() == 2) {
        face_pair[members_[r][0]] = face_pair[members_[r][1]] = 1;
      }
    }
    // 1. Anchors: corners, walls, the centre, then large floor objects at random.
    for (const Relation& r : graph_->relations) {
      const int a = index_.at(r.objects[0]);
      if (placed[a] || items_[a].parent >= 0) continue;
      Pose p{rng_.Uniform(floor_.min.x, floor_.max.x), rng_.Uniform(floor_.min.y, floor_.max.y), 0,
             0};
      if (r.type == RelationType::kInCorner) {
        const Vec2 h = Half(a, 0);
        p.x = (rng_.Uniform() < 0.5 ? floor_.min.x + h.x : floor_.max.x - h.x);
        p.y = floor_.max.y - h.y;
        p.yaw_rad = 0;
        place(a, p);
      } else if (r.type == RelationType::kAgainstWall || r.type == RelationType::kOnWall) {
        const auto wall = r.args.Word("wall");
        // The least crowded of a few places along the wall.
        Pose best = p;
        double best_score = 1e18;
        for (int k = 0; k < 12; ++k) {
          Pose q{rng_.Uniform(floor_.min.x, floor_.max.x), rng_.Uniform(floor_.min.y, floor_.max.y),
                 0, 0};
          if (wall == "back") q.y = floor_.max.y;
          if (wall == "left") q.x = floor_.min.x;
          if (wall == "right") q.x = floor_.max.x;
          if (!wall && face_pair[a]) {
            // Something faces it or it faces something (a sofa and its TV): a side wall, so
            // the pair lines up across the view and the camera sees both from the side.
            q.x = k % 2 == 0 ? floor_.min.x : floor_.max.x;
            q.y = rng_.Uniform(floor_.min.y + 0.3 * floor_.Depth(),
                               floor_.max.y - 0.2 * floor_.Depth());
          } else if (!wall) {
            q.y = floor_.max.y;  // the back wall faces the camera
          }
          SnapToWall(a, &q);
          const Vec2 h = Half(a, q.yaw_rad);
          const double score = Crowding(Rect2{Vec2{q.x, q.y} - h, Vec2{q.x, q.y} + h}, a);
          if (score < best_score) {
            best_score = score;
            best = q;
          }
        }
        p = best;
        p.z = r.type == RelationType::kOnWall ? RestZ(a) : 0.0;
        place(a, p);
        if (!wall && face_pair[a] && r.type == RelationType::kAgainstWall) {
          PlacePartner(a, placed, place);
        }
      } else if (r.type == RelationType::kCenter) {
        place(a, Pose{0, 0, 0, 0});
      }
    }
    // 2. Groups around a reference, rows, grids and circles.
    for (size_t ri = 0; ri < graph_->relations.size(); ++ri) {
      const Relation& r = graph_->relations[ri];
      const size_t m = r.objects.size();
      if (r.type == RelationType::kAround) {
        const int ref = index_.at(r.objects.back());
        if (!placed[ref]) {
          double reach = 0.3;
          for (size_t k = 0; k + 1 < m; ++k) {
            reach = std::max(reach, SizeOf(index_.at(r.objects[k])).y + 0.3);
          }
          const Vec2 c = FreeSpot(Half(ref, 0) + Vec2{reach, reach}, floor_, ref);
          place(ref, Pose{c.x, c.y, 0, 0});
        }
        const Pose c = pos(ref);
        const Vec3& rs = SizeOf(ref);
        if (std::max(rs.x, rs.y) > 1.3 * std::min(rs.x, rs.y)) {
          // A long table: seats along its sides, more on the long sides, each side's seats
          // evenly spaced and tucked close, facing the table.
          std::vector<int> seats;
          for (size_t k = 0; k + 1 < m; ++k) seats.push_back(index_.at(r.objects[k]));
          const std::array<double, 4> length{rs.x, rs.x, rs.y, rs.y};  // back, front, left, right
          std::array<int, 4> count{0, 0, 0, 0};
          for (size_t k = 0; k < seats.size(); ++k) {
            int best = 0;
            for (int side = 1; side < 4; ++side) {
              if (length[side] / (count[side] + 1) > length[best] / (count[best] + 1) + 1e-9) {
                best = side;
              }
            }
            ++count[best];
          }
          const Vec2 ax{std::cos(c.yaw_rad), std::sin(c.yaw_rad)};  // the table's +x
          const Vec2 ay{-ax.y, ax.x};                               // the table's +y
          size_t next = 0;
          for (int side = 0; side < 4; ++side) {
            for (int k = 0; k < count[side]; ++k) {
              const int a = seats[next++];
              const double t = (k + 0.5) / count[side] - 0.5;  // along the side, -0.5 .. 0.5
              // Square to the side, and far enough out that the table's centre is within 28
              // degrees of straight ahead (`facing` allows 30) for the seats off the middle.
              const double along = t * (side < 2 ? rs.x : rs.y);
              const double half = (side < 2 ? rs.y : rs.x) / 2;
              const double out = std::max(half + SizeOf(a).y / 2 + 0.08,
                                          std::abs(along) / std::tan(DegToRad(28.0)));
              const Vec2 normal = side == 0   ? Vec2{0, 1}
                                  : side == 1 ? Vec2{0, -1}
                                  : side == 2 ? Vec2{-1, 0}
                                              : Vec2{1, 0};
              const Vec2 tangent{-normal.y, normal.x};
              const Vec2 local = normal * out + tangent * along;
              const Vec2 offset = ax * local.x + ay * local.y;
              const Vec2 inward = (ax * normal.x + ay * normal.y) * -1.0;
              place(a, Pose{c.x + offset.x, c.y + offset.y, 0, YawFacing(inward)});
            }
          }
          continue;
        }
        for (size_t k = 0; k + 1 < m; ++k) {
          const int a = index_.at(r.objects[k]);
          const double angle = 2 * kPi * k / (m - 1) - kPi / 2;
          const Vec2 dir{std::cos(angle), std::sin(angle)};
          // Distance from the centre to the reference's edge along dir, plus half the member.
          const double edge =
              std::min(std::abs(rs.x / 2 / (dir.x + 1e-9)), std::abs(rs.y / 2 / (dir.y + 1e-9)));
          const double reach = edge + SizeOf(a).y / 2 + 0.12;
          place(a, Pose{c.x + dir.x * reach, c.y + dir.y * reach, 0, YawFacing(dir * -1.0)});
        }
      } else if (r.type == RelationType::kRow || r.type == RelationType::kGrid ||
                 r.type == RelationType::kCircle) {
        double span = 0;
        for (const std::string& id : r.objects) span = std::max(span, SizeOf(index_.at(id)).x);
        const Vec2 pitch = Pitch(r);
        const int columns = Columns(r);
        const int rows = (static_cast<int>(m) + columns - 1) / columns;
        const double radius = r.args.Number("radius_m").value_or(pitch.x * m / (2 * kPi) + 0.3);
        // The group's extent, then a free spot for all of it.
        const Vec2 half = r.type == RelationType::kCircle
                              ? Vec2{radius + span / 2, radius + span / 2}
                              : Vec2{columns * pitch.x / 2, rows * pitch.y / 2};
        // Members that all face one object (desks facing the teacher's desk, chairs facing a
        // stage): that object goes centred beyond the group's far (+Y) side, so the group faces
        // it together and the viewer looks over the group toward it.
        const int target = group_target_[ri];  // rows and grids only
        const bool lead =
            target >= 0 && !placed[target] && items_[target].parent < 0 && !items_[target].wall;
        const double lead_depth = lead ? SizeOf(target).y + 1.0 : 0.0;
        Vec2 origin = FreeSpot(half + Vec2{0, lead_depth / 2}, floor_, -1);
        if (lead) {
          origin.y -= lead_depth / 2;
          place(target,
                Pose{origin.x, origin.y + half.y + lead_depth - SizeOf(target).y / 2, 0, 0});
        }
        double common_yaw = 0.0;
        if (target >= 0 && placed[target]) {
          common_yaw = YawFacing(Vec2{pos(target).x, pos(target).y} - origin);
        }
        for (size_t k = 0; k < m; ++k) {
          const int a = index_.at(r.objects[k]);
          Pose p{0, 0, 0, 0};
          if (r.type == RelationType::kCircle) {
            const double angle = 2 * kPi * k / m;
            p.x = origin.x + radius * std::cos(angle);
            p.y = origin.y + radius * std::sin(angle);
            p.yaw_rad = YawFacing(Vec2{-std::cos(angle), -std::sin(angle)});
          } else {
            const int row = static_cast<int>(k) / columns, col = static_cast<int>(k) % columns;
            p.x = origin.x + (col - (columns - 1) / 2.0) * pitch.x;
            p.y = origin.y + ((rows - 1) / 2.0 - row) * pitch.y;
            p.yaw_rad = common_yaw;
          }
          place(a, p);
        }
      }
    }
    // 3. Everything else on the floor: near what it relates to, else anywhere.
    for (size_t i = 0; i < n; ++i) {
      if (placed[i] || items_[i].parent >= 0) continue;
      Pose p{rng_.Uniform(floor_.min.x, floor_.max.x), rng_.Uniform(floor_.min.y, floor_.max.y), 0,
             items_[i].wall ? 0.0 : RandomQuarterTurn()};
      Rect2 region = floor_;
      if (!graph_->environment.IsRoom() && items_[i].relations.empty()) {
        // Outdoors, an object nothing places joins the scene rather than the far end of the
        // ground: a free spot within a few metres of what stands already.
        bool any = false;
        Rect2 content;
        for (size_t j = 0; j < n; ++j) {
          if (!placed[j] || items_[j].parent >= 0) continue;
          const Rect2 f = bodies_[j].Foot();
          content =
              any ? Rect2{{std::min(content.min.x, f.min.x), std::min(content.min.y, f.min.y)},
                          {std::max(content.max.x, f.max.x), std::max(content.max.y, f.max.y)}}
                  : f;
          any = true;
        }
        if (any) {
          region =
              content.Expanded(std::max(3.0, 0.25 * std::max(content.Width(), content.Depth())));
        }
      }
      for (size_t r : items_[i].relations) {
        const int ref = members_[r].back();
        if (ref != static_cast<int>(i) && placed[ref]) {
          region = bodies_[ref].Foot().Expanded(1.5);
          break;
        }
      }
      if (!items_[i].wall) {
        const Vec2 c = FreeSpot(Half(static_cast<int>(i), p.yaw_rad), region, static_cast<int>(i));
        p.x = c.x;
        p.y = c.y;
      } else {
        p.x = rng_.Uniform(region.min.x, region.max.x);
        p.y = rng_.Uniform(region.min.y, region.max.y);
      }
      if (items_[i].wall) SnapToWall(static_cast<int>(i), &p);
      p.z = RestZ(static_cast<int>(i));
      if (!items_[i].wall) ClampToFloor(static_cast<int>(i), &p);
      place(static_cast<int>(i), p);
    }
    // 4. Objects on surfaces, parents first.
    bool progress = true;
    while (progress) {
      progress = false;
      for (size_t i = 0; i < n; ++i) {
        const int parent = items_[i].parent;
        if (placed[i] || parent < 0 || !placed[parent]) continue;
        // Side by side along the support's width, in the order they were named (books on a
        // shelf, a laptop and a lamp on a desk), rather than all at its centre.
        const std::vector<int>& siblings = items_[parent].children;
        const size_t k = static_cast<size_t>(
            std::find(siblings.begin(), siblings.end(), static_cast<int>(i)) - siblings.begin());
        const double t = siblings.size() > 1 ? (k + 0.5) / siblings.size() - 0.5 : 0.0;
        const double usable = std::max(0.0, SizeOf(parent).x - SizeOf(static_cast<int>(i)).x);
        const Pose q = pos(parent);
        const double along = t * std::min(usable, SizeOf(parent).x * (1.0 - 1.0 / siblings.size()));
        place(static_cast<int>(i),
              Pose{q.x + along * std::cos(q.yaw_rad), q.y + along * std::sin(q.yaw_rad),
                   bodies_[parent].box.max.z, q.yaw_rad});
        progress = true;
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (!placed[i]) place(static_cast<int>(i), Pose{0, 0, RestZ(static_cast<int>(i)), 0});
    }
    for (size_t i = 0; i < n; ++i) {
      if (!items_[i].fixed) items_[i].object->pose->z = RestZ(static_cast<int>(i));
      UpdateBody(static_cast<int>(i));
    }
    // Children follow a parent whose z was just corrected.
    for (size_t i = 0; i < n; ++i) {
      if (items_[i].parent >= 0 && !items_[i].fixed) {
        items_[i].object->pose->z = RestZ(static_cast<int>(i));
        UpdateBody(static_cast<int>(i));
      }
    }
  }

  // Moves a floor object and what rests on it by (dx, dy), staying on the floor.
  void Translate(int i, double dx, double dy) {
    Pose& p = *items_[i].object->pose;
    const Pose old = p;
    p.x += dx;
    p.y += dy;
    ClampToFloor(i, &p);
    UpdateBody(i);
    for (int c : Subtree(i)) {
      if (c == i) continue;
      Pose& q = *items_[c].object->pose;
      q.x += p.x - old.x;
      q.y += p.y - old.y;
      UpdateBody(c);
    }
  }

  // Proposes a move of object i (and the objects resting on it).
  void Propose(int i, double step) {
    Item& it = items_[i];
    Pose& p = *it.object->pose;
    const Pose old = p;
    const double choice = rng_.Uniform();
    if (it.parent >= 0) {
      // On a surface: anywhere on the parent's top.
      const Rect2 top = bodies_[it.parent].Foot();
      const Vec2 h = Half(i, p.yaw_rad);
      if (choice < 0.7) {
        p.x += rng_.Normal(0, std::min(step, 0.3));
        p.y += rng_.Normal(0, std::min(step, 0.3));
      } else if (choice < 0.85) {
        const int toward = it.face_target >= 0 ? it.face_target : it.face_back;
        p.yaw_rad =
            toward >= 0 ? FaceYaw(i, toward) : bodies_[it.parent].yaw_rad + RandomQuarterTurn();
      } else {
        p.x = rng_.Uniform(top.min.x + h.x, std::max(top.min.x + h.x, top.max.x - h.x));
        p.y = rng_.Uniform(top.min.y + h.y, std::max(top.min.y + h.y, top.max.y - h.y));
      }
      // The centre stays a centimetre inside the top: exactly on its edge, rounding in the
      // box (or in a turn wrapped by 360 degrees) could put it outside.
      const double mx = std::min(0.01, top.Width() / 2), my = std::min(0.01, top.Depth() / 2);
      p.x = std::clamp(p.x, top.min.x + mx, top.max.x - mx);
      p.y = std::clamp(p.y, top.min.y + my, top.max.y - my);
      p.z = RestZ(i);
    } else if (it.wall) {
      p.x += rng_.Normal(0, step);
      p.y += rng_.Normal(0, step);
      if (choice < 0.1) {
        p.x = rng_.Uniform(floor_.min.x, floor_.max.x);
        p.y = rng_.Uniform(floor_.min.y, floor_.max.y);
      }
      SnapToWall(i, &p);
      if (choice < 0.3) {
        const double top = graph_->environment.IsRoom() ? graph_->environment.size.z : 4.0;
        p.z = std::clamp(p.z + rng_.Normal(0, 0.2), 0.5, std::max(0.5, top - SizeOf(i).z - 0.05));
      }
    } else if (it.in_formation && !it.wall_aligned) {
      // A seat in a hall of rows keeps its place in the formation (the constructive stage laid
      // it out): it shifts a little or turns; a jump across the room would break every row.
      if (choice < 0.5) {
        p.x += rng_.Normal(0, std::min(step, 0.2));
        p.y += rng_.Normal(0, std::min(step, 0.2));
      } else {
        const int toward = it.face_target >= 0 ? it.face_target : it.face_back;
        p.yaw_rad = toward >= 0 && rng_.Uniform() < 0.7 ? FaceYaw(i, toward) : RandomQuarterTurn();
      }
      ClampToFloor(i, &p);
      p.z = RestZ(i);
    } else {
      if (choice < 0.6) {
        p.x += rng_.Normal(0, step);
        p.y += rng_.Normal(0, step);
      } else if (choice < 0.8) {
        const int toward = it.face_target >= 0 ? it.face_target : it.face_back;
        p.yaw_rad = toward >= 0 && rng_.Uniform() < 0.7 ? FaceYaw(i, toward) : RandomQuarterTurn();
      } else if (choice < 0.9) {
        p.x = rng_.Uniform(floor_.min.x, floor_.max.x);
        p.y = rng_.Uniform(floor_.min.y, floor_.max.y);
      } else {
        // Snap against the nearest wall, front into the room.
        if (graph_->environment.IsRoom()) SnapToWall(i, &p);
      }
      // Furniture that belongs against a wall mostly slides along the walls rather than
      // leaving them.
      if (it.wall_aligned && graph_->environment.IsRoom() && rng_.Uniform() < 0.8) {
        SnapToWall(i, &p);
      }
      ClampToFloor(i, &p);  // the room's floor, or the outdoor ground
      p.z = RestZ(i);
    }
    // Children move with their parent.
    const double dx = p.x - old.x, dy = p.y - old.y, dyaw = p.yaw_rad - old.yaw_rad;
    const std::vector<int> tree = Subtree(i);
    for (int c : tree) {
      if (c == i) continue;
      Pose& q = *items_[c].object->pose;
      q.x += dx;
      q.y += dy;
      q.yaw_rad += dyaw;
    }
    UpdateBody(i);
    for (int c : tree) {
      if (c == i) continue;
      items_[c].object->pose->z = bodies_[items_[c].parent].box.max.z;
      UpdateBody(c);
    }
  }

  double FaceYaw(int i, int t) const {
    return YawFacing(bodies_[t].Center2() - bodies_[i].Center2());
  }

  RelationEvaluation Evaluate(size_t r) const {
    scratch_.clear();
    for (int m : members_[r]) scratch_.push_back(&bodies_[m]);
    EvalContext context;
    context.environment = &graph_->environment;
    context.camera = graph_->camera ? &*graph_->camera : nullptr;
    return EvaluateRelation(graph_->relations[r], scratch_, context);
  }

  // The other end of a facing pair whose first end stands against a side wall (the TV stand
  // carrying what a sofa faces): across the room by the opposite wall, turned back toward it,
  // so the pair lines up across the view instead of one end standing in the open front.
  template <typename PlaceFn>
  void PlacePartner(int a, const std::vector<bool>& placed, PlaceFn& place) {
    const Pose pa = *items_[a].object->pose;
    const bool on_left = pa.x < 0.5 * (floor_.min.x + floor_.max.x);
    for (size_t r = 0; r < graph_->relations.size(); ++r) {
      const RelationType type = graph_->relations[r].type;
      if ((type != RelationType::kFacing && type != RelationType::kAcross) ||
          members_[r].size() != 2) {
        continue;
      }
      int b = members_[r][0] == a ? members_[r][1] : (members_[r][1] == a ? members_[r][0] : -1);
      if (b < 0) continue;
      while (items_[b].parent >= 0) b = items_[b].parent;  // the TV's stand
      if (b == a || placed[b]) continue;
      const double yaw = YawFacing(Vec2{on_left ? -1.0 : 1.0, 0.0});  // toward the first end
      const Vec2 h = Half(b, yaw);
      const double x = on_left ? floor_.max.x - h.x - 0.02 : floor_.min.x + h.x + 0.02;
      place(b, Pose{x, std::clamp(pa.y, floor_.min.y + h.y, floor_.max.y - h.y), 0, yaw});
    }
  }

  double CostOf(size_t r, const RelationEvaluation& e) const {
    const Relation& rel = graph_->relations[r];
    const double w = rel.hard ? kHardWeight : rel.weight;
    return w * e.violation + ShapeCost(r);
  }

  // What a relation's test leaves open but people expect: flanking objects mirror each other
  // across the reference (and sit at the head of a bed or sofa, beside its back half).
  double ShapeCost(size_t r) const {
    using T = RelationType;
    const Relation& rel = graph_->relations[r];
    const std::vector<int>& m = members_[r];
    if ((rel.type == T::kAgainstWall || rel.type == T::kInCorner || rel.type == T::kOnWall) &&
        graph_->environment.IsRoom() && !rel.args.Word("wall")) {
      // The front wall is not built (the camera looks in through it): use the others, and
      // turn the object's back to the wall it is against.
      const Body& a = bodies_[m[0]];
      const Rect2 f = a.Foot();
      double cost = 0.5 * std::max(0.0, floor_.min.y + 0.6 - f.min.y);
      if (a.has_front) {
        const double to_back = floor_.max.y - f.max.y, to_left = f.min.x - floor_.min.x;
        const double to_right = floor_.max.x - f.max.x;
        const Vec2 inward = to_back <= std::min(to_left, to_right)
                                ? Vec2{0, -1}
                                : (to_left < to_right ? Vec2{1, 0} : Vec2{-1, 0});
        const Vec2 front = FrontDirection(a.yaw_rad);
        cost += 0.3 * std::acos(std::clamp(front.Dot(inward), -1.0, 1.0));
        // One end of a facing pair (a sofa and its TV) keeps to a side wall, so the pair lines
        // up across the view: against the back wall, its partner would stand in the open front
        // showing the camera its back.
        const Item& it = items_[m[0]];
        if (rel.type == T::kAgainstWall && (it.face_target >= 0 || it.face_back >= 0) &&
            to_back <= std::min(to_left, to_right)) {
          cost += 0.3;
        }
      }
      return cost;
    }
    if (rel.type == T::kAround) {
      // Seats around a table sit at it, not merely within the test's metre.
      const Rect2 ref = bodies_[m.back()].Foot();
      double cost = 0.0;
      for (size_t k = 0; k + 1 < m.size(); ++k) {
        cost += 0.5 * std::max(0.0, Gap(bodies_[m[k]].Foot(), ref) - 0.5);
      }
      return cost;
    }
    if (rel.type == T::kFacing && items_[m[1]].face_back == m[0]) {
      const Body& a = bodies_[m[0]];
      const Body& b = bodies_[m[1]];
      const Vec2 to_a = a.Center2() - b.Center2();
      if (to_a.Norm() < 1e-9) return 0.0;
      const double c = FrontDirection(b.yaw_rad).Dot(to_a * (1.0 / to_a.Norm()));
      return 0.3 * std::acos(std::clamp(c, -1.0, 1.0));
    }
    if (rel.type == T::kOverlap) {
      // A rug under a table lies centred under it.
      const Body& a = bodies_[m[0]];
      const Body& b = bodies_[m[1]];
      return 0.2 * (a.Center2() - b.Center2()).Norm();
    }
    if (rel.type == T::kRow || rel.type == T::kGrid) {
      // A row or grid reads as one when its members turn the same way, and a grid when its
      // members line up in rows and columns (member k in row k / columns, column k % columns,
      // as the constructive stage laid them out).
      double cost = 0.0;
      // (A preference only: weaker than any relation, so facing a common target wins.)
      double sx = 0.0, sy = 0.0;
      for (int k : m) {
        sx += std::cos(bodies_[k].yaw_rad);
        sy += std::sin(bodies_[k].yaw_rad);
      }
      const double mean_yaw = std::atan2(sy, sx);
      for (int k : m) {
        cost += 0.1 * std::abs(std::remainder(bodies_[k].yaw_rad - mean_yaw, 2 * kPi));
      }
      if (group_target_[r] >= 0) {
        // What the group faces stands centred on it (rows run along x).
        double cx = 0.0;
        for (int k : m) cx += bodies_[k].Center2().x;
        cost += 0.5 * std::abs(bodies_[group_target_[r]].Center2().x - cx / m.size());
      }
      if (rel.type == T::kGrid) {
        const size_t n = m.size();
        const size_t columns = static_cast<size_t>(Columns(rel));
        const size_t rows = (n + columns - 1) / columns;
        std::vector<double> row_y(rows, 0.0), col_x(columns, 0.0);
        std::vector<int> row_n(rows, 0), col_n(columns, 0);
        for (size_t k = 0; k < n; ++k) {
          const Vec2 c = bodies_[m[k]].Center2();
          row_y[k / columns] += c.y;
          ++row_n[k / columns];
          col_x[k % columns] += c.x;
          ++col_n[k % columns];
        }
        for (size_t k = 0; k < n; ++k) {
          const Vec2 c = bodies_[m[k]].Center2();
          cost += 0.5 * std::abs(c.y - row_y[k / columns] / row_n[k / columns]);
          cost += 0.5 * std::abs(c.x - col_x[k % columns] / col_n[k % columns]);
        }
        // Evenly spaced: columns one pitch apart left to right, rows one pitch apart from the
        // back (+Y) forward.
        const Vec2 pitch = grid_pitch_[r];
        for (size_t c = 0; c + 1 < columns && col_n[c + 1] > 0; ++c) {
          cost += 0.5 * std::abs(col_x[c + 1] / col_n[c + 1] - col_x[c] / col_n[c] - pitch.x);
        }
        for (size_t w = 0; w + 1 < rows; ++w) {
          cost += 0.5 * std::abs(row_y[w] / row_n[w] - row_y[w + 1] / row_n[w + 1] - pitch.y);
        }
      }
      return cost;
    }
    if (rel.type != T::kSymmetric) return 0.0;
    const Body& a = bodies_[m[0]];
    const Body& b = bodies_[m[1]];
    const Body& ref = bodies_[m[2]];
    const Vec2 front = FrontDirection(ref.yaw_rad);
    const double da = (a.Center2() - ref.Center2()).Dot(front);
    const double db = (b.Center2() - ref.Center2()).Dot(front);
    double cost = 0.5 * std::abs(da - db);
    if (ref.has_front) {
      const double depth = std::abs((ref.box.max.xy() - ref.box.min.xy()).Dot(front));
      cost += 0.3 * (std::max(0.0, da + depth / 4) + std::max(0.0, db + depth / 4));
    }
    return cost;
  }

  bool Exempt(int a, int b) const {
    if (items_[a].flat || items_[b].flat) return true;
    const std::vector<int>& e = items_[a].exempt;
    if (std::find(e.begin(), e.end(), b) != e.end()) return true;
    // Objects resting on the same parent chain (a lamp on a desk on a rug) may touch.
    return items_[a].parent == b || items_[b].parent == a;
  }

  // Overlap of two bodies beyond what the collision test allows, plus clearance.
  double CollisionCost(int a, int b) const {
    if (Exempt(a, b)) return 0.0;
    const Box3& x = bodies_[a].box;
    const Box3& y = bodies_[b].box;
    const double c = options_.clearance_m;
    const double w = std::min(x.max.x, y.max.x) - std::max(x.min.x, y.min.x) + c;
    const double d = std::min(x.max.y, y.max.y) - std::max(x.min.y, y.min.y) + c;
    const double h = std::min(x.max.z, y.max.z) - std::max(x.min.z, y.min.z);
    if (w <= 0 || d <= 0 || h <= 0) return 0.0;
    return kCollisionWeight * (std::min(w, d) + 0.01);
  }

  // Objects stay on the floor of a room and on the ground of an outdoor scene.
  double OutsideCost(int i) const {
    const Rect2 f = bodies_[i].Foot();
    const double v = std::max({0.0, floor_.min.x - f.min.x, f.max.x - floor_.max.x}) +
                     std::max({0.0, floor_.min.y - f.min.y, f.max.y - floor_.max.y});
    return v > 0.005 ? kOutsideWeight * v : 0.0;
  }

  // Tidiness: objects that need no particular turn stand square to the room (a small
  // preference); objects against a wall stand square to it (a strong one).
  double TidinessCost(int i) const {
    const Item& it = items_[i];
    if (it.fixed || (it.face_target >= 0 && !it.wall_aligned)) return 0.0;
    const double yaw = it.object->pose->yaw_rad;
    const bool carried = it.parent >= 0 && it.object->has_front &&
                         items_[it.parent].object->has_front && it.face_target < 0;
    if (it.face_back >= 0 && !it.wall_aligned) {
      // Turned by its watcher instead; on a stand, the stand should turn with it (a weaker
      // pull, so the watcher wins and the pair turns together).
      return carried ? 0.2 * std::abs(std::remainder(yaw - bodies_[it.parent].yaw_rad, 2 * kPi))
                     : 0.0;
    }
    if (carried) {
      // A TV on its stand, a laptop on a desk: turned the way what carries it is turned.
      return 0.5 * std::abs(std::remainder(yaw - bodies_[it.parent].yaw_rad, 2 * kPi));
    }
    const double off = std::abs(std::remainder(yaw, kPi / 2));
    double cost = (it.wall_aligned ? 2.0 : 0.3) * (off > 1e-3 ? off : 0.0);
    // Among equal choices, a free-standing object with a front shows it to the viewer.
    if (it.object->has_front && !it.wall_aligned) cost += 0.1 * (1.0 - std::cos(yaw));
    // In a room the camera looks in through the open front: something turned away from it
    // there (a TV stand showing its back) blocks the view of what it faces.
    if (graph_->environment.IsRoom() && it.object->has_front && it.parent < 0 &&
        std::cos(yaw) < -0.5) {
      cost += 0.3 * std::max(0.0, floor_.min.y + 1.2 - bodies_[i].Foot().min.y);
    }
    return cost;
  }

  // Collisions, floor and tidiness terms of the touched objects; a pair of touched objects is
  // counted once.
  ObjectTerms Terms(const std::vector<int>& touched) {
    ObjectTerms out;
    for (int t : touched) touched_mark_[t] = 1;
    for (int i : touched) {
      const double outside = OutsideCost(i);
      out.cost += outside + TidinessCost(i);
      out.bad += outside > 0 ? 1 : 0;
      grid_.ForEachNear(bodies_[i].Foot().Expanded(options_.clearance_m / 2 + 1e-9), [&](int j) {
        if (j == i || (touched_mark_[j] && j < i)) return;
        const double c = CollisionCost(i, j);
        out.cost += c;
        out.bad += c > 0 ? 1 : 0;
      });
    }
    for (int t : touched) touched_mark_[t] = 0;
    return out;
  }

  // The movable objects taking part in a failure: a failing relation, a collision, a place off
  // the floor. An object resting on another stands for itself; fixed objects are left out.
  void Conflicted(std::vector<int>* out) {
    std::vector<char> mark(items_.size(), 0);
    for (size_t r = 0; r < members_.size(); ++r) {
      if (rel_pass_[r]) continue;
      for (int m : members_[r]) mark[m] = 1;
    }
    for (size_t i = 0; i < items_.size(); ++i) {
      const int ii = static_cast<int>(i);
      if (OutsideCost(ii) > 0) mark[i] = 1;
      grid_.ForEachNear(bodies_[i].Foot().Expanded(options_.clearance_m / 2 + 1e-9), [&](int j) {
        if (j > ii && CollisionCost(ii, j) > 0) mark[i] = mark[j] = 1;
      });
    }
    out->clear();
    for (size_t i = 0; i < items_.size(); ++i) {
      if (mark[i] && !items_[i].fixed) out->push_back(static_cast<int>(i));
    }
  }

  // Evaluates everything from scratch: the relation caches, the failure count and the cost.
  double Recount() {
    double cost = 0;
    bad_ = 0;
    for (size_t r = 0; r < graph_->relations.size(); ++r) {
      const RelationEvaluation e = Evaluate(r);
      rel_cost_[r] = CostOf(r, e);
      rel_pass_[r] = e.pass ? 1 : 0;
      cost += rel_cost_[r];
      bad_ += e.pass ? 0 : 1;
    }
    std::vector<int> all(items_.size());
    for (size_t i = 0; i < items_.size(); ++i) all[i] = static_cast<int>(i);
    const ObjectTerms terms = Terms(all);
    bad_ += terms.bad;
    return cost + terms.cost;
  }

  void Report(SolveResult* result) {
    graph_->results.clear();
    result->relations_total = static_cast<int>(graph_->relations.size());
    for (size_t r = 0; r < graph_->relations.size(); ++r) {
      const RelationEvaluation e = Evaluate(r);
      graph_->results.push_back({r, e.score, e.pass, e.reason});
      if (e.pass) {
        ++result->relations_passed;
      } else {
        if (graph_->relations[r].hard) ++result->hard_failed;
        result->warnings.push_back(graph_->relations[r].ToString() + ": " + e.reason);
      }
    }
    for (size_t i = 0; i < items_.size(); ++i) {
      if (graph_->environment.IsRoom() && !InsideRoom(bodies_[i], graph_->environment)) {
        ++result->outside_room;
        result->warnings.push_back(bodies_[i].id + " does not fit inside the room");
      }
      for (size_t j = i + 1; j < items_.size(); ++j) {
        if (!Exempt(static_cast<int>(i), static_cast<int>(j)) && Collides(bodies_[i], bodies_[j])) {
          ++result->collisions;
          result->warnings.push_back(bodies_[i].id + " collides with " + bodies_[j].id);
        }
      }
    }
    // Contradictions: two failing relations of opposite direction over the same pair.
    for (size_t r = 0; r < graph_->relations.size(); ++r) {
      for (size_t s = r + 1; s < graph_->relations.size(); ++s) {
        const Relation& a = graph_->relations[r];
        const Relation& b = graph_->relations[s];
        if (a.objects.size() != 2 || b.objects.size() != 2) continue;
        const bool swapped = a.objects[0] == b.objects[1] && a.objects[1] == b.objects[0];
        const bool same = a.objects == b.objects;
        auto opposite = [](RelationType x, RelationType y) {
          using T = RelationType;
          return (x == T::kLeftOf && y == T::kRightOf) || (x == T::kInFrontOf && y == T::kBehind) ||
                 (x == T::kNear && y == T::kFar) || (x == T::kLarger && y == T::kLarger) ||
                 (x == T::kLeftOf && y == T::kLeftOf) || (x == T::kOn && y == T::kOn);
        };
        const bool conflict = (swapped && (opposite(a.type, b.type) || opposite(b.type, a.type))) ||
                              (same && (opposite(a.type, b.type) && a.type != b.type));
        if (conflict && !(graph_->results[r].pass && graph_->results[s].pass)) {
          result->conflicts.push_back(a.ToString() + " contradicts " + b.ToString());
        }
      }
    }
  }

  SceneGraph* graph_;
  SolverOptions options_;
  Rng rng_;
  std::vector<Item> items_;
  std::vector<Body> bodies_;
  std::map<std::string, int> index_;
  std::vector<std::vector<int>> members_;  // per relation: its objects' indices
  std::vector<int> group_target_;          // per row or grid relation: what it faces, or -1
  std::vector<Vec2> grid_pitch_;           // per row or grid relation: its spacing (Pitch)
  Rect2 floor_;
  CollisionGrid grid_;
  // Per relation, the cost and pass flag of the current state (updated on accepted moves).
  std::vector<double> rel_cost_;
  std::vector<char> rel_pass_;
  std::vector<uint32_t> rel_mark_;
  uint32_t rel_stamp_ = 0;
  std::vector<char> touched_mark_;
  int bad_ = 0;  // failing relations, colliding pairs and objects off the floor
  mutable std::vector<const Body*> scratch_;
};

}  // namespace

void SolverOptions::Check() const {
  if (!(time_budget_s > 0)) throw Error("solver: the time budget must be positive");
  if (max_moves < 0) throw Error("solver: max_moves must not be negative");
  if (clearance_m < 0 || clearance_m > 2) throw Error("solver: clearance must be 0 to 2 m");
}

std::string SolveResult::ToString() const {
  std::string out = std::to_string(relations_passed) + "/" + std::to_string(relations_total) +
                    " relations pass, " + std::to_string(collisions) + " collisions, " +
                    std::to_string(outside_room) + " outside the room, " +
                    std::to_string(hard_failed) + " hard failures; " +
                    FormatNumber(seconds * 1000, 1) + " ms, " + std::to_string(moves) + " moves";
  for (const std::string& c : conflicts) out += "\n  conflict: " + c;
  for (const std::string& w : warnings) out += "\n  " + w;
  return out;
}

SolveResult Solve(SceneGraph* graph, const SolverOptions& options) {
  options.Check();
  SC_CHECK(graph != nullptr);
  for (const Object& o : graph->objects) {
    if (!o.HasSize()) throw Error("solve: object " + o.id + " has no size (resolve assets first)");
  }
  // Doors and windows take part as fixed boxes in their walls: relations may name them, and
  // nothing may stand in them. They join the objects for the solve only.
  AssignOpeningIds(graph);
  PlaceOpenings(&graph->environment);
  const size_t n = graph->objects.size();
  for (Object& o : OpeningObjects(graph->environment)) graph->objects.push_back(std::move(o));
  struct DropOpenings {
    SceneGraph* graph;
    size_t n;
    ~DropOpenings() { graph->objects.erase(graph->objects.begin() + n, graph->objects.end()); }
  } drop{graph, n};
  std::set<std::string> ids;
  for (const Object& o : graph->objects) ids.insert(o.id);
  for (const Relation& r : graph->relations) {
    for (const std::string& id : r.objects) {
      if (ids.count(id) == 0) {
        throw Error("solve: relation " + std::string(RelationTypeName(r.type)) + " names '" + id +
                    "', which is neither an object nor an opening with room in a wall");
      }
    }
  }
  Layout layout(graph, options);
  return layout.Run();
}

SolveResult SolveBySubscenes(SceneGraph* graph, const SolverOptions& options) {
  SC_CHECK(graph != nullptr);
  if (graph->subscenes.size() < 2) return Solve(graph, options);
  std::vector<std::vector<std::string>> stages;
  std::set<std::string> staged;
  for (const Subscene& s : graph->subscenes) {
    stages.emplace_back();
    for (const std::string& id : s.objects) {
      if (graph->FindObject(id) != nullptr && staged.insert(id).second) stages.back().push_back(id);
    }
  }
  stages.emplace_back();
  for (const Object& o : graph->objects) {
    if (staged.insert(o.id).second) stages.back().push_back(o.id);
  }
  SolverOptions stage_options = options;
  stage_options.time_budget_s = options.time_budget_s / static_cast<double>(stages.size());
  std::set<std::string> present;
  for (const std::vector<std::string>& stage : stages) {
    if (stage.empty()) continue;
    const std::set<std::string> now(stage.begin(), stage.end());
    present.insert(stage.begin(), stage.end());
    SceneGraph part;
    part.environment = graph->environment;
    for (const Object& o : graph->objects) {
      if (!present.count(o.id)) continue;
      part.objects.push_back(o);
      if (!now.count(o.id)) part.objects.back().pose_fixed = true;  // solved in an earlier stage
    }
    for (const Relation& r : graph->relations) {
      if (std::all_of(r.objects.begin(), r.objects.end(),
                      [&](const std::string& id) { return present.count(id) > 0; })) {
        part.relations.push_back(r);
      }
    }
    Solve(&part, stage_options);
    for (const Object& o : part.objects) {
      if (now.count(o.id)) graph->FindObject(o.id)->pose = o.pose;
    }
  }
  // Judge the whole scene as it stands: every object held still.
  std::vector<bool> was_fixed;
  for (Object& o : graph->objects) {
    was_fixed.push_back(o.pose_fixed);
    o.pose_fixed = true;
  }
  SolveResult result = Solve(graph, options);
  for (size_t i = 0; i < graph->objects.size(); ++i) graph->objects[i].pose_fixed = was_fixed[i];
  return result;
}

}  // namespace scenecraft
