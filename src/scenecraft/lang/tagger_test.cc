#include "scenecraft/lang/tagger.h"

#include <gtest/gtest.h>

#include <cstdlib>

#include "scenecraft/lang/chunker.h"
#include "scenecraft/lang/wordnet_index.h"

namespace scenecraft {
namespace {

std::vector<Word> Tagged(const std::string& text) {
  std::vector<Word> words = Tokenize(text);
  TagWords(&words);
  return words;
}

TEST(Tagger, SplitsPossessivesKeepsHyphensAndThousands) {
  const std::vector<Word> words = Tokenize("The piano's lid, a king-size quilt and 10,000 beads.");
  std::vector<std::string> texts;
  for (const Word& w : words) texts.push_back(w.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"the", "piano", "'s", "lid", ",", "a", "king-size",
                                             "quilt", "and", "10,000", "beads", "."}));
  EXPECT_TRUE(words[2].possessive);
  // Spans point into the text.
  EXPECT_EQ(words[1].begin, 4);
  EXPECT_EQ(words[1].end, 9);
}

TEST(Tagger, WSlashIsWith) {
  // Typed shorthand: "w/" is "with"; a "w" that is no shorthand stays ("a w/o", "w/2" are not it).
  const std::vector<Word> words = Tokenize("a boat shed w/ two kayaks, W/ oars");
  std::vector<std::string> texts;
  for (const Word& w : words) texts.push_back(w.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"a", "boat", "shed", "with", "two", "kayaks", ",",
                                             "with", "oars"}));
  EXPECT_EQ(words[3].end, 14);  // the slash is the word's
  const std::vector<Word> other = Tokenize("cell w/2");
  EXPECT_EQ(other[1].text, "w");
}

TEST(Tagger, BaseFormsAndPartsOfSpeechComeFromWordNet) {
  const std::vector<Word> words = Tagged("two wolves leaning on crimson benches");
  EXPECT_EQ(words[0].number, 2);
  EXPECT_EQ(words[1].lemma, "wolf");
  EXPECT_TRUE(words[1].plural);
  EXPECT_TRUE(words[2].verb);
  EXPECT_EQ(words[3].word_class, WordClass::kOpen);  // "on" is open: the chunker's phrase table
  EXPECT_TRUE(words[4].adjective);
  EXPECT_EQ(words[5].lemma, "bench");
}

TEST(Tagger, APluralWithSeveralListedBasesTakesTheRegularOne) {
  // WordNet's exception list gives two bases for these plurals, a rarer spelling or a name first.
  const std::vector<Word> words = Tagged("three guilders and two gurnards");
  EXPECT_EQ(words[1].lemma, "guilder");
  EXPECT_EQ(words[4].lemma, "gurnard");
}

TEST(Tagger, AWordNoDictionaryKnowsLosesItsRegularPlural) {
  const std::vector<Word> words = Tagged("two zorblaxes and three quibbets");
  EXPECT_EQ(words[1].lemma, "zorblax");
  EXPECT_TRUE(words[1].plural);
  EXPECT_EQ(words[4].lemma, "quibbet");
}

TEST(Tagger, ClosedClassesAreMarked) {
  const std::vector<Word> words = Tagged("it and which without");
  EXPECT_EQ(words[0].word_class, WordClass::kPronoun);
  EXPECT_EQ(words[1].word_class, WordClass::kConjunction);
  EXPECT_EQ(words[2].word_class, WordClass::kRelative);
  EXPECT_EQ(words[3].word_class, WordClass::kNegation);
}

TEST(Lexicon, SpatialPhrasesMatchTheLongestWording) {
  const std::vector<std::string> words = {"to", "the", "left", "of", "the", "easel"};
  const SpatialPhrase* phrase = MatchSpatialPhrase(words, 0);
  ASSERT_NE(phrase, nullptr);
  EXPECT_EQ(phrase->meaning, Meaning::kLeftOf);
  EXPECT_EQ(phrase->words.size(), 4u);
  const std::vector<std::string> foot = {"at", "the", "foot", "of", "the", "cot"};
  ASSERT_NE(MatchSpatialPhrase(foot, 0), nullptr);
  EXPECT_EQ(MatchSpatialPhrase(foot, 0)->meaning, Meaning::kAtFoot);
  EXPECT_EQ(MatchSpatialPhrase({"quietly"}, 0), nullptr);
}

TEST(Lexicon, NumberWords) {
  EXPECT_EQ(NumberValue("seventeen"), 17);
  EXPECT_EQ(NumberValue("thirty-two"), 32);
  EXPECT_EQ(NumberValue("2,500"), 2500);
  EXPECT_FALSE(NumberValue("teapot").has_value());
  EXPECT_TRUE(IsMultiplier("thousand"));
}

}  // namespace
}  // namespace scenecraft

namespace scenecraft {
namespace {

// The mapped dictionary is searched like libwordnet's bin_search: by the first field of sorted
// lines, with a header whose first field is empty.
TEST(WordNetIndex, LowerBoundLineFindsEveryKeyAndTheGapsBetween) {
  const std::string text = "  1 licence header\n  2 more\nbed n 1\nbed_frame n 2\nbench n 3\nz n 4";
  auto line_of = [&](std::string_view key) {
    const size_t at = LowerBoundLine(text, key);
    return at >= text.size() ? std::string("(end)") : text.substr(at, text.find('\n', at) - at);
  };
  EXPECT_EQ(line_of("bed"), "bed n 1");
  EXPECT_EQ(line_of("bed_frame"), "bed_frame n 2");
  EXPECT_EQ(line_of("bench"), "bench n 3");
  EXPECT_EQ(line_of("z"), "z n 4");
  EXPECT_EQ(line_of("bee"), "bench n 3");  // the next key
  EXPECT_EQ(line_of("a"), "bed n 1");
  EXPECT_EQ(line_of("zz"), "(end)");
  EXPECT_EQ(LowerBoundLine("", "bed"), 0u);
}

TEST(WordNetIndex, AnswersFromTheMappedFiles) {
  WordNetIndex index;
  const char* dir = std::getenv("WNSEARCHDIR");
  ASSERT_TRUE(index.Load(dir != nullptr ? dir : "/usr/share/wordnet"));  // Debian's wordnet
  std::vector<long> offsets;
  ASSERT_TRUE(index.Offsets("chair", 1, &offsets));
  EXPECT_GE(offsets.size(), 4u);
  EXPECT_FALSE(index.Offsets("qzxv", 1, &offsets));
  EXPECT_EQ(index.Morph("shelves", 1), "shelf");
  EXPECT_EQ(index.Morph("benches", 1), "bench");
  EXPECT_EQ(index.Morph("leaning", 2), "lean");
  EXPECT_GT(index.TagCount("table", 1), 0);
  SynsetRecord s;
  ASSERT_TRUE(index.Offsets("shelf", 1, &offsets));
  ASSERT_TRUE(index.NounSynset(offsets[0], &s));
  EXPECT_TRUE(s.part);  // a shelf is part of a bookcase
  EXPECT_FALSE(s.hypernyms.empty());
}

}  // namespace
}  // namespace scenecraft
