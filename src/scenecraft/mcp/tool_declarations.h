// The declarations of the scene tools (name, title, description, inputSchema), as data apart from
// the code that runs them (scene_tools.cc). The server validates every call against these schemas.
#pragma once

#include <nlohmann/json.hpp>

namespace scenecraft {

// The tools/list array: plan, generate, solve, critique, search_assets.
nlohmann::json SceneToolDeclarations();

}  // namespace scenecraft
