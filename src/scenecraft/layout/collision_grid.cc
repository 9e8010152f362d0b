#include "scenecraft/layout/collision_grid.h"

#include <algorithm>
#include <cmath>

namespace scenecraft::solver {

void CollisionGrid::Reset(const Rect2& area, double cell, size_t n) {
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

void CollisionGrid::Update(int i, const Rect2& foot) {
  Remove(i);
  const Span s = SpanOf(foot);
  for (int y = s.y0; y <= s.y1; ++y) {
    for (int x = s.x0; x <= s.x1; ++x) cells_[Cell(x, y)].push_back(i);
  }
  spans_[i] = s;
}

void CollisionGrid::Remove(int i) {
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

}  // namespace scenecraft::solver
