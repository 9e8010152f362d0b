#include "scenecraft/lang/room_shape.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "scenecraft/core/room.h"
#include "scenecraft/lang/lengths.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using lengths::Lex;
using lengths::Token;
using lengths::UnitScale;

bool IsCutNoun(const std::string& w) {
  static const std::set<std::string> nouns = {"notch",   "notches", "cutout",  "cutouts",
                                              "cut",     "recess",  "bay",     "alcove",
                                              "corners", "corner",  "recesses"};
  return nouns.count(w) > 0;
}

// "N [unit] (by|x) M [unit]" starting at token i: the two lengths in metres and the token after
// it.
struct Pair {
  Vec2 size;
  size_t end = 0;
};

std::optional<Pair> ReadPair(const std::vector<Token>& t, size_t i) {
  if (i >= t.size() || !t[i].number) return std::nullopt;
  size_t k = i + 1;
  std::optional<double> first_unit;
  if (k < t.size() && (first_unit = UnitScale(t[k].text))) ++k;
  if (k >= t.size() || (t[k].text != "by" && t[k].text != "x")) return std::nullopt;
  ++k;
  if (k >= t.size() || !t[k].number) return std::nullopt;
  const double a = *t[i].number, b = *t[k].number;
  ++k;
  std::optional<double> unit;
  if (k < t.size() && (unit = UnitScale(t[k].text))) ++k;
  const double sa = first_unit.value_or(unit.value_or(1.0)), sb = unit.value_or(sa);
  return Pair{{a * sa, b * sb}, k};
}

// Words that may follow the room's size: punctuation, the end, or a word joining the next part.
bool EndsSize(const std::vector<Token>& t, size_t k) {
  static const std::set<std::string> joins = {"with", "and", "in",   "of", "that", "which", "where",
                                              "by",   "for", "room", "l",  "t",    "u"};
  return k >= t.size() || !t[k].word || joins.count(t[k].text) > 0;
}

// The units among tokens [begin, end): the content words of a size.
int UnitWords(const std::vector<Token>& t, size_t begin, size_t end) {
  int n = 0;
  for (size_t k = begin; k < end; ++k) n += UnitScale(t[k].text) ? 1 : 0;
  return n;
}

bool IsProportionWord(const std::string& w) {
  static const std::set<std::string> words = {"long", "narrow", "elongated", "thin", "skinny"};
  return words.count(w) > 0;
}

// "long and narrow", "long, narrow", "narrow": the run of proportion words and the next few
// words, one of which is the noun they describe.
void ReadProportion(const std::vector<Token>& t, RoomShapeReading* r) {
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].word || !IsProportionWord(t[i].text)) continue;
    // "a 3 m long table" is a measurement, not a proportion.
    if (i > 0 && (t[i - 1].number || UnitScale(t[i - 1].text))) continue;
    int said = 0;
    size_t k = i;
    std::set<std::string> seen;
    while (k < t.size() && (IsProportionWord(t[k].text) || t[k].text == "and" || t[k].text == "," ||
                            t[k].text == "very" || t[k].text == "rather")) {
      if (IsProportionWord(t[k].text) && seen.insert(t[k].text).second) ++said;
      ++k;
    }
    for (size_t j = k; j < t.size() && j < k + 3 && t[j].word; ++j) {
      r->elongated_nouns.push_back(t[j].text);
    }
    r->elongation = std::max(r->elongation, said >= 2 ? 2.5 : 2.0);
    i = k;
  }
}

}  // namespace

RoomShapeReading ReadRoomShape(std::string_view text) {
  RoomShapeReading r;
  const std::vector<Token> t = Lex(text);
  size_t shape_at = t.size();
  for (size_t i = 0; i + 1 < t.size(); ++i) {
    const std::string& w = t[i].text;
    if ((w == "l" || w == "t" || w == "u") &&
        (t[i + 1].text == "shaped" || t[i + 1].text == "shape")) {
      r.shape = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
      r.spans.push_back({t[i].begin, t[i + 1].end});
      r.words += 1;
      shape_at = i;
      break;
    }
  }
  ReadProportion(t, &r);
  if (r.shape == 0) return r;
  for (size_t i = 0; i < t.size(); ++i) {
    const std::optional<Pair> pair = ReadPair(t, i);
    if (!pair) continue;
    size_t end = pair->end;
    const bool cut = end < t.size() && IsCutNoun(t[end].text);
    if (cut && !r.cut_m) {
      // "with a 2 by 2 metre notch": the joining words go with it.
      size_t begin = i;
      if (begin > 0 && (t[begin - 1].text == "a" || t[begin - 1].text == "an" ||
                        t[begin - 1].text == "one" || t[begin - 1].text == "two")) {
        --begin;
      }
      if (begin > 0 && (t[begin - 1].text == "with" || t[begin - 1].text == "and")) --begin;
      r.cut_m = pair->size;
      r.spans.push_back({t[begin].begin, t[end].end});
      r.words += 1 + UnitWords(t, i, end);
      i = end;
    } else if (!cut && !r.size_m && EndsSize(t, end) && i + 12 > shape_at) {
      r.size_m = pair->size;
      r.spans.push_back({t[i].begin, t[end - 1].end});
      r.words += UnitWords(t, i, end);
      i = end - 1;
    }
  }
  return r;
}

