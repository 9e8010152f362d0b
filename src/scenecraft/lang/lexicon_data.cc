// The closed word classes of lexicon.h. How they were chosen: determiners, pronouns, conjunctions,
// auxiliaries and number words are the closed classes of an English grammar (all their common
// members, not those of a corpus); the spatial phrases are the prepositions and prepositional
// idioms of place of an English grammar plus the wordings issue 12 lists, each written once with
// its variants; the room parts are the surfaces and openings every room has.
#include <algorithm>
#include <cctype>
#include <map>

#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/spelling.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

const std::map<std::string_view, WordClass>& ClassTable() {
  using C = WordClass;
  static const std::map<std::string_view, WordClass> table = [] {
    std::map<std::string_view, WordClass> t;
    for (const char* w :
         {"it", "them", "they", "itself", "themselves", "both", "either", "neither", "latter",
          "former", "one", "ones", "other", "others", "these", "those", "this", "that"}) {
      t[w] = C::kPronoun;
    }
    for (const char* w : {"and", "or", "plus", "but", "nor", "&"}) t[w] = C::kConjunction;
    for (const char* w : {"of", "with", "for", "to", "from", "as", "like", "made", "featuring",
                          "including", "containing", "holding", "filled", "full"}) {
      t[w] = C::kPreposition;
    }
    for (const char* w :
         {"i",         "i'd",      "i'm",      "me",       "my",      "we",       "we'd",
          "us",        "our",      "you",      "your",     "he",      "she",      "is",
          "are",       "was",      "were",     "be",       "been",    "being",    "am",
          "has",       "have",     "had",      "having",   "do",      "does",     "did",
          "can",       "could",    "would",    "should",   "will",    "shall",    "may",
          "might",     "must",     "there",    "there's",  "here",    "here's",   "it's",
          "let",       "let's",    "please",   "also",     "just",    "so",       "very",
          "really",    "then",     "too",      "not",      "quite",   "rather",   "some",
          "somewhere", "each",     "every",    "all",      "any",     "own",      "else",
          "need",      "want",     "wants",    "like",     "love",    "put",      "place",
          "add",       "make",     "create",   "show",     "give",    "generate", "render",
          "build",     "draw",     "design",   "imagine",  "depict",  "get",      "set",
          "include",   "includes", "feature",  "features", "contain", "contains", "hold",
          "holds",     "see",      "there're", "what",     "how",     "when",     "while",
          "now",       "again",    "only",     "even",     "still",   "perhaps",  "maybe",
          "probably",  "thanks",   "thank",    "hi",       "hello",   "ok",       "okay"}) {
      t.emplace(w, C::kFunction);
    }
    // Chat spellings of "you", "your" and "please" ("can u make", "ur desk", "pls").
    for (const char* w : {"u", "ur", "pls", "plz"}) t.emplace(w, C::kFunction);
    // Interjections and the shorthand of chat name no thing ("oh and a lamp", "a parrot too lol",
    // "six glasses idk"): the interjections of an English grammar and the common chat acronyms.
    for (const char* w : {"oh",  "ah",  "ahh",  "ooh",  "oops", "um",  "umm", "uh",  "er",
                          "hmm", "wow", "yeah", "yep",  "nah",  "lol", "idk", "btw", "tbh",
                          "imo", "omg", "lmao", "haha", "hehe", "fyi", "thx", "ty"}) {
      t.emplace(w, C::kFunction);
    }
    // Indefinite pronouns name no thing of the scene ("a lamp lighting everything").
    for (const char* w : {"everything", "everyone", "everybody", "something", "someone", "somebody",
                          "anything", "anyone", "anybody", "nothing", "nobody"}) {
      t.emplace(w, C::kFunction);
    }
    for (const char* w : {"which", "who", "where", "whose", "whom"}) t[w] = C::kRelative;
    for (const char* w : {"without", "no"}) t[w] = C::kNegation;
    return t;
  }();
  return table;
}

