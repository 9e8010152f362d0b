#include "scenecraft/cli/render_flags.h"

#include <stdexcept>
#include <vector>

#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"
#include "scenecraft/util/usage_error.h"

namespace scenecraft {

void ApplyResolution(const std::string& text, RenderSettings* settings, const std::string& flag) {
  const std::vector<std::string> parts = Split(ToLower(text), 'x');
  try {
    if (parts.size() != 2) throw std::invalid_argument("parts");
    settings->width = std::stoi(parts[0]);
    settings->height = std::stoi(parts[1]);
  } catch (const std::exception&) {
    throw UsageError(flag + ": expected WIDTHxHEIGHT such as 640x480, found '" + text + "'");
  }
  // A value from a flag: its range error is a usage error too.
  try {
    settings->Check();
  } catch (const UsageError&) {
    throw;
  } catch (const Error& e) {
    // RenderSettings names the final render's flag; this may be another one.
    const std::string what = e.what();
    const std::string own = "--resolution:";
    throw UsageError(StartsWith(what, own) ? flag + what.substr(own.size() - 1) : what);
  }
}

}  // namespace scenecraft
