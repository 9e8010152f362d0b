// The LLM flags of `generate` and `plan` (--planner, --critic, --llm-url, --llm-model,
// --llm-config, --no-cache, --llm-budget) and the backends they choose, kept out of main.cc.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "scenecraft/core/stages.h"
#include "scenecraft/llm/chat_client.h"

namespace scenecraft {

struct LlmFlags {
  std::string planner = "offline";   // offline | llm
  std::string critic = "geometric";  // geometric | vlm | both
  std::string url;                   // overrides the config's url
  std::string model;                 // overrides the config's model
  std::string config;                // config file; default $XDG_CONFIG_HOME/scenecraft/llm.json
  bool no_cache = false;
  std::string budget;  // "CALLS" or "calls=N,tokens=N,seconds=S"
  bool UsesLlm() const { return planner == "llm" || critic == "vlm" || critic == "both"; }
  void Check() const;
};

// Adds the flags to a subcommand; `with_critic` for generate.
void AddLlmFlags(CLI::App* app, LlmFlags* flags, bool with_critic);

// The options the flags, the config file and the environment give, in this order of precedence:
// flags, then the config file, then SCENECRAFT_API_KEY / OPENAI_API_KEY for the key.
LlmOptions ResolveLlmOptions(const LlmFlags& flags);

// The planner and critic chosen by the flags, with what they need (transport, client, the
// offline planner and geometric critic to fall back to), owned together.
class Backends {
 public:
  // `out_dir` (may be empty) receives llm_transcript.jsonl and llm_calls.json.
  Backends(const LlmFlags& flags, const std::filesystem::path& out_dir);
  ~Backends();
  Planner& planner();
  Critic& critic();
  // Writes out_dir/llm_calls.json and logs the calls, tokens and time; returns the warnings of
  // the vision critic (fallbacks) for the report.
  std::vector<std::string> Finish();
  // The model calls made so far (empty with the offline planner and critic).
  std::vector<CallRecord> Calls() const;

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace scenecraft
