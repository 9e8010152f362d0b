// Stage tests for issue 12's seventh round: spatial phrases and what they attach to. Every
// sentence here was written, with its expectation, before the planner first ran on it, in
// wordings unlike any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Show;

// "under the window" says under; the wall it stands against is the layout's to derive (under a
// window's test already asks for its wall), not a second relation the text did not state.
TEST(SpatialPhrase7, UnderAWindowIsOneRelation) {
  OfflinePlanner planner;
  const PlanResult heater = planner.Plan("A heater sits below the window.");
  EXPECT_TRUE(Has(heater, "under(heater_1, window_1)")) << Show(heater);
  EXPECT_FALSE(Has(heater, "against_wall(heater_1)")) << Show(heater);
  for (const Relation& r : heater.graph.relations) {
    EXPECT_NE(r.type, RelationType::kAgainstWall) << Show(heater);
  }
  // A default the text did not contradict stays: a wardrobe stands against a wall.
  const PlanResult two = planner.Plan("A sewing table beneath the window and a wardrobe.");
  EXPECT_TRUE(Has(two, "under(sewing_table_1, window_1)")) << Show(two);
  EXPECT_TRUE(Has(two, "against_wall(wardrobe_1)")) << Show(two);
}

// A participle after a list places every member of it.
TEST(SpatialPhrase7, AParticipleAfterAListPlacesEveryMember) {
  OfflinePlanner planner;
  const PlanResult tools = planner.Plan("A broom and a mop hanging on the left wall.");
  EXPECT_TRUE(Has(tools, "on_wall(broom_1, wall=left)")) << Show(tools);
  EXPECT_TRUE(Has(tools, "on_wall(mop_1, wall=left)")) << Show(tools);
  const PlanResult shed =
      planner.Plan("A tool shed with a wheelbarrow inside, a saw and a level hanging on the wall.");
  EXPECT_TRUE(Has(shed, "on_wall(saw_1)")) << Show(shed);
  // ("a level" is read as no physical thing: WordNet's first senses of it are none; the noun
  // stage's part, not attachment's.)
}

// "facing away from X" after "with": the thing "with" names faces away.
TEST(SpatialPhrase7, FacingAwayAfterWith) {
  OfflinePlanner planner;
  const PlanResult bench = planner.Plan("A porch with a bench facing away from the door.");
  EXPECT_TRUE(Has(bench, "facing_away(bench_1, door_1)")) << Show(bench);
  const PlanResult chair = planner.Plan("A study with a chair turned away from the fireplace.");
  EXPECT_TRUE(Has(chair, "facing_away(chair_1, fireplace_1)")) << Show(chair);
}

// "it" after a place that only sets the scene is the thing, not the place.
TEST(SpatialPhrase7, ItIsTheThingNotThePlace) {
  OfflinePlanner planner;
  const PlanResult plaza =
      planner.Plan("A town plaza with a bronze statue in the middle and three benches around it.");
  EXPECT_EQ(CountOf(plaza, "bench"), 3) << Show(plaza);
  EXPECT_TRUE(Has(plaza, "around(bench_1, bench_2, bench_3, statue_1)")) << Show(plaza);
  const PlanResult yard =
      planner.Plan("A courtyard with a well at its centre, and two buckets beside it.");
  EXPECT_TRUE(Has(yard, "near(bucket_1, well_1)")) << Show(yard);
}

// "a T with N things" after a list: the things are with T, not with the thing before it.
TEST(SpatialPhrase7, WithAttachesToItsOwnNoun) {
  OfflinePlanner planner;
  const PlanResult den = planner.Plan("A sofa by the wall, and a square table with 3 chairs.");
  EXPECT_EQ(CountOf(den, "chair"), 3) << Show(den);
  EXPECT_FALSE(Has(den, "near(chair_1, sofa_1)")) << Show(den);
  EXPECT_TRUE(Has(den, "near(chair_1, square_table_1)")) << Show(den);
}

// "fills the wall behind X": behind X, and against the wall.
TEST(SpatialPhrase7, FillsTheWallBehind) {
  OfflinePlanner planner;
  const PlanResult office = planner.Plan("A cabinet fills the wall behind the desk.");
  EXPECT_TRUE(Has(office, "behind(cabinet_1, desk_1)")) << Show(office);
  EXPECT_TRUE(Has(office, "against_wall(cabinet_1)")) << Show(office);
}

// "at its end" of a bed is its foot; of something else, beside it.
TEST(SpatialPhrase7, AtItsEnd) {
  OfflinePlanner planner;
  const PlanResult ward = planner.Plan("A hospital bed with a tray table at its end.");
  EXPECT_TRUE(Has(ward, "in_front_of(tray_table_1, hospital_bed_1)")) << Show(ward);
}

// A phrase that sets the subject of "covers the floor" is the subject's, not the floor's.
TEST(SpatialPhrase7, CoversTheFloorInFrontOf) {
  OfflinePlanner planner;
  const PlanResult mat = planner.Plan("A mat covers the floor in front of the stove.");
  EXPECT_TRUE(Has(mat, "in_front_of(mat_1, stove_1)")) << Show(mat);
}

}  // namespace
}  // namespace scenecraft