const std::map<std::string_view, DeterminerInfo>& Determiners() {
  static const std::map<std::string_view, DeterminerInfo> table = {
      {"a", {1, false, false}},        {"an", {1, false, false}},
      {"the", {-1, true, false}},      {"this", {1, true, false}},
      {"that", {1, true, false}},      {"these", {-1, true, false}},
      {"those", {-1, true, false}},    {"its", {-1, true, false}},
      {"their", {-1, true, false}},    {"his", {-1, true, false}},
      {"her", {-1, true, false}},      {"my", {-1, true, false}},
      {"our", {-1, true, false}},      {"your", {-1, true, false}},
      {"ur", {-1, true, false}},       {"each", {-1, false, true}},
      {"every", {-1, false, true}},    {"all", {-1, true, false}},
      {"both", {2, true, false}},      {"another", {1, false, false}},
      {"some", {-1, false, false}},    {"several", {3, false, false}},
      {"few", {3, false, false}},      {"many", {6, false, false}},
      {"various", {3, false, false}},  {"numerous", {8, false, false}},
      {"multiple", {3, false, false}}, {"single", {1, false, false}},
      {"any", {-1, false, false}},     {"no", {0, false, false}},
      {"either", {1, true, false}},    {"other", {-1, false, false}},
  };
  return table;
}

const std::map<std::string_view, long>& NumberWords() {
  static const std::map<std::string_view, long> table = {
      {"zero", 0},      {"one", 1},         {"two", 2},           {"three", 3},
      {"four", 4},      {"five", 5},        {"six", 6},           {"seven", 7},
      {"eight", 8},     {"nine", 9},        {"ten", 10},          {"eleven", 11},
      {"twelve", 12},   {"thirteen", 13},   {"fourteen", 14},     {"fifteen", 15},
      {"sixteen", 16},  {"seventeen", 17},  {"eighteen", 18},     {"nineteen", 19},
      {"twenty", 20},   {"thirty", 30},     {"forty", 40},        {"fifty", 50},
      {"sixty", 60},    {"seventy", 70},    {"eighty", 80},       {"ninety", 90},
      {"hundred", 100}, {"thousand", 1000}, {"million", 1000000}, {"dozen", 12},
      {"couple", 2},    {"pair", 2},
  };
  return table;
}

const std::vector<QuantityNoun>& QuantityNouns() {
  static const std::vector<QuantityNoun> table = {
      {"pair", 2, ""},         {"couple", 2, ""},
      {"dozen", 12, ""},       {"trio", 3, ""},
      {"set", 0, ""},          {"number", 0, ""},
      {"lot", 0, ""},          {"lots", 0, ""},
      {"handful", 3, ""},      {"collection", 0, "cluster"},
      {"group", 0, "cluster"}, {"cluster", 0, "cluster"},
      {"bunch", 0, "cluster"}, {"row", 0, "row"},
      {"line", 0, "row"},      {"column", 0, "row"},
      {"series", 0, "row"},    {"stack", 0, "stack"},
      {"pile", 0, "stack"},    {"tower", 0, "stack"},
      {"circle", 0, "circle"}, {"ring", 0, "circle"},
      {"grid", 0, "grid"},     {"array", 0, "grid"},
      {"variety", 0, ""},      {"assortment", 0, "cluster"},
      {"couple", 2, ""},
  };
  return table;
}

// A phrase pattern: words separated by spaces; "a|b" are alternatives; a trailing "|" makes the
// word optional. Patterns are expanded into every wording once, at first use.
struct Pattern {
  const char* words;
  Meaning meaning;
  bool takes_reference;
};

