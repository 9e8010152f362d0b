// Stage tests for issue 12's noun phrases (fourteenth round). Every sentence here was written,
// with its expectation, before the planner first ran on it, in wordings unlike any corpus prompt;
// each test failed on main before its mechanism, except the guards marked as such.
#include <gtest/gtest.h>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/lang/spelling.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Show;

// A word no dictionary knows, one letter away from a word WordNet knows by a letter changed into
// one that is no neighbour on the keyboard, is the user's own noun ("a cratch" is a hay rack, no
// crutch), not a slip. (Written with a second word, "biffin", which the rule still reads as
// "boffin": i and o are neighbours; left out, see docs/PLANNER.md.)
TEST(NounPhrase14, AFarLetterMakesNoSlip) {
  EXPECT_FALSE(CorrectSpelling("cratch").has_value());
  OfflinePlanner planner;
  const PlanResult hay = planner.Plan("A cratch hangs on the stable wall beside a saddle.");
  EXPECT_EQ(CountOf(hay, "crutch"), 0) << Show(hay);
  EXPECT_EQ(CountOf(hay, "cratch"), 1) << Show(hay);
  // Guards: a key next to the one meant, a letter dropped, two letters swapped are slips.
  EXPECT_EQ(CorrectSpelling("cabinwt").value_or(""), "cabinet");
  const PlanResult slips = planner.Plan("A cabinwt by the sofa and a wardrbe in the corner.");
  EXPECT_EQ(CountOf(slips, "cabinet"), 1) << Show(slips);
  EXPECT_EQ(CountOf(slips, "wardrobe"), 1) << Show(slips);
  EXPECT_EQ(CorrectSpelling("lnatern").value_or(""), "lantern");
}

// "make that six lanterns", "make it 3 stools": a count said again after "make that" or "make
// it" corrects the count of the things already named; it names no more of them.
TEST(NounPhrase14, MakeThatNCorrectsTheCount) {
  OfflinePlanner planner;
  const PlanResult lanterns =
      planner.Plan("Put four lanterns along the garden path, no wait, make that six lanterns.");
  EXPECT_EQ(CountOf(lanterns, "lantern"), 6) << Show(lanterns);
  const PlanResult stools = planner.Plan("A stool by the bar... actually make it 3 stools.");
  EXPECT_EQ(CountOf(stools, "stool"), 3) << Show(stools);
  const PlanResult fewer =
      planner.Plan("Five kites hang on the wall and a desk stands below. Make that 2 kites.");
  EXPECT_EQ(CountOf(fewer, "kite"), 2) << Show(fewer);
  EXPECT_EQ(CountOf(fewer, "desk"), 1) << Show(fewer);
  // Guard: "make" with no number after "that" or "it" corrects nothing.
  const PlanResult cozy = planner.Plan("Make the den cozy with two sofas and a rug.");
  EXPECT_EQ(CountOf(cozy, "sofa"), 2) << Show(cozy);
  EXPECT_EQ(CountOf(cozy, "rug"), 1) << Show(cozy);
}

}  // namespace
}  // namespace scenecraft
