#include "scenecraft/mcp/server.h"

#include <condition_variable>
#include <deque>
#include <istream>
#include <mutex>
#include <ostream>
#include <thread>

#include "scenecraft/mcp/json_schema.h"

namespace scenecraft {

using nlohmann::json;

std::vector<std::string> SupportedMcpProtocolVersions() {
  return {kMcpProtocolVersion, "2025-06-18", "2025-03-26", "2024-11-05"};
}

json TextResult(const std::string& text, bool is_error) {
  json result{{"content", json::array({{{"type", "text"}, {"text", text}}})}};
  if (is_error) result["isError"] = true;
  return result;
}

namespace {

// One accepted tools/call, waiting for or running on the worker.
struct PendingCall {
  json id;
  std::string name;
  json arguments;
  json progress_token;  // null: the client asked for no progress
  std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>>(false);
};

// Reads one line of at most max_bytes (without its end); a longer line is consumed to its end and
// reported by *too_long. Returns false at the end of input with nothing read.
bool ReadLine(std::istream& in, size_t max_bytes, std::string* line, bool* too_long) {
  line->clear();
  *too_long = false;
  bool any = false;
  char c;
  while (in.get(c)) {
    any = true;
    if (c == '\n') break;
    if (line->size() < max_bytes) {
      line->push_back(c);
    } else {
      *too_long = true;
    }
  }
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return any;
}

}  // namespace

struct McpServer::State {
  ToolBox& tools;
  McpServerInfo info;
  json tool_list;

  std::ostream* out = nullptr;
  std::mutex out_mutex;

  std::mutex mutex;  // guards everything below
  std::condition_variable wake;
  std::deque<PendingCall> queue;
  json running_id;  // null: none
  std::shared_ptr<std::atomic<bool>> running_cancelled;
  bool input_ended = false;

  State(ToolBox& t, McpServerInfo i) : tools(t), info(std::move(i)), tool_list(t.Tools()) {}

  void Send(const json& message) {
    const std::string text = message.dump(-1, ' ', false, json::error_handler_t::replace);
    std::lock_guard<std::mutex> lock(out_mutex);
    *out << text << '\n';
    out->flush();
  }
  void Reply(const json& id, json result) {
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
  }
  void ReplyError(const json& id, int code, const std::string& message) {
    Send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  const json* FindTool(const std::string& name) const {
    for (const json& tool : tool_list) {
      if (tool["name"] == name) return &tool;
    }
    return nullptr;
  }

  void HandleLine(const std::string& line);
  void HandleNotification(const std::string& method, const json& params);
  void HandleRequest(const json& id, const std::string& method, const json& params);
  void Cancel(const json& request_id);
  void WorkerLoop();
  void Run(const PendingCall& call);
};

namespace {

// The context of one call on the worker.
class WorkerContext : public CallContext {
 public:
  WorkerContext(const PendingCall& call, std::function<void(const json&)> send)
      : call_(call), send_(std::move(send)) {}
  void Progress(const std::string& message) override {
    if (call_.progress_token.is_null()) return;
    send_({{"jsonrpc", "2.0"},
           {"method", "notifications/progress"},
           {"params",
            {{"progressToken", call_.progress_token},
             {"progress", ++steps_},
             {"message", message}}}});
  }
  bool cancelled() const override { return call_.cancelled->load(); }

