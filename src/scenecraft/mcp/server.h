// The Model Context Protocol server loop (revision 2025-11-25) over a line-delimited stream:
// JSON-RPC 2.0 messages, one per line, read from `in` and answered on `out` (stdio transport).
// It answers initialize, ping, tools/list and tools/call, takes notifications/initialized and
// notifications/cancelled, and reports progress for calls that carry a progress token.
//
// Threads: the reading thread answers everything but tools/call itself, at once, so a ping or a
// cancellation is seen while a scene is generated; tool calls run one at a time, in arrival
// order, on one worker thread. A cancelled call that has not started is dropped; a running one
// is stopped at its next step (the tool's context says so; a Blender run in progress finishes
// first). Per the protocol, a cancelled request gets no response.
#pragma once

#include <atomic>
#include <functional>
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace scenecraft {

// The protocol revision this server speaks, and the older ones it accepts from a client.
inline constexpr const char* kMcpProtocolVersion = "2025-11-25";
std::vector<std::string> SupportedMcpProtocolVersions();

// JSON-RPC 2.0 error codes.
inline constexpr int kJsonRpcParseError = -32700;
inline constexpr int kJsonRpcInvalidRequest = -32600;
inline constexpr int kJsonRpcMethodNotFound = -32601;
inline constexpr int kJsonRpcInvalidParams = -32602;
inline constexpr int kJsonRpcInternalError = -32603;

// Thrown by a tool (or the server) for a request the protocol rejects: becomes a JSON-RPC error
// response with this code. A tool's own failures (bad arguments, a scene that cannot be built)
// are results with isError instead, so the model sees them.
class ProtocolError : public std::runtime_error {
 public:
  ProtocolError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
  int code() const { return code_; }

 private:
  int code_;
};

// Thrown inside a tool when its call was cancelled; the server then sends no response.
class CallCancelled : public std::exception {
 public:
  const char* what() const noexcept override { return "the call was cancelled"; }
};

// What a running tool call can do besides computing its result.
class CallContext {
 public:
  virtual ~CallContext() = default;
  // Sends a progress notification when the client asked for progress (else nothing).
  virtual void Progress(const std::string& message) = 0;
  virtual bool cancelled() const = 0;
  // Throws CallCancelled when the call was cancelled.
  void ThrowIfCancelled() const {
    if (cancelled()) throw CallCancelled();
  }
};

// The tools a server offers: their declarations (name, title, description, inputSchema) and the
// call. The server validates the arguments against the inputSchema before Call; Call returns a
// CallToolResult ({"content": [...], "isError": bool, ...}).
class ToolBox {
 public:
  virtual ~ToolBox() = default;
  virtual nlohmann::json Tools() const = 0;
  virtual nlohmann::json Call(const std::string& name, const nlohmann::json& arguments,
                              CallContext& context) = 0;
};

// A CallToolResult with one text content.
nlohmann::json TextResult(const std::string& text, bool is_error = false);

struct McpServerInfo {
  std::string name = "scenecraft";
  std::string version = "0.0.0";
  std::string instructions;  // told to the client at initialize (may be empty)
};

class McpServer {
 public:
  McpServer(ToolBox& tools, McpServerInfo info);
  ~McpServer();
  // Reads messages until `in` ends, answers them on `out`, and returns once the tool calls it
  // accepted have finished (a client that wants them stopped cancels them first). Lines longer
  // than max_line_bytes are answered with a parse error and skipped.
  void Serve(std::istream& in, std::ostream& out, size_t max_line_bytes = 16u << 20);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace scenecraft
