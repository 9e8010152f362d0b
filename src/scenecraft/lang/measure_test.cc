// Stage tests for the sizes the text gives things (measure.h). Every sentence here was written,
// with its expectation, before the planner first ran on it, in wordings unlike any corpus prompt.
#include "scenecraft/lang/measure.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;

const Object* Find(const PlanResult& plan, const std::string& id) {
  for (const Object& o : plan.graph.objects) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

TEST(Measure, ReadsSidesUnitsAndTheNounTheyBelongTo) {
  const std::string text = "a canoe 3 m long beside the dock, a 90 cm wide kiln";
  const std::vector<Measurement> ms = ReadMeasurements(text, {});
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_DOUBLE_EQ(ms[0].length_m, 3);
  EXPECT_EQ(ms[0].before, static_cast<int>(text.find("canoe")));
  EXPECT_NEAR(ms[1].size_m.x, 0.9, 1e-9);
  EXPECT_EQ(ms[1].before, -1);  // after a determiner: the noun after it
  EXPECT_EQ(ms[1].after, static_cast<int>(text.find("kiln")));
  const std::string blank = BlankMeasurements(text, ms);
  EXPECT_EQ(blank.size(), text.size());
  EXPECT_EQ(blank.find("cm"), std::string::npos);
  EXPECT_EQ(blank.find("long"), std::string::npos);
  EXPECT_EQ(blank.find("canoe"), text.find("canoe"));

  // Joining words before it go with it; three sides; feet and inches; number words.
  const std::vector<Measurement> crate =
      ReadMeasurements("a crate which measures about 1 x 0.5 x 0.4 m", {});
  ASSERT_EQ(crate.size(), 1u);
  EXPECT_DOUBLE_EQ(crate[0].size_m.z, 0.4);
  EXPECT_EQ(crate[0].begin, 8);  // from "which"
  const std::vector<Measurement> pole = ReadMeasurements("an eight-foot flagpole", {});
  ASSERT_EQ(pole.size(), 1u);
  EXPECT_NEAR(pole[0].length_m, 8 * 0.3048, 1e-9);
  EXPECT_TRUE(pole[0].longest_any);

  // Numbers without a unit are counts or a grid, no size; "in" after a number is no inch when a
  // noun follows.
  EXPECT_TRUE(ReadMeasurements("four planters in a 2 by 2 grid, 3 in a row", {}).empty());
  // A length before a preposition is a distance, no size.
  EXPECT_TRUE(
      ReadMeasurements("a mat one foot from the hearth, a fan 2 m away, a hook 1.5 m above it", {})
          .empty());
  // Nonsense sizes are not read.
  EXPECT_TRUE(ReadMeasurements("a 0 m stool and a 900 m rope", {}).empty());
}

TEST(Measure, SidesLeftOpenKeepThePriorOrFollowARoundFootprint) {
  Measurement wide;
  wide.size_m.x = 1.5;
  const Vec3 round = MeasuredSize(wide, {0.6, 0.6, 0.8});
  EXPECT_DOUBLE_EQ(round.y, 1.5);  // about square: the depth follows
  EXPECT_DOUBLE_EQ(round.z, 0.8);
  const Vec3 oblong = MeasuredSize(wide, {1.0, 0.5, 0.7});
  EXPECT_DOUBLE_EQ(oblong.y, 0.5);
  Measurement bare;
  bare.length_m = 3;
  bare.longest_any = true;
  EXPECT_DOUBLE_EQ(MeasuredSize(bare, {0.5, 0.4, 1.8}).z, 3);  // a tall thing: its height
  EXPECT_DOUBLE_EQ(MeasuredSize(bare, {0.5, 2.0, 0.4}).y, 3);  // a long one: its length
}

// The measurement reaches the object as its size; no "metre" or "cm" object is built, and the
// relations around it stay.
TEST(Measure, APlannedThingTakesTheTextsSize) {
  OfflinePlanner planner;
  const PlanResult kiln = planner.Plan("A kiln that is 90 cm wide next to a potting bench.");
  const Object* k = Find(kiln, "kiln_1");
  ASSERT_NE(k, nullptr) << FormatPlanTable(kiln);
  EXPECT_NEAR(k->size.x, 0.9, 1e-9);
  EXPECT_TRUE(Has(kiln, "near(kiln_1, potting_bench_1)")) << FormatPlanTable(kiln);
  EXPECT_EQ(kiln.graph.objects.size(), 2u) << FormatPlanTable(kiln);

  const PlanResult bench = planner.Plan("Two 2.5 metre long workbenches and a stool.");
  EXPECT_EQ(CountOf(bench, "workbench"), 2) << FormatPlanTable(bench);
  for (const char* id : {"workbench_1", "workbench_2"}) {
    const Object* w = Find(bench, id);
    ASSERT_NE(w, nullptr) << FormatPlanTable(bench);
    EXPECT_NEAR(std::max(w->size.x, w->size.y), 2.5, 1e-9);
  }
  EXPECT_EQ(CountOf(bench, "metre"), 0);

  const PlanResult carpet = planner.Plan("A carpet of 4 by 3 metres under a sofa.");
  const Object* c = Find(carpet, "carpet_1");
  ASSERT_NE(c, nullptr) << FormatPlanTable(carpet);
  EXPECT_NEAR(c->size.x, 4, 1e-9);
  EXPECT_NEAR(c->size.y, 3, 1e-9);
  // The room is large enough for the measured thing.
  EXPECT_GE(carpet.graph.environment.size.x, 5.0);

  const PlanResult canoe = planner.Plan("A twelve-foot canoe on the floor of the boathouse.");
  const Object* boat = Find(canoe, "canoe_1");
  ASSERT_NE(boat, nullptr) << FormatPlanTable(canoe);
  EXPECT_NEAR(std::max({boat->size.x, boat->size.y, boat->size.z}), 12 * 0.3048, 1e-9);
  EXPECT_EQ(CountOf(canoe, "foot"), 0);
}

// A floor of two sides that belongs to no object sizes the room.
TEST(Measure, TheRoomsFloorFromTheText) {
  OfflinePlanner planner;
  const PlanResult study = planner.Plan("A 6 by 3.5 m study with a desk and a bookcase.");
  EXPECT_DOUBLE_EQ(study.graph.environment.size.x, 6);
  EXPECT_DOUBLE_EQ(study.graph.environment.size.y, 3.5);
  EXPECT_EQ(CountOf(study, "m"), 0);
  const PlanResult said = planner.Plan("The pantry is 3 by 2 metres. It has a shelf and a stool.");
  EXPECT_DOUBLE_EQ(said.graph.environment.size.x, 3) << FormatPlanTable(said);
  EXPECT_DOUBLE_EQ(said.graph.environment.size.y, 2) << FormatPlanTable(said);
}

}  // namespace
}  // namespace scenecraft
