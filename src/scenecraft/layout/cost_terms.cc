#include "scenecraft/layout/cost_terms.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "scenecraft/layout/access.h"
#include "scenecraft/layout/relations.h"

namespace scenecraft::solver {
namespace {

constexpr double kHardWeight = 100.0;
constexpr double kCollisionWeight = 60.0;
constexpr double kOutsideWeight = 80.0;
constexpr double kAccessToleranceM = 0.02;

}  // namespace

CostTerms::CostTerms(State* state) : walkway_(state), s_(*state) {
  rel_cost_.assign(s_.graph_->relations.size(), 0.0);
  rel_pass_.assign(s_.graph_->relations.size(), 0);
  touched_mark_.assign(s_.items_.size(), 0);
}

double CostTerms::CostOf(size_t r, const RelationEvaluation& e) const {
  const Relation& rel = s_.graph_->relations[r];
  const double w = rel.hard ? kHardWeight : rel.weight;
  return w * e.violation + ShapeCost(r);
}

// What a relation's test leaves open but people expect: flanking objects mirror each other
// across the reference (and sit at the head of a bed or sofa, beside its back half).
double CostTerms::ShapeCost(size_t r) const {
  using T = RelationType;
  const Relation& rel = s_.graph_->relations[r];
  const std::vector<int>& m = s_.members_[r];
  if ((rel.type == T::kAgainstWall || rel.type == T::kInCorner || rel.type == T::kOnWall) &&
      s_.graph_->environment.IsRoom() && !rel.args.Word("wall")) {
    // The front wall is not built (the camera looks in through it): use the others, and
    // turn the object's back to the wall it is against.
    const Body& a = s_.bodies_[m[0]];
    if (!s_.polygon_.empty()) {
      const WallSegment* wall = s_.NearestWall(a.Center2());
      if (wall == nullptr || !a.has_front) return 0.0;
      return 0.3 * std::acos(std::clamp(FrontDirection(a.yaw_rad).Dot(wall->inward), -1.0, 1.0));
    }
    const Rect2 f = a.Foot();
    double cost = 0.5 * std::max(0.0, s_.floor_.min.y + 0.6 - f.min.y);
    if (a.has_front) {
      const double to_back = s_.floor_.max.y - f.max.y, to_left = f.min.x - s_.floor_.min.x;
      const double to_right = s_.floor_.max.x - f.max.x;
      const Vec2 inward = to_back <= std::min(to_left, to_right)
                              ? Vec2{0, -1}
                              : (to_left < to_right ? Vec2{1, 0} : Vec2{-1, 0});
      const Vec2 front = FrontDirection(a.yaw_rad);
      cost += 0.3 * std::acos(std::clamp(front.Dot(inward), -1.0, 1.0));
      // One end of a facing pair (a sofa and its TV) keeps to a side wall, so the pair lines
      // up across the view: against the back wall, its partner would stand in the open front
      // showing the camera its back.
      const Item& it = s_.items_[m[0]];
      if (rel.type == T::kAgainstWall && (it.face_target >= 0 || it.face_back >= 0) &&
          to_back <= std::min(to_left, to_right)) {
        cost += 0.3;
      }
    }
    return cost;
  }
  if (rel.type == T::kAround) {
    // Seats around a table sit at it, not merely within the test's metre.
    const Rect2 ref = s_.bodies_[m.back()].Foot();
    double cost = 0.0;
    for (size_t k = 0; k + 1 < m.size(); ++k) {
      cost += 0.5 * std::max(0.0, Gap(s_.bodies_[m[k]].Foot(), ref) - 0.5);
    }
    // And spread around it: the test allows a half circle empty, so four lamp posts around a
    // fountain stood two side by side; the largest gap between neighbours should stay near an
    // even share of the circle.
    const size_t n = m.size() - 1;
    if (n >= 3) {
      std::vector<Vec2> points;
      for (size_t k = 0; k < n; ++k) points.push_back(s_.bodies_[m[k]].Center2());
      const double largest = LargestAngularGap(points, s_.bodies_[m.back()].Center2());
      cost += 0.5 * std::max(0.0, largest - 1.25 * 2 * kPi / static_cast<double>(n));
    }
    return cost;
  }
  if (rel.type == T::kBetween) {
    // What is between two things has them at its sides (a hammock between two posts), not
    // anywhere on a long line through it: the test allows a quarter of the span off the line.
    // Fixed references (two windows) keep their gaps; the sum then cannot change.
    const Rect2 a = s_.bodies_[m[0]].Foot();
    return 0.3 * (std::max(0.0, Gap(a, s_.bodies_[m[1]].Foot()) - 0.3) +
                  std::max(0.0, Gap(a, s_.bodies_[m[2]].Foot()) - 0.3));
  }
  if ((rel.type == T::kInFrontOf || rel.type == T::kBehind || rel.type == T::kLeftOf ||
       rel.type == T::kRightOf) &&
      m.size() == 2 && !rel.args.Number("distance_m")) {
    // What is in front of, behind or beside a thing stands by it (a stool in front of a kiln),
    // not anywhere on that side of the room as the test allows; a pair that faces each other
    // keeps its viewing distance (a TV in front of a sofa).
    if (s_.items_[m[0]].face_target == m[1] || s_.items_[m[1]].face_target == m[0]) return 0.0;
    const Body& a = s_.bodies_[m[0]];
    const Body& b = s_.bodies_[m[1]];
    const double limit = std::max(1.0, NearDefaultLimit(a, b));
    return 0.2 * std::max(0.0, Gap(a.Foot(), b.Foot()) - limit);
  }
  // The watched object turns back toward its watcher: itself, or the support that carries it
  // (see State).
  int turner = -1;
  if (rel.type == T::kFacing && m.size() == 2) {
    turner = m[1];
    while (s_.items_[turner].face_back != m[0] && s_.items_[turner].parent >= 0) {
      turner = s_.items_[turner].parent;
    }
  }
  if (turner >= 0 && s_.items_[turner].face_back == m[0]) {
    const Body& a = s_.bodies_[m[0]];
    const Body& b = s_.bodies_[turner];
    const Vec2 to_a = a.Center2() - b.Center2();
    if (to_a.Norm() < 1e-9) return 0.0;
    const double c = FrontDirection(b.yaw_rad).Dot(to_a * (1.0 / to_a.Norm()));
    return 0.3 * std::acos(std::clamp(c, -1.0, 1.0));
  }
  if (rel.type == T::kOverlap) {
    // A rug under a table lies centred under it.
    const Body& a = s_.bodies_[m[0]];
    const Body& b = s_.bodies_[m[1]];
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
      sx += std::cos(s_.bodies_[k].yaw_rad);
      sy += std::sin(s_.bodies_[k].yaw_rad);
    }
    const double mean_yaw = std::atan2(sy, sx);
    for (int k : m) {
      cost += 0.1 * std::abs(std::remainder(s_.bodies_[k].yaw_rad - mean_yaw, 2 * kPi));
    }
    if (s_.group_target_[r] >= 0) {
      // What the group faces stands centred on it (rows run along x).
      double cx = 0.0;
      for (int k : m) cx += s_.bodies_[k].Center2().x;
      cost += 0.5 * std::abs(s_.bodies_[s_.group_target_[r]].Center2().x - cx / m.size());
    }
    if (rel.type == T::kGrid) {
      const size_t n = m.size();
      const size_t columns = static_cast<size_t>(s_.Columns(rel));
      const size_t rows = (n + columns - 1) / columns;
      std::vector<double> row_y(rows, 0.0), col_x(columns, 0.0);
      std::vector<int> row_n(rows, 0), col_n(columns, 0);
      for (size_t k = 0; k < n; ++k) {
        const Vec2 c = s_.bodies_[m[k]].Center2();
        row_y[k / columns] += c.y;
        ++row_n[k / columns];
        col_x[k % columns] += c.x;
        ++col_n[k % columns];
      }
      for (size_t k = 0; k < n; ++k) {
        const Vec2 c = s_.bodies_[m[k]].Center2();
        cost += 0.5 * std::abs(c.y - row_y[k / columns] / row_n[k / columns]);
        cost += 0.5 * std::abs(c.x - col_x[k % columns] / col_n[k % columns]);
      }
      // Evenly spaced: columns one pitch apart left to right, rows one pitch apart from the
      // back (+Y) forward.
      const Vec2 pitch = s_.grid_pitch_[r];
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
  const Body& a = s_.bodies_[m[0]];
  const Body& b = s_.bodies_[m[1]];
  const Body& ref = s_.bodies_[m[2]];
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

bool CostTerms::Exempt(int a, int b) const {
  if (s_.items_[a].flat || s_.items_[b].flat) return true;
  const std::vector<int>& e = s_.items_[a].exempt;
  if (std::find(e.begin(), e.end(), b) != e.end()) return true;
  // Objects resting on the same parent chain (a lamp on a desk on a rug) may touch.
  return s_.items_[a].parent == b || s_.items_[b].parent == a;
}

// Overlap of two bodies beyond what the collision test allows, plus clearance.
double CostTerms::CollisionCost(int a, int b) const {
  if (Exempt(a, b)) return 0.0;
  const Box3& x = s_.bodies_[a].box;
  const Box3& y = s_.bodies_[b].box;
  const double c = s_.options_.clearance_m;
  const double w = std::min(x.max.x, y.max.x) - std::max(x.min.x, y.min.x) + c;
  const double d = std::min(x.max.y, y.max.y) - std::max(x.min.y, y.min.y) + c;
  const double h = std::min(x.max.z, y.max.z) - std::max(x.min.z, y.min.z);
  if (w <= 0 || d <= 0 || h <= 0) return 0.0;
  return kCollisionWeight * (std::min(w, d) + 0.01);
}

// How deep b stands in the zone kept clear to use a (its front, or the long side toward the
// middle of the floor), and a in b's; objects a relation puts together (a chair at its desk)
// and those that may overlap are exempt.
double CostTerms::AccessCost(int a, int b) const {
  // Most pairs have no access between them: the cheap test first.
  if (s_.bodies_[a].access_m <= 0 && s_.bodies_[b].access_m <= 0) return 0.0;
  if (Exempt(a, b) || s_.Related(a, b)) return 0.0;
  double depth = 0.0;
  for (const auto& [x, y] : {std::pair<int, int>{a, b}, std::pair<int, int>{b, a}}) {
    const int side = s_.AccessSide(x);
    const Body& body = s_.bodies_[x];
    if (side < 0 || !CanBlockAccess(body, s_.bodies_[y])) continue;
    depth += Penetration(AccessZone(body, side, body.access_m), s_.bodies_[y].FootCorners());
  }
  return depth > kAccessToleranceM ? kCollisionWeight * (depth + 0.01) : 0.0;
}

// How far object i's access zone reaches out of the floor (a wardrobe facing a wall).
double CostTerms::AccessOutsideCost(int i) const {
  const int side = s_.AccessSide(i);
  if (side < 0 || !s_.graph_->environment.IsRoom()) return 0.0;
  const Body& body = s_.bodies_[i];
  const Quad zone = AccessZone(body, side, body.access_m);
  const double v = s_.polygon_.empty()
                       ? QuadOutsideDepth(s_.graph_->environment.FloorPolygon(), zone)
                       : QuadOutsideDepth(s_.polygon_, zone);
  return v > kAccessToleranceM ? kOutsideWeight * v : 0.0;
}

// Objects stay on the floor of a room and on the ground of an outdoor scene.
double CostTerms::OutsideCost(int i) const {
  if (!s_.polygon_.empty()) {
    const double v = QuadOutsideDepth(s_.polygon_, s_.bodies_[i].FootCorners());
    return v > 0.005 ? kOutsideWeight * v : 0.0;
  }
  const Rect2 f = s_.bodies_[i].Foot();
  const double v = std::max({0.0, s_.floor_.min.x - f.min.x, f.max.x - s_.floor_.max.x}) +
                   std::max({0.0, s_.floor_.min.y - f.min.y, f.max.y - s_.floor_.max.y});
  return v > 0.005 ? kOutsideWeight * v : 0.0;
}

// Tidiness: objects that need no particular turn stand square to the room (a small
// preference); objects against a wall stand square to it (a strong one).
double CostTerms::TidinessCost(int i) const {
  const Item& it = s_.items_[i];
  if (it.fixed || (it.face_target >= 0 && !it.wall_aligned)) return 0.0;
  const double yaw = it.object->pose->yaw_rad;
  const bool carried = it.parent >= 0 && it.object->has_front &&
                       s_.items_[it.parent].object->has_front && it.face_target < 0;
  if (it.face_back >= 0 && !it.wall_aligned) {
    // Turned by its watcher instead; on a stand, the stand should turn with it (a weaker
    // pull, so the watcher wins and the pair turns together).
    return carried ? 0.2 * std::abs(std::remainder(yaw - s_.bodies_[it.parent].yaw_rad, 2 * kPi))
                   : 0.0;
  }
  if (carried) {
    // A TV on its stand, a laptop on a desk: turned the way what carries it is turned.
    return 0.5 * std::abs(std::remainder(yaw - s_.bodies_[it.parent].yaw_rad, 2 * kPi));
  }
  const double off = std::abs(std::remainder(yaw, kPi / 2));
  double cost = (it.wall_aligned ? 2.0 : 0.3) * (off > 1e-3 ? off : 0.0);
  // Among equal choices, a free-standing object with a front shows it to the viewer.
  if (it.object->has_front && !it.wall_aligned) cost += 0.1 * (1.0 - std::cos(yaw));
  // In a room the camera looks in through the open front: something turned away from it
  // there (a TV stand showing its back) blocks the view of what it faces.
  if (s_.graph_->environment.IsRoom() && it.object->has_front && it.parent < 0 &&
      std::cos(yaw) < -0.5) {
    cost += 0.3 * std::max(0.0, s_.floor_.min.y + 1.2 - s_.bodies_[i].Foot().min.y);
  }
  return cost;
}

// Collisions, floor and tidiness terms of the touched objects; a pair of touched objects is
// counted once.
ObjectTerms CostTerms::Terms(const std::vector<int>& touched) {
  ObjectTerms out;
  for (int t : touched) touched_mark_[t] = 1;
  for (int i : touched) {
    const double outside = OutsideCost(i) + AccessOutsideCost(i);
    out.cost += outside + TidinessCost(i);
    out.bad += outside > 0 ? 1 : 0;
    s_.grid_.ForEachNear(s_.bodies_[i].Foot().Expanded(s_.GridMargin(i)), [&](int j) {
      if (j == i || (touched_mark_[j] && j < i)) return;
      const double c = CollisionCost(i, j) + AccessCost(i, j);
      out.cost += c;
      out.bad += c > 0 ? 1 : 0;
    });
  }
  for (int t : touched) touched_mark_[t] = 0;
  return out;
}

// The movable objects taking part in a failure: a failing relation, a collision, a place off
// the floor. An object resting on another stands for itself; fixed objects are left out.
void CostTerms::Conflicted(std::vector<int>* out) {
  std::vector<char> mark(s_.items_.size(), 0);
  for (size_t r = 0; r < s_.members_.size(); ++r) {
    if (rel_pass_[r]) continue;
    for (int m : s_.members_[r]) mark[m] = 1;
  }
  for (size_t i = 0; i < s_.items_.size(); ++i) {
    const int ii = static_cast<int>(i);
    if (OutsideCost(ii) > 0 || AccessOutsideCost(ii) > 0) mark[i] = 1;
    s_.grid_.ForEachNear(s_.bodies_[i].Foot().Expanded(s_.GridMargin(ii)), [&](int j) {
      if (j > ii && CollisionCost(ii, j) + AccessCost(ii, j) > 0) mark[i] = mark[j] = 1;
    });
  }
  walkway_.MarkConflicted(&mark);
  out->clear();
  for (size_t i = 0; i < s_.items_.size(); ++i) {
    if (mark[i] && !s_.items_[i].fixed) out->push_back(static_cast<int>(i));
  }
}

// Evaluates everything from scratch: the relation caches, the failure count and the cost.
double CostTerms::Recount() {
  double cost = 0;
  bad_ = 0;
  for (size_t r = 0; r < s_.graph_->relations.size(); ++r) {
    const RelationEvaluation e = s_.Evaluate(r);
    rel_cost_[r] = CostOf(r, e);
    rel_pass_[r] = e.pass ? 1 : 0;
    cost += rel_cost_[r];
    bad_ += e.pass ? 0 : 1;
  }
  std::vector<int> all(s_.items_.size());
  for (size_t i = 0; i < s_.items_.size(); ++i) all[i] = static_cast<int>(i);
  const ObjectTerms terms = Terms(all);
  walkway_.Rebuild();
  bad_ += terms.bad + walkway_.bad();
  return cost + terms.cost + walkway_.cost();
}

}  // namespace scenecraft::solver
