#include "scenecraft/core/geometry.h"

#include <gtest/gtest.h>

namespace scenecraft {
namespace {

TEST(Geometry, FrontDirectionAndYawFacingAreInverse) {
  EXPECT_NEAR(FrontDirection(0.0).y, -1.0, 1e-12);  // yaw 0 faces the viewer (-Y)
  for (double yaw : {-2.5, -1.0, 0.0, 0.7, 3.0}) {
    EXPECT_NEAR(WrapAngle(YawFacing(FrontDirection(yaw)) - yaw), 0.0, 1e-9) << yaw;
  }
  EXPECT_NEAR(YawFacing({1.0, 0.0}), kPi / 2, 1e-12);  // facing +X is a quarter turn
}

TEST(Geometry, GapIsZeroForTouchingAndEuclideanForDiagonal) {
  const Rect2 a{{0, 0}, {1, 1}};
  EXPECT_DOUBLE_EQ(Gap(a, Rect2{{1, 0}, {2, 1}}), 0.0);
  EXPECT_DOUBLE_EQ(Gap(a, Rect2{{1.5, 0}, {2, 1}}), 0.5);
  EXPECT_DOUBLE_EQ(Gap(a, Rect2{{4, 5}, {5, 6}}), 5.0);
}

TEST(Geometry, PlacedBoxTurnsFootprint) {
  const Box3 b = PlacedBox({2.0, 1.0, 0.5}, 1.0, 1.0, 0.0, kPi / 2);
  EXPECT_NEAR(b.Size().x, 1.0, 1e-9);
  EXPECT_NEAR(b.Size().y, 2.0, 1e-9);
  EXPECT_NEAR(b.min.z, 0.0, 1e-12);
  EXPECT_NEAR(b.max.z, 0.5, 1e-12);
}

TEST(Geometry, IntersectionVolume) {
  const Box3 a{{0, 0, 0}, {2, 2, 2}};
  EXPECT_DOUBLE_EQ(IntersectionVolume(a, Box3{{1, 1, 1}, {3, 3, 3}}), 1.0);
  EXPECT_DOUBLE_EQ(IntersectionVolume(a, Box3{{2, 0, 0}, {3, 1, 1}}), 0.0);
}

TEST(Geometry, WrapAngle) {
  EXPECT_NEAR(WrapAngle(3 * kPi), kPi, 1e-12);
  EXPECT_NEAR(WrapAngle(-kPi / 2 - 2 * kPi), -kPi / 2, 1e-12);
}

}  // namespace
}  // namespace scenecraft
