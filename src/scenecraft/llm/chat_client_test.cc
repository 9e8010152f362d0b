// ChatClient against a fake transport (the HTTP seam): request shape, retries, backoff,
// Retry-After, no retry on 401/403/404, response_format fallback, budget, cache, redaction.
#include "scenecraft/llm/chat_client.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <deque>
#include <filesystem>
#include <limits>

#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kKey = "sk-test-SECRET-0123456789";

std::string Completion(const std::string& content, int prompt_tokens = 10,
                       int completion_tokens = 5) {
  return json{
      {"choices",
       {{{"message", {{"role", "assistant"}, {"content", content}}}, {"finish_reason", "stop"}}}},
      {"usage", {{"prompt_tokens", prompt_tokens}, {"completion_tokens", completion_tokens}}}}
      .dump();
}

HttpResponse Reply(int status, std::string body, std::map<std::string, std::string> headers = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

HttpResponse Dropped(const std::string& why) {
  HttpResponse r;
  r.error = why;
  return r;
}

// Replays scripted responses and records every request.
class FakeTransport : public HttpTransport {
 public:
  std::deque<HttpResponse> script;
  std::vector<HttpRequest> seen;
  HttpResponse Post(const HttpRequest& request) override {
    seen.push_back(request);
    if (script.empty()) return Reply(500, "script exhausted");
    HttpResponse r = script.front();
    script.pop_front();
    return r;
  }
};

LlmOptions Options() {
  LlmOptions o;
  o.url = "http://127.0.0.1:1/v1/";
  o.model = "test-model";
  o.api_key = kKey;
  o.backoff_base_s = 1.0;
  return o;
}

ChatRequest JsonRequest(const std::string& text = "plan a room") {
  ChatRequest r;
  r.purpose = "test";
  r.messages = {{"system", "STEP: assets", {}}, {"user", text, {}}};
  r.schema = json{{"type", "object"}};
  return r;
}

class ChatClientTest : public ::testing::Test {
 protected:
  FakeTransport transport;
  std::vector<double> sleeps;
  SleepFn sleep = [this](double s) { sleeps.push_back(s); };
};

TEST_F(ChatClientTest, SendsModelMessagesSchemaAndBearerKeyToChatCompletions) {
  transport.script.push_back(Reply(200, Completion("{\"a\": 1}", 12, 7)));
  ChatClient client(Options(), &transport, sleep);
  const ChatReply reply = client.Complete(JsonRequest());
  EXPECT_EQ(reply.content, "{\"a\": 1}");
  EXPECT_EQ(reply.prompt_tokens, 12);
  EXPECT_EQ(reply.completion_tokens, 7);
  ASSERT_EQ(transport.seen.size(), 1u);
  const HttpRequest& req = transport.seen[0];
  EXPECT_EQ(req.url, "http://127.0.0.1:1/v1/chat/completions");
  EXPECT_EQ(req.headers.at("Authorization"), std::string("Bearer ") + kKey);
  const json body = json::parse(req.body);
  EXPECT_EQ(body["model"], "test-model");
  EXPECT_EQ(body["messages"][1]["content"], "plan a room");
  EXPECT_EQ(body["response_format"]["type"], "json_schema");
  EXPECT_EQ(body["response_format"]["json_schema"]["schema"], json({{"type", "object"}}));
  // The key is only in the header, never in the body.
  EXPECT_EQ(req.body.find(kKey), std::string::npos);
  EXPECT_EQ(client.tokens_used(), 19);
  ASSERT_EQ(client.calls().size(), 1u);
  EXPECT_EQ(client.calls()[0].outcome, "ok");
}

TEST_F(ChatClientTest, ImagesGoAsBase64PngDataUrls) {
  transport.script.push_back(Reply(200, Completion("ok")));
  ChatClient client(Options(), &transport, sleep);
  ChatRequest request;
  request.messages = {{"user", "look", {std::string("\x89PNG\r\n", 6)}}};
  client.Complete(request);
  const json body = json::parse(transport.seen[0].body);
  const json& content = body["messages"][0]["content"];
  ASSERT_TRUE(content.is_array());
  EXPECT_EQ(content[0]["type"], "text");
  EXPECT_EQ(content[1]["type"], "image_url");
  EXPECT_EQ(content[1]["image_url"]["url"], "data:image/png;base64,iVBORw0K");
  EXPECT_FALSE(body.contains("response_format"));  // no schema asked
}

TEST_F(ChatClientTest, RetriesServerErrorsWithGrowingJitteredBackoff) {
  transport.script = {Reply(500, "boom"), Reply(502, "bad gateway"), Dropped("refused"),
                      Reply(200, Completion("done"))};
  ChatClient client(Options(), &transport, sleep);
  EXPECT_EQ(client.Complete(JsonRequest()).content, "done");
  ASSERT_EQ(sleeps.size(), 3u);
  // base * 2^(n-1) with +-50 % jitter.
  EXPECT_GE(sleeps[0], 0.5);
  EXPECT_LE(sleeps[0], 1.5);
  EXPECT_GE(sleeps[1], 1.0);
  EXPECT_LE(sleeps[1], 3.0);
  EXPECT_GE(sleeps[2], 2.0);
  EXPECT_LE(sleeps[2], 6.0);
  EXPECT_EQ(client.calls()[0].attempts, 4);
}

TEST_F(ChatClientTest, ASecondTimeoutEndsTheCall) {
  HttpResponse timeout = Dropped("Timeout was reached");
  timeout.timed_out = true;
  transport.script = {timeout, timeout, Reply(200, Completion("late"))};
  ChatClient client(Options(), &transport, sleep);
  try {
    client.Complete(JsonRequest());
    FAIL();
  } catch (const LlmError& e) {
    EXPECT_EQ(e.kind(), LlmError::Kind::kNetwork);
  }
  EXPECT_EQ(transport.seen.size(), 2u);
}

TEST_F(ChatClientTest, HonoursRetryAfterUpToTheCap) {
  transport.script = {Reply(429, "slow down", {{"retry-after", "2"}}),
                      Reply(429, "slow down", {{"retry-after", "3600"}}),
                      Reply(200, Completion("done"))};
  LlmOptions options = Options();
  options.retry_after_max_s = 30;
  ChatClient client(options, &transport, sleep);
  client.Complete(JsonRequest());
  EXPECT_EQ(sleeps, (std::vector<double>{2.0, 30.0}));
}

TEST_F(ChatClientTest, GivesUpAfterMaxRetriesWithTheLastFailure) {
  transport.script = {Reply(503, "down"), Reply(503, "down"), Reply(503, "down"),
                      Reply(503, "still down")};
  ChatClient client(Options(), &transport, sleep);
  try {
    client.Complete(JsonRequest());
    FAIL() << "expected LlmError";
  } catch (const LlmError& e) {
    EXPECT_EQ(e.kind(), LlmError::Kind::kServer);
    EXPECT_NE(std::string(e.what()).find("HTTP 503: still down after 4 attempt(s)"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(transport.seen.size(), 4u);
}

TEST_F(ChatClientTest, NoRetryOnAuthOrNotFoundAndTheMessageSaysWhatToFix) {
  for (int status : {401, 403, 404}) {
    FakeTransport t;
    t.script = {Reply(status, std::string("{\"error\": \"bad key ") + kKey + "\"}")};
    ChatClient client(Options(), &t, sleep);
    try {
      client.Complete(JsonRequest());
      FAIL() << status;
    } catch (const LlmError& e) {
      const std::string what = e.what();
      EXPECT_EQ(t.seen.size(), 1u) << status;
      EXPECT_EQ(what.find(kKey), std::string::npos) << what;  // echoed key is redacted
      EXPECT_NE(what.find("[REDACTED]"), std::string::npos) << what;
      if (status == 404) {
        EXPECT_EQ(e.kind(), LlmError::Kind::kNotFound);
        EXPECT_NE(what.find("check --llm-url"), std::string::npos) << what;
      } else {
        EXPECT_EQ(e.kind(), LlmError::Kind::kAuth);
        EXPECT_NE(what.find("SCENECRAFT_API_KEY"), std::string::npos) << what;
      }
    }
  }
  EXPECT_TRUE(sleeps.empty());
}

TEST_F(ChatClientTest, AfterAuthFailureTheEndpointIsNotAskedAgain) {
  transport.script = {Reply(401, "bad key"), Reply(200, Completion("{}"))};
  ChatClient client(Options(), &transport, sleep);
  EXPECT_THROW(client.Complete(JsonRequest()), LlmError);
  try {
    client.Complete(JsonRequest("second"));
    FAIL();
  } catch (const LlmError& e) {
    EXPECT_EQ(e.kind(), LlmError::Kind::kAuth);
    EXPECT_NE(std::string(e.what()).find("not asked again"), std::string::npos);
  }
  EXPECT_EQ(transport.seen.size(), 1u);
}

TEST_F(ChatClientTest, AfterSpendingEveryRetryLaterCallsTryOnceUntilOneSucceeds) {
  LlmOptions options = Options();
  options.max_retries = 2;
  transport.script = {Dropped("refused"), Dropped("refused"),           Dropped("refused"),
                      Dropped("refused"), Reply(200, Completion("{}")), Dropped("refused"),
                      Dropped("refused"), Reply(200, Completion("{}"))};
  ChatClient client(options, &transport, sleep);
  EXPECT_THROW(client.Complete(JsonRequest("1")), LlmError);  // 3 attempts
  EXPECT_THROW(client.Complete(JsonRequest("2")), LlmError);  // 1 attempt
  EXPECT_EQ(transport.seen.size(), 4u);
  client.Complete(JsonRequest("3"));  // succeeds: retries are back
  EXPECT_NO_THROW(client.Complete(JsonRequest("4")));
  EXPECT_EQ(transport.seen.size(), 8u);
}

TEST_F(ChatClientTest, AsksAgainWithoutResponseFormatWhenTheServerRejectsIt) {
  transport.script = {Reply(400, "{\"error\": \"response_format is not supported\"}"),
                      Reply(200, Completion("{}")), Reply(200, Completion("{}"))};
  ChatClient client(Options(), &transport, sleep);
  client.Complete(JsonRequest());
  client.Complete(JsonRequest("again"));
  ASSERT_EQ(transport.seen.size(), 3u);
  EXPECT_TRUE(json::parse(transport.seen[0].body).contains("response_format"));
  EXPECT_FALSE(json::parse(transport.seen[1].body).contains("response_format"));
  // Remembered for the next call.
  EXPECT_FALSE(json::parse(transport.seen[2].body).contains("response_format"));
}

TEST_F(ChatClientTest, OtherBadRequestsAreNotRetried) {
  transport.script = {Reply(400, "{\"error\": \"context length exceeded\"}")};
  ChatClient client(Options(), &transport, sleep);
  EXPECT_THROW(client.Complete(JsonRequest()), LlmError);
  EXPECT_EQ(transport.seen.size(), 1u);
}

TEST_F(ChatClientTest, GarbledReplyIsRetriedThenReported) {
  transport.script = {Reply(200, "<html>proxy error</html>"), Reply(200, "{\"nope\": 1}")};
  LlmOptions options = Options();
  options.max_retries = 1;
  ChatClient client(options, &transport, sleep);
  try {
    client.Complete(JsonRequest());
    FAIL();
  } catch (const LlmError& e) {
    EXPECT_EQ(e.kind(), LlmError::Kind::kBadReply);
    EXPECT_NE(std::string(e.what()).find("/choices/0/message"), std::string::npos) << e.what();
  }
}

TEST_F(ChatClientTest, RefusalIsAReplyNotAnError) {
  transport.script = {Reply(
      200, json{{"choices",
                 {{{"message", {{"content", nullptr}, {"refusal", "I can't help with that."}}}}}}}
               .dump())};
  ChatClient client(Options(), &transport, sleep);
  const ChatReply reply = client.Complete(JsonRequest());
  EXPECT_EQ(reply.refusal, "I can't help with that.");
  EXPECT_EQ(client.calls()[0].outcome, "refused");
}

TEST_F(ChatClientTest, BudgetOfCallsAndTokensStopsFurtherRequests) {
  LlmOptions options = Options();
  options.max_calls = 2;
  transport.script = {Reply(200, Completion("1")), Reply(200, Completion("2")),
                      Reply(200, Completion("3"))};
  ChatClient client(options, &transport, sleep);
  client.Complete(JsonRequest("a"));
  client.Complete(JsonRequest("b"));
  try {
    client.Complete(JsonRequest("c"));
    FAIL();
  } catch (const LlmError& e) {
    EXPECT_EQ(e.kind(), LlmError::Kind::kBudget);
    EXPECT_NE(std::string(e.what()).find("2 of 2 calls"), std::string::npos) << e.what();
  }
  EXPECT_EQ(transport.seen.size(), 2u);

  LlmOptions tokens = Options();
  tokens.max_tokens = 20;
  FakeTransport t;
  t.script = {Reply(200, Completion("x", 15, 10)), Reply(200, Completion("y"))};
  ChatClient small(tokens, &t, sleep);
  small.Complete(JsonRequest());
  EXPECT_THROW(small.Complete(JsonRequest("more")), LlmError);
  small.ResetBudget();
  EXPECT_NO_THROW(small.Complete(JsonRequest("next scene")));
}

TEST_F(ChatClientTest, RetryThatWouldPassTheTimeBudgetIsNotWaitedFor) {
  LlmOptions options = Options();
  options.time_budget_s = 5;
  transport.script = {Reply(429, "", {{"retry-after", "20"}})};
  options.retry_after_max_s = 60;
  ChatClient client(options, &transport, sleep);
  try {
    client.Complete(JsonRequest());
    FAIL();
  } catch (const LlmError& e) {
    EXPECT_EQ(e.kind(), LlmError::Kind::kBudget);
  }
  EXPECT_TRUE(sleeps.empty());
}

TEST_F(ChatClientTest, CacheAnswersTheSameRequestWithoutTheServerAndHoldsNoKey) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_llm_cache_test_" + std::to_string(getpid()));
  fs::remove_all(dir);
  LlmOptions options = Options();
  options.cache_dir = dir;
  transport.script = {Reply(200, Completion(std::string("{\"echo\": \"") + kKey + "\"}"))};
  {
    ChatClient client(options, &transport, sleep);
    client.Complete(JsonRequest());
  }
  ChatClient again(options, &transport, sleep);
  const ChatReply cached = again.Complete(JsonRequest());
  EXPECT_TRUE(cached.from_cache);
  EXPECT_EQ(transport.seen.size(), 1u);
  EXPECT_EQ(again.calls_used(), 0);
  for (const auto& entry : fs::directory_iterator(dir)) {
    EXPECT_EQ(ReadFile(entry.path()).find(kKey), std::string::npos) << entry.path();
  }
  // A different request, or --no-cache, asks the server.
  transport.script = {Reply(200, Completion("{}")), Reply(200, Completion("{}"))};
  again.Complete(JsonRequest("another room"));
  EXPECT_EQ(transport.seen.size(), 2u);
  options.use_cache = false;
  ChatClient no_cache(options, &transport, sleep);
  EXPECT_FALSE(no_cache.Complete(JsonRequest()).from_cache);
  EXPECT_EQ(transport.seen.size(), 3u);
  // The key is not part of the cache key: another key finds the same entry.
  options.use_cache = true;
  options.api_key = "sk-other-key-9876";
  ChatClient other_key(options, &transport, sleep);
  EXPECT_TRUE(other_key.Complete(JsonRequest()).from_cache);
  fs::remove_all(dir);
}

TEST_F(ChatClientTest, TranscriptHasRequestsAndRepliesButNoKeyOrImageBytes) {
  const fs::path path = fs::temp_directory_path() /
                        ("scenecraft_llm_transcript_test_" + std::to_string(getpid()) + ".jsonl");
  fs::remove(path);
  LlmOptions options = Options();
  options.transcript_path = path;
  transport.script = {Reply(200, Completion("{\"ok\": true}"))};
  ChatClient client(options, &transport, sleep);
  ChatRequest request = JsonRequest(std::string("my key is ") + kKey);
  request.messages[1].pngs = {std::string(3000, 'x')};
  client.Complete(request);
  const std::string text = ReadFile(path);
  EXPECT_EQ(text.find(kKey), std::string::npos);
  EXPECT_NE(text.find("[REDACTED]"), std::string::npos);
  EXPECT_NE(text.find("<4000 characters>"), std::string::npos) << text;
  EXPECT_NE(text.find("{\\\"ok\\\": true}"), std::string::npos) << text;
  fs::remove(path);
}

TEST_F(ChatClientTest, HugeOrBrokenTokenCountsSaturateInsteadOfWrapping) {
  // 3e9 does not fit an int (it wrapped to a negative count before); 1e30 and -5 are ignored
  // (then estimated from the sizes).
  const std::string huge = R"({"choices": [{"message": {"role": "assistant", "content": "{}"}}],
      "usage": {"prompt_tokens": 3000000000, "completion_tokens": 9223372036854775807}})";
  const std::string broken = R"({"choices": [{"message": {"role": "assistant", "content": "{}"}}],
      "usage": {"prompt_tokens": 1e30, "completion_tokens": -5}})";
  transport.script = {Reply(200, broken), Reply(200, huge)};
  LlmOptions options = Options();
  options.max_tokens = std::numeric_limits<int64_t>::max();
  ChatClient client(options, &transport, sleep);
  const ChatReply first = client.Complete(JsonRequest("a"));
  EXPECT_GT(first.prompt_tokens, 0);  // estimated
  EXPECT_EQ(first.completion_tokens, 0);
  const ChatReply second = client.Complete(JsonRequest("b"));
  EXPECT_EQ(second.prompt_tokens, 3000000000);
  EXPECT_EQ(second.completion_tokens, 0);  // beyond 2^62: ignored
  EXPECT_GT(client.tokens_used(), 3000000000);
  EXPECT_EQ(SaturatingAdd(std::numeric_limits<int64_t>::max(), 5),
            std::numeric_limits<int64_t>::max());
  EXPECT_EQ(SaturatingAdd(2, 3), 5);
}

