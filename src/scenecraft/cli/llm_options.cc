#include "scenecraft/cli/llm_options.h"

#include <cstdlib>

#include "scenecraft/cli/usage_error.h"
#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/critic/vlm_critic.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/llm/http_transport.h"
#include "scenecraft/llm/llm_planner.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;

namespace {

// $XDG_CACHE_HOME/scenecraft/llm, or ~/.cache/scenecraft/llm; empty when neither is known.
fs::path DefaultCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return fs::path(xdg) / "scenecraft" / "llm";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return fs::path(home) / ".cache" / "scenecraft" / "llm";
  }
  return {};
}

void ApplyBudget(const std::string& text, LlmOptions* options) {
  if (text.empty()) return;
  auto number = [&](const std::string& value) {
    try {
      size_t used = 0;
      const double v = std::stod(value, &used);
      // Whole numbers up to 1e9 calls or tokens, and up to a year of seconds.
      if (used != value.size() || !(v > 0) || !(v <= 1e9)) throw std::invalid_argument("v");
      return v;
    } catch (const std::exception&) {
      throw UsageError("--llm-budget: '" + value +
                       "' is not a number from 0 to 1e9 (expected CALLS or "
                       "calls=N,tokens=N,seconds=S)");
    }
  };
  for (const std::string& part : Split(text, ',')) {
    const size_t eq = part.find('=');
    if (eq == std::string::npos) {
      options->max_calls = static_cast<int>(number(part));
      continue;
    }
    const std::string key(Trim(part.substr(0, eq)));
    const double value = number(std::string(Trim(part.substr(eq + 1))));
    if (key == "calls") {
      options->max_calls = static_cast<int>(value);
    } else if (key == "tokens") {
      options->max_tokens = static_cast<int64_t>(value);
    } else if (key == "seconds") {
      options->time_budget_s = value;
    } else {
      throw UsageError("--llm-budget: unknown key '" + key +
                       "' (expected calls, tokens or seconds)");
    }
  }
}

}  // namespace

void LlmFlags::Check() const {
  if (planner != "offline" && planner != "llm") {
    throw UsageError("--planner: expected offline or llm, found '" + planner + "'");
  }
  if (critic != "geometric" && critic != "vlm" && critic != "both") {
    throw UsageError("--critic: expected geometric, vlm or both, found '" + critic + "'");
  }
}

void AddLlmFlags(CLI::App* app, LlmFlags* flags, bool with_critic) {
  app->add_option("--planner", flags->planner, "Planner: offline (default) or llm")
      ->capture_default_str();
  if (with_critic) {
    app->add_option("--critic", flags->critic, "Critic: geometric (default), vlm or both")
        ->capture_default_str();
  }
  app->add_option("--llm-url", flags->url,
                  "OpenAI-compatible API base URL, e.g. http://127.0.0.1:8080/v1");
  app->add_option("--llm-model", flags->model, "Model name the server knows");
  app->add_option("--llm-config", flags->config,
                  "LLM config file (JSON; default $XDG_CONFIG_HOME/scenecraft/llm.json)");
  app->add_flag("--no-cache", flags->no_cache, "Do not use the LLM response cache");
  app->add_option("--llm-budget", flags->budget,
                  "Per-scene LLM budget: CALLS, or calls=N,tokens=N,seconds=S");
}

LlmOptions ResolveLlmOptions(const LlmFlags& flags) {
  LlmOptions options;
  options.api_key = ApiKeyFromEnvironment();
  options.cache_dir = DefaultCacheDir();
  if (!flags.config.empty()) {
    options = LoadLlmConfig(flags.config, options);
  } else if (auto path = DefaultLlmConfigPath()) {
    LogDebug("llm: reading " + path->string());
    options = LoadLlmConfig(*path, options);
  }
  if (!flags.url.empty()) options.url = flags.url;
  if (!flags.model.empty()) options.model = flags.model;
  options.use_cache = !flags.no_cache;
  ApplyBudget(flags.budget, &options);
  options.Check();
  return options;
}

struct Backends::Parts {
  fs::path out_dir;
  OfflinePlanner offline;
  GeometricCritic geometric;
  std::unique_ptr<CurlTransport> transport;
  std::unique_ptr<ChatClient> client;
  std::unique_ptr<LlmPlanner> llm_planner;
  std::unique_ptr<VlmCritic> vlm;
  std::unique_ptr<CombinedCritic> both;
  Planner* planner = nullptr;
  Critic* critic = nullptr;
};

Backends::Backends(const LlmFlags& flags, const fs::path& out_dir)
    : parts_(std::make_unique<Parts>()) {
  flags.Check();
  Parts& p = *parts_;
  p.out_dir = out_dir;
  p.planner = &p.offline;
  p.critic = &p.geometric;
  if (!flags.UsesLlm()) return;
  LlmOptions options = ResolveLlmOptions(flags);
  if (!out_dir.empty()) {
    options.transcript_path = out_dir / "llm_transcript.jsonl";
    std::error_code ignored;
    fs::remove(options.transcript_path, ignored);  // one run's transcript
  }
  p.transport = std::make_unique<CurlTransport>();
  p.client = std::make_unique<ChatClient>(options, p.transport.get());
  LogInfo("llm: " + p.client->Redact(options.url) + ", model " + options.model +
          (options.api_key.empty() ? ", no API key" : ", API key set") +
          (options.use_cache ? "" : ", no cache"));
  if (flags.planner == "llm") {
    p.llm_planner = std::make_unique<LlmPlanner>(p.client.get(), &p.offline);
    p.planner = p.llm_planner.get();
  }
  if (flags.critic == "vlm" || flags.critic == "both") {
    p.vlm = std::make_unique<VlmCritic>(p.client.get(), &p.geometric);
    p.critic = p.vlm.get();
    if (flags.critic == "both") {
      p.both = std::make_unique<CombinedCritic>(&p.geometric, p.vlm.get());
      p.critic = p.both.get();
    }
  }
}

Backends::~Backends() = default;

Planner& Backends::planner() {
  return *parts_->planner;
}

Critic& Backends::critic() {
  return *parts_->critic;
}

std::vector<CallRecord> Backends::Calls() const {
  return parts_->client ? parts_->client->calls() : std::vector<CallRecord>{};
}

std::vector<std::string> Backends::Finish() {
  Parts& p = *parts_;
  if (!p.client) return {};
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  double seconds = 0;
  int cached = 0;
  for (const CallRecord& c : p.client->calls()) {
    prompt_tokens = SaturatingAdd(prompt_tokens, c.prompt_tokens);
    completion_tokens = SaturatingAdd(completion_tokens, c.completion_tokens);
    seconds += c.wall_s;
    cached += c.from_cache ? 1 : 0;
  }
  LogInfo("llm: " + std::to_string(p.client->calls().size()) + " calls (" +
          std::to_string(p.client->calls_used()) + " HTTP requests, " + std::to_string(cached) +
          " from the cache), " + std::to_string(prompt_tokens) + " prompt + " +
          std::to_string(completion_tokens) + " completion tokens, " + FormatNumber(seconds, 2) +
          " s");
  if (!p.out_dir.empty() && fs::exists(p.out_dir)) {
    WriteFileAtomic(p.out_dir / "llm_calls.json",
                    p.client->Redact(CallRecordsToJson(p.client->calls()).dump(2)) + "\n");
  }
  return p.vlm ? p.vlm->warnings() : std::vector<std::string>{};
}

}  // namespace scenecraft
