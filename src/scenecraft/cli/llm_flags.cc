#include "scenecraft/cli/llm_flags.h"

namespace scenecraft {

void AddLlmFlags(CLI::App* app, BackendOptions* options, bool with_critic) {
  app->add_option("--planner", options->planner, "Planner: offline (default) or llm")
      ->capture_default_str();
  if (with_critic) {
    app->add_option("--critic", options->critic, "Critic: geometric (default), vlm or both")
        ->capture_default_str();
  }
  app->add_option("--llm-url", options->url,
                  "OpenAI-compatible API base URL, e.g. http://127.0.0.1:8080/v1");
  app->add_option("--llm-model", options->model, "Model name the server knows");
  app->add_option("--llm-config", options->config,
                  "LLM config file (JSON; default $XDG_CONFIG_HOME/scenecraft/llm.json)");
  app->add_flag("--no-cache", options->no_cache, "Do not use the LLM response cache");
  app->add_option("--llm-budget", options->budget,
                  "Per-scene LLM budget: CALLS, or calls=N,tokens=N,seconds=S");
}

}  // namespace scenecraft
