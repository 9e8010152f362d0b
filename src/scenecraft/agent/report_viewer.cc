// The 3D view section of report.html (report.h: ViewerSection).
#include <nlohmann/json.hpp>

#include "scenecraft/agent/report.h"
#include "scenecraft/llm/chat_client.h"

namespace scenecraft {

// The bundled viewer (web/viewer/viewer.js with three.js), generated at build time
// (embed_viewer.cmake).
extern const char* const kViewerScript;

namespace {

// JSON text that is safe inside a <script> element: "<" is written as \u003c, which JSON reads
// back as the same character, so no "</script>" or "<!--" can end or change the element.
std::string ScriptSafeJson(const nlohmann::json& value) {
  const std::string text = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out;
}

// The objects and relations the viewer labels and draws, with each relation's verdict.
nlohmann::json ViewerData(const ReportInput& in) {
  nlohmann::json objects = nlohmann::json::array();
  nlohmann::json relations = nlohmann::json::array();
  if (in.graph != nullptr) {
    for (const Object& o : in.graph->objects) {
      objects.push_back({{"id", o.id}, {"category", o.category}, {"description", o.description}});
    }
    for (const RelationResult& r : in.graph->results) {
      if (r.relation >= in.graph->relations.size()) continue;
      const Relation& relation = in.graph->relations[r.relation];
      relations.push_back(
          {{"label", relation.ToString()}, {"subjects", relation.objects}, {"pass", r.pass}});
    }
  }
  return {{"objects", objects}, {"relations", relations}};
}

}  // namespace

std::string ViewerSection(const ReportInput& in) {
  if (in.gltf.empty()) return "";
  std::string h =
      "<h2>3D view</h2>\n<p>Drag to turn, scroll to zoom, right-drag to pan; point at an object "
      "to name it. <label><input type=\"checkbox\" id=\"sc-toggle-relations\" checked> relation "
      "lines (<span class=\"pass\">pass</span> / <span class=\"fail\">fail</span>)</label></p>\n"
      "<div id=\"sc-viewer\" style=\"width:100%;max-width:1000px\"></div>\n";
  h += "<script type=\"application/json\" id=\"sc-scene-data\">" + ScriptSafeJson(ViewerData(in)) +
       "</script>\n";
  // Base64 has no "<", so it cannot end the element.
  h += "<script type=\"application/octet-stream\" id=\"sc-scene-glb\">" + Base64(in.gltf) +
       "</script>\n";
  h += "<script>" + std::string(kViewerScript) + "</script>\n";
  return h;
}

}  // namespace scenecraft
