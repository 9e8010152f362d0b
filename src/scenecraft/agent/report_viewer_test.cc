#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "scenecraft/agent/report.h"

namespace scenecraft {
namespace {

// The text between `<script ... id="ID">` and the next `</script>`.
std::string ScriptText(const std::string& html, const std::string& id) {
  const size_t open = html.find("id=\"" + id + "\">");
  if (open == std::string::npos) return "";
  const size_t begin = html.find('>', open) + 1;
  return html.substr(begin, html.find("</script>", begin) - begin);
}

SceneGraph HostileGraph() {
  SceneGraph graph;
  Object chair;
  chair.id = "chair_1";
  chair.category = "chair";
  chair.description = "</script><script>alert('x')</script><!-- \"quoted\"";
  Object table;
  table.id = "table_1";
  table.category = "table";
  graph.objects = {chair, table};
  Relation near;
  near.type = RelationType::kNear;
  near.objects = {"chair_1", "table_1"};
  graph.relations = {near};
  graph.results = {RelationResult{0, 0.2, false, "too far"}};
  return graph;
}

TEST(ReportViewer, NoGltfNoSection) {
  const SceneGraph graph = HostileGraph();
  ReportInput in;
  in.graph = &graph;
  EXPECT_EQ(ViewerSection(in), "");
}

TEST(ReportViewer, SceneTextStaysDataInsideTheScriptElement) {
  const SceneGraph graph = HostileGraph();
  ReportInput in;
  in.graph = &graph;
  in.gltf = std::string("glTF\x02\x00\x00\x00", 8);
  const std::string html = ViewerSection(in);
  // Exactly the three script elements of the section end in it: the hostile text ends none.
  size_t ends = 0;
  for (size_t at = html.find("</script>"); at != std::string::npos;
       at = html.find("</script>", at + 1)) {
    ++ends;
  }
  EXPECT_EQ(ends, 3u);
  EXPECT_EQ(html.find("<!--"), std::string::npos);
  const nlohmann::json data = nlohmann::json::parse(ScriptText(html, "sc-scene-data"));
  EXPECT_EQ(data["objects"][0]["description"], graph.objects[0].description);
  EXPECT_EQ(data["relations"][0]["label"], "near(chair_1, table_1)");
  EXPECT_EQ(data["relations"][0]["subjects"], nlohmann::json({"chair_1", "table_1"}));
  EXPECT_EQ(data["relations"][0]["pass"], false);
  EXPECT_EQ(ScriptText(html, "sc-scene-glb"), "Z2xURgIAAAA=");
  EXPECT_NE(html.find("id=\"sc-toggle-relations\""), std::string::npos);
}

}  // namespace
}  // namespace scenecraft
