// A real OpenAI-compatible HTTP server on 127.0.0.1 for the LLM tests and the fault matrix: it
// answers POST /v1/chat/completions with realistic replies of a planner and a vision critic for
// one living-room scene, and injects one fault per scenario (malformed JSON, missing fields,
// invented relation types, 429 with Retry-After, 500s, a reply slower than the timeout, a
// connection dropped mid-reply, a refusal, hostile content, ...). Test-only code (cpp-httplib).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace scenecraft::testing {

// The prompt whose plan the server replays (the server answers every prompt with this scene).
extern const char* const kReplayPrompt;

// Scenario names: see ReplayScenarios().
const std::vector<std::string>& ReplayScenarios();

struct RecordedRequest {
  std::string step;           // "assets", "subscenes", "relations", "critique" or "?"
  std::string authorization;  // the Authorization header as received
  std::string body;
  int status = 0;  // what the server answered (0: dropped)
};

class ReplayServer {
 public:
  // Starts listening on 127.0.0.1 (port 0: any free port). Throws Error for an unknown scenario.
  // With a certificate and key (PEM files) it speaks HTTPS.
  explicit ReplayServer(std::string scenario, int port = 0, double slow_s = 3.0,
                        const std::string& cert_pem = "", const std::string& key_pem = "");
  ~ReplayServer();
  ReplayServer(const ReplayServer&) = delete;
  ReplayServer& operator=(const ReplayServer&) = delete;

  int port() const;
  // "http://127.0.0.1:PORT/v1" (https:// with TLS)
  std::string base_url() const;
  std::vector<RecordedRequest> requests() const;
  // Blocks until Stop() or the process ends (for the stand-alone program).
  void Wait();
  void Stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace scenecraft::testing
