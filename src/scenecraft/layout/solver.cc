#include "scenecraft/layout/solver.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

#include "scenecraft/layout/relations.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/rng.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

constexpr double kHardWeight = 100.0;
constexpr double kCollisionWeight = 60.0;
constexpr double kOutsideWeight = 80.0;

// The search state: one entry per object.
struct Item {
  Object* object = nullptr;
  bool fixed = false;
  int parent = -1;                // the object it rests on (on / stack), or -1
  std::vector<int> children;      // objects resting on it
  std::vector<size_t> relations;  // relations it takes part in
  int face_target = -1;           // an object it should face (facing, around, across)
  bool wall = false;              // hangs on a wall
  bool ceiling = false;           // hangs from the ceiling
  bool flat = false;              // rug-like: may lie under others
  bool wall_aligned = false;      // stands against or hangs on a wall: square to it
};

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
        default:
          break;
      }
      for (size_t k = 0; k < rel.objects.size(); ++k) {
        for (size_t m = k + 1; m < rel.objects.size(); ++m) {
          if (AllowsOverlap(rel.type)) {
            exempt_.insert(Pair(index_.at(rel.objects[k]), index_.at(rel.objects[m])));
          }
        }
      }
    }
    floor_ = graph->environment.FloorRect();
    bodies_.resize(n);
  }

  SolveResult Run() {
    const auto start = std::chrono::steady_clock::now();
    Construct();
    for (size_t i = 0; i < items_.size(); ++i) UpdateBody(static_cast<int>(i));
    double cost = TotalCost();
    SolveResult result;
    // Local search with a falling temperature; restarts from the best state when stuck.
    std::vector<Pose> best_poses = Poses();
    double best_cost = cost;
    std::vector<int> movable;
    for (size_t i = 0; i < items_.size(); ++i) {
      if (!items_[i].fixed && items_[i].parent < 0) movable.push_back(static_cast<int>(i));
      if (!items_[i].fixed && items_[i].parent >= 0) movable.push_back(static_cast<int>(i));
    }
    const double scale = std::max(1.0, std::max(floor_.Width(), floor_.Depth()));
    const double schedule = std::min<double>(options_.max_moves, 3000.0 * movable.size());
    int since_best = 0;
    while (!movable.empty() && cost > 1e-9) {
      // Stop once every relation holds and nothing collides: the remaining cost is only the
      // tidiness preferences, which are polish, not requirements.
      if (result.moves % 256 == 0 && Satisfied()) {
        best_poses = Poses();
        break;
      }
      const double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (elapsed > options_.time_budget_s || result.moves >= options_.max_moves) break;
      // The cooling schedule counts moves, not seconds, so a seed gives one layout.
      const double progress = std::min(1.0, result.moves / schedule);
      const double temperature = 2.0 * std::pow(0.001, progress);
      const int i = movable[rng_.UniformInt(0, static_cast<int>(movable.size()) - 1)];
      // Save, move, evaluate only what the move touches.
      std::vector<int> touched = Subtree(i);
      const double before = LocalCost(touched);
      std::vector<Pose> saved;
      for (int t : touched) saved.push_back(*items_[t].object->pose);
      Propose(i, scale * std::max(0.02, 0.3 * (1.0 - progress)));
      for (int t : touched) UpdateBody(t);
      const double after = LocalCost(touched);
      const double delta = after - before;
      ++result.moves;
      if (delta <= 0 || rng_.Uniform() < std::exp(-delta / temperature)) {
        cost += delta;
        if (cost < 1e-6) cost = TotalCost();  // No drift from summed deltas near the goal.
        ++result.accepted;
        if (cost < best_cost - 1e-9) {
          best_cost = cost;
          best_poses = Poses();
          since_best = 0;
        }
      } else {
        for (size_t k = 0; k < touched.size(); ++k) items_[touched[k]].object->pose = saved[k];
        for (int t : touched) UpdateBody(t);
      }
      if (++since_best > 20000) {  // Stuck: go back to the best state and shake it.
        SetPoses(best_poses);
        cost = TotalCost();
        since_best = 0;
      }
    }
    SetPoses(best_poses);
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Report(&result);
    return result;
  }

 private:
  static std::pair<int, int> Pair(int a, int b) { return {std::min(a, b), std::max(a, b)}; }

  void Attach(int child, int parent) {
    if (child == parent || items_[child].parent >= 0) return;
    // Refuse cycles (A on B on A).
    for (int p = parent; p >= 0; p = items_[p].parent) {
      if (p == child) return;
    }
    items_[child].parent = parent;
    items_[parent].children.push_back(child);
  }

  std::vector<int> Subtree(int i) const {
    std::vector<int> out{i};
    for (size_t k = 0; k < out.size(); ++k) {
      for (int c : items_[out[k]].children) out.push_back(c);
    }
    return out;
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

  void UpdateBody(int i) { bodies_[i] = BodyOf(*items_[i].object); }

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
      p->yaw_rad = -kPi / 2;  // front faces +X
      p->x = -w + s.y / 2;
      p->y = std::clamp(p->y, -d + s.x / 2, d - s.x / 2);
    } else if (m == to_right) {
      p->yaw_rad = kPi / 2;  // front faces -X
      p->x = w - s.y / 2;
      p->y = std::clamp(p->y, -d + s.x / 2, d - s.x / 2);
    } else {
      p->yaw_rad = kPi;
      p->y = -d + s.y / 2;
    }
  }

  double RandomQuarterTurn() { return rng_.UniformInt(0, 3) * kPi / 2; }

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
        if (wall == "back") p.y = floor_.max.y;
        if (wall == "left") p.x = floor_.min.x;
        if (wall == "right") p.x = floor_.max.x;
        if (!wall) p.y = floor_.max.y;  // the back wall faces the camera
        SnapToWall(a, &p);
        p.z = r.type == RelationType::kOnWall ? RestZ(a) : 0.0;
        place(a, p);
      } else if (r.type == RelationType::kCenter) {
        place(a, Pose{0, 0, 0, 0});
      }
    }
    // 2. Groups around a reference, rows, grids and circles.
    for (const Relation& r : graph_->relations) {
      const size_t m = r.objects.size();
      if (r.type == RelationType::kAround) {
        const int ref = index_.at(r.objects.back());
        if (!placed[ref]) place(ref, Pose{0, 0, 0, 0});
        const Pose c = pos(ref);
        const Vec3& rs = SizeOf(ref);
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
        const double spacing = r.args.Number("spacing_m").value_or(span + 0.4);
        int columns = static_cast<int>(m);
        if (r.type == RelationType::kGrid) {
          columns = static_cast<int>(
              r.args.Number("columns").value_or(std::ceil(std::sqrt(static_cast<double>(m)))));
        }
        const double radius = r.args.Number("radius_m").value_or(spacing * m / (2 * kPi) + 0.3);
        const Vec2 origin{rng_.Uniform(-0.2, 0.2), rng_.Uniform(-0.2, 0.2)};
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
            const int rows = (static_cast<int>(m) + columns - 1) / columns;
            p.x = origin.x + (col - (columns - 1) / 2.0) * spacing;
            p.y = origin.y + ((rows - 1) / 2.0 - row) * (SizeOf(a).y + 0.8);
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
      for (size_t r : items_[i].relations) {
        const Relation& rel = graph_->relations[r];
        const int ref = index_.at(rel.objects.back());
        if (ref != static_cast<int>(i) && placed[ref]) {
          const Pose q = pos(ref);
          p.x = q.x + rng_.Uniform(-1.5, 1.5);
          p.y = q.y + rng_.Uniform(-1.5, 1.5);
          break;
        }
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
        const Pose q = pos(parent);
        place(static_cast<int>(i), Pose{q.x, q.y, bodies_[parent].box.max.z, q.yaw_rad});
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
        p.yaw_rad =
            it.face_target >= 0 ? FaceYaw(i) : bodies_[it.parent].yaw_rad + RandomQuarterTurn();
      } else {
        p.x = rng_.Uniform(top.min.x + h.x, std::max(top.min.x + h.x, top.max.x - h.x));
        p.y = rng_.Uniform(top.min.y + h.y, std::max(top.min.y + h.y, top.max.y - h.y));
      }
      p.x = std::clamp(p.x, top.min.x, top.max.x);
      p.y = std::clamp(p.y, top.min.y, top.max.y);
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
    } else {
      if (choice < 0.6) {
        p.x += rng_.Normal(0, step);
        p.y += rng_.Normal(0, step);
      } else if (choice < 0.8) {
        p.yaw_rad = it.face_target >= 0 && rng_.Uniform() < 0.7 ? FaceYaw(i) : RandomQuarterTurn();
      } else if (choice < 0.9) {
        p.x = rng_.Uniform(floor_.min.x, floor_.max.x);
        p.y = rng_.Uniform(floor_.min.y, floor_.max.y);
      } else {
        // Snap against the nearest wall, front into the room.
        if (graph_->environment.IsRoom()) SnapToWall(i, &p);
      }
      ClampToFloor(i, &p);  // the room's floor, or the outdoor ground
      p.z = RestZ(i);
    }
    // Children move with their parent.
    const double dx = p.x - old.x, dy = p.y - old.y, dyaw = p.yaw_rad - old.yaw_rad;
    for (int c : Subtree(i)) {
      if (c == i) continue;
      Pose& q = *items_[c].object->pose;
      q.x += dx;
      q.y += dy;
      q.yaw_rad += dyaw;
    }
    UpdateBody(i);
    for (int c : Subtree(i)) {
      if (c == i) continue;
      items_[c].object->pose->z = bodies_[items_[c].parent].box.max.z;
      UpdateBody(c);
    }
  }

  bool Satisfied() const {
    for (size_t r = 0; r < graph_->relations.size(); ++r) {
      if (!Evaluate(r).pass) return false;
    }
    for (size_t i = 0; i < items_.size(); ++i) {
      if (OutsideCost(static_cast<int>(i)) > 0) return false;
      for (size_t j = i + 1; j < items_.size(); ++j) {
        if (CollisionCost(static_cast<int>(i), static_cast<int>(j)) > 0) return false;
      }
    }
    return true;
  }

  double FaceYaw(int i) const {
    const int t = items_[i].face_target;
    return YawFacing(bodies_[t].Center2() - bodies_[i].Center2());
  }

  RelationEvaluation Evaluate(size_t r) const {
    const Relation& rel = graph_->relations[r];
    std::vector<const Body*> bodies;
    for (const std::string& id : rel.objects) bodies.push_back(&bodies_[index_.at(id)]);
    EvalContext context;
    context.environment = &graph_->environment;
    context.camera = graph_->camera ? &*graph_->camera : nullptr;
    return EvaluateRelation(rel, bodies, context);
  }

  double RelationCost(size_t r) const {
    const Relation& rel = graph_->relations[r];
    const double w = rel.hard ? kHardWeight : rel.weight;
    return w * Evaluate(r).violation + ShapeCost(rel);
  }

  // What a relation's test leaves open but people expect: flanking objects mirror each other
  // across the reference (and sit at the head of a bed or sofa, beside its back half).
  double ShapeCost(const Relation& rel) const {
    using T = RelationType;
    if ((rel.type == T::kAgainstWall || rel.type == T::kInCorner || rel.type == T::kOnWall) &&
        graph_->environment.IsRoom() && !rel.args.Word("wall")) {
      // The front wall is not built (the camera looks in through it): use the others, and
      // turn the object's back to the wall it is against.
      const Body& a = bodies_[index_.at(rel.objects[0])];
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
      }
      return cost;
    }
    if (rel.type == T::kOverlap) {
      // A rug under a table lies centred under it.
      const Body& a = bodies_[index_.at(rel.objects[0])];
      const Body& b = bodies_[index_.at(rel.objects[1])];
      return 0.2 * (a.Center2() - b.Center2()).Norm();
    }
    if (rel.type != T::kSymmetric) return 0.0;
    const Body& a = bodies_[index_.at(rel.objects[0])];
    const Body& b = bodies_[index_.at(rel.objects[1])];
    const Body& ref = bodies_[index_.at(rel.objects[2])];
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
    if (exempt_.count(Pair(a, b))) return true;
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
    const double off = std::abs(std::remainder(yaw, kPi / 2));
    double cost = (it.wall_aligned ? 2.0 : 0.3) * (off > 1e-3 ? off : 0.0);
    // Among equal choices, a free-standing object with a front shows it to the viewer.
    if (it.object->has_front && !it.wall_aligned) cost += 0.1 * (1.0 - std::cos(yaw));
    return cost;
  }

  double LocalCost(const std::vector<int>& touched) const {
    std::set<size_t> relations;
    std::set<int> moved(touched.begin(), touched.end());
    double cost = 0;
    for (int i : touched) {
      relations.insert(items_[i].relations.begin(), items_[i].relations.end());
      cost += OutsideCost(i) + TidinessCost(i);
      for (size_t j = 0; j < items_.size(); ++j) {
        const int jj = static_cast<int>(j);
        if (jj == i || (moved.count(jj) && jj < i)) continue;
        cost += CollisionCost(i, jj);
      }
    }
    for (size_t r : relations) cost += RelationCost(r);
    return cost;
  }

  double TotalCost() const {
    double cost = 0;
    for (size_t r = 0; r < graph_->relations.size(); ++r) cost += RelationCost(r);
    for (size_t i = 0; i < items_.size(); ++i) {
      cost += OutsideCost(static_cast<int>(i)) + TidinessCost(static_cast<int>(i));
      for (size_t j = i + 1; j < items_.size(); ++j) {
        cost += CollisionCost(static_cast<int>(i), static_cast<int>(j));
      }
    }
    return cost;
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
  std::set<std::pair<int, int>> exempt_;
  Rect2 floor_;
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
  Layout layout(graph, options);
  return layout.Run();
}

}  // namespace scenecraft
