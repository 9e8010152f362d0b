// The words of lengths in the raw text, shared by the readers of the room's shape (room_shape.h)
// and of the sizes the text gives things (measure.h): a token is a run of letters, a number
// (digits with an optional decimal part, or a number word) or one other character, with its byte
// offsets. Number words and units are closed classes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scenecraft::lengths {

struct Token {
  std::string text;  // lower case
  int begin = 0;
  int end = 0;
  std::optional<double> number;
  bool word = false;
};

// "zero" to "twelve"; nullopt for any other word.
std::optional<double> NumberWord(const std::string& w);
// Metres per unit (m, metre(s), meter(s), cm, centimetre(s), ft, foot, feet, in, inch(es));
// nullopt when the word is no unit of length. `strict` leaves out "in", which is also a
// preposition: only right after a number is it read as inches.
std::optional<double> UnitScale(const std::string& w, bool strict = true);
// The tokens of `text`; spaces and hyphens ("L-shaped", "2-metre") separate tokens and are no
// tokens themselves; the multiplication sign reads as "x".
std::vector<Token> Lex(std::string_view text);

}  // namespace scenecraft::lengths
