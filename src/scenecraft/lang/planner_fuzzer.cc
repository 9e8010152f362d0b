// libFuzzer target for the offline planner: any bytes are a prompt. The planner may refuse a
// prompt with scenecraft::Error; anything else (a crash, another exception, a sanitizer report)
// is a finding. The graph it returns must also pass the scene graph's own validation.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static scenecraft::OfflinePlanner planner;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const scenecraft::PlanResult plan = planner.Plan(text);
    scenecraft::JsonProblems problems;
    scenecraft::ValidateSceneGraph(plan.graph, &problems);
    if (!problems.empty()) {
      // Say what was wrong before stopping, so that the finding can be read in the log.
      std::fprintf(stderr, "%s\n", problems.ToString("planned graph").c_str());
      __builtin_trap();
    }
    // The graph survives its own JSON round trip.
    scenecraft::ParseSceneGraph(scenecraft::SceneGraphToJsonText(plan.graph), "fuzz");
  } catch (const scenecraft::Error&) {
    // A refused prompt is an expected outcome.
  }
  return 0;
}
