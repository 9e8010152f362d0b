// report.html: what a user reads after `scenecraft generate` — the render, a top-down plan with
// labelled objects and relation lines coloured pass/fail, the relation table with measured
// values, the rounds of the inner loop, warnings and the attributions the assets require.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/core/readback.h"
#include "scenecraft/core/scene.h"
#include "scenecraft/llm/chat_client.h"

namespace scenecraft {

// One round of the inner loop.
struct RoundRecord {
  int round = 0;                     // 0 is the first build
  double score_before = 0.0;         // critic score of the scene the round started from
  double score_after = 0.0;          // critic score after the round's changes
  bool kept = true;                  // false when the round made things worse and was undone
  std::vector<std::string> changes;  // what the reviser changed and why
  double seconds = 0.0;              // wall time of the round
};

struct ReportInput {
  std::string title;
  std::string prompt;
  const SceneGraph* graph = nullptr;   // final graph (poses, relations)
  const Readback* readback = nullptr;  // final readback, may be null
  const Critique* critique = nullptr;  // final critique, may be null
  std::vector<RoundRecord> rounds;
  std::string loop_stop;  // why the inner loop stopped before its last round, if it did
  std::vector<std::string> warnings;
  std::string render_file;  // relative path of the render, empty if none
  // Relative paths of the beauty view (eye height, chosen like a person would) and the check
  // view (top-down, everything visible); empty if not rendered.
  std::string beauty_file;
  std::string check_file;
  std::string skipped;  // why rendering/critique was skipped, if it was
  std::vector<std::pair<std::string, double>> timings;  // stage name -> seconds
  std::vector<CallRecord> llm_calls;  // the model calls of the LLM planner and critic, if any
  // The bytes of the scene's glTF binary (scene.glb), empty if none: the report then embeds an
  // interactive 3D view of it (report_viewer.cc).
  std::string gltf;
  // The library's skills that changed the scene, one line each with its version.
  std::vector<std::string> skills;
};

// The top-down plan as an SVG document.
std::string PlanSvg(const SceneGraph& graph, const Critique* critique);

// The whole report as one self-contained HTML page (the render is referenced by relative path).
std::string ReportHtml(const ReportInput& input);

// The interactive 3D view of the scene (a section of the report): the glTF inlined as base64,
// the objects and relations as JSON, and the bundled viewer (three.js, web/viewer/viewer.js), so
// that the page needs no network and works from file://. Empty when the input has no glTF.
std::string ViewerSection(const ReportInput& input);

// Escapes text for HTML element content and attribute values.
std::string HtmlEscape(std::string_view text);

}  // namespace scenecraft
