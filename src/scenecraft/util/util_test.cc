#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

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
