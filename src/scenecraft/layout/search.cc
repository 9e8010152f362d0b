#include "scenecraft/layout/search.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "scenecraft/layout/constructive_start.h"

namespace scenecraft::solver {
namespace {

// Annealing: the start temperature (in cost units: a soft relation 1 m off costs about 1) and
// the length of one cooling run in moves per movable object.
constexpr double kStartTemperature = 0.5;
constexpr double kMovesPerObject = 300.0;
constexpr int kMaxFruitlessReheats = 3;
constexpr int kMaxFreshStarts = 2;

}  // namespace

Search::Search(State* state, CostTerms* costs) : s_(*state), costs_(*costs) {
  rel_mark_.assign(s_.graph_->relations.size(), 0);
}

SolveResult Search::Run() {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::optional<Pose>> given;  // poses the caller gave (fixed or warm starts)
  for (const Item& it : s_.items_) given.push_back(it.object->pose);
  ConstructiveStart(&s_).Place();
  for (size_t i = 0; i < s_.items_.size(); ++i) s_.UpdateBody(static_cast<int>(i));
  double cost = costs_.Recount();
  SolveResult result;
  // Local search with a falling temperature; restarts from the best state when stuck.
  std::vector<Pose> best_poses = s_.Poses();
  double best_cost = cost;
  std::vector<int> movable;
  for (size_t i = 0; i < s_.items_.size(); ++i) {
    if (!s_.items_[i].fixed) movable.push_back(static_cast<int>(i));
  }
  const double scale = std::max(1.0, std::max(s_.floor_.Width(), s_.floor_.Depth()));
  // The constructive start is already close, so the search starts cool and cools within a few
  // hundred moves per object; a stuck search reheats from its best state (see below).
  const double schedule =
      std::min<double>(s_.options_.max_moves, kMovesPerObject * movable.size() + 1000.0);
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
  int best_bad = costs_.bad_, bad_at_last_reheat = costs_.bad_ + 1;
  while (!movable.empty() && cost > 1e-9) {
    // Once every relation holds and nothing collides, a short greedy polish follows (the
    // shape and tidiness preferences: grids in line, rows turned alike, furniture square to
    // the walls) that never breaks what holds, then the search stops. `bad_` is kept up to
    // date move by move; a full recount confirms it.
    if (costs_.bad_ == 0 && polish_until < 0) {
      cost = costs_.Recount();
      if (costs_.bad_ == 0) {
        best_poses = s_.Poses();
        best_cost = cost;
        best_bad = 0;
        polish_until = result.moves + std::min(20000, 30 * static_cast<int>(movable.size()));
      }
    }
    if (polish_until >= 0 && result.moves >= polish_until) break;
    if (result.moves % 64 == 0) {
      const double elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (elapsed > s_.options_.time_budget_s) break;
    }
    if (result.moves >= s_.options_.max_moves) break;
    // The cooling schedule counts moves, not seconds, so a seed gives one layout.
    const double progress = std::min(1.0, (result.moves - schedule_start) / schedule);
    const bool polishing = polish_until >= 0;
    const double temperature = polishing ? 1e-9 : kStartTemperature * std::pow(0.001, progress);
    // Min-conflicts: most moves go to an object with a failing relation, a collision or a
    // place off the floor; the rest keep exploring. The list is refreshed now and then.
    if (result.moves >= next_refresh) {
      costs_.Conflicted(&conflicted);
      next_refresh = result.moves + std::max<int>(128, static_cast<int>(s_.items_.size()) / 2);
    }
    const bool focus = !conflicted.empty() && s_.rng_.Uniform() < 0.85;
    const int i = focus ? conflicted[s_.rng_.UniformInt(0, static_cast<int>(conflicted.size()) - 1)]
                        : movable[s_.rng_.UniformInt(0, static_cast<int>(movable.size()) - 1)];
    // Save, move, evaluate only what the move touches.
    s_.Subtree(i, &touched);
    // Now and then a reference moves with the floor objects placed relative to it (a TV with
    // its sofa and coffee table), which keeps a satisfied group satisfied while it travels.
    group.clear();
    if (s_.items_[i].parent < 0 && !s_.items_[i].dependents.empty() && s_.rng_.Uniform() < 0.3) {
      for (int d : s_.items_[i].dependents) {
        if (s_.items_[d].fixed || s_.items_[d].parent >= 0 || s_.items_[d].wall ||
            s_.items_[d].ceiling || s_.items_[d].wall_aligned ||
            std::find(touched.begin(), touched.end(), d) != touched.end()) {
          continue;
        }
        group.push_back(d);
        s_.Subtree(d, &scratch_tree);
        touched.insert(touched.end(), scratch_tree.begin(), scratch_tree.end());
      }
    }
    TouchedRelations(touched, &relations);
    double before = 0.0;
    int bad_before = 0;
    for (int r : relations) {
      before += costs_.rel_cost_[r];
      bad_before += costs_.rel_pass_[r] ? 0 : 1;
    }
    const ObjectTerms terms_before = costs_.Terms(touched);
    before += terms_before.cost + costs_.walkway_.cost();
    bad_before += terms_before.bad + costs_.walkway_.bad();
    saved.clear();
    for (int t : touched) saved.push_back(*s_.items_[t].object->pose);
    const Pose leader_before = *s_.items_[i].object->pose;
    Propose(i, scale * std::max(0.02, 0.3 * (1.0 - progress)));
    const Pose& leader_after = *s_.items_[i].object->pose;
    for (int d : group) {
      Translate(d, leader_after.x - leader_before.x, leader_after.y - leader_before.y);
    }
    for (int t : touched) s_.UpdateBody(t);
    double after = 0.0;
    int bad_after = 0;
    new_cost.resize(relations.size());
    new_pass.resize(relations.size());
    for (size_t k = 0; k < relations.size(); ++k) {
      const RelationEvaluation e = s_.Evaluate(relations[k]);
      new_cost[k] = costs_.CostOf(relations[k], e);
      new_pass[k] = e.pass ? 1 : 0;
      after += new_cost[k];
      bad_after += e.pass ? 0 : 1;
    }
    const ObjectTerms terms_after = costs_.Terms(touched);
    after += terms_after.cost;
    bad_after += terms_after.bad;
    ++result.moves;
    bool accept = false;
    bool walkway_moved = false;
    if (!costs_.walkway_.active()) {
      // Lexicographic in spirit: a move that fixes a failure is always taken, one that adds a
      // failure only while the temperature allows it.
      const bool keeps = !polishing || bad_after <= bad_before;
      accept = keeps && (after - before <= 0 ||
                         s_.rng_.Uniform() < std::exp(-(after - before) / temperature));
    } else {
      // The walkway is global and the dearest term to update: the move's chance is drawn first,
      // and a move the other terms already sink (the walkway can at best drop to 0) is
      // rejected without it.
      const double threshold = -temperature * std::log(std::max(1e-300, s_.rng_.Uniform()));
      if (after - before <= threshold) {
        costs_.walkway_.Move(touched);
        walkway_moved = true;
        after += costs_.walkway_.cost();
        bad_after += costs_.walkway_.bad();
        accept = (!polishing || bad_after <= bad_before) && after - before <= threshold;
      }
    }
    const double delta = after - before;
    if (accept) {
      if (walkway_moved) costs_.walkway_.Accept();
      cost += delta;
      costs_.bad_ += bad_after - bad_before;
      for (size_t k = 0; k < relations.size(); ++k) {
        costs_.rel_cost_[relations[k]] = new_cost[k];
        costs_.rel_pass_[relations[k]] = new_pass[k];
      }
      if (cost < 1e-6) cost = costs_.Recount();  // No drift from summed deltas near the goal.
      ++result.accepted;
      if (cost < best_cost - 1e-9) {
        // Only a fixed failure or a real gain counts as progress against getting stuck.
        if (costs_.bad_ < best_bad || cost < best_cost * (1 - 1e-3)) since_best = 0;
        best_cost = cost;
        best_bad = costs_.bad_;
        best_poses = s_.Poses();
      }
    } else {
      for (size_t k = 0; k < touched.size(); ++k) s_.items_[touched[k]].object->pose = saved[k];
      for (int t : touched) s_.UpdateBody(t);
      if (walkway_moved) costs_.walkway_.Reject();
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
        if (fresh_starts >= kMaxFreshStarts || elapsed > s_.options_.time_budget_s / 2 ||
            result.moves > s_.options_.max_moves / 2) {
          break;
        }
        ++fresh_starts;
        for (size_t k = 0; k < s_.items_.size(); ++k) {
          s_.items_[k].object->pose = given[k];
          if (!given[k]) s_.grid_.Remove(static_cast<int>(k));
        }
        ConstructiveStart(&s_).Place();
        for (size_t k = 0; k < s_.items_.size(); ++k) s_.UpdateBody(static_cast<int>(k));
        cost = costs_.Recount();
        fruitless_reheats = 0;
        bad_at_last_reheat = costs_.bad_ + 1;
        since_best = 0;
        schedule_start = result.moves;
        next_refresh = result.moves;
        polish_until = -1;
        continue;
      }
      if (best_bad < bad_at_last_reheat) fruitless_reheats = 0;
      bad_at_last_reheat = best_bad;
      s_.SetPoses(best_poses);
      cost = costs_.Recount();
      since_best = 0;
      schedule_start = result.moves - static_cast<int>(0.3 * schedule);
      next_refresh = result.moves;
    }
  }
  // Turns are kept in (-180, 180] degrees; the search lets them wind up.
  for (Pose& p : best_poses) p.yaw_rad = WrapAngle(p.yaw_rad);
  s_.SetPoses(best_poses);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Report(&result);
  return result;
}

