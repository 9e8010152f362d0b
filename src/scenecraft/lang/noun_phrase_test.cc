// Stage tests for issue 12's noun phrases (sixth round): gerunds that name a kind of made thing,
// nouns WordNet knows with "of", contents after "of", words that are no things, inversion after a
// pronoun, and counts a room's corners distribute. Every sentence here was written, with its
// expectation, before the planner first ran on it, in wordings unlike any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/corpus.h"
#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Show;

// A gerund before a made thing names a kind of it when WordNet uses that gerund for kinds of made
// things ("folding chair", "revolving door", "reclining chair") or when somebody does it with the
// thing; before a living thing it says what the thing is doing.
TEST(NounPhrase, GerundsThatNameAKindOfMadeThing) {
  OfflinePlanner planner;
  const PlanResult seat = planner.Plan("A reclining seat beside a revolving bookcase.");
  EXPECT_EQ(CountOf(seat, "reclining seat"), 1) << Show(seat);
  EXPECT_EQ(CountOf(seat, "revolving bookcase"), 1) << Show(seat);
  EXPECT_TRUE(Has(seat, "near(reclining_seat_1, revolving_bookcase_1)")) << Show(seat);
  const PlanResult ladder = planner.Plan("A folding ladder leans against a sliding wardrobe.");
  EXPECT_EQ(CountOf(ladder, "folding ladder"), 1) << Show(ladder);
  EXPECT_EQ(CountOf(ladder, "sliding wardrobe"), 1) << Show(ladder);
  const PlanResult animals = planner.Plan("A sleeping dog near a grazing sheep.");
  EXPECT_EQ(CountOf(animals, "dog"), 1) << Show(animals);
  EXPECT_EQ(CountOf(animals, "sheep"), 1) << Show(animals);
  const PlanResult crates = planner.Plan("Two stacking crates next to a mixing bowl.");
  EXPECT_EQ(CountOf(crates, "stacking crate"), 2) << Show(crates);
  EXPECT_EQ(CountOf(crates, "mixing bowl"), 1) << Show(crates);
}

// A word WordNet knows only as an adverb is no slip to correct and no thing.
TEST(NounPhrase, AdverbsAreNoThings) {
  OfflinePlanner planner;
  const PlanResult kettle = planner.Plan("Honestly I just want a kettle on the stove.");
  EXPECT_EQ(CountOf(kettle, "honesty"), 0) << Show(kettle);
  EXPECT_EQ(kettle.graph.objects.size(), 2u) << Show(kettle);
  EXPECT_TRUE(Has(kettle, "on(kettle_1, stove_1)")) << Show(kettle);
}

// A noun WordNet knows together with "of" and the word after it is one thing; other "of" phrases
// after a holder are its contents, and their -s word is a plural noun, not a verb.
TEST(NounPhrase, OfCompoundsAndContents) {
  OfflinePlanner planner;
  const PlanResult jar = planner.Plan("A jar of marbles on a chest of drawers.");
  EXPECT_EQ(CountOf(jar, "chest of drawers"), 1) << Show(jar);
  EXPECT_EQ(CountOf(jar, "drawer"), 0) << Show(jar);
  EXPECT_TRUE(Has(jar, "on(jar_1, chest_of_drawers_1)")) << Show(jar);
  EXPECT_TRUE(Has(jar, "inside(marble_1, jar_1)")) << Show(jar);
  const PlanResult armour = planner.Plan("A suit of armour next to a rack of spears.");
  EXPECT_EQ(CountOf(armour, "suit of armour"), 1) << Show(armour);
  EXPECT_TRUE(Has(armour, "near(suit_of_armour_1, rack_1)")) << Show(armour);
  EXPECT_TRUE(Has(armour, "on(spear_1, rack_1)")) << Show(armour);
  const PlanResult shelf = planner.Plan("A shelf of pickle jars above a sack of onions.");
  EXPECT_GE(CountOf(shelf, "pickle jar"), 2) << Show(shelf);
  EXPECT_TRUE(Has(shelf, "on(pickle_jar_1, shelf_1)")) << Show(shelf);
  EXPECT_TRUE(Has(shelf, "above(shelf_1, sack_1)")) << Show(shelf);
  EXPECT_TRUE(Has(shelf, "inside(onion_1, sack_1)")) << Show(shelf);
}

// "in each corner": one per corner of the room.
TEST(NounPhrase, EachCornerDistributesTheCount) {
  OfflinePlanner planner;
  const PlanResult ferns = planner.Plan("Put a fern in each corner of the porch.");
  EXPECT_EQ(CountOf(ferns, "fern"), 4) << Show(ferns);
  EXPECT_TRUE(Has(ferns, "in_corner(fern_4)")) << Show(ferns);
}

