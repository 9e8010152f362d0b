// The solver's spatial index (see solver.h): a uniform grid of floor cells listing the objects
// whose footprints touch them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "scenecraft/core/geometry.h"

namespace scenecraft::solver {

// A uniform grid over the floor: every object is listed in the cells its footprint covers, so a
// move is checked for collisions only against the objects in the cells it touches. Objects
// beyond the grid are clamped to its border cells, which keeps every overlapping pair found.
class CollisionGrid {
 public:
  // Forgets everything: a grid over `area` with cells of about `cell` metres for n objects.
  void Reset(const Rect2& area, double cell, size_t n);

  // Lists object i in the cells its footprint covers (and no others).
  void Update(int i, const Rect2& foot);

  // Unlists object i.
  void Remove(int i);

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

}  // namespace scenecraft::solver
