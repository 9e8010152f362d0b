#include "scenecraft/lang/measure.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/lengths.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using lengths::Token;

// Closed classes: the dimension adjectives, the words that join a measurement to the noun
// before it, and the words after which a measurement describes the noun after it.
enum class Axis { kNone, kWidth, kDepth, kHeight, kLength, kAcross };

Axis DimensionWord(const std::string& w) {
  if (w == "wide" || w == "broad" || w == "width") return Axis::kWidth;
  if (w == "deep" || w == "depth") return Axis::kDepth;
  if (w == "tall" || w == "high" || w == "height") return Axis::kHeight;
  if (w == "long" || w == "length") return Axis::kLength;
  if (w == "across" || w == "diameter") return Axis::kAcross;
  return Axis::kNone;
}

bool JoinsToNounBefore(const std::string& w) {
  static const std::set<std::string> words = {
      "that",    "which",    "is",     "are",    "measuring",     "measures",
      "measure", "of",       "about",  "around", "approximately", "roughly",
      "nearly",  "almost",   "at",     "least",  "exactly",       "just",
      "some",    "standing", "stands", "stand"};
  return words.count(w) > 0;
}

// Words after a length that make it a distance, not a size ("one foot from the bed", "2 m away",
// "a metre above the floor"): prepositions and adverbs of place.
bool DistanceWord(const std::string& w) {
  static const std::set<std::string> words = {
      "from",   "away",   "apart",  "above",   "below",  "beneath", "under", "over",
      "behind", "in",     "to",     "off",     "past",   "beyond",  "left",  "right",
      "front",  "back",   "up",     "down",    "out",    "along",   "clear", "short",
      "inside", "into",   "toward", "towards", "onto",   "on",      "of",    "between",
      "ahead",  "nearer", "closer", "farther", "further"};
  return words.count(w) > 0;
}

bool Determiner(const Token& t) {
  static const std::set<std::string> words = {"a",     "an",   "the",   "this", "that",  "these",
                                              "those", "each", "every", "its",  "their", "his",
                                              "her",   "my",   "our",   "your", "some"};
  return t.number.has_value() || words.count(t.text) > 0;
}

// "N [unit]" at token i: the length in metres (the unit may come after the last number of a
// "by" list, so it is returned apart).
struct Length {
  double value = 0;
  std::optional<double> unit;
  size_t next = 0;
};

std::optional<Length> ReadLength(const std::vector<Token>& t, size_t i) {
  if (i >= t.size() || !t[i].number) return std::nullopt;
  Length l{*t[i].number, std::nullopt, i + 1};
  if (l.next < t.size()) {
    // Only right after a number is "in" the inch.
    l.unit = lengths::UnitScale(t[l.next].text, /*strict=*/false);
    if (l.unit && t[l.next].text == "in" && l.next + 1 < t.size() && t[l.next + 1].word &&
        DimensionWord(t[l.next + 1].text) == Axis::kNone) {
      l.unit.reset();  // "two in a row", "3 in the corner"
    }
    if (l.unit) ++l.next;
  }
  return l;
}

bool Inside(int at, const RoomShapeReading& shape) {
  for (const auto& [b, e] : shape.spans) {
    if (at >= b && at < e) return true;
  }
  return false;
}

}  // namespace

std::vector<Measurement> ReadMeasurements(std::string_view text, const RoomShapeReading& shape) {
  std::vector<Measurement> out;
  const std::vector<Token> t = lengths::Lex(text);
  for (size_t i = 0; i < t.size(); ++i) {
    if (!t[i].number || Inside(t[i].begin, shape)) continue;
    // Up to three lengths joined by "by" or "x"; a unit after the last serves those without one.
    std::vector<Length> sides;
    size_t k = i;
    while (sides.size() < 3) {
      const std::optional<Length> l = ReadLength(t, k);
      if (!l) break;
      sides.push_back(*l);
      k = l->next;
      if (k + 1 < t.size() && (t[k].text == "by" || t[k].text == "x") && t[k + 1].number) {
        ++k;
        continue;
      }
      break;
    }
    if (sides.empty() || !sides.back().unit) continue;  // no unit: a count or "a 4 by 4 grid"
    Measurement m;
    m.words = 0;
    for (Length& l : sides) {
      if (l.unit) ++m.words;
      l.value *= l.unit.value_or(*sides.back().unit);
    }
    if (std::any_of(sides.begin(), sides.end(),
                    [](const Length& l) { return !(l.value > 0.005 && l.value <= 200.0); })) {
      continue;
    }
    Axis axis = Axis::kNone;
    if (k < t.size() && t[k].word) axis = DimensionWord(t[k].text);
    if (axis == Axis::kNone && k + 1 < t.size() && t[k].text == "in" &&
        t[k + 1].text == "diameter") {
      ++k;
      axis = Axis::kAcross;
    }
    if (axis != Axis::kNone) {
      ++m.words;
      ++k;
    }
    // "2 m across from the door", "three feet in front of it": a distance.
    if (sides.size() == 1 && k < t.size() && t[k].word && DistanceWord(t[k].text) &&
        (axis == Axis::kNone || axis == Axis::kAcross)) {
      i = k - 1;
      continue;
    }
    if (sides.size() == 1) {
      const double v = sides[0].value;
      switch (axis) {
        case Axis::kWidth:
          m.size_m.x = v;
          break;
        case Axis::kDepth:
          m.size_m.y = v;
          break;
        case Axis::kHeight:
          m.size_m.z = v;
          break;
        case Axis::kAcross:
          m.size_m.x = m.size_m.y = v;
          break;
        case Axis::kLength:
          m.length_m = v;
          break;
        case Axis::kNone:
          m.length_m = v;
          m.longest_any = true;
          break;
      }
    } else {
      m.size_m.x = sides[0].value;
      m.size_m.y = sides[1].value;
      if (sides.size() == 3) m.size_m.z = sides[2].value;
    }
    // The words before it that join it to a noun before ("that is", "of", "measuring about").
    size_t first = i;
    while (first > 0 && t[first - 1].word && JoinsToNounBefore(t[first - 1].text)) --first;
    const bool determined = i > 0 && first == i && Determiner(t[i - 1]);
    m.begin = t[first].begin;
    m.end = t[k - 1].end;
    if (!determined && first > 0 && t[first - 1].word) m.before = t[first - 1].begin;
    if (first == i && k < t.size() && t[k].word) m.after = t[k].begin;
    // "a table of about 2 m": "of" joins it to the noun before, never after.
    if (first < i) m.after = -1;
    out.push_back(m);
    i = k - 1;
  }
  return out;
}

