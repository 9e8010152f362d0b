#include "scenecraft/lang/tagger.h"

#include <wn.h>

#include <algorithm>
#include <cctype>

#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/spelling.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

bool IsWordByte(unsigned char c) {
  return std::isalnum(c) || c >= 0x80;
}

// Contractions whose "'s" is "is" or "us", not a possessive.
bool IsContraction(std::string_view word) {
  return word == "it's" || word == "there's" || word == "here's" || word == "let's" ||
         word == "what's" || word == "that's" || word == "who's" || word == "where's";
}

// The bytes of the dash at text[i] (a hyphen, or an en or em dash in UTF-8), 0 if none.
size_t DashBytes(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  if (text[i] == '-') return 1;
  const std::string_view three = text.substr(i, 3);
  return three == "\u2013" || three == "\u2014" ? 3 : 0;
}

Word MakeWord(std::string text, size_t begin, size_t end) {
  Word w;
  w.text = std::move(text);
  w.begin = static_cast<int>(begin);
  w.end = static_cast<int>(end);
  return w;
}

// "'s" before a spatial phrase is "is" ("the sofa's along the back wall"): a phrase that a
// preposition begins is nothing a thing owns. A phrase of one word only when a determiner or
// number follows it ("the lamp's on the desk"; "the shop's front window" keeps its owner); and
// before a participle a spatial phrase follows ("the rake's hanging on the wall").
void ContractionsOfIs(std::vector<Word>* words) {
  std::vector<std::string> texts;
  texts.reserve(words->size());
  for (const Word& w : *words) texts.push_back(w.text);
  for (size_t k = 0; k + 1 < words->size(); ++k) {
    Word& w = (*words)[k];
    // (Only the "X's" form: "the players' chairs" is a plural's possessive.)
    if (!w.possessive || k == 0 || (*words)[k - 1].end != w.begin || w.end - w.begin != 2) continue;
    const SpatialPhrase* phrase = MatchSpatialPhrase(texts, k + 1);
    const size_t after = k + 2;
    const bool determined = after < texts.size() && !(*words)[after].punct &&
                            (Determiner(texts[after]) || NumberValue(texts[after]));
    const bool before_phrase = phrase != nullptr && (phrase->words.size() >= 2 || determined);
    // A participle a spatial phrase follows is the verb of "is" ("the cat's sleeping by ...");
    // WordNet is asked only when no phrase follows.
    const std::string& next = texts[k + 1];
    if (!before_phrase && !(EndsWith(next, "ing") && MatchSpatialPhrase(texts, k + 2) != nullptr &&
                            !WordNet::Get().VerbBase(next).empty())) {
      continue;
    }
    w.text = "is";
    w.possessive = false;
  }
}

}  // namespace

