#include "scenecraft/layout/walkway.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/core/room.h"
#include "scenecraft/layout/access.h"
#include "scenecraft/layout/solver_state.h"

namespace scenecraft::solver {
namespace {

// A square metre of floor cut off weighs like a third of a metre of collision; an object that
// cannot be reached like a third of a collision 0.3 m deep.
constexpr double kAreaWeight = 20.0;
constexpr double kFrontWeight = 20.0;
// How far around the cells a move blocked a detour is looked for before a full flood.
constexpr int kDetourCells = 3;

// The squared distance from a point to a rectangle (0 inside).
double SquaredDistanceToRect(const Vec2& p, const Rect2& r) {
  const double dx = std::max({r.min.x - p.x, 0.0, p.x - r.max.x});
  const double dy = std::max({r.min.y - p.y, 0.0, p.y - r.max.y});
  return dx * dx + dy * dy;
}

bool SameRect(const Rect2& a, const Rect2& b) {
  return a.min.x == b.min.x && a.min.y == b.min.y && a.max.x == b.max.x && a.max.y == b.max.y;
}

}  // namespace

Walkway::Walkway(State* state, const WalkwayOptions& options) : s_(*state), options_(options) {
  const size_t n = s_.items_.size();
  is_obstacle_.assign(n, 1);
  drawn_.assign(n, 0);
  foot_.resize(n);
  front_ok_.assign(n, 1);
  const Environment& env = s_.graph_->environment;
  if (!env.IsRoom() || !s_.options_.walkway) return;
  // Doors, windows and a door's clearance are no obstacles to a walker (nothing else may stand
  // in them); the walk starts just inside each door.
  std::vector<int> doors;
  for (const Opening& opening : env.openings) {
    for (const std::string& id : {opening.id, DoorClearanceId(opening.id)}) {
      const auto it = s_.index_.find(id);
      if (it != s_.index_.end()) is_obstacle_[it->second] = 0;
    }
    const auto it = s_.index_.find(opening.id);
    if (it != s_.index_.end() && s_.items_[it->second].object->category == "door" &&
        s_.items_[it->second].object->pose) {
      doors.push_back(it->second);
    }
  }
  if (doors.empty()) return;
  active_ = true;
  r_ = options_.walker_m / 2;
  floor_ = env.FloorPolygon();
  const Rect2 bounds = env.FloorRect();
  cell_ = std::max(options_.cell_m, std::sqrt(bounds.Area() / std::max(1, options_.max_cells)));
  origin_ = bounds.min;
  nx_ = std::max(1, static_cast<int>(std::ceil(bounds.Width() / cell_)));
  ny_ = std::max(1, static_cast<int>(std::ceil(bounds.Depth() / cell_)));
  const size_t cells = static_cast<size_t>(nx_) * ny_;
  mask_.assign(cells, 0);
  count_.assign(cells, 0);
  reached_.assign(cells, 0);
  stamp_.assign(cells, 0);
  for (size_t k = 0; k < cells; ++k) {
    const Vec2 p = Centre(static_cast<int>(k));
    mask_[k] = Contains(floor_, p) && DistanceToBoundary(floor_, p) >= r_;
    mask_count_ += mask_[k];
  }
  for (int d : doors) {
    const Object& door = *s_.items_[d].object;
    const Vec2 start =
        Vec2{door.pose->x, door.pose->y} + FrontDirection(door.pose->yaw_rad) * (r_ + 0.1);
    const double radius = door.size.x / 2 + cell_;
    std::vector<std::pair<double, int>> near;
    const CellRange c = Cells(Rect2{start, start}, radius);
    for (int y = c.y0; y <= c.y1; ++y) {
      for (int x = c.x0; x <= c.x1; ++x) {
        const int k = y * nx_ + x;
        const double dist = (Centre(k) - start).Norm();
        if (mask_[k] && dist < radius) near.push_back({dist, k});
      }
    }
    std::sort(near.begin(), near.end());
    door_cells_.emplace_back();
    for (const auto& [dist, k] : near) door_cells_.back().push_back(k);
  }
  for (size_t i = 0; i < n; ++i) {
    const Item& it = s_.items_[i];
    const Object& o = *it.object;
    if (is_obstacle_[i] && it.parent < 0 && !it.wall && !it.ceiling && !it.flat &&
        (o.has_front || o.access_m > 0)) {
      fronts_.push_back(static_cast<int>(i));
    }
  }
}

Walkway::CellRange Walkway::Cells(const Rect2& rect, double margin) const {
  CellRange c;
  c.x0 = std::max(0, static_cast<int>(std::ceil((rect.min.x - margin - origin_.x) / cell_ - 0.5)));
  c.y0 = std::max(0, static_cast<int>(std::ceil((rect.min.y - margin - origin_.y) / cell_ - 0.5)));
  c.x1 = std::min(nx_ - 1,
                  static_cast<int>(std::floor((rect.max.x + margin - origin_.x) / cell_ - 0.5)));
  c.y1 = std::min(ny_ - 1,
                  static_cast<int>(std::floor((rect.max.y + margin - origin_.y) / cell_ - 0.5)));
  return c;
}

Vec2 Walkway::Centre(int k) const {
  return {origin_.x + (k % nx_ + 0.5) * cell_, origin_.y + (k / nx_ + 0.5) * cell_};
}

// What a walker bumps into: everything lower than 1.5 m but rugs and the openings.
bool Walkway::Obstacle(int i) const {
  const Box3& box = s_.bodies_[i].box;
  return is_obstacle_[i] && !s_.items_[i].flat && !box.IsEmpty() && box.min.z < 1.5;
}

void Walkway::Draw(const Rect2& foot, int delta, bool log) {
  const CellRange c = Cells(foot, r_);
  for (int y = c.y0; y <= c.y1; ++y) {
    for (int x = c.x0; x <= c.x1; ++x) {
      const int k = y * nx_ + x;
      if (SquaredDistanceToRect(Centre(k), foot) >= r_ * r_) continue;
      const bool was_free = Free(k);
      count_[k] += delta;
      if (!mask_[k] || was_free == Free(k)) continue;
      blocked_count_ += was_free ? 1 : -1;
      if (log && stamp_[k] != stamp_now_) {
        stamp_[k] = stamp_now_;
        changed_.push_back(k);
      }
    }
  }
}

void Walkway::Seeds(std::vector<int>* out) const {
  out->clear();
  for (const std::vector<int>& cells : door_cells_) {
    const auto it = std::find_if(cells.begin(), cells.end(), [&](int k) { return Free(k); });
    out->push_back(it == cells.end() ? -1 : *it);
  }
}

void Walkway::SetReached(int k, char value) {
  if (reached_[k] == value) return;
  reached_[k] = value;
  reached_count_ += value ? 1 : -1;
  flipped_.push_back(k);
}

// Grows the reached floor from the cells in the queue over free cells.
void Walkway::Expand(std::vector<int>* queue) {
  for (size_t q = 0; q < queue->size(); ++q) {
    const int k = (*queue)[q];
    const int x = k % nx_, y = k / nx_;
    const int next[4] = {x + 1 < nx_ ? k + 1 : -1, x > 0 ? k - 1 : -1, y + 1 < ny_ ? k + nx_ : -1,
                         y > 0 ? k - nx_ : -1};
    for (int m : next) {
      if (m < 0 || reached_[m] || !Free(m)) continue;
      SetReached(m, 1);
      queue->push_back(m);
    }
  }
}

// The reached floor from scratch (the flips logged against what was reached before).
void Walkway::FullFlood() {
  for (size_t k = 0; k < reached_.size(); ++k) {
    if (reached_[k]) SetReached(static_cast<int>(k), 0);
  }
  queue_.clear();
  for (int seed : seeds_) {
    if (seed < 0 || reached_[seed]) continue;
    SetReached(seed, 1);
    queue_.push_back(seed);
  }
  Expand(&queue_);
}

// Whether the reached floor stays one piece without the lost cells: it does when the reached
// cells around them still reach each other close by (every way through them can go round).
bool Walkway::StillConnected(const std::vector<int>& lost) {
  if (++stamp_now_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    stamp_now_ = 1;
  }
  scratch_.clear();
  int x0 = nx_, y0 = ny_, x1 = -1, y1 = -1;
  for (int k : lost) {
    const int x = k % nx_, y = k / nx_;
    x0 = std::min(x0, x);
    x1 = std::max(x1, x);
    y0 = std::min(y0, y);
    y1 = std::max(y1, y);
    const int next[4] = {x + 1 < nx_ ? k + 1 : -1, x > 0 ? k - 1 : -1, y + 1 < ny_ ? k + nx_ : -1,
                         y > 0 ? k - nx_ : -1};
    for (int m : next) {
      if (m < 0 || !reached_[m] || stamp_[m] == stamp_now_) continue;
      stamp_[m] = stamp_now_;
      scratch_.push_back(m);
    }
  }
  if (scratch_.size() <= 1) return true;
  x0 = std::max(0, x0 - kDetourCells);
  y0 = std::max(0, y0 - kDetourCells);
  x1 = std::min(nx_ - 1, x1 + kDetourCells);
  y1 = std::min(ny_ - 1, y1 + kDetourCells);
  if (++stamp_now_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    stamp_now_ = 1;
  }
  queue_.assign(1, scratch_[0]);
  stamp_[scratch_[0]] = stamp_now_;
  for (size_t q = 0; q < queue_.size(); ++q) {
    const int k = queue_[q];
    const int x = k % nx_, y = k / nx_;
    const int next[4] = {x + 1 <= x1 ? k + 1 : -1, x > x0 ? k - 1 : -1, y + 1 <= y1 ? k + nx_ : -1,
                         y > y0 ? k - nx_ : -1};
    for (int m : next) {
      if (m < 0 || !reached_[m] || stamp_[m] == stamp_now_) continue;
      stamp_[m] = stamp_now_;
      queue_.push_back(m);
    }
  }
  return std::all_of(scratch_.begin(), scratch_.end(),
                     [&](int k) { return stamp_[k] == stamp_now_; });
}

// Whether a walker from the door reaches an object's front: a reached cell in its access zone
// (in front of a wardrobe, beside a bed), or one within reach of its foot without access.
bool Walkway::FrontReached(int i) const {
  const Body& b = s_.bodies_[i];
  if (b.box.min.z > 0.05) return true;
  std::vector<Polygon2> zones;
  for (int side : AccessSides(b)) {
    const Quad q = AccessZone(b, side, std::max(b.access_m, r_ + cell_));
    zones.push_back(CounterClockwise(Polygon2(q.begin(), q.end())));
  }
  const Rect2 foot = b.Foot();
  const double reach = r_ + options_.reach_m;
  const CellRange c = Cells(foot, r_ + std::max(options_.reach_m, b.access_m));
  for (int y = c.y0; y <= c.y1; ++y) {
    for (int x = c.x0; x <= c.x1; ++x) {
      const int k = y * nx_ + x;
      if (!reached_[k]) continue;
      const Vec2 p = Centre(k);
      if (zones.empty() ? SquaredDistanceToRect(p, foot) <= reach * reach
                        : std::any_of(zones.begin(), zones.end(),
                                      [&](const Polygon2& z) { return Contains(z, p); })) {
        return true;
      }
    }
  }
  return false;
}

void Walkway::Score() {
  const int free = mask_count_ - blocked_count_;
  const double unreached = free - reached_count_ - (1 - options_.share) * free;
  const double excess = std::max(0.0, unreached) * cell_ * cell_;
  cost_ = kAreaWeight * excess + kFrontWeight * unreachable_;
  bad_ = (excess > 0 ? 1 : 0) + unreachable_;
}

void Walkway::Rebuild() {
  if (!active_) return;
  std::fill(count_.begin(), count_.end(), 0);
  blocked_count_ = 0;
  for (size_t i = 0; i < s_.items_.size(); ++i) {
    drawn_[i] = Obstacle(static_cast<int>(i));
    foot_[i] = s_.bodies_[i].Foot();
    if (drawn_[i]) Draw(foot_[i], +1, false);
  }
  Seeds(&seeds_);
  FullFlood();
  unreachable_ = 0;
  for (int f : fronts_) {
    front_ok_[f] = FrontReached(f);
    unreachable_ += front_ok_[f] ? 0 : 1;
  }
  Score();
  flipped_.clear();
  undo_items_.clear();
  front_flipped_.clear();
}

void Walkway::Move(const std::vector<int>& touched) {
  undo_items_.clear();
  flipped_.clear();
  front_flipped_.clear();
  changed_.clear();
  if (!active_) return;
  old_seeds_ = seeds_;
  old_unreachable_ = unreachable_;
  old_cost_ = cost_;
  old_bad_ = bad_;
  if (++stamp_now_ == 0) {
    std::fill(stamp_.begin(), stamp_.end(), 0);
    stamp_now_ = 1;
  }
  // 1. Draw the touched objects again where they moved.
  for (int t : touched) {
    const bool now = Obstacle(t);
    const Rect2 foot = s_.bodies_[t].Foot();
    if (drawn_[t] == now && (!now || SameRect(foot_[t], foot))) continue;
    undo_items_.push_back({t, drawn_[t] != 0, foot_[t]});
    if (drawn_[t]) Draw(foot_[t], -1, true);
    drawn_[t] = now;
    foot_[t] = foot;
    if (now) Draw(foot, +1, true);
  }
  // 2. Repair the reached floor: drop the cells now covered; flood again from the doors when
  //    that may have cut a way off (or a door's first cell changed), else grow into the cells
  //    the move left free.
  if (!changed_.empty()) {
    std::vector<int> lost;
    for (int k : changed_) {
      if (!Free(k) && reached_[k]) {
        SetReached(k, 0);
        lost.push_back(k);
      }
    }
    std::vector<int> seeds;
    Seeds(&seeds);
    if (seeds != seeds_ || (!lost.empty() && !StillConnected(lost))) {
      seeds_ = seeds;
      FullFlood();
    } else {
      queue_.clear();
      for (int k : changed_) {
        if (!Free(k) || reached_[k]) continue;
        const int x = k % nx_, y = k / nx_;
        const bool touches = (x + 1 < nx_ && reached_[k + 1]) || (x > 0 && reached_[k - 1]) ||
                             (y + 1 < ny_ && reached_[k + nx_]) || (y > 0 && reached_[k - nx_]);
        if (!touches) continue;
        SetReached(k, 1);
        queue_.push_back(k);
      }
      Expand(&queue_);
    }
  }
  // 3. The fronts the move may have changed: the touched objects' and those near changed cells.
  Rect2 changed{{1e300, 1e300}, {-1e300, -1e300}};
  for (int k : flipped_) {
    const Vec2 p = Centre(k);
    changed.min = {std::min(changed.min.x, p.x), std::min(changed.min.y, p.y)};
    changed.max = {std::max(changed.max.x, p.x), std::max(changed.max.y, p.y)};
  }
  for (int f : fronts_) {
    const bool moved = std::find(touched.begin(), touched.end(), f) != touched.end();
    if (!moved) {
      if (flipped_.empty()) continue;
      const Rect2 near = s_.bodies_[f].Foot().Expanded(
          r_ + cell_ + std::max(options_.reach_m, s_.bodies_[f].access_m));
      if (near.max.x < changed.min.x || near.min.x > changed.max.x || near.max.y < changed.min.y ||
          near.min.y > changed.max.y) {
        continue;
      }
    }
    const char ok = FrontReached(f) ? 1 : 0;
    if (ok == front_ok_[f]) continue;
    front_ok_[f] = ok;
    unreachable_ += ok ? -1 : 1;
    front_flipped_.push_back(f);
  }
  Score();
}

void Walkway::Accept() {
  undo_items_.clear();
  flipped_.clear();
  front_flipped_.clear();
}

void Walkway::Reject() {
  if (!active_) return;
  for (int k : flipped_) {
    reached_[k] ^= 1;
    reached_count_ += reached_[k] ? 1 : -1;
  }
  for (auto u = undo_items_.rbegin(); u != undo_items_.rend(); ++u) {
    if (drawn_[u->item]) Draw(foot_[u->item], -1, false);
    drawn_[u->item] = u->drawn;
    foot_[u->item] = u->foot;
    if (u->drawn) Draw(u->foot, +1, false);
  }
  for (int f : front_flipped_) front_ok_[f] ^= 1;
  seeds_ = old_seeds_;
  unreachable_ = old_unreachable_;
  cost_ = old_cost_;
  bad_ = old_bad_;
  Accept();
}

void Walkway::MarkConflicted(std::vector<char>* mark) {
  if (!active_ || bad_ == 0) return;
  // Around an unreachable object: what stands near its front or side.
  for (int f : fronts_) {
    if (front_ok_[f]) continue;
    (*mark)[f] = 1;
    const Body& b = s_.bodies_[f];
    s_.grid_.ForEachNear(b.Foot().Expanded(r_ * 2 + std::max(options_.reach_m, b.access_m)),
                         [&](int j) {
                           if (drawn_[j]) (*mark)[j] = 1;
                         });
  }
  const int free = mask_count_ - blocked_count_;
  if (free - reached_count_ <= (1 - options_.share) * free) return;
  // Floor cut off: the obstacles bordering free cells no walker reaches.
  for (size_t i = 0; i < drawn_.size(); ++i) {
    if (!drawn_[i]) continue;
    const CellRange c = Cells(foot_[i], r_ + cell_);
    bool borders = false;
    for (int y = c.y0; y <= c.y1 && !borders; ++y) {
      for (int x = c.x0; x <= c.x1 && !borders; ++x) {
        const int k = y * nx_ + x;
        borders = Free(k) && !reached_[k];
      }
    }
    if (borders) (*mark)[i] = 1;
  }
}

double Walkway::ReachedShare() const {
  const int free = mask_count_ - blocked_count_;
  return free > 0 ? static_cast<double>(reached_count_) / free : 0.0;
}

std::vector<int> Walkway::Unreachable() const {
  std::vector<int> out;
  for (int f : fronts_) {
    if (!front_ok_[f]) out.push_back(f);
  }
  return out;
}

}  // namespace scenecraft::solver
