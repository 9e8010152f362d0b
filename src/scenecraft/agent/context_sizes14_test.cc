// Sizes in context, fourteenth round: what stands in a room fits under its ceiling. Written before
// the change, in words no corpus uses (a giant fern on the floor, a lamp on a sideboard, a given
// size).
#include <gtest/gtest.h>

#include <algorithm>

#include "scenecraft/agent/context_sizes.h"
#include "scenecraft/core/relation_testing.h"

namespace scenecraft {
namespace {

using test_util::Rel;
using test_util::Sized;

bool AnyLineMentions(const std::vector<std::string>& lines, const std::string& id) {
  return std::any_of(lines.begin(), lines.end(),
                     [&](const std::string& l) { return l.find(id) != std::string::npos; });
}

TEST(ContextSizes14, AThingOnTheFloorFitsUnderTheCeiling) {
  // A tree model of 9 m in a 2.6 m high room: it would pierce the ceiling. It shrinks in
  // proportion until its top is below the ceiling, and the notes say so.
  SceneGraph g;
  g.environment.kind = Environment::Kind::kRoom;
  g.environment.size = {6.0, 5.0, 2.6};
  g.objects.push_back(Sized("fern_1", 4.0, 4.0, 9.0));
  g.objects.push_back(Sized("sofa_1", 2.0, 0.9, 0.8));
  const std::vector<std::string> lines = FitSizesToContext(&g, {});
  const Object& fern = *g.FindObject("fern_1");
  EXPECT_LT(fern.size.z, 2.6);
  EXPECT_GT(fern.size.z, 2.0);                              // not more than it needs
  EXPECT_NEAR(fern.size.x / fern.size.z, 4.0 / 9.0, 1e-9);  // in proportion
  EXPECT_TRUE(AnyLineMentions(lines, "fern_1"));
  EXPECT_TRUE(AnyLineMentions(g.notes, "fern_1"));
  // What fits keeps its size.
  EXPECT_DOUBLE_EQ(g.FindObject("sofa_1")->size.z, 0.8);
}

TEST(ContextSizes14, AThingOnASupportFitsBetweenItsTopAndTheCeiling) {
  // A 2.4 m floor lamp model put on a 0.9 m sideboard in a 2.7 m room: its top would be at 3.3 m.
  SceneGraph g;
  g.environment.kind = Environment::Kind::kRoom;
  g.environment.size = {5.0, 4.0, 2.7};
  g.objects.push_back(Sized("sideboard_1", 1.8, 0.5, 0.9));
  g.objects.push_back(Sized("lamp_1", 0.4, 0.4, 2.4));
  g.relations.push_back(Rel(RelationType::kOn, {"lamp_1", "sideboard_1"}));
  FitSizesToContext(&g, {});
  EXPECT_LT(0.9 + g.FindObject("lamp_1")->size.z, 2.7);
  EXPECT_DOUBLE_EQ(g.FindObject("sideboard_1")->size.z, 0.9);
}

TEST(ContextSizes14, OutdoorsAndGivenSizesAreKept) {
  // Outdoors there is no ceiling; a size the text gave is kept (the run says it cannot fit).
  SceneGraph outdoor;
  outdoor.environment.kind = Environment::Kind::kOutdoor;
  outdoor.environment.size = {20.0, 20.0, 0.0};
  outdoor.objects.push_back(Sized("oak_1", 8.0, 8.0, 12.0));
  FitSizesToContext(&outdoor, {});
  EXPECT_DOUBLE_EQ(outdoor.FindObject("oak_1")->size.z, 12.0);

  SceneGraph room;
  room.environment.kind = Environment::Kind::kRoom;
  room.environment.size = {5.0, 4.0, 2.5};
  room.objects.push_back(Sized("mast_1", 0.3, 0.3, 4.0));
  const std::vector<std::string> lines = FitSizesToContext(&room, {"mast_1"});
  EXPECT_DOUBLE_EQ(room.FindObject("mast_1")->size.z, 4.0);
  EXPECT_TRUE(AnyLineMentions(lines, "mast_1"));
}

}  // namespace
}  // namespace scenecraft
