// libFuzzer target for the scene JSON reader (and the readback reader beside it): any bytes are a
// scene file. The reader may reject them with scenecraft::Error; anything else (a crash, another
// exception, an abort, a sanitizer report) is a finding. A scene it accepts must pass its own
// validation again after a round trip through the writer: what we write, we read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scenecraft/core/scene_json.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  bool accepted = false;
  scenecraft::SceneGraph graph;
  try {
    graph = scenecraft::ParseSceneGraph(text, "fuzz.json");
    accepted = true;
  } catch (const scenecraft::Error&) {
    // A rejected file is an expected outcome.
  }
  if (accepted) {
    const std::string again = scenecraft::SceneGraphToJsonText(graph);
    try {
      scenecraft::ParseSceneGraph(again, "round trip");
    } catch (const scenecraft::Error&) {
      __builtin_trap();  // the writer wrote what the reader rejects
    }
  }
  try {
    scenecraft::ParseReadback(text, "readback.json");
  } catch (const scenecraft::Error&) {
  }
  return 0;
}
