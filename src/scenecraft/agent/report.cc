#include "scenecraft/agent/report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

constexpr const char* kPassColour = "#2e7d32";
constexpr const char* kFailColour = "#c62828";

// Pass flags per relation index: from the critique when there is one, else the solver's results.
std::map<size_t, bool> RelationPasses(const SceneGraph& graph, const Critique* critique) {
  std::map<size_t, bool> passes;
  for (const RelationResult& r : graph.results) passes[r.relation] = r.pass;
  if (critique != nullptr) {
    for (const Finding& f : critique->findings) {
      if (f.kind == Finding::Kind::kRelation && f.relation) passes[*f.relation] = f.pass;
    }
  }
  return passes;
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  // Control and bidirectional-override characters become visible escapes first ("<U+202E>"),
  // which the HTML escaping below then shows literally.
  const std::string visible = EscapeControls(text);
  std::string out;
  out.reserve(visible.size());
  for (char c : visible) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string PlanSvg(const SceneGraph& graph, const Critique* critique) {
  // World bounds: the floor plus every object.
  Rect2 bounds = graph.environment.FloorRect();
  for (const Object& o : graph.objects) {
    if (!o.pose) continue;
    const Rect2 f = o.WorldBox().Footprint();
    bounds.min = {std::min(bounds.min.x, f.min.x), std::min(bounds.min.y, f.min.y)};
    bounds.max = {std::max(bounds.max.x, f.max.x), std::max(bounds.max.y, f.max.y)};
  }
  const double margin = 0.5;
  const double width_m = bounds.Width() + 2 * margin;
  const double depth_m = bounds.Depth() + 2 * margin;
  const double scale = 600.0 / std::max(width_m, depth_m);  // pixels per metre
  // SVG y grows downward; world +Y (away from the viewer) is drawn up.
  auto sx = [&](double x) { return FormatNumber((x - bounds.min.x + margin) * scale, 1); };
  auto sy = [&](double y) { return FormatNumber((bounds.max.y + margin - y) * scale, 1); };
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    FormatNumber(width_m * scale, 0) + "\" height=\"" +
                    FormatNumber(depth_m * scale, 0) +
                    "\" font-family=\"sans-serif\" font-size=\"11\">\n";
  const Rect2 floor = graph.environment.FloorRect();
  svg += "<rect x=\"" + sx(floor.min.x) + "\" y=\"" + sy(floor.max.y) + "\" width=\"" +
         FormatNumber(floor.Width() * scale, 1) + "\" height=\"" +
         FormatNumber(floor.Depth() * scale, 1) +
         "\" fill=\"#f4f1ea\" stroke=\"#555\" stroke-width=\"" +
         (graph.environment.IsRoom() ? "4" : "1") + "\"/>\n";
  if (graph.environment.IsRoom()) {
    svg += "<text x=\"" + sx(0) + "\" y=\"" + sy(floor.min.y - 0.3) +
           "\" text-anchor=\"middle\" fill=\"#777\">camera side (front, open)</text>\n";
  }
  // Objects: turned rectangles with a front tick and a label.
  for (const Object& o : graph.objects) {
    if (!o.pose) continue;
    const double c = std::cos(o.pose->yaw_rad), s = std::sin(o.pose->yaw_rad);
    std::string points;
    for (auto [u, v] : {std::pair{-0.5, -0.5}, {0.5, -0.5}, {0.5, 0.5}, {-0.5, 0.5}}) {
      const double lx = u * o.size.x, ly = v * o.size.y;
      points += sx(o.pose->x + lx * c - ly * s) + "," + sy(o.pose->y + lx * s + ly * c) + " ";
    }
    const bool raised = o.pose->z > 0.05;
    svg += "<polygon points=\"" + points + "\" fill=\"" + (raised ? "#bcd4f0" : "#d9c9a8") +
           "\" fill-opacity=\"0.85\" stroke=\"#333\" stroke-width=\"1\"><title>" +
           HtmlEscape(o.ToString()) + "</title></polygon>\n";
    if (o.has_front) {
      const Vec2 f = FrontDirection(o.pose->yaw_rad);
      const double reach = 0.5 * o.size.y + 0.15;
      svg += "<line x1=\"" + sx(o.pose->x) + "\" y1=\"" + sy(o.pose->y) + "\" x2=\"" +
             sx(o.pose->x + f.x * reach) + "\" y2=\"" + sy(o.pose->y + f.y * reach) +
             "\" stroke=\"#333\" stroke-width=\"1.5\"/>\n";
    }
  }
  // Relation lines from each subject to the reference, coloured by pass/fail.
  const std::map<size_t, bool> passes = RelationPasses(graph, critique);
  for (size_t i = 0; i < graph.relations.size(); ++i) {
    const Relation& r = graph.relations[i];
    if (r.objects.size() < 2) continue;
    auto it = passes.find(i);
    const char* colour = it == passes.end() ? "#888" : (it->second ? kPassColour : kFailColour);
    const Object* ref = graph.FindObject(r.objects.back());
    for (size_t k = 0; k + 1 < r.objects.size(); ++k) {
      const Object* a = graph.FindObject(r.objects[k]);
      const Object* b =
          GetRelationInfo(r.type).has_reference ? ref : graph.FindObject(r.objects[k + 1]);
      if (a == nullptr || b == nullptr || !a->pose || !b->pose) continue;
      svg += "<line x1=\"" + sx(a->pose->x) + "\" y1=\"" + sy(a->pose->y) + "\" x2=\"" +
             sx(b->pose->x) + "\" y2=\"" + sy(b->pose->y) + "\" stroke=\"" + colour +
             "\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"><title>" + HtmlEscape(r.ToString()) +
             "</title></line>\n";
    }
  }
  for (const Object& o : graph.objects) {
    if (!o.pose) continue;
    svg += "<text x=\"" + sx(o.pose->x) + "\" y=\"" + sy(o.pose->y) +
           "\" text-anchor=\"middle\" dominant-baseline=\"middle\" fill=\"#111\">" +
           HtmlEscape(o.id) + "</text>\n";
  }
  svg += "</svg>\n";
  return svg;
}

std::string ReportHtml(const ReportInput& in) {
  std::string h =
      "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + HtmlEscape(in.title) +
      "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
      "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
      "text-align:left;vertical-align:top}.pass{color:" +
      std::string(kPassColour) + "}.fail{color:" + kFailColour +
      "}.warn{color:#a65e00}img{max-width:100%;border:1px solid #ccc}</style></head><body>\n";
  h += "<h1>" + HtmlEscape(in.title) + "</h1>\n";
  if (!in.prompt.empty()) h += "<blockquote>" + HtmlEscape(in.prompt) + "</blockquote>\n";
  if (in.critique != nullptr) {
    h += "<p><b>Relations passing: " + std::to_string(in.critique->relations_passed) + " / " +
         std::to_string(in.critique->relations_total) + "</b> (score " +
         FormatNumber(in.critique->score, 3) + ", measured on the Blender readback)</p>\n";
  }
  if (!in.skipped.empty()) h += "<p class=\"warn\">" + HtmlEscape(in.skipped) + "</p>\n";
  if (!in.beauty_file.empty()) {
    h += "<h2>Beauty view</h2><img src=\"" + HtmlEscape(in.beauty_file) +
         "\" alt=\"beauty view: eye height, the main group framed\">\n";
  }
  if (!in.render_file.empty()) {
    h += "<h2>Render (the critic's view)</h2><img src=\"" + HtmlEscape(in.render_file) +
         "\" alt=\"render\">\n";
  }
  if (!in.check_file.empty()) {
    h += "<h2>Check view (top down, everything visible)</h2><img src=\"" +
         HtmlEscape(in.check_file) + "\" alt=\"check view: top down\">\n";
  }
  h += ViewerSection(in);
  if (in.graph != nullptr) {
    h += "<h2>Plan (top view; up is away from the camera)</h2>\n" + PlanSvg(*in.graph, in.critique);
    // Relation table.
    h += "<h2>Relations</h2><table><tr><th>#</th><th>relation</th><th>result</th><th>measured</th>"
         "<th>expected</th><th>suggestion</th></tr>\n";
    std::map<size_t, const Finding*> by_relation;
    if (in.critique != nullptr) {
      for (const Finding& f : in.critique->findings) {
        if (f.kind == Finding::Kind::kRelation && f.relation) by_relation[*f.relation] = &f;
      }
    }
    const std::map<size_t, bool> passes = RelationPasses(*in.graph, in.critique);
    for (size_t i = 0; i < in.graph->relations.size(); ++i) {
      auto p = passes.find(i);
      const Finding* f = by_relation.count(i) ? by_relation[i] : nullptr;
      const std::string result = p == passes.end()
                                     ? "-"
                                     : (p->second ? "<span class=\"pass\">pass</span>"
                                                  : "<span class=\"fail\">FAIL</span>");
      h += "<tr><td>" + std::to_string(i) + "</td><td>" +
           HtmlEscape(in.graph->relations[i].ToString()) + "</td><td>" + result + "</td><td>" +
           HtmlEscape(f ? f->measured : "") + "</td><td>" + HtmlEscape(f ? f->expected : "") +
           "</td><td>" + HtmlEscape(f ? f->suggestion : "") + "</td></tr>\n";
    }
    h += "</table>\n";
  }
  if (in.critique != nullptr) {
    std::string rows;
    for (const Finding& f : in.critique->findings) {
      if (f.kind == Finding::Kind::kRelation || f.pass) continue;
      rows += "<tr><td>" + std::string(FindingKindName(f.kind)) + "</td><td>" +
              HtmlEscape(Join(f.objects, ", ")) + "</td><td>" + HtmlEscape(f.measured) +
              "</td><td>" + HtmlEscape(f.expected) + "</td><td>" + HtmlEscape(f.suggestion) +
              "</td><td>" + HtmlEscape(f.source) + "</td></tr>\n";
    }
    if (!rows.empty()) {
      h += "<h2>Whole-scene findings</h2><table><tr><th>kind</th><th>objects</th><th>measured"
           "</th><th>expected</th><th>suggestion</th><th>critic</th></tr>\n" +
           rows + "</table>\n";
    }
  }
  if (!in.rounds.empty()) {
    h += "<h2>Inner loop</h2><table><tr><th>round</th><th>score before</th><th>score after</th>"
         "<th>kept</th><th>changes</th><th>seconds</th></tr>\n";
    for (const RoundRecord& r : in.rounds) {
      std::string changes;
      for (const std::string& c : r.changes) changes += HtmlEscape(c) + "<br>";
      h += "<tr><td>" + std::to_string(r.round) + "</td><td>" + FormatNumber(r.score_before, 3) +
           "</td><td>" + FormatNumber(r.score_after, 3) + "</td><td>" +
           (r.kept ? "yes" : "undone") + "</td><td>" + changes + "</td><td>" +
           FormatNumber(r.seconds, 2) + "</td></tr>\n";
    }
    h += "</table>\n";
    if (!in.loop_stop.empty()) h += "<p>" + HtmlEscape(in.loop_stop) + "</p>\n";
  }
  if (in.graph != nullptr) {
    h += "<h2>Objects and assets</h2><table><tr><th>id</th><th>category</th><th>description</th>"
         "<th>size (m)</th><th>asset</th><th>creator / licence</th></tr>\n";
    std::set<std::string> attributions;
    for (const Object& o : in.graph->objects) {
      h += "<tr><td>" + HtmlEscape(o.id) + "</td><td>" + HtmlEscape(o.category) + "</td><td>" +
           HtmlEscape(o.description) + "</td><td>" + FormatNumber(o.size.x, 2) + " x " +
           FormatNumber(o.size.y, 2) + " x " + FormatNumber(o.size.z, 2) + "</td><td>" +
           HtmlEscape(o.asset.name.empty() ? o.asset.ToString() : o.asset.name) + "</td><td>" +
           HtmlEscape(o.asset.creator + (o.asset.license.empty() ? "" : " / " + o.asset.license)) +
           "</td></tr>\n";
      // Sweet Home 3D libraries spell it out: "Creative Commons Attribution 3.0 ... license".
      if (StartsWith(o.asset.license, "CC-BY") || StartsWith(o.asset.license, "CC BY") ||
          StartsWith(o.asset.license, "Creative Commons Attribution")) {
        attributions.insert("\"" + o.asset.name + "\" by " + o.asset.creator + ", " +
                            o.asset.license);
      }
    }
    h += "</table>\n";
    if (!attributions.empty()) {
      h += "<h2>Attributions required</h2><ul>";
      for (const std::string& a : attributions) h += "<li>" + HtmlEscape(a) + "</li>";
      h += "</ul>\n";
    }
  }
  if (!in.skills.empty()) {
    h += "<h2>Skills applied</h2><ul>";
    for (const std::string& s : in.skills) h += "<li>" + HtmlEscape(s) + "</li>";
    h += "</ul>\n";
  }
  if (!in.warnings.empty()) {
    h += "<h2>Warnings</h2><ul>";
    for (const std::string& w : in.warnings) h += "<li class=\"warn\">" + HtmlEscape(w) + "</li>";
    h += "</ul>\n";
  }
  if (!in.llm_calls.empty()) {
    int64_t prompt = 0, completion = 0;
    for (const CallRecord& c : in.llm_calls) {
      prompt = SaturatingAdd(prompt, c.prompt_tokens);
      completion = SaturatingAdd(completion, c.completion_tokens);
    }
    h += "<h2>Model calls</h2><p>" + std::to_string(in.llm_calls.size()) + " calls, " +
         std::to_string(prompt) + " prompt + " + std::to_string(completion) +
         " completion tokens</p><table><tr><th>purpose</th><th>attempts</th><th>HTTP status</th>"
         "<th>prompt tokens</th><th>completion tokens</th><th>seconds</th><th>outcome</th></tr>";
    for (const CallRecord& c : in.llm_calls) {
      h += "<tr><td>" + HtmlEscape(c.purpose) + "</td><td>" + std::to_string(c.attempts) +
           "</td><td>" + (c.status == 0 ? std::string("-") : std::to_string(c.status)) +
           "</td><td>" + std::to_string(c.prompt_tokens) + "</td><td>" +
           std::to_string(c.completion_tokens) + "</td><td>" + FormatNumber(c.wall_s, 2) +
           "</td><td" + (c.outcome == "ok" ? "" : " class=\"warn\"") + ">" +
           HtmlEscape(c.outcome + (c.from_cache ? " (from the cache)" : "")) + "</td></tr>";
    }
    h += "</table>\n";
  }
  if (!in.timings.empty()) {
    h += "<h2>Timings</h2><table>";
    for (const auto& [stage, seconds] : in.timings) {
      h += "<tr><td>" + HtmlEscape(stage) + "</td><td>" + FormatNumber(seconds, 3) + " s</td></tr>";
    }
    h += "</table>\n";
  }
  h += "</body></html>\n";
  return h;
}

}  // namespace scenecraft
