#include "scenecraft/util/paths.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

fs::path FreshDir(const std::string& name) {
  const fs::path dir = fs::path(SCENECRAFT_BINARY_DIR) / "test_tmp" /
                       ("paths_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string Why(std::string_view base, std::string_view reference) {
  try {
    NormalizeReference(base, reference);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(Paths, NormalizesNamesThatStayInside) {
  EXPECT_EQ(NormalizeReference("", "a/b.obj"), "a/b.obj");
  EXPECT_EQ(NormalizeReference("models/chair", "../tex/wood.jpg"), "models/tex/wood.jpg");
  EXPECT_EQ(NormalizeReference("m", "./x//y.png"), "m/x/y.png");
  EXPECT_EQ(NormalizeReference("m", "tex\\wood.jpg"), "m/tex/wood.jpg");
}

TEST(Paths, RefusesNamesThatLeaveOrAreOdd) {
  EXPECT_NE(Why("", "../x"), "");
  EXPECT_NE(Why("a", "../../x"), "");
  EXPECT_NE(Why("", "a/../../x"), "");
  EXPECT_NE(Why("", "/etc/passwd"), "");
  EXPECT_NE(Why("", "//server/share/x"), "");
  EXPECT_NE(Why("", "\\\\server\\x"), "");
  EXPECT_NE(Why("", "C:/Users/x.jpg"), "");
  EXPECT_NE(Why("", std::string("a\0b", 3)), "");
  EXPECT_NE(Why("", "a\nb"), "");
  EXPECT_NE(Why("", ""), "");
  EXPECT_NE(Why("a", ".."), "");
  // The message quotes the name with odd bytes escaped.
  EXPECT_NE(Why("", "/x\x1b[2J").find("\\x1b"), std::string::npos) << Why("", "/x\x1b[2J");
}

TEST(Paths, RefusesASymlinkLeadingOut) {
  const fs::path dir = FreshDir("symlink");
  const fs::path root = dir / "root";
  fs::create_directories(root / "inside");
  fs::create_directories(dir / "outside");
  fs::create_directory_symlink(dir / "outside", root / "out");
  fs::create_directory_symlink(root / "inside", root / "in");
  WriteFileAtomic(dir / "outside" / "secret.txt", "x");
  fs::create_symlink(dir / "outside" / "secret.txt", root / "secret.txt");
  EXPECT_EQ(ResolveInside(root, "", "in/a.txt"), root / "in/a.txt");
  EXPECT_THROW(ResolveInside(root, "", "out/a.txt"), Error);
  EXPECT_THROW(ResolveInside(root, "", "secret.txt"), Error);
  EXPECT_THROW(ResolveInside(root, "inside", "../out/new/file.txt"), Error);
  EXPECT_TRUE(IsInside(root, root / "inside" / "x"));
  EXPECT_FALSE(IsInside(root / "inside", root / "insider"));
}

TEST(Paths, PrivateDirectoryIsCreatedOwnedAndChecked) {
  const fs::path dir = FreshDir("private");
  const fs::path mine = dir / "cache";
  EnsurePrivateDirectory(mine);
  struct stat st {};
  ASSERT_EQ(::lstat(mine.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  EnsurePrivateDirectory(mine);  // again: it is ours

  const fs::path open = dir / "open";
  fs::create_directory(open);
  fs::permissions(open, fs::perms::all);
  EXPECT_THROW(EnsurePrivateDirectory(open), Error);

  const fs::path link = dir / "link";
  fs::create_directory_symlink(mine, link);
  EXPECT_THROW(EnsurePrivateDirectory(link), Error);

  if (::geteuid() == 0) {  // only root can give a folder away
    const fs::path theirs = dir / "theirs";
    fs::create_directory(theirs);
    fs::permissions(theirs, fs::perms::owner_all, fs::perm_options::replace);
    ASSERT_EQ(::chown(theirs.c_str(), 65534, 65534), 0);
    try {
      EnsurePrivateDirectory(theirs);
      ADD_FAILURE() << "a folder of another user was accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("belongs to user id 65534"), std::string::npos)
          << e.what();
    }
  }
}

}  // namespace
}  // namespace scenecraft
