#include "scenecraft/lang/chunker.h"

#include <gtest/gtest.h>

#include "scenecraft/lang/noun_kind.h"

namespace scenecraft {
namespace {

// The noun phrases of a text, in order.
std::vector<NounPhrase> Nouns(const std::string& text) {
  std::vector<Word> words = Tokenize(text);
  TagWords(&words);
  std::vector<NounPhrase> out;
  for (const Item& item : Chunk(words)) {
    if (item.kind == ItemKind::kNoun) out.push_back(item.np);
  }
  return out;
}

TEST(Chunker, CompoundsWordNetKnowsStayTogether) {
  const auto nps = Nouns("A polished cedar chest and a rocking chair.");
  ASSERT_EQ(nps.size(), 2u);
  EXPECT_EQ(nps[0].category, "cedar chest");
  EXPECT_EQ(nps[0].attributes, std::vector<std::string>{"polished"});
  EXPECT_EQ(nps[1].category, "rocking chair");
}

TEST(Chunker, AConcreteNounBeforeTheHeadNamesItsKind) {
  // Neither compound is in WordNet; both heads are concrete, so the user's words stay the kind.
  const auto nps = Nouns("a parrot perch beside a drum kit");
  ASSERT_EQ(nps.size(), 2u);
  EXPECT_EQ(nps[0].category, "parrot perch");
  EXPECT_EQ(nps[1].category, "drum kit");
}

TEST(Chunker, MaterialsAndColoursDescribeTheThing) {
  const auto nps = Nouns("a pale marble bench");
  ASSERT_EQ(nps.size(), 1u);
  EXPECT_EQ(nps[0].category, "bench");
  EXPECT_EQ(nps[0].attributes, (std::vector<std::string>{"pale", "marble"}));
}

TEST(Chunker, CountsAndQuantityNouns) {
  auto nps = Nouns("ten thousand chairs");
  ASSERT_EQ(nps.size(), 1u);
  EXPECT_EQ(nps[0].count, 10000);
  nps = Nouns("a pair of slippers and a stack of six crates");
  ASSERT_EQ(nps.size(), 2u);
  EXPECT_EQ(nps[0].count, 2);
  EXPECT_EQ(nps[1].count, 6);
  EXPECT_EQ(nps[1].arrangement, "stack");
  nps = Nouns("a few pebbles");
  ASSERT_EQ(nps.size(), 1u);
  EXPECT_EQ(nps[0].count, 3);
}

TEST(Chunker, AVerbAfterItsSubjectEndsTheNounPhrase) {
  std::vector<Word> words = Tokenize("A ladder leans against the shed. A music stand by the harp.");
  TagWords(&words);
  std::vector<std::string> kinds;
  for (const Item& item : Chunk(words)) kinds.push_back(ItemToString(item, words));
  const std::vector<std::string> expected = {"NP(ladder x1)", "(leans)",  "SP(against)",
                                             "NP(shed)",      "(.)",      "NP(music stand x1)",
                                             "SP(by)",        "NP(harp)", "(.)"};
  EXPECT_EQ(kinds, expected);
}

TEST(Chunker, PronounsAreNounPhrasesOfTheirOwn) {
  const auto nps = Nouns("beside it, near both, next to the latter and each of them");
  ASSERT_EQ(nps.size(), 4u);
  EXPECT_EQ(nps[0].pronoun, "it");
  EXPECT_EQ(nps[1].pronoun, "both");
  EXPECT_EQ(nps[2].pronoun, "latter");
  EXPECT_EQ(nps[3].pronoun, "them");
  EXPECT_TRUE(nps[3].distributive);
}

TEST(NounKind, WordNetDecidesThingsPlacesAndAbstractions) {
  EXPECT_EQ(ClassifyNoun("kayak"), NounKind::kObject);
  EXPECT_EQ(ClassifyNoun("pantry"), NounKind::kIndoorPlace);
  EXPECT_EQ(ClassifyNoun("meadow"), NounKind::kOutdoorPlace);
  EXPECT_EQ(ClassifyNoun("ambience"), NounKind::kAbstract);
  EXPECT_EQ(ClassifyNoun("ceiling"), NounKind::kRoomPart);
  // A compound no dictionary knows is judged by its head's senses.
  EXPECT_EQ(ClassifyNoun("banjo case"), NounKind::kObject);
  // A word no dictionary knows is the user's thing.
  EXPECT_EQ(ClassifyNoun("zorbulator"), NounKind::kObject);
}

}  // namespace
}  // namespace scenecraft
