#include "scenecraft/assets/light_source.h"

#include <gtest/gtest.h>

#include <map>

namespace scenecraft {
namespace {

// A few WordNet chains as the agent's lookup would give them (nearest first).
std::vector<std::string> FakeHypernyms(std::string_view noun) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> chains = {
      {"chandelier", {"lighting fixture", "fixture", "artifact"}},
      {"lamp", {"source of illumination", "artifact", "furniture"}},
      {"floor lamp", {"lamp", "furniture", "artifact"}},
      {"lampshade", {"shade", "protective covering", "artifact"}},
      {"candle", {"lamp", "source of illumination", "artifact"}},
      {"table", {"furniture", "artifact"}},
  };
  auto it = chains.find(noun);
  return it == chains.end() ? std::vector<std::string>{} : it->second;
}

TEST(LightSource, LampsAndFixturesGiveLightOthersDoNot) {
  EXPECT_TRUE(LightSourceFor("floor lamp", {0.4, 0.4, 1.6}, FakeHypernyms));
  EXPECT_TRUE(LightSourceFor("crystal chandelier", {0.8, 0.8, 0.7}, FakeHypernyms));
  EXPECT_TRUE(LightSourceFor("desk lamp", {0.2, 0.2, 0.5}, FakeHypernyms));  // the tail "lamp"
  EXPECT_FALSE(LightSourceFor("lampshade", {0.3, 0.3, 0.3}, FakeHypernyms));
  EXPECT_FALSE(LightSourceFor("table", {1.2, 0.8, 0.75}, FakeHypernyms));
  EXPECT_FALSE(LightSourceFor("", {1, 1, 1}, FakeHypernyms));
}

TEST(LightSource, BiggerLightsAreBrighterWithinBounds) {
  const auto candle = LightSourceFor("candle", {0.05, 0.05, 0.2}, FakeHypernyms);
  const auto lamp = LightSourceFor("floor lamp", {0.4, 0.4, 1.6}, FakeHypernyms);
  const auto huge = LightSourceFor("lamp", {1, 1, 80}, FakeHypernyms);
  ASSERT_TRUE(candle && lamp && huge);
  EXPECT_LT(candle->watts, lamp->watts);
  EXPECT_NEAR(lamp->watts, 64.0, 1e-9);
  EXPECT_LE(huge->watts, 400.0);
  EXPECT_GT(lamp->height_fraction, 0.5);  // in the shade, near the top
}

TEST(LightSource, WithoutWordNetOnlyTheTableWordsMatch) {
  EXPECT_TRUE(LightSourceFor("table lamp", {0.3, 0.3, 0.5}, {}));
  EXPECT_FALSE(LightSourceFor("chandelier", {0.8, 0.8, 0.7}, {}));
}

}  // namespace
}  // namespace scenecraft
