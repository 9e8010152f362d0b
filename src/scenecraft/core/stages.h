// The two pluggable stages of the agent (ARCHITECTURE.md section 6): a Planner turns text into a
// scene graph and a Critic judges a built scene. Each has an offline and an LLM implementation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/core/readback.h"
#include "scenecraft/core/scene.h"

namespace scenecraft {

// How much of a description a plan accounts for. Content words are the nouns and adjectives of
// the text; one is accounted for when it became an object, an attribute, part of a relation or
// the environment. A plan that leaves words unaccounted for is incomplete: the scene cannot be
// said to be what the text asked for, however well its relations hold.
struct PlanCoverage {
  int content_words = 0;
  int accounted_words = 0;
  // The spans of the content words nothing used, with their text.
  std::vector<Source> unaccounted;
  std::vector<std::string> unaccounted_text;
  // Share of content words accounted for, in [0, 1] (1 when the text has none).
  double share() const {
    return content_words == 0 ? 1.0 : static_cast<double>(accounted_words) / content_words;
  }
  bool complete() const { return accounted_words >= content_words; }
};

struct PlanResult {
  SceneGraph graph;
  // What of the text the plan accounts for; empty when the planner does not measure it.
  std::optional<PlanCoverage> coverage;
  // Words or phrases the planner did not understand, fallbacks taken, defaults added.
  std::vector<std::string> warnings;
  // Which planner produced the graph ("offline", "llm", or "llm->offline" after a fallback).
  std::string planner;
};

class Planner {
 public:
  virtual ~Planner() = default;
  // Plans a scene from text. Throws Error when nothing can be built from the text (empty text,
  // no physical objects); the message says why.
  virtual PlanResult Plan(std::string_view text) = 0;
};

struct CritiqueInput {
  const SceneGraph* graph = nullptr;   // the planned and solved scene
  const Readback* readback = nullptr;  // what Blender built
  std::string render_path;             // the render (PNG), empty when there was none
  std::string top_view_path;           // a top-down view (PNG or SVG), may be empty
  std::string prompt;                  // the user's text, may be empty
};

class Critic {
 public:
  virtual ~Critic() = default;
  virtual Critique Review(const CritiqueInput& input) = 0;
};

}  // namespace scenecraft