std::vector<Word> Tokenize(std::string_view text) {
  std::vector<Word> words;
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    // A dash standing alone ("-", "--", an en or em dash) separates as a comma does; it is one
    // token "-" (a hyphen inside a word joins it, below).
    if (DashBytes(text, i) > 0) {
      size_t j = i;
      while (const size_t n = DashBytes(text, j)) j += n;
      Word w = MakeWord("-", i, j);
      w.punct = true;
      words.push_back(w);
      i = j;
      continue;
    }
    if (IsWordByte(c)) {
      size_t j = i;
      while (j < text.size()) {
        const unsigned char d = static_cast<unsigned char>(text[j]);
        // Inner apostrophes and hyphens join ("king-size", "bed's"); a comma joins digits
        // ("10,000").
        const bool next_alnum =
            j + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[j + 1]));
        auto digit = [&](size_t k) {
          return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])) != 0;
        };
        const bool digit_comma = d == ',' && j > i && digit(j - 1) && digit(j + 1) &&
                                 digit(j + 2) && digit(j + 3) && !digit(j + 4);
        const bool inner = ((d == '\'' || d == '-') && next_alnum) || digit_comma;
        if (!(IsWordByte(d) || inner)) break;
        ++j;
      }
      std::string word = ToLower(text.substr(i, j - i));
      // "w/" is how people type "with" ("a lounge w/ a fireplace"), a closed-class abbreviation.
      if (word == "w" && j < text.size() && text[j] == '/' &&
          (j + 1 == text.size() || std::isalnum(static_cast<unsigned char>(text[j + 1])) == 0)) {
        words.push_back(MakeWord("with", i, j + 1));
        i = j + 1;
        continue;
      }
      const std::string_view typed = text.substr(i, j - i);
      const bool capitals =
          typed.size() >= 2 && std::all_of(typed.begin(), typed.end(), [](char letter) {
            return (letter >= 'A' && letter <= 'Z') || letter == '-';
          });
      if (EndsWith(word, "'s") && word.size() > 2 && !IsContraction(word)) {
        words.push_back(MakeWord(word.substr(0, word.size() - 2), i, j - 2));
        Word possessive;
        possessive.text = "'s";
        possessive.begin = static_cast<int>(j - 2);
        possessive.end = static_cast<int>(j);
        possessive.possessive = true;
        words.push_back(possessive);
      } else if (j < text.size() && text[j] == '\'' && EndsWith(word, "s")) {
        // A plural's possessive: "the players' chairs".
        words.push_back(MakeWord(word, i, j));
        Word possessive;
        possessive.text = "'s";
        possessive.begin = static_cast<int>(j);
        possessive.end = static_cast<int>(j + 1);
        possessive.possessive = true;
        words.push_back(possessive);
        ++j;
      } else {
        // Chat spellings typed in lower case ("salt n vinegar", "3 of em") are the words they
        // spell; "N" or "EM" in capitals is a name.
        words.push_back(MakeWord(typed == word ? std::string(ChatSpellingOf(word)) : word, i, j));
        words.back().capitals = capitals;
      }
      i = j;
    } else if ((c == '+' || c == '&') &&
               !(i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1])) != 0)) {
      // "a hob + sink", "a desk & chair": a sign typed for "and" (not "3+" or "R&D").
      words.push_back(MakeWord("and", i, i + 1));
      ++i;
    } else if (c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(' ||
               c == ')') {
      Word w;
      w.text = std::string(1, static_cast<char>(c));
      w.begin = static_cast<int>(i);
      w.end = static_cast<int>(i + 1);
      w.punct = true;
      words.push_back(w);
      ++i;
    } else {
      ++i;
    }
  }
  ContractionsOfIs(&words);
  return words;
}

namespace {

// Whether correcting an unknown word to the noun `fixed` before the noun at `next` would name
// another thing than the user's: a word no dictionary knows before a noun is the user's own
// modifier ("a foosball table" is no football table) unless the correction makes a compound
// WordNet knows ("a cofee table") or is no noun ("a wodden table").
bool NamesAnotherThing(const std::string& fixed, const std::vector<Word>& words, size_t next,
                       WordNet& wordnet) {
  if (next >= words.size() || words[next].punct || words[next].possessive) return false;
  const std::string& noun = words[next].text;
  // (A closed-class word after it is no noun, whatever WordNet files under it: "in" is also
  // indium, "by" a bye.)
  if (IsClosedClassWord(noun)) return false;
  if (wordnet.NounBase(noun).empty() || wordnet.NounBase(fixed).empty()) return false;
  if (wordnet.IsAdjective(fixed) || ClassOf(fixed) != WordClass::kOpen) return false;
  return !wordnet.IsNoun(fixed + " " + noun) && !wordnet.IsNoun(fixed + noun);
}

}  // namespace

