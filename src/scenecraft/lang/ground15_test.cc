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

}  // namespace
}  // namespace scenecraft
