// The prompt corpus format (shared/corpus/README.md, tests/corpus/README.md) and the measures of
// issues 4 and 12: exact object counts (per prompt and per count clause), recall and precision of
// the planned graph's relations against the corpus's category-level relations ("sofa|couch"
// accepts either category), the share of objects whose category is the user's own noun, the share
// the asset resolver would build as a shapeless placeholder, and the planning time per prompt.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/assets/resolve.h"
#include "scenecraft/core/scene.h"
#include "scenecraft/core/stages.h"

namespace scenecraft {

// How many objects of a category the text asks for: a number, or a range [min, max] for a vague
// quantity ("some crates").
struct ExpectedCount {
  int min = 0;
  int max = 0;
  bool Holds(int n) const { return n >= min && n <= max; }
  std::string ToString() const;  // "3" or "2-8"
};

struct CorpusCase {
  std::string id;
  std::string prompt;
  std::map<std::string, ExpectedCount> counts;      // "sofa|couch" -> 1
  std::vector<std::vector<std::string>> relations;  // {"on", "lamp", "desk"}
};

// Reads a JSONL corpus; throws Error naming file:line on a bad line.
std::vector<CorpusCase> LoadCorpus(const std::filesystem::path& path);

// Whether a category is one of a corpus name's alternatives ("sofa|couch" accepts "couch").
bool CategoryMatches(std::string_view alternatives, std::string_view category);

// Whether a category is the user's own noun for a corpus name: it matches an alternative that is
// not a proper word-suffix of an alternative listed before it. In "office chair|chair" the
// counts accept "chair", but it is the compound's head, a hypernym substituted for the user's
// noun; in "rack|dumbbell rack" both are the user's own.
bool IsOwnNoun(std::string_view alternatives, std::string_view category);

// Whether a category names an architectural opening ("door", "window"): corpora name doors and
// windows in relations but never count them as objects.
bool IsOpeningCategory(std::string_view category);

// A planned relation at category level: {"around", "chair", "table"}. An argument that is no
// object of the graph is an opening: the kind of the opening with that id, or else the id
// without a trailing number ("door_1" -> "door").
std::vector<std::string> CategoryTuple(const SceneGraph& graph, const Relation& relation);

// Whether a planned category tuple matches a corpus relation. The corpus type may list
// alternatives too ("inside|in"); group members match in any order; between's two ends and
// across's pair are symmetric.
bool TupleMatches(const std::vector<std::string>& corpus, const std::vector<std::string>& planned);

// Whether the asset resolver gave an object the labelled generic shape (assets/resolve.cc's
// fallback for a category no source knows): a shapeless placeholder.
bool IsPlaceholder(const Object& object);

struct CaseScore {
  std::string id;
  bool counts_exact = false;
  int count_clauses = 0;        // entries of the case's counts
  int count_clauses_exact = 0;  // entries whose planned number is the asked one
  int relations_expected = 0;
  int relations_found = 0;           // corpus relations matched by the plan
  int relations_found_stated = 0;    // ... by a relation read from the text (one with a span)
  int relations_planned = 0;         // distinct category-level relations planned
  int relations_correct = 0;         // planned ones that match a corpus relation
  int stated_planned = 0;            // the same, counting only relations read from the text
  int stated_correct = 0;            // (implied defaults, with no prompt span, left out)
  int objects = 0;                   // planned objects, openings left out
  int objects_own_noun = 0;          // whose category is the user's own noun (IsOwnNoun)
  int objects_resolved = 0;          // objects the asset resolver was asked about
  int objects_placeholder = 0;       // ... that it would build as a placeholder
  double plan_ms = 0.0;              // the planner's time on this prompt, first pass
  std::vector<std::string> missing;  // corpus relations not found
  std::vector<std::string> extra;    // planned relations not in the corpus
  std::vector<std::string> count_errors;
  std::vector<std::string> foreign;       // "toy train -> train" style: categories not the user's
  std::vector<std::string> placeholders;  // categories built as a placeholder
  std::string error;                      // the planner's error, if it refused the prompt
};

struct CorpusScore {
  std::vector<CaseScore> cases;
  CaseScore total;  // the counts of every case summed (id, lists and time left empty)
  double exact_count_share = 0.0;  // prompts whose every count clause is exact
  double count_clause_share = 0.0;
  double recall = 0.0;            // corpus relations found among all planned relations
  double stated_recall = 0.0;     // ... among the relations read from the text
  double precision = 0.0;         // over every planned relation, implied defaults included
  double stated_precision = 0.0;  // over the relations read from the text
  double own_noun_share = 0.0;
  double placeholder_share = 0.0;  // of objects resolved; 0 when assets were not resolved
  bool assets_resolved = false;
  // First-pass planning time per prompt, and on the prompt that asks for the most objects.
  double mean_ms = 0.0, median_ms = 0.0, max_ms = 0.0;
  std::string largest_id;
  int largest_objects = 0;
  double largest_ms = 0.0;
  std::string ToString(bool details) const;
};

struct ScoreOptions {
  // Ask the asset resolver which objects would be placeholders (ResolveAssets on the plan).
  bool resolve_assets = true;
  AssetOptions assets;
};

CaseScore ScorePlan(const CorpusCase& c, const SceneGraph& graph);
// Resolves assets on a copy of the graph and fills the placeholder fields of `score`.
void ScoreAssets(const SceneGraph& graph, const AssetOptions& options, CaseScore* score);
CorpusScore ScoreCorpus(const std::vector<CorpusCase>& corpus, Planner& planner,
                        const ScoreOptions& options = {});

}  // namespace scenecraft
