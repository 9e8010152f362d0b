#include "scenecraft/lang/planner.h"

#include <algorithm>
#include <set>

#include "scenecraft/lang/builder.h"
#include "scenecraft/lang/chunker.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/measure.h"
#include "scenecraft/lang/reader.h"
#include "scenecraft/lang/room_shape.h"
#include "scenecraft/lang/tagger.h"
#include "scenecraft/lang/wall_phrase.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// Text in another language is refused with a message rather than half read: its function words
// outnumber the English ones ("une table avec quatre chaises"), or most words are in another
// script.
void CheckEnglish(const std::vector<Word>& tokens) {
  static const std::set<std::string> english = {
      "a",    "an",   "the",  "with", "and",   "on",    "of",     "in",  "to",   "by",
      "next", "near", "is",   "are",  "there", "under", "behind", "at",  "from", "its",
      "it",   "them", "each", "two",  "three", "four",  "some",   "for", "this", "that"};
  static const std::set<std::string> foreign = {
      // French, German, Spanish, Italian, Portuguese, Dutch.
      "le",   "la",  "les",  "une",   "des",   "avec", "et",    "sur",  "dans",  "sous",  "du",
      "au",   "aux", "est",  "der",   "die",   "das",  "ein",   "eine", "einer", "einem", "einen",
      "und",  "mit", "auf",  "unter", "neben", "ist",  "im",    "el",   "los",   "las",   "una",
      "unos", "con", "y",    "sobre", "en",    "del",  "il",    "lo",   "gli",   "uno",   "sul",
      "um",   "uma", "os",   "com",   "em",    "het",  "een",   "met",  "op",    "ist",   "zwei",
      "deux", "dos", "drei", "trois", "tres",  "vier", "quatre"};
  int en = 0, other = 0, ascii_words = 0, other_script = 0;
  for (const Word& t : tokens) {
    if (t.punct) continue;
    en += english.count(t.text) ? 1 : 0;
    other += foreign.count(t.text) ? 1 : 0;
    const bool ascii = std::all_of(t.text.begin(), t.text.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    (ascii ? ascii_words : other_script) += 1;
  }
  if ((other >= 2 && other > en) || (other_script > 0 && other_script >= 2 * ascii_words)) {
    throw Error(
        "the description does not look like English; only English is understood (write e.g. "
        "\"a lamp on a wooden desk\")");
  }
}

// The pipeline: words -> items -> records -> graph -> defaults, environment and sub-scenes.
PlanResult PlanText(const std::string& text, const OfflinePlannerOptions& options) {
  // The floor plan's words ("L-shaped", "6 by 5 metres", "a 2 by 2 metre notch") are read first
  // and blanked, offsets kept (room_shape.h).
  // So are the qualifiers of walls named by an opening ("the wall with the window",
  // wall_phrase.h).
  // And the sizes it gives things ("a 2 m long table", measure.h).
  const RoomShapeReading shape = ReadRoomShape(text);
  const std::vector<Measurement> measurements = ReadMeasurements(text, shape);
  const std::vector<WallPhrase> wall_phrases = ReadWallPhrases(text);
  std::vector<Word> words = Tokenize(
      BlankWallPhrases(BlankMeasurements(BlankRoomShape(text, shape), measurements), wall_phrases));
  CheckEnglish(words);
  TagWords(&words);
  // Most words unknown to the dictionary and the grammar: not English (or not words).
  int known = 0, unknown = 0;
  for (const Word& w : words) {
    if (w.punct || w.possessive) continue;
    (w.known ? known : unknown) += 1;
  }
  if (unknown > known) {
    throw Error(
        "most words of the description are in no English dictionary; only English is understood "
        "(write e.g. \"a lamp on a wooden desk\")");
  }
  const std::vector<Item> items = Chunk(words);
  const Reading reading = ReadItems(words, items);
  std::vector<std::string> plan_warnings;
  // Corrected slips are reported, so that a wrong guess can be seen.
  for (size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    if (w.typed.empty() ||
        (k > 0 && words[k - 1].typed == w.typed && words[k - 1].begin == w.begin))
      continue;
    std::string read = w.text;
    if (k + 1 < words.size() && words[k + 1].begin == w.begin) read += " " + words[k + 1].text;
    plan_warnings.push_back("read \"" + w.typed + "\" as \"" + read + "\" (prompt " +
                            std::to_string(w.begin) + ":" + std::to_string(w.end) + ")");
  }
  BuildOptions build;
  build.max_objects = options.max_objects;
  PlanResult plan = BuildPlan(text, words, reading, build);
  // Nouns no dictionary knows are built as the user wrote them, with a word of warning; one
  // that names no object (the possessor in "a woodturner's corner") is only read as a noun.
  for (const Item& item : items) {
    if (item.kind != ItemKind::kNoun || item.np.head < 0 || words[item.np.head].known) continue;
    const Word& w = words[item.np.head];
    const bool built =
        std::any_of(plan.graph.objects.begin(), plan.graph.objects.end(), [&](const Object& o) {
          return o.category == w.lemma || EndsWith(o.category, " " + w.lemma);
        });
    plan_warnings.push_back("\"" + w.text + "\" is in no dictionary; " +
                            (built ? "it is built as written" : "it is read as a noun") +
                            " (prompt " + std::to_string(w.begin) + ":" + std::to_string(w.end) +
                            ")");
  }
  plan.warnings.insert(plan.warnings.begin(), plan_warnings.begin(), plan_warnings.end());
  if (plan.graph.objects.empty() && !reading.setting.empty()) {
    // A setting alone ("a cozy bedroom"): which furniture it should hold is the user's to say;
    // an invented room would be scored, critiqued and reported as if it had been asked for.
    throw Error("the description names a " + reading.setting +
                " but no things in it; say what it should hold (write e.g. \"a " + reading.setting +
                " with ...\" and the furniture you want)");
  }
  if (plan.graph.objects.empty()) {
    throw Error(
        "found no physical objects to build in the description (write e.g. \"a lamp on a "
        "wooden desk\")");
  }
  const bool text_openings = !plan.graph.environment.openings.empty();
  const std::vector<Measurement> unsized = SizeMeasuredObjects(measurements, &plan);
  ChooseEnvironment(reading.setting, reading.setting_kind, &plan.graph);
  {
    // What the scene was set in, and why it is inside or out (the plan says what it chose).
    const Environment& env = plan.graph.environment;
    const std::string where =
        env.IsRoom() ? "a room, seen from inside" : "out of doors, on " + env.ground;
    plan.graph.notes.push_back(
        "setting: " + (reading.setting.empty() ? std::string("none named") : reading.setting) +
        " (" + where + ")");
  }
  ShapeRoom(shape, reading.setting, text_openings, &plan);
  SizeRoomFromMeasurements(unsized, shape, &plan);
  ApplyWallPhrases(wall_phrases, &plan);
  AddDefaults(&plan);
  Decompose(&plan.graph);
  // The scene JSON carries what the planner was unsure of and what it left out.
  for (const std::string& w : plan.warnings) plan.graph.notes.push_back("warning: " + w);
  if (plan.coverage && !plan.coverage->complete()) {
    std::vector<std::string> spans;
    for (size_t k = 0; k < plan.coverage->unaccounted.size(); ++k) {
      spans.push_back("\"" + plan.coverage->unaccounted_text[k] + "\" (prompt " +
                      std::to_string(plan.coverage->unaccounted[k].begin) + ":" +
                      std::to_string(plan.coverage->unaccounted[k].end) + ")");
    }
    plan.graph.notes.push_back("incomplete: " + std::to_string(plan.coverage->accounted_words) +
                               " of " + std::to_string(plan.coverage->content_words) +
                               " content words are in the scene; not: " + Join(spans, ", "));
  }
  return plan;
}

}  // namespace

