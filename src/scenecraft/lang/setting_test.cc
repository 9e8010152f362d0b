// Stage tests for issue 12's fourth round: the setting a building or an event noun makes, what a
// finite verb is about, gerund compounds, and support implied only where the text left a thing's
// place open. Every sentence here was written, with its expectation, before the planner first ran
// on it, in wordings unlike any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Outdoors;
using plan_test::Show;

// A stated position of a thing is where it stands: no support is implied for it. Where the text
// leaves its place open, or puts it by something that rests on a table, it rests on the table.
TEST(Setting, AStatedPositionSuppressesImpliedSupport) {
  OfflinePlanner planner;
  const PlanResult lamp =
      planner.Plan("A writing desk near the window and a table lamp behind the sofa.");
  EXPECT_TRUE(Has(lamp, "behind(table_lamp_1, sofa_1)")) << Show(lamp);
  EXPECT_FALSE(Has(lamp, "on(table_lamp_1, writing_desk_1)")) << Show(lamp);
  const PlanResult bowl = planner.Plan("A coffee table with a bowl.");
  EXPECT_TRUE(Has(bowl, "on(bowl_1, coffee_table_1)")) << Show(bowl);
  const PlanResult pie =
      planner.Plan("A pie in the middle of the picnic table, with four cups around it.");
  EXPECT_TRUE(Has(pie, "on(cup_1, picnic_table_1)")) << Show(pie);
  EXPECT_TRUE(Has(pie, "on(cup_4, picnic_table_1)")) << Show(pie);
}

// A finite verb after the reference of its subject's phrase is the subject's; a participle there
// is the reference's.
TEST(Setting, AFiniteVerbIsTheSubjectsAndAParticipleTheNounBeforeIt) {
  OfflinePlanner planner;
  const PlanResult parrot = planner.Plan("A parrot on a perch sits next to the bookcase.");
  EXPECT_TRUE(Has(parrot, "on(parrot_1, perch_1)")) << Show(parrot);
  EXPECT_TRUE(Has(parrot, "near(parrot_1, bookcase_1)")) << Show(parrot);
  EXPECT_FALSE(Has(parrot, "near(perch_1, bookcase_1)")) << Show(parrot);
  const PlanResult hammer = planner.Plan("A hammer lies beside a toolbox resting on a stool.");
  EXPECT_TRUE(Has(hammer, "near(hammer_1, toolbox_1)")) << Show(hammer);
  EXPECT_TRUE(Has(hammer, "on(toolbox_1, stool_1)")) << Show(hammer);
}

// A building that "has" things, or that only "with" relates to them, holds them: it is the
// setting, and "it" then means the nearest thing that fits. A building things stand beside is a
// thing outdoors; one on a piece of furniture is a model of one.
TEST(Setting, ABuildingThatHoldsThingsIsTheSetting) {
  OfflinePlanner planner;
  const PlanResult barn =
      planner.Plan("The barn has two tractors by a hay wagon and a pitchfork under it.");
  EXPECT_EQ(CountOf(barn, "barn"), 0) << Show(barn);
  EXPECT_FALSE(Outdoors(barn)) << Show(barn);
  EXPECT_TRUE(Has(barn, "under(pitchfork_1, hay_wagon_1)")) << Show(barn);
  const PlanResult boathouse = planner.Plan("A boathouse with three kayaks on a rack.");
  EXPECT_EQ(CountOf(boathouse, "boathouse"), 0) << Show(boathouse);
  EXPECT_FALSE(Outdoors(boathouse)) << Show(boathouse);
  const PlanResult cottage = planner.Plan("A cottage with a bicycle leaning against it.");
  EXPECT_EQ(CountOf(cottage, "cottage"), 1) << Show(cottage);
  EXPECT_TRUE(Outdoors(cottage)) << Show(cottage);
  const PlanResult stable =
      planner.Plan("A wheelbarrow beside the stable, with a bucket, a stool and two crates.");
  EXPECT_TRUE(Outdoors(stable)) << Show(stable);
  const PlanResult model = planner.Plan("A dollhouse on the dresser and a bed.");
  EXPECT_FALSE(Outdoors(model)) << Show(model);
  const PlanResult chapel = planner.Plan("A small chapel. Two pews stand by the door.");
  EXPECT_EQ(CountOf(chapel, "chapel"), 0) << Show(chapel);
  EXPECT_TRUE(Has(chapel, "near(pew_1, door_1)")) << Show(chapel);
}

