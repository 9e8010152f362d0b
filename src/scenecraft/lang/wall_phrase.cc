#include "scenecraft/lang/wall_phrase.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "scenecraft/core/room.h"

namespace scenecraft {
namespace {

// A word of the raw text (a run of letters, lower case) or one other character; byte offsets
// kept.
struct Token {
  std::string text;
  int begin = 0;
  int end = 0;
  bool word = false;
};

std::vector<Token> Lex(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    Token t;
    t.begin = static_cast<int>(i);
    if (std::isalpha(c)) {
      // A hyphen joins a word ("wall-mounted" is one word, not "wall").
      while (i < text.size() && (std::isalpha(static_cast<unsigned char>(text[i])) ||
                                 (text[i] == '-' && i + 1 < text.size() &&
                                  std::isalpha(static_cast<unsigned char>(text[i + 1]))))) {
        t.text += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        ++i;
      }
      t.word = true;
    } else {
      t.text = std::string(1, static_cast<char>(c));
      ++i;
    }
    t.end = static_cast<int>(i);
    out.push_back(std::move(t));
  }
  return out;
}

// Closed classes: the openings a wall is named by, the words that join them to "wall".
std::string OpeningWall(const std::string& w) {
  if (w == "window" || w == "windows") return "window";
  static const std::set<std::string> doors = {
      "door", "doors", "doorway", "doorways", "entrance", "entrances", "entry", "exit", "exits"};
  return doors.count(w) ? "door" : "";
}

bool IsDeterminer(const std::string& w) {
  static const std::set<std::string> words = {"the", "a",    "an",    "its",  "their", "one",
                                              "two", "both", "three", "some", "this",  "that"};
  return words.count(w) > 0;
}

// How many tokens from k join "wall" to the opening that has it ("with", "that has"), or to the
// door across from it ("opposite", "across from"); 0 when none do. `across` says which.
size_t Joiner(const std::vector<Token>& t, size_t k, bool* across) {
  auto is = [&](size_t i, const char* w) { return i < t.size() && t[i].text == w; };
  *across = false;
  if (is(k, "with") || is(k, "having")) return 1;
  if ((is(k, "that") || is(k, "which")) && (is(k + 1, "has") || is(k + 1, "holds"))) return 2;
  *across = true;
  if (is(k, "opposite") && (is(k + 1, "to") || is(k + 1, "from"))) return 2;
  if (is(k, "opposite") || is(k, "facing")) return 1;
  if (is(k, "across") && is(k + 1, "from")) return 2;
  return 0;
}

}  // namespace

std::vector<WallPhrase> ReadWallPhrases(std::string_view text) {
  const std::vector<Token> t = Lex(text);
  std::vector<WallPhrase> out;
  for (size_t k = 0; k < t.size(); ++k) {
    if (t[k].text != "wall") continue;
    WallPhrase p;
    p.wall_begin = t[k].begin;
    p.wall_end = t[k].end;
    // "the window wall": the opening noun right before it.
    if (k > 0 && !OpeningWall(t[k - 1].text).empty()) {
      p.wall = OpeningWall(t[k - 1].text);
      p.spans.push_back({t[k - 1].begin, t[k - 1].end});
      p.words = 1;
      out.push_back(std::move(p));
      continue;
    }
    // "the wall with the window", "the wall opposite the door".
    bool across = false;
    size_t i = k + 1;
    const size_t joiner = Joiner(t, i, &across);
    if (joiner == 0) continue;
    i += joiner;
    while (i < t.size() && IsDeterminer(t[i].text)) ++i;
    if (i >= t.size()) continue;
    const std::string opening = OpeningWall(t[i].text);
    if (opening.empty() || (across && opening != "door")) continue;
    p.wall = across ? "opposite_door" : opening;
    p.spans.push_back({t[k + 1].begin, t[i].end});
    p.words = 1;
    out.push_back(std::move(p));
  }
  return out;
}

std::string BlankWallPhrases(std::string_view text, const std::vector<WallPhrase>& phrases) {
  std::string out(text);
  for (const WallPhrase& p : phrases) {
    for (const auto& [begin, end] : p.spans) {
      std::fill(out.begin() + begin, out.begin() + end, ' ');
    }
  }
  return out;
}

void ApplyWallPhrases(const std::vector<WallPhrase>& phrases, PlanResult* plan) {
  if (phrases.empty()) return;
  SceneGraph& graph = plan->graph;
  for (const WallPhrase& p : phrases) {
    // The wall relations whose words hold this "wall".
    for (Relation& r : graph.relations) {
      if (r.type != RelationType::kAgainstWall && r.type != RelationType::kOnWall) continue;
      if (r.source.begin < 0 || r.source.begin > p.wall_begin || r.source.end < p.wall_end) {
        continue;
      }
      r.args.words["wall"] = p.wall;
    }
    if (plan->coverage) {
      plan->coverage->content_words += p.words;
      plan->coverage->accounted_words += p.words;
    }
    // The room has the opening the wall is named by.
    Environment& env = graph.environment;
    if (!env.IsRoom()) continue;
    if (p.wall == "window" && std::none_of(env.openings.begin(), env.openings.end(),
                                           [](const Opening& o) { return o.kind == "window"; })) {
      Opening window;
      window.kind = "window";
      window.width_m = 1.2;
      window.height_m = 1.2;
      window.sill_m = 0.9;
      env.openings.push_back(window);
    }
    if (p.wall != "window") EnsureDoor(&env);
  }
}

}  // namespace scenecraft