const std::vector<Pattern>& Patterns() {
  using M = Meaning;
  static const std::vector<Pattern> patterns = {
      {"on|upon|atop|onto", M::kOn, true},
      {"on top of|", M::kOn, true},
      {"on top", M::kOn, true},
      {"on the top of", M::kOn, true},
      {"under|beneath|below|underneath", M::kUnder, true},
      {"above|over", M::kAbove, true},
      {"overhead", M::kHanging, false},
      {"hanging|hung|suspended|dangling|hangs|hang|dangles|dangle from", M::kHangingFrom, true},
      {"hanging|suspended|dangling|hangs|hang|dangles|dangle above|over", M::kHangingAbove, true},
      {"hanging|suspended|dangling|hangs|hang|dangles|dangle directly|right|just above|over",
       M::kHangingAbove, true},
      {"next|close|adjacent|near to", M::kNear, true},
      {"right|just|directly next to", M::kNear, true},
      {"right|just|directly beside|by", M::kNear, true},
      {"beside|besides|near|nearby|alongside|by", M::kNear, true},
      {"close by", M::kNear, true},
      {"by the side of", M::kNear, true},
      {"against", M::kAgainst, true},
      {"leaning|leans|lean|leaned|leant|propped on|upon", M::kAgainst, true},
      {"full of", M::kHolding, true},
      {"filled|stocked|packed|crammed|stuffed with", M::kHolding, true},
      // Participles of verbs that put many things onto or into a holder (WordNet's verbs of
      // loading and covering: load, lade, pile, heap, stack, cover, strew, litter, scatter).
      {"loaded|laden|piled|heaped|stacked|covered|strewn|littered|scattered|cluttered with",
       M::kLadenWith, true},
      {"piled|heaped|stacked high with", M::kLadenWith, true},
      {"covered|strewn|littered|scattered in", M::kLadenWith, true},
      // A cloth or a garment laid over a thing rests on it ("a shawl draped over the chair").
      {"draped|thrown|slung|flung|tossed|spread|folded|laid over|across|on", M::kOn, true},
      {"up|flush|right against", M::kAgainst, true},
      {"in|inside|within|into", M::kIn, true},
      {"inside of", M::kIn, true},
      {"at", M::kAt, true},
      {"from", M::kFrom, true},
      {"along|lining", M::kAlong, true},
      {"line|lines the|both|all", M::kAlong, true},
      {"far|well|way| away from", M::kFar, true},
      {"far|distant from", M::kFar, true},
      {"far away from", M::kFar, true},
      {"at a distance from", M::kFar, true},
      {"at some distance from", M::kFar, true},
      {"at a good|safe|fair|great distance from", M::kFar, true},
      {"a long way from", M::kFar, true},
      // "a truck parked some way off": far from the thing in focus (the implicit reference).
      {"some|a way off|away", M::kFar, true},
      {"a long|little|good way off|away", M::kFar, true},
      {"far off", M::kFar, true},
      {"far|well|wide| apart", M::kFarApart, false},
      {"far|well away from each other", M::kFarApart, false},
      {"far|well away from one another", M::kFarApart, false},
      {"to|on|at the left of", M::kLeftOf, true},
      {"to|on|at the left side|hand of", M::kLeftOf, true},
      {"to|on|at the left-hand side of", M::kLeftOf, true},
      {"left of", M::kLeftOf, true},
      {"to|on|at its left", M::kLeftOf, true},
      {"to the left", M::kLeftOf, true},
      // "a globe on the left", "at the right-hand side": a side of the thing in focus when no
      // owner follows (a named wall, "on the left wall", is a noun phrase: see ShorterIfCompound).
      {"on|at the left", M::kLeftOf, true},
      {"to|on|at the left side|hand|flank", M::kLeftOf, true},
      {"to|on|at the left-hand side", M::kLeftOf, true},
      {"to|on|at the right of", M::kRightOf, true},
      {"to|on|at the right side|hand of", M::kRightOf, true},
      {"to|on|at the right-hand side of", M::kRightOf, true},
      {"right of", M::kRightOf, true},
      {"to|on|at its right", M::kRightOf, true},
      {"to the right", M::kRightOf, true},
      {"on|at the right", M::kRightOf, true},
      {"to|on|at the right side|hand|flank", M::kRightOf, true},
      {"to|on|at the right-hand side", M::kRightOf, true},
      {"in|at the front of", M::kInFrontOf, true},
      {"directly|right|just| in front of|", M::kInFrontOf, true},
      // "before" as a preposition of place ("a rug before the hearth"), and "out front" (of the
      // thing the phrase hangs on: "a hut with a chair out front").
      {"directly|right|just| before", M::kInFrontOf, true},
      {"out front", M::kInFrontOf, true},
      {"behind|beyond", M::kBehind, true},
      {"directly|right|just behind", M::kBehind, true},
      {"in|at the back|rear of", M::kBehind, true},
      {"in back of", M::kBehind, true},
      {"facing|faces|face", M::kFacing, true},
      {"facing|faces|face|turned|oriented|angled|looking|pointing|pointed|points|aims "
       "toward|towards",
       M::kFacing, true},
      {"looking|pointed|pointing|points|aimed|aims at", M::kFacing, true},
      {"looking|looks|look|gazing|gazes|gaze|staring|stares|peering out|through", M::kFacing, true},
      {"looking|looks|look|gazing|gazes|gaze|staring|stares|peering out of", M::kFacing, true},
      {"pointing|points|pointed|aimed|aiming out|through", M::kFacing, true},
      {"pointing|points|pointed|aimed|aiming out of", M::kFacing, true},
      {"facing|turned|looking|faces|face away from", M::kFacingAway, true},
      {"with its|their back|backs to", M::kFacingAway, true},
      {"opposite|across to|from|", M::kAcross, true},
      {"directly|right opposite|across to|from|", M::kAcross, true},
      {"on the opposite side of|from", M::kAcross, true},
      {"on the other side of", M::kAcross, true},
      {"across the room|floor|hall|space from", M::kAcross, true},
      {"on the other|opposite|far side of the room from", M::kAcross, true},
      {"opposite each other", M::kAcrossEachOther, false},
      {"opposite one another", M::kAcrossEachOther, false},
      {"across from each other", M::kAcrossEachOther, false},
      {"across from one another", M::kAcrossEachOther, false},
      {"facing|face each other across the room|floor|hall|space", M::kAcrossEachOther, false},
      {"facing|face one another across the room|floor|hall|space", M::kAcrossEachOther, false},
      {"between|betwixt", M::kBetween, true},
      {"in between", M::kBetween, true},
      {"around|surrounding|encircling|circling|ringing", M::kAround, true},
      {"surround|surrounds|encircle|encircles", M::kAround, true},
      {"arranged|placed|gathered|set|grouped|clustered|pulled|spaced all|evenly| around|round",
       M::kAround, true},
      {"all around", M::kAround, true},
      // "round" as a preposition, only before a determiner ("six chairs round the table"; "a
      // round table" is a shape).
      {"all| round the|a|an|its|their|each", M::kAround, true},
      {"evenly|equally|regularly spaced|placed|set|arranged|distributed around|round", M::kAround,
       true},
      {"surrounded|encircled|ringed|circled|framed by", M::kSurroundedBy, true},
      {"flanked by", M::kFlankedBy, true},
      {"flanking|flank|flanks", M::kFlanking, true},
      {"one| on|at|to each|either|both side|sides|end|ends of", M::kFlanking, true},
      {"either side of", M::kFlanking, true},
      {"on opposite sides|ends of", M::kFlanking, true},
      {"one| on|at|to each|either|both side|sides|end|ends", M::kEachSide, true},
      // "on both long sides of the table": the sides' length does not change the phrase.
      {"on|at|to|along each|either|both long|short|longer|shorter side|sides|end|ends of",
       M::kFlanking, true},
      {"on|at|to|along each|either|both long|short|longer|shorter side|sides|end|ends",
       M::kEachSide, true},
      {"on opposite sides|ends", M::kEachSide, true},
      {"at|on|to the|both sides|ends of", M::kFlanking, true},
      {"at|on|to the|both sides|ends", M::kEachSide, true},
      // "a bench to one side": beside the thing in focus (the reader: the centrepiece).
      {"off| to|on|at one side", M::kNear, true},
      {"off| to|on|at one side of", M::kNear, true},
      {"at|by|near the foot of", M::kAtFoot, true},
      {"at|by|near|on|along the edge|edges|rim|border of", M::kNear, true},
      {"at|by|near the end of", M::kAtEnd, true},
      {"at|by|near|on one end of", M::kAtEnd, true},
      {"at|by|near the far|other end of", M::kAtEnd, true},
      // "a mat outside the door": beside it (a phrase that opens the text is the setting's,
      // reader_places.cc).
      {"outside of|", M::kNear, true},
      {"at|by its foot", M::kAtFoot, true},
      {"at the head of", M::kAtHead, true},
      {"at its head", M::kAtHead, true},
      {"along|on|by|at the|one|a|its long side|sides|edge of|", M::kAlongLongSide, true},
      {"along|on|by|at the|one|a|its short side|sides|edge|end of|", M::kAlongShortSide, true},
      // "along one side of the pool": beside it (several in a row), not against a wall.
      {"along|down|on|by one|a side of|", M::kAlongLongSide, true},
      {"in|at the middle|center|centre of", M::kMiddleOf, true},
      {"in|at the very middle|center|centre of", M::kMiddleOf, true},
      {"centred|centered", M::kCenter, false},
      // "a table down the middle": the middle of the room; "down the centre of the table": on it.
      {"down|along|through|up the middle|center|centre", M::kCenter, false},
      {"down|along|through|up the middle|center|centre of", M::kMiddleOf, true},
      // "centred on the table": on it; "centred on the back wall": against it (the builder).
      {"centred|centered on|upon", M::kMiddleOf, true},
      {"bigger|larger|wider than", M::kLarger, true},
      {"smaller|narrower than", M::kSmaller, true},
      {"taller|higher than", M::kTaller, true},
      {"parallel to|with", M::kParallel, true},
      {"in parallel", M::kParallelEachOther, false},
      {"parallel to|with each other", M::kParallelEachOther, false},
      {"parallel to|with one another", M::kParallelEachOther, false},
      {"stand|stands|standing|placed|set|arranged parallel", M::kParallelEachOther, false},
      {"perpendicular to", M::kPerpendicular, true},
      {"at right angles to", M::kPerpendicular, true},
      {"at a right angle to", M::kPerpendicular, true},
      {"in a|one|single|straight row|line|column|file", M::kRow, false},
      {"in a straight line", M::kRow, false},
      {"lined up|", M::kRow, false},
      {"in line", M::kRow, false},
      {"side by side", M::kRow, false},
      // "evenly spaced on the wall": a row at even intervals (RELATIONS.md's row).
      {"evenly|equally|regularly spaced|placed|set|distributed", M::kRow, false},
      {"spaced evenly|equally|regularly|", M::kRow, false},
      {"at even|equal|regular intervals", M::kRow, false},
      {"next to|beside each other", M::kRow, false},
      {"next to one another", M::kRow, false},
      {"from left to right", M::kRow, false},
      {"in a circle|ring", M::kCircle, false},
      {"forming|in|making a circle|ring", M::kCircle, false},
      // A shape said with the quantity nouns of an arrangement (`QuantityNouns`) after "in a" or
      // the verb "form" / "make": "five crates in a stack", "the stools form a line".
      {"form|forms|formed|make|makes|made a|one circle|ring", M::kCircle, false},
      {"form|forms|formed|forming|make|makes|made|making a|one|single row|line|column", M::kRow,
       false},
      {"in|into a|one|single stack|pile|tower", M::kStack, false},
      {"form|forms|formed|forming|make|makes|made|making a|one|single stack|pile|tower", M::kStack,
       false},
      {"form|forms|formed|forming|make|makes|made|making a grid", M::kGrid, false},
      {"in a grid|formation", M::kGrid, false},
      {"in rows", M::kGrid, false},
      {"in two|three|four|five|six|several|multiple|parallel rows|columns|lines|files", M::kGrid,
       false},
      {"in rows and columns", M::kGrid, false},
      {"in columns|lines", M::kGrid, false},
      {"in a grid pattern", M::kGrid, false},
      {"stacked|piled up|", M::kStack, false},
      {"stacked|piled| on top of each other", M::kStack, false},
      {"stacked|piled| on top of one another", M::kStack, false},
      {"stacked on each other", M::kStack, false},
      {"one on top of the other|another", M::kStack, false},
      {"of|in decreasing|descending size|height", M::kHierarchy, false},
      {"from largest|biggest|tallest to smallest|shortest", M::kHierarchy, false},
      {"from big to small", M::kHierarchy, false},
      {"in order of size", M::kHierarchy, false},
      {"decreasing in size|height", M::kHierarchy, false},
      {"getting smaller", M::kHierarchy, false},
      {"facing|face each other", M::kFacingEachOther, false},
      {"facing|face one another", M::kFacingEachOther, false},
      {"grouped|clustered|gathered together", M::kCluster, false},
      {"in a cluster|group|bunch", M::kCluster, false},
      {"wall-mounted", M::kOnWall, false},
      {"wall mounted", M::kOnWall, false},
  };
  return patterns;
}

