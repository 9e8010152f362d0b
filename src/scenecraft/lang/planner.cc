#include "scenecraft/lang/planner.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "scenecraft/assets/appearance.h"
#include "scenecraft/assets/procedural.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// -- Tokens ----------------------------------------------------------------------------------

struct Token {
  std::string text;  // lower case
  int begin = 0;     // byte offsets in the prompt
  int end = 0;
  bool punct = false;
};

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isalnum(c) || c >= 0x80) {
      size_t j = i;
      while (j < text.size()) {
        const unsigned char d = static_cast<unsigned char>(text[j]);
        const bool inner = (d == '\'' || d == '-') && j + 1 < text.size() &&
                           std::isalnum(static_cast<unsigned char>(text[j + 1]));
        if (!(std::isalnum(d) || d >= 0x80 || inner)) break;
        ++j;
      }
      tokens.push_back(
          {ToLower(text.substr(i, j - i)), static_cast<int>(i), static_cast<int>(j), false});
      i = j;
    } else if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' ||
               c == ')') {
      tokens.push_back({std::string(1, static_cast<char>(c)), static_cast<int>(i),
                        static_cast<int>(i + 1), true});
      ++i;
    } else {
      ++i;
    }
  }
  return tokens;
}

// -- Lexicon ---------------------------------------------------------------------------------

const std::map<std::string, int>& NumberWords() {
  static const std::map<std::string, int> words = {
      {"a", 1},         {"an", 1},        {"one", 1},      {"single", 1},   {"two", 2},
      {"three", 3},     {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},
      {"eight", 8},     {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},
      {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17},
      {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},  {"several", 3},  {"some", 3},
      {"few", 3},       {"dozen", 12},    {"pair", 2},     {"couple", 2},   {"both", 2},
      {"another", 1},   {"many", 6},      {"thirty", 30},  {"forty", 40},   {"fifty", 50},
      {"sixty", 60},    {"seventy", 70},  {"eighty", 80},  {"ninety", 90},  {"hundred", 100}};
  return words;
}

// A count word or digits; 0 for "0", "zero" and "no" ("no rug": nothing to build). Counts
// beyond what a scene can hold are capped, and the object limit refuses them with a message.
std::optional<int> NumberOf(const std::string& word) {
  auto it = NumberWords().find(word);
  if (it != NumberWords().end()) return it->second;
  if (word == "zero" || word == "no") return 0;
  // "twenty-four": tens and units.
  if (const size_t dash = word.find('-'); dash != std::string::npos) {
    const auto tens = NumberWords().find(word.substr(0, dash));
    const auto units = NumberWords().find(word.substr(dash + 1));
    if (tens != NumberWords().end() && units != NumberWords().end() && tens->second >= 20 &&
        tens->second % 10 == 0 && tens->second < 100 && units->second >= 1 && units->second <= 9 &&
        units->first != "a" && units->first != "an") {
      return tens->second + units->second;
    }
  }
  if (!word.empty() && std::all_of(word.begin(), word.end(), ::isdigit)) {
    return word.size() > 6 ? 1000000 : std::stoi(word);
  }
  return std::nullopt;
}

bool IsDeterminer(const std::string& w) {
  static const std::set<std::string> d = {"the", "this",  "that", "these", "those", "its",   "his",
                                          "her", "their", "my",   "our",   "each",  "every", "all"};
  return d.count(w) > 0;
}

// Nouns that describe the setting, not objects to build.
bool IsEnvironmentNoun(const std::string& w) {
  static const std::set<std::string> e = {
      "wall",     "walls",  "floor",   "ceiling",  "ground",   "room",       "road",
      "street",   "edge",   "end",     "side",     "sides",    "corner",     "middle",
      "center",   "centre", "front",   "back",     "left",     "right",      "top",
      "bottom",   "square", "scene",   "space",    "area",     "view",       "yard",
      "sky",      "grass",  "lawn",    "path",     "sidewalk", "way",        "distance",
      "window",   "door",   "doorway", "entrance", "interior", "place",      "spot",
      "row",      "line",   "circle",  "ring",     "grid",     "stack",      "pile",
      "group",    "set",    "size",    "sizes",    "style",    "atmosphere", "evening",
      "morning",  "night",  "day",     "light",    "lighting", "color",      "colour",
      "theme",    "mood",   "feel",    "look",     "rows",     "columns",    "column",
      "other",    "each",   "one",     "largest",  "smallest", "biggest",    "tallest",
      "shortest", "bit",    "lot",     "kind",     "type",     "sort",       "pair",
      "couple",   "dozen",  "few",     "number",   "amount",   "part",       "half",
      "sunlight", "shade",  "shadow",  "water",    "fire"};
  return e.count(w) > 0;
}

// Words of a request or a sentence's frame that describe no object ("I want", "put", "there's").
bool IsFillerWord(const std::string& w) {
  static const std::set<std::string> f = {
      "i",      "i'd",   "i'm",    "we",       "we'd",    "you",   "me",     "us",     "want",
      "wants",  "need",  "would",  "like",     "please",  "put",   "place",  "add",    "make",
      "create", "show",  "give",   "there",    "there's", "here",  "here's", "is",     "are",
      "was",    "were",  "be",     "could",    "can",     "let's", "also",   "just",   "should",
      "it's",   "which", "who",    "generate", "render",  "build", "draw",   "design", "imagine",
      "so",     "very",  "really", "stands",   "stand",   "sits",  "sit",    "hangs",  "hang",
      "lies",   "lie",   "rests",  "rest",     "sleeps"};
  return f.count(w) > 0;
}

// Nouns that fill a container and belong to its description ("a vase with flowers").
bool IsContentNoun(const std::string& w) {
  static const std::set<std::string> c = {"flowers", "flower", "water",  "fruit", "fruits",
                                          "candles", "food",   "coffee", "tea",   "wine"};
  return c.count(w) > 0;
}

struct SceneType {
  const char* name;
  bool outdoor;
  Vec3 size;
  std::vector<std::pair<const char*, int>> furnishing;  // for prompts that name only the scene
};

const std::vector<SceneType>& SceneTypes() {
  static const std::vector<SceneType> types = {
      {"living room",
       false,
       {6.0, 5.0, 2.8},
       {{"sofa", 1},
        {"coffee table", 1},
        {"armchair", 1},
        {"tv stand", 1},
        {"tv", 1},
        {"rug", 1},
        {"floor lamp", 1},
        {"plant", 1}}},
      {"lounge", false, {6.0, 5.0, 2.8}, {{"sofa", 1}, {"coffee table", 1}, {"armchair", 2}}},
      {"bedroom",
       false,
       {4.5, 4.0, 2.6},
       {{"bed", 1}, {"nightstand", 2}, {"lamp", 2}, {"wardrobe", 1}, {"rug", 1}}},
      {"kitchen",
       false,
       {4.5, 3.5, 2.6},
       {{"counter", 1},
        {"refrigerator", 1},
        {"stove", 1},
        {"sink", 1},
        {"table", 1},
        {"chair", 2}}},
      {"dining room",
       false,
       {5.0, 4.0, 2.8},
       {{"table", 1}, {"chair", 4}, {"cabinet", 1}, {"ceiling lamp", 1}}},
      {"office",
       false,
       {5.0, 4.0, 2.7},
       {{"desk", 1},
        {"office chair", 1},
        {"monitor", 1},
        {"keyboard", 1},
        {"bookshelf", 1},
        {"plant", 1}}},
      {"study", false, {4.0, 3.5, 2.6}, {{"desk", 1}, {"chair", 1}, {"bookshelf", 2}, {"lamp", 1}}},
      {"library", false, {7.0, 6.0, 3.0}, {{"bookshelf", 4}, {"table", 1}, {"chair", 4}}},
      {"classroom", false, {9.0, 7.0, 3.0}, {{"desk", 7}, {"chair", 6}, {"whiteboard", 1}}},
      {"conference room",
       false,
       {7.0, 5.0, 2.8},
       {{"table", 1}, {"chair", 8}, {"projector screen", 1}}},
      {"meeting room", false, {6.0, 5.0, 2.8}, {{"table", 1}, {"chair", 6}}},
      {"lecture hall",
       false,
       {14.0, 11.0, 4.0},
       {{"chair", 24}, {"lectern", 1}, {"projector screen", 1}}},
      {"auditorium",
       false,
       {16.0, 12.0, 5.0},
       {{"chair", 30}, {"lectern", 1}, {"projector screen", 1}}},
      {"bathroom",
       false,
       {3.0, 2.5, 2.5},
       {{"toilet", 1}, {"sink", 1}, {"bathtub", 1}, {"mirror", 1}}},
      {"hallway", false, {6.0, 2.0, 2.6}, {{"cabinet", 1}, {"mirror", 1}, {"plant", 1}}},
      {"studio", false, {6.0, 5.0, 2.8}, {{"bed", 1}, {"sofa", 1}, {"table", 1}, {"chair", 2}}},
      {"park",
       true,
       {30.0, 30.0, 0},
       {{"tree", 4}, {"bench", 2}, {"trash can", 1}, {"street lamp", 2}}},
      {"street",
       true,
       {30.0, 20.0, 0},
       {{"house", 2}, {"car", 2}, {"street lamp", 3}, {"tree", 2}}},
      {"forest", true, {30.0, 30.0, 0}, {{"tree", 12}, {"bush", 4}, {"rock", 3}}},
      {"woods", true, {30.0, 30.0, 0}, {{"tree", 12}, {"bush", 4}, {"rock", 3}}},
      {"village",
       true,
       {40.0, 40.0, 0},
       {{"house", 4}, {"tree", 4}, {"fountain", 1}, {"bench", 2}}},
      {"garden", true, {20.0, 20.0, 0}, {{"bush", 4}, {"tree", 2}, {"bench", 1}, {"flower", 3}}},
      {"backyard", true, {20.0, 20.0, 0}, {{"tree", 2}, {"picnic table", 1}, {"fence", 2}}},
      {"camp", true, {20.0, 20.0, 0}, {{"tent", 2}, {"tree", 4}, {"rock", 3}}},
      {"campsite", true, {20.0, 20.0, 0}, {{"tent", 2}, {"tree", 4}, {"rock", 3}}},
      {"playground", true, {25.0, 25.0, 0}, {{"bench", 2}, {"tree", 3}}},
      {"parking lot", true, {30.0, 30.0, 0}, {{"car", 6}, {"street lamp", 2}}},
      {"plaza", true, {30.0, 30.0, 0}, {{"fountain", 1}, {"bench", 4}, {"street lamp", 4}}},
      {"square", true, {30.0, 30.0, 0}, {{"fountain", 1}, {"bench", 4}}},
      {"beach", true, {30.0, 20.0, 0}, {{"chair", 2}, {"rock", 3}, {"tree", 2}}},
      {"courtyard", true, {20.0, 20.0, 0}, {{"fountain", 1}, {"bench", 2}, {"tree", 2}}},
      {"patio", true, {10.0, 8.0, 0}, {{"table", 1}, {"chair", 4}, {"plant", 2}}},
      {"terrace", true, {10.0, 8.0, 0}, {{"table", 1}, {"chair", 4}, {"plant", 2}}},
      {"cafe", false, {8.0, 6.0, 3.0}, {{"table", 3}, {"chair", 6}, {"counter", 1}}},
      {"café", false, {8.0, 6.0, 3.0}, {{"table", 3}, {"chair", 6}, {"counter", 1}}},
      {"coffee shop", false, {8.0, 6.0, 3.0}, {{"table", 3}, {"chair", 6}, {"counter", 1}}},
      {"restaurant", false, {10.0, 8.0, 3.0}, {{"table", 4}, {"chair", 8}, {"counter", 1}}},
  };
  return types;
}

