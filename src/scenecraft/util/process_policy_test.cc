// The signal policy for child processes and the output-folder protocol (issue 11): an interrupt
// stops the child's whole group and throws Interrupted; Blender's environment leaves secrets out;
// -o DIR is locked, checked, and only ever changed in the files the tool wrote.
#include <signal.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/output_dir.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() /
                 ("scenecraft_policy_test_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

bool Alive(pid_t pid) {
  // A zombie still answers kill(pid, 0); it is gone once its new parent reaped it.
  for (int i = 0; i < 100; ++i) {
    if (::kill(pid, 0) != 0) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

TEST(Interrupt, StopsTheChildGroupEvenWhenItIgnoresSigterm) {
  const fs::path dir = TempDir("interrupt");
  RealProcessLauncher launcher;
  ProcessSpec spec;
  // The shell ignores SIGTERM and starts a grandchild: both must be gone after the interrupt.
  spec.argv = {"sh", "-c",
               "trap '' TERM; sleep 60 & echo $! > " + (dir / "pid").string() + "; wait; wait"};
  std::thread interrupter([] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    SetInterruptSignalForTesting(SIGINT);
  });
  const auto start = std::chrono::steady_clock::now();
  try {
    launcher.Run(spec);
    ADD_FAILURE() << "Run returned although the tool was interrupted";
  } catch (const Interrupted& e) {
    EXPECT_EQ(e.signal(), SIGINT);
    EXPECT_EQ(e.exit_code(), 130);
  }
  interrupter.join();
  SetInterruptSignalForTesting(0);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 0.3 + kStopGraceSeconds + 1.0);
  const pid_t grandchild = static_cast<pid_t>(std::stol(ReadFile(dir / "pid")));
  EXPECT_FALSE(Alive(grandchild));
  fs::remove_all(dir);
}

TEST(Interrupt, IsNotAnErrorSoLoopsThatSkipErrorsStop) {
  SetInterruptSignalForTesting(SIGTERM);
  EXPECT_THROW(ThrowIfInterrupted(), Interrupted);
  try {
    ThrowIfInterrupted();
  } catch (const Error&) {
    ADD_FAILURE() << "Interrupted must not be caught as Error";
  } catch (const Interrupted& e) {
    EXPECT_EQ(e.exit_code(), 143);
    EXPECT_STREQ(e.what(), "interrupted by SIGTERM");
  }
  SetInterruptSignalForTesting(0);
  EXPECT_NO_THROW(ThrowIfInterrupted());
}

TEST(Subprocess, DroppedVariablesDoNotReachTheChild) {
  const fs::path dir = TempDir("env");
  ::setenv("SCENECRAFT_API_KEY", "sk-secret-1", 1);
  ::setenv("SC_TEST_TOKEN", "tok-secret-2", 1);
  ::setenv("SC_TEST_PLAIN", "plain", 1);
  RealProcessLauncher launcher;
  ProcessSpec spec;
  spec.argv = {"sh", "-c",
               "echo ${SCENECRAFT_API_KEY:-none} ${SC_TEST_TOKEN:-none} ${SC_TEST_PLAIN:-none}"};
  spec.drop_env = {"SCENECRAFT_API_KEY", "*_TOKEN"};
  spec.log_path = dir / "log.txt";
  EXPECT_TRUE(launcher.Run(spec).ok());
  EXPECT_EQ(ReadFile(spec.log_path), "none none plain\n");
  ::unsetenv("SCENECRAFT_API_KEY");
  ::unsetenv("SC_TEST_TOKEN");
  ::unsetenv("SC_TEST_PLAIN");
  EXPECT_TRUE(EnvNameMatches("OPENAI_API_KEY", "*_KEY"));
  EXPECT_TRUE(EnvNameMatches("AWS_REGION", "AWS_*"));
  EXPECT_FALSE(EnvNameMatches("KEYBOARD", "*_KEY"));
  EXPECT_FALSE(EnvNameMatches("PATH", ""));
  fs::remove_all(dir);
}

const std::vector<std::string> kOutputs = {"scene.py", "render.png", "report.html"};

TEST(OutputDir, RefusesFilesTheToolDidNotWriteUnlessForced) {
  const fs::path dir = TempDir("foreign");
  WriteFileAtomic(dir / "scene.py", "mine");
  try {
    OutputDir out(dir, kOutputs, /*force=*/false);
    ADD_FAILURE() << "a user's scene.py was not refused";
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("did not write: scene.py"), std::string::npos) << what;
    EXPECT_NE(what.find("--force"), std::string::npos) << what;
  }
  EXPECT_EQ(ReadFile(dir / "scene.py"), "mine");
  {
    OutputDir out(dir, kOutputs, /*force=*/true);
    WriteFileAtomic(out.work() / "scene.py", "new");
    out.Commit();
  }
  EXPECT_EQ(ReadFile(dir / "scene.py"), "new");
  // Now the tool wrote it, so the next run needs no --force.
  EXPECT_NO_THROW(OutputDir(dir, kOutputs, /*force=*/false));
  fs::remove_all(dir);
}