// Expands one pattern word by word: every alternative of every slot ("" = the slot is left out).
void Expand(const std::vector<std::vector<std::string>>& slots, size_t k,
            std::vector<std::string>* prefix, const Pattern& pattern,
            std::vector<SpatialPhrase>* out) {
  if (k == slots.size()) {
    if (!prefix->empty()) out->push_back({*prefix, pattern.meaning, pattern.takes_reference});
    return;
  }
  for (const std::string& alternative : slots[k]) {
    if (alternative.empty()) {
      Expand(slots, k + 1, prefix, pattern, out);
      continue;
    }
    prefix->push_back(alternative);
    Expand(slots, k + 1, prefix, pattern, out);
    prefix->pop_back();
  }
}

// Chat spellings of closed-class words and of "people", and the word they spell ("n" and, "em"
// them, "ppl" people).
const std::map<std::string_view, std::string_view>& ChatSpellings() {
  static const std::map<std::string_view, std::string_view> table = {
      {"n", "and"}, {"em", "them"}, {"ppl", "people"}, {"cuz", "because"}, {"bc", "because"},
  };
  return table;
}

}  // namespace

std::string_view ChatSpellingOf(std::string_view word) {
  auto it = ChatSpellings().find(word);
  return it == ChatSpellings().end() ? word : it->second;
}

