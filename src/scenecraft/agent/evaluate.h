// The evaluation of the whole agent on a corpus (issue 5's measurements): every prompt goes
// through generate, and the RELATIONS.md tests on the Blender readback give the constraint pass
// rate, with whole-scene counts of collisions, floating and hidden objects.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scenecraft/agent/generate.h"

namespace scenecraft {

struct EvalRow {
  std::string id;
  int relations_total = 0;  // stated relations plus counts
  int relations_passed = 0;
  int collisions = 0;
  int floating = 0;
  int hidden = 0;  // objects less than 20 % visible or out of frame
  int rounds = 0;
  bool worse_than_round0 = false;
  double wall_s = 0.0;
  std::string error;
};

struct EvalSummary {
  std::vector<EvalRow> rows;
  double pass_rate = 0.0;
  double median_wall_s = 0.0;
  int collisions = 0, floating = 0, hidden = 0, errors = 0, worse = 0;
  std::string ToString() const;
};

// Runs generate on every prompt of a JSONL corpus into out_dir/<id>/.
EvalSummary EvaluateCorpus(const std::filesystem::path& corpus,
                           const std::filesystem::path& out_dir, const GenerateOptions& options,
                           ProcessLauncher& launcher);

}  // namespace scenecraft
