#include "scenecraft/assets/properties.h"

#include <gtest/gtest.h>

#include "scenecraft/util/error.h"

namespace scenecraft {
namespace {

TEST(Properties, ReadsKeysValuesAndSeparators) {
  const Properties p = Properties::Parse(
      "# comment\n! also a comment\nname#1=Chair\nwidth#1 : 45.5\nheight#1 90\n  depth#1=\n",
      "test");
  EXPECT_EQ(p.Get("name#1"), "Chair");
  EXPECT_EQ(p.Get("width#1"), "45.5");
  EXPECT_EQ(p.Get("height#1"), "90");
  EXPECT_EQ(p.Get("depth#1"), "");
  EXPECT_EQ(p.Find("# comment"), nullptr);
  EXPECT_EQ(p.entries().size(), 4u);
  EXPECT_DOUBLE_EQ(p.GetNumber("width#1", 0), 45.5);
  EXPECT_DOUBLE_EQ(p.GetNumber("missing", 7), 7);
}

TEST(Properties, JoinsContinuationLinesAndDropsTheirLeadingBlanks) {
  const Properties p =
      Properties::Parse("tags#1=Sofa, \\\n    Seat, \\\r\n  Couch\nnext=1\r\nlast=\\\\\n", "test");
  EXPECT_EQ(p.Get("tags#1"), "Sofa, Seat, Couch");
  EXPECT_EQ(p.Get("next"), "1");
  EXPECT_EQ(p.Get("last"), "\\");  // an even number of backslashes does not continue
  EXPECT_EQ(p.Find("tags#1")->line, 1);
  EXPECT_EQ(p.Find("next")->line, 4);
}

TEST(Properties, DecodesUnicodeEscapesAndEscapedSeparators) {
  const Properties p = Properties::Parse(
      "name=Caf\\u00e9 \\u00e0 la carte\nkey\\=with\\:colon=v\\tx\nemoji=\\ud83d\\ude00\n", "test");
  EXPECT_EQ(p.Get("name"), "Caf\xc3\xa9 \xc3\xa0 la carte");
  EXPECT_EQ(p.Get("key=with:colon"), "v\tx");
  EXPECT_EQ(p.Get("emoji"), "\xf0\x9f\x98\x80");
}

TEST(Properties, ReadsLatin1AsUtf8) {
  // Java writes .properties in ISO-8859-1: the byte 0xA9 is the copyright sign.
  const Properties p = Properties::Parse("license=Copyright \xa9 2008\n", "test");
  EXPECT_EQ(p.Get("license"), "Copyright \xc2\xa9 2008");
  EXPECT_EQ(Latin1ToUtf8IfNeeded("already \xc2\xa9"), "already \xc2\xa9");
}

TEST(Properties, MalformedEscapeOrNumberNamesFileAndLine) {
  try {
    Properties::Parse("a=1\nb=\\u12G4\n", "cat.properties");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "cat.properties:2: malformed \\u escape (needs four hex digits)");
  }
  const Properties p = Properties::Parse("\n\nwidth#3=wide\n", "cat.properties");
  try {
    p.GetNumber("width#3", 0);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "cat.properties:3: width#3 is not a number: 'wide'");
  }
}

}  // namespace
}  // namespace scenecraft
