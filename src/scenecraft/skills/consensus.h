// The library learner (issue 13; the paper's Library-Learner): per-query evidence in, candidate
// skill updates out, by consensus. A parameter moves only when a majority of the queries that
// exercised it agree, to the median of their values; one query cannot move the library.
#pragma once

#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "scenecraft/core/scene.h"
#include "scenecraft/skills/skill.h"

namespace scenecraft {

// One measured fact from one query: relation(subject, reference) settled on `value` for
// `parameter` ("distance_m": the gap in metres on the readback; "hard": 1 when the inner loop had
// to make it hard, 0 when it held soft).
struct Evidence {
  RelationType relation = RelationType::kNear;
  std::string subject;    // category
  std::string reference;  // category
  std::string parameter;
  double value = 0.0;
  std::string word;   // the value of a word parameter ("side": "front"), else empty
  std::string query;  // corpus id or scene file
  int round = 0;      // the inner-loop round the value comes from
  // A fix: the relation failed on the readback and this round's revision made it pass;
  // `parameter` is what the revision did ("hard": 1 when it made it hard, or an argument it set).
  bool fix = false;
};

// What an arrangement looks like in one hand-made scene, for motif and implied learning.
struct ScenePatterns {
  std::string query;
  std::set<std::string> categories;
  // (relation, member category, anchor category, group) present in the scene.
  std::set<std::tuple<RelationType, std::string, std::string, bool>> anchored;
  // (relation, category) of relations of one object (against_wall(wardrobe_1)).
  std::set<std::pair<RelationType, std::string>> single;
};

struct ConsensusOptions {
  int min_queries = 2;  // fewest queries that must have exercised a parameter
  // Two values agree when they differ by at most this share of the median, or by kAbsolute_m.
  double relative_tolerance = 0.25;
  double absolute_tolerance_m = 0.1;
  // A learned distance is the median gap plus this margin (the critic's tolerance).
  double distance_margin_m = 0.15;
  void Check() const;
};

// Candidate refinements from evidence, each merged into the current skill of its key (the other
// arguments kept), with provenance; parameters already at the agreed value give no candidate.
std::vector<Skill> RefinementCandidates(const std::vector<Evidence>& evidence,
                                        const std::vector<Skill>& current,
                                        const ConsensusOptions& options);

// Candidate learned fixes (refinements on_failure) from fix evidence: per (relation, subject
// category, reference category), when at least min_queries queries had the inner loop fix such a
// relation and a majority of them agree on what fixed it (made it hard; an argument to the same
// value, numbers within the tolerance, words equal). One query cannot teach a fix.
std::vector<Skill> FixCandidates(const std::vector<Evidence>& evidence,
                                 const std::vector<Skill>& current,
                                 const ConsensusOptions& options);

// The patterns of one scene graph (relations as given, categories of its objects).
ScenePatterns PatternsOf(const SceneGraph& graph, const std::string& query);
// Near distances measured on the poses of a hand-arranged scene (objects with pose and size).
std::vector<Evidence> PoseEvidence(const SceneGraph& graph, const std::string& query);

// Motifs and implied relations that a majority of the scenes containing their categories show
// (at least min_queries scenes); those the current library already holds give no candidate.
std::vector<Skill> PatternCandidates(const std::vector<ScenePatterns>& scenes,
                                     const std::vector<Skill>& current,
                                     const ConsensusOptions& options);

// The gap between two footprints (axis-aligned in x, y), 0 when they touch or overlap.
double FootprintGap(const Box3& a, const Box3& b);
// The world box of an object from its pose and size (the footprint rotated by yaw).
Box3 PosedBox(const Object& o);

}  // namespace scenecraft
