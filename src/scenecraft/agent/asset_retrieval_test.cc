// Retrieval quality on the Debian Sweet Home 3D libraries with WordNet: for 50 common scene
// categories (tests/corpus/retrieval.jsonl), the share whose chosen model is the right kind of
// object (issue 6's measurement, kept as a test with a threshold).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "scenecraft/agent/asset_terms.h"
#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/retrieval.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

TEST(AssetRetrieval, MostCommonCategoriesGetTheRightKindOfModel) {
  if (!fs::exists(DefaultSh3dDirectory() / "Scopia.sh3f")) {
    GTEST_SKIP() << "sweethome3d-furniture is not installed";
  }
  const TermExpander expander = WordNetTermExpander();
  AssetIndex index(":memory:", expander);
  const auto start = std::chrono::steady_clock::now();
  const IndexStats stats = index.Index({DefaultSh3dDirectory()});
  const double index_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_GE(stats.assets, 800);
  std::ifstream in(fs::path(SCENECRAFT_SOURCE_DIR) / "tests/corpus/retrieval.jsonl");
  ASSERT_TRUE(in) << "tests/corpus/retrieval.jsonl is missing";
  std::string line;
  int total = 0, right = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json row = nlohmann::json::parse(line);
    const std::string category = row.at("category");
    const std::string description = row.at("description");
    const std::vector<std::string> expect = row.at("expect");
    // The size hint the pipeline uses: the procedural default with the description's size words.
    Vec3 hint;
    if (const CategoryInfo* info = FindProceduralCategory(category)) hint = info->size;
    const std::optional<RetrievalChoice> choice = ChooseAsset(
        index, {category, description, hint}, "sh3d", {}, expander, WordNetKindDistance());
    ++total;
    const bool ok =
        choice && (std::count(expect.begin(), expect.end(), choice->record.kind) > 0 ||
                   std::count(expect.begin(), expect.end(), HeadNoun(choice->record.kind)) > 0);
    if (ok) ++right;
    std::printf("%-4s %-16s -> %s\n", ok ? "ok" : "MISS", category.c_str(),
                choice ? choice->ToString().c_str() : "(none)");
  }
  ASSERT_EQ(total, 50);
  const double share = static_cast<double>(right) / total;
  std::printf("retrieval: %d/%d = %.0f %% right kind; index built in %.2f s\n", right, total,
              share * 100, index_s);
  EXPECT_GE(share, 0.85);
}

// A compound WordNet knows as another kind of thing does not take its head noun's model: a bird
// bath (WordNet's "birdbath", a basin) is no bath(tub), whatever its size; a compound WordNet
// files under its head noun, or does not know, still does (a floor lamp is a lamp).
TEST(AssetRetrieval, ACompoundWordNetKnowsAsAnotherKindIsNotItsHeadNoun) {
  if (!fs::exists(DefaultSh3dDirectory() / "Scopia.sh3f")) {
    GTEST_SKIP() << "sweethome3d-furniture is not installed";
  }
  const TermExpander expander = WordNetTermExpander();
  if (expander("birdbath").empty()) GTEST_SKIP() << "WordNet is not installed";
  AssetIndex index(":memory:", expander);
  index.Index({DefaultSh3dDirectory()});
  const auto kind = [&](const std::string& category) {
    const std::optional<RetrievalChoice> c =
        ChooseAsset(index, {category, "", {}}, "sh3d", {}, expander);
    return c ? HeadNoun(c->record.kind) : std::string("(none)");
  };
  EXPECT_NE(kind("bird bath"), "bath");
  EXPECT_EQ(kind("floor lamp"), "lamp");
  EXPECT_EQ(kind("garden lamp"), "lamp");  // not in WordNet: the head noun decides
}

// A compound WordNet knows under a sense of its head noun that the noun rarely means is not
// the head noun's model: a laboratory bench is a workbench (the fourth sense of "bench", not the
// seat), a medicine chest a cabinet (not the lidded box), a coat tree a pole (no tree). It takes
// the model of its own kind one level up when there is one; a compound filed under what its
// head mostly means keeps the head's model (a hope chest is a chest).
TEST(AssetRetrieval, ACompoundUnderARareSenseOfItsHeadTakesItsOwnKind) {
  if (!fs::exists(DefaultSh3dDirectory() / "Scopia.sh3f")) {
    GTEST_SKIP() << "sweethome3d-furniture is not installed";
  }
  const TermExpander expander = WordNetTermExpander();
  if (expander("birdbath").empty()) GTEST_SKIP() << "WordNet is not installed";
  const KindDistanceLookup kind_distance = WordNetKindDistance();
  AssetIndex index(":memory:", expander);
  index.Index({DefaultSh3dDirectory()});
  const auto kind = [&](const std::string& category) {
    const std::optional<RetrievalChoice> c =
        ChooseAsset(index, {category, "", {}}, "sh3d", {}, expander, kind_distance);
    return c ? HeadNoun(c->record.kind) : std::string("(none)");
  };
  EXPECT_EQ(kind("laboratory bench"), "workbench");
  EXPECT_NE(kind("medicine chest"), "chest");
  EXPECT_NE(kind("coat tree"), "tree");
  EXPECT_EQ(kind("hope chest"), "chest");
  // Without the lookup, the head noun's model is taken, as before.
  const std::optional<RetrievalChoice> bench =
      ChooseAsset(index, {"laboratory bench", "", {}}, "sh3d", {}, expander);
  ASSERT_TRUE(bench.has_value());
  EXPECT_EQ(HeadNoun(bench->record.kind), "bench");
}

}  // namespace
}  // namespace scenecraft
