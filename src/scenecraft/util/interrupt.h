// The signal policy of the tool (issue 11): Ctrl-C, SIGTERM or SIGHUP stop the running Blender
// (its whole process group), remove the run's private work folder and end the tool with
// 128 + the signal number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
//
// How: InstallInterruptHandlers(), called once by main before any thread starts, blocks the three
// signals in every thread and starts one watcher thread that receives them with sigwait. The
// first signal sets the process-wide interrupt flag. The code that waits for a child
// (RealProcessLauncher) sees the flag within milliseconds, sends the child's group SIGTERM, then
// SIGKILL after kStopGraceSeconds, reaps it and throws Interrupted; code that works without a
// child calls ThrowIfInterrupted() between its steps. Interrupted unwinds to main, and the
// destructors on the way remove the work folders. Should that take longer than kExitDeadlineSeconds
// (a long solver step, an HTTP call), the watcher kills the child's group, removes the registered
// work folders itself and ends the process; a second signal does so at once.
//
// This is process-wide state by nature (signals are per process); nothing else is.
#pragma once

#include <sys/types.h>

#include <exception>
#include <filesystem>
#include <string>

namespace scenecraft {

// How long a child gets after SIGTERM before SIGKILL, and how long the orderly way out may take.
inline constexpr double kStopGraceSeconds = 1.0;
inline constexpr double kExitDeadlineSeconds = 5.0;

// Thrown when the user interrupted the tool. Deliberately not an Error: code that catches Error to
// carry on with the next item (eval, retries) must not swallow it.
class Interrupted : public std::exception {
 public:
  explicit Interrupted(int signal);
  int signal() const { return signal_; }
  // The exit code the tool ends with: 128 + the signal number.
  int exit_code() const { return 128 + signal_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  int signal_;
  std::string message_;
};

// Blocks SIGINT, SIGTERM and SIGHUP and starts the watcher thread. Idempotent.
void InstallInterruptHandlers();

// The signal that interrupted the tool, or 0.
int InterruptSignal();

// Throws Interrupted when the tool was interrupted.
void ThrowIfInterrupted();

// For tests: sets or clears the flag as a signal would.
void SetInterruptSignalForTesting(int signal);

// The process group of the child that is running now (0: none), so that the watcher can kill it
// when the orderly way out takes too long. Set and cleared by RealProcessLauncher.
void SetRunningChildGroup(pid_t group);

// While alive, `path` is removed (recursively) should the watcher have to end the process itself.
// For private work folders that the tool created; never for a user's folder.
class RemoveOnForcedExit {
 public:
  explicit RemoveOnForcedExit(std::filesystem::path path);
  ~RemoveOnForcedExit();
  RemoveOnForcedExit(const RemoveOnForcedExit&) = delete;
  RemoveOnForcedExit& operator=(const RemoveOnForcedExit&) = delete;

 private:
  std::filesystem::path path_;
};

// The signal mask and dispositions a child should start with (all signals unblocked, default
// actions); async-signal-safe, for use between fork and exec.
void ResetSignalsInChild();

}  // namespace scenecraft