bool IsOutdoorCategory(const std::string& c) {
  static const std::set<std::string> o = {"tree",      "car",  "house",   "street lamp",
                                          "fountain",  "bush", "rock",    "fence",
                                          "bird bath", "tent", "bicycle", "picnic table"};
  return o.count(c) > 0;
}

bool IsTableLike(const std::string& c) {
  return c == "table" || c == "desk" || c == "coffee table" || c == "side table" ||
         c == "picnic table" || c == "counter";
}

bool IsSeat(const std::string& c) {
  return c == "chair" || c == "office chair" || c == "armchair" || c == "stool" ||
         c == "bar stool" || c == "sofa" || c == "bench";
}

// -- Spatial phrases -------------------------------------------------------------------------

enum class Cue {
  kOn,
  kUnder,
  kNear,
  kLeftOf,
  kRightOf,
  kInFrontOf,
  kBehind,
  kFacing,
  kFacingAway,
  kBetween,
  kAround,
  kAbove,
  kFar,
  kParallel,
  kPerpendicular,
  kAcross,
  kLarger,
  kSmaller,
  kTaller,
  kAgainstWall,
  kInCorner,
  kCenter,
  kOnWall,
  kHanging,
  kOnFloor,
  kRow,
  kCircle,
  kGrid,
  kStack,
  kHierarchy,
  kEachSide,
  kFlanking,
  kFacingEachOther,
  kAt,
  kSurroundedBy,
  kCenterOf  // "in the middle of the table": on it; of a place the text does not build: centre
};

struct CuePhrase {
  std::vector<std::string> words;
  Cue cue;
  bool needs_object;  // followed by a noun phrase (the reference)
  bool participle;    // applies to the clause's head, not the nearest noun
};

const std::vector<CuePhrase>& CuePhrases() {
  static const std::vector<CuePhrase> phrases = [] {
    std::vector<CuePhrase> p;
    auto add = [&](std::string words, Cue cue, bool object, bool participle = false) {
      p.push_back({Split(words, ' '), cue, object, participle});
    };
    // Unary and group phrases first (longest matches win anyway).
    for (const char* w :
         {"against the back wall", "against the left wall", "against the right wall",
          "against the wall", "against a wall", "against the walls", "along the wall",
          "along the back wall", "along a wall", "along the walls", "against one wall",
          "pushed against the wall", "up against the wall"}) {
      add(w, Cue::kAgainstWall, false);
    }
    // Every named wall, after every verb of placing against or along one: "along the left
    // wall", "flush against the far wall", "against the opposite wall".
    for (const char* verb : {"against", "along", "up against", "pushed against", "flush against",
                             "backed against", "set against", "placed against", "lining"}) {
      for (const char* wall : {"the back", "the left", "the right", "the far", "the rear",
                               "the side", "the opposite", "the front", "the", "a", "one",
                               "the long", "the short", "each", "the other", "a side"}) {
        add(std::string(verb) + " " + wall + " wall", Cue::kAgainstWall, false);
      }
      add(std::string(verb) + " the walls", Cue::kAgainstWall, false);
    }
    for (const char* verb : {"on", "hanging on", "hung on", "mounted on", "hangs on", "fixed to",
                             "mounted to", "attached to", "hung from"}) {
      for (const char* wall : {"the back", "the left", "the right", "the far", "the rear",
                               "the side", "the opposite", "the front", "the", "a", "one"}) {
        add(std::string(verb) + " " + wall + " wall", Cue::kOnWall, false);
      }
    }
    for (const char* w :
         {"in the corner", "in a corner", "in one corner", "in the far corner",
          "in the corner of the room", "in each corner", "into the corner", "in the corners",
          "in two corners", "in opposite corners", "in the four corners", "in different corners",
          "in all four corners", "in the corners of the room", "in all corners"}) {
      add(w, Cue::kInCorner, false);
    }
    for (const char* w :
         {"in the middle", "in the center", "in the centre", "in the middle of the room",
          "in the center of the room", "in the centre of the room", "at the center",
          "at the centre", "in the middle of the scene", "at the middle",
          "in the center of the scene", "centered", "centred"}) {
      // "in the middle of the park" reads the park as the scene (Cue::kCenterOf).
      add(w, Cue::kCenter, false);
    }
    for (const char* w :
         {"on the wall", "on a wall", "hanging on the wall", "hung on the wall",
          "mounted on the wall", "hangs on the wall", "hanging on a wall", "mounted on a wall",
          "on the back wall", "on the left wall", "on the right wall", "wall-mounted",
          "wall mounted", "hanging on the back wall"}) {
      add(w, Cue::kOnWall, false);
    }
    for (const char* w : {"hanging from the ceiling", "from the ceiling", "hangs from the ceiling",
                          "suspended from the ceiling", "on the ceiling"}) {
      add(w, Cue::kHanging, false);
    }
    for (const char* w : {"on the floor", "on the ground"}) add(w, Cue::kOnFloor, false);
    for (const char* w : {"in a row", "in a line", "lined up", "side by side", "in one row",
                          "in a straight line", "from left to right", "in line", "all in a row"}) {
      add(w, Cue::kRow, false, true);
    }
    for (const char* w :
         {"in a circle", "in a ring", "in a round", "forming a circle", "in a loop"}) {
      add(w, Cue::kCircle, false, true);
    }
    for (const char* w : {"in a grid", "in rows", "in rows and columns", "in a grid pattern"}) {
      add(w, Cue::kGrid, false, true);
    }
    for (const char* w :
         {"stacked", "stacked on top of each other", "stacked on each other", "piled", "piled up",
          "stacked up", "piled on top of each other", "stacked one on top of another"}) {
      add(w, Cue::kStack, false, true);
    }
    for (const char* w :
         {"of decreasing size", "in decreasing size", "from largest to smallest",
          "from biggest to smallest", "from big to small", "the largest at the bottom",
          "largest at the bottom", "of decreasing height", "from tallest to shortest",
          "in order of size", "decreasing in size", "getting smaller"}) {
      add(w, Cue::kHierarchy, false, true);
    }
    for (const char* w : {"on each side", "on either side", "on both sides", "one on each side",
                          "at each side", "at either side", "one on either side"}) {
      add(w, Cue::kEachSide, false, true);
    }
    for (const char* w :
         {"on each side of", "on either side of", "on both sides of", "flanking", "either side of",
          "at each side of", "at either side of", "one on each side of", "on opposite sides of",
          "flank", "flanks", "flanked by"}) {
      add(w, Cue::kFlanking, true);
    }
    for (const char* w : {"facing each other", "face each other", "facing one another"}) {
      add(w, Cue::kFacingEachOther, false, true);
    }
    // Phrases with a reference.
    for (const char* w : {"on top of", "on", "atop", "resting on", "sitting on", "standing on",
                          "placed on", "set on", "lying on", "upon", "on top", "on top of it",
                          "in the middle of it", "in the center of it", "in the centre of it"}) {
      add(w, Cue::kOn, true);
    }
    for (const char* w :
         {"under", "beneath", "below", "underneath", "sleeping under", "lying under"}) {
      add(w, Cue::kUnder, true);
    }
    for (const char* w : {"next to", "beside", "by", "near", "close to", "alongside", "along",
                          "nearby", "adjacent to", "right next to", "beside of", "near to",
                          "right beside", "by the side of", "close by"}) {
      add(w, Cue::kNear, true);
    }
    for (const char* w : {"at", "at the side of", "sitting at", "pulled up to"})
      add(w, Cue::kAt, true);
    for (const char* w : {"to the left of", "left of", "on the left of", "at the left of",
                          "on the left side of", "to the left side of", "at its left",
                          "to its left", "on its left", "at the left of it"}) {
      add(w, Cue::kLeftOf, true);
    }
    for (const char* w : {"to the right of", "right of", "on the right of", "at the right of",
                          "on the right side of", "to the right side of", "at its right",
                          "to its right", "on its right", "at the right of it"}) {
      add(w, Cue::kRightOf, true);
    }
    for (const char* w : {"in front of", "before", "in the front of", "parked in front of"}) {
      add(w, Cue::kInFrontOf, true);
    }
    for (const char* w : {"behind", "in back of", "at the back of", "at the rear of", "back of"}) {
      add(w, Cue::kBehind, true);
    }
    for (const char* w : {"facing", "looking at", "turned toward", "turned towards",
                          "facing toward", "facing towards", "pointed at", "oriented toward",
                          "faces", "face", "looking toward", "looking towards", "directed at"}) {
      add(w, Cue::kFacing, true, true);
    }
    for (const char* w :
         {"facing away from", "turned away from", "looking away from", "faces away from"}) {
      add(w, Cue::kFacingAway, true, true);
    }
    for (const char* w : {"between", "in between"}) add(w, Cue::kBetween, true);
    for (const char* w : {"surrounded by", "encircled by", "ringed by", "circled by"}) {
      add(w, Cue::kSurroundedBy, true);
    }
    for (const char* w : {"around", "surrounding", "encircling", "arranged around", "placed around",
                          "circling", "round", "all around", "gathered around", "set around"}) {
      add(w, Cue::kAround, true);
    }
    for (const char* w : {"above", "over", "hanging above", "hanging over", "mounted above"}) {
      add(w, Cue::kAbove, true);
    }
    for (const char* w :
         {"far from", "away from", "far away from", "distant from", "well away from"}) {
      add(w, Cue::kFar, true);
    }
    for (const char* w : {"parallel to", "parallel with"}) add(w, Cue::kParallel, true);
    for (const char* w : {"perpendicular to", "at right angles to", "at a right angle to"}) {
      add(w, Cue::kPerpendicular, true);
    }
    for (const char* w : {"opposite", "across from", "opposite to", "opposite from",
                          "facing each other across", "across"}) {
      add(w, Cue::kAcross, true);
    }
    for (const char* w : {"in the middle of", "in the center of", "in the centre of",
                          "at the center of", "at the centre of", "in the very middle of"}) {
      add(w, Cue::kCenterOf, true);
    }
    for (const char* w : {"bigger than", "larger than"}) add(w, Cue::kLarger, true);
    for (const char* w : {"smaller than"}) add(w, Cue::kSmaller, true);
    for (const char* w : {"taller than", "higher than"}) add(w, Cue::kTaller, true);
    std::stable_sort(p.begin(), p.end(), [](const CuePhrase& a, const CuePhrase& b) {
      return a.words.size() > b.words.size();
    });
    return p;
  }();
  return phrases;
}

