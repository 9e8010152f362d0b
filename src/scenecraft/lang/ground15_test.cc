// Stage tests of the fifteenth round (branch planner15build): the ground of a place made for
// motor vehicles. A place whose definition names them ("a lot where cars are parked") is
// asphalt, not the grass a piece of land gets by default; a place for no vehicle keeps grass.
// Written before the change, in words no corpus uses.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::Outdoors;
using plan_test::Show;

TEST(Ground15, APlaceForMotorVehiclesIsAsphalt) {
  OfflinePlanner planner;
  const PlanResult lot =
      planner.Plan("A parking area at dusk: two vans side by side and a ticket machine.");
  EXPECT_TRUE(Outdoors(lot)) << Show(lot);
  EXPECT_EQ(lot.graph.environment.ground, "asphalt") << Show(lot);
}

TEST(Ground15, APieceOfLandForNoVehicleKeepsItsGrass) {
  OfflinePlanner planner;
  const PlanResult meadow = planner.Plan("A meadow with a hay wagon and two goats.");
  EXPECT_TRUE(Outdoors(meadow)) << Show(meadow);
  EXPECT_EQ(meadow.graph.environment.ground, "grass") << Show(meadow);
}

// A room is sized for the things as they fit in a room: a noun whose first sense is too tall for
// any room (a balloon is first the 15 m craft) takes the sense that fits (the toy), as the assets
// build it, and does not grow the room to hold five aircraft.
TEST(Ground15, ARoomIsSizedForTheSensesThatFitInIt) {
  OfflinePlanner planner;
  const PlanResult study =
      planner.Plan("A study with a reading chair and a lamp; five balloons are tied to the lamp.");
  EXPECT_TRUE(plan_test::Indoors(study)) << Show(study);
  EXPECT_LE(study.graph.environment.size.x, 8.0) << Show(study);
  EXPECT_LE(study.graph.environment.size.y, 8.0) << Show(study);
}

}  // namespace
}  // namespace scenecraft
