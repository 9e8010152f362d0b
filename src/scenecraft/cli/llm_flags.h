// The backend flags of `generate` and `plan` (--planner, --critic, --llm-url, --llm-model,
// --llm-config, --no-cache, --llm-budget), bound to the agent's BackendOptions.
#pragma once

#include <CLI/CLI.hpp>

#include "scenecraft/agent/backends.h"

namespace scenecraft {

// Adds the flags to a subcommand; `with_critic` for generate.
void AddLlmFlags(CLI::App* app, BackendOptions* options, bool with_critic);

}  // namespace scenecraft
