// The evaluation of the whole agent on a corpus (issue 5's measurements): every prompt goes
// through generate, and the RELATIONS.md tests on the Blender readback judge the corpus's own
// relations and counts (what the user wrote, independent of what the planner understood), next
// to the agent's verdict on its planned graph and whole-scene counts of collisions, floating and
// hidden objects.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scenecraft/agent/generate.h"
#include "scenecraft/lang/corpus.h"

namespace scenecraft {

// The corpus's relations and counts judged on what Blender built, read as RELATIONS.md says: a
// relation between categories holds when every subject instance satisfies it with some
// reference instance; a group relation ("row", "around") takes every instance of its member
// categories as the group, or, when they come from several phrases, the members of the largest
// plural phrase ("twelve student desks", not the teacher's desk). Order-bound groups take their
// order from the scene: a stack from the bottom up, a hierarchy in the order the plan stated (else
// the graph's order).
struct CorpusJudgement {
  int relations_total = 0;
  int relations_passed = 0;
  int counts_total = 0;  // one per corpus category
  int counts_passed = 0;
  std::vector<std::string> failures;  // "near bench tree: ..." in words
};

CorpusJudgement JudgeCorpusCase(const CorpusCase& c, const SceneGraph& graph,
                                const Readback& readback);

struct EvalRow {
  std::string id;
  int relations_total = 0;  // the planned graph's relations plus counts (the agent's critique)
  int relations_passed = 0;
  CorpusJudgement corpus;  // the corpus's relations and counts on the readback
  int collisions = 0;
  int floating = 0;
  int hidden = 0;  // objects less than 20 % visible or out of frame
  int rounds = 0;
  // The first round whose critic score equals the best the loop reached (0: the first build).
  int best_round = 0;
  int skills_applied = 0;  // library skills that changed the scene
  bool worse_than_round0 = false;
  AssetShares assets;  // how the final scene's objects are built
  double wall_s = 0.0;
  std::string error;
  bool not_built = false;  // the script was written but Blender did not run (e.g. it is missing)
};

struct EvalSummary {
  std::vector<EvalRow> rows;
  double pass_rate = 0.0;         // the planned graph's relations and counts (the critique)
  double corpus_pass_rate = 0.0;  // the corpus's relations plus counts on the readback
  double corpus_relation_rate = 0.0;
  double count_accuracy = 0.0;  // share of prompts whose every corpus count is exact
  double median_wall_s = 0.0;
  double mean_best_round = 0.0;  // rounds needed to reach each scene's best score, on average
  int collisions = 0, floating = 0, hidden = 0, errors = 0, worse = 0;
  AssetShares assets;  // over all prompts
  std::string ToString() const;
};

// Runs generate on every prompt of a JSONL corpus into out_dir/<id>/, with the given planner and
// critic.
EvalSummary EvaluateCorpus(const std::filesystem::path& corpus,
                           const std::filesystem::path& out_dir, const GenerateOptions& options,
                           Backends& backends, ProcessLauncher& launcher);

}  // namespace scenecraft
