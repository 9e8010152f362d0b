#include "scenecraft/agent/context_sizes.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "scenecraft/core/relation_testing.h"
#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

using test_util::Rel;
using test_util::Sized;

TEST(ContextSizes, WhatStandsOnASupportIsSmallerThanItsTop) {
  SceneGraph g;
  g.objects = {Sized("lamp_1", 0.5, 0.5, 0.7), Sized("stool_1", 0.35, 0.35, 0.45)};
  g.relations = {Rel(RelationType::kOn, {"lamp_1", "stool_1"})};
  const std::vector<std::string> lines = FitSizesToContext(&g, {});
  ASSERT_EQ(lines.size(), 1u);
  const Object& lamp = *g.FindObject("lamp_1");
  EXPECT_NEAR(lamp.size.x, 0.9 * 0.35, 1e-9);
  EXPECT_NEAR(lamp.size.z, 0.7 * 0.9 * 0.35 / 0.5, 1e-9);  // in proportion
  EXPECT_EQ(g.notes.size(), 1u);
  // A thing that already fits keeps its size.
  SceneGraph fits;
  fits.objects = {Sized("cup_1", 0.1, 0.1, 0.1), Sized("table_1", 1.2, 0.8, 0.75)};
  fits.relations = {Rel(RelationType::kOn, {"cup_1", "table_1"})};
  EXPECT_TRUE(FitSizesToContext(&fits, {}).empty());
  EXPECT_DOUBLE_EQ(fits.FindObject("cup_1")->size.x, 0.1);
}

TEST(ContextSizes, AThingTurnsToFitAndChainsSettle) {
  // A long, thin tray fits a deep top turned; a bowl on the tray on a small stool shrinks with it.
  SceneGraph g;
  g.objects = {Sized("bowl_1", 0.25, 0.25, 0.15), Sized("tray_1", 0.3, 0.6, 0.05),
               Sized("stool_1", 0.4, 0.4, 0.5)};
  g.relations = {Rel(RelationType::kOn, {"bowl_1", "tray_1"}),
                 Rel(RelationType::kOn, {"tray_1", "stool_1"})};
  FitSizesToContext(&g, {});
  const Object& bowl = *g.FindObject("bowl_1");
  const Object& tray = *g.FindObject("tray_1");
  EXPECT_LE(std::max(tray.size.x, tray.size.y), 0.9 * 0.4 + 1e-9);
  EXPECT_LE(std::min(bowl.size.x, bowl.size.y), 0.9 * std::min(tray.size.x, tray.size.y) + 1e-9);
}

TEST(ContextSizes, InsideFitsEveryDimensionAndGivenSizesAreKept) {
  SceneGraph g;
  g.objects = {Sized("teapot_1", 0.3, 0.2, 0.25), Sized("cabinet_1", 0.5, 0.25, 0.4),
               Sized("vase_1", 0.3, 0.3, 0.5)};
  g.relations = {Rel(RelationType::kInside, {"teapot_1", "cabinet_1"}),
                 Rel(RelationType::kInside, {"vase_1", "cabinet_1"})};
  FitSizesToContext(&g, /*fixed=*/{"vase_1"});
  const Object& teapot = *g.FindObject("teapot_1");
  EXPECT_LE(teapot.size.y, 0.9 * 0.25 + 1e-9);
  EXPECT_DOUBLE_EQ(g.FindObject("vase_1")->size.z, 0.5);
}

