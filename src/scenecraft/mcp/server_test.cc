// The protocol loop at its seam: a fake tool box, messages through string streams.
#include "scenecraft/mcp/server.h"

#include <gtest/gtest.h>

#include <future>
#include <sstream>

namespace scenecraft {
namespace {

using nlohmann::json;

// Tools "echo" (returns its text) and "wait" (reports progress, then waits for release() or its
// cancellation).
class FakeTools : public ToolBox {
 public:
  json Tools() const override {
    return json::parse(R"([
      {"name": "echo", "description": "echo", "inputSchema": {"type": "object",
        "properties": {"text": {"type": "string"}}, "required": ["text"],
        "additionalProperties": false}},
      {"name": "wait", "description": "wait", "inputSchema": {"type": "object"}}])");
  }
  json Call(const std::string& name, const json& arguments, CallContext& context) override {
    if (name == "echo") {
      if (arguments["text"] == "fail") throw std::runtime_error("it failed: here");
      return TextResult(arguments["text"].get<std::string>());
    }
    context.Progress("started");
    started_.set_value();
    while (!context.cancelled() &&
           released_.wait_for(std::chrono::milliseconds(5)) != std::future_status::ready) {
    }
    context.ThrowIfCancelled();
    return TextResult("waited");
  }
  std::future<void> started() { return started_.get_future(); }
  void release() { release_.set_value(); }

 private:
  std::promise<void> started_;
  std::promise<void> release_;
  std::shared_future<void> released_ = release_.get_future().share();
};

// Runs the server over the given lines and returns the messages it wrote.
std::vector<json> Serve(ToolBox& tools, const std::string& input) {
  McpServer server(tools, McpServerInfo{});
  std::istringstream in(input);
  std::ostringstream out;
  server.Serve(in, out);
  std::vector<json> messages;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) messages.push_back(json::parse(line));
  return messages;
}

TEST(McpServer, InitializeNegotiatesTheRevision) {
  FakeTools tools;
  const auto replies = Serve(
      tools,
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}})"
      "\n"
      R"({"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"1999-01-01"}})"
      "\n");
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0]["id"], 1);
  EXPECT_EQ(replies[0]["result"]["protocolVersion"], "2025-06-18");
  EXPECT_EQ(replies[0]["result"]["serverInfo"]["name"], "scenecraft");
  EXPECT_TRUE(replies[0]["result"]["capabilities"].contains("tools"));
  EXPECT_EQ(replies[1]["result"]["protocolVersion"], kMcpProtocolVersion);
}

TEST(McpServer, PingListAndCall) {
  FakeTools tools;
  const auto replies = Serve(tools,
                             "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\"}\n"
                             "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                             "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n"
                             "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":"
                             "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}}\n");
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0], json::parse(R"({"jsonrpc":"2.0","id":"a","result":{}})"));
  EXPECT_EQ(replies[1]["result"]["tools"].size(), 2u);
  EXPECT_EQ(replies[2]["result"]["content"][0]["text"], "hi");
  EXPECT_FALSE(replies[2]["result"].contains("isError"));
}

TEST(McpServer, ProtocolErrors) {
  FakeTools tools;
  const auto replies = Serve(
      tools,
      "not json\n"
      "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]\n"
      "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"resources/list\"}\n"
      "{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"ping\"}\n"
      "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"rm\"}}\n"
      "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":[1]}\n"
      "{\"jsonrpc\":\"2.0\",\"id\":{\"x\":1},\"method\":\"ping\"}\n");
  ASSERT_EQ(replies.size(), 7u);
  EXPECT_EQ(replies[0]["error"]["code"], kJsonRpcParseError);
  EXPECT_TRUE(replies[0]["id"].is_null());
  EXPECT_EQ(replies[1]["error"]["code"], kJsonRpcInvalidRequest);
  EXPECT_EQ(replies[2]["error"]["code"], kJsonRpcMethodNotFound);
  EXPECT_EQ(replies[3]["error"]["code"], kJsonRpcInvalidRequest);
  EXPECT_EQ(replies[4]["error"]["code"], kJsonRpcInvalidParams);
  EXPECT_EQ(replies[4]["error"]["message"], "unknown tool 'rm' (tools/list names the tools)");
  EXPECT_EQ(replies[5]["error"]["code"], kJsonRpcInvalidParams);
  EXPECT_EQ(replies[6]["error"]["code"], kJsonRpcInvalidRequest);
}

