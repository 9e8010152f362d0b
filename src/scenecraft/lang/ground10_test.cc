// Stage tests of the tenth round (branch planner10assets): what the stand-in table gives a shape
// must not turn the ground of a place into a thing. Paths, roads and paved surfaces got stand-in
// rows (flat strips and plates); "on the corner of the X" reads a corner of a thing only for a
// thing with a size, and a way or pavement underfoot is the street's, not a thing. Written before
// the change, in words no corpus uses.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Show;

TEST(Ground10, TheCornerOfAWayOrPavementIsNoThing) {
  OfflinePlanner planner;
  const PlanResult boardwalk = planner.Plan("A mailbox on the corner of the boardwalk.");
  EXPECT_EQ(CountOf(boardwalk, "mailbox"), 1) << Show(boardwalk);
  EXPECT_EQ(CountOf(boardwalk, "boardwalk"), 0) << Show(boardwalk);
  const PlanResult roadway = planner.Plan("A flower cart stands on the corner of the roadway.");
  EXPECT_EQ(CountOf(roadway, "flower cart"), 1) << Show(roadway);
  EXPECT_EQ(CountOf(roadway, "roadway"), 0) << Show(roadway);
}

TEST(Ground10, TheCornerOfAFloorCoverIsStillTheThings) {
  OfflinePlanner planner;
  const PlanResult mat = planner.Plan("A candle on one corner of the doormat.");
  EXPECT_EQ(CountOf(mat, "candle"), 1) << Show(mat);
  EXPECT_EQ(CountOf(mat, "doormat"), 1) << Show(mat);
}

}  // namespace
}  // namespace scenecraft
