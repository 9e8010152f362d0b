// Running outside programs (Blender). A seam: code takes a ProcessLauncher so unit tests can
// inject a fake; RealProcessLauncher runs the program for real (STYLE.md rule 6).
//
// The child runs in its own process group (so that stopping it stops whatever it started), with
// no stdin, and dies with the tool (PR_SET_PDEATHSIG) should the tool be killed. It is stopped
// (SIGTERM to the group, SIGKILL after kStopGraceSeconds) when its time is up or when the tool is
// interrupted (util/interrupt.h); then Run throws Interrupted.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scenecraft {

struct ProcessSpec {
  // argv[0] is the program (a path, or a name looked up on PATH).
  std::vector<std::string> argv;
  // Extra environment variables, added to the inherited environment.
  std::vector<std::pair<std::string, std::string>> env;
  // Inherited variables the child must not see: exact names, or patterns with one '*' at the
  // start or the end ("*_API_KEY", "AWS_*").
  std::vector<std::string> drop_env;
  // stdout and stderr both go to this file (created or truncated). Empty: /dev/null.
  std::filesystem::path log_path;
  // The process group is stopped after this many seconds; <= 0 means no limit.
  double timeout_s = 0.0;
};

struct ProcessResult {
  bool started = false;     // false when the program could not be executed at all
  int exit_code = -1;       // valid when it exited normally
  int signal = 0;           // the signal that ended it, or 0
  bool timed_out = false;   // killed because timeout_s passed
  double wall_s = 0.0;      // wall-clock time
  std::string start_error;  // why it did not start, when !started
  bool ok() const { return started && !timed_out && signal == 0 && exit_code == 0; }
};

class ProcessLauncher {
 public:
  virtual ~ProcessLauncher() = default;
  // Runs the program to its end. Throws Interrupted (after stopping it) when the tool is
  // interrupted.
  virtual ProcessResult Run(const ProcessSpec& spec) = 0;
};

class RealProcessLauncher : public ProcessLauncher {
 public:
  ProcessResult Run(const ProcessSpec& spec) override;
};

// Whether an environment variable's name matches a drop_env pattern.
bool EnvNameMatches(std::string_view name, std::string_view pattern);

// Looks a program name up on PATH; returns an empty path when it is not found. A name that
// contains '/' is returned as is when that file is executable.
std::filesystem::path FindExecutable(const std::string& name);

}  // namespace scenecraft