WordClass ClassOf(std::string_view word) {
  auto it = ClassTable().find(word);
  return it == ClassTable().end() ? WordClass::kOpen : it->second;
}

std::optional<DeterminerInfo> Determiner(std::string_view word) {
  auto it = Determiners().find(word);
  if (it == Determiners().end()) return std::nullopt;
  return it->second;
}

std::optional<long> NumberValue(std::string_view word) {
  if (auto it = NumberWords().find(word); it != NumberWords().end()) return it->second;
  std::string digits;
  for (char c : word) {
    if (c != ',') digits += c;
  }
  if (!digits.empty() && std::all_of(digits.begin(), digits.end(),
                                     [](unsigned char c) { return std::isdigit(c) != 0; })) {
    return digits.size() > 9 ? 1000000000L : std::stol(digits);
  }
  // "twenty-four": tens and units.
  if (const size_t dash = word.find('-'); dash != std::string_view::npos) {
    const auto tens = NumberWords().find(word.substr(0, dash));
    const auto units = NumberWords().find(word.substr(dash + 1));
    if (tens != NumberWords().end() && units != NumberWords().end() && tens->second >= 20 &&
        tens->second < 100 && tens->second % 10 == 0 && units->second >= 1 && units->second <= 9) {
      return tens->second + units->second;
    }
  }
  return std::nullopt;
}