std::string BlankMeasurements(std::string_view text, const std::vector<Measurement>& ms) {
  std::string out(text);
  for (const Measurement& m : ms) {
    for (int k = m.begin; k < m.end && k < static_cast<int>(out.size()); ++k) out[k] = ' ';
  }
  return out;
}

Vec3 MeasuredSize(const Measurement& m, const Vec3& prior) {
  Vec3 s = prior;
  const bool square = std::abs(prior.x - prior.y) <= 0.1 * std::max(prior.x, prior.y);
  if (m.size_m.x > 0) {
    s.x = m.size_m.x;
    if (square && m.size_m.y <= 0) s.y = m.size_m.x;
  }
  if (m.size_m.y > 0) s.y = m.size_m.y;
  if (m.size_m.z > 0) s.z = m.size_m.z;
  if (m.length_m > 0) {
    if (m.longest_any && prior.z >= std::max(prior.x, prior.y)) {
      s.z = m.length_m;  // "a ten-foot ladder", "a six-foot bookcase": its height
    } else if (prior.y > prior.x) {
      s.y = m.length_m;
    } else {
      s.x = m.length_m;
    }
  }
  return s;
}

std::vector<Measurement> SizeMeasuredObjects(const std::vector<Measurement>& ms, PlanResult* plan) {
  std::vector<Measurement> rest;
  SceneGraph& g = plan->graph;
  for (const Measurement& m : ms) {
    // The objects whose noun phrase holds the word before it ("a canoe 3 m long beside the
    // dock"), else the word after it ("a 3 m long canoe"; all the members of a counted phrase:
    // "two 3 m benches").
    auto holding = [&](int at) {
      std::vector<Object*> found;
      if (at < 0) return found;
      for (Object& o : g.objects) {
        if (o.source.begin >= 0 && o.source.begin <= at && at < o.source.end) found.push_back(&o);
      }
      return found;
    };
    std::vector<Object*> objects = holding(m.before);
    if (objects.empty()) objects = holding(m.after);
    if (objects.empty()) {
      rest.push_back(m);
      continue;
    }
    for (Object* o : objects) {
      o->size = MeasuredSize(m, ExpectedSize(*o));
      g.notes.push_back("size: " + o->id + " is " + FormatNumber(o->size.x) + " x " +
                        FormatNumber(o->size.y) + " x " + FormatNumber(o->size.z) +
                        " m, as the text says (prompt " + std::to_string(m.begin) + ":" +
                        std::to_string(m.end) + ")");
    }
    if (plan->coverage) {
      plan->coverage->content_words += m.words;
      plan->coverage->accounted_words += m.words;
    }
  }
  return rest;
}

void SizeRoomFromMeasurements(const std::vector<Measurement>& rest, const RoomShapeReading& shape,
                              PlanResult* plan) {
  Environment& env = plan->graph.environment;
  bool sized = shape.size_m.has_value();
  for (const Measurement& m : rest) {
    const bool floor = m.size_m.x > 0 && m.size_m.y > 0;
    const std::string span =
        "(prompt " + std::to_string(m.begin) + ":" + std::to_string(m.end) + ")";
    if (floor && !sized && env.IsRoom() && env.floor_polygon_m.empty() && m.size_m.x >= 1.5 &&
        m.size_m.y >= 1.5 && m.size_m.x <= 100 && m.size_m.y <= 100) {
      sized = true;
      const double height = m.size_m.z >= 2.0 ? m.size_m.z : env.size.z;
      const Vec2 was{env.size.x, env.size.y};
      env.size = {m.size_m.x, m.size_m.y, height};
      // The windows the room got keep their place along their wall's new length.
      for (Opening& o : env.openings) {
        const double along =
            o.wall == "left" || o.wall == "right" ? m.size_m.y / was.y : m.size_m.x / was.x;
        o.offset_m *= along;
      }
      plan->graph.notes.push_back("room: " + FormatNumber(env.size.x) + " by " +
                                  FormatNumber(env.size.y) + " m, as the text says " + span);
      if (plan->coverage) {
        plan->coverage->content_words += m.words;
        plan->coverage->accounted_words += m.words;
      }
      continue;
    }
    plan->warnings.push_back("a size was read but belongs to no object " + span);
  }
}

}  // namespace scenecraft