// A gerund WordNet knows only as a verb, of something somebody does, names what a made thing is
// for and stays in the category; one a thing does by itself describes it.
TEST(Setting, GerundCompoundsKeepTheUsersNoun) {
  OfflinePlanner planner;
  const PlanResult shop = planner.Plan("A kneading trough and a whittling bench.");
  EXPECT_EQ(CountOf(shop, "kneading trough"), 1) << Show(shop);
  EXPECT_EQ(CountOf(shop, "whittling bench"), 1) << Show(shop);
  const PlanResult towels = planner.Plan("Three drying towels on a rail and a sleeping puppy.");
  EXPECT_EQ(CountOf(towels, "towel"), 3) << Show(towels);
  EXPECT_EQ(CountOf(towels, "puppy"), 1) << Show(towels);
}

// A noun WordNet files first as an event is the thing among its senses when things are placed by
// it; a natural place things stand around is a thing in an outdoor scene.
TEST(Setting, EventsAndPlacesThingsStandByAreThings) {
  OfflinePlanner planner;
  const PlanResult bonfire = planner.Plan("Two logs by the bonfire.");
  EXPECT_TRUE(Has(bonfire, "near(log_1, bonfire_1)")) << Show(bonfire);
  const PlanResult cat = planner.Plan("A cat by the fire.");
  EXPECT_TRUE(Has(cat, "near(cat_1, fire_1)")) << Show(cat);
  const PlanResult pond = planner.Plan("Six chairs surrounding the duck pond.");
  EXPECT_EQ(CountOf(pond, "duck pond"), 1) << Show(pond);
  EXPECT_TRUE(Outdoors(pond)) << Show(pond);
}

// "at one end", "on each end table": a position with no owner named is on the thing the phrase
// hangs on; a phrase's last noun that makes a compound with the next word gives it up.
TEST(Setting, UnownedEndsAndCompoundsAfterAPhrase) {
  OfflinePlanner planner;
  const PlanResult globe = planner.Plan("A bookshelf with a globe at one end.");
  EXPECT_TRUE(Has(globe, "near(globe_1, bookshelf_1)")) << Show(globe);
  const PlanResult clocks =
      planner.Plan("A bed with an end table on each side and a clock on each end table.");
  EXPECT_EQ(CountOf(clocks, "end table"), 2) << Show(clocks);
  EXPECT_TRUE(Has(clocks, "on(clock_1, end_table_1)")) << Show(clocks);
  EXPECT_TRUE(Has(clocks, "on(clock_2, end_table_2)")) << Show(clocks);
}

// After a copula an indefinite noun says what the subject is (one thing, the predicate's noun);
// "its" in a list of parallel placements is the member before.
TEST(Setting, CopulaIdentityAndParallelPossessives) {
  OfflinePlanner planner;
  const PlanResult rug = planner.Plan("The rug by the hearth is a sheepskin.");
  EXPECT_EQ(CountOf(rug, "sheepskin"), 1) << Show(rug);
  EXPECT_EQ(CountOf(rug, "rug"), 0) << Show(rug);
  const PlanResult existential = planner.Plan("On the shelf there is a jar.");
  EXPECT_EQ(CountOf(existential, "jar"), 1) << Show(existential);
  EXPECT_EQ(CountOf(existential, "shelf"), 1) << Show(existential);
  const PlanResult tea = planner.Plan("A teapot on the tray, the sugar bowl to its left.");
  EXPECT_TRUE(Has(tea, "left_of(sugar_bowl_1, teapot_1)")) << Show(tea);
}

}  // namespace
}  // namespace scenecraft
