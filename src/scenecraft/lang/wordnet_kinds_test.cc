// WordNet::KindDistance, which asset retrieval uses to tell whether a compound's head names its
// kind ("floor lamp" is a lamp; "lab bench" is a workbench, not the seat "bench" mostly means).
// The dictionary is Debian's WordNet 3.0, which the project installs.
#include <gtest/gtest.h>

#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

TEST(WordNetKinds, AHeadNamesItsCompoundsKindInWhatItMostlyMeans) {
  WordNet& wordnet = WordNet::Get();
  ASSERT_TRUE(wordnet.available());
  EXPECT_EQ(wordnet.KindDistance("floor lamp", "lamp"), 1);     // the lamp's second sense
  EXPECT_EQ(wordnet.KindDistance("coffee table", "table"), 1);  // furniture, not data
  EXPECT_EQ(wordnet.KindDistance("dining table", "table"), 1);
  EXPECT_EQ(wordnet.KindDistance("dining table", "dining table"), 0);
  EXPECT_EQ(wordnet.KindDistance("recliner", "armchair"), 1);
  EXPECT_EQ(wordnet.KindDistance("recliner", "chair"), 2);
  EXPECT_EQ(wordnet.KindDistance("table", "table"), 0);
  // A bench in a laboratory is a workbench; the seat is what "bench" means.
  EXPECT_EQ(wordnet.KindDistance("lab bench", "workbench"), 1);
  EXPECT_EQ(wordnet.KindDistance("lab bench", "bench"), -1);
  // A birdbath is a basin; an armchair no table.
  EXPECT_EQ(wordnet.KindDistance("birdbath", "bath"), -1);
  EXPECT_EQ(wordnet.KindDistance("armchair", "table"), -1);
  EXPECT_EQ(wordnet.KindDistance("no such thing here", "table"), -1);
}

}  // namespace
}  // namespace scenecraft
