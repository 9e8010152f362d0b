// Stand-ins of the fourteenth round, with the real WordNet. Written before the change ran on them,
// in words no corpus uses.
//
// - The `device` row is WordNet's "device" at large (a 0.3 m box on a surface); things below a
//   nearer kind with another shape are not devices: a barrier (a turnstile, a tollgate) stands on
//   the ground and is as wide as a way through.
// - A door or a window outdoors is built in a stretch of a building's wall.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/resolve.h"
#include "scenecraft/assets/standin.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

double Extent(const Vec3& v) {
  return std::max({v.x, v.y, v.z});
}

StandIn StandInOf(const char* noun) {
  const AssetOptions options = WithWordNet({});
  EXPECT_EQ(FindProceduralCategory(noun), nullptr) << noun << " is in the catalog";
  const std::optional<StandIn> s =
      ChooseStandIn(noun, "", options.senses, std::nullopt, options.small_copy);
  EXPECT_TRUE(s.has_value()) << noun << " has no stand-in";
  return s.value_or(StandIn{});
}

TEST(StandInKinds14, ABarrierStandsOnTheGroundAsWideAsAWayThrough) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  for (const char* noun : {"turnstile", "tollgate", "barricade"}) {
    const StandIn s = StandInOf(noun);
    EXPECT_EQ(s.support, Support::kFloor) << noun << " " << s.Label();
    EXPECT_GE(std::max(s.size_m.x, s.size_m.y), 0.8) << noun << " " << s.size_m.ToString();
    EXPECT_LE(Extent(s.size_m), 4.0) << noun << " " << s.size_m.ToString();
    EXPECT_GE(s.size_m.z, 0.6) << noun << " " << s.size_m.ToString();
  }
}

TEST(StandInKinds14, ADoorOutdoorsIsBuiltInAStretchOfWall) {
  // A door the planner keeps outdoors (lang/environment.cc) stands in a building's wall, not
  // alone on the grass; a window likewise.
  AssetOptions options;
  options.sources = {"procedural"};
  SceneGraph g;
  g.environment.kind = Environment::Kind::kOutdoor;
  g.environment.size = {20.0, 20.0, 0.0};
  Object door;
  door.id = "door_1";
  door.category = "door";
  g.objects.push_back(door);
  ResolveAssets(&g, options);
  const Object& built = *g.FindObject("door_1");
  EXPECT_EQ(built.asset.id, "wall with door");
  EXPECT_GE(built.size.x, 2.0) << built.size.ToString();
  EXPECT_GE(built.size.z, 2.2) << built.size.ToString();
  EXPECT_EQ(built.support, Support::kFloor);
  EXPECT_FALSE(BuildProceduralModel(built, {}).generic);
}

}  // namespace
}  // namespace scenecraft