void OfflinePlannerOptions::Check() const {
  if (max_text_bytes < 10) throw Error("planner: max_text_bytes too small");
  if (max_objects < 1) throw Error("planner: max_objects must be positive");
}

OfflinePlanner::OfflinePlanner(OfflinePlannerOptions options) : options_(options) {
  options_.Check();
}

PlanResult OfflinePlanner::Plan(std::string_view text) {
  if (Trim(text).empty()) throw Error("the description is empty: say what the scene holds");
  if (text.size() > options_.max_text_bytes) {
    throw Error("the description is " + std::to_string(text.size()) + " bytes long; at most " +
                std::to_string(options_.max_text_bytes) +
                " are read (split a long scene into several prompts)");
  }
  // Control characters and bytes that are not UTF-8 become spaces; nothing else about the text
  // is trusted or executed.
  const std::string clean = SpaceOutControls(text);
  PlanResult result = PlanText(clean, options_);
  result.graph.prompt = clean;
  return result;
}

std::string FormatPlanTable(const PlanResult& plan) {
  const SceneGraph& g = plan.graph;
  std::string out = "environment: " + g.environment.ToString() + "\n";
  for (const std::string& note : g.notes) {
    if (StartsWith(note, "setting: ") || StartsWith(note, "room: ")) out += note + "\n";
  }
  out += "\nobjects:\n";
  for (const Object& o : g.objects) {
    out += "  " + o.id + std::string(std::max<int>(1, 20 - static_cast<int>(o.id.size())), ' ') +
           o.category + (o.description.empty() ? "" : "  (" + o.description + ")") + "\n";
  }
  out += "\nrelations:\n";
  for (const Relation& r : g.relations) {
    out += "  " + r.ToString();
    if (r.source.begin >= 0 && r.source.end <= static_cast<int>(g.prompt.size())) {
      out += "   <- \"" + g.prompt.substr(r.source.begin, r.source.end - r.source.begin) + "\"";
    } else {
      out += "   (implied)";
    }
    out += "\n";
  }
  if (!g.subscenes.empty()) out += "\nsub-scenes (placed in this order):\n";
  for (const Subscene& s : g.subscenes) out += "  " + s.title + ": " + Join(s.objects, ", ") + "\n";
  if (plan.coverage) {
    out += "\ncoverage: " + std::to_string(plan.coverage->accounted_words) + " of " +
           std::to_string(plan.coverage->content_words) + " content words (" +
           FormatNumber(plan.coverage->share() * 100, 3) + " %)" +
           (plan.coverage->complete()
                ? ""
                : "; not in the scene: " + Join(plan.coverage->unaccounted_text, ", ")) +
           "\n";
  }
  for (const std::string& w : plan.warnings) out += "warning: " + w + "\n";
  return out;
}

}  // namespace scenecraft