TEST(McpServer, InvalidArgumentsAndFailuresAreToolErrors) {
  FakeTools tools;
  const auto replies = Serve(tools,
                             "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                             "{\"name\":\"echo\",\"arguments\":{\"text\":5,\"x\":1}}}\n"
                             "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":"
                             "{\"name\":\"echo\",\"arguments\":{\"text\":\"fail\"}}}\n");
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0]["result"]["isError"], true);
  EXPECT_EQ(replies[0]["result"]["content"][0]["text"],
            "invalid arguments for echo:\n  /arguments/text: expected a string, found integer 5\n"
            "  /arguments/x: is not a known argument (known: text)");
  EXPECT_EQ(replies[1]["result"]["isError"], true);
  EXPECT_EQ(replies[1]["result"]["content"][0]["text"], "it failed: here");
}

TEST(McpServer, OverlongLinesAreParseErrors) {
  FakeTools tools;
  McpServer server(tools, McpServerInfo{});
  std::istringstream in(std::string(100, 'x') +
                        "\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n");
  std::ostringstream out;
  server.Serve(in, out, /*max_line_bytes=*/64);
  std::istringstream lines(out.str());
  std::string first, second;
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(json::parse(first)["error"]["code"], kJsonRpcParseError);
  EXPECT_EQ(json::parse(second)["result"], json::object());
}

// A line-at-a-time input the test feeds while the server runs.
class Pipe {
 public:
  void Write(const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex_);
    buffer_ += line + "\n";
    wake_.notify_all();
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    wake_.notify_all();
  }
  // Blocks for the next line; false once closed and drained.
  std::string Read() {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait(lock, [&] { return !buffer_.empty() || closed_; });
    std::string out;
    out.swap(buffer_);
    return out;
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string buffer_;
  bool closed_ = false;
};

class PipeBuf : public std::streambuf {
 public:
  explicit PipeBuf(Pipe& pipe) : pipe_(pipe) {}

 protected:
  int_type underflow() override {
    data_ = pipe_.Read();
    if (data_.empty()) return traits_type::eof();
    setg(data_.data(), data_.data(), data_.data() + data_.size());
    return traits_type::to_int_type(data_[0]);
  }

 private:
  Pipe& pipe_;
  std::string data_;
};

TEST(McpServer, PingIsAnsweredWhileACallRunsAndCancelledCallsGetNoResponse) {
  FakeTools tools;
  McpServer server(tools, McpServerInfo{});
  Pipe pipe;
  PipeBuf buffer(pipe);
  std::istream in(&buffer);
  std::ostringstream out;
  std::future<void> started = tools.started();
  std::thread serving([&] { server.Serve(in, out); });
  pipe.Write(
      R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"wait","_meta":{"progressToken":"p1"}}})");
  pipe.Write(
      R"({"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"text":"queued"}}})");
  ASSERT_EQ(started.wait_for(std::chrono::seconds(10)), std::future_status::ready);
  pipe.Write(R"({"jsonrpc":"2.0","id":3,"method":"ping"})");
  // The queued echo is dropped, the running wait stops; neither is answered.
  pipe.Write(R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":2}})");
  pipe.Write(
      R"({"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1,"reason":"user"}})");
  pipe.Close();
  serving.join();
  std::vector<json> messages;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) messages.push_back(json::parse(line));
  ASSERT_EQ(messages.size(), 2u) << out.str();
  EXPECT_EQ(messages[0]["method"], "notifications/progress");
  EXPECT_EQ(messages[0]["params"]["progressToken"], "p1");
  EXPECT_EQ(messages[0]["params"]["message"], "started");
  EXPECT_EQ(messages[1]["id"], 3);
  EXPECT_EQ(messages[1]["result"], json::object());
}

}  // namespace
}  // namespace scenecraft
