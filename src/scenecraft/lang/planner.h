// The offline planner (ARCHITECTURE.md section 6): English scene descriptions to a scene graph,
// deterministically and with no model or network. A pipeline of small stages, each in its own
// file: words with WordNet's base forms and parts of speech (tagger) -> noun phrases with counts,
// attributes and compound categories, and spatial phrases (chunker) -> entities and statements,
// with phrases attached and references resolved across sentences (reader) -> the scene graph
// with coverage (builder) -> defaults, environment and sub-scenes (defaults). Only closed word
// classes are listed (lexicon); every noun is the user's own, classified through WordNet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/stages.h"

namespace scenecraft {

struct OfflinePlannerOptions {
  size_t max_text_bytes = 20000;  // longer text is refused with a message
  int max_objects = 500;          // more objects than this are refused
  void Check() const;
};

class OfflinePlanner : public Planner {
 public:
  explicit OfflinePlanner(OfflinePlannerOptions options = {});
  PlanResult Plan(std::string_view text) override;

 private:
  OfflinePlannerOptions options_;
};

// A readable table of a plan for `scenecraft plan`.
std::string FormatPlanTable(const PlanResult& plan);

}  // namespace scenecraft
