// llm_replay_server: the tests' OpenAI-compatible replay server as a program, for measuring the
// fault matrix with the real `scenecraft` binary (docs/LLM.md). Test tooling, not the product.
//   llm_replay_server --scenario rate_limit [--port 8089] [--slow 3]
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>

#include "scenecraft/llm/testing/replay_server.h"
#include "scenecraft/util/error.h"

int main(int argc, char** argv) {
  std::string scenario = "ok";
  int port = 0;
  double slow_s = 3.0;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--scenario") == 0) {
      scenario = argv[i + 1];
    } else if (std::strcmp(argv[i], "--port") == 0) {
      port = std::stoi(argv[i + 1]);
    } else if (std::strcmp(argv[i], "--slow") == 0) {
      slow_s = std::stod(argv[i + 1]);
    } else {
      std::fprintf(stderr, "usage: llm_replay_server [--scenario NAME] [--port N] [--slow S]\n");
      return 2;
    }
  }
  try {
    scenecraft::testing::ReplayServer server(scenario, port, slow_s);
    std::printf("%s\n", server.base_url().c_str());
    std::fflush(stdout);
    server.Wait();
  } catch (const scenecraft::Error& e) {
    std::fprintf(stderr, "llm_replay_server: %s\n", e.what());
    return 1;
  }
  return 0;
}
