// Stand-in sizes with the real WordNet: the sense of a noun a stand-in takes its shape and size
// from must be a physical thing that fits a scene (a magazine is a periodical, not a publishing
// house; a barbecue grill is a grate, not a grill room). The nouns and their ranges are in
// tests/corpus/standin_sizes.tsv, written before the sense choice ran on them.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/assets/procedural.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

struct SizeRange {
  std::string noun;
  double extent_lo = 0, extent_hi = 0, height_lo = 0, height_hi = 0;
};

std::vector<SizeRange> ReadRanges(const std::string& file) {
  std::ifstream in(fs::path(SCENECRAFT_SOURCE_DIR) / "tests/corpus" / file);
  std::vector<SizeRange> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cells = Split(line, '\t');
    if (cells.size() != 5) continue;
    out.push_back({cells[0], std::stod(cells[1]), std::stod(cells[2]), std::stod(cells[3]),
                   std::stod(cells[4])});
  }
  return out;
}

// How many of the file's nouns get a stand-in of a size in their range (each printed).
int CountInRange(const std::string& file) {
  const std::vector<SizeRange> ranges = ReadRanges(file);
  EXPECT_GE(ranges.size(), 20u) << "tests/corpus/" << file << " is missing or short";
  const AssetOptions options = WithWordNet({});
  int in_range = 0;
  for (const SizeRange& r : ranges) {
    EXPECT_EQ(FindProceduralCategory(r.noun), nullptr) << r.noun << " is in the catalog";
    const std::optional<StandIn> s = ChooseStandIn(r.noun, "", options.senses);
    if (!s) {
      std::printf("%-16s -> (none)  OUT OF RANGE\n", r.noun.c_str());
      continue;
    }
    const double extent = std::max({s->size_m.x, s->size_m.y, s->size_m.z});
    const bool ok = extent >= r.extent_lo && extent <= r.extent_hi && s->size_m.z >= r.height_lo &&
                    s->size_m.z <= r.height_hi;
    in_range += ok ? 1 : 0;
    std::printf("%-16s -> %-40s %s%s\n", r.noun.c_str(), s->Label().c_str(),
                s->size_m.ToString().c_str(), ok ? "" : "  OUT OF RANGE");
  }
  std::printf("stand-in sizes in range (%s): %d of %zu\n", file.c_str(), in_range, ranges.size());
  return in_range;
}

TEST(StandInSenses, NounsGetASizeOfTheirSceneSense) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // Measured: 19 of 30 with the hypernyms of all senses merged, 22 with the sense choice, 23
  // since abstract senses no longer borrow a catalog homonym's shape (newspaper). The rest need
  // size knowledge the table's classes do not have (a stapler is a "machine"; printed above).
  EXPECT_GE(CountInRange("standin_sizes.tsv"), 23);
}

TEST(StandInSenses, NounsWrittenAfterTheSenseChoiceGetASizeOfTheirSceneSense) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // Measured: 17 of 23 before the homonym fix and the print media row, 19 after (gazette and
  // tabloid are newspapers: the row was added for the newspaper, so they are not independent).
  EXPECT_GE(CountInRange("standin_sizes_more.tsv"), 19);
}

TEST(StandInSenses, NounsWhoseFirstSensesArePeopleGetTheSizeOfTheThing) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // Measured: 5 of 21 before people yielded to things for nouns rare in tagged texts and the
  // covering, shelter and drinking-glass rows, 10 after (coaster, planter, rocker, shaker and
  // runner were people; the rest printed above need finer size knowledge). A fabric row gave 11
  // but made a canvas on an easel and a plush toy flat cloths, and was taken out.
  EXPECT_GE(CountInRange("standin_sizes_people.tsv"), 10);
}

TEST(StandInSenses, FoodsAreFoodsNotThePlantsTheyGrowOn) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // Measured: 3 of 27 before the food rows and food before plants (an apple was a 5 m apple
  // tree, a pumpkin a 1 m vine), 25 after; 27 in session 9, when a food sense won over a
  // more frequent plant sense (a peach was a tree) and melons got a row of their own.
  EXPECT_GE(CountInRange("standin_sizes_food.tsv"), 27);
}

TEST(StandInSenses, FruitIsFruitHoweverOftenWordNetNamesTheTreeFirst) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // Written in session 9 before the change ran on them. Measured: 16 of 22 before a food sense
  // won over a more frequent plant sense and the melon row, 20 after (a mandarin is first a
  // person and an olive first a tree whose fruit WordNet files as a plant's, printed above).
  EXPECT_GE(CountInRange("standin_sizes_food9.tsv"), 20);
}

TEST(StandInSenses, FoodsWhoseFoodSenseComesAfterThePlantsAreFoods) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // Written in session 9 before the change: fruit, nuts and vegetables, many of whose nouns
  // WordNet files first as the tree or plant, a person or a colour. Measured: 13 of 24 before
  // a plant sense yielded to any food sense of its noun, 16 after (lime, guava, kiwi); the
  // same with the merged rule (a food sense outranks the plant's). Still out
  // (printed above): nuts (WordNet files an edible nut as a seed, for which the table has no row,
  // so the tree keeps the shape), an olive (a relish, not solid food), and sizes the fruit row
  // does not know (a cherry, a leek).
  EXPECT_GE(CountInRange("standin_sizes_fruit_nuts.tsv"), 16);
}

TEST(StandInSenses, AThingNamedForAnAnimalHasTheAnimalsSize) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  // Written before the rule ran on them: compounds WordNet does not know whose modifier is an
  // animal, with generous real-world ranges of the largest extent (metres).
  const AssetOptions options = WithWordNet({});
  const struct {
    const char* noun;
    double lo, hi;
  } cases[] = {{"cat bed", 0.35, 1.0},     {"dog bed", 0.5, 1.4},    {"hamster cage", 0.15, 0.8},
               {"rabbit hutch", 0.4, 1.6}, {"dog kennel", 0.6, 2.0}, {"cat tree", 0.4, 2.0}};
  for (const auto& c : cases) {
    const std::optional<StandIn> s = ChooseStandIn(c.noun, "", options.senses);
    ASSERT_TRUE(s.has_value()) << c.noun;
    const double extent = std::max({s->size_m.x, s->size_m.y, s->size_m.z});
    EXPECT_GE(extent, c.lo) << c.noun << " " << s->Label() << " " << s->size_m.ToString();
    EXPECT_LE(extent, c.hi) << c.noun << " " << s->Label() << " " << s->size_m.ToString();
  }
}

}  // namespace
}  // namespace scenecraft