void TagWords(std::vector<Word>* words) {
  WordNet& wordnet = WordNet::Get();
  // Slips first: "teh" -> "the", "infront" -> "in front" (the two words share the span).
  std::vector<Word> corrected;
  corrected.reserve(words->size());
  // A word typed in capitals among words that are not is an abbreviation, a noun ("an IV stand",
  // "a PA speaker"); a text typed all in capitals says nothing by it.
  size_t capitals = 0, open = 0;
  for (const Word& w : *words) {
    if (w.punct || w.possessive) continue;
    ++open;
    capitals += w.capitals;
  }
  if (capitals * 3 > open) {
    for (Word& w : *words) w.capitals = false;
  }
  // Two or more words in capitals before a noun typed in lower case name it ("a NO PARKING sign",
  // "an ON AIR light"): they are one modifier, whatever closed class a word of it belongs to.
  for (size_t k = 0; k < words->size(); ++k) {
    size_t end = k;
    while (end < words->size() && (*words)[end].capitals) ++end;
    if (end - k >= 2 && end < words->size() && !(*words)[end].punct && !(*words)[end].possessive &&
        ClassOf((*words)[end].text) == WordClass::kOpen) {
      Word& first = (*words)[k];
      for (size_t j = k + 1; j < end; ++j) first.text += " " + (*words)[j].text;
      first.end = (*words)[end - 1].end;
      words->erase(words->begin() + static_cast<std::ptrdiff_t>(k + 1),
                   words->begin() + static_cast<std::ptrdiff_t>(end));
    }
  }
  // "chaise longue": a word WordNet knows only with its neighbour is no slip.
  std::vector<bool> collocated(words->size(), false);
  for (size_t k = 0; k + 1 < words->size(); ++k) {
    const Word& a = (*words)[k];
    const Word& b = (*words)[k + 1];
    if (a.punct || b.punct || a.possessive || b.possessive) continue;
    if (wordnet.IsNoun(a.text + " " + b.text)) {
      collocated[k] = collocated[k + 1] = true;
    }
  }
  for (size_t k = 0; k < words->size(); ++k) {
    Word& w = (*words)[k];
    if (!w.punct && !w.possessive && !NumberValue(w.text) && !collocated[k] && !w.capitals) {
      if (auto split = SplitRunTogether(w.text)) {
        Word second = w;
        w.typed = second.typed = w.text;
        w.text = split->first;
        second.text = split->second;
        corrected.push_back(std::move(w));
        corrected.push_back(std::move(second));
        continue;
      }
      if (auto fixed = CorrectSpelling(w.text);
          fixed && !NamesAnotherThing(*fixed, *words, k + 1, wordnet)) {
        w.typed = w.text;
        w.text = *fixed;
      }
    }
    corrected.push_back(std::move(w));
  }
  *words = std::move(corrected);
  for (Word& w : *words) {
    w.lemma = w.text;
    if (w.punct || w.possessive) continue;
    w.word_class =
        w.capitals && w.text.find(' ') != std::string::npos ? WordClass::kOpen : ClassOf(w.text);
    w.number = NumberValue(w.text);
    w.known =
        w.word_class != WordClass::kOpen || w.number.has_value() || Determiner(w.text).has_value();
    if (w.word_class != WordClass::kOpen || w.number || Determiner(w.text)) continue;
    const std::string base = wordnet.NounBase(w.text);
    w.noun = !base.empty();
    if (w.noun) {
      w.lemma = base;
      w.plural = base != w.text;
    }
    w.adjective = wordnet.IsAdjective(w.text);
    w.verb = wordnet.IsVerb(w.text);
    // A word WordNet knows only as an adverb ("honestly", "basically") is known: no slip to
    // correct and no noun.
    w.known = w.noun || w.adjective || w.verb || wordnet.IsAdverb(w.text);
    // A hyphenated word no dictionary knows whose first part WordNet knows as an adverb and not
    // as a noun ("off-centre", "off-square", "up-ended") says how a thing stands, as WordNet's
    // "off-center" does: an adjective, no thing.
    if (const size_t dash = w.text.find('-');
        !w.known && dash != std::string::npos && dash > 0 && dash + 1 < w.text.size()) {
      const std::string first = w.text.substr(0, dash);
      if (wordnet.IsAdverb(first) && !wordnet.IsNoun(first)) w.adjective = w.known = true;
    }
    // A word no dictionary knows is taken as a noun; its regular plural is undone ("beanbags",
    // "nightstands", "benches").
    if (!w.known && w.text.size() > 3 && EndsWith(w.text, "s") && !EndsWith(w.text, "ss")) {
      const bool es = EndsWith(w.text, "ches") || EndsWith(w.text, "shes") ||
                      EndsWith(w.text, "xes") || EndsWith(w.text, "sses");
      w.lemma = EndsWith(w.text, "ies") ? w.text.substr(0, w.text.size() - 3) + "y"
                : es                    ? w.text.substr(0, w.text.size() - 2)
                                        : w.text.substr(0, w.text.size() - 1);
      w.plural = true;
    }
    if (w.capitals) {
      w.noun = w.known = true;
      w.adjective = w.verb = w.plural = false;
      w.lemma = w.text;
      continue;
    }
    if (w.noun && (w.verb || w.adjective)) w.noun_frequency = wordnet.Frequency(w.text, NOUN);
    if (w.noun && w.verb) w.verb_frequency = wordnet.Frequency(w.text, VERB);
    if (w.noun && w.adjective) w.adjective_frequency = wordnet.Frequency(w.text, ADJ);
  }
}

bool IsSentenceEnd(const Word& word) {
  return word.punct &&
         (word.text == "." || word.text == "!" || word.text == "?" || word.text == ";");
}

}  // namespace scenecraft
