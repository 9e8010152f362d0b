// The outer loop (issue 13, docs/SKILLS.md): `scenecraft learn`. Runs every query of a corpus
// through the one generate path with the current library, gathers what the inner loop settled on
// (gaps of relations that hold on the Blender readback, relations it had to make hard), merges
// the evidence by consensus (skills/consensus.h) and accepts a candidate only when re-running the
// queries that exercised it does not lower their pass rate; every candidate is logged with the
// reason. With a model (LearnOptions::learner) the model may propose updates too, checked against
// the skill schema and accepted by the same re-run rule. From hand-arranged scene files it learns
// motifs, implied relations and distances.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "scenecraft/agent/batch_input.h"
#include "scenecraft/agent/generate.h"
#include "scenecraft/skills/consensus.h"

namespace scenecraft {

class ChatClient;

struct LearnOptions {
  // How each query is generated (rounds, preview quality, Blender, assets); its library fields
  // are set by the learner.
  GenerateOptions generate;
  std::filesystem::path library;  // the library file (--library); empty: the default
  // Where each query's scene is written (DIR/<id>/); a scratch folder of the caller's.
  std::filesystem::path work_dir;
  ConsensusOptions consensus;
  // The LLM library-learner's model (learn --planner llm; agent/learn_llm.h), owned by the
  // caller; null: consensus only.
  ChatClient* learner = nullptr;
  void Check() const;
};

// What one learn run did.
struct LearnReport {
  int queries = 0;
  int failed = 0;                     // queries that could not be generated (their errors logged)
  double seconds = 0.0;               // wall time of the whole run
  int evidence = 0;                   // measured facts gathered
  std::vector<std::string> accepted;  // "refinement near:nightstand:bed v2: <reason>"
  std::vector<std::string> rejected;
  size_t library_skills = 0;  // current skills after the run
  uintmax_t library_bytes = 0;
  std::string ToString() const;
};

// Learns from a corpus (every item with a prompt or a scene).
LearnReport LearnFromCorpus(const std::vector<BatchItem>& items, const LearnOptions& options,
                            Backends& backends, ProcessLauncher& launcher,
                            const ProgressFn& progress = nullptr);

// Learns from the scene JSON files (*.json) of `dir`, arranged by hand: no Blender run.
LearnReport LearnFromScenes(const std::filesystem::path& dir, const LearnOptions& options);

// Learns from hand-arranged scene graphs, each with a name (its file): motifs and implied
// relations their relations agree on, near distances measured on their poses.
LearnReport LearnFromGraphs(const std::vector<std::pair<std::string, SceneGraph>>& graphs,
                            const LearnOptions& options);

// The evidence one generated scene gives (used by LearnFromCorpus; a seam for tests).
std::vector<Evidence> EvidenceOf(const GenerateResult& result, const std::string& query);

// The class a category's evidence also counts for: the head noun of a compound that is a kind of
// it ("swivel chair" -> "chair", "king bed" -> "bed"); the category itself otherwise ("chest of
// drawers", "desk").
std::string HeadClass(const std::string& category);
// The evidence with, for each fact about compound categories, the same fact about their head
// classes: each query still votes once per class, and queries that name kinds differently agree.
std::vector<Evidence> WithHeadClasses(std::vector<Evidence> evidence);

// The patterns (skills/consensus.h) of what a graph's relations state: relations a skill added
// (source "skill:...") are left out.
ScenePatterns StatedPatternsOf(const SceneGraph& graph, const std::string& query);

// Whether `skill` would change `graph` (relations as planned): a plan-time skill adds or
// parameterises a relation, a learned fix matches a relation it would change.
bool Exercises(const Skill& skill, const SceneGraph& graph);

}  // namespace scenecraft
