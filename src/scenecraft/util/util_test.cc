#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <limits>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("scenecraft_util_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(Strings, FormatNumberDropsTrailingZeros) {
  EXPECT_EQ(FormatNumber(0.5), "0.5");
  EXPECT_EQ(FormatNumber(12.0), "12");
  EXPECT_EQ(FormatNumber(-0.0001), "0");
  EXPECT_EQ(FormatNumber(1.23456, 2), "1.23");
}

TEST(Strings, SplitJoinTrimReplace) {
  EXPECT_EQ(Split("a,,b", ','), (std::vector<std::string>{"a", "", "b"}));
  EXPECT_EQ(Join({"a", "b"}, ", "), "a, b");
  EXPECT_EQ(Trim("  x y \n"), "x y");
  EXPECT_EQ(ReplaceAll("a'b'c", "'", "\\u0027"), "a\\u0027b\\u0027c");
}

TEST(Files, WriteFileAtomicCreatesParentsAndReplaces) {
  const fs::path dir = TempDir("atomic");
  const fs::path file = dir / "a" / "b.txt";
  WriteFileAtomic(file, "one");
  WriteFileAtomic(file, "two");
  EXPECT_EQ(ReadFile(file), "two");
  // No temporary files are left behind.
  EXPECT_EQ(std::distance(fs::directory_iterator(file.parent_path()), fs::directory_iterator()), 1);
}

TEST(Files, ReadMissingFileNamesThePath) {
  try {
    ReadFile("/nonexistent/dir/scene.json");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/scene.json"), std::string::npos);
  }
}

TEST(Files, TailLines) {
  EXPECT_EQ(TailLines("a\nb\nc\n", 2), "b\nc\n");
  EXPECT_EQ(TailLines("a\nb", 5), "a\nb");
}

TEST(Json, SyntaxErrorNamesLineAndColumn) {
  try {
    ParseJson("{\n  \"a\": 1,\n  \"b\": ]\n}", "scene.json");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("scene.json:3:"), std::string::npos) << e.what();
  }
}

TEST(Json, ReaderReportsUnknownKeysAndWrongTypesTogether) {
  const nlohmann::json j = ParseJson(R"({"name": 3, "extra": true, "size": [1, 2]})", "t");
  JsonProblems problems;
  JsonObjectReader r(j, "", &problems);
  EXPECT_FALSE(r.String("name").has_value());
  EXPECT_FALSE(r.NumberArray("size", 3).has_value());
  EXPECT_FALSE(r.Number("missing", /*required=*/true).has_value());
  r.Finish();
  ASSERT_EQ(problems.size(), 4u) << problems.ToString("t");
  EXPECT_EQ(problems.problems()[0].pointer, "/name");
  EXPECT_EQ(problems.problems()[1].pointer, "/size");
  EXPECT_EQ(problems.problems()[2].pointer, "/missing");
  EXPECT_EQ(problems.problems()[3].pointer, "/extra");
}

TEST(Json, PointerEscapesSlashAndTilde) {
  EXPECT_EQ(JsonPointerAppend("/a", "b/c~d"), "/a/b~1c~0d");
  EXPECT_EQ(JsonPointerAppend("", size_t{3}), "/3");
}

TEST(Json, NumberBeyondADoubleIsAnErrorWithItsPlaceNotAnAbort) {
  try {
    ParseJson("{\n  \"a\": [1,\n    1e400]}", "x.json");
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("x.json:3:5: invalid JSON: number overflow parsing '1e400'"),
              std::string::npos)
        << what;
  }
  EXPECT_THROW(ParseJson("[-1e999]", "x"), Error);
}

TEST(Json, SyntaxErrorQuotesOnlyAnExcerptOfAHugeToken) {
  const std::string huge = "[\"" + std::string(1 << 20, 'x');  // an unterminated 1 MB string
  try {
    ParseJson(huge, "reply");
    FAIL();
  } catch (const Error& e) {
    EXPECT_LT(std::string(e.what()).size(), 600u) << e.what();
  }
}

