#include "scenecraft/agent/backends.h"

#include <cstdlib>

#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/critic/vlm_critic.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/llm/http_transport.h"
#include "scenecraft/llm/llm_planner.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"
#include "scenecraft/util/usage_error.h"

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

void BackendOptions::Check() const {
  if (planner != "offline" && planner != "llm") {
    throw UsageError("--planner: expected offline or llm, found '" + planner + "'");
  }
  if (critic != "geometric" && critic != "vlm" && critic != "both") {
    throw UsageError("--critic: expected geometric, vlm or both, found '" + critic + "'");
  }
}

LlmOptions ResolveLlmOptions(const BackendOptions& flags) {
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
  BackendOptions options;
  LlmOptions llm;  // resolved once; each scene's client gets its own transcript
  fs::path dir;
  OfflinePlanner offline;
  GeometricCritic geometric;
  std::unique_ptr<CurlTransport> transport;
  std::unique_ptr<ChatClient> client;
  std::unique_ptr<LlmPlanner> llm_planner;
  std::unique_ptr<VlmCritic> vlm;
  std::unique_ptr<CombinedCritic> both;
  Planner* planner = nullptr;
  Critic* critic = nullptr;

  // A fresh client (budget, records, transcript in `dir`) and the LLM stages on it.
  void Connect() {
    LlmOptions scene = llm;
    if (!dir.empty()) {
      scene.transcript_path = dir / "llm_transcript.jsonl";
      std::error_code ignored;
      fs::remove(scene.transcript_path, ignored);  // one run's transcript
    }
    llm_planner.reset();
    both.reset();
    vlm.reset();
    client = std::make_unique<ChatClient>(scene, transport.get());
    if (options.planner == "llm") {
      llm_planner = std::make_unique<LlmPlanner>(client.get(), &offline);
      planner = llm_planner.get();
    }
    if (options.critic == "vlm" || options.critic == "both") {
      vlm = std::make_unique<VlmCritic>(client.get(), &geometric);
      critic = vlm.get();
      if (options.critic == "both") {
        both = std::make_unique<CombinedCritic>(&geometric, vlm.get());
        critic = both.get();
      }
    }
  }
};

Backends::Backends(const BackendOptions& options) : parts_(std::make_unique<Parts>()) {
  options.Check();
  Parts& p = *parts_;
  p.options = options;
  p.planner = &p.offline;
  p.critic = &p.geometric;
  if (!options.UsesLlm()) return;
  p.llm = ResolveLlmOptions(options);
  p.transport = std::make_unique<CurlTransport>();
  p.Connect();
  LogInfo("llm: " + p.client->Redact(p.llm.url) + ", model " + p.llm.model +
          (p.llm.api_key.empty() ? ", no API key" : ", API key set") +
          (p.llm.use_cache ? "" : ", no cache"));
}

Backends::Backends(Planner& planner, Critic& critic) : parts_(std::make_unique<Parts>()) {
  parts_->planner = &planner;
  parts_->critic = &critic;
}

Backends::~Backends() = default;

std::unique_ptr<Backends> MakeBackends(const BackendOptions& options) {
  return std::make_unique<Backends>(options);
}

Planner& Backends::planner() {
  return *parts_->planner;
}

Critic& Backends::critic() {
  return *parts_->critic;
}

void Backends::BeginScene(const fs::path& dir) {
  Parts& p = *parts_;
  p.dir = dir;
  if (p.client) p.Connect();
}

SceneCalls Backends::EndScene() {
  Parts& p = *parts_;
  if (!p.client) return {};
  SceneCalls scene;
  scene.calls = p.client->calls();
  int64_t prompt_tokens = 0;
  int64_t completion_tokens = 0;
  double seconds = 0;
  int cached = 0;
  for (const CallRecord& c : scene.calls) {
    prompt_tokens = SaturatingAdd(prompt_tokens, c.prompt_tokens);
    completion_tokens = SaturatingAdd(completion_tokens, c.completion_tokens);
    seconds += c.wall_s;
    cached += c.from_cache ? 1 : 0;
  }
  LogInfo("llm: " + std::to_string(scene.calls.size()) + " calls (" +
          std::to_string(p.client->calls_used()) + " HTTP requests, " + std::to_string(cached) +
          " from the cache), " + std::to_string(prompt_tokens) + " prompt + " +
          std::to_string(completion_tokens) + " completion tokens, " + FormatNumber(seconds, 2) +
          " s");
  if (!p.dir.empty() && fs::exists(p.dir)) {
    WriteFileAtomic(p.dir / "llm_calls.json",
                    p.client->Redact(CallRecordsToJson(scene.calls).dump(2)) + "\n");
  }
  if (p.vlm) scene.warnings = p.vlm->warnings();
  return scene;
}

}  // namespace scenecraft