TEST(OutputDir, CommitReplacesOnlyTheToolsOwnEarlierFiles) {
  const fs::path dir = TempDir("commit");
  WriteFileAtomic(dir / "notes.txt", "user notes");
  {
    OutputDir out(dir, kOutputs, false);
    WriteFileAtomic(out.work() / "scene.py", "run 1");
    WriteFileAtomic(out.work() / "render.png", "run 1");
    EXPECT_EQ(out.Commit(), (std::vector<std::string>{"scene.py", "render.png"}));
  }
  {
    OutputDir out(dir, kOutputs, false);
    WriteFileAtomic(out.work() / "scene.py", "run 2");
    out.Commit();
  }
  EXPECT_EQ(ReadFile(dir / "scene.py"), "run 2");
  EXPECT_FALSE(fs::exists(dir / "render.png"));  // run 1's render would not match run 2's script
  EXPECT_EQ(ReadFile(dir / "notes.txt"), "user notes");
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().filename().string().rfind(OutputDir::kWorkPrefix, 0), std::string::npos)
        << entry.path();
  }
  fs::remove_all(dir);
}

TEST(OutputDir, WithoutCommitTheFolderKeepsThePreviousResult) {
  const fs::path dir = TempDir("abort");
  {
    OutputDir out(dir, kOutputs, false);
    WriteFileAtomic(out.work() / "scene.py", "complete");
    out.Commit();
  }
  fs::path work;
  {
    OutputDir out(dir, kOutputs, false);
    work = out.work();
    WriteFileAtomic(out.work() / "scene.py", "half");
  }
  EXPECT_EQ(ReadFile(dir / "scene.py"), "complete");
  EXPECT_FALSE(fs::exists(work));
  fs::remove_all(dir);
}

TEST(OutputDir, AFolderTheRunCreatedAndFilledWithNothingIsRemovedAgain) {
  const fs::path parent = TempDir("created");
  const fs::path dir = parent / "out";
  {
    OutputDir out(dir, kOutputs, false);
    WriteFileAtomic(out.work() / "scene.py", "half");
    EXPECT_TRUE(fs::exists(dir / OutputDir::kLock));
  }
  EXPECT_FALSE(fs::exists(dir)) << "an interrupted first run left its folder";
  // A file of the user's that appeared meanwhile keeps the folder (and only it stays).
  {
    OutputDir out(dir, kOutputs, false);
    WriteFileAtomic(dir / "notes.txt", "mine");
  }
  EXPECT_EQ(ReadFile(dir / "notes.txt"), "mine");
  EXPECT_FALSE(fs::exists(dir / OutputDir::kLock));
  fs::remove(dir / "notes.txt");
  fs::remove(dir);
  // A run that committed keeps its folder.
  {
    OutputDir out(dir, kOutputs, false);
    WriteFileAtomic(out.work() / "scene.py", "complete");
    out.Commit();
  }
  EXPECT_EQ(ReadFile(dir / "scene.py"), "complete");
  fs::remove_all(parent);
}

TEST(OutputDir, ASecondRunIntoTheSameFolderIsRefused) {
  const fs::path dir = TempDir("lock");
  OutputDir first(dir, kOutputs, false);
  try {
    OutputDir second(dir, kOutputs, false);
    ADD_FAILURE() << "two runs hold one folder";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("another scenecraft run"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

TEST(OutputDir, SymlinksAreReplacedNeverFollowedAndManifestsNameOnlyOutputs) {
  const fs::path dir = TempDir("links");
  const fs::path outside = TempDir("links_outside");
  WriteFileAtomic(outside / "precious.txt", "precious");
  fs::create_directory_symlink(outside, dir / "rounds");
  fs::create_symlink(outside / "precious.txt", dir / "scene.py");
  // A manifest that names files which are not outputs cannot make the tool remove them.
  WriteFileAtomic(dir / OutputDir::kManifest, "precious.txt\nrounds\n../x\n");
  WriteFileAtomic(dir / "precious.txt", "kept");
  {
    OutputDir out(dir, kOutputs, /*force=*/true);
    WriteFileAtomic(out.work() / "scene.py", "script");
    out.Commit();
  }
  EXPECT_EQ(ReadFile(outside / "precious.txt"), "precious");
  EXPECT_FALSE(fs::is_symlink(dir / "scene.py"));
  EXPECT_EQ(ReadFile(dir / "scene.py"), "script");
  EXPECT_TRUE(fs::is_symlink(dir / "rounds"));
  EXPECT_EQ(ReadFile(dir / "precious.txt"), "kept");
  fs::remove_all(dir);
  fs::remove_all(outside);
}

TEST(OutputDir, InDirNamesTheCommittedPlace) {
  const fs::path dir = TempDir("names");
  OutputDir out(dir, kOutputs, false);
  EXPECT_EQ(out.InDir("failed at " + (out.work() / "scene.py").string()),
            "failed at " + (dir / "scene.py").string());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft
