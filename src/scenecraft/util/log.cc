#include "scenecraft/util/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {
std::atomic<LogLevel> g_level{LogLevel::kInfo};
std::mutex g_mutex;

const char* LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarning:
      return "warning";
    case LogLevel::kError:
      return "error";
    case LogLevel::kSilent:
      return "silent";
  }
  return "?";
}
}  // namespace

void SetLogLevel(LogLevel level) {
  g_level = level;
}
LogLevel GetLogLevel() {
  return g_level;
}

void Log(LogLevel level, std::string_view message) {
  if (level < g_level.load() || level == LogLevel::kSilent) return;
  // Messages quote input (ids, file names, model text): no control sequence reaches the terminal.
  const std::string visible = EscapeControls(message);
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fprintf(stderr, "scenecraft: %s: %.*s\n", LevelName(level), static_cast<int>(visible.size()),
               visible.data());
}

}  // namespace scenecraft
