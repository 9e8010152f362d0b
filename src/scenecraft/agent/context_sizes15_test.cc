// Sizes in context, fifteenth round: what hangs on a wall shows its face. Written before the
// change, in words no corpus uses (a diploma and a tapestry on a wall, a ledger on a shelf).
#include <gtest/gtest.h>

#include "scenecraft/agent/context_sizes.h"
#include "scenecraft/core/relation_testing.h"

namespace scenecraft {
namespace {

using test_util::Rel;
using test_util::Sized;

Object Procedural(const std::string& id, double w, double d, double h) {
  Object o = Sized(id, w, d, h);
  o.asset = {"procedural", "book", "stand-in (shape of written record)", "SceneCraft", "CC0"};
  return o;
}

SceneGraph Room() {
  SceneGraph g;
  g.environment.kind = Environment::Kind::kRoom;
  g.environment.size = {5.0, 4.0, 2.7};
  return g;
}

TEST(ContextSizes15, AFlatThingOnAWallStandsUpAgainstIt) {
  // A sheet's stand-in lies flat (0.21 x 0.3 x 0.01 m). Hung on a wall as it lies, the camera
  // sees its 1 cm edge: it stands up, its face to the room (the depth, against the wall, and
  // the height swap), and the notes say so.
  SceneGraph g = Room();
  g.objects.push_back(Procedural("diploma_1", 0.21, 0.3, 0.01));
  g.objects.push_back(Procedural("tapestry_1", 2.0, 1.4, 0.02));
  g.relations.push_back(Rel(RelationType::kOnWall, {"diploma_1"}));
  g.relations.push_back(Rel(RelationType::kOnWall, {"tapestry_1"}));
  FitSizesToContext(&g, {});
  const Object& diploma = *g.FindObject("diploma_1");
  EXPECT_DOUBLE_EQ(diploma.size.x, 0.21);
  EXPECT_DOUBLE_EQ(diploma.size.y, 0.01);
  EXPECT_DOUBLE_EQ(diploma.size.z, 0.3);
  const Object& tapestry = *g.FindObject("tapestry_1");
  EXPECT_DOUBLE_EQ(tapestry.size.z, 1.4);
  EXPECT_DOUBLE_EQ(tapestry.size.y, 0.02);
  bool said = false;
  for (const std::string& n : g.notes) said = said || n.find("diploma_1") != std::string::npos;
  EXPECT_TRUE(said);
}

TEST(ContextSizes15, WhatIsNotFlatOnAWallOrIsAModelOrNotOnAWallKeepsItsSize) {
  SceneGraph g = Room();
  g.objects.push_back(Procedural("clock_1", 0.3, 0.1, 0.3));     // upright already
  g.objects.push_back(Procedural("ledger_1", 0.21, 0.3, 0.03));  // lies on a shelf
  Object mirror = Sized("mirror_1", 0.6, 0.9, 0.02);  // a model: turning it would squash it
  mirror.asset = {"sh3d", "lib#mirror", "Mirror", "", ""};
  g.objects.push_back(mirror);
  Object given = Procedural("chart_1", 0.9, 0.6, 0.01);  // its size was given
  g.objects.push_back(given);
  g.objects.push_back(Sized("shelf_1", 0.8, 0.3, 1.8));
  g.relations.push_back(Rel(RelationType::kOnWall, {"clock_1"}));
  g.relations.push_back(Rel(RelationType::kOnWall, {"mirror_1"}));
  g.relations.push_back(Rel(RelationType::kOnWall, {"chart_1"}));
  g.relations.push_back(Rel(RelationType::kOn, {"ledger_1", "shelf_1"}));
  FitSizesToContext(&g, {"chart_1"});
  EXPECT_DOUBLE_EQ(g.FindObject("clock_1")->size.z, 0.3);
  EXPECT_DOUBLE_EQ(g.FindObject("ledger_1")->size.z, 0.03);
  EXPECT_DOUBLE_EQ(g.FindObject("mirror_1")->size.z, 0.02);
  EXPECT_DOUBLE_EQ(g.FindObject("chart_1")->size.z, 0.01);
}

}  // namespace
}  // namespace scenecraft
