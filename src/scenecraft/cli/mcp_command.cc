#include "scenecraft/cli/mcp_command.h"

#include <unistd.h>

#include <iostream>
#include <streambuf>

#include "scenecraft/blender/runner.h"
#include "scenecraft/cli/assets_command.h"
#include "scenecraft/cli/generate_flags.h"
#include "scenecraft/cli/llm_flags.h"
#include "scenecraft/mcp/scene_tools.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/subprocess.h"

#ifndef SCENECRAFT_VERSION
#define SCENECRAFT_VERSION "0.0.0"
#endif

namespace scenecraft {
namespace {

// An output stream buffer that writes to a file descriptor, unbuffered (each message is flushed
// by the server anyway).
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd) : fd_(fd) {}

 protected:
  int_type overflow(int_type c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    const char ch = static_cast<char>(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* data, std::streamsize size) override {
    std::streamsize done = 0;
    while (done < size) {
      const ssize_t n = ::write(fd_, data + done, static_cast<size_t>(size - done));
      if (n <= 0) return done;
      done += n;
    }
    return done;
  }

 private:
  int fd_;
};

}  // namespace

McpSubcommand AddMcpCommand(CLI::App& root) {
  auto* app = root.add_subcommand(
      "mcp",
      "Serve the Model Context Protocol on standard input/output (tools: plan, generate, solve, "
      "critique, search_assets); see docs/MCP.md");
  auto options = std::make_shared<McpOptions>();
  auto asset_flags = std::make_shared<AssetFlags>();
  app->add_option("--root", options->output_root,
                  "The only folder the tools read scene files from and write into (created if "
                  "missing)")
      ->capture_default_str();
  AddLoopFlags(app, &options->generate);
  AddBlenderFlags(app, &options->generate.blender);
  AddAssetFlags(app, asset_flags.get());
  AddLlmFlags(app, &options->backends, /*with_critic=*/true);
  return {app, [=] {
            ApplyAssetFlags(*asset_flags, &options->generate.assets);
            CheckFlags(options->generate);
            RealProcessLauncher launcher;
            SceneTools tools(*options, launcher);
            McpServerInfo info;
            info.version = SCENECRAFT_VERSION;
            info.instructions =
                "SceneCraft builds 3D scenes in Blender from English descriptions. Use plan to "
                "see how a description is read, generate to build and render it (returns the "
                "render and the file paths), critique to check a built scene, solve for layouts "
                "without Blender, search_assets for the 3D models available. Files live in "
                "the output root " +
                tools.root().string() + ".";
            // The protocol owns the real standard output; anything else that writes to it (a
            // library, a stray print) goes to standard error instead.
            std::cout.flush();
            const int protocol_fd = ::dup(STDOUT_FILENO);
            if (protocol_fd < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
              throw Error("mcp: cannot set up standard output");
            }
            FdStreamBuf buffer(protocol_fd);
            std::ostream protocol_out(&buffer);
            LogInfo("mcp: serving on standard input/output; output root " + tools.root().string());
            McpServer server(tools, info);
            server.Serve(std::cin, protocol_out);
            ::close(protocol_fd);
            return 0;
          }};
}

}  // namespace scenecraft
