// Render flags shared by several subcommands.
#pragma once

#include <string>

#include "scenecraft/blender/emitter.h"

namespace scenecraft {

// Reads "WIDTHxHEIGHT" (the --resolution flag, or the one `flag` names) into `settings`; throws
// UsageError naming the flag.
void ApplyResolution(const std::string& text, RenderSettings* settings,
                     const std::string& flag = "--resolution");

}  // namespace scenecraft
