// `scenecraft skills list|show|diff|export|import|reset` and `scenecraft learn` (issue 13,
// docs/SKILLS.md). The work is in skills/ and agent/learn.h; this file binds flags to it.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace scenecraft {

struct SkillsSubcommand {
  CLI::App* app;
  std::function<int()> run;
};

// The `skills` and `learn` subcommands.
std::vector<SkillsSubcommand> AddSkillsCommands(CLI::App& root);

}  // namespace scenecraft
