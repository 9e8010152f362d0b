// An OpenAI-compatible chat client (POST {url}/chat/completions): text and PNG images, JSON replies
// by response_format where the server supports it, retries with backoff, a per-scene budget, a
// response cache on disk and a record of every call. Any server that speaks the API works: hosted
// ones, llama.cpp server, Ollama, vLLM, LM Studio.
//
// The API key is a secret: it goes into the Authorization header and nowhere else. Every message
// this client builds (errors, logs, records, transcript, cache) passes through Redact().
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/llm/http_transport.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/rng.h"

namespace scenecraft {

struct LlmOptions {
  // Base URL of the API ("https://api.openai.com/v1", "http://127.0.0.1:8080/v1"); the client
  // appends /chat/completions unless the URL already ends with it.
  std::string url = "http://127.0.0.1:8080/v1";
  std::string model;                 // model name the server knows; required
  std::string api_key;               // secret; may be empty for local servers
  double connect_timeout_s = 10.0;   // per attempt: establishing the connection
  double request_timeout_s = 120.0;  // per attempt: the whole exchange
  int max_retries = 3;               // further attempts after a 429, 5xx or network failure
  double backoff_base_s = 1.0;       // first retry delay; doubles each retry, with +-50 % jitter
  double backoff_max_s = 20.0;       // longest computed backoff delay
  double retry_after_max_s = 30.0;   // a server's Retry-After is honoured up to this
  // Per-scene budget (ResetBudget() starts a scene): HTTP requests, tokens and wall time.
  int max_calls = 40;
  int64_t max_tokens = 200000;
  double time_budget_s = 600.0;
  int max_reply_tokens = 4096;  // max_tokens of one reply
  // A reply body longer than this is refused while it arrives (not retried): a hostile or broken
  // server cannot fill memory, disk and the terminal.
  size_t max_reply_bytes = size_t{8} << 20;
  double temperature = 0.2;
  // "json_schema", "json_object" or "none": how to ask for JSON. A server that rejects the
  // response_format (HTTP 400 naming it) is asked again without it, once per client.
  std::string response_format = "json_schema";
  bool use_cache = true;
  std::filesystem::path cache_dir;        // response cache; empty: no cache
  std::filesystem::path transcript_path;  // every exchange as JSON lines; empty: none
  std::string ca_file;  // PEM CA certificates to trust for an https:// url; empty: the system's
  uint64_t seed = 1;    // backoff jitter
  void Check() const;
};

// The failures of a call that the caller may want to tell apart.
class LlmError : public Error {
 public:
  enum class Kind {
    kAuth,        // 401/403: the key is missing or wrong
    kNotFound,    // 404: wrong URL or model
    kBadRequest,  // other 4xx
    kRateLimit,   // 429 after every retry
    kServer,      // 5xx after every retry
    kNetwork,     // connection refused, dropped or timed out after every retry
    kTls,         // the server's TLS certificate is not trusted
    kBudget,      // the per-scene budget of calls, tokens or time is spent
    kBadReply     // the server's reply is not the chat completions JSON
  };
  LlmError(Kind kind, const std::string& message) : Error(message), kind_(kind) {}
  Kind kind() const { return kind_; }