// -- Parsing state ---------------------------------------------------------------------------

struct Group {
  std::string category;
  std::string description;
  std::vector<size_t> objects;  // indices into the graph's objects
  int begin = 0, end = 0;
  bool plural = false;
};

struct Pending {
  Cue cue;
  std::vector<int> subjects;  // group indices
  int begin = 0, end = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const OfflinePlannerOptions& options)
      : text_(text), options_(options), tokens_(Tokenize(text)) {}

  PlanResult Run();

 private:
  // Matches a category starting at token i; returns its length in tokens.
  int MatchCategory(size_t i, std::string* category, bool* plural, bool* unknown);
  // A colour or material word right before a thing is its description, not a thing of its own:
  // "a grey fabric sofa", "a low oak TV stand", "a glass coffee table".
  bool ModifiesNextNoun(size_t i);
  // Words of the last matched compound that are not the category ("teacher's" of
  // "teacher's desk"); they describe the object.
  std::string matched_modifier_;
  // The last match came through WordNet's hypernyms ("terrier" -> dog), not the catalog.
  bool matched_via_hypernym_ = false;

  std::optional<std::pair<const CuePhrase*, size_t>> MatchCue(size_t i) const;
  // A scene type named at token i ("a village square"); sets the scene and returns its length.
  int MatchScene(size_t i);
  std::string Singular(const std::string& word);
  int AddGroup(const std::string& category, const std::string& description, int count, bool plural,
               int begin, int end);
  int ResolveDefinite(const std::string& category, const std::string& description) const;
  void Relate(RelationType type, std::vector<size_t> objects, int begin, int end,
              RelationArgs args = {});
  void ApplyCue(const CuePhrase& cue, int subject_group, const std::vector<int>& subject_list,
                int reference_group, int second_reference, int begin, int end,
                std::optional<int> rows, std::optional<int> columns);
  void AddDefaults();
  void ChooseEnvironment();
  // Orders the objects into sub-scenes: anchors, then the groups around them, then details on
  // surfaces and walls; none holds more than 20 objects (the paper's limit for one sub-scene).
  void Decompose();
  std::string Id(const std::string& category);

  std::string_view text_;
  OfflinePlannerOptions options_;
  std::vector<Token> tokens_;
  SceneGraph graph_;
  std::vector<Group> groups_;
  std::vector<std::string> warnings_;
  std::map<std::string, int> id_counts_;
  const SceneType* scene_ = nullptr;
  bool small_room_ = false, large_room_ = false;
  bool outdoor_place_ = false;  // the text names an outdoor place ("a beach", "a meadow")
  std::set<std::string> seen_relations_;
};

std::string Parser::Id(const std::string& category) {
  std::string base;
  for (char c : category) base += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return base + "_" + std::to_string(++id_counts_[base]);
}

std::string Parser::Singular(const std::string& word) {
  static const std::map<std::string, std::string> irregular = {
      {"shelves", "shelf"},      {"bookshelves", "bookshelf"},
      {"knives", "knife"},       {"people", "person"},
      {"mice", "mouse"},         {"leaves", "leaf"},
      {"children", "child"},     {"men", "man"},
      {"women", "woman"},        {"feet", "foot"},
      {"geese", "goose"},        {"boxes", "box"},
      {"benches", "bench"},      {"couches", "couch"},
      {"bushes", "bush"},        {"glasses", "glass"},
      {"dishes", "dish"},        {"torches", "torch"},
      {"loveseats", "loveseat"}, {"tvs", "tv"},
      {"bases", "base"},         {"vases", "vase"},
      {"cases", "case"}};
  if (auto it = irregular.find(word); it != irregular.end()) return it->second;
  if (options_.use_wordnet && WordNet::Get().available()) {
    const std::string base = WordNet::Get().NounBase(word);
    if (!base.empty()) return base;
  }
  if (EndsWith(word, "ies") && word.size() > 4) return word.substr(0, word.size() - 3) + "y";
  if (EndsWith(word, "ches") || EndsWith(word, "shes") || EndsWith(word, "xes")) {
    return word.substr(0, word.size() - 2);
  }
  if (EndsWith(word, "s") && !EndsWith(word, "ss") && word.size() > 3) {
    return word.substr(0, word.size() - 1);
  }
  return word;
}

bool Parser::ModifiesNextNoun(size_t i) {
  if (i + 1 >= tokens_.size() || tokens_[i].punct || tokens_[i + 1].punct) return false;
  std::string category;
  bool plural = false, unknown = false;
  const Appearance look = ParseAppearance(tokens_[i].text);
  if (!look.material && !look.color) {
    // A noun the catalog does not name, right before one it does, is a noun modifier: a
    // "grandfather clock", a "bar table", a "conference table" ("bar" alone is a counter).
    const int n = MatchCategory(i, &category, &plural, &unknown);
    if (n != 1 || !unknown || plural) {
      matched_modifier_.clear();
      matched_via_hypernym_ = false;
      return false;
    }
  }
  // A known category word of its own ("a glass of water" aside) still yields to the noun after.
  const bool next = MatchCategory(i + 1, &category, &plural, &unknown) > 0 && !unknown;
  matched_modifier_.clear();
  matched_via_hypernym_ = false;
  return next;
}

int Parser::MatchCategory(size_t i, std::string* category, bool* plural, bool* unknown) {
  *unknown = false;
  matched_via_hypernym_ = false;
  matched_modifier_.clear();
  for (int n = 3; n >= 1; --n) {
    if (i + n > tokens_.size()) continue;
    bool ok = true;
    std::string words;
    for (int k = 0; k < n; ++k) {
      if (tokens_[i + k].punct) ok = false;
      if (k > 0) words += " ";
      words += tokens_[i + k].text;
    }
    if (!ok) continue;
    const std::string last = tokens_[i + n - 1].text;
    const std::string singular_last = Singular(last);
    std::string singular = words.substr(0, words.size() - last.size()) + singular_last;
    for (const std::string& candidate : {words, singular}) {
      if (const CategoryInfo* info = FindProceduralCategory(candidate)) {
        *category = info->name;
        matched_modifier_.clear();
        if (n > 1 && candidate != info->name) {
          // "teacher's desk" -> desk, described as "teacher's".
          const std::string head = info->name.substr(info->name.rfind(' ') + 1);
          std::string modifier;
          for (int k = 0; k + 1 < n; ++k) {
            if (tokens_[i + k].text == head ||
                info->name.find(tokens_[i + k].text) != std::string::npos)
              continue;
            modifier += (modifier.empty() ? "" : " ") + tokens_[i + k].text;
          }
          matched_modifier_ = modifier;
        }
        *plural = candidate != words || (singular_last != last && candidate == singular);
        if (candidate == words) {
          // A plural the catalog lists as a synonym ("books", "flowers") is still a plural.
          const CategoryInfo* base = singular != words ? FindProceduralCategory(singular) : nullptr;
          *plural = base != nullptr && base->name == info->name;
        }
        if (candidate == singular && singular != words) *plural = true;
        return n;
      }
    }
  }
  // A single noun the catalog does not know: WordNet decides whether it is a physical thing, and
  // its hypernyms may name a category ("terrier" -> dog).
  const std::string& word = tokens_[i].text;
  if (tokens_[i].punct || IsEnvironmentNoun(word) || NumberOf(word) || IsDeterminer(word)) return 0;
  if (!options_.use_wordnet || !WordNet::Get().available()) return 0;
  const std::string base = WordNet::Get().NounBase(word);
  if (base.empty() || IsEnvironmentNoun(base) || base.find(' ') != std::string::npos) return 0;
  // Words that are mostly something else (adjectives, verbs) are not taken as nouns here.
  static const std::set<std::string> not_nouns = {
      "wooden", "round",   "small",     "large",     "big",       "little", "tall",     "long",
      "low",    "high",    "old",       "new",       "red",       "blue",   "green",    "white",
      "black",  "brown",   "grey",      "gray",      "yellow",    "cozy",   "cosy",     "modern",
      "rustic", "antique", "identical", "different", "sleeping",  "parked", "standing", "sitting",
      "lying",  "placed",  "arranged",  "hanging",   "mounted",   "there",  "is",       "are",
      "with",   "and",     "of",        "in",        "to",        "for",    "it",       "them",
      "they",   "has",     "have",      "student",   "teacher's", "office", "kitchen",  "garden"};
  if (not_nouns.count(word)) return 0;
  if (!WordNet::Get().IsPhysical(base)) return 0;
  // Places are settings, not objects: "a beach", "a meadow", "by the lake" (outdoors).
  static const std::set<std::string> places = {
      "geological formation", "body of water", "geographical area",
      "geographic area",      "tract",         "land",
      "piece of land"};
  // Other locations are settings too, indoors or out: "a reading nook", "a seating area".
  static const std::set<std::string> locations = {"region", "location", "area"};
  for (const std::string& hyper : WordNet::Get().Hypernyms(base, 6, 1)) {
    if (places.count(hyper)) {
      outdoor_place_ = true;
      return 0;
    }
    if (locations.count(hyper)) return 0;
  }
  *plural = base != word;
  for (const std::string& hyper : WordNet::Get().Hypernyms(base, 4)) {
    if (const CategoryInfo* info = FindProceduralCategory(hyper)) {
      *category = info->name;
      *unknown = true;  // like an unknown noun, it needs a determiner to count as an object
      matched_via_hypernym_ = true;
      return 1;
    }
  }
  *category = base;
  *unknown = true;
  return 1;
}

int Parser::MatchScene(size_t i) {
  std::string compound;
  bool plural = false, unknown = false;
  const int compound_length = MatchCategory(i, &compound, &plural, &unknown);
  for (const SceneType& s : SceneTypes()) {
    const std::vector<std::string> words = Split(s.name, ' ');
    if (i + words.size() > tokens_.size()) continue;
    // "garden chairs", "street lamps": the compound noun wins over the scene word.
    if (!unknown && compound_length > static_cast<int>(words.size())) continue;
    bool match = true;
    for (size_t k = 0; k < words.size() && match; ++k) {
      match = tokens_[i + k].text == words[k] ||
              (k + 1 == words.size() && tokens_[i + k].text == std::string(words[k]) + "s");
    }
    if (match) {
      if (scene_ == nullptr || (scene_->outdoor && !s.outdoor)) scene_ = &s;
      return static_cast<int>(words.size());
    }
  }
  return 0;
}

std::optional<std::pair<const CuePhrase*, size_t>> Parser::MatchCue(size_t i) const {
  for (const CuePhrase& p : CuePhrases()) {
    if (i + p.words.size() > tokens_.size()) continue;
    bool match = true;
    for (size_t k = 0; k < p.words.size() && match; ++k) {
      match = tokens_[i + k].text == p.words[k];
    }
    if (match) return std::make_pair(&p, p.words.size());
  }
  return std::nullopt;
}

