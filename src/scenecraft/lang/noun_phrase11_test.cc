// Stage tests for issue 12's noun phrases (eleventh round): which noun phrases are objects and
// what the setting is. Every sentence here was written, with its expectation, before the planner
// first ran on it, in wordings unlike any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Indoors;
using plan_test::Relates;
using plan_test::Show;

// Whether the plan's notes name `setting` as the scene's setting.
bool SettingIs(const PlanResult& plan, const std::string& setting) {
  for (const std::string& note : plan.graph.notes) {
    if (note.rfind("setting: " + setting + " (", 0) == 0) return true;
  }
  return false;
}

// An -s word that WordNet saw more often as a noun, after a bare noun and before a participle or
// a bare verb form, is the plural head, not the clause's verb ("water bowls set out", "fish
// kettles hung"); so before an adjective and a spatial phrase when the noun reading is far more
// frequent ("ram heads high above").
TEST(NounPhrase11, APluralBeforeAParticipleIsTheHeadNotTheVerb) {
  OfflinePlanner planner;
  const PlanResult kennel = planner.Plan("A kennel, water bowls set out by the gate.");
  EXPECT_EQ(CountOf(kennel, "water"), 0) << Show(kennel);
  EXPECT_GE(CountOf(kennel, "water bowl"), 2) << Show(kennel);
  const PlanResult soup = planner.Plan("Milk bowls arranged beside the hearth, a cat asleep.");
  EXPECT_EQ(CountOf(soup, "milk"), 0) << Show(soup);
  EXPECT_GE(CountOf(soup, "milk bowl"), 2) << Show(soup);
  const PlanResult lodge = planner.Plan("Ram heads high above the doorway of the shooting lodge.");
  EXPECT_GE(CountOf(lodge, "ram head"), 2) << Show(lodge);
  const PlanResult saloon =
      planner.Plan("A saloon with a piano by the door, and bison heads high over the bar.");
  EXPECT_GE(CountOf(saloon, "bison head"), 2) << Show(saloon);
  EXPECT_EQ(CountOf(saloon, "bison"), 0) << Show(saloon);
  // Guards: a verb seen more often as a verb keeps its clause.
  const PlanResult cat = planner.Plan("The cat lies curled on the mat.");
  EXPECT_EQ(CountOf(cat, "cat"), 1) << Show(cat);
  EXPECT_TRUE(Has(cat, "on(cat_1, mat_1)")) << Show(cat);
  const PlanResult stone = planner.Plan("A boulder rests beside the path.");
  EXPECT_EQ(CountOf(stone, "boulder"), 1) << Show(stone);
}

// A noun WordNet files only as an act or as money, counted by a number or placed by a spatial
// phrase, is a thing of the scene: "three jumps" in a paddock (a jump is first an act), coins on
// a counter (money). Uncounted and unplaced, an act stays no thing.
TEST(NounPhrase11, ACountedOrPlacedActOrCoinIsAThing) {
  OfflinePlanner planner;
  const PlanResult jumps = planner.Plan("Three jumps set out in the paddock near a water trough.");
  EXPECT_EQ(CountOf(jumps, "jump"), 3) << Show(jumps);
  const PlanResult coins = planner.Plan("Copper coins scattered on the counter beside a till.");
  EXPECT_GE(CountOf(coins, "coin") + CountOf(coins, "copper coin"), 2) << Show(coins);
  EXPECT_TRUE(Relates(coins, "coin_1", "counter_1")) << Show(coins);
  const PlanResult pennies = planner.Plan("Two pennies and a ring on the dresser.");
  EXPECT_EQ(CountOf(pennies, "penny"), 2) << Show(pennies);
  // Guard: an activity the text neither counts nor places builds nothing.
  const PlanResult dance = planner.Plan("A barn for a dance, with a long table by the door.");
  EXPECT_EQ(CountOf(dance, "dance"), 0) << Show(dance);
}

