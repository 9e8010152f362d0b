// The setting, fourteenth round: a door or window the text names in an outdoor scene. Written
// before the change, in words no corpus uses.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Relates;
using plan_test::Show;

TEST(Environment14, ADoorNamedOutdoorsIsAThingAndKeepsItsRelations) {
  // Outdoors there is no room wall for the door: it was dropped with the relation to it. It is
  // now a thing of its own (built as a building's wall with the door), and the deckchair keeps
  // its place by it.
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("On the lawn, a deckchair sits beside the kitchen door.");
  ASSERT_EQ(plan.graph.environment.kind, Environment::Kind::kOutdoor) << Show(plan);
  EXPECT_EQ(CountOf(plan, "door"), 1) << Show(plan);
  bool related = false;
  for (const Object& o : plan.graph.objects) {
    if (o.category == "door") related = Relates(plan, plan.graph.objects.front().id, o.id);
  }
  EXPECT_TRUE(related) << Show(plan);
}

}  // namespace
}  // namespace scenecraft
