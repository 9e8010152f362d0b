// Issue 11 at the user's level: the real `scenecraft` binary and the real Blender. Ctrl-C during a
// long Cycles render, files of the user's in -o DIR, two runs into one folder, a missing Blender,
// timeouts, and what Blender's environment holds.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "scenecraft/util/files.h"
#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/output_dir.h"
#include "scenecraft/util/subprocess.h"

extern char** environ;

namespace scenecraft {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const std::string kBinary = std::string(SCENECRAFT_BINARY_DIR) + "/scenecraft";
// Small and fast, for runs that must finish.
const std::vector<std::string> kQuick = {"--rounds",  "0", "--engine",     "workbench",
                                         "--samples", "1", "--resolution", "160x120"};
// A Cycles render that takes minutes, for runs that are stopped.
const std::string kLongSamples = "4000";
const std::vector<std::string> kLong = {"--rounds",  "0",          "--engine",     "cycles",
                                        "--samples", kLongSamples, "--resolution", "1280x960"};

fs::path FreshDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_safety_it_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct CliRun {
  int exit_code = -1;
  std::string output;  // stdout and stderr
};

CliRun RunCli(const std::vector<std::string>& args, const fs::path& log,
              std::vector<std::pair<std::string, std::string>> env = {}) {
  ProcessSpec spec;
  spec.argv = {kBinary};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env = std::move(env);
  spec.log_path = log;
  spec.timeout_s = 600;
  RealProcessLauncher launcher;
  const ProcessResult result = launcher.Run(spec);
  return {result.exit_code, ReadFile(log)};
}

// Starts the binary without waiting; stdout and stderr go to `log`.
pid_t StartCli(const std::vector<std::string>& args, const fs::path& log) {
  std::vector<std::string> all = {kBinary};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, kBinary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  EXPECT_EQ(error, 0);
  return pid;
}

int WaitExit(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Waits until the log holds `text`; false after `seconds`.
bool WaitForLog(const fs::path& log, const std::string& text, double seconds) {
  const auto start = Clock::now();
  while (Since(start) < seconds) {
    std::ifstream in(log);
    const std::string content((std::istreambuf_iterator<char>(in)), {});
    if (content.find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

// The children of a process (from /proc).
std::vector<pid_t> Children(pid_t parent) {
  std::vector<pid_t> out;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(entry.path() / "stat");
    std::string line;
    std::getline(stat, line);
    const size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    char state = 0;
    int ppid = 0;
    if (sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) == 2 && ppid == parent) {
      out.push_back(std::stoi(name));
    }
  }
  return out;
}

// Whether a process still runs (a zombie waiting to be reaped does not).
bool Running(pid_t pid) {
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  const size_t close = line.rfind(')');
  return close != std::string::npos && close + 2 < line.size() && line[close + 2] != 'Z';
}

// Every file of a folder (not below it) with its contents.
std::map<std::string, std::string> Snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    files[name] = entry.is_regular_file() ? ReadFile(entry.path()) : "<not a file>";
  }
  return files;
}

// Whether Blender's log in a run's private folder inside `out` shows Cycles past its first sample
// of `samples` (the loop's previews, in the same folder, render one Cycles sample of their own).
bool Rendering(const fs::path& out, const std::string& samples) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(out, ec)) {
    if (entry.path().filename().string().rfind(OutputDir::kWorkPrefix, 0) != 0) continue;
    std::ifstream in(entry.path() / "blender.log");
    const std::string log((std::istreambuf_iterator<char>(in)), {});
    const std::string total = "/" + samples;
    for (size_t at = log.find("Sample "); at != std::string::npos;
         at = log.find("Sample ", at + 1)) {
      const size_t slash = log.find_first_not_of("0123456789", at + 7);
      if (slash != std::string::npos && slash > at + 7 && log[at + 7] != '0' &&
          log.compare(slash, total.size(), total) == 0) {
        return true;
      }
    }
  }
  return false;
}

struct Stopped {
  int exit_code = -1;
  double blender_gone_s = -1;  // from the signal until Blender no longer runs
  double exit_s = -1;          // from the signal until the tool exited
  std::string log;
};

