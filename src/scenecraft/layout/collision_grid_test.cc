#include "scenecraft/layout/collision_grid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace scenecraft::solver {
namespace {

Rect2 Square(double x, double y, double half) {
  return Rect2{{x - half, y - half}, {x + half, y + half}};
}

std::vector<int> Near(CollisionGrid* grid, const Rect2& area) {
  std::vector<int> out;
  grid->ForEachNear(area, [&](int j) { out.push_back(j); });
  std::sort(out.begin(), out.end());
  return out;
}

TEST(CollisionGrid, FindsObjectsSharingACellOnceEach) {
  CollisionGrid grid;
  grid.Reset(Rect2{{-5, -5}, {5, 5}}, /*cell=*/1.0, /*n=*/3);
  grid.Update(0, Square(-4, -4, 0.3));
  grid.Update(1, Square(0, 0, 1.6));  // covers many cells: still reported once
  grid.Update(2, Square(4, 4, 0.3));
  EXPECT_EQ(Near(&grid, Square(0.5, 0.5, 0.2)), (std::vector<int>{1}));
  EXPECT_EQ(Near(&grid, Rect2{{-5, -5}, {5, 5}}), (std::vector<int>{0, 1, 2}));
  EXPECT_TRUE(Near(&grid, Square(-4, 4, 0.2)).empty());
}

TEST(CollisionGrid, MovedAndRemovedObjectsLeaveTheirOldCells) {
  CollisionGrid grid;
  grid.Reset(Rect2{{0, 0}, {10, 10}}, 1.0, 2);
  grid.Update(0, Square(1, 1, 0.2));
  grid.Update(0, Square(8, 8, 0.2));
  EXPECT_TRUE(Near(&grid, Square(1, 1, 0.2)).empty());
  EXPECT_EQ(Near(&grid, Square(8, 8, 0.2)), (std::vector<int>{0}));
  grid.Remove(0);
  EXPECT_TRUE(Near(&grid, Rect2{{0, 0}, {10, 10}}).empty());
}

TEST(CollisionGrid, ObjectsBeyondTheGridAreClampedToItsBorderAndStillMeet) {
  CollisionGrid grid;
  grid.Reset(Rect2{{0, 0}, {4, 4}}, 1.0, 2);
  grid.Update(0, Square(-3, 2, 0.5));  // wholly left of the grid
  grid.Update(1, Square(-3.2, 2, 0.5));
  EXPECT_EQ(Near(&grid, Square(-3, 2, 0.1)), (std::vector<int>{0, 1}));
}

TEST(CollisionGrid, HugeFloorsGetCoarserCellsNotMillionsOfThem) {
  CollisionGrid grid;
  // 10 km square with 1 cm cells would be 1e12 cells; the grid coarsens instead.
  grid.Reset(Rect2{{0, 0}, {10000, 10000}}, 0.01, 2);
  grid.Update(0, Square(5000, 5000, 1));
  grid.Update(1, Square(9000, 100, 1));
  EXPECT_EQ(Near(&grid, Square(5000, 5000, 0.5)), (std::vector<int>{0}));
}

}  // namespace
}  // namespace scenecraft::solver
