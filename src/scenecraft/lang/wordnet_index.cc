#include "scenecraft/lang/wordnet_index.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <numeric>

namespace scenecraft {
namespace {

const char* const kPosNames[WordNetIndex::kPosCount] = {"", "noun", "verb", "adj", "adv"};

// WordNet's detachment rules (morph.c): suffix -> ending, per part of speech.
struct Rule {
  std::string_view suffix;
  std::string_view ending;
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

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `word` with the rule's ending in place of its suffix ("benches" -> "bench"), or empty when the
// word does not end in the suffix.
std::string WithEnding(const std::string& word, const Rule& rule) {
  if (!EndsWith(word, rule.suffix) || word.size() <= rule.suffix.size()) return "";
  return word.substr(0, word.size() - rule.suffix.size()) + std::string(rule.ending);
}

// The fields of one line, separated by spaces, read one at a time.
class Fields {
 public:
  explicit Fields(std::string_view line) : rest_(line) {}
  std::string_view Next() {
    while (!rest_.empty() && rest_.front() == ' ') rest_.remove_prefix(1);
    const size_t end = rest_.find(' ');
    const std::string_view field = rest_.substr(0, end);
    rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end);
    return field;
  }
  bool Number(long* out, int base = 10) {
    const std::string_view f = Next();
    return !f.empty() &&
           std::from_chars(f.data(), f.data() + f.size(), *out, base).ec == std::errc();
  }

 private:
  std::string_view rest_;
};

// The line that starts at `start` (without its newline).
std::string_view LineAt(std::string_view text, size_t start) {
  const size_t end = text.find('\n', start);
  return text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
}

std::string_view FirstField(std::string_view line) {
  return line.substr(0, line.find(' '));
}

// Whether the first field of the line that starts at `start` (up to a space or the line's end)
// sorts before `key` in byte order, as FirstField(line) < key.
bool FieldBefore(std::string_view text, size_t start, std::string_view key) {
  for (size_t k = 0;; ++k) {
    const size_t at = start + k;
    const bool field_ends = at >= text.size() || text[at] == ' ' || text[at] == '\n';
    if (k == key.size()) return false;  // the key is a prefix of the field, or equal to it
    if (field_ends) return true;        // the field is a proper prefix of the key
    const auto a = static_cast<unsigned char>(text[at]), b = static_cast<unsigned char>(key[k]);
    if (a != b) return a < b;
  }
}

// The synset at `offset` of a data file (data.noun or data.verb). A noun's words are lower case;
// a verb's keep the file's case and its hypernyms are every "@" pointer, as libwordnet's
// read_synset gives them, so that the verb lookups answer as they did through libwordnet.
bool ReadSynset(std::string_view data, long offset, bool verb, SynsetRecord* out) {
  if (offset < 0 || static_cast<size_t>(offset) >= data.size()) return false;
  const std::string_view line = LineAt(data, static_cast<size_t>(offset));
  const size_t bar = line.find(" | ");
  // "offset lex_filenum ss_type w_cnt(hex) [word lex_id]... p_cnt [ptr offset pos st]...
  // [f_cnt [+ f_num w_num]...] | gloss" (frames only in verbs)
  Fields fields(line.substr(0, bar));
  long own = 0, lexfile = 0, words = 0, pointers = 0;
  if (!fields.Number(&own) || own != offset || !fields.Number(&lexfile)) return false;
  fields.Next();
  if (!fields.Number(&words, 16)) return false;
  out->lexfile = static_cast<int>(lexfile);
  out->words.clear();
  out->hypernyms.clear();
  out->instance = false;
  out->part = false;
  out->holonyms.clear();
  out->frames.clear();
  for (long k = 0; k < words; ++k) {
    std::string word(fields.Next());
    fields.Next();  // lex_id
    if (!verb) {
      // Adjective markers such as "(p)" never occur in nouns; strip one anyway.
      if (const size_t paren = word.find('('); paren != std::string::npos) word.resize(paren);
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out->words.push_back(std::move(word));
  }
  fields.Number(&pointers);
  for (long k = 0; k < pointers; ++k) {
    // Only hypernyms and part holonyms are read: a general synset ("artifact") lists thousands
    // of hyponyms, whose offsets are skipped unparsed.
    const std::string_view symbol = fields.Next();
    if (symbol != "@" && symbol != "@i" && symbol != "#p") {
      fields.Next();
      fields.Next();
      fields.Next();
      continue;
    }
    long target = 0;
    fields.Number(&target);
    const std::string_view pos = fields.Next();
    fields.Next();  // source/target
    if (verb) {
      if (symbol == "@") out->hypernyms.push_back(target);
      continue;
    }
    if ((symbol == "@" || symbol == "@i") && pos == "n") out->hypernyms.push_back(target);
    if (symbol == "@i") out->instance = true;
    if (symbol == "#p") {
      out->part = true;
      if (pos == "n") out->holonyms.push_back(target);
    }
  }
  long frames = 0;
  if (verb && fields.Number(&frames)) {
    for (long k = 0; k < frames; ++k) {
      long frame = 0;
      fields.Next();  // "+"
      fields.Number(&frame);
      fields.Next();  // the word it applies to (00: all)
      out->frames.push_back(static_cast<int>(frame));
    }
  }
  out->gloss = bar == std::string_view::npos ? "" : std::string(line.substr(bar + 3));
  return true;
}

}  // namespace

MappedFile::~MappedFile() {
  if (mapped_) ::munmap(const_cast<char*>(data_), size_);
}

bool MappedFile::Open(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    return false;
  }
  size_ = static_cast<size_t>(st.st_size);
  if (size_ > 0) {
    void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      ::close(fd);
      size_ = 0;
      return false;
    }
    data_ = static_cast<const char*>(p);
    mapped_ = true;
  }
  ::close(fd);
  return true;
}

