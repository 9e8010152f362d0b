#include "scenecraft/util/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>
#include <vector>

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

std::atomic<int> g_signal{0};
std::atomic<pid_t> g_child_group{0};
std::once_flag g_installed;

// The registered work folders; leaked on purpose so that a forced exit may still read them.
std::mutex& PathsMutex() {
  static auto* mutex = new std::mutex;
  return *mutex;
}
std::vector<fs::path>& Paths() {
  static auto* paths = new std::vector<fs::path>;
  return *paths;
}

sigset_t InterruptSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

// Kills the child's group, removes the registered work folders and ends the process.
[[noreturn]] void ForcedExit(int signal) {
  if (const pid_t group = g_child_group.load(); group > 0) ::kill(-group, SIGKILL);
  // The main thread may hold the lock while it registers a folder; then leave the folders.
  if (PathsMutex().try_lock()) {
    for (const fs::path& path : Paths()) {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
    PathsMutex().unlock();
  }
  const char message[] = "scenecraft: interrupted; stopped without waiting for the clean-up\n";
  [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, message, sizeof(message) - 1);
  ::_exit(128 + signal);
}

// The watcher thread: the first signal sets the flag; the orderly way out then has
// kExitDeadlineSeconds, and a second signal ends the process at once.
void Watch() {
  const sigset_t set = InterruptSignals();
  int signal = 0;
  while (::sigwait(&set, &signal) != 0) {
  }
  g_signal.store(signal);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::duration<double>(kExitDeadlineSeconds);
  while (true) {
    const double left =
        std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) break;
    timespec wait{};
    wait.tv_sec = static_cast<time_t>(left);
    wait.tv_nsec = static_cast<long>((left - std::floor(left)) * 1e9);
    siginfo_t info{};
    const int second = ::sigtimedwait(&set, &info, &wait);
    if (second > 0) break;
    if (second < 0 && errno != EINTR) break;  // EAGAIN: the deadline passed
  }
  ForcedExit(signal);
}

std::string SignalName(int signal) {
  switch (signal) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    case SIGHUP:
      return "SIGHUP";
    default:
      return "signal " + std::to_string(signal);
  }
}

}  // namespace

Interrupted::Interrupted(int signal)
    : signal_(signal), message_("interrupted by " + SignalName(signal)) {}

void InstallInterruptHandlers() {
  std::call_once(g_installed, [] {
    const sigset_t set = InterruptSignals();
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread(Watch).detach();
  });
}

int InterruptSignal() {
  return g_signal.load();
}

void ThrowIfInterrupted() {
  if (const int signal = g_signal.load(); signal != 0) throw Interrupted(signal);
}

void SetInterruptSignalForTesting(int signal) {
  g_signal.store(signal);
}

void SetRunningChildGroup(pid_t group) {
  g_child_group.store(group);
}

RemoveOnForcedExit::RemoveOnForcedExit(fs::path path) : path_(std::move(path)) {
  std::lock_guard<std::mutex> lock(PathsMutex());
  Paths().push_back(path_);
}

RemoveOnForcedExit::~RemoveOnForcedExit() {
  std::lock_guard<std::mutex> lock(PathsMutex());
  std::vector<fs::path>& paths = Paths();
  for (auto it = paths.begin(); it != paths.end(); ++it) {
    if (*it == path_) {
      paths.erase(it);
      break;
    }
  }
}

void ResetSignalsInChild() {
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

}  // namespace scenecraft