// Starts `args`, waits until Blender renders Cycles samples for the final render (not merely
// started), sends `signal` to the tool and measures how long Blender and the tool take to go.
Stopped StopDuringTheFinalRender(const std::vector<std::string>& args, const fs::path& out,
                                 const fs::path& log, int signal) {
  Stopped stopped;
  const pid_t tool = StartCli(args, log);
  const auto start = Clock::now();
  while (
      !(Rendering(out, kLongSamples) && ReadFile(log).find("final render") != std::string::npos) &&
      Since(start) < 300) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const std::vector<pid_t> blender = Children(tool);
  EXPECT_TRUE(Rendering(out, kLongSamples)) << ReadFile(log);
  EXPECT_EQ(blender.size(), 1u) << "Blender should be rendering";
  const auto signalled = Clock::now();
  kill(tool, signal);
  while (!blender.empty() && Running(blender[0]) && Since(signalled) < 10) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  stopped.blender_gone_s = Since(signalled);
  stopped.exit_code = WaitExit(tool);
  stopped.exit_s = Since(signalled);
  stopped.log = ReadFile(log);
  return stopped;
}

TEST(InterruptIntegration, CtrlCDuringALongCyclesRenderStopsBlenderAndKeepsThePreviousResult) {
  const fs::path dir = FreshDir("ctrl_c");
  const fs::path out = dir / "out";
  // A fresh folder, SIGTERM: the stopped run leaves nothing (the folder it made goes again).
  std::vector<std::string> fresh = {"generate", "A red chair next to a sofa.", "-o", out.string()};
  fresh.insert(fresh.end(), kLong.begin(), kLong.end());
  const Stopped first = StopDuringTheFinalRender(fresh, out, dir / "fresh.log", SIGTERM);
  EXPECT_EQ(first.exit_code, 143) << first.log;
  EXPECT_LE(first.blender_gone_s, 2.0);
  EXPECT_FALSE(fs::exists(out)) << "an interrupted first run left " << out;

  // A complete result, then the same folder with a long final render, stopped by Ctrl-C.
  std::vector<std::string> complete = {"-q", "generate", "A lamp on a wooden desk.", "-o",
                                       out.string()};
  complete.insert(complete.end(), kQuick.begin(), kQuick.end());
  const CliRun done = RunCli(complete, dir / "complete.log");
  ASSERT_TRUE(done.exit_code == 0 || done.exit_code == 3) << done.output;
  const auto before = Snapshot(out);
  const Stopped second = StopDuringTheFinalRender(fresh, out, dir / "second.log", SIGINT);
  EXPECT_LE(second.blender_gone_s, 2.0);
  EXPECT_EQ(second.exit_code, 130) << second.log;
  EXPECT_LT(second.exit_s, 3.0);
  EXPECT_NE(second.log.find("interrupted by SIGINT"), std::string::npos) << second.log;
  // The folder is exactly the previous complete result: no new file, no work folder.
  EXPECT_EQ(Snapshot(out), before);
  std::printf(
      "SIGTERM, Ctrl-C during Cycles: Blender gone after %.2f s and %.2f s, tool exit "
      "after %.2f s and %.2f s\n",
      first.blender_gone_s, second.blender_gone_s, first.exit_s, second.exit_s);
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(InterruptIntegration, AHangingModelCallIsCutAtTheDeadlineAndLeavesNoWorkFolder) {
  const fs::path dir = FreshDir("hang");
  const fs::path out = dir / "out";
  // A server that accepts connections and never answers: the planner's HTTP call hangs.
  const int server = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(server, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(listen(server, 8), 0);
  socklen_t length = sizeof(address);
  getsockname(server, reinterpret_cast<sockaddr*>(&address), &length);
  const std::string url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/v1";
  setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
  setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);
  std::vector<std::string> args = {"generate",    "A lamp on a wooden desk.",
                                   "-o",          out.string(),
                                   "--planner",   "llm",
                                   "--llm-url",   url,
                                   "--llm-model", "never-answers",
                                   "--no-cache"};
  args.insert(args.end(), kQuick.begin(), kQuick.end());
  const pid_t tool = StartCli(args, dir / "run.log");
  ASSERT_TRUE(WaitForLog(dir / "run.log", "plan: reading", 120)) << ReadFile(dir / "run.log");
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const auto interrupted = Clock::now();
  kill(tool, SIGINT);
  const int exit_code = WaitExit(tool);
  const double exit_s = Since(interrupted);
  close(server);
  unsetenv("XDG_CONFIG_HOME");
  unsetenv("XDG_CACHE_HOME");
  EXPECT_EQ(exit_code, 130) << ReadFile(dir / "run.log");
  EXPECT_LT(exit_s, kExitDeadlineSeconds + 2.0);
  EXPECT_NE(ReadFile(dir / "run.log").find("stopped without waiting"), std::string::npos);
  for (const auto& entry : fs::directory_iterator(out)) {
    EXPECT_NE(entry.path().filename().string().rfind(OutputDir::kWorkPrefix, 0), 0u)
        << entry.path() << " was left behind";
  }
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(OutputFolderIntegration, UserFilesAndASymlinkedRoundsFolderSurvive) {
  const fs::path dir = FreshDir("user_files");
  const fs::path out = dir / "out";
  const fs::path elsewhere = dir / "elsewhere";
  fs::create_directories(out);
  fs::create_directories(elsewhere);
  WriteFileAtomic(elsewhere / "keep.txt", "precious");
  fs::create_directory_symlink(elsewhere, out / "rounds");
  fs::create_directories(out / "render.png.index");
  WriteFileAtomic(out / "render.png.index" / "mine.exr", "user");
  WriteFileAtomic(out / "notes.txt", "my notes");
  WriteFileAtomic(out / "scene.py", "# my own script\n");

  std::vector<std::string> args = {"-q", "generate", "A lamp on a wooden desk.", "-o",
                                   out.string()};
  args.insert(args.end(), kQuick.begin(), kQuick.end());
  const CliRun refused = RunCli(args, dir / "refused.log");
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("did not write: scene.py"), std::string::npos) << refused.output;
  EXPECT_EQ(ReadFile(out / "scene.py"), "# my own script\n");

  args.push_back("--force");
  const CliRun forced = RunCli(args, dir / "forced.log");
  EXPECT_TRUE(forced.exit_code == 0 || forced.exit_code == 3) << forced.output;
  EXPECT_NE(ReadFile(out / "scene.py"), "# my own script\n");
  EXPECT_TRUE(fs::exists(out / "render.png"));
  EXPECT_EQ(ReadFile(out / "notes.txt"), "my notes");
  EXPECT_TRUE(fs::is_symlink(out / "rounds"));
  EXPECT_EQ(ReadFile(elsewhere / "keep.txt"), "precious");
  EXPECT_EQ(ReadFile(out / "render.png.index" / "mine.exr"), "user");

  // A second run replaces its own files without --force.
  args.pop_back();
  const CliRun again = RunCli(args, dir / "again.log");
  EXPECT_TRUE(again.exit_code == 0 || again.exit_code == 3) << again.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(OutputFolderIntegration, RenderLocksTheFolderAndKeepsTheUsersRender) {
  // `render DIR` writes beside the script that `build` wrote: a render.png of the user's is kept
  // unless --force, and a run that holds the folder's lock keeps render out.
  const fs::path dir = FreshDir("render_dir");
  const fs::path out = dir / "out";
  const CliRun built =
      RunCli({"-q", "build", std::string(SCENECRAFT_SOURCE_DIR) + "/examples/living_room.json",
              "-o", out.string()},
             dir / "build.log");
  ASSERT_EQ(built.exit_code, 0) << built.output;
  WriteFileAtomic(out / "render.png", "my painting");
  std::vector<std::string> args = {"-q", "render", out.string()};
  for (const char* a : {"--engine", "workbench", "--samples", "1", "--resolution", "160x120"}) {
    args.push_back(a);
  }
  const CliRun refused = RunCli(args, dir / "refused.log");
  EXPECT_EQ(refused.exit_code, 1) << refused.output;
  EXPECT_NE(refused.output.find("did not write: render.png"), std::string::npos) << refused.output;
  EXPECT_EQ(ReadFile(out / "render.png"), "my painting");
  EXPECT_FALSE(fs::exists(out / "readback.json"));

  // Another run holds the lock.
  const int lock = ::open((out / ".scenecraft.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  ASSERT_GE(lock, 0);
  ASSERT_EQ(::flock(lock, LOCK_EX | LOCK_NB), 0);
  args.push_back("--force");
  const CliRun locked = RunCli(args, dir / "locked.log");
  EXPECT_EQ(locked.exit_code, 1) << locked.output;
  EXPECT_NE(locked.output.find("another scenecraft run"), std::string::npos) << locked.output;
  EXPECT_EQ(ReadFile(out / "render.png"), "my painting");
  ::close(lock);

  const CliRun forced = RunCli(args, dir / "forced.log");
  EXPECT_EQ(forced.exit_code, 0) << forced.output;
  EXPECT_NE(ReadFile(out / "render.png"), "my painting");
  EXPECT_TRUE(fs::exists(out / "readback.json"));
  // Now the files are the tool's own: a second render needs no --force.
  args.pop_back();
  const CliRun again = RunCli(args, dir / "again.log");
  EXPECT_EQ(again.exit_code, 0) << again.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(OutputFolderIntegration, ASecondConcurrentRunIntoTheSameFolderIsRefused) {
  const fs::path dir = FreshDir("concurrent");
  const fs::path out = dir / "out";
  std::vector<std::string> slow = {"generate", "A lamp on a wooden desk.", "-o", out.string()};
  slow.insert(slow.end(), kQuick.begin(), kQuick.end());
  const pid_t first = StartCli(slow, dir / "first.log");
  ASSERT_TRUE(WaitForLog(dir / "first.log", "plan:", 120)) << ReadFile(dir / "first.log");
  std::vector<std::string> other = {"-q", "generate", "A red chair next to a sofa.", "-o",
                                    out.string()};
  other.insert(other.end(), kQuick.begin(), kQuick.end());
  const CliRun second = RunCli(other, dir / "second.log");
  const int first_exit = WaitExit(first);
  EXPECT_EQ(second.exit_code, 1) << second.output;
  EXPECT_NE(second.output.find("another scenecraft run is writing into"), std::string::npos)
      << second.output;
  EXPECT_TRUE(first_exit == 0 || first_exit == 3) << ReadFile(dir / "first.log");
  // The folder holds the first run only.
  EXPECT_NE(ReadFile(out / "scene.json").find("lamp"), std::string::npos);
  EXPECT_EQ(ReadFile(out / "scene.json").find("sofa"), std::string::npos);
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(VerdictIntegration, AStatedRelationThePipelineHadToChangeIsAFailure) {
  // A 1.2 m crate stated to stand on a 0.5 m side table cannot: the pipeline puts it beside the
  // table, and the run must not then say that every relation holds.
  const fs::path dir = FreshDir("changed");
  WriteFileAtomic(dir / "scene.json", R"({"schema": 1,
    "environment": {"kind": "room", "size_m": [5, 4, 2.8]},
    "objects": [{"id": "table_1", "category": "side table", "size_m": [0.5, 0.5, 0.6]},
                {"id": "crate_1", "category": "crate", "size_m": [1.2, 1.0, 0.5]}],
    "relations": [{"type": "on", "objects": ["crate_1", "table_1"]}]})");
  std::vector<std::string> args = {"generate", (dir / "scene.json").string(), "-o",
                                   (dir / "out").string()};
  args.insert(args.end(), kQuick.begin(), kQuick.end());
  const CliRun run = RunCli(args, dir / "run.log");
  EXPECT_EQ(run.exit_code, 3) << run.output;
  EXPECT_NE(run.output.find("the stated on(crate_1, table_1) became near(crate_1, table_1)"),
            std::string::npos)
      << run.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(BlenderFlagIntegration, AMistypedBlenderExitsFourAndKeepsTheScript) {
  const fs::path dir = FreshDir("no_blender");
  const CliRun run = RunCli({"generate", "A lamp on a wooden desk.", "-o", (dir / "out").string(),
                             "--blender", "/nonexistent/blendr"},
                            dir / "run.log");
  EXPECT_EQ(run.exit_code, 4) << run.output;
  EXPECT_NE(run.output.find("error: rendering and critique skipped"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("/nonexistent/blendr"), std::string::npos) << run.output;
  EXPECT_TRUE(fs::exists(dir / "out" / "scene.py"));
  EXPECT_FALSE(fs::exists(dir / "out" / "render.png"));

  // eval measures nothing without Blender: it says so in its exit code, not only in the table.
  WriteFileAtomic(dir / "corpus.jsonl",
                  "{\"id\": \"a\", \"prompt\": \"A lamp on a wooden desk.\", \"counts\": "
                  "{\"lamp\": 1, \"desk\": 1}, \"relations\": [[\"on\", \"lamp\", \"desk\"]]}\n"
                  "{\"id\": \"b\", \"prompt\": \"A chair next to a table.\", \"counts\": "
                  "{\"chair\": 1, \"table\": 1}, \"relations\": []}\n");
  const CliRun eval = RunCli({"eval", (dir / "corpus.jsonl").string(), "-o",
                              (dir / "eval").string(), "--blender", "/nonexistent/blendr"},
                             dir / "eval.log");
  EXPECT_EQ(eval.exit_code, 4) << eval.output;
  EXPECT_NE(eval.output.find("no prompt of the corpus was built"), std::string::npos)
      << eval.output;
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(BlenderTimeoutIntegration, BadTimeoutsAreRefusedAndATimeoutStopsBlender) {
  const fs::path dir = FreshDir("timeout");
  for (const char* bad : {"inf", "0", "-5", "1e9", "nan"}) {
    const CliRun run =
        RunCli({"generate", "A lamp.", "-o", (dir / "bad").string(), "--blender-timeout", bad},
               dir / "bad.log");
    EXPECT_NE(run.exit_code, 0) << bad;
    EXPECT_NE(run.output.find("--blender-timeout"), std::string::npos) << bad << run.output;
  }
  const CliRun inf =
      RunCli({"render", (dir / "bad").string(), "--blender-timeout", "inf"}, dir / "inf.log");
  EXPECT_NE(inf.exit_code, 0);
  EXPECT_NE(inf.output.find("--blender-timeout"), std::string::npos) << inf.output;

  // A real Blender that takes longer than the timeout is stopped, with a message that says so.
  const fs::path scene = dir / "scene";
  ASSERT_EQ(RunCli({"build", std::string(SCENECRAFT_SOURCE_DIR) + "/examples/dining_room.json",
                    "-o", scene.string()},
                   dir / "build.log")
                .exit_code,
            0);
  std::vector<std::string> render = {"render", scene.string(), "--blender-timeout", "3"};
  render.insert(render.end(), kLong.begin() + 2, kLong.end());
  const auto start = Clock::now();
  const CliRun run = RunCli(render, dir / "render.log");
  EXPECT_EQ(run.exit_code, 1) << run.output;
  EXPECT_NE(run.output.find("timed out after 3 s"), std::string::npos) << run.output;
  EXPECT_LT(Since(start), 3.0 + 1.0 + 5.0);  // the timeout, the grace, start-up
  if (!HasFailure()) fs::remove_all(dir);
}

TEST(BlenderEnvironmentIntegration, BlenderDoesNotInheritApiKeys) {
  const fs::path dir = FreshDir("env");
  // A stand-in for Blender that records its environment; the key must not be in it.
  const fs::path fake = dir / "fake-blender";
  WriteFileAtomic(fake, "#!/bin/sh\nenv > \"" + (dir / "env.txt").string() + "\"\nexit 1\n");
  fs::permissions(fake, fs::perms::owner_all);
  ASSERT_EQ(RunCli({"build", std::string(SCENECRAFT_SOURCE_DIR) + "/examples/dining_room.json",
                    "-o", (dir / "scene").string()},
                   dir / "build.log")
                .exit_code,
            0);
  const CliRun run =
      RunCli({"render", (dir / "scene").string(), "--blender", fake.string()}, dir / "run.log",
             {{"SCENECRAFT_API_KEY", "sk-never-in-blender"},
              {"OPENAI_API_KEY", "sk-openai-never"},
              {"SC_KEEP_ME", "visible"}});
  EXPECT_EQ(run.exit_code, 1);
  const std::string env = ReadFile(dir / "env.txt");
  EXPECT_EQ(env.find("sk-never-in-blender"), std::string::npos);
  EXPECT_EQ(env.find("sk-openai-never"), std::string::npos);
  EXPECT_NE(env.find("SC_KEEP_ME=visible"), std::string::npos);
  if (!HasFailure()) fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft
