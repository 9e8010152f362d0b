#include "scenecraft/llm/chat_client.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <thread>

#include "scenecraft/util/files.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using nlohmann::json;

double NowS() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// A short one-line quote of a server's text for messages.
std::string OneLine(std::string_view text) {
  return EscapeControls(Excerpt(text, 300), /*keep_newlines=*/false);
}

bool Retryable(const HttpResponse& r) {
  return r.status == 0 || r.status == 429 || r.status >= 500;
}

// The "content" of one message: a string, or text and image parts when there are images.
json MessageContent(const ChatMessage& m) {
  if (m.pngs.empty()) return m.text;
  json parts = json::array();
  parts.push_back(json{{"type", "text"}, {"text", m.text}});
  for (const std::string& png : m.pngs) {
    parts.push_back(json{{"type", "image_url"},
                         {"image_url", json{{"url", "data:image/png;base64," + Base64(png)}}}});
  }
  return parts;
}

// A copy of a request body with image data replaced by its size (for the transcript).
json WithoutImageData(json body) {
  for (json& m : body["messages"]) {
    if (!m["content"].is_array()) continue;
    for (json& part : m["content"]) {
      if (part.value("type", "") != "image_url") continue;
      const std::string url = part["image_url"]["url"].get<std::string>();
      const std::string prefix = "data:image/png;base64,";
      part["image_url"]["url"] =
          prefix + "<" + std::to_string(url.size() - prefix.size()) + " characters>";
    }
  }
  return body;
}

// Reads choices[0].message and usage from a 200 reply; throws LlmError(kBadReply).
ChatReply ParseCompletion(const std::string& body, const std::string& endpoint) {
  json j;
  try {
    j = json::parse(body);
  } catch (const json::exception& e) {
    throw LlmError(LlmError::Kind::kBadReply,
                   endpoint + ": the reply is not JSON (" + e.what() + "): " + OneLine(body));
  }
  const json* message = nullptr;
  if (j.is_object() && j.contains("choices") && j["choices"].is_array() && !j["choices"].empty() &&
      j["choices"][0].is_object() && j["choices"][0].contains("message") &&
      j["choices"][0]["message"].is_object()) {
    message = &j["choices"][0]["message"];
  }
  if (message == nullptr) {
    throw LlmError(LlmError::Kind::kBadReply,
                   endpoint +
                       ": the reply has no /choices/0/message (is this an "
                       "OpenAI-compatible chat completions endpoint?): " +
                       OneLine(body));
  }
  ChatReply reply;
  if (message->contains("content")) {
    const json& content = (*message)["content"];
    if (content.is_string()) {
      reply.content = content.get<std::string>();
    } else if (content.is_array()) {
      for (const json& part : content) {
        if (part.is_object() && part.value("type", "") == "text" && part.contains("text") &&
            part["text"].is_string()) {
          reply.content += part["text"].get<std::string>();
        }
      }
    }
  }
  if (message->contains("refusal") && (*message)["refusal"].is_string()) {
    reply.refusal = (*message)["refusal"].get<std::string>();
  }
  const json& choice = j["choices"][0];
  if (choice.contains("finish_reason") && choice["finish_reason"].is_string()) {
    reply.finish_reason = choice["finish_reason"].get<std::string>();
  }
  if (reply.finish_reason == "content_filter" && reply.refusal.empty()) {
    reply.refusal = "the server's content filter stopped the reply";
  }
  if (j.contains("usage") && j["usage"].is_object()) {
    const json& usage = j["usage"];
    // Counts that are not whole numbers from 0 to 2^62 are ignored (then estimated).
    JsonProblems ignored;
    constexpr int64_t kMaxTokens = int64_t{1} << 62;
    if (usage.contains("prompt_tokens")) {
      reply.prompt_tokens =
          JsonInteger(usage["prompt_tokens"], "/usage/prompt_tokens", 0, kMaxTokens, &ignored)
              .value_or(0);
    }
    if (usage.contains("completion_tokens")) {
      reply.completion_tokens = JsonInteger(usage["completion_tokens"], "/usage/completion_tokens",
                                            0, kMaxTokens, &ignored)
                                    .value_or(0);
    }
  }
  return reply;
}

std::optional<double> ParseRetryAfter(const HttpResponse& r) {
  auto it = r.headers.find("retry-after");
  if (it == r.headers.end()) return std::nullopt;
  try {
    size_t used = 0;
    const double s = std::stod(it->second, &used);
    if (used == 0 || !(s >= 0)) return std::nullopt;
    return s;
  } catch (const std::exception&) {
    return std::nullopt;  // An HTTP date: fall back to our own backoff.
  }
}

}  // namespace

std::string_view LlmErrorKindName(LlmError::Kind kind) {
  switch (kind) {
    case LlmError::Kind::kAuth:
      return "auth";
    case LlmError::Kind::kNotFound:
      return "not_found";
    case LlmError::Kind::kBadRequest:
      return "bad_request";
    case LlmError::Kind::kRateLimit:
      return "rate_limit";
    case LlmError::Kind::kServer:
      return "server";
    case LlmError::Kind::kNetwork:
      return "network";
    case LlmError::Kind::kTls:
      return "tls";
    case LlmError::Kind::kBudget:
      return "budget";
    case LlmError::Kind::kBadReply:
      return "bad_reply";
  }
  return "?";
}

void LlmOptions::Check() const {
  if (model.empty()) throw Error("llm: no model named (--llm-model or \"model\" in the config)");
  if (!StartsWith(url, "http://") && !StartsWith(url, "https://")) {
    throw Error("llm: --llm-url must start with http:// or https://, found '" + url + "'");
  }
  if (!(connect_timeout_s > 0) || !(request_timeout_s > 0)) {
    throw Error("llm: timeouts must be positive");
  }
  if (max_retries < 0 || max_retries > 20) throw Error("llm: max_retries must be 0 to 20");
  if (backoff_base_s < 0 || backoff_max_s < 0 || retry_after_max_s < 0) {
    throw Error("llm: backoff delays must not be negative");
  }
  if (max_reply_bytes < 1024 || max_reply_bytes > (size_t{1} << 30)) {
    throw Error("llm: max_reply_bytes must be from 1024 to 1073741824");
  }
  if (max_calls < 1 || max_tokens < 1 || !(time_budget_s > 0)) {
    throw Error("llm: the budget (calls, tokens, seconds) must be positive");
  }
  if (response_format != "json_schema" && response_format != "json_object" &&
      response_format != "none") {
    throw Error("llm: response_format must be json_schema, json_object or none, found '" +
                response_format + "'");
  }
}

int64_t SaturatingAdd(int64_t a, int64_t b) {
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  if (a < 0) a = 0;
  if (b < 0) b = 0;
  return a > kMax - b ? kMax : a + b;
}

nlohmann::json CallRecordsToJson(const std::vector<CallRecord>& calls) {
  json out = json::array();
  for (const CallRecord& c : calls) {
    out.push_back(json{{"purpose", c.purpose},
                       {"attempts", c.attempts},
                       {"status", c.status},
                       {"prompt_tokens", c.prompt_tokens},
                       {"completion_tokens", c.completion_tokens},
                       {"wall_s", c.wall_s},
                       {"from_cache", c.from_cache},
                       {"outcome", c.outcome}});
  }
  return out;
}

void RealSleep(double seconds) {
  if (seconds > 0) std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw Error("OpenSSL: SHA-256 failed");
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

std::string Base64(std::string_view data) {
  std::string out(4 * ((data.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(data.data()),
                                static_cast<int>(data.size()));
  out.resize(static_cast<size_t>(n));
  return out;
}

ChatClient::ChatClient(LlmOptions options, HttpTransport* transport, SleepFn sleep)
    : options_(std::move(options)),
      transport_(transport),
      sleep_(std::move(sleep)),
      rng_(options_.seed) {
  options_.Check();
  std::string base = options_.url;
  while (EndsWith(base, "/")) base.pop_back();
  endpoint_ = EndsWith(base, "/chat/completions") ? base : base + "/chat/completions";
  response_format_supported_ = options_.response_format != "none";
  budget_start_s_ = NowS();
}

void ChatClient::ResetBudget() {
  calls_used_ = 0;
  tokens_used_ = 0;
  budget_start_s_ = NowS();
}

std::string ChatClient::Redact(std::string_view text) const {
  std::string out(text);
  // The configured key (too short a key cannot be found reliably).
  if (options_.api_key.size() >= 4) out = ReplaceAll(out, options_.api_key, "[REDACTED]");
  // Any bearer credential, whoever's: "Bearer <token>" in any case, as in an echoed
  // Authorization header.
  const std::string lower = ToLower(out);
  std::string result;
  size_t start = 0;
  for (size_t at = lower.find("bearer "); at != std::string::npos;
       at = lower.find("bearer ", at + 1)) {
    if (at < start) continue;
    size_t end = at + 7;
    while (end < out.size() && out[end] == ' ') ++end;
    const size_t token_begin = end;
    while (end < out.size() && (std::isalnum(static_cast<unsigned char>(out[end])) ||
                                std::string_view("-._~+/=").find(out[end]) != std::string::npos)) {
      ++end;
    }
    // Ordinary words after "bearer" ("bearer of news") are short; tokens are not.
    if (end - token_begin < 12 || out.compare(token_begin, 10, "[REDACTED]") == 0) continue;
    result.append(out, start, token_begin - start);
    result += "[REDACTED]";
    start = end;
  }
  result.append(out, start, std::string::npos);
  return result;
}

json ChatClient::RequestBody(const ChatRequest& request, bool with_response_format) const {
  json body{{"model", options_.model},
            {"temperature", options_.temperature},
            {"max_tokens", options_.max_reply_tokens},
            {"messages", json::array()}};
  for (const ChatMessage& m : request.messages) {
    body["messages"].push_back(json{{"role", m.role}, {"content", MessageContent(m)}});
  }
  if (with_response_format && request.schema) {
    if (options_.response_format == "json_schema") {
      body["response_format"] = json{
          {"type", "json_schema"},
          {"json_schema",
           json{{"name", request.schema_name}, {"schema", *request.schema}, {"strict", false}}}};
    } else if (options_.response_format == "json_object") {
      body["response_format"] = json{{"type", "json_object"}};
    }
  }
  return body;
}

void ChatClient::CheckBudget(const std::string& purpose) const {
  auto fail = [&](const std::string& what) {
    throw LlmError(LlmError::Kind::kBudget,
                   "llm budget spent before " + purpose + ": " + what +
                       " (raise it with --llm-budget or the config's max_calls/max_tokens/"
                       "time_budget_s)");
  };
  if (calls_used_ >= options_.max_calls) {
    fail(std::to_string(calls_used_) + " of " + std::to_string(options_.max_calls) + " calls");
  }
  if (tokens_used_ >= options_.max_tokens) {
    fail(std::to_string(tokens_used_) + " of " + std::to_string(options_.max_tokens) + " tokens");
  }
  const double used_s = NowS() - budget_start_s_;
  if (used_s >= options_.time_budget_s) {
    fail(FormatNumber(used_s, 1) + " of " + FormatNumber(options_.time_budget_s, 1) + " s");
  }
}

double ChatClient::RetryDelay(int retry, const HttpResponse& response) {
  if (auto after = ParseRetryAfter(response)) return std::min(*after, options_.retry_after_max_s);
  const double base = options_.backoff_base_s * std::pow(2.0, retry - 1);
  return std::min(options_.backoff_max_s, base * rng_.Uniform(0.5, 1.5));
}

ChatReply ChatClient::Complete(const ChatRequest& request) {
  CallRecord record;
  record.purpose = request.purpose;
  const double start = NowS();

  // A cached reply for the same request (model, messages, parameters; never the key).
  const json cache_body = RequestBody(request, /*with_response_format=*/true);
  const std::string key = Sha256Hex(cache_body.dump());
  const std::filesystem::path cache_file =
      options_.cache_dir.empty() ? std::filesystem::path() : options_.cache_dir / (key + ".json");
  if (options_.use_cache && !cache_file.empty() && std::filesystem::exists(cache_file)) {
    try {
      const json cached = json::parse(ReadFile(cache_file));
      ChatReply reply;
      reply.content = Redact(cached.at("content").get<std::string>());
      reply.refusal = Redact(cached.value("refusal", ""));
      reply.finish_reason = cached.value("finish_reason", "");
      reply.from_cache = true;
      reply.wall_s = NowS() - start;
      record.from_cache = true;
      record.outcome = reply.refusal.empty() ? "ok" : "refused";
      record.wall_s = reply.wall_s;
      calls_.push_back(record);
      LogDebug("llm: " + request.purpose + ": reply from the cache " + key.substr(0, 12));
      AppendTranscript(cache_body, &reply, record);
      return reply;
    } catch (const std::exception& e) {
      LogWarning("llm: ignoring unreadable cache entry " + cache_file.string() + ": " + e.what());
    }
  }

  if (fatal_) {
    record.outcome = fatal_->what();
    calls_.push_back(record);
    throw LlmError(fatal_->kind(), std::string(fatal_->what()) + " (not asked again)");
  }
  try {
    ChatReply reply = Attempts(request, &record);
    // Model text is data that flows into scene graphs, reports and files: no secrets in it.
    reply.content = Redact(reply.content);
    reply.refusal = Redact(reply.refusal);
    degraded_ = false;
    reply.wall_s = NowS() - start;
    record.wall_s = reply.wall_s;
    record.outcome = reply.refusal.empty() ? "ok" : "refused";
    calls_.push_back(record);
    if (!cache_file.empty()) {
      json entry{{"content", Redact(reply.content)},
                 {"refusal", Redact(reply.refusal)},
                 {"finish_reason", reply.finish_reason},
                 {"request_sha256", key}};
      try {
        WriteFileAtomic(cache_file, entry.dump(2) + "\n");
      } catch (const Error& e) {
        LogWarning(Redact(std::string("llm: could not write the cache: ") + e.what()));
      }
    }
    AppendTranscript(RequestBody(request, response_format_supported_), &reply, record);
    return reply;
  } catch (const LlmError& e) {
    record.wall_s = NowS() - start;
    record.outcome = Redact(e.what());
    calls_.push_back(record);
    AppendTranscript(RequestBody(request, response_format_supported_), nullptr, record);
    const LlmError redacted(e.kind(), Redact(e.what()));
    if (e.kind() == LlmError::Kind::kAuth || e.kind() == LlmError::Kind::kNotFound ||
        e.kind() == LlmError::Kind::kTls) {
      fatal_ = redacted;
    } else if (e.kind() != LlmError::Kind::kBudget && e.kind() != LlmError::Kind::kBadRequest) {
      degraded_ = true;
    }
    throw redacted;
  }
}

ChatReply ChatClient::Attempts(const ChatRequest& request, CallRecord* record) {
  int retry = 0;
  int timeouts = 0;
  bool format_fallback_used = false;
  for (;;) {
    CheckBudget(request.purpose);
    const json body = RequestBody(request, response_format_supported_);
    HttpRequest http;
    http.url = endpoint_;
    http.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
    http.headers["Content-Type"] = "application/json";
    if (!options_.api_key.empty()) http.headers["Authorization"] = "Bearer " + options_.api_key;
    http.connect_timeout_s = options_.connect_timeout_s;
    http.total_timeout_s = options_.request_timeout_s;
    http.ca_file = options_.ca_file;
    http.max_body_bytes = options_.max_reply_bytes;

    ++calls_used_;
    ++record->attempts;
    LogDebug(Redact("llm: " + request.purpose + ": POST " + endpoint_ + " (attempt " +
                    std::to_string(record->attempts) + ", " + std::to_string(http.body.size()) +
                    " bytes)"));
    const HttpResponse response = transport_->Post(http);
    record->status = response.status;

    // Success: parse and account tokens (estimated from sizes when the server sends no usage).
    std::optional<LlmError> bad_reply;
    std::optional<ChatReply> parsed;
    if (response.status >= 200 && response.status < 300) {
      try {
        parsed = ParseCompletion(response.body, endpoint_);
      } catch (const LlmError& e) {
        bad_reply = e;  // A garbled reply is retried like a server error.
      }
    }
    if (parsed) {
      ChatReply reply = std::move(*parsed);
      if (reply.prompt_tokens == 0 && reply.completion_tokens == 0) {
        reply.prompt_tokens = static_cast<int64_t>(http.body.size() / 4);
        reply.completion_tokens = static_cast<int64_t>(reply.content.size() / 4);
      }
      tokens_used_ =
          SaturatingAdd(tokens_used_, SaturatingAdd(reply.prompt_tokens, reply.completion_tokens));
      record->prompt_tokens = SaturatingAdd(record->prompt_tokens, reply.prompt_tokens);
      record->completion_tokens = SaturatingAdd(record->completion_tokens, reply.completion_tokens);
      reply.attempts = record->attempts;
      return reply;
    }

    // A reply past max_reply_bytes: refused while it arrived, and not asked for again.
    if (response.too_large) {
      throw LlmError(LlmError::Kind::kBadReply,
                     "llm: " + endpoint_ + ": the reply is larger than " +
                         std::to_string(options_.max_reply_bytes) +
                         " bytes (max_reply_bytes in the LLM config); it was not read further");
    }

    // A server that does not know response_format: ask again without it, once.
    const std::string excerpt = Redact(OneLine(response.body));
    if (response.status == 400 && body.contains("response_format") && !format_fallback_used &&
        ToLower(response.body).find("response_format") != std::string::npos) {
      LogWarning("llm: the server rejected response_format (" + excerpt +
                 "); asking again without it");
      response_format_supported_ = false;
      format_fallback_used = true;
      continue;
    }

    // Failures that a retry cannot fix say what to change.
    const std::string where = endpoint_ + " (model " + options_.model + ")";
    if (response.status == 401 || response.status == 403) {
      throw LlmError(LlmError::Kind::kAuth,
                     "llm: " + where + " refused the request with HTTP " +
                         std::to_string(response.status) +
                         ": set a valid API key in SCENECRAFT_API_KEY (or OPENAI_API_KEY) or the "
                         "config's api_key_env; server said: " +
                         excerpt);
    }
    if (response.status == 0 && response.permanent) {
      throw LlmError(LlmError::Kind::kTls, "llm: " + where + ": " + response.error);
    }
    if (response.status == 404) {
      throw LlmError(LlmError::Kind::kNotFound,
                     "llm: " + where +
                         " answered HTTP 404: check --llm-url (the API base, e.g. "
                         "http://127.0.0.1:8080/v1) and --llm-model; server said: " +
                         excerpt);
    }
    if (response.status != 0 && !Retryable(response) && !bad_reply) {
      throw LlmError(
          LlmError::Kind::kBadRequest,
          "llm: " + where + " answered HTTP " + std::to_string(response.status) + ": " + excerpt);
    }

    // Transient: 429, 5xx, network. Retry with backoff (or the server's Retry-After).
    const std::string what = bad_reply              ? std::string(bad_reply->what())
                             : response.status == 0 ? "no reply (" + response.error + ")"
                                                    : "HTTP " + std::to_string(response.status) +
                                                          (excerpt.empty() ? "" : ": " + excerpt);
    // A second timeout ends the call: a server that hangs twice is not worth another
    // request_timeout_s per retry.
    if (response.timed_out) ++timeouts;
    const int max_retries = degraded_ || timeouts >= 2 ? 0 : options_.max_retries;
    if (retry >= max_retries) {
      const LlmError::Kind kind = bad_reply                ? LlmError::Kind::kBadReply
                                  : response.status == 429 ? LlmError::Kind::kRateLimit
                                  : response.status >= 500 ? LlmError::Kind::kServer
                                                           : LlmError::Kind::kNetwork;
      throw LlmError(kind, "llm: " + where + ": " + what + " after " +
                               std::to_string(record->attempts) + " attempt(s)" +
                               (degraded_ ? " (no retries: the endpoint failed before)" : ""));
    }
    ++retry;
    const double delay = RetryDelay(retry, response);
    const double left = options_.time_budget_s - (NowS() - budget_start_s_);
    if (delay >= left) {
      throw LlmError(LlmError::Kind::kBudget, "llm: " + where + ": " + what +
                                                  "; the next retry in " + FormatNumber(delay, 1) +
                                                  " s would pass the time budget (" +
                                                  FormatNumber(left, 1) + " s left)");
    }
    LogWarning(Redact("llm: " + request.purpose + ": " + what + "; retry " + std::to_string(retry) +
                      "/" + std::to_string(options_.max_retries) + " in " + FormatNumber(delay, 2) +
                      " s"));
    sleep_(delay);
  }
}

void ChatClient::AppendTranscript(const json& body, const ChatReply* reply,
                                  const CallRecord& record) {
  if (options_.transcript_path.empty()) return;
  json entry{{"purpose", record.purpose},
             {"request", WithoutImageData(body)},
             {"attempts", record.attempts},
             {"status", record.status},
             {"from_cache", record.from_cache},
             {"prompt_tokens", record.prompt_tokens},
             {"completion_tokens", record.completion_tokens},
             {"wall_s", record.wall_s},
             {"outcome", record.outcome}};
  if (reply != nullptr) {
    entry["reply"] = reply->content;
    if (!reply->refusal.empty()) entry["refusal"] = reply->refusal;
  }
  const std::string line =
      Redact(entry.dump(-1, ' ', false, json::error_handler_t::replace)) + "\n";
  if (!options_.transcript_path.parent_path().empty()) {
    EnsureDirectory(options_.transcript_path.parent_path());
  }
  std::ofstream out(options_.transcript_path, std::ios::app | std::ios::binary);
  out << line;
  if (!out) LogWarning("llm: could not append to " + options_.transcript_path.string());
}

LlmOptions LoadLlmConfig(const std::filesystem::path& path, LlmOptions base) {
  const json j = ParseJson(ReadFile(path), path.string());
  JsonProblems problems;
  JsonObjectReader r(j, "", &problems);
  if (auto v = r.String("url")) base.url = *v;
  if (auto v = r.String("model")) base.model = *v;
  if (auto v = r.String("api_key")) base.api_key = *v;
  if (auto v = r.String("api_key_env")) {
    const char* value = std::getenv(v->c_str());
    if (value == nullptr || *value == '\0') {
      r.AddProblem("api_key_env", "the environment variable " + *v + " is not set");
    } else {
      base.api_key = value;
    }
  }
  if (auto v = r.Number("connect_timeout_s")) base.connect_timeout_s = *v;
  if (auto v = r.Number("request_timeout_s")) base.request_timeout_s = *v;
  constexpr int64_t kMaxInt = std::numeric_limits<int>::max();
  if (auto v = r.Integer("max_retries", 0, 20)) base.max_retries = static_cast<int>(*v);
  if (auto v = r.Number("backoff_base_s")) base.backoff_base_s = *v;
  if (auto v = r.Number("retry_after_max_s")) base.retry_after_max_s = *v;
  if (auto v = r.Integer("max_calls", 1, kMaxInt)) base.max_calls = static_cast<int>(*v);
  if (auto v = r.Integer("max_tokens", 1, std::numeric_limits<int64_t>::max())) {
    base.max_tokens = *v;
  }
  if (auto v = r.Number("time_budget_s")) base.time_budget_s = *v;
  if (auto v = r.Integer("max_reply_tokens", 1, kMaxInt)) {
    base.max_reply_tokens = static_cast<int>(*v);
  }
  if (auto v = r.Integer("max_reply_bytes", 1024, int64_t{1} << 30)) {
    base.max_reply_bytes = static_cast<size_t>(*v);
  }
  if (auto v = r.Number("temperature")) base.temperature = *v;
  if (auto v = r.String("response_format")) base.response_format = *v;
  if (auto v = r.String("cache_dir")) base.cache_dir = *v;
  if (auto v = r.String("ca_file")) base.ca_file = *v;
  r.Finish();
  problems.ThrowIfAny(path.string());
  return base;
}

std::optional<std::filesystem::path> DefaultLlmConfigPath() {
  std::filesystem::path dir;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0') {
    dir = xdg;
  } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    dir = std::filesystem::path(home) / ".config";
  } else {
    return std::nullopt;
  }
  const std::filesystem::path path = dir / "scenecraft" / "llm.json";
  if (std::filesystem::exists(path)) return path;
  return std::nullopt;
}

std::string ApiKeyFromEnvironment() {
  for (const char* name : {"SCENECRAFT_API_KEY", "OPENAI_API_KEY"}) {
    if (const char* v = std::getenv(name); v != nullptr && *v != '\0') return v;
  }
  return "";
}

std::string FallbackReason(const LlmError& error) {
  if (error.kind() == LlmError::Kind::kBudget) return error.what();
  return "the endpoint failed (" + std::string(LlmErrorKindName(error.kind())) +
         "): " + error.what();
}

}  // namespace scenecraft
