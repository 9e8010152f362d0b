#include "scenecraft/lang/wordnet_index.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace scenecraft {
namespace {

const char* const kPosNames[WordNetIndex::kPosCount] = {"", "noun", "verb", "adj", "adv"};

// WordNet's detachment rules (morph.c): suffix -> ending, per part of speech.
struct Rule {
  const char* suffix;
  const char* ending;
};
const std::vector<Rule>& Rules(int pos) {
  static const std::vector<Rule> noun = {{"s", ""},      {"ses", "s"},   {"xes", "x"},
                                         {"zes", "z"},   {"ches", "ch"}, {"shes", "sh"},
                                         {"men", "man"}, {"ies", "y"}};
  static const std::vector<Rule> verb = {{"s", ""},   {"ies", "y"}, {"es", "e"},  {"es", ""},
                                         {"ed", "e"}, {"ed", ""},   {"ing", "e"}, {"ing", ""}};
  static const std::vector<Rule> adj = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
  static const std::vector<Rule> none;
  return pos == 1 ? noun : pos == 2 ? verb : pos == 3 ? adj : none;
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool WordNetIndex::Load(const std::filesystem::path& dir) {
  for (int pos = 1; pos < kPosCount; ++pos) {
    std::ifstream index(dir / ("index." + std::string(kPosNames[pos])));
    if (!index) return false;
    std::string line;
    while (std::getline(index, line)) {
      if (line.empty() || line[0] == ' ') continue;  // the licence header
      std::istringstream in(line);
      std::string lemma, p;
      int synsets = 0, pointers = 0;
      in >> lemma >> p >> synsets >> pointers;
      std::string skip;
      for (int k = 0; k < pointers; ++k) in >> skip;
      int senses = 0, tagged = 0;
      in >> senses >> tagged;
      std::vector<long> offsets;
      offsets.reserve(static_cast<size_t>(synsets));
      long offset = 0;
      for (int k = 0; k < synsets && (in >> offset); ++k) offsets.push_back(offset);
      offsets_[pos][lemma] = std::move(offsets);
    }
    std::ifstream exc(dir / (std::string(kPosNames[pos]) + ".exc"));
    while (std::getline(exc, line)) {
      std::istringstream in(line);
      std::string inflected, base;
      if (in >> inflected >> base) exceptions_[pos].emplace(inflected, base);
    }
  }
  {
    std::ifstream data(dir / "data.noun", std::ios::binary);
    if (!data) return false;
    std::ostringstream all;
    all << data.rdbuf();
    noun_data_ = all.str();
  }
  // cntlist.rev: "lemma%ss_type:lex_filenum:lex_id:head:head_id sense_number tag_count"; an
  // adjective satellite (5) counts as an adjective.
  std::ifstream counts(dir / "cntlist.rev");
  std::string line;
  while (std::getline(counts, line)) {
    const size_t percent = line.find('%');
    if (percent == std::string::npos || percent + 1 >= line.size()) continue;
    int pos = line[percent + 1] - '0';
    if (pos == 5) pos = 3;
    if (pos < 1 || pos >= kPosCount) continue;
    const size_t last_space = line.rfind(' ');
    if (last_space == std::string::npos) continue;
    tag_counts_[pos][line.substr(0, percent)] += std::atoi(line.c_str() + last_space + 1);
  }
  return true;
}

const std::vector<long>* WordNetIndex::Offsets(const std::string& lemma, int pos) const {
  if (pos < 1 || pos >= kPosCount) return nullptr;
  const auto it = offsets_[pos].find(lemma);
  return it == offsets_[pos].end() ? nullptr : &it->second;
}

std::string WordNetIndex::MorphWord(const std::string& word, int pos) const {
  if (const auto it = exceptions_[pos].find(word); it != exceptions_[pos].end()) return it->second;
  if (pos == 1 && EndsWith(word, "ss")) return offsets_[pos].count(word) ? word : "";
  for (const Rule& rule : Rules(pos)) {
    if (!EndsWith(word, rule.suffix) || word.size() <= std::string(rule.suffix).size()) continue;
    const std::string candidate =
        word.substr(0, word.size() - std::string(rule.suffix).size()) + rule.ending;
    if (offsets_[pos].count(candidate)) return candidate;
  }
  return offsets_[pos].count(word) ? word : "";
}

std::string WordNetIndex::Morph(const std::string& word, int pos) const {
  if (pos < 1 || pos >= kPosCount || word.empty()) return "";
  if (const auto it = exceptions_[pos].find(word); it != exceptions_[pos].end()) return it->second;
  // A collocation ("coffee_tables"): the word itself, else its last word's base form.
  const size_t underscore = word.rfind('_');
  if (underscore != std::string::npos) {
    if (offsets_[pos].count(word)) return word;
    const std::string last = MorphWord(word.substr(underscore + 1), pos);
    if (last.empty()) return "";
    const std::string candidate = word.substr(0, underscore + 1) + last;
    return offsets_[pos].count(candidate) ? candidate : "";
  }
  // A lemma that is also an inflection of another ("glasses" is a lemma and the plural of
  // glass): the base form wins, as in libwordnet's morphstr.
  std::string base = MorphWord(word, pos);
  return base;
}

bool WordNetIndex::NounSynset(long offset, SynsetRecord* out) const {
  if (offset < 0 || static_cast<size_t>(offset) >= noun_data_.size()) return false;
  const size_t end = noun_data_.find('\n', static_cast<size_t>(offset));
  const std::string line =
      noun_data_.substr(static_cast<size_t>(offset), end - static_cast<size_t>(offset));
  const size_t bar = line.find(" | ");
  std::istringstream in(line.substr(0, bar));
  long own = 0;
  std::string lexfile, type, count_hex;
  if (!(in >> own >> lexfile >> type >> count_hex) || own != offset) return false;
  out->lexfile = std::atoi(lexfile.c_str());
  out->words.clear();
  out->hypernyms.clear();
  out->instance = false;
  const long words = std::strtol(count_hex.c_str(), nullptr, 16);
  for (long k = 0; k < words; ++k) {
    std::string word, lex_id;
    in >> word >> lex_id;
    // Adjective markers such as "(p)" never occur in nouns; strip one anyway.
    if (const size_t paren = word.find('('); paren != std::string::npos) word.resize(paren);
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out->words.push_back(word);
  }
  int pointers = 0;
  in >> pointers;
  for (int k = 0; k < pointers; ++k) {
    std::string symbol, pos, source_target;
    long target = 0;
    in >> symbol >> target >> pos >> source_target;
    if ((symbol == "@" || symbol == "@i") && pos == "n") out->hypernyms.push_back(target);
    if (symbol == "@i") out->instance = true;
  }
  out->gloss = bar == std::string::npos ? "" : line.substr(bar + 3);
  return true;
}

int WordNetIndex::TagCount(const std::string& lemma, int pos) const {
  if (pos < 1 || pos >= kPosCount) return 0;
  const auto it = tag_counts_[pos].find(lemma);
  return it == tag_counts_[pos].end() ? 0 : it->second;
}

}  // namespace scenecraft
