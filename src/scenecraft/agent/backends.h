// The planner and critic a scene is generated with (ARCHITECTURE.md section 6): the offline ones,
// or an LLM planner and a vision critic on an OpenAI-compatible endpoint, with the offline ones to
// fall back to. The CLI binds its --planner, --critic and --llm-* flags to BackendOptions; every
// caller of Generate (generate, eval, a batch) builds its backends with MakeBackends.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "scenecraft/core/stages.h"
#include "scenecraft/llm/chat_client.h"

namespace scenecraft {

struct BackendOptions {
  std::string planner = "offline";   // offline | llm
  std::string critic = "geometric";  // geometric | vlm | both
  std::string url;                   // overrides the config's url
  std::string model;                 // overrides the config's model
  std::string config;                // config file; default $XDG_CONFIG_HOME/scenecraft/llm.json
  bool no_cache = false;             // do not use the response cache
  std::string budget;                // per scene: "CALLS" or "calls=N,tokens=N,seconds=S"
  bool UsesLlm() const { return planner == "llm" || critic == "vlm" || critic == "both"; }
  void Check() const;
};

// The LLM options that the backend options, the config file and the environment give, in this
// order of precedence: the options, then the config file, then SCENECRAFT_API_KEY /
// OPENAI_API_KEY for the key.
LlmOptions ResolveLlmOptions(const BackendOptions& options);

// What the model calls of one scene came to.
struct SceneCalls {
  std::vector<CallRecord> calls;      // every model call (empty with the offline backends)
  std::vector<std::string> warnings;  // the vision critic's fallbacks, for the report
};

// The planner and critic, with what they need (transport, client, the offline planner and
// geometric critic to fall back to), owned together. One Backends serves a batch of scenes: each
// scene starts with BeginScene (a fresh per-scene budget and transcript) and ends with EndScene.
class Backends {
 public:
  // The backends the options choose; throws Error on a bad choice or an incomplete LLM setup.
  explicit Backends(const BackendOptions& options);
  // Given planner and critic (tests, callers with their own); both must outlive the backends.
  Backends(Planner& planner, Critic& critic);
  ~Backends();
  Planner& planner();
  Critic& critic();
  // Starts a scene whose files go into `dir` (may be empty): llm_transcript.jsonl there.
  void BeginScene(const std::filesystem::path& dir);
  // Ends the scene: logs the calls, tokens and time and writes dir/llm_calls.json.
  SceneCalls EndScene();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

// The factory: the backends the options choose.
std::unique_ptr<Backends> MakeBackends(const BackendOptions& options);

}  // namespace scenecraft