// "a stack of X": "a" counts the stack; the things in it are several, stacked.
TEST(NounPhrase, AStackOfThingsIsSeveral) {
  OfflinePlanner planner;
  const PlanResult towels =
      planner.Plan("A stack of towels on the stool and a pile of leaves under the tree.");
  EXPECT_GE(CountOf(towels, "towel"), 2) << Show(towels);
  EXPECT_TRUE(Has(towels, "stack(towel_1, towel_2, towel_3, towel_4)")) << Show(towels);
  EXPECT_TRUE(Has(towels, "on(towel_1, stool_1)")) << Show(towels);
  EXPECT_GE(CountOf(towels, "leaf"), 2) << Show(towels);
  EXPECT_TRUE(Has(towels, "under(leaf_1, tree_1)")) << Show(towels);
}

// After a phrase and a pronoun that open the clause, a finite verb before a determiner is the
// verb of the subject after it ("Above it hangs a mobile"), not a noun "stand".
TEST(NounPhrase, InversionAfterAPronoun) {
  OfflinePlanner planner;
  const PlanResult cot = planner.Plan("A cot stands by the door. Above it hangs a mobile.");
  EXPECT_EQ(CountOf(cot, "hang"), 0) << Show(cot);
  EXPECT_TRUE(Has(cot, "above(mobile_1, cot_1)")) << Show(cot);
  const PlanResult anvil =
      planner.Plan("A forge glows in the corner; beside it stands an anvil on a stump.");
  EXPECT_EQ(CountOf(anvil, "stand"), 0) << Show(anvil);
  EXPECT_EQ(CountOf(anvil, "anvil"), 1) << Show(anvil);
  EXPECT_TRUE(Has(anvil, "near(anvil_1, forge_1)")) << Show(anvil);
}

// A noun before the head that is itself a kind of the head names it more precisely; a material
// noun describes it.
TEST(NounPhrase, AModifierThatIsAKindOfTheHeadJoinsIt) {
  OfflinePlanner planner;
  const PlanResult tree = planner.Plan("An oak tree shades a leather sofa.");
  EXPECT_EQ(CountOf(tree, "oak tree"), 1) << Show(tree);
  EXPECT_EQ(CountOf(tree, "sofa"), 1) << Show(tree);
}

// A plural's possessive ("players'") is a possessive: the owners are not in the scene and the
// count is the things owned.
TEST(NounPhrase, APluralPossessiveDescribes) {
  OfflinePlanner planner;
  const PlanResult chess = planner.Plan("A chessboard sits between the two players' chairs.");
  EXPECT_EQ(CountOf(chess, "chair"), 2) << Show(chess);
  EXPECT_EQ(CountOf(chess, "players chair"), 0) << Show(chess);
  EXPECT_TRUE(Has(chess, "between(chessboard_1, chair_1, chair_2)")) << Show(chess);
}

// Words that can be verbs inside a noun phrase: a participle that makes a WordNet compound with
// the next word, a plural in the reference of a spatial phrase (its verb would agree with the
// subject before the phrase), and a noun right before the clause's verb.
TEST(NounPhrase, VerbLikeWordsInsideANounPhrase) {
  OfflinePlanner planner;
  const PlanResult cans = planner.Plan("A rusty watering can beside a dented milk can.");
  EXPECT_EQ(CountOf(cans, "watering can"), 1) << Show(cans);
  EXPECT_EQ(CountOf(cans, "rusty"), 0) << Show(cans);
  const PlanResult jars = planner.Plan("Six jars on wooden racks along the wall.");
  EXPECT_EQ(CountOf(jars, "jar"), 6) << Show(jars);
  EXPECT_GE(CountOf(jars, "rack"), 1) << Show(jars);
  EXPECT_EQ(CountOf(jars, "wooden"), 0) << Show(jars);
  const PlanResult rack = planner.Plan("A radio and a spice rack sit on the shelf.");
  EXPECT_EQ(CountOf(rack, "spice rack"), 1) << Show(rack);
  EXPECT_TRUE(Has(rack, "on(spice_rack_1, shelf_1)")) << Show(rack);
}

// The scorer takes a corpus's plural as the planner's base form of the same noun.
TEST(NounPhrase, ScorerTakesAPluralKeyAsItsBaseForm) {
  EXPECT_TRUE(CategoryMatches("fairy lights|light", "fairy light"));
  EXPECT_TRUE(IsOwnNoun("fairy lights|light", "fairy light"));
  EXPECT_FALSE(IsOwnNoun("fairy lights|light", "light"));
  EXPECT_FALSE(CategoryMatches("fairy lights", "fairy"));
}

}  // namespace
}  // namespace scenecraft