bool IsMultiplier(std::string_view word) {
  return word == "hundred" || word == "thousand" || word == "million";
}

const QuantityNoun* FindQuantityNoun(std::string_view word) {
  for (const QuantityNoun& q : QuantityNouns()) {
    if (q.word == word) return &q;
  }
  return nullptr;
}

RoomPart RoomPartOf(std::string_view lemma) {
  static const std::map<std::string_view, RoomPart> table = {
      {"wall", RoomPart::kWall},       {"floor", RoomPart::kFloor},   {"ground", RoomPart::kFloor},
      {"ceiling", RoomPart::kCeiling}, {"corner", RoomPart::kCorner}, {"door", RoomPart::kDoor},
      {"doorway", RoomPart::kDoor},    {"entrance", RoomPart::kDoor}, {"window", RoomPart::kWindow},
      {"room", RoomPart::kRoom},       {"middle", RoomPart::kMiddle}, {"center", RoomPart::kMiddle},
      {"centre", RoomPart::kMiddle},   {"exit", RoomPart::kDoor},     {"entry", RoomPart::kDoor},
  };
  auto it = table.find(lemma);
  return it == table.end() ? RoomPart::kNone : it->second;
}

bool IsFrameNoun(std::string_view lemma) {
  return lemma == "scene" || lemma == "setup" || lemma == "layout" || lemma == "arrangement" ||
         lemma == "composition" || lemma == "rendering" || lemma == "render" ||
         lemma == "setting" || lemma == "space" || lemma == "area" || lemma == "spot";
}