int Parser::AddGroup(const std::string& category, const std::string& description, int count,
                     bool plural, int begin, int end) {
  SC_CHECK_GT(count, 0);
  if (static_cast<int>(graph_.objects.size()) + count > options_.max_objects) {
    throw Error("the description asks for more than " + std::to_string(options_.max_objects) +
                " objects (prompt " + std::to_string(begin) + ":" + std::to_string(end) + ")");
  }
  Group g;
  g.category = category;
  g.description = description;
  g.begin = begin;
  g.end = end;
  g.plural = plural || count > 1;
  const std::string group_name = count > 1 ? std::string(text_.substr(begin, end - begin)) : "";
  for (int k = 0; k < count; ++k) {
    Object o;
    o.id = Id(category);
    o.category = category;
    o.description = description;
    o.count_group = group_name;
    o.source = Source{begin, end, ""};
    g.objects.push_back(graph_.objects.size());
    graph_.objects.push_back(std::move(o));
  }
  groups_.push_back(std::move(g));
  return static_cast<int>(groups_.size()) - 1;
}

int Parser::ResolveDefinite(const std::string& category, const std::string& description) const {
  int best = -1;
  for (int g = static_cast<int>(groups_.size()) - 1; g >= 0; --g) {
    if (groups_[g].category != category) continue;
    if (!description.empty() && groups_[g].description.find(description) != std::string::npos) {
      return g;
    }
    if (best < 0) best = g;
  }
  // "the teacher's desk" after "student desks": prefer the group whose words match.
  if (best >= 0 && !description.empty()) {
    for (int g = 0; g < static_cast<int>(groups_.size()); ++g) {
      if (groups_[g].category == category && groups_[g].description == description) return g;
    }
  }
  return best;
}

void Parser::Relate(RelationType type, std::vector<size_t> objects, int begin, int end,
                    RelationArgs args) {
  std::vector<std::string> ids;
  std::set<size_t> unique;
  for (size_t o : objects) {
    if (!unique.insert(o).second) return;  // the same object twice: meaningless
    ids.push_back(graph_.objects[o].id);
  }
  Relation r;
  r.type = type;
  r.objects = ids;
  r.args = std::move(args);
  r.source = Source{begin, end, ""};
  const std::string key = r.ToString();
  if (!seen_relations_.insert(key).second) return;
  graph_.relations.push_back(std::move(r));
}

void Parser::ApplyCue(const CuePhrase& cue, int subject_group, const std::vector<int>& subject_list,
                      int reference_group, int second_reference, int begin, int end,
                      std::optional<int> rows, std::optional<int> columns) {
  using T = RelationType;
  std::vector<size_t> subjects;
  for (int g : subject_list) {
    for (size_t o : groups_[g].objects) subjects.push_back(o);
  }
  if (subjects.empty() && subject_group >= 0) subjects = groups_[subject_group].objects;
  if (subjects.empty()) return;
  const Group* ref = reference_group >= 0 ? &groups_[reference_group] : nullptr;
  auto each_to_ref = [&](T type) {
    if (ref == nullptr) return;
    for (size_t s : subjects) {
      // Distributive: the subjects pair up with the members of a plural reference.
      if (ref->objects.size() == subjects.size() && ref->objects.size() > 1) {
        const size_t k = std::find(subjects.begin(), subjects.end(), s) - subjects.begin();
        Relate(type, {s, ref->objects[k]}, begin, end);
      } else {
        Relate(type, {s, ref->objects.front()}, begin, end);
      }
    }
  };
  switch (cue.cue) {
    case Cue::kOn:
      if (ref != nullptr && ref->category == "rug") {
        // "a table on a rug": the rug lies under it.
        for (size_t s : subjects) Relate(T::kOverlap, {ref->objects.front(), s}, begin, end);
      } else {
        each_to_ref(T::kOn);
      }
      break;
    case Cue::kUnder:
      if (ref == nullptr) break;
      if (std::all_of(subjects.begin(), subjects.end(),
                      [&](size_t s) { return graph_.objects[s].category == "rug"; })) {
        each_to_ref(T::kOverlap);  // a rug under a table lies partly under it
      } else if (IsOutdoorCategory(ref->category)) {
        each_to_ref(T::kNear);  // a bench "under a tree" stands by its trunk
      } else {
        each_to_ref(T::kUnder);
      }
      break;
    case Cue::kNear:
      each_to_ref(T::kNear);
      break;
    case Cue::kCenterOf:
      if (ref != nullptr && (IsTableLike(ref->category) || ref->category == "rug" ||
                             ref->category == "nightstand" || ref->category == "bed")) {
        static const CuePhrase on{{"on"}, Cue::kOn, true, false};
        ApplyCue(on, subject_group, subject_list, reference_group, -1, begin, end, rows, columns);
      } else if (ref == nullptr) {
        for (size_t s : subjects) Relate(T::kCenter, {s}, begin, end);
      } else {
        each_to_ref(T::kNear);  // "a lamp in the middle of the chairs"
      }
      break;
    case Cue::kAt:
      each_to_ref(T::kNear);
      // "chairs at the table": seats at a table face it.
      if (ref != nullptr && IsTableLike(ref->category) &&
          std::all_of(subjects.begin(), subjects.end(),
                      [&](size_t s) { return IsSeat(graph_.objects[s].category); })) {
        each_to_ref(T::kFacing);
      }
      break;
    case Cue::kLeftOf:
      each_to_ref(T::kLeftOf);
      break;
    case Cue::kRightOf:
      each_to_ref(T::kRightOf);
      break;
    case Cue::kInFrontOf:
      each_to_ref(T::kInFrontOf);
      break;
    case Cue::kBehind:
      each_to_ref(T::kBehind);
      break;
    case Cue::kFacing:
      each_to_ref(T::kFacing);
      break;
    case Cue::kFacingAway:
      each_to_ref(T::kFacingAway);
      break;
    case Cue::kAbove:
      each_to_ref(T::kAbove);
      break;
    case Cue::kFar:
      each_to_ref(T::kFar);
      break;
    case Cue::kParallel:
      each_to_ref(T::kParallel);
      break;
    case Cue::kPerpendicular:
      each_to_ref(T::kPerpendicular);
      break;
    case Cue::kLarger:
      each_to_ref(T::kLarger);
      break;
    case Cue::kTaller:
      each_to_ref(T::kTaller);
      break;
    case Cue::kSmaller:
      if (ref != nullptr) {
        for (size_t s : subjects) Relate(T::kLarger, {ref->objects.front(), s}, begin, end);
      }
      break;
    case Cue::kAcross:
      if (ref == nullptr) break;
      if (subjects.size() == 2 && cue.words.size() > 1 && cue.words[0] == "facing") {
        // "two armchairs facing each other across a table"
        Relate(T::kAcross, {subjects[0], subjects[1]}, begin, end);
        Relate(T::kBetween, {ref->objects.front(), subjects[0], subjects[1]}, begin, end);
      } else {
        each_to_ref(T::kAcross);
      }
      break;
    case Cue::kBetween: {
      if (ref == nullptr) break;
      std::vector<size_t> ends = ref->objects;
      if (second_reference >= 0) ends.push_back(groups_[second_reference].objects.front());
      if (ends.size() < 2) break;
      for (size_t s : subjects) Relate(T::kBetween, {s, ends[0], ends[1]}, begin, end);
      break;
    }
    case Cue::kSurroundedBy: {
      // "a fountain surrounded by benches": the benches are around the fountain.
      if (ref == nullptr) break;
      std::vector<size_t> members = ref->objects;
      members.push_back(subjects.front());
      Relate(T::kAround, members, begin, end);
      break;
    }
    case Cue::kAround: {
      if (ref == nullptr) break;
      std::vector<size_t> members = subjects;
      members.push_back(ref->objects.front());
      Relate(T::kAround, members, begin, end);
      break;
    }
    case Cue::kFlanking: {
      if (ref == nullptr) break;
      if (subjects.size() == 1) break;  // grown to a pair by the caller
      Relate(T::kSymmetric, {subjects[0], subjects[1], ref->objects.front()}, begin, end);
      for (size_t s : subjects) Relate(T::kNear, {s, ref->objects.front()}, begin, end);
      break;
    }
    case Cue::kEachSide: {
      if (ref == nullptr || subjects.size() < 2) break;
      Relate(T::kSymmetric, {subjects[0], subjects[1], ref->objects.front()}, begin, end);
      for (size_t s : subjects) Relate(T::kNear, {s, ref->objects.front()}, begin, end);
      break;
    }
    case Cue::kFacingEachOther:
      if (subjects.size() == 2) {
        Relate(T::kFacing, {subjects[0], subjects[1]}, begin, end);
        Relate(T::kFacing, {subjects[1], subjects[0]}, begin, end);
      }
      break;
    case Cue::kAgainstWall: {
      RelationArgs args;
      for (const char* wall : {"back", "left", "right"}) {
        if (std::find(cue.words.begin(), cue.words.end(), wall) != cue.words.end()) {
          args.words["wall"] = wall;
        }
      }
      for (size_t s : subjects) Relate(T::kAgainstWall, {s}, begin, end, args);
      if (subjects.size() >= 3 && subject_list.size() >= 2) Relate(T::kRow, subjects, begin, end);
      break;
    }
    case Cue::kInCorner:
      for (size_t s : subjects) Relate(T::kInCorner, {s}, begin, end);
      break;
    case Cue::kCenter:
      for (size_t s : subjects) Relate(T::kCenter, {s}, begin, end);
      break;
    case Cue::kOnWall: {
      RelationArgs args;
      for (const char* wall : {"back", "left", "right"}) {
        if (std::find(cue.words.begin(), cue.words.end(), wall) != cue.words.end()) {
          args.words["wall"] = wall;
        }
      }
      for (size_t s : subjects) {
        graph_.objects[s].support = Support::kWall;
        Relate(T::kOnWall, {s}, begin, end, args);
      }
      break;
    }
    case Cue::kHanging:
      for (size_t s : subjects) {
        graph_.objects[s].support = Support::kCeiling;
        Relate(T::kHanging, {s}, begin, end);
      }
      break;
    case Cue::kOnFloor:
      for (size_t s : subjects) Relate(T::kOnFloor, {s}, begin, end);
      break;
    case Cue::kRow:
      if (subjects.size() >= 2) Relate(T::kRow, subjects, begin, end);
      break;
    case Cue::kCircle:
      if (subjects.size() >= 3) Relate(T::kCircle, subjects, begin, end);
      break;
    case Cue::kGrid:
      if (subjects.size() >= 4) {
        RelationArgs args;
        if (rows) args.numbers["rows"] = *rows;
        if (columns) args.numbers["columns"] = *columns;
        Relate(T::kGrid, subjects, begin, end, args);
      }
      break;
    case Cue::kStack:
      if (subjects.size() >= 2) Relate(T::kStack, subjects, begin, end);
      break;
    case Cue::kHierarchy:
      if (subjects.size() >= 2) Relate(T::kHierarchy, subjects, begin, end);
      break;
  }
}