TEST_F(ChatClientTest, AKeyTheServerEchoesBackIsRedactedFromTheReply) {
  transport.script = {Reply(200, Completion(std::string("sofa; key ") + kKey +
                                            "; Authorization: Bearer other-token-0123456789abc; "
                                            "the bearer of good news"))};
  ChatClient client(Options(), &transport, sleep);
  const ChatReply reply = client.Complete(JsonRequest());
  EXPECT_EQ(reply.content.find(kKey), std::string::npos) << reply.content;
  EXPECT_EQ(reply.content.find("other-token"), std::string::npos) << reply.content;
  EXPECT_NE(reply.content.find("Bearer [REDACTED]"), std::string::npos) << reply.content;
  EXPECT_NE(reply.content.find("the bearer of good news"), std::string::npos) << reply.content;
}

TEST_F(ChatClientTest, ATooLargeReplyIsNotRetriedAndSaysTheLimit) {
  HttpResponse big = Dropped("the reply is larger than 1024 bytes");
  big.too_large = true;
  big.permanent = true;
  transport.script = {big, Reply(200, Completion("{}"))};
  LlmOptions options = Options();
  options.max_reply_bytes = 1024;
  ChatClient client(options, &transport, sleep);
  try {
    client.Complete(JsonRequest());
    FAIL();
  } catch (const LlmError& e) {
    EXPECT_EQ(e.kind(), LlmError::Kind::kBadReply);
    EXPECT_NE(std::string(e.what()).find("the reply is larger than 1024 bytes (max_reply_bytes"),
              std::string::npos)
        << e.what();
  }
  ASSERT_EQ(transport.seen.size(), 1u);
  EXPECT_EQ(transport.seen[0].max_body_bytes, 1024u);
}