std::string BlankRoomShape(std::string_view text, const RoomShapeReading& reading) {
  std::string out(text);
  for (const auto& [b, e] : reading.spans) {
    for (int k = b; k < e && k < static_cast<int>(out.size()); ++k) out[k] = ' ';
  }
  return out;
}

Polygon2 RoomShapePolygon(const RoomShapeReading& reading, const Vec2& default_size) {
  const Vec2 size = reading.size_m.value_or(default_size);
  if (!(size.x >= 1.5 && size.y >= 1.5 && size.x <= 100 && size.y <= 100)) {
    throw Error("a room of " + FormatNumber(size.x) + " by " + FormatNumber(size.y) +
                " m is not a room that can be built (each side 1.5 to 100 m)");
  }
  switch (reading.shape) {
    case 'L': {
      const Vec2 cut = reading.cut_m.value_or(Vec2{0.4 * size.x, 0.4 * size.y});
      return LShapedFloor(size.x, size.y, cut.x, cut.y);
    }
    case 'U': {
      const Vec2 cut = reading.cut_m.value_or(Vec2{size.x / 3, size.y / 2});
      return UShapedFloor(size.x, size.y, cut.x, cut.y);
    }
    case 'T': {
      // The cut is each of the two corners the stem leaves.
      const Vec2 cut = reading.cut_m.value_or(Vec2{size.x / 3, size.y / 2});
      return TShapedFloor(size.x, size.y, size.x - 2 * cut.x, size.y - cut.y);
    }
    default:
      throw Error("room shape: no shape was read");
  }
}

void ShapeRoom(const RoomShapeReading& reading, const std::string& setting, bool text_openings,
               PlanResult* plan) {
  Environment& env = plan->graph.environment;
  if (!env.IsRoom()) return;
  if (reading.shape != 0) {
    env.SetFloorPolygon(RoomShapePolygon(reading, {env.size.x, env.size.y}));
    if (plan->coverage) {
      plan->coverage->content_words += reading.words;
      plan->coverage->accounted_words += reading.words;
    }
  }
  // "A long, narrow room": the same floor, drawn out (when neither a size nor a shape is given).
  // (A room the text names by no type is its setting too: "a long, narrow room".)
  if (reading.shape == 0 && !reading.size_m && reading.elongation > 0) {
    const size_t space = setting.rfind(' ');
    const std::string head = setting.empty()              ? std::string("room")
                             : space == std::string::npos ? setting
                                                          : setting.substr(space + 1);
    const auto& nouns = reading.elongated_nouns;
    const bool said = std::find(nouns.begin(), nouns.end(), head) != nouns.end() ||
                      std::find(nouns.begin(), nouns.end(), head + "s") != nouns.end();
    const double area = env.size.x * env.size.y;
    if (said && env.size.x < reading.elongation * env.size.y) {
      env.size.x = std::sqrt(area * reading.elongation);
      env.size.y = std::max(1.8, area / env.size.x);
      plan->graph.notes.push_back("room: " + FormatNumber(env.size.x) + " x " +
                                  FormatNumber(env.size.y) +
                                  " m, long and narrow as the text says");
    }
  }
  // The type's row: the setting's noun, else its nearest hypernym the table names.
  const RoomTypeWindows* row = nullptr;
  if (!setting.empty()) {
    row = WindowsForRoomType(setting);
    WordNet& wordnet = WordNet::Get();
    if (row == nullptr && wordnet.available()) {
      for (const std::string& h : wordnet.Hypernyms(setting, 6, 1)) {
        if ((row = WindowsForRoomType(h)) != nullptr) break;
      }
    }
    // The script's floor and walls follow the room's type.
    if (row != nullptr) env.room_type = std::string(row->room);
  }
  if (text_openings) return;
  if (row == nullptr) row = WindowsForRoomType("room");
  env.openings.erase(std::remove_if(env.openings.begin(), env.openings.end(),
                                    [](const Opening& o) { return o.kind == "window"; }),
                     env.openings.end());
  AddRoomTypeWindows(&env, *row);
  plan->graph.notes.push_back("windows: " + std::to_string(row->windows) + " for a " +
                              std::string(row->room) + " (none in the text)");
}

}  // namespace scenecraft
