#include "scenecraft/lang/lengths.h"

#include <cctype>
#include <cstdlib>
#include <set>

namespace scenecraft::lengths {

std::optional<double> NumberWord(const std::string& w) {
  static const char* const kWords[] = {"zero",  "one",   "two",  "three", "four",   "five",  "six",
                                       "seven", "eight", "nine", "ten",   "eleven", "twelve"};
  for (int i = 0; i < 13; ++i) {
    if (w == kWords[i]) return i;
  }
  return std::nullopt;
}

std::optional<double> UnitScale(const std::string& w, bool strict) {
  static const std::set<std::string> metres = {"m", "metre", "metres", "meter", "meters"};
  static const std::set<std::string> centimetres = {"cm", "centimetre", "centimetres", "centimeter",
                                                    "centimeters"};
  static const std::set<std::string> feet = {"ft", "foot", "feet"};
  static const std::set<std::string> inches = {"inch", "inches"};
  if (metres.count(w)) return 1.0;
  if (centimetres.count(w)) return 0.01;
  if (feet.count(w)) return 0.3048;
  if (inches.count(w) || (!strict && w == "in")) return 0.0254;
  return std::nullopt;
}

std::vector<Token> Lex(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    Token t;
    t.begin = static_cast<int>(i);
    if (std::isalpha(c)) {
      while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
        t.text += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        ++i;
      }
      t.word = true;
      t.number = NumberWord(t.text);
    } else if (std::isdigit(c)) {
      while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) ||
                                 (text[i] == '.' && i + 1 < text.size() &&
                                  std::isdigit(static_cast<unsigned char>(text[i + 1]))))) {
        t.text += text[i++];
      }
      t.number = std::strtod(t.text.c_str(), nullptr);
    } else if (c == 0xC3 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x97) {
      t.text = "x";  // the multiplication sign
      i += 2;
    } else {
      ++i;
      if (std::isspace(c) || c == '-') continue;  // "L-shaped", "2-metre" read like "L shaped"
      t.text = std::string(1, static_cast<char>(c));
    }
    t.end = static_cast<int>(i);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace scenecraft::lengths
