// Stage 2 of the offline planner: tagged words into a flat sequence of items: noun phrases (with
// their count, attributes and compound category), spatial phrases, and the function words that
// join them ("and", "with", "of", relative pronouns, verbs).
#pragma once

#include <string>
#include <vector>

#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/tagger.h"

namespace scenecraft {

struct NounPhrase {
  int head = -1;                        // word index of the head noun, -1 for a pronoun
  std::string category;                 // the user's noun with its compound ("hamster cage")
  std::vector<int> category_words;      // word indices of the category
  std::vector<std::string> attributes;  // description words, in text order
  std::vector<int> attribute_words;
  long count = -1;  // the count the text states, -1 when none
  bool definite = false;
  bool distributive = false;  // "each", "every": one per member of a group
  bool partitive = false;     // "one of the chairs": a member of a group already there
  // "each pair of beds": every two neighbours of a group already there (no new things).
  bool pairwise = false;
  bool every = false;  // "both of them", "all of them", "both": every member of a group named
  bool plural = false;
  bool negated = false;     // "no rug": nothing to build
  bool determined = false;  // a determiner, number or quantity noun opens it
  bool placed = false;      // a spatial phrase follows it (after its verb, if any)
  bool requester = false;   // a person who wants, needs or asks: no thing of the scene
  bool each = false;        // "with two chairs each": that many per member of the host
  bool recount = false;     // "make that six lanterns": the corrected count of things named before
  std::string arrangement;  // from "a row of", "a stack of": a RELATIONS.md type
  long groups = -1;         // "rows of chairs": 0 (several, not counted), "three rows of": 3
  std::string pronoun;      // "it", "them", "both", "latter", "former", "other", "one"
  RoomPart room_part = RoomPart::kNone;
  std::string wall_side;  // for a wall: "back", "left", "right", "front" or ""
};

enum class ItemKind {
  kNoun,        // a noun phrase or a pronoun
  kSpatial,     // a spatial phrase
  kAnd,         // and, or, plus, as well as
  kComma,       // , : ( )
  kEnd,         // . ! ? ;
  kWith,        // with, has, featuring ...: what follows belongs to the thing before
  kOf,          // of (after a noun phrase: its contents or material)
  kFor,         // for (a purpose: "a desk for homework")
  kMadeOf,      // made of, made from
  kRelative,    // that, which, who: a relative clause about the noun before
  kVerb,        // a verb that is not a spatial phrase ("sits", "stands")
  kPredicate,   // adjectives with no noun after a verb ("the sofa is red")
  kPossessive,  // 's
  kNegation,    // without
  kFunction,    // any other closed-class word
  kRecount,     // "five of them", "four in all": the number of the things just named
};

struct Item {
  ItemKind kind = ItemKind::kFunction;
  int first = 0;  // word indices, inclusive
  int last = 0;
  NounPhrase np;                          // for kNoun
  const SpatialPhrase* phrase = nullptr;  // for kSpatial
  std::vector<std::string> words;         // for kPredicate: the adjectives
  long count = -1;                        // for kRecount
};

std::vector<Item> Chunk(const std::vector<Word>& words);

// Word spans as text ("[3..5] a red chair") for tests and logs.
std::string ItemToString(const Item& item, const std::vector<Word>& words);

}  // namespace scenecraft
