#include "scenecraft/util/subprocess.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/strings.h"

extern char** environ;

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Stops the child's process group: SIGTERM, then SIGKILL when the child has not ended within
// kStopGraceSeconds; reaps the child into `status`.
void StopGroup(pid_t pid, int* status) {
  ::kill(-pid, SIGTERM);
  const auto start = std::chrono::steady_clock::now();
  while (Since(start) < kStopGraceSeconds) {
    const pid_t done = ::waitpid(pid, status, WNOHANG);
    if (done == pid) {
      ::kill(-pid, SIGKILL);  // anything the child started and left behind
      return;
    }
    if (done < 0 && errno != EINTR) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(-pid, SIGKILL);
  ::kill(pid, SIGKILL);
  while (::waitpid(pid, status, 0) < 0 && errno == EINTR) {
  }
}

}  // namespace

bool EnvNameMatches(std::string_view name, std::string_view pattern) {
  if (pattern.empty()) return false;
  if (pattern.front() == '*') return EndsWith(name, pattern.substr(1));
  if (pattern.back() == '*') return StartsWith(name, pattern.substr(0, pattern.size() - 1));
  return name == pattern;
}

fs::path FindExecutable(const std::string& name) {
  if (name.empty()) return {};
  if (name.find('/') != std::string::npos) {
    return ::access(name.c_str(), X_OK) == 0 ? fs::path(name) : fs::path();
  }
  const char* path_env = std::getenv("PATH");
  if (path_env == nullptr) return {};
  for (const std::string& dir : Split(path_env, ':')) {
    if (dir.empty()) continue;
    fs::path candidate = fs::path(dir) / name;
    if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
  }
  return {};
}

ProcessResult RealProcessLauncher::Run(const ProcessSpec& spec) {
  ProcessResult result;
  if (spec.argv.empty()) {
    result.start_error = "no program given";
    return result;
  }
  const fs::path program = FindExecutable(spec.argv[0]);
  if (program.empty()) {
    result.start_error = "program '" + spec.argv[0] + "' not found or not executable";
    return result;
  }

  // Prepare everything the child needs before fork, so the child only calls async-safe functions.
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    const std::string_view name = std::string_view(entry).substr(0, entry.find('='));
    bool dropped = false;
    for (const auto& [key, value] : spec.env) {
      if (name == key) dropped = true;
    }
    for (const std::string& pattern : spec.drop_env) {
      if (EnvNameMatches(name, pattern)) dropped = true;
    }
    if (!dropped) env_strings.push_back(std::move(entry));
  }
  for (const auto& [key, value] : spec.env) env_strings.push_back(key + "=" + value);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> args = spec.argv;
  std::vector<char*> argv;
  for (std::string& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);

  const std::string log = spec.log_path.empty() ? "/dev/null" : spec.log_path.string();
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    result.start_error = "cannot open log file '" + log + "': " + std::strerror(errno);
    return result;
  }

  const auto start = std::chrono::steady_clock::now();
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(log_fd);
    result.start_error = std::string("fork failed: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    // Child: own process group (so a timeout kills Blender and anything it started), no stdin,
    // signals unblocked (the tool blocks them for its watcher thread), killed with the tool.
    ::setpgid(0, 0);
    ResetSignalsInChild();
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);  // the tool died before prctl
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
    ::dup2(log_fd, STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    ::execve(program.c_str(), argv.data(), envp.data());
    const char message[] = "scenecraft: exec failed\n";
    [[maybe_unused]] ssize_t n = ::write(STDERR_FILENO, message, sizeof(message) - 1);
    ::_exit(127);
  }
  ::close(log_fd);
  ::setpgid(pid, pid);  // Also in the parent, to avoid racing the child.
  SetRunningChildGroup(pid);
  result.started = true;

  int status = 0;
  while (true) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) break;
    if (const int signal = InterruptSignal(); signal != 0) {
      StopGroup(pid, &status);
      SetRunningChildGroup(0);
      throw Interrupted(signal);
    }
    const double elapsed = Since(start);
    if (spec.timeout_s > 0 && elapsed > spec.timeout_s) {
      result.timed_out = true;
      StopGroup(pid, &status);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(elapsed < 1.0 ? 5 : 20));
  }
  SetRunningChildGroup(0);
  result.wall_s = Since(start);
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
  return result;
}

}  // namespace scenecraft