// The text's first noun, a room (or a chapel), put in a building or a structure ("a chapel inside
// a fortress", "a map room within a lighthouse") is the setting, seen from inside; the building
// is neither built nor the setting.
TEST(NounPhrase11, ARoomInsideABuildingIsTheSetting) {
  OfflinePlanner planner;
  const PlanResult chapel =
      planner.Plan("A chapel inside a fortress, with four pews facing an altar.");
  EXPECT_TRUE(Indoors(chapel)) << Show(chapel);
  EXPECT_TRUE(SettingIs(chapel, "chapel")) << Show(chapel);
  EXPECT_EQ(CountOf(chapel, "chapel") + CountOf(chapel, "fortress"), 0) << Show(chapel);
  EXPECT_EQ(CountOf(chapel, "pew"), 4) << Show(chapel);
  const PlanResult charts =
      planner.Plan("A map room within a lighthouse: three desks under the windows and a globe.");
  EXPECT_TRUE(Indoors(charts)) << Show(charts);
  EXPECT_TRUE(SettingIs(charts, "map room")) << Show(charts);
  EXPECT_EQ(CountOf(charts, "lighthouse"), 0) << Show(charts);
  EXPECT_EQ(CountOf(charts, "desk"), 3) << Show(charts);
  // Guard: a thing in a building is no room ("a piano in a church": the church is the setting).
  const PlanResult piano = planner.Plan("A piano in a church, with a stool beside it.");
  EXPECT_EQ(CountOf(piano, "piano"), 1) << Show(piano);
}

// A wall named with "a" by a noun or a gerund before it ("a chalkboard wall", "a trophy wall",
// "an abseiling wall") is a thing of its own, under the user's compound; "the gable wall"
// (WordNet: a gable is a wall) is the room's.
TEST(NounPhrase11, AWallNamedByWhatItIsForIsAThing) {
  OfflinePlanner planner;
  const PlanResult cafe = planner.Plan("A cafe with a chalkboard wall behind the counter.");
  EXPECT_EQ(CountOf(cafe, "chalkboard wall"), 1) << Show(cafe);
  const PlanResult club = planner.Plan("A youth club with a trophy wall beside the pool table.");
  EXPECT_EQ(CountOf(club, "trophy wall"), 1) << Show(club);
  EXPECT_TRUE(Relates(club, "trophy_wall_1", "pool_table_1")) << Show(club);
  const PlanResult park = planner.Plan("A play barn with an abseiling wall and two benches.");
  EXPECT_EQ(CountOf(park, "abseiling wall"), 1) << Show(park);
  const PlanResult loft = planner.Plan("Crates against the gable wall of a hayloft.");
  EXPECT_EQ(CountOf(loft, "gable wall") + CountOf(loft, "gable"), 0) << Show(loft);
  EXPECT_TRUE(Has(loft, "against_wall(crate_1)")) << Show(loft);
  // Guards: a side word or a material keeps the room's wall.
  const PlanResult shelves =
      planner.Plan("Two shelves on the long wall and a brick wall behind a stove.");
  EXPECT_EQ(CountOf(shelves, "brick wall") + CountOf(shelves, "wall"), 0) << Show(shelves);
}

// A natural object WordNet defines as an enclosure ("cave": an underground enclosure; "grotto":
// a kind of cave), named as the scene or holding what the text lists, is the setting seen from
// inside, no thing of it.
TEST(NounPhrase11, ACaveNamedAsTheSceneIsTheSetting) {
  OfflinePlanner planner;
  const PlanResult pirates = planner.Plan("A pirate cave with a chest in the middle.");
  EXPECT_EQ(CountOf(pirates, "pirate cave") + CountOf(pirates, "cave"), 0) << Show(pirates);
  EXPECT_TRUE(SettingIs(pirates, "pirate cave")) << Show(pirates);
  EXPECT_TRUE(Indoors(pirates)) << Show(pirates);
  const PlanResult grotto = planner.Plan("A grotto: a statue and two candles.");
  EXPECT_EQ(CountOf(grotto, "grotto"), 0) << Show(grotto);
  EXPECT_EQ(CountOf(grotto, "candle"), 2) << Show(grotto);
  EXPECT_TRUE(Indoors(grotto)) << Show(grotto);
  // Guard: a pen stays an open enclosure out of doors.
  const PlanResult pen = planner.Plan("A sheep pen with a trough and a gate.");
  EXPECT_FALSE(Indoors(pen)) << Show(pen);
}

// A request that names the scene as a question ("could you build me a den? ...") names it as a
// title does: the den is the room the things are in, not a lair out of doors.
TEST(NounPhrase11, AQuestionNamingTheSceneIsItsTitle) {
  OfflinePlanner planner;
  const PlanResult den =
      planner.Plan("hey, could you build me a den? a couch, a rug and a lamp by the couch.");
  EXPECT_TRUE(SettingIs(den, "den")) << Show(den);
  EXPECT_TRUE(Indoors(den)) << Show(den);
  EXPECT_EQ(CountOf(den, "couch"), 1) << Show(den);
}

}  // namespace
}  // namespace scenecraft
