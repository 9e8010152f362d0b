#include "scenecraft/mcp/tool_declarations.h"

namespace scenecraft {

using nlohmann::json;

namespace {

// A file or folder name inside the output root: no separators, no leading dot.
constexpr const char* kNamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
constexpr const char* kJsonNamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\.json$";

json Prompt(const char* description) {
  return {{"type", "string"}, {"minLength", 1}, {"maxLength", 20000}, {"description", description}};
}

json ScenePath() {
  return {{"type", "string"},
          {"minLength", 1},
          {"maxLength", 1000},
          {"description",
           "A scene JSON file inside the server's output root (relative to it), e.g. one that "
           "plan saved"}};
}

json SceneObject() {
  return {{"type", "object"},
          {"description",
           "A scene as JSON (schema 1: environment, objects, relations; see the SceneCraft "
           "scene JSON reference), instead of a file"}};
}

json Seed() {
  return {{"type", "integer"},
          {"minimum", 0},
          {"maximum", 2147483647},
          {"description", "Random seed of the layout (the same seed gives the same scene)"}};
}

json Tool(const char* name, const char* title, const char* description, json properties,
          json required = json::array()) {
  return {{"name", name},
          {"title", title},
          {"description", description},
          {"inputSchema",
           {{"type", "object"},
            {"properties", std::move(properties)},
            {"required", std::move(required)},
            {"additionalProperties", false}}}};
}

}  // namespace

json SceneToolDeclarations() {
  json tools = json::array();
  tools.push_back(Tool(
      "plan", "Plan a scene",
      "Reads an English description of a 3D scene and returns its scene graph: the objects (with "
      "counts, categories and descriptions) and the spatial relations between them, as a table "
      "and as scene JSON. Nothing is built. With save_as, the scene JSON is also saved in the "
      "output root, for solve or generate.",
      {{"prompt",
        Prompt("The scene, in English, e.g. \"A round table with four chairs around it\"")},
       {"save_as",
        {{"type", "string"},
         {"pattern", kJsonNamePattern},
         {"description",
          "File name (ending in .json) to save the scene JSON under, in the output root"}}}},
      {"prompt"}));
  tools.push_back(Tool(
      "generate", "Generate and render a scene",
      "The whole SceneCraft pipeline: plans the description (or takes a scene), picks real-sized "
      "assets, solves the layout, builds the scene in a headless Blender, checks every relation "
      "on what Blender built, revises for a few rounds and renders. Returns a summary, the paths "
      "of the files written (scene.py, a standalone Blender script; scene.json; render.png; "
      "scene.glb; report.html) and the render as an image. Give exactly one of prompt, scene, "
      "scene_json. Takes from a few seconds to a few minutes.",
      {{"prompt", Prompt("The scene, in English")},
       {"scene", ScenePath()},
       {"scene_json", SceneObject()},
       {"name",
        {{"type", "string"},
         {"pattern", kNamePattern},
         {"description",
          "Output folder name inside the output root (default: scene-N, the first free N); a "
          "folder that SceneCraft wrote before is replaced"}}},
       {"rounds",
        {{"type", "integer"},
         {"minimum", 0},
         {"maximum", 8},
         {"description", "Critique-and-revise rounds after the first build (default 4)"}}},
       {"seed", Seed()},
       {"resolution",
        {{"type", "string"},
         {"pattern", "^[0-9]{2,4}x[0-9]{2,4}$"},
         {"description", "Final image size WIDTHxHEIGHT, e.g. 640x480 (at most 4096 each way)"}}},
       {"room_size_m",
        {{"type", "array"},
         {"items", {{"type", "number"}, {"minimum", 0.5}, {"maximum", 200}}},
         {"minItems", 3},
         {"maxItems", 3},
         {"description", "Room width (x), depth (y) and height in metres, overriding the plan"}}},
       {"include_image",
        {{"type", "boolean"},
         {"description", "Return the render as image content (default true)"}}}}));
  tools.push_back(Tool(
      "solve", "Solve a scene's layout",
      "Resolves object sizes from the assets and places every object without a pose so that the "
      "relations hold (no Blender). Returns the solver's summary, each relation's verdict and the "
      "solved scene JSON; with save_as it is saved in the output root. Give one of scene, "
      "scene_json.",
      {{"scene", ScenePath()},
       {"scene_json", SceneObject()},
       {"seed", Seed()},
       {"time_budget_s",
        {{"type", "number"},
         {"minimum", 0.1},
         {"maximum", 60},
         {"description", "Seconds the search may take (default: the solver's)"}}},
       {"save_as",
        {{"type", "string"},
         {"pattern", kJsonNamePattern},
         {"description", "File name (.json) for the solved scene, in the output root"}}}}));
  tools.push_back(Tool(
      "critique", "Check a built scene",
      "Judges what Blender built (readback.json) against the scene's relations (scene.json) in "
      "an output folder of generate, with SceneCraft's geometric tests: per relation pass or "
      "fail with the measured value, collisions, support, visibility. Run it again after "
      "changing the scene and rendering it.",
      {{"dir",
        {{"type", "string"},
         {"minLength", 1},
         {"maxLength", 1000},
         {"description", "An output folder inside the output root, e.g. the name generate used"}}}},
      {"dir"}));
  tools.push_back(
      Tool("search_assets", "Search the asset index",
           "Full-text search (with WordNet synonyms) over the indexed 3D models (Sweet Home 3D "
           "furniture libraries and user model folders): id, name, real size, source, best first.",
           {{"query",
             {{"type", "string"},
              {"minLength", 1},
              {"maxLength", 200},
              {"description", "Words to look for, e.g. \"wooden chair\""}}},
            {"limit",
             {{"type", "integer"},
              {"minimum", 1},
              {"maximum", 50},
              {"description", "How many results (default 10)"}}},
            {"source",
             {{"type", "string"},
              {"enum", {"sh3d", "user"}},
              {"description", "Only Sweet Home 3D models or only user models"}}}},
           {"query"}));
  return tools;
}

}  // namespace scenecraft