TEST(ContextSizes, WhenNoPlausibleSizeFitsThePlanSaysSo) {
  SceneGraph g;
  g.objects = {Sized("sofa_1", 2.0, 0.9, 0.8), Sized("side table_1", 0.5, 0.5, 0.55)};
  g.relations = {Rel(RelationType::kOn, {"sofa_1", "side table_1"})};
  const std::vector<std::string> lines = FitSizesToContext(&g, {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("no plausible size lets sofa_1"), std::string::npos) << lines[0];
  EXPECT_DOUBLE_EQ(g.FindObject("sofa_1")->size.x, 2.0);
}

// "A 5 m long canoe on a cart": the size the text gave is kept, and the support grows under it
// (its height stays); a support whose size was given too is left, and the plan says so.
TEST(ContextSizes, ASupportGrowsUnderAThingOfGivenSize) {
  SceneGraph g;
  g.objects = {Sized("canoe_1", 5.0, 0.9, 0.4), Sized("cart_1", 1.0, 0.6, 0.7)};
  g.relations = {Rel(RelationType::kOn, {"canoe_1", "cart_1"})};
  const std::vector<std::string> lines = FitSizesToContext(&g, /*fixed=*/{"canoe_1"});
  ASSERT_EQ(lines.size(), 1u);
  const Object& cart = *g.FindObject("cart_1");
  EXPECT_NEAR(std::max(cart.size.x, cart.size.y), 5.0 / 0.9, 1e-9);
  EXPECT_NEAR(std::min(cart.size.x, cart.size.y), 0.9 / 0.9, 1e-9);
  EXPECT_DOUBLE_EQ(cart.size.z, 0.7);
  EXPECT_DOUBLE_EQ(g.FindObject("canoe_1")->size.x, 5.0);
  SceneGraph both;
  both.objects = {Sized("canoe_1", 5.0, 0.9, 0.4), Sized("cart_1", 1.0, 0.6, 0.7)};
  both.relations = {Rel(RelationType::kOn, {"canoe_1", "cart_1"})};
  const std::vector<std::string> said = FitSizesToContext(&both, {"canoe_1", "cart_1"});
  ASSERT_EQ(said.size(), 1u);
  EXPECT_NE(said[0].find("no plausible size"), std::string::npos) << said[0];
  EXPECT_DOUBLE_EQ(both.FindObject("cart_1")->size.x, 1.0);
}

// "A fern under the window": what stands under a window is no taller than its sill.
TEST(ContextSizes, WhatStandsUnderAWindowStaysBelowItsSill) {
  SceneGraph g;
  g.environment.size = {5, 4, 2.8};
  g.environment.openings.push_back({"window", "back", 0.0, 1.2, 1.2, 0.9, "window_1"});
  g.objects = {Sized("fern_1", 0.5, 0.5, 1.0), Sized("fridge_1", 0.7, 0.7, 1.9)};
  g.relations = {Rel(RelationType::kUnder, {"fern_1", "window_1"}),
                 Rel(RelationType::kUnder, {"fridge_1", "window_1"})};
  const std::vector<std::string> lines = FitSizesToContext(&g, {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_LE(g.FindObject("fern_1")->size.z, 0.9 + 1e-9);
  // A fridge would have to lose more than half its size: it keeps it, and the plan says so.
  EXPECT_DOUBLE_EQ(g.FindObject("fridge_1")->size.z, 1.9);
  EXPECT_NE(lines[1].find("no plausible size lets fridge_1"), std::string::npos) << lines[1];
}

// "Boxes under the potting bench": what stands under a thing on the floor is lower than its
// top, with room for the top; under a thing on the wall, or flat already, it keeps its size.
TEST(ContextSizes, WhatStandsUnderAThingIsLowerThanItsTop) {
  SceneGraph g;
  g.environment.size = {5, 4, 2.8};
  g.objects = {Sized("crate_1", 0.5, 0.4, 0.9),  Sized("bench_1", 1.6, 0.6, 0.9),
               Sized("basket_1", 0.4, 0.4, 0.6), Sized("shelf_1", 1.0, 0.3, 0.3),
               Sized("mat_1", 1.2, 0.8, 0.01),   Sized("piano_1", 1.5, 0.6, 1.3),
               Sized("stool_1", 0.4, 0.4, 0.45)};
  g.relations = {Rel(RelationType::kUnder, {"crate_1", "bench_1"}),
                 Rel(RelationType::kOnWall, {"shelf_1"}),
                 Rel(RelationType::kUnder, {"basket_1", "shelf_1"}),
                 Rel(RelationType::kUnder, {"mat_1", "bench_1"}),
                 Rel(RelationType::kUnder, {"piano_1", "stool_1"})};
  const std::vector<std::string> lines = FitSizesToContext(&g, {});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_LT(g.FindObject("crate_1")->size.z, 0.9 - 0.02);
  EXPECT_NE(lines[0].find("crate_1 sized to stand under bench_1"), std::string::npos) << lines[0];
  EXPECT_DOUBLE_EQ(g.FindObject("basket_1")->size.z, 0.6);
  EXPECT_DOUBLE_EQ(g.FindObject("mat_1")->size.z, 0.01);
  // A piano would have to lose more than half its size under a stool: the plan says so.
  EXPECT_DOUBLE_EQ(g.FindObject("piano_1")->size.z, 1.3);
  EXPECT_NE(lines[1].find("no plausible size lets piano_1"), std::string::npos) << lines[1];
}

TEST(ContextSizes, StacksFitWhatCarriesThem) {
  SceneGraph g;
  g.objects = {Sized("box_1", 0.6, 0.4, 0.3), Sized("box_2", 0.6, 0.4, 0.3),
               Sized("crate_1", 0.5, 0.5, 0.4)};
  g.relations = {Rel(RelationType::kStack, {"crate_1", "box_1", "box_2"})};
  FitSizesToContext(&g, {});
  // Each member fits the one below it; members of one size stay of one size.
  EXPECT_LE(std::max(g.FindObject("box_1")->size.x, g.FindObject("box_1")->size.y), 0.5 + 1e-9);
  EXPECT_DOUBLE_EQ(g.FindObject("box_2")->size.x, g.FindObject("box_1")->size.x);
}

TEST(ContextSizes, OptionsAreChecked) {
  ContextSizeOptions options;
  options.min_scale = 0;
  EXPECT_THROW(options.Check(), Error);
}

}  // namespace
}  // namespace scenecraft