 private:
  Kind kind_;
};
std::string_view LlmErrorKindName(LlmError::Kind kind);
// Why a stage gave up on the model, for warnings and reports: the budget's own message, else
// "the endpoint failed (<kind>): <message>". Not yet redacted.
std::string FallbackReason(const LlmError& error);

struct ChatMessage {
  std::string role;  // "system", "user" or "assistant"
  std::string text;
  std::vector<std::string> pngs;  // PNG file contents, sent as base64 data URLs after the text
};

struct ChatRequest {
  std::string purpose;  // what the call is for, in records ("plan/assets", "critique")
  std::vector<ChatMessage> messages;
  // The JSON schema the reply should follow; nullopt: free text.
  std::optional<nlohmann::json> schema;
  std::string schema_name = "reply";
};

struct ChatReply {
  std::string content;        // the assistant's text (JSON when asked for)
  std::string refusal;        // the model's refusal, when it refused
  std::string finish_reason;  // "stop", "length", ...
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  bool from_cache = false;
  int attempts = 0;
  double wall_s = 0.0;
};

// One call, for reports: tokens and wall time (cached calls cost no tokens).
struct CallRecord {
  std::string purpose;
  int attempts = 0;
  int status = 0;  // last HTTP status, 0 for none
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  double wall_s = 0.0;
  bool from_cache = false;
  std::string outcome;  // "ok", "refused", or the error message
};
nlohmann::json CallRecordsToJson(const std::vector<CallRecord>& calls);

// a + b for token counts (both >= 0), stopping at the largest int64 instead of wrapping.
int64_t SaturatingAdd(int64_t a, int64_t b);

// Sleeps for the given seconds; injected so tests of the retry policy need not wait.
using SleepFn = std::function<void(double)>;
void RealSleep(double seconds);

class ChatClient {
 public:
  // `transport` must outlive the client.
  ChatClient(LlmOptions options, HttpTransport* transport, SleepFn sleep = RealSleep);

  // Sends one chat completion, retrying as LlmOptions says. Throws LlmError. After an auth or
  // not-found failure, later calls throw it again without a request; after a call that spent
  // every retry, later calls make a single attempt until one succeeds.
  ChatReply Complete(const ChatRequest& request);

  // Starts a new scene's budget.
  void ResetBudget();
  int calls_used() const { return calls_used_; }
  int64_t tokens_used() const { return tokens_used_; }
  const std::vector<CallRecord>& calls() const { return calls_; }
  const LlmOptions& options() const { return options_; }
  // The text with the API key, and any "Bearer <token>" credential, replaced by "[REDACTED]".
  // Complete() returns replies already redacted: a key a server echoes back never reaches a
  // scene graph, a warning, a report or a file.
  std::string Redact(std::string_view text) const;
  // The request body that Complete() would send (for tests and the cache key).
  nlohmann::json RequestBody(const ChatRequest& request, bool with_response_format) const;

 private:
  ChatReply Attempts(const ChatRequest& request, CallRecord* record);
  double RetryDelay(int retry, const HttpResponse& response);
  void CheckBudget(const std::string& purpose) const;
  void AppendTranscript(const nlohmann::json& body, const ChatReply* reply,
                        const CallRecord& record);

  LlmOptions options_;
  HttpTransport* transport_;
  SleepFn sleep_;
  Rng rng_;
  std::string endpoint_;
  bool response_format_supported_ = true;
  // After a 401/403/404 the endpoint is not asked again (the same request would fail the same
  // way); after a call that spent all its retries, later calls make one attempt each, so that a
  // dead endpoint costs a scene seconds, not minutes. A success clears `degraded_`.
  std::optional<LlmError> fatal_;
  bool degraded_ = false;
  int calls_used_ = 0;
  int64_t tokens_used_ = 0;
  double budget_start_s_ = 0.0;
  std::vector<CallRecord> calls_;
};

// Hex SHA-256 of a text (the cache key) and base64 (data URLs).
std::string Sha256Hex(std::string_view data);
std::string Base64(std::string_view data);

// Reads an LLM config file (JSON): url, model, api_key, api_key_env, timeouts, retries, budget,
// response_format, cache_dir. Fields override `base`; unknown keys are errors with pointers.
LlmOptions LoadLlmConfig(const std::filesystem::path& path, LlmOptions base);
// The default config file: $XDG_CONFIG_HOME/scenecraft/llm.json (or ~/.config/...), if it exists.
std::optional<std::filesystem::path> DefaultLlmConfigPath();
// The API key from SCENECRAFT_API_KEY, else OPENAI_API_KEY, else empty.
std::string ApiKeyFromEnvironment();

}  // namespace scenecraft
