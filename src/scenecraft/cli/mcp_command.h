// `scenecraft mcp`: the Model Context Protocol server on standard input and output (docs/MCP.md).
// The server is in src/scenecraft/mcp; this file binds flags to its options and runs it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace scenecraft {

struct McpSubcommand {
  CLI::App* app;
  std::function<int()> run;
};

McpSubcommand AddMcpCommand(CLI::App& root);

}  // namespace scenecraft