size_t LowerBoundLine(std::string_view sorted, std::string_view key) {
  // Invariant: lo and hi are line starts (or the end) and the answer lies in [lo, hi]. The first
  // field is compared in place; a line's end is looked for only when the search moves past it.
  size_t lo = 0, hi = sorted.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    // The start of the line around mid: after the last newline in [lo, mid), else lo itself.
    const void* newline = ::memrchr(sorted.data() + lo, '\n', mid - lo);
    const size_t start =
        newline == nullptr
            ? lo
            : static_cast<size_t>(static_cast<const char*>(newline) - sorted.data()) + 1;
    if (FieldBefore(sorted, start, key)) {
      const size_t end = sorted.find('\n', start);
      lo = end == std::string_view::npos ? hi : std::min(end + 1, hi);
    } else {
      hi = start;
    }
  }
  return lo;
}

bool WordNetIndex::Load(const std::filesystem::path& dir) {
  for (int pos = 1; pos < kPosCount; ++pos) {
    if (!index_[pos].Open(dir / ("index." + std::string(kPosNames[pos])))) return false;
    // An exception list may be missing (libwordnet then finds no exceptions either).
    exceptions_[pos].Open(dir / (std::string(kPosNames[pos]) + ".exc"));
  }
  if (!noun_data_.Open(dir / "data.noun") || !verb_data_.Open(dir / "data.verb")) return false;
  counts_.Open(dir / "cntlist.rev");
  return true;
}

std::string_view WordNetIndex::FindLine(const MappedFile& file, std::string_view key) {
  const std::string_view text = file.view();
  if (key.empty()) return {};
  const size_t start = LowerBoundLine(text, key);
  if (start >= text.size()) return {};
  const std::string_view line = LineAt(text, start);
  return FirstField(line) == key ? line : std::string_view{};
}

bool WordNetIndex::Has(std::string_view lemma, int pos) const {
  if (pos < 1 || pos >= kPosCount) return false;
  return !FindLine(index_[pos], lemma).empty();
}

std::vector<std::string> WordNetIndex::LemmasWithPrefix(std::string_view prefix, int pos,
                                                        size_t limit) const {
  std::vector<std::string> out;
  if (pos < 1 || pos >= kPosCount || prefix.empty()) return out;
  const std::string_view text = index_[pos].view();
  for (size_t start = LowerBoundLine(text, prefix); start < text.size() && out.size() < limit;) {
    const std::string_view line = LineAt(text, start);
    const std::string_view lemma = FirstField(line);
    if (lemma.substr(0, prefix.size()) != prefix) break;
    out.emplace_back(lemma);
    start += line.size() + 1;
  }
  return out;
}

bool WordNetIndex::Offsets(std::string_view lemma, int pos, std::vector<long>* out) const {
  out->clear();
  if (pos < 1 || pos >= kPosCount) return false;
  const std::string_view line = FindLine(index_[pos], lemma);
  if (line.empty()) return false;
  // "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset..."
  Fields fields(line);
  fields.Next();
  fields.Next();
  long synsets = 0, pointers = 0, skip = 0;
  if (!fields.Number(&synsets) || !fields.Number(&pointers)) return false;
  for (long k = 0; k < pointers; ++k) fields.Next();
  fields.Number(&skip);
  fields.Number(&skip);
  long offset = 0;
  for (long k = 0; k < synsets && fields.Number(&offset); ++k) out->push_back(offset);
  return true;
}

bool WordNetIndex::SpellingOffsets(std::string_view word, int pos, std::vector<long>* out) const {
  out->clear();
  // libwordnet's strtolower(): lower case, cut at an adjective marker.
  std::string lower(word.substr(0, word.find('(')));
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  std::string spellings[5] = {lower, lower, lower, "", ""};
  std::replace(spellings[1].begin(), spellings[1].end(), '_', '-');
  std::replace(spellings[2].begin(), spellings[2].end(), '-', '_');
  for (char c : lower) {
    if (c != '_' && c != '-') spellings[3].push_back(c);
    if (c != '.') spellings[4].push_back(c);
  }
  for (size_t k = 0; k < std::size(spellings); ++k) {
    if (spellings[k].empty() || (k > 0 && spellings[k] == spellings[0])) continue;
    if (Offsets(spellings[k], pos, out)) return true;
  }
  return false;
}

