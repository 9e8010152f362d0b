// Logging to stderr. The log level is the only process-wide mutable state (STYLE.md rule 5).
#pragma once

#include <sstream>
#include <string>
#include <string_view>

namespace scenecraft {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarning = 2, kError = 3, kSilent = 4 };

void SetLogLevel(LogLevel level);
LogLevel GetLogLevel();

// Writes one line "scenecraft: <level>: message" when `level` is at or above the log level, with
// control and bidirectional-override characters shown as escapes (EscapeControls).
void Log(LogLevel level, std::string_view message);

inline void LogDebug(std::string_view m) {
  Log(LogLevel::kDebug, m);
}
inline void LogInfo(std::string_view m) {
  Log(LogLevel::kInfo, m);
}
inline void LogWarning(std::string_view m) {
  Log(LogLevel::kWarning, m);
}
inline void LogError(std::string_view m) {
  Log(LogLevel::kError, m);
}

}  // namespace scenecraft