// Text in another language is refused with a message rather than half read: its function words
// outnumber the English ones ("une table avec quatre chaises"), or most words are in another
// script.
void CheckEnglish(const std::vector<Token>& tokens) {
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
  for (const Token& t : tokens) {
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

PlanResult Parser::Run() {
  CheckEnglish(tokens_);
  // Sentences and clause segments: a segment starts after punctuation, "and", "with", "while".
  struct Segment {
    int head = -1;            // first group of the segment
    std::vector<int> groups;  // groups mentioned in it
    bool related = false;     // its head took part in a relation
    std::string joined_by;    // the word or mark that opened it
    int it_reference = -1;    // the group a pronoun in it stood for
  };
  std::vector<Segment> segments(1);
  std::vector<int> sentence_groups;
  std::vector<int> mentions;  // groups in the order the text mentions them (for the former/latter)
  std::vector<int> singular_history;  // single objects in the order the text names them
  std::vector<int> unattached;  // list subjects waiting for a shared relation ("A and B on C")
  std::set<std::string> understood;

  auto segment_subject = [&]() -> int {
    for (int s = static_cast<int>(segments.size()) - 1; s >= 0; --s) {
      if (segments[s].head >= 0) return segments[s].head;
    }
    return -1;
  };

  size_t i = 0;
  int pending_count = 0;  // a number waiting for its noun (0: none)
  std::optional<int> grid_rows, grid_columns;
  std::string pending_description;
  bool pending_definite = false;
  bool pending_np = false;  // the current noun phrase began with a determiner or number
  bool pending_row = false, pending_circle = false, pending_stack = false;
  bool each_reference = false;
  int pending_begin = -1;
  // The words gathered for the next noun phrase are spent or dropped.
  auto forget_noun_phrase = [&] {
    pending_description.clear();
    pending_count = 0;
    pending_definite = false;
    pending_np = false;
    pending_begin = -1;
  };

  struct Inverted {
    const CuePhrase* phrase;
    int reference, second, begin, end;
  };
  std::optional<Inverted> inverted;
  // "it": while "each with ..." distributes over a plural group, that group; else the most recent
  // other object in this segment, else the previous segment's head.
  int distribute = -1;
  auto resolve_it = [&](int subject, bool possessive) -> int {
    if (distribute >= 0 && distribute != subject) return distribute;
    const Segment& seg = segments.back();
    for (auto g = seg.groups.rbegin(); g != seg.groups.rend(); ++g) {
      if (*g != subject) return *g;
    }
    for (int s = static_cast<int>(segments.size()) - 2; s >= 0; --s) {
      // Parallel clauses keep the possessive's referent: "a lamp at its left and a plant to its
      // right" (both of the sofa); "a side table at its right, and a lamp on it" is the table's.
      if (possessive && segments[s].it_reference >= 0 && segments[s].it_reference != subject) {
        return segments[s].it_reference;
      }
      const int head = segments[s].head;
      if (head >= 0 && (head == subject || groups_[head].objects.size() > 1)) {
        // "it" is one thing, and not the subject: "four chairs around the table, and a vase in
        // the middle of it", "four chairs around the table, each facing it".
        for (auto g = segments[s].groups.rbegin(); g != segments[s].groups.rend(); ++g) {
          if (*g != subject && groups_[*g].objects.size() == 1) return *g;
        }
      }
      if (head >= 0 && head != subject) return head;
    }
    // The most recent single thing named before ("The table is in the middle; a chandelier
    // hangs above it").
    for (auto g = singular_history.rbegin(); g != singular_history.rend(); ++g) {
      if (*g != subject) return *g;
    }
    return -1;
  };
  auto resolve_it_here = [&](int subject, bool possessive) {
    const int it = resolve_it(subject, possessive);
    if (it >= 0 && possessive) segments.back().it_reference = it;
    return it;
  };
  // The most recent plural group of the sentence other than `subject` ("on each", "both").
  auto last_plural = [&](int subject) -> int {
    for (auto g = sentence_groups.rbegin(); g != sentence_groups.rend(); ++g) {
      if (*g != subject && groups_[*g].objects.size() > 1) return *g;
    }
    return -1;
  };

  // Reads a reference after a cue: a noun phrase, a pronoun or an environment noun.
  auto read_reference = [&](size_t* j, int subject, int* second, bool allow_second) -> int {
    *second = -1;
    each_reference = false;
    std::string description;
    bool definite = false;
    bool each = false;
    std::optional<int> count;
    int begin = -1;
    while (*j < tokens_.size() && !tokens_[*j].punct) {
      const std::string& w = tokens_[*j].text;
      if (begin < 0) begin = tokens_[*j].begin;
      if (w == "it" || w == "its") {
        ++*j;
        const int it = resolve_it_here(subject, w == "its");
        if (it >= 0 && it == distribute) each_reference = true;
        return it;
      }
      if (w == "them") {
        ++*j;
        // The previous clause's head and the object it was related to ("a sofa facing a TV on
        // a stand, with a table between them": the sofa and the TV).
        for (int s = static_cast<int>(segments.size()) - 2; s >= 0; --s) {
          const int head = segments[s].head;
          if (head < 0 || head == subject) continue;
          const std::string& head_id = graph_.objects[groups_[head].objects.front()].id;
          for (auto r = graph_.relations.rbegin(); r != graph_.relations.rend(); ++r) {
            if (r->objects.size() != 2 || r->objects[0] != head_id) continue;
            for (int g = static_cast<int>(groups_.size()) - 1; g >= 0; --g) {
              if (g != head && g != subject &&
                  graph_.objects[groups_[g].objects.front()].id == r->objects[1]) {
                *second = g;
                return head;
              }
            }
          }
          break;
        }
        std::vector<int> recent;
        for (auto g = sentence_groups.rbegin(); g != sentence_groups.rend() && recent.size() < 2;
             ++g) {
          if (*g != subject) recent.push_back(*g);
        }
        if (recent.size() == 2) {
          *second = recent[0];
          return recent[1];
        }
        return recent.empty() ? -1 : recent[0];
      }
      if (w == "each" || w == "every") {
        each = true;
        ++*j;
        // "two nightstands with a lamp on each (one / of them)": the last plural group.
        size_t k = *j;
        if (k < tokens_.size() && tokens_[k].text == "one") ++k;
        if (k + 1 < tokens_.size() && tokens_[k].text == "of" && tokens_[k + 1].text == "them") {
          k += 2;
        }
        if (k >= tokens_.size() || tokens_[k].punct || tokens_[k].text == "and" ||
            tokens_[k].text == "while" || tokens_[k].text == "with" || k > *j) {
          const int group = last_plural(subject);
          if (group >= 0) {
            *j = k;
            each_reference = true;
            return group;
          }
        }
        continue;
      }
      if (w == "the" || w == "this" || w == "that" || w == "those" || w == "these") {
        definite = true;
        ++*j;
        continue;
      }
      if (auto n = NumberOf(w); n && w != "one") {
        count = *n;
        ++*j;
        continue;
      }
      if (w == "of" || w == "other") {
        ++*j;
        continue;
      }
      std::string category;
      bool plural = false, unknown = false;
      // "in the middle of a village square": the reference is the scene itself.
      if (const int scene_length = MatchScene(*j); scene_length > 0) {
        *j += scene_length;
        return -1;
      }
      if (ModifiesNextNoun(*j)) {
        if (!description.empty()) description += " ";
        description += w;
        ++*j;
        continue;
      }
      const int n = MatchCategory(*j, &category, &plural, &unknown);
      if (n > 0) {
        const int end = tokens_[*j + n - 1].end;
        *j += n;
        understood.insert(category);
        int group = -1;
        if (!matched_modifier_.empty()) {
          description += (description.empty() ? "" : " ") + matched_modifier_;
        }
        if ((definite || each) && !count) {
          group = ResolveDefinite(category, std::string(Trim(description)));
          if (group >= 0) segments.back().groups.push_back(group);
        }
        if (group < 0 && count && *count <= 0) return -1;  // "near no tree"
        if (group < 0) {
          if (unknown && !matched_via_hypernym_)
            warnings_.push_back("no model for '" + category + "' (prompt " + std::to_string(begin) +
                                ":" + std::to_string(end) + "): it gets a labelled generic shape");
          group = AddGroup(category, std::string(Trim(description)), count.value_or(plural ? 2 : 1),
                           plural, begin, end);
          sentence_groups.push_back(group);
          segments.back().groups.push_back(group);
        }
        each_reference = each;
        if (groups_[group].objects.size() == 1) singular_history.push_back(group);
        // "between X and Y": a second reference.
        if (allow_second && *j + 1 < tokens_.size() && tokens_[*j].text == "and") {
          size_t k = *j + 1;
          while (k < tokens_.size() &&
                 (tokens_[k].text == "a" || tokens_[k].text == "an" || tokens_[k].text == "the")) {
            ++k;
          }
          std::string second_category;
          bool p2 = false, u2 = false;
          const int n2 = MatchCategory(k, &second_category, &p2, &u2);
          if (n2 > 0 && *second == -1) {
            int g2 = tokens_[k - 1].text == "the" ? ResolveDefinite(second_category, "") : -1;
            if (g2 < 0) {
              g2 = AddGroup(second_category, "", 1, false, tokens_[k].begin,
                            tokens_[k + n2 - 1].end);
              sentence_groups.push_back(g2);
              segments.back().groups.push_back(g2);
            }
            *second = g2;
            *j = k + n2;
          }
        }
        return group;
      }
      if (IsEnvironmentNoun(w)) {
        ++*j;
        return -1;
      }
      // Adjectives and other modifiers.
      if (!IsFillerWord(w)) {
        if (!description.empty()) description += " ";
        description += tokens_[*j].text;
      }
      ++*j;
      if (description.size() > 80) return -1;
    }
    return -1;
  };

  while (i < tokens_.size()) {
    const Token& t = tokens_[i];
    // Sentence and segment boundaries.
    if (t.punct) {
      distribute = -1;
      if (t.text == "." || t.text == ";" || t.text == "!" || t.text == "?") {
        inverted.reset();
        segments.assign(1, Segment{});
        sentence_groups.clear();
        unattached.clear();
      } else {
        if (t.text == "," && segments.back().head >= 0 && !segments.back().related) {
          for (int g : segments.back().groups) unattached.push_back(g);
        } else {
          unattached.clear();
        }
        segments.push_back(Segment{});
        segments.back().joined_by = t.text;
      }
      pending_description.clear();
      pending_count = 0;
      ++i;
      continue;
    }
    if (t.text == "and" || t.text == "with" || t.text == "while" || t.text == "plus" ||
        t.text == "where" || t.text == "including" || t.text == "has" || t.text == "have") {
      // Words left before a clause word describe nothing after it ("a cozy reading nook with an
      // armchair"), except in "a red and white chair".
      const bool adjective_pair = t.text == "and" && !pending_description.empty() &&
                                  i + 1 < tokens_.size() && !NumberOf(tokens_[i + 1].text) &&
                                  !IsDeterminer(tokens_[i + 1].text);
      if (!adjective_pair) {
        forget_noun_phrase();
      }
      // "a vase with flowers": contents belong to the description.
      if (t.text == "with" && i + 1 < tokens_.size() && IsContentNoun(tokens_[i + 1].text) &&
          segments.back().head >= 0) {
        Group& head = groups_[segments.back().head];
        for (size_t o : head.objects) {
          graph_.objects[o].description += (graph_.objects[o].description.empty() ? "" : " ") +
                                           std::string("with ") + tokens_[i + 1].text;
        }
        i += 2;
        continue;
      }
      // "two nightstands, each with a lamp on it": one lamp per nightstand.
      if ((t.text == "with" || t.text == "has" || t.text == "have") && i > 0 &&
          tokens_[i - 1].text == "each") {
        distribute = last_plural(-1);
      }
      if (t.text == "and" && segments.back().head >= 0 && !segments.back().related) {
        for (int g : segments.back().groups) unattached.push_back(g);
      } else if (t.text != "and") {
        unattached.clear();
      }
      segments.push_back(Segment{});
      segments.back().joined_by = t.text;
      ++i;
      continue;
    }
    // Scene types ("a small bedroom", "a village square").
    if (const int scene_length = MatchScene(i); scene_length > 0) {
      if (pending_description.find("small") != std::string::npos ||
          pending_description.find("tiny") != std::string::npos) {
        small_room_ = true;
      }
      if (pending_description.find("large") != std::string::npos ||
          pending_description.find("big") != std::string::npos ||
          pending_description.find("spacious") != std::string::npos) {
        large_room_ = true;
      }
      pending_description.clear();
      pending_count = 0;
      i += static_cast<size_t>(scene_length);
      continue;
    }
    // "in three rows of four"
    if (t.text == "in" && i + 4 < tokens_.size() && NumberOf(tokens_[i + 1].text).value_or(0) > 0 &&
        tokens_[i + 2].text == "rows" && tokens_[i + 3].text == "of" &&
        NumberOf(tokens_[i + 4].text).value_or(0) > 0) {
      grid_rows = NumberOf(tokens_[i + 1].text);
      grid_columns = NumberOf(tokens_[i + 4].text);
      const int subject = segment_subject();
      static const CuePhrase grid{{"in", "rows"}, Cue::kGrid, false, true};
      if (subject >= 0) {
        ApplyCue(grid, subject, {subject}, -1, -1, t.begin, tokens_[i + 4].end, grid_rows,
                 grid_columns);
      }
      i += 5;
      continue;
    }
    // "ten cars in two rows"
    if (t.text == "in" && i + 2 < tokens_.size() && NumberOf(tokens_[i + 1].text).value_or(0) > 1 &&
        (tokens_[i + 2].text == "rows" || tokens_[i + 2].text == "lines")) {
      const std::optional<int> rows = NumberOf(tokens_[i + 1].text);
      const int subject = segment_subject();
      static const CuePhrase grid{{"in", "rows"}, Cue::kGrid, false, true};
      if (subject >= 0) {
        ApplyCue(grid, subject, {subject}, -1, -1, t.begin, tokens_[i + 2].end, rows, std::nullopt);
      }
      i += 3;
      continue;
    }
    // Group phrases before a noun: "a row of five", "a stack of", "a circle of".
    if ((t.text == "row" || t.text == "line" || t.text == "stack" || t.text == "pile" ||
         t.text == "circle" || t.text == "ring") &&
        i + 1 < tokens_.size() && tokens_[i + 1].text == "of") {
      pending_row = t.text == "row" || t.text == "line";
      pending_stack = t.text == "stack" || t.text == "pile";
      pending_circle = t.text == "circle" || t.text == "ring";
      pending_count = 0;
      i += 2;
      continue;
    }
    // Spatial phrases.
    if (auto cue = MatchCue(i)) {
      const CuePhrase& phrase = *cue->first;
      const int begin = t.begin;
      size_t j = i + cue->second;
      // "all facing X", "all against the wall": every group of the sentence, or the last plural.
      const bool all = i > 0 && (tokens_[i - 1].text == "all" || tokens_[i - 1].text == "both" ||
                                 tokens_[i - 1].text == "each");
      int subject = phrase.participle ? segment_subject() : -1;
      if (!phrase.participle || subject < 0) {
        const Segment& seg = segments.back();
        subject = seg.groups.empty() ? segment_subject() : seg.groups.back();
      }
      // Arrangements of several ("face each other", "in a row", "stacked") are about a plural
      // group: "a table between two couches that face each other" (the couches).
      const bool needs_several = phrase.cue == Cue::kFacingEachOther || phrase.cue == Cue::kRow ||
                                 phrase.cue == Cue::kCircle || phrase.cue == Cue::kGrid ||
                                 phrase.cue == Cue::kStack || phrase.cue == Cue::kHierarchy;
      if (needs_several && subject >= 0 && groups_[subject].objects.size() < 2) {
        const int plural = last_plural(subject);
        if (plural >= 0) subject = plural;
      }
      // Words before a phrase describe nothing after it ("a campfire near the tent").
      pending_description.clear();
      pending_begin = -1;
      std::vector<int> subject_list;
      if (all) {
        if (phrase.cue == Cue::kAgainstWall || phrase.cue == Cue::kOnWall) {
          subject_list = sentence_groups;
        } else if (tokens_[i - 1].text == "both") {
          // "a sofa and a chair, both facing the TV": the last pair, or the last two singles.
          std::vector<int> singles;
          for (auto g = sentence_groups.rbegin(); g != sentence_groups.rend(); ++g) {
            if (groups_[*g].objects.size() == 2 && singles.empty()) {
              subject = *g;
              break;
            }
            if (groups_[*g].objects.size() == 1 &&
                std::find(singles.begin(), singles.end(), *g) == singles.end()) {
              singles.push_back(*g);
            }
            if (singles.size() == 2) {
              subject_list = {singles[1], singles[0]};
              break;
            }
          }
        } else {
          for (auto g = sentence_groups.rbegin(); g != sentence_groups.rend(); ++g) {
            if (groups_[*g].plural) {
              subject = *g;
              break;
            }
          }
        }
      }
      const bool list_subjects =
          !all && !unattached.empty() && !phrase.participle && phrase.needs_object && subject >= 0;
      // "a fridge, a stove and a sink along the back wall": the list stands there together.
      if (!all && !unattached.empty() && !phrase.participle && subject >= 0 &&
          phrase.cue == Cue::kAgainstWall) {
        subject_list = unattached;
        subject_list.push_back(subject);
      }
      if (subject < 0 && subject_list.empty()) {
        // A phrase before any object of its sentence waits for the object after it: "In front of
        // it is a low table", "On the wall hangs a clock", "Next to the bed stands a nightstand".
        inverted = Inverted{&phrase, -1, -1, begin, tokens_[j - 1].end};
        if (phrase.needs_object) {
          inverted->reference = read_reference(&j, -1, &inverted->second, false);
          inverted->end = tokens_[j - 1].end;
          if (inverted->reference < 0) inverted.reset();
        }
        i = j;
        continue;
      }
      int second = -1;
      int reference = -1;
      const bool its =
          std::find(phrase.words.begin(), phrase.words.end(), "its") != phrase.words.end() ||
          phrase.words.back() == "it";
      if (phrase.needs_object && its) {
        // "a sofa with a lamp at its left": the pronoun is part of the phrase.
        reference = resolve_it_here(subject, std::find(phrase.words.begin(), phrase.words.end(),
                                                       "its") != phrase.words.end());
        if (reference < 0) {
          i = j;
          continue;
        }
        each_reference = reference == distribute;
        unattached.clear();
      } else if (phrase.needs_object) {
        reference = read_reference(&j, subject, &second, phrase.cue == Cue::kBetween);
        // "a couch with cushions on top", "a bench with a tree nearby": of the thing just named.
        const bool bare = j >= tokens_.size() || tokens_[j - 1].punct || j == i + cue->second;
        if (reference < 0 && bare &&
            (phrase.words == std::vector<std::string>{"on", "top"} ||
             phrase.words == std::vector<std::string>{"nearby"} ||
             phrase.words == std::vector<std::string>{"close", "by"})) {
          reference = resolve_it_here(subject, false);
        }
        // "two beds with a nightstand in between": between the two.
        if (reference < 0 && bare && phrase.cue == Cue::kBetween) {
          const int pair = last_plural(subject);
          if (pair >= 0 && groups_[pair].objects.size() >= 2) reference = pair;
        }
        // "in the middle of the lawn": of no object; the centre of the scene.
        if (reference < 0 && phrase.cue == Cue::kCenterOf) {
          ApplyCue(phrase, subject, subject_list, -1, -1, begin, tokens_[j - 1].end, grid_rows,
                   grid_columns);
          segments.back().related = true;
          i = j;
          continue;
        }
        if (reference < 0) {
          // The clause placed its object ("a desk by the window"), if not relative to another
          // object: it does not join a later list's relation.
          segments.back().related = true;
          i = j;
          continue;
        }
        // "A, B and C on D": the list shares the relation, unless it is about one of them
        // ("a table, eight chairs around it").
        if (list_subjects &&
            std::find(unattached.begin(), unattached.end(), reference) == unattached.end()) {
          subject_list = unattached;
          subject_list.push_back(subject);
        }
        unattached.clear();
        // "a lamp on each nightstand": one subject per reference member.
        if (each_reference && subject >= 0 && groups_[reference].objects.size() > 1 &&
            groups_[subject].objects.size() == 1) {
          const Group& g = groups_[subject];
          const int extra = static_cast<int>(groups_[reference].objects.size()) - 1;
          const int grown = AddGroup(g.category, g.description, extra, true, g.begin, g.end);
          for (size_t o : groups_[grown].objects) groups_[subject].objects.push_back(o);
          groups_.pop_back();
          groups_[subject].plural = true;
        }
      }
      // "a nightstand on each side", "two lamps flanking": a pair.
      if ((phrase.cue == Cue::kEachSide || phrase.cue == Cue::kFlanking) && subject >= 0 &&
          groups_[subject].objects.size() == 1) {
        const Group g = groups_[subject];
        const int grown = AddGroup(g.category, g.description, 1, true, g.begin, g.end);
        groups_[subject].objects.push_back(groups_[grown].objects[0]);
        groups_.pop_back();
        groups_[subject].plural = true;
      }
      if (phrase.cue == Cue::kEachSide) {
        // The reference is the previous segment's head ("a bed ... with a nightstand on each
        // side").
        for (int s = static_cast<int>(segments.size()) - 2; s >= 0 && reference < 0; --s) {
          if (segments[s].head >= 0 && segments[s].head != subject) reference = segments[s].head;
        }
      }
      ApplyCue(phrase, subject, subject_list, reference, second, begin, tokens_[j - 1].end,
               grid_rows, grid_columns);
      unattached.clear();
      if (subject >= 0) segments.back().related = true;
      understood.insert(Join(phrase.words, " "));
      i = j;
      continue;
    }
    // Coreference by position: "the former", "the latter", and "one ... the other" for the
    // members of the last plural group. They become views on existing objects, not new ones.
    {
      int view = -1;
      const bool the = i > 0 && tokens_[i - 1].text == "the";
      std::vector<int> singles;
      for (int g : sentence_groups) {
        if (!groups_[g].plural) singles.push_back(g);
      }
      if (the && (t.text == "former" || t.text == "latter") && mentions.size() >= 2) {
        // The two most recent distinct mentions, across sentences.
        const int a = mentions[mentions.size() - 2];
        const int b = mentions.back();
        view = t.text == "former" ? a : b;
      } else if ((t.text == "one" || (the && t.text == "other")) && i + 1 < tokens_.size() &&
                 (MatchCue(i + 1).has_value() || tokens_[i + 1].text == "of" ||
                  tokens_[i + 1].text == "is")) {
        for (auto g = sentence_groups.rbegin(); g != sentence_groups.rend(); ++g) {
          if (groups_[*g].objects.size() < 2) continue;
          Group member = groups_[*g];
          member.objects = {groups_[*g].objects[t.text == "one" ? 0 : 1]};
          member.plural = false;
          groups_.push_back(member);
          view = static_cast<int>(groups_.size()) - 1;
          break;
        }
      }
      if (view >= 0) {
        unattached.clear();  // "two chairs, one by the sofa": the one, not both
        segments.back().groups.push_back(view);
        if (segments.back().head < 0) segments.back().head = view;
        forget_noun_phrase();
        ++i;
        continue;
      }
    }
    // Noun phrases. A number word that starts a compound ("single bed") is part of the noun.
    std::string compound_category;
    bool compound_p = false, compound_u = false;
    const bool starts_compound = MatchCategory(i, &compound_category, &compound_p, &compound_u) > 1;
    if (auto n = NumberOf(t.text); n && !starts_compound) {
      const int value = *n == 0 ? -1 : *n;  // -1: "no chairs", "0 chairs"
      if (!(t.text == "a" || t.text == "an") || pending_count == 0) pending_count = value;
      if (t.text == "pair" || t.text == "couple" || t.text == "dozen") pending_count = value;
      pending_np = true;
      if (pending_begin < 0) pending_begin = t.begin;
      ++i;
      continue;
    }
    // "a couple of stools", "a pair of lamps": the "of" belongs to the count, not the noun.
    if (t.text == "of" && pending_count != 0 && pending_description.empty()) {
      ++i;
      continue;
    }
    if (t.text == "the" || t.text == "this" || t.text == "that") {
      pending_definite = true;
      pending_np = true;
      if (pending_begin < 0) pending_begin = t.begin;
      ++i;
      continue;
    }
    std::string category;
    bool plural = false, unknown = false;
    int n = ModifiesNextNoun(i) ? 0 : MatchCategory(i, &category, &plural, &unknown);
    // An unknown noun is an object only in a noun phrase that began with an English
    // determiner or number ("a flux capacitor"), never a stray word of another language.
    if (n > 0 && unknown && !pending_np) n = 0;
    // "a bedroom for a child", "a desk for the teacher": whom a thing is for is not in the scene
    // (unless the catalog names it).
    if (n > 0 && unknown && !matched_via_hypernym_) {
      size_t k = i;
      while (k > 0 && (IsDeterminer(tokens_[k - 1].text) || NumberOf(tokens_[k - 1].text))) --k;
      if (k > 0 && tokens_[k - 1].text == "for") n = 0;
    }
    if (n > 0) {
      const int begin = pending_begin >= 0 ? pending_begin : t.begin;
      const int end = tokens_[i + n - 1].end;
      understood.insert(category);
      if (!matched_modifier_.empty()) {
        pending_description += (pending_description.empty() ? "" : " ") + matched_modifier_;
      }
      int group = -1;
      if (pending_definite && pending_count == 0) {
        group = ResolveDefinite(category, std::string(Trim(pending_description)));
        if (group >= 0) {
          segments.back().groups.push_back(group);
          if (segments.back().head < 0) segments.back().head = group;
        }
      }
      if (group < 0 && pending_count < 0) {
        // "no rug", "0 chairs": nothing to build.
        forget_noun_phrase();
        i += n;
        continue;
      }
      if (group < 0) {
        if (unknown && !matched_via_hypernym_) {
          warnings_.push_back("no model for '" + category + "' (prompt " + std::to_string(begin) +
                              ":" + std::to_string(end) + "): it gets a labelled generic shape");
        }
        int count = pending_count > 0 ? pending_count : (plural ? 2 : 1);
        // "a line of trees", "a ring of stones", "a pile of books" with no number: more than two.
        if (pending_count == 0 && plural && (pending_row || pending_circle || pending_stack)) {
          count = pending_circle ? 6 : pending_row ? 4 : 3;
        }
        if (plural && pending_count == 0 && (category == "chair" || category == "stool")) count = 4;
        group =
            AddGroup(category, std::string(Trim(pending_description)), count, plural, begin, end);
        if (pending_row || pending_circle || pending_stack) {
          static const CuePhrase row{{"row"}, Cue::kRow, false, true};
          static const CuePhrase circle{{"circle"}, Cue::kCircle, false, true};
          static const CuePhrase stack{{"stack"}, Cue::kStack, false, true};
          ApplyCue(pending_row      ? row
                   : pending_circle ? circle
                                    : stack,
                   group, {group}, -1, -1, begin, end, std::nullopt, std::nullopt);
        }
      }
      pending_row = pending_circle = pending_stack = false;
      if (mentions.empty() || mentions.back() != group) mentions.push_back(group);
      sentence_groups.push_back(group);
      segments.back().groups.push_back(group);
      if (segments.back().head < 0) segments.back().head = group;
      if (groups_[group].objects.size() == 1) singular_history.push_back(group);
      if (inverted && inverted->reference != group) {
        ApplyCue(*inverted->phrase, group, {group}, inverted->reference, inverted->second,
                 inverted->begin, inverted->end, std::nullopt, std::nullopt);
        segments.back().related = true;
        inverted.reset();
      }
      forget_noun_phrase();
      i += n;
      continue;
    }
    // "a vase of flowers", "a bowl of fruit": contents belong to the description.
    if (t.text == "of" && i + 1 < tokens_.size() && IsContentNoun(tokens_[i + 1].text) &&
        !segments.back().groups.empty() && pending_description.empty() && pending_count == 0) {
      for (size_t o : groups_[segments.back().groups.back()].objects) {
        graph_.objects[o].description += (graph_.objects[o].description.empty() ? "" : " ") +
                                         std::string("of ") + tokens_[i + 1].text;
      }
      i += 2;
      continue;
    }
    // Everything else: modifiers of the next noun.
    if (IsFillerWord(t.text)) {
      if (pending_begin < 0 && pending_np) pending_begin = t.begin;
    } else if (!IsEnvironmentNoun(t.text)) {
      if (!pending_description.empty()) pending_description += " ";
      pending_description += t.text;
      if (pending_begin < 0) pending_begin = t.begin;
    } else {
      pending_description.clear();
      pending_begin = -1;
      pending_np = false;
    }
    ++i;
  }

  if (graph_.objects.empty() && scene_ != nullptr) {
    // Only a scene type: furnish it plausibly.
    for (const auto& [category, count] : scene_->furnishing) {
      AddGroup(category, "", count, count > 1, 0, static_cast<int>(text_.size()));
    }
    warnings_.push_back(std::string("the description names only a ") + scene_->name +
                        "; added a default furnishing");
  }
  if (graph_.objects.empty()) {
    throw Error(
        "no physical objects found in the description (prompt 0:" + std::to_string(text_.size()) +
        "); name some, e.g. \"a lamp on a wooden desk\" (only English is understood)");
  }
  AddDefaults();
  ChooseEnvironment();
  Decompose();
  PlanResult result;
  result.graph = std::move(graph_);
  result.graph.prompt = std::string(text_);
  result.warnings = std::move(warnings_);
  result.planner = "offline";
  return result;
}

void Parser::AddDefaults() {
  using T = RelationType;
  std::set<size_t> related_on;
  std::set<size_t> has_facing;
  for (const Relation& r : graph_.relations) {
    // Objects with a stated support or height need no default one: "a lamp above the table"
    // does not rest on it.
    if (r.type == T::kOn || r.type == T::kStack || r.type == T::kAbove || r.type == T::kUnder ||
        r.type == T::kHanging || r.type == T::kOnWall || r.type == T::kOnFloor) {
      for (const std::string& id : r.objects) {
        for (size_t o = 0; o < graph_.objects.size(); ++o) {
          if (graph_.objects[o].id == id) related_on.insert(o);
        }
      }
    }
    if (r.type == T::kFacing || r.type == T::kFacingAway || r.type == T::kAcross) {
      for (size_t o = 0; o < graph_.objects.size(); ++o) {
        if (graph_.objects[o].id == r.objects[0] ||
            (r.type == T::kAcross && graph_.objects[o].id == r.objects[1])) {
          has_facing.insert(o);
        }
      }
    }
  }
  auto index_of = [&](const std::string& id) -> size_t {
    for (size_t o = 0; o < graph_.objects.size(); ++o) {
      if (graph_.objects[o].id == id) return o;
    }
    return graph_.objects.size();
  };
  // "A stack of four books on a nightstand": the stack stands on it, that is its bottom member;
  // the others rest on each other.
  for (size_t r = 0; r < graph_.relations.size(); ++r) {
    if (graph_.relations[r].type != T::kStack) continue;
    const std::vector<std::string> members = graph_.relations[r].objects;
    auto member = [&](const std::string& id) {
      return std::find(members.begin(), members.end(), id) != members.end();
    };
    std::set<std::string> supports;  // what the bottom member already stands on
    for (const Relation& on : graph_.relations) {
      if (on.type == T::kOn && on.objects[0] == members.front()) supports.insert(on.objects[1]);
    }
    std::vector<Relation> kept;
    for (Relation& on : graph_.relations) {
      if (on.type == T::kOn && on.objects[0] != members.front() && member(on.objects[0]) &&
          !member(on.objects[1])) {
        if (!supports.insert(on.objects[1]).second) continue;  // the bottom one carries it
        on.objects[0] = members.front();
      }
      kept.push_back(on);
    }
    graph_.relations = std::move(kept);
    for (size_t k = 0; k < graph_.relations.size(); ++k) {
      if (graph_.relations[k].type == T::kStack && graph_.relations[k].objects == members) r = k;
    }
  }
  const size_t relation_count = graph_.relations.size();
  // Chairs around a table or on either end of it face it.
  for (size_t r = 0; r < relation_count; ++r) {
    const Relation rel = graph_.relations[r];
    if (rel.type == T::kAround) {
      const size_t ref = index_of(rel.objects.back());
      for (size_t k = 0; k + 1 < rel.objects.size(); ++k) {
        const size_t s = index_of(rel.objects[k]);
        if (IsSeat(graph_.objects[s].category) && !has_facing.count(s) &&
            ref < graph_.objects.size()) {
          Relate(T::kFacing, {s, ref}, -1, -1);
        }
      }
    }
    if (rel.type == T::kBetween) {
      const size_t a = index_of(rel.objects[0]);
      for (size_t k = 1; k < 3; ++k) {
        const size_t s = index_of(rel.objects[k]);
        // Seats that face each other face the table between them too: "a low table between two
        // couches that face each other" (a sofa facing a TV keeps to the TV).
        const std::string facing_far = "facing(" + rel.objects[k] + ", " + rel.objects[3 - k] + ")";
        if (s < graph_.objects.size() && IsSeat(graph_.objects[s].category) &&
            IsTableLike(graph_.objects[a].category) &&
            (!has_facing.count(s) ||
             (seen_relations_.count(facing_far) &&
              IsSeat(graph_.objects[index_of(rel.objects[3 - k])].category)))) {
          Relate(T::kFacing, {s, a}, -1, -1);
        }
      }
    }
  }
  // Seating faces the TV when the text says nothing about where it looks.
  size_t tv = graph_.objects.size();
  for (size_t o = 0; o < graph_.objects.size(); ++o) {
    if (graph_.objects[o].category == "tv") tv = o;
  }
  if (tv < graph_.objects.size()) {
    for (size_t o = 0; o < graph_.objects.size(); ++o) {
      const std::string& c = graph_.objects[o].category;
      if ((c == "sofa" || c == "armchair") && !has_facing.count(o)) {
        Relate(T::kFacing, {o, tv}, -1, -1);
        has_facing.insert(o);
      }
    }
  }
  // In a room, beds, wardrobes, bookshelves, dressers, TV stands and fireplaces stand against a
  // wall unless the text places them (lamps "flanking a fireplace" stand by a fireplace in a
  // wall, not behind one in the middle of the room; a TV stand "opposite the sofa" stands at the
  // far wall, not turned askew in the open).
  std::set<size_t> placed;
  for (const Relation& r : graph_.relations) {
    if (r.type == T::kAgainstWall || r.type == T::kInCorner || r.type == T::kCenter ||
        r.type == T::kOnWall || r.type == T::kBetween || r.type == T::kAround) {
      for (const std::string& id : r.objects) placed.insert(index_of(id));
    }
  }
  if (scene_ == nullptr || !scene_->outdoor) {
    for (size_t o = 0; o < graph_.objects.size(); ++o) {
      const std::string& c = graph_.objects[o].category;
      if ((c == "bed" || c == "wardrobe" || c == "bookshelf" || c == "dresser" || c == "tv stand" ||
           c == "fireplace") &&
          !placed.count(o)) {
        Relate(T::kAgainstWall, {o}, -1, -1);
      }
    }
  }
  // "Three boxes of decreasing size": members of one category get sizes that decrease in the
  // stated order, 20 % per step (the solver cannot change sizes).
  for (size_t r = 0; r < relation_count; ++r) {
    const Relation rel = graph_.relations[r];
    if (rel.type != T::kHierarchy) continue;
    double scale = 1.0;
    for (const std::string& id : rel.objects) {
      Object& o = graph_.objects[index_of(id)];
      const CategoryInfo* info = FindProceduralCategory(o.category);
      if (info == nullptr || o.HasSize()) continue;
      o.size = info->size * scale;
      scale *= 0.8;
    }
  }
  // A small object that names no support rests on a surface: a TV on its stand, a lamp on a
  // nightstand (one each while they last), anything else on the first table-like object, else
  // on a nightstand, dresser or cabinet.
  std::vector<size_t> tables, nightstands, stands, storage;
  for (size_t o = 0; o < graph_.objects.size(); ++o) {
    const std::string& c = graph_.objects[o].category;
    if (IsTableLike(c)) tables.push_back(o);
    if (c == "nightstand") nightstands.push_back(o);
    if (c == "tv stand") stands.push_back(o);
    if (c == "nightstand" || c == "dresser" || c == "cabinet") storage.push_back(o);
  }
  size_t lamps = 0;
  for (size_t o = 0; o < graph_.objects.size(); ++o) {
    const std::string& c = graph_.objects[o].category;
    const CategoryInfo* info = FindProceduralCategory(c);
    if (info == nullptr || info->support != Support::kSurface || related_on.count(o)) continue;
    size_t surface = graph_.objects.size();
    if (c == "tv") {
      // A TV without a stand stays put.
      if (!stands.empty()) surface = stands.front();
    } else if (info->size.x * info->size.y <= 0.2) {
      // Only small things (a lamp, a mug) default onto a surface.
      if (c == "lamp" && lamps < nightstands.size()) {
        surface = nightstands[lamps++];
      } else if (!tables.empty()) {
        surface = tables.front();
      } else if (!storage.empty()) {
        surface = storage.front();
      }
    }
    if (surface < graph_.objects.size()) {
      Relate(T::kOn, {o, surface}, -1, -1);
      warnings_.push_back(graph_.objects[o].id + " rests on " + graph_.objects[surface].id +
                          " (no support was named)");
    }
  }
}

void Parser::Decompose() {
  using T = RelationType;
  std::set<std::string> references, placed_by_room, details;
  for (const Relation& r : graph_.relations) {
    const RelationInfo& info = GetRelationInfo(r.type);
    if (info.has_reference && r.objects.size() >= 2) references.insert(r.objects.back());
    if (r.type == T::kAgainstWall || r.type == T::kInCorner || r.type == T::kCenter) {
      placed_by_room.insert(r.objects[0]);
    }
    if (r.type == T::kOn || r.type == T::kOnWall || r.type == T::kHanging)
      details.insert(r.objects[0]);
  }
  std::vector<std::string> anchors, groups, rest;
  for (const Object& o : graph_.objects) {
    const CategoryInfo* info = FindProceduralCategory(o.category);
    const bool detail =
        details.count(o.id) || (info != nullptr && info->support != Support::kFloor);
    if (detail) {
      rest.push_back(o.id);
    } else if (references.count(o.id) || placed_by_room.count(o.id)) {
      anchors.push_back(o.id);
    } else {
      groups.push_back(o.id);
    }
  }
  auto add = [&](const std::string& title, const std::string& description,
                 const std::vector<std::string>& ids) {
    for (size_t start = 0; start < ids.size(); start += 20) {
      Subscene s;
      s.title = title + (ids.size() > 20 ? " " + std::to_string(start / 20 + 1) : "");
      s.description = description;
      s.objects.assign(ids.begin() + start, ids.begin() + std::min(ids.size(), start + 20));
      graph_.subscenes.push_back(std::move(s));
    }
  };
  add("anchors", "large objects that others are placed relative to, and those set by the room",
      anchors);
  add("groups", "the objects arranged around the anchors", groups);
  add("details", "objects on surfaces, on walls and hanging from the ceiling", rest);
}

void Parser::ChooseEnvironment() {
  Environment& env = graph_.environment;
  int outdoor_votes = 0;
  double footprint = 0.0;
  double largest = 0.0;
  for (const Object& o : graph_.objects) {
    outdoor_votes += IsOutdoorCategory(o.category) ? 1 : 0;
    const CategoryInfo* info = FindProceduralCategory(o.category);
    const Vec3 size = info != nullptr ? info->size : Vec3{0.5, 0.5, 0.5};
    footprint += size.x * size.y;
    largest = std::max({largest, size.x, size.y});
  }
  bool outdoor = scene_ != nullptr ? scene_->outdoor : outdoor_votes > 0 || outdoor_place_;
  if (scene_ == nullptr && !outdoor_place_ && outdoor_votes > 0 &&
      outdoor_votes * 3 < static_cast<int>(graph_.objects.size())) {
    outdoor = false;
  }
  if (outdoor) {
    env.kind = Environment::Kind::kOutdoor;
    env.size = scene_ != nullptr ? scene_->size : Vec3{20, 20, 0};
    env.ground =
        scene_ != nullptr &&
                (std::string(scene_->name) == "street" ||
                 std::string(scene_->name) == "parking lot" ||
                 std::string(scene_->name) == "plaza" || std::string(scene_->name) == "square" ||
                 std::string(scene_->name) == "village" || std::string(scene_->name) == "courtyard")
            ? "pavement"
            : "grass";
    const double side = std::max({env.size.x, std::sqrt(footprint * 6.0), 3.0 * largest});
    env.size = {side, std::max(env.size.y, side), 0};
  } else {
    env.kind = Environment::Kind::kRoom;
    env.size = scene_ != nullptr ? scene_->size : Vec3{5.0, 4.0, 2.8};
    if (small_room_) env.size = {env.size.x * 0.8, env.size.y * 0.8, env.size.z};
    if (large_room_) env.size = {env.size.x * 1.3, env.size.y * 1.3, env.size.z};
    // Room enough: the floor is at least three times what the objects cover.
    const double need = footprint * 3.0;
    const double area = env.size.x * env.size.y;
    if (need > area) {
      const double grow = std::sqrt(need / area);
      env.size = {env.size.x * grow, env.size.y * grow, env.size.z};
    }
    env.size.x = std::max(env.size.x, largest + 1.0);
    env.size.y = std::max(env.size.y, largest + 1.0);
    env.openings.push_back({"window", "back", env.size.x * 0.25, 1.2, 1.2, 0.9});
  }
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
  std::string clean(text);
  for (size_t i = 0; i < clean.size();) {
    const unsigned char c = static_cast<unsigned char>(clean[i]);
    size_t length = c < 0x80           ? 1
                    : (c >> 5) == 0x6  ? 2
                    : (c >> 4) == 0xe  ? 3
                    : (c >> 3) == 0x1e ? 4
                                       : 0;
    bool valid = length > 0 && i + length <= clean.size();
    for (size_t k = 1; valid && k < length; ++k) {
      valid = (static_cast<unsigned char>(clean[i + k]) & 0xc0) == 0x80;
    }
    if (!valid) {
      clean[i++] = ' ';
      continue;
    }
    if (length == 1 && (c < 0x20 || c == 0x7f)) clean[i] = ' ';
    i += length;
  }
  Parser parser(clean, options_);
  PlanResult result = parser.Run();
  result.graph.prompt = clean;
  return result;
}

std::string FormatPlanTable(const PlanResult& plan) {
  const SceneGraph& g = plan.graph;
  std::string out = "environment: " + g.environment.ToString() + "\n\nobjects:\n";
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
  for (const std::string& w : plan.warnings) out += "warning: " + w + "\n";
  return out;
}

}  // namespace scenecraft
