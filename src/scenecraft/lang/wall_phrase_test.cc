#include "scenecraft/lang/wall_phrase.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

TEST(WallPhrase, ReadsTheWallWithAnOpeningAndTheWallAcrossFromTheDoor) {
  const std::string text =
      "A study with a desk against the wall with the window and a bookcase against the wall "
      "opposite the door.";
  const std::vector<WallPhrase> phrases = ReadWallPhrases(text);
  ASSERT_EQ(phrases.size(), 2u);
  EXPECT_EQ(phrases[0].wall, "window");
  EXPECT_EQ(text.substr(phrases[0].wall_begin, phrases[0].wall_end - phrases[0].wall_begin),
            "wall");
  EXPECT_EQ(phrases[1].wall, "opposite_door");
  EXPECT_EQ(phrases[0].words + phrases[1].words, 2);
  // The qualifiers are blanked, the rest stays where it was.
  const std::string rest = BlankWallPhrases(text, phrases);
  EXPECT_EQ(rest.size(), text.size());
  EXPECT_EQ(rest.find("window"), std::string::npos);
  EXPECT_EQ(rest.find("opposite"), std::string::npos);
  EXPECT_EQ(rest.find("door"), std::string::npos);
  EXPECT_EQ(rest.find("a bookcase against the wall"), text.find("a bookcase against the wall"));
}

TEST(WallPhrase, OtherWordingsAndWhatIsNoWallPhrase) {
  auto walls = [](std::string_view text) {
    std::string out;
    for (const WallPhrase& p : ReadWallPhrases(text)) out += (out.empty() ? "" : " ") + p.wall;
    return out;
  };
  EXPECT_EQ(walls("a mirror on the door wall and shelves on the window wall"), "door window");
  EXPECT_EQ(walls("a sofa against the wall that has two windows"), "window");
  EXPECT_EQ(walls("a painting on the wall facing the doorway"), "opposite_door");
  EXPECT_EQ(walls("a piano against the wall across from the entrance"), "opposite_door");
  EXPECT_EQ(walls("a bed against the wall opposite to the door"), "opposite_door");
  EXPECT_EQ(walls("A bench along the Wall with the Doors."), "door");
  // Not a wall named by an opening: the opening itself, another wall, other words after "wall".
  EXPECT_EQ(walls("a desk under the window and a lamp next to the door"), "");
  EXPECT_EQ(walls("a sofa against the long wall facing the TV"), "");
  EXPECT_EQ(walls("a clock on the wall with a painting next to the window"), "");
  EXPECT_EQ(walls("a wall-mounted shelf beside the window"), "");
}

// The planner reads the named walls into its wall relations: the wall target core/room.h
// ResolveWall resolves once the solver has placed the openings.
TEST(WallPhrase, ThePlannerPutsTheNamedWallIntoTheRelation) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan(
      "A bedroom with a bed against the wall opposite the door, a desk against the wall with the "
      "window, a wardrobe against the long wall and a painting on the window wall.");
  std::map<std::string, std::string> wall_of;  // category -> wall argument
  for (const Relation& r : plan.graph.relations) {
    if (r.type != RelationType::kAgainstWall && r.type != RelationType::kOnWall) continue;
    const Object* o = plan.graph.FindObject(r.objects[0]);
    ASSERT_NE(o, nullptr);
    wall_of[o->category] = r.args.Word("wall").value_or("");
  }
  EXPECT_EQ(wall_of["bed"], "opposite_door");
  EXPECT_EQ(wall_of["desk"], "window");
  EXPECT_EQ(wall_of["wardrobe"], "long");
  EXPECT_EQ(wall_of["painting"], "window");
  // The openings the walls are named by exist, and no window or door became an object.
  int windows = 0, doors = 0;
  for (const Opening& o : plan.graph.environment.openings) {
    windows += o.kind == "window";
    doors += o.kind == "door";
  }
  EXPECT_GE(windows, 1);
  EXPECT_EQ(doors, 1);
  for (const Object& o : plan.graph.objects) {
    EXPECT_NE(o.category, "window");
    EXPECT_NE(o.category, "door");
  }
  ASSERT_TRUE(plan.coverage.has_value());
  EXPECT_TRUE(plan.coverage->complete()) << plan.graph.notes.back();
}

// A hall has no window of its type: the wall with the window gets one.
TEST(WallPhrase, TheWindowANamedWallNeedsIsAdded) {
  OfflinePlanner planner;
  const PlanResult plan = planner.Plan("A hall with a bench against the wall with the window.");
  int windows = 0;
  for (const Opening& o : plan.graph.environment.openings) windows += o.kind == "window";
  EXPECT_EQ(windows, 1);
  ASSERT_EQ(plan.graph.relations.size(), 1u);
  EXPECT_EQ(plan.graph.relations[0].type, RelationType::kAgainstWall);
  EXPECT_EQ(plan.graph.relations[0].args.Word("wall").value_or(""), "window");
}

}  // namespace
}  // namespace scenecraft