std::string_view WallSide(std::string_view word) {
  if (word == "back" || word == "far" || word == "rear" || word == "north") return "back";
  if (word == "left" || word == "west") return "left";
  if (word == "right" || word == "east") return "right";
  if (word == "front" || word == "near" || word == "south") return "front";
  // The walls of any floor plan by their length (core/room.h, ResolveWall).
  if (word == "long" || word == "longer" || word == "longest") return "long";
  if (word == "short" || word == "shorter" || word == "shortest") return "short";
  return "";
}

bool IsPositionWord(std::string_view word) {
  for (const char* w : {"top",   "bottom", "middle", "centre",  "center",   "end",     "upper",
                        "lower", "front",  "back",   "rear",    "left",     "right",   "first",
                        "last",  "outer",  "inner",  "nearest", "farthest", "furthest"}) {
    if (word == w) return true;
  }
  return false;
}

int MemberAtPosition(std::string_view word, long count) {
  if (count < 2) return -1;
  const int last = static_cast<int>(count) - 1;
  for (const char* w :
       {"first", "leftmost", "left", "bottom", "bottommost", "lowermost", "lower", "low"}) {
    if (word == w) return 0;
  }
  for (const char* w :
       {"last", "end", "rightmost", "right", "top", "topmost", "uppermost", "upper", "high"}) {
    if (word == w) return last;
  }
  if (word == "middle" || word == "centre" || word == "center" || word == "central" ||
      word == "midmost") {
    return last / 2 + (last % 2);  // of an even count, the later of the two middle ones
  }
  const char* const kOrdinals[] = {"second", "third", "fourth", "fifth"};
  for (int k = 0; k < 4; ++k) {
    if (word == kOrdinals[k]) return std::min(k + 1, last);
  }
  return -1;
}

const std::vector<SpatialPhrase>& SpatialPhrases() {
  static const std::vector<SpatialPhrase> phrases = [] {
    std::vector<SpatialPhrase> out;
    for (const Pattern& pattern : Patterns()) {
      std::vector<std::vector<std::string>> slots;
      for (const std::string& slot : Split(pattern.words, ' ')) slots.push_back(Split(slot, '|'));
      std::vector<std::string> prefix;
      Expand(slots, 0, &prefix, pattern, &out);
    }
    std::stable_sort(out.begin(), out.end(), [](const SpatialPhrase& a, const SpatialPhrase& b) {
      return a.words.size() > b.words.size();
    });
    return out;
  }();
  return phrases;
}

const SpatialPhrase* MatchSpatialPhrase(const std::vector<std::string>& words, size_t i) {
  // Phrases are sorted longest first, so the first match is the longest.
  for (const SpatialPhrase& phrase : SpatialPhrases()) {
    if (i + phrase.words.size() > words.size()) continue;
    if (std::equal(phrase.words.begin(), phrase.words.end(), words.begin() + i)) return &phrase;
  }
  return nullptr;
}

}  // namespace scenecraft