 private:
  const PendingCall& call_;
  std::function<void(const json&)> send_;
  int steps_ = 0;
};

}  // namespace

void McpServer::State::HandleLine(const std::string& line) {
  json message;
  try {
    message = json::parse(line);
  } catch (const json::parse_error& e) {
    ReplyError(nullptr, kJsonRpcParseError, std::string("not JSON: ") + e.what());
    return;
  }
  if (message.is_array()) {
    ReplyError(nullptr, kJsonRpcInvalidRequest,
               "batches (JSON arrays) are not part of MCP " + std::string(kMcpProtocolVersion) +
                   "; send one message per line");
    return;
  }
  if (!message.is_object()) {
    ReplyError(nullptr, kJsonRpcInvalidRequest, "a message must be a JSON object");
    return;
  }
  // A response from the client: this server sends no requests, so there is nothing to match.
  if (!message.contains("method")) return;
  const bool has_id = message.contains("id");
  const json id = has_id ? message["id"] : json(nullptr);
  if (has_id && !id.is_string() && !id.is_number_integer()) {
    ReplyError(nullptr, kJsonRpcInvalidRequest, "/id: must be a string or an integer");
    return;
  }
  if (message.value("jsonrpc", json()) != "2.0") {
    if (has_id) ReplyError(id, kJsonRpcInvalidRequest, "/jsonrpc: must be \"2.0\"");
    return;
  }
  if (!message["method"].is_string()) {
    if (has_id) ReplyError(id, kJsonRpcInvalidRequest, "/method: must be a string");
    return;
  }
  const std::string method = message["method"].get<std::string>();
  const json params = message.value("params", json::object());
  if (!params.is_object()) {
    if (has_id) ReplyError(id, kJsonRpcInvalidParams, "/params: must be an object");
    return;
  }
  if (!has_id) {
    HandleNotification(method, params);
    return;
  }
  try {
    HandleRequest(id, method, params);
  } catch (const ProtocolError& e) {
    ReplyError(id, e.code(), e.what());
  }
}

void McpServer::State::HandleNotification(const std::string& method, const json& params) {
  if (method == "notifications/cancelled" && params.contains("requestId")) {
    Cancel(params["requestId"]);
  }
  // notifications/initialized and any other notification need nothing from this server.
}

void McpServer::State::HandleRequest(const json& id, const std::string& method,
                                     const json& params) {
  if (method == "ping") {
    Reply(id, json::object());
  } else if (method == "initialize") {
    if (!params.contains("protocolVersion") || !params["protocolVersion"].is_string()) {
      throw ProtocolError(kJsonRpcInvalidParams, "/params/protocolVersion: a string is required");
    }
    // Answer with the client's revision when this server speaks it, else with its own latest.
    std::string version = kMcpProtocolVersion;
    for (const std::string& v : SupportedMcpProtocolVersions()) {
      if (params["protocolVersion"] == v) version = v;
    }
    json result{{"protocolVersion", version},
                {"capabilities", {{"tools", {{"listChanged", false}}}}},
                {"serverInfo", {{"name", info.name}, {"version", info.version}}}};
    if (!info.instructions.empty()) result["instructions"] = info.instructions;
    Reply(id, result);
  } else if (method == "tools/list") {
    Reply(id, {{"tools", tool_list}});
  } else if (method == "tools/call") {
    if (!params.contains("name") || !params["name"].is_string()) {
      throw ProtocolError(kJsonRpcInvalidParams, "/params/name: the tool's name is required");
    }
    const std::string name = params["name"].get<std::string>();
    const json* tool = FindTool(name);
    if (tool == nullptr) {
      throw ProtocolError(kJsonRpcInvalidParams,
                          "unknown tool '" + name + "' (tools/list names the tools)");
    }
    const json arguments = params.value("arguments", json::object());
    // Invalid arguments are a tool error, so the model sees what to correct (SEP-1303).
    const std::vector<SchemaProblem> problems =
        ValidateJsonSchema((*tool)["inputSchema"], arguments);
    if (!problems.empty()) {
      std::string text = "invalid arguments for " + name + ":";
      for (const SchemaProblem& p : problems)
        text += "\n  /arguments" + p.pointer + ": " + p.message;
      Reply(id, TextResult(text, /*is_error=*/true));
      return;
    }
    PendingCall call{id, name, arguments, nullptr};
    if (params.contains("_meta") && params["_meta"].is_object()) {
      const json token = params["_meta"].value("progressToken", json());
      if (token.is_string() || token.is_number_integer()) call.progress_token = token;
    }
    std::lock_guard<std::mutex> lock(mutex);
    queue.push_back(std::move(call));
    wake.notify_all();
  } else {
    throw ProtocolError(kJsonRpcMethodNotFound, "method not found: " + method);
  }
}

void McpServer::State::Cancel(const json& request_id) {
  std::lock_guard<std::mutex> lock(mutex);
  for (auto it = queue.begin(); it != queue.end(); ++it) {
    if (it->id == request_id) {
      queue.erase(it);
      return;
    }
  }
  if (running_cancelled && running_id == request_id) running_cancelled->store(true);
  // A request that already finished, or an unknown one: nothing to do (the protocol allows this).
}

void McpServer::State::WorkerLoop() {
  for (;;) {
    PendingCall call;
    {
      std::unique_lock<std::mutex> lock(mutex);
      wake.wait(lock, [&] { return !queue.empty() || input_ended; });
      if (queue.empty()) return;
      call = std::move(queue.front());
      queue.pop_front();
      running_id = call.id;
      running_cancelled = call.cancelled;
    }
    Run(call);
    std::lock_guard<std::mutex> lock(mutex);
    running_id = nullptr;
    running_cancelled.reset();
  }
}

void McpServer::State::Run(const PendingCall& call) {
  WorkerContext context(call, [this](const json& m) { Send(m); });
  try {
    json result = tools.Call(call.name, call.arguments, context);
    if (call.cancelled->load()) return;  // finished after its cancellation: no response
    Reply(call.id, std::move(result));
  } catch (const CallCancelled&) {
    // No response to a cancelled request.
  } catch (const ProtocolError& e) {
    ReplyError(call.id, e.code(), e.what());
  } catch (const std::exception& e) {
    // Bad input or a failing outside party (Error), or the process being interrupted: the
    // message says what, and the model sees it.
    Reply(call.id, TextResult(e.what(), /*is_error=*/true));
  }
}

McpServer::McpServer(ToolBox& tools, McpServerInfo info)
    : state_(std::make_unique<State>(tools, std::move(info))) {}

McpServer::~McpServer() = default;

void McpServer::Serve(std::istream& in, std::ostream& out, size_t max_line_bytes) {
  State& s = *state_;
  s.out = &out;
  s.input_ended = false;
  std::thread worker([&s] { s.WorkerLoop(); });
  std::string line;
  bool too_long = false;
  while (ReadLine(in, max_line_bytes, &line, &too_long)) {
    if (too_long) {
      s.ReplyError(nullptr, kJsonRpcParseError,
                   "a message longer than " + std::to_string(max_line_bytes) + " bytes");
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    s.HandleLine(line);
  }
  {
    std::lock_guard<std::mutex> lock(s.mutex);
    s.input_ended = true;
    s.wake.notify_all();
  }
  worker.join();
}

}  // namespace scenecraft