std::string WordNetIndex::Exception(const std::string& word, int pos) const {
  const std::string_view line = FindLine(exceptions_[pos], word);
  if (line.empty()) return "";
  Fields fields(line);
  fields.Next();
  const std::string first(fields.Next());
  // Several bases ("ottomans othman ottoman", "leaves leaf leave"): the first, unless tagged texts
  // never use it and a later one is what a regular ending gives (the first is then a name or a
  // rare spelling: "Othman").
  if (TagCount(first, pos) > 0) return first;
  for (std::string_view base = fields.Next(); !base.empty(); base = fields.Next()) {
    for (const Rule& rule : Rules(pos)) {
      if (WithEnding(word, rule) == base) return std::string(base);
    }
  }
  return first;
}

std::string WordNetIndex::MorphWord(const std::string& word, int pos) const {
  if (std::string base = Exception(word, pos); !base.empty()) return base;
  if (pos == 1 && EndsWith(word, "ss")) return Has(word, pos) ? word : "";
  // A base form that names only people or places ("Bunche", a diplomat) is taken only when no
  // other rule finds one: "bunches" is the plural of "bunch".
  std::string proper;
  for (const Rule& rule : Rules(pos)) {
    const std::string candidate = WithEnding(word, rule);
    if (candidate.empty() || !Has(candidate, pos)) continue;
    if (pos != 1 || !OnlyInstances(candidate)) return candidate;
    if (proper.empty()) proper = candidate;
  }
  if (!proper.empty()) return proper;
  return Has(word, pos) ? word : "";
}

bool WordNetIndex::OnlyInstances(const std::string& noun) const {
  std::vector<long> offsets;
  if (!Offsets(noun, 1, &offsets)) return false;
  SynsetRecord s;
  for (long offset : offsets) {
    if (!NounSynset(offset, &s) || !s.instance) return false;
  }
  return !offsets.empty();
}

std::string WordNetIndex::Morph(const std::string& word, int pos) const {
  if (pos < 1 || pos >= kPosCount || word.empty()) return "";
  // (A single word's exception is MorphWord's first look.)
  const size_t underscore = word.rfind('_');
  if (underscore != std::string::npos) {
    if (std::string base = Exception(word, pos); !base.empty()) return base;
    // A collocation ("coffee_tables"): the word itself, else its last word's base form.
    if (Has(word, pos)) return word;
    const std::string last = MorphWord(word.substr(underscore + 1), pos);
    if (last.empty()) return "";
    const std::string candidate = word.substr(0, underscore + 1) + last;
    return Has(candidate, pos) ? candidate : "";
  }
  // A lemma that is also an inflection of another ("glasses" is a lemma and the plural of
  // glass): the base form wins, as in libwordnet's morphstr.
  return MorphWord(word, pos);
}

bool WordNetIndex::NounSynset(long offset, SynsetRecord* out) const {
  return ReadSynset(noun_data_.view(), offset, /*verb=*/false, out);
}

bool WordNetIndex::VerbSynset(long offset, SynsetRecord* out) const {
  return ReadSynset(verb_data_.view(), offset, /*verb=*/true, out);
}

int WordNetIndex::TagCount(const std::string& lemma, int pos) const {
  const std::vector<int> senses = SenseTagCounts(lemma, pos);
  return std::accumulate(senses.begin(), senses.end(), 0);
}

std::vector<int> WordNetIndex::SenseTagCounts(const std::string& lemma, int pos) const {
  std::vector<int> out;
  if (pos < 1 || pos >= kPosCount || lemma.empty()) return out;
  // cntlist.rev: "lemma%ss_type:lex_filenum:lex_id:head:head_id sense_number tag_count", sorted
  // by sense key, so a lemma's lines follow each other; an adjective satellite (5) counts as an
  // adjective.
  const std::string_view text = counts_.view();
  const std::string prefix = lemma + "%";
  for (size_t start = LowerBoundLine(text, prefix); start < text.size();) {
    const std::string_view line = LineAt(text, start);
    if (line.substr(0, prefix.size()) != prefix) break;
    start += line.size() + 1;
    if (line.size() <= prefix.size()) continue;
    int line_pos = line[prefix.size()] - '0';
    if (line_pos == 5) line_pos = 3;
    if (line_pos != pos) continue;
    const size_t last_space = line.rfind(' ');
    if (last_space == std::string_view::npos || last_space == 0) continue;
    const size_t sense_space = line.rfind(' ', last_space - 1);
    if (sense_space == std::string_view::npos) continue;
    long sense = 0;
    long count = 0;
    std::from_chars(line.data() + sense_space + 1, line.data() + last_space, sense);
    std::from_chars(line.data() + last_space + 1, line.data() + line.size(), count);
    if (sense < 1 || sense > 1000) continue;
    if (out.size() < static_cast<size_t>(sense)) out.resize(static_cast<size_t>(sense), 0);
    out[static_cast<size_t>(sense) - 1] += static_cast<int>(count);
  }
  return out;
}

}  // namespace scenecraft
