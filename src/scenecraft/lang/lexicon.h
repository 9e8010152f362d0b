// The planner's closed word classes: determiners, number words, pronouns, conjunctions, the
// words of a request's frame, the parts of a room and the spatial phrases of English. Open
// classes (nouns, adjectives, verbs) come from WordNet, never from a list. The tables themselves
// live in lexicon_data.cc, apart from the code that reads them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scenecraft {

// What a closed-class word is; kOpen for every other word (WordNet decides those).
enum class WordClass {
  kOpen,
  kDeterminer,   // a, the, each, my ... (see DeterminerInfo)
  kNumber,       // one, two, twenty, hundred, 12
  kPronoun,      // it, them, they, both, either ...
  kConjunction,  // and, or, plus
  kPreposition,  // a preposition that begins no spatial phrase: of, with, for, from ...
  kFunction,     // the frame of a sentence or request: is, are, there, i, want, please ...
  kRelative,     // that, which, who, where: begins a relative clause
  kNegation,     // no, without
};

WordClass ClassOf(std::string_view word);

struct DeterminerInfo {
  int count = -1;             // the count it states ("a" 1, "both" 2), -1 when it states none
  bool definite = false;      // the, this, my, its: names something already there
  bool distributive = false;  // each, every: one per member of a group
};
std::optional<DeterminerInfo> Determiner(std::string_view word);

// A number word or digits ("seven" 7, "twelve" 12, "24" 24, "dozen" 12); nullopt otherwise.
// "hundred", "thousand" and "million" are multipliers (see IsMultiplier).
std::optional<long> NumberValue(std::string_view word);
bool IsMultiplier(std::string_view word);

// Nouns of quantity and arrangement that stand before "of" ("a pair of", "a row of", "a stack
// of"): the count they imply (0 when none) and the arrangement relation they name ("" when none).
struct QuantityNoun {
  std::string_view word;
  int count;
  std::string_view arrangement;  // a RELATIONS.md type: "row", "stack", "circle", "cluster" ...
};
const QuantityNoun* FindQuantityNoun(std::string_view word);

// Parts of a room the text may refer to but that are not objects to build.
enum class RoomPart { kNone, kWall, kFloor, kCeiling, kCorner, kDoor, kWindow, kRoom, kMiddle };
RoomPart RoomPartOf(std::string_view lemma);

// Nouns that name the request itself ("scene", "layout"), accounted for by the whole plan.
bool IsFrameNoun(std::string_view lemma);

// Wall names: "back", "far" and "rear" are the back wall, and so on; "" when not a wall side.
std::string_view WallSide(std::string_view word);

// Words that say which member of a group is meant by its place in it ("the top crate", "the
// bottom shelf", "the end stool").
bool IsPositionWord(std::string_view word);
// Which member of a group of `count` (>= 2) a position word picks, or -1 when it picks none (a
// closed class): first, leftmost, bottom, lower, low -> the first; last, end, rightmost, top,
// upper, high -> the last (a stack's members go up from the first, RELATIONS.md `stack`);
// middle, centre, central -> the middle one; second ... fifth -> that one.
int MemberAtPosition(std::string_view word, long count);

// What a spatial phrase means. Phrases that take a reference are followed by a noun phrase (or
// refer to the thing already in focus when none follows: "with a monitor on top").
enum class Meaning {
  kOn,
  kUnder,
  kAbove,
  kNear,
  kAgainst,
  kIn,
  kAt,
  kFrom,
  kAlong,
  kFar,
  kLeftOf,
  kRightOf,
  kInFrontOf,
  kBehind,
  kFacing,
  kFacingAway,
  kAcross,
  kBetween,
  kAround,
  kSurroundedBy,
  kFlankedBy,
  kFlanking,
  kEachSide,
  kAtFoot,
  // "at the end of": a bed's foot, else beside it (the reader decides by the reference).
  kAtEnd,
  kAtHead,
  kAlongLongSide,
  kAlongShortSide,
  kMiddleOf,
  kLarger,
  kSmaller,
  kTaller,
  kParallel,
  kPerpendicular,
  // Arrangements of the subject group, with no reference.
  kRow,
  kCircle,
  kGrid,
  kStack,
  kHierarchy,
  kFacingEachOther,
  kCluster,
  // Unary placements that need no noun ("wall-mounted", "in the middle", "overhead").
  kOnWall,
  kCenter,
  kHanging,
  // Pairs within the subject group, with no reference: "opposite each other" (across), "far
  // apart" (far), "in parallel" (parallel). The reader relates the group's members.
  kAcrossEachOther,
  kFarApart,
  kParallelEachOther,
  // "hanging from a beam": the subject hangs, beside what it hangs from.
  kHangingFrom,
  // "a cabinet full of trophies": the reference is in (or on) the subject.
  kHolding,
  // "a cart piled with boxes", "a desk covered in maps": the reference lies on the subject, or in
  // it when the subject is a container.
  kLadenWith,
  // "a fan hanging above the bed": the subject hangs, above the reference.
  kHangingAbove,
};

struct SpatialPhrase {
  std::vector<std::string> words;
  Meaning meaning;
  bool takes_reference;  // a noun phrase follows (or the focus is meant)
};

// Every spatial phrase, longest first.
const std::vector<SpatialPhrase>& SpatialPhrases();

// The longest spatial phrase at words[i...]; nullptr when none starts there.
const SpatialPhrase* MatchSpatialPhrase(const std::vector<std::string>& words, size_t i);

}  // namespace scenecraft
