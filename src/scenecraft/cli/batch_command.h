// `scenecraft batch`: many scenes into one folder, resumable, with local workers or on Slurm
// (docs/DATASETS.md). The work is in agent/batch*.h; this file binds flags to it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace scenecraft {

struct BatchSubcommand {
  CLI::App* app;
  std::function<int()> run;
};

BatchSubcommand AddBatchCommand(CLI::App& root);

}  // namespace scenecraft