// The relations the objects take part in, each once.
void Search::TouchedRelations(const std::vector<int>& touched, std::vector<int>* out) {
  out->clear();
  if (++rel_stamp_ == 0) {
    std::fill(rel_mark_.begin(), rel_mark_.end(), 0);
    rel_stamp_ = 1;
  }
  for (int t : touched) {
    for (size_t r : s_.items_[t].relations) {
      if (rel_mark_[r] == rel_stamp_) continue;
      rel_mark_[r] = rel_stamp_;
      out->push_back(static_cast<int>(r));
    }
  }
}

// Moves a floor object and what rests on it by (dx, dy), staying on the floor.
void Search::Translate(int i, double dx, double dy) {
  Pose& p = *s_.items_[i].object->pose;
  const Pose old = p;
  p.x += dx;
  p.y += dy;
  s_.ClampToFloor(i, &p);
  s_.UpdateBody(i);
  for (int c : s_.Subtree(i)) {
    if (c == i) continue;
    Pose& q = *s_.items_[c].object->pose;
    q.x += p.x - old.x;
    q.y += p.y - old.y;
    s_.UpdateBody(c);
  }
}

// Proposes a move of object i (and the objects resting on it).
void Search::Propose(int i, double step) {
  Item& it = s_.items_[i];
  Pose& p = *it.object->pose;
  const Pose old = p;
  const double choice = s_.rng_.Uniform();
  if (it.parent >= 0) {
    // On a surface: anywhere on the parent's top.
    const Rect2 top = s_.bodies_[it.parent].Foot();
    const Vec2 h = s_.Half(i, p.yaw_rad);
    if (choice < 0.7) {
      p.x += s_.rng_.Normal(0, std::min(step, 0.3));
      p.y += s_.rng_.Normal(0, std::min(step, 0.3));
    } else if (choice < 0.85) {
      const int toward = it.face_target >= 0 ? it.face_target : it.face_back;
      p.yaw_rad = toward >= 0 ? s_.FaceYaw(i, toward)
                              : s_.bodies_[it.parent].yaw_rad + s_.RandomQuarterTurn();
    } else {
      p.x = s_.rng_.Uniform(top.min.x + h.x, std::max(top.min.x + h.x, top.max.x - h.x));
      p.y = s_.rng_.Uniform(top.min.y + h.y, std::max(top.min.y + h.y, top.max.y - h.y));
    }
    // The centre stays a centimetre inside the top: exactly on its edge, rounding in the
    // box (or in a turn wrapped by 360 degrees) could put it outside.
    const double mx = std::min(0.01, top.Width() / 2), my = std::min(0.01, top.Depth() / 2);
    p.x = std::clamp(p.x, top.min.x + mx, top.max.x - mx);
    p.y = std::clamp(p.y, top.min.y + my, top.max.y - my);
    p.z = s_.RestZ(i);
  } else if (it.wall) {
    p.x += s_.rng_.Normal(0, step);
    p.y += s_.rng_.Normal(0, step);
    if (choice < 0.1) {
      p.x = s_.rng_.Uniform(s_.floor_.min.x, s_.floor_.max.x);
      p.y = s_.rng_.Uniform(s_.floor_.min.y, s_.floor_.max.y);
    }
    s_.SnapToWall(i, &p);
    if (choice < 0.3) {
      const double top = s_.graph_->environment.IsRoom() ? s_.graph_->environment.size.z : 4.0;
      p.z =
          std::clamp(p.z + s_.rng_.Normal(0, 0.2), 0.5, std::max(0.5, top - s_.SizeOf(i).z - 0.05));
    }
  } else if (it.in_formation && !it.wall_aligned) {
    // A seat in a hall of rows keeps its place in the formation (the constructive stage laid
    // it out): it shifts a little or turns; a jump across the room would break every row.
    if (choice < 0.5) {
      p.x += s_.rng_.Normal(0, std::min(step, 0.2));
      p.y += s_.rng_.Normal(0, std::min(step, 0.2));
    } else {
      const int toward = it.face_target >= 0 ? it.face_target : it.face_back;
      p.yaw_rad =
          toward >= 0 && s_.rng_.Uniform() < 0.7 ? s_.FaceYaw(i, toward) : s_.RandomQuarterTurn();
    }
    s_.ClampToFloor(i, &p);
    p.z = s_.RestZ(i);
  } else {
    if (choice < 0.6) {
      p.x += s_.rng_.Normal(0, step);
      p.y += s_.rng_.Normal(0, step);
    } else if (choice < 0.8) {
      const int toward = it.face_target >= 0 ? it.face_target : it.face_back;
      p.yaw_rad =
          toward >= 0 && s_.rng_.Uniform() < 0.7 ? s_.FaceYaw(i, toward) : s_.RandomQuarterTurn();
    } else if (choice < 0.9) {
      p.x = s_.rng_.Uniform(s_.floor_.min.x, s_.floor_.max.x);
      p.y = s_.rng_.Uniform(s_.floor_.min.y, s_.floor_.max.y);
    } else {
      // Snap against the nearest wall, front into the room.
      if (s_.graph_->environment.IsRoom()) s_.SnapToWall(i, &p);
    }
    // Furniture that belongs against a wall mostly slides along the walls rather than
    // leaving them.
    if (it.wall_aligned && s_.graph_->environment.IsRoom() && s_.rng_.Uniform() < 0.8) {
      s_.SnapToWall(i, &p);
    }
    s_.ClampToFloor(i, &p);  // the room's floor, or the outdoor ground
    p.z = s_.RestZ(i);
  }
  // Children move with their parent.
  const double dx = p.x - old.x, dy = p.y - old.y, dyaw = p.yaw_rad - old.yaw_rad;
  const std::vector<int> tree = s_.Subtree(i);
  for (int c : tree) {
    if (c == i) continue;
    Pose& q = *s_.items_[c].object->pose;
    q.x += dx;
    q.y += dy;
    q.yaw_rad += dyaw;
  }
  s_.UpdateBody(i);
  for (int c : tree) {
    if (c == i) continue;
    s_.items_[c].object->pose->z = s_.bodies_[s_.items_[c].parent].box.max.z;
    s_.UpdateBody(c);
  }
}

