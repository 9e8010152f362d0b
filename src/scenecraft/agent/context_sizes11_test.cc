// Sizes in context, eleventh round: what stands on one support shares its top. Written before the
// change, in words no corpus uses (a shelf of jars, a windowsill of cacti).
#include <gtest/gtest.h>

#include "scenecraft/agent/context_sizes.h"
#include "scenecraft/core/relation_testing.h"
#include "scenecraft/layout/capacity.h"

namespace scenecraft {
namespace {

using test_util::Rel;
using test_util::Sized;

double Footprint(const Object& o) {
  return o.size.x * o.size.y;
}

TEST(ContextSizes11, ThingsOnOneSupportTogetherFitItsTop) {
  // Eight jars of 0.3 x 0.3 m on a 1.6 x 0.4 m sideboard: each fits alone, together they cover
  // 0.72 of its 0.64 m2. They shrink (by the same factor, at most to half) until they fit.
  SceneGraph g;
  g.objects.push_back(Sized("sideboard_1", 1.6, 0.4, 0.9));
  for (int k = 1; k <= 8; ++k) {
    const std::string id = "jar_" + std::to_string(k);
    g.objects.push_back(Sized(id, 0.3, 0.3, 0.4));
    g.relations.push_back(Rel(RelationType::kOn, {id, "sideboard_1"}));
  }
  FitSizesToContext(&g, {});
  double covered = 0;
  for (int k = 1; k <= 8; ++k) {
    const Object& jar = *g.FindObject("jar_" + std::to_string(k));
    covered += Footprint(jar);
    EXPECT_GE(jar.size.x, 0.5 * 0.3 - 1e-9);
  }
  EXPECT_LE(covered, kUsableTopShare * 1.6 * 0.4 + 1e-9);
}

TEST(ContextSizes11, ThingsThatCannotShareATopAtAPlausibleSizeKeepTheirSizeAndSaySo) {
  // Thirty cacti of 0.25 x 0.25 m on a 1 x 0.2 m windowsill ledge would need a fifth of their
  // size: no plausible size; they keep the size each has alone and the run says so.
  SceneGraph g;
  g.objects.push_back(Sized("ledge_1", 1.0, 0.2, 0.05));
  for (int k = 1; k <= 30; ++k) {
    const std::string id = "cactus_" + std::to_string(k);
    g.objects.push_back(Sized(id, 0.25, 0.25, 0.3));
    g.relations.push_back(Rel(RelationType::kOn, {id, "ledge_1"}));
  }
  const std::vector<std::string> lines = FitSizesToContext(&g, {});
  EXPECT_NEAR(g.FindObject("cactus_7")->size.x, 0.9 * 0.2, 1e-9);  // alone: 90 % of the ledge
  bool said = false;
  for (const std::string& line : lines) said = said || line.find("share") != std::string::npos;
  EXPECT_TRUE(said);
}

}  // namespace
}  // namespace scenecraft
