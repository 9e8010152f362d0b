// The tools `scenecraft mcp` offers an MCP client: plan, generate, solve, critique and
// search_assets. Each one is the same library function the command line calls (the planner, the
// one generate path, the solver, the geometric critic, the asset index), so a prompt or a scene
// sent by a client is data exactly as on the command line: it is planned or parsed, never run.
//
// Every file a tool reads or writes is inside one output root (McpOptions::output_root): paths
// the client gives are taken relative to it, and one that leads outside it (by "..", an absolute
// path or a symbolic link) is refused with an error that names the argument.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "scenecraft/agent/backends.h"
#include "scenecraft/agent/generate.h"
#include "scenecraft/mcp/server.h"

namespace scenecraft {

class ProcessLauncher;

struct McpOptions {
  // The only folder the tools read scene files from and write outputs into; created if missing.
  std::filesystem::path output_root = "scenecraft-mcp";
  // The defaults of every generate call (Blender, assets, render settings); a call may change
  // rounds, seed, room size and the final resolution within the limits of the tool's schema.
  GenerateOptions generate;
  // The planner and critic (offline by default).
  BackendOptions backends;
  void Check() const;
};

// Resolves a path a client gave (relative to `root`, or absolute) and returns it when it stays
// inside `root` after resolving "..", "." and symbolic links; throws Error naming `argument`
// otherwise. `root` must be canonical.
std::filesystem::path PathInsideRoot(const std::filesystem::path& root, const std::string& path,
                                     const std::string& argument);

class SceneTools : public ToolBox {
 public:
  // Creates the output root; `launcher` runs Blender and must outlive the tools.
  SceneTools(McpOptions options, ProcessLauncher& launcher);
  ~SceneTools() override;
  nlohmann::json Tools() const override;
  nlohmann::json Call(const std::string& name, const nlohmann::json& arguments,
                      CallContext& context) override;
  const std::filesystem::path& root() const { return root_; }

 private:
  nlohmann::json Plan(const nlohmann::json& arguments);
  nlohmann::json Generate(const nlohmann::json& arguments, CallContext& context);
  nlohmann::json Solve(const nlohmann::json& arguments);
  nlohmann::json Critique(const nlohmann::json& arguments);
  nlohmann::json SearchAssets(const nlohmann::json& arguments);
  // The scene of a solve or generate call: the file named by "scene" or the object "scene_json".
  SceneGraph SceneArgument(const nlohmann::json& arguments, std::string* origin) const;

  McpOptions options_;
  ProcessLauncher& launcher_;
  std::filesystem::path root_;          // canonical
  std::unique_ptr<Backends> backends_;  // made on the first call that needs them
};

}  // namespace scenecraft