void Search::Report(SolveResult* result) {
  s_.graph_->results.clear();
  result->relations_total = static_cast<int>(s_.graph_->relations.size());
  for (size_t r = 0; r < s_.graph_->relations.size(); ++r) {
    const RelationEvaluation e = s_.Evaluate(r, /*words=*/true);
    s_.graph_->results.push_back({r, e.score, e.pass, e.reason});
    if (e.pass) {
      ++result->relations_passed;
    } else {
      if (s_.graph_->relations[r].hard) ++result->hard_failed;
      result->warnings.push_back(s_.graph_->relations[r].ToString() + ": " + e.reason);
    }
  }
  for (size_t i = 0; i < s_.items_.size(); ++i) {
    if (s_.graph_->environment.IsRoom() && !InsideRoom(s_.bodies_[i], s_.graph_->environment)) {
      ++result->outside_room;
      result->warnings.push_back(s_.bodies_[i].id + " does not fit inside the room");
    }
    if (costs_.AccessOutsideCost(static_cast<int>(i)) > 0) {
      ++result->access_blocked;
      result->warnings.push_back("the floor " + s_.bodies_[i].id + " is used from leaves the room");
    }
    for (size_t j = i + 1; j < s_.items_.size(); ++j) {
      if (!costs_.Exempt(static_cast<int>(i), static_cast<int>(j)) &&
          Collides(s_.bodies_[i], s_.bodies_[j])) {
        ++result->collisions;
        result->warnings.push_back(s_.bodies_[i].id + " collides with " + s_.bodies_[j].id);
      } else if (costs_.AccessCost(static_cast<int>(i), static_cast<int>(j)) > 0) {
        ++result->access_blocked;
        result->warnings.push_back(s_.bodies_[i].id + " and " + s_.bodies_[j].id +
                                   " block the floor one of them is used from");
      }
    }
  }
  Walkway& walkway = costs_.walkway_;
  walkway.Rebuild();
  if (walkway.active()) {
    result->walkway_failures = walkway.bad();
    result->walkway_share = walkway.ReachedShare();
    if (walkway.bad() > static_cast<int>(walkway.Unreachable().size())) {
      result->warnings.push_back("the walkway from the door reaches " +
                                 std::to_string(static_cast<int>(walkway.ReachedShare() * 100)) +
                                 " % of the free floor");
    }
    for (int i : walkway.Unreachable()) {
      result->warnings.push_back(s_.bodies_[i].id + " cannot be reached from the door");
    }
  }
  // Contradictions: two failing relations of opposite direction over the same pair.
  for (size_t r = 0; r < s_.graph_->relations.size(); ++r) {
    for (size_t s = r + 1; s < s_.graph_->relations.size(); ++s) {
      const Relation& a = s_.graph_->relations[r];
      const Relation& b = s_.graph_->relations[s];
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
      if (conflict && !(s_.graph_->results[r].pass && s_.graph_->results[s].pass)) {
        result->conflicts.push_back(a.ToString() + " contradicts " + b.ToString());
      }
    }
  }
}

}  // namespace scenecraft::solver
