// Stage 1 of the offline planner: words with their spans, base forms and the parts of speech
// WordNet allows, plus the closed class each belongs to (lexicon.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/lang/lexicon.h"

namespace scenecraft {

struct Word {
  std::string text;   // lower case
  std::string lemma;  // the noun's base form ("shelves" -> "shelf") or the word itself
  std::string typed;  // the word as typed when a slip was corrected ("teh"), else empty
  int begin = 0;      // byte offsets in the prompt
  int end = 0;
  bool punct = false;       // , . ; : ! ? ( )
  bool possessive = false;  // the "'s" split off "the bed's"
  WordClass word_class = WordClass::kOpen;
  // Parts of speech WordNet knows the word in (any of its forms).
  bool noun = false;
  bool adjective = false;
  bool verb = false;
  bool known = false;          // WordNet or a closed class knows the word
  bool plural = false;         // a noun form whose base form differs ("chairs")
  bool capitals = false;       // typed in capitals, two letters or more ("IV", "TV", "PA")
  std::optional<long> number;  // a number word or digits
  // Tag counts of the word's senses in WordNet's tagged texts, as a noun, a verb and an
  // adjective (looked up only for words that are more than one of them).
  int noun_frequency = 0;
  int verb_frequency = 0;
  int adjective_frequency = 0;
};

// Splits text into words and punctuation. Hyphenated words stay one word ("king-size");
// "bed's" becomes "bed" and a possessive "'s"; numbers keep their thousands commas ("10,000").
std::vector<Word> Tokenize(std::string_view text);

// Fills base forms, closed classes and parts of speech. Typing slips in words no dictionary knows
// are corrected first (spelling.h), and the word keeps what was typed.
void TagWords(std::vector<Word>* words);

// Whether words[i] is a sentence boundary (. ! ? ;).
bool IsSentenceEnd(const Word& word);

}  // namespace scenecraft