TEST(LlmConfig, IntegersFollowTheOneNumberPolicy) {
  const fs::path path = fs::temp_directory_path() /
                        ("scenecraft_llm_config_ints_" + std::to_string(getpid()) + ".json");
  WriteFileAtomic(path, R"({"model": "m", "max_calls": 1e20, "max_retries": 2.5,
                           "max_reply_bytes": 4096})");
  try {
    LoadLlmConfig(path, LlmOptions{});
    FAIL();
  } catch (const Error& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("/max_calls: expected an integer from 1 to 2147483647, found 1e+20"),
              std::string::npos)
        << what;
    EXPECT_NE(what.find("/max_retries: expected an integer from 0 to 20, found 2.5"),
              std::string::npos)
        << what;
  }
  WriteFileAtomic(path, R"({"model": "m", "max_tokens": 1e400})");
  try {
    LoadLlmConfig(path, LlmOptions{});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("number overflow"), std::string::npos) << e.what();
  }
  WriteFileAtomic(path, R"({"model": "m", "max_reply_bytes": 4096})");
  EXPECT_EQ(LoadLlmConfig(path, LlmOptions{}).max_reply_bytes, 4096u);
  fs::remove(path);
}

TEST(LlmConfig, ReadsFieldsAndRejectsUnknownKeys) {
  const fs::path path = fs::temp_directory_path() /
                        ("scenecraft_llm_config_test_" + std::to_string(getpid()) + ".json");
  WriteFileAtomic(path, R"({"url": "https://example.test/v1", "model": "m", "max_retries": 1,
                           "time_budget_s": 30})");
  const LlmOptions o = LoadLlmConfig(path, LlmOptions{});
  EXPECT_EQ(o.url, "https://example.test/v1");
  EXPECT_EQ(o.model, "m");
  EXPECT_EQ(o.max_retries, 1);
  EXPECT_EQ(o.time_budget_s, 30);
  WriteFileAtomic(path, R"({"model": "m", "temprature": 0.1})");
  try {
    LoadLlmConfig(path, LlmOptions{});
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/temprature"), std::string::npos) << e.what();
  }
  fs::remove(path);
}

TEST(LlmOptions, CheckNamesTheBadField) {
  LlmOptions o;
  EXPECT_THROW(o.Check(), Error);  // no model
  o.model = "m";
  o.url = "ftp://x";
  EXPECT_THROW(o.Check(), Error);
}

TEST(Sha256, MatchesKnownDigest) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Base64("hello"), "aGVsbG8=");
}

}  // namespace
}  // namespace scenecraft
