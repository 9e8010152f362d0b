// The prompt corpus format (shared/corpus/README.md) and the measures of issue 4: exact object
// counts, and recall and precision of the planned graph's relations against the corpus's
// category-level relations ("sofa|couch" accepts either category).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/scene.h"
#include "scenecraft/core/stages.h"

namespace scenecraft {

struct CorpusCase {
  std::string id;
  std::string prompt;
  std::map<std::string, int> counts;                // "sofa|couch" -> 1
  std::vector<std::vector<std::string>> relations;  // {"on", "lamp", "desk"}
};

// Reads a JSONL corpus; throws Error naming file:line on a bad line.
std::vector<CorpusCase> LoadCorpus(const std::filesystem::path& path);

// Whether a category is one of a corpus name's alternatives ("sofa|couch" accepts "couch").
bool CategoryMatches(std::string_view alternatives, std::string_view category);

// A planned relation at category level: {"around", "chair", "table"}.
std::vector<std::string> CategoryTuple(const SceneGraph& graph, const Relation& relation);

// Whether a planned category tuple matches a corpus relation.
bool TupleMatches(const std::vector<std::string>& corpus, const std::vector<std::string>& planned);

struct CaseScore {
  std::string id;
  bool counts_exact = false;
  int relations_expected = 0;
  int relations_found = 0;           // corpus relations matched by the plan
  int relations_planned = 0;         // distinct category-level relations planned
  int relations_correct = 0;         // planned ones that match a corpus relation
  int stated_planned = 0;            // the same, counting only relations read from the text
  int stated_correct = 0;            // (implied defaults, with no prompt span, left out)
  std::vector<std::string> missing;  // corpus relations not found
  std::vector<std::string> extra;    // planned relations not in the corpus
  std::vector<std::string> count_errors;
  std::string error;  // the planner's error, if it refused the prompt
};

struct CorpusScore {
  std::vector<CaseScore> cases;
  double exact_count_share = 0.0;
  double recall = 0.0;
  double precision = 0.0;         // over every planned relation, implied defaults included
  double stated_precision = 0.0;  // over the relations read from the text
  std::string ToString(bool details) const;
};

CaseScore ScorePlan(const CorpusCase& c, const SceneGraph& graph);
CorpusScore ScoreCorpus(const std::vector<CorpusCase>& corpus, Planner& planner);

}  // namespace scenecraft
