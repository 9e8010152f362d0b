// The offline planner (ARCHITECTURE.md section 6): English scene descriptions to a scene graph,
// deterministically and with no model or network. A tokenizer, a lexicon of spatial phrases, the
// procedural catalog's categories (plus WordNet for base forms, unknown nouns and their
// hypernyms), a small clause grammar with coreference, and the defaults people take for granted.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/stages.h"

namespace scenecraft {

struct OfflinePlannerOptions {
  bool use_wordnet = true;        // base forms, unknown nouns and hypernyms through WordNet
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