TEST(Json, IntegerPolicyRejectsFractionsOverflowAndRange) {
  const nlohmann::json doc = ParseJson(
      R"({"ok": 7, "big": 1e20, "huge": 18446744073709551615, "half": 2.5, "neg": -1,
          "word": "7", "whole_float": 3.0})",
      "doc");
  JsonProblems problems;
  JsonObjectReader r(doc, "", &problems);
  EXPECT_EQ(r.Integer("ok", 0, 10), 7);
  EXPECT_EQ(r.Integer("whole_float", 0, 10), 3);
  EXPECT_FALSE(r.Integer("big", 0, 1000000));
  EXPECT_FALSE(r.Integer("huge", 0, std::numeric_limits<int64_t>::max()));
  EXPECT_FALSE(r.Integer("half", 0, 10));
  EXPECT_FALSE(r.Integer("neg", 0, 10));
  EXPECT_FALSE(r.Integer("word", 0, 10));
  r.Finish();
  const std::string text = problems.ToString("doc");
  EXPECT_EQ(problems.size(), 5u) << text;
  EXPECT_NE(text.find("doc: /big: expected an integer from 0 to 1000000, found 1e+20"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("/huge: expected an integer from 0 to 9223372036854775807, found "
                      "18446744073709551615"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("/half: expected an integer from 0 to 10, found 2.5"), std::string::npos);
  EXPECT_NE(text.find("/word: expected an integer from 0 to 10, found a string"),
            std::string::npos);
}

TEST(Json, ProblemsAreCappedAndShort) {
  JsonProblems problems;
  for (int i = 0; i < 1000; ++i) problems.Add("/x", std::string(10000, 'y'));
  EXPECT_EQ(problems.size(), 1000u);
  EXPECT_EQ(problems.problems().size(), JsonProblems::kMaxProblems);
  const std::string text = problems.ToString("f");
  EXPECT_LT(text.size(), 100000u);
  EXPECT_NE(text.find("... and 900 more"), std::string::npos);
}

TEST(Strings, ExcerptCutsAtACharacterAndSaysTheLength) {
  EXPECT_EQ(Excerpt("short", 10), "short");
  EXPECT_EQ(Excerpt("abcdef", 3), "abc... (6 bytes)");
  // "é" is two bytes: a cut inside it backs up before it.
  EXPECT_EQ(Excerpt("a\xC3\xA9z", 2), "a... (4 bytes)");
}

TEST(Strings, ControlAndBidiCharactersAreFoundAndEscaped) {
  EXPECT_EQ(FindControlCharacter("chair_1"), "");
  EXPECT_EQ(FindControlCharacter("caf\xC3\xA9 \xE6\xA4\x85\xE5\xAD\x90"), "");  // é, 椅子
  EXPECT_EQ(FindControlCharacter("a\x1b[2J"), "U+001B");
  EXPECT_EQ(FindControlCharacter("lamp\xE2\x80\xAEtxt.exe"), "U+202E");  // right-to-left override
  EXPECT_EQ(FindControlCharacter("x\xC2\x9B"), "U+009B");                // C1 CSI
  EXPECT_EQ(FindControlCharacter("x\xE2\x81\xA6y"), "U+2066");           // left-to-right isolate
  EXPECT_EQ(FindControlCharacter("bad\xFF"), "byte 0xFF");
  EXPECT_EQ(EscapeControls("title\x1b]0;pwned\x07 ok\n"), "title\\x1b]0;pwned\\x07 ok\n");
  EXPECT_EQ(EscapeControls("a\xE2\x80\xAE"
                           "b"),
            "a<U+202E>b");
  EXPECT_EQ(EscapeControls("a\nb\tc", /*keep_newlines=*/false), "a\\nb\\tc");
  EXPECT_EQ(EscapeControls("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(Strings, SpaceOutControlsLeavesOnlyPrintableUtf8) {
  // An overlong three-byte sequence (E0 96 8B), a lone continuation byte, a C1 control, a bidi
  // override, a terminal escape, a tab and a newline each become spaces; real text is kept.
  EXPECT_EQ(SpaceOutControls("table\xE0\x96\x8B"), "table   ");
  EXPECT_EQ(SpaceOutControls("a\x8B"
                             "b"),
            "a b");
  EXPECT_EQ(SpaceOutControls("a\xC2\x9B"
                             "b\xE2\x80\xAE"
                             "c\x1b"
                             "d\te\nf"),
            "a b c d e f");
  EXPECT_EQ(SpaceOutControls("caf\xC3\xA9 \xE6\xA1\x8C"), "caf\xC3\xA9 \xE6\xA1\x8C");
  EXPECT_EQ(SpaceOutControls("\xED\xA0\x80"), "   ");  // a UTF-16 surrogate is not UTF-8
  EXPECT_TRUE(FindControlCharacter(SpaceOutControls("x\xF4\x90\x80\x80\xC0\xAF")).empty());
}

TEST(Subprocess, CapturesOutputAndExitCode) {
  const fs::path dir = TempDir("proc");
  RealProcessLauncher launcher;
  ProcessSpec spec;
  spec.argv = {"sh", "-c", "echo hello $SC_TEST_VAR; exit 3"};
  spec.env = {{"SC_TEST_VAR", "world"}};
  spec.log_path = dir / "log.txt";
  const ProcessResult result = launcher.Run(spec);
  EXPECT_TRUE(result.started);
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(ReadFile(spec.log_path), "hello world\n");
}

TEST(Subprocess, TimeoutKillsTheProcessGroup) {
  RealProcessLauncher launcher;
  ProcessSpec spec;
  spec.argv = {"sh", "-c", "sleep 30 & sleep 30"};
  spec.timeout_s = 0.3;
  const ProcessResult result = launcher.Run(spec);
  EXPECT_TRUE(result.timed_out);
  EXPECT_LT(result.wall_s, 5.0);
}

TEST(Subprocess, MissingProgramDoesNotStart) {
  RealProcessLauncher launcher;
  ProcessSpec spec;
  spec.argv = {"scenecraft-no-such-program"};
  const ProcessResult result = launcher.Run(spec);
  EXPECT_FALSE(result.started);
  EXPECT_NE(result.start_error.find("not found"), std::string::npos);
}

}  // namespace
}  // namespace scenecraft
