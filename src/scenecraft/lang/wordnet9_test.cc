// The ninth round's speed work: verb lookups answered from data.verb and index.verb mapped into
// memory must answer exactly as libwordnet's file reads did (getindex, read_synset). The
// references below are the lookups as they were written against libwordnet; every verb lemma of
// the dictionary is compared, so a parsing slip in any synset fails here. And the binary search
// over a mapped file must find what a search over its parsed lines finds.
#include <gtest/gtest.h>
#include <wn.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/lang/wordnet.h"
#include "scenecraft/lang/wordnet_index.h"

namespace scenecraft {
namespace {

std::string Dir() {
  WordNet::Get();  // sets $WNSEARCHDIR when unset and opens libwordnet's files
  const char* dir = std::getenv("WNSEARCHDIR");
  return dir != nullptr ? dir : "/usr/share/wordnet";
}

// The first fields of a WordNet file's lines (lemmas of an index, offsets of a data file),
// without the licence header (its lines begin with spaces).
std::vector<std::string> FirstFields(const std::string& file) {
  std::ifstream in(Dir() + "/" + file);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != ' ') out.push_back(line.substr(0, line.find(' ')));
  }
  return out;
}

// libwordnet's offsets for a spelling (getindex's first match), as the planner read them.
std::vector<long> LibOffsets(std::string word) {
  std::vector<long> offsets;
  IndexPtr index = ::getindex(word.data(), VERB);
  if (index == nullptr) return offsets;
  for (int k = 0; k < index->off_cnt; ++k) offsets.push_back(index->offset[k]);
  ::free_index(index);
  while (IndexPtr rest = ::getindex(nullptr, VERB)) ::free_index(rest);
  return offsets;
}

struct LibSynset {
  int lexfile = -1;
  std::vector<std::string> words;
  std::vector<long> hypernyms;
  std::vector<int> frames;
};

bool ReadLib(long offset, LibSynset* out) {
  char empty[] = "";
  SynsetPtr s = ::read_synset(VERB, offset, empty);
  if (s == nullptr) return false;
  *out = {};
  out->lexfile = s->fnum;
  for (int k = 0; k < s->wcount; ++k) out->words.push_back(s->words[k]);
  for (int p = 0; p < s->ptrcount; ++p) {
    if (s->ptrtyp[p] == HYPERPTR) out->hypernyms.push_back(s->ptroff[p]);
  }
  for (int f = 0; f < s->fcount; ++f) out->frames.push_back(s->frmid[f]);
  ::free_synset(s);
  return true;
}

TEST(WordNetVerbs, EveryVerbSynsetReadsAsLibWordNetReadsIt) {
  WordNetIndex index;
  ASSERT_TRUE(index.Load(Dir()));
  const std::vector<std::string> offsets = FirstFields("data.verb");
  ASSERT_GT(offsets.size(), 10000u);  // WordNet 3.0 has 13767 verb synsets
  int differ = 0, with_frames = 0;
  for (const std::string& text : offsets) {
    const long offset = std::stol(text);
    LibSynset lib;
    SynsetRecord mine;
    ASSERT_TRUE(ReadLib(offset, &lib)) << offset;
    ASSERT_TRUE(index.VerbSynset(offset, &mine)) << offset;
    with_frames += mine.frames.empty() ? 0 : 1;
    if (mine.lexfile == lib.lexfile && mine.words == lib.words && mine.hypernyms == lib.hypernyms &&
        mine.frames == lib.frames) {
      continue;
    }
    if (++differ <= 5) ADD_FAILURE() << "verb synset " << offset << " reads differently";
  }
  EXPECT_EQ(differ, 0);
  EXPECT_GT(with_frames, 10000);
  // An offset inside a line is no synset.
  SynsetRecord s;
  EXPECT_FALSE(index.VerbSynset(std::stol(offsets[0]) + 1, &s));
}

TEST(WordNetVerbs, SpellingsFindWhatGetIndexFinds) {
  WordNetIndex index;
  ASSERT_TRUE(index.Load(Dir()));
  // Every third verb lemma, and the spellings a text gives them: hyphens for underscores and
  // back, capitals, run together, with an adjective marker; and words that are no verb.
  std::vector<std::string> words = {"",      "qzxv",      "re-cover",   "x_ray",
                                    "X-RAY", "hold(p)",   "ad-lib",     "co-star",
                                    "e.g.",  "dry-clean", "drycleaned", "mass_produce"};
  const std::vector<std::string> lemmas = FirstFields("index.verb");
  ASSERT_GT(lemmas.size(), 10000u);
  for (size_t k = 0; k < lemmas.size(); k += 3) {
    std::string hyphens = lemmas[k], joined, capital = lemmas[k];
    for (char& c : hyphens) c = c == '_' ? '-' : c;
    for (char c : lemmas[k]) {
      if (c != '_' && c != '-') joined.push_back(c);
    }
    capital[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capital[0])));
    words.insert(words.end(), {lemmas[k], hyphens, joined, capital});
  }
  int differ = 0;
  std::vector<long> mine;
  for (const std::string& word : words) {
    index.SpellingOffsets(word, VERB, &mine);
    if (mine != LibOffsets(word) && ++differ <= 5) ADD_FAILURE() << "\"" << word << "\"";
  }
  EXPECT_EQ(differ, 0) << "of " << words.size() << " spellings";
}

// The verb lookups as they were answered through libwordnet's file reads.
bool LibFrame(const std::string& verb, std::initializer_list<int> frames) {
  bool found = false;
  std::vector<long> offsets = LibOffsets(verb);
  if (offsets.size() > 2) offsets.resize(2);
  for (long offset : offsets) {
    LibSynset s;
    if (!ReadLib(offset, &s)) continue;
    for (int f : s.frames) {
      for (int want : frames) found = found || f == want;
    }
  }
  return found;
}

std::string LibLexFile(const std::string& verb) {
  const std::vector<long> offsets = LibOffsets(verb);
  LibSynset s;
  if (offsets.empty() || !ReadLib(offsets[0], &s) || s.lexfile < 0 || s.lexfile >= 45) return "";
  return ::lexfiles[s.lexfile];
}

bool LibHolds(const std::string& verb) {
  bool holds = false;
  for (long offset : LibOffsets(verb)) {
    LibSynset s;
    if (!ReadLib(offset, &s)) continue;
    bool support = false, hold_up = false, contain = false;
    for (const std::string& word : s.words) {
      support = support || word == "support";
      hold_up = hold_up || word == "hold_up";
      contain = contain || word == "contain";
    }
    holds = holds || contain || (support && hold_up);
  }
  return holds;
}

bool LibKindOf(const std::string& verb, std::initializer_list<std::string_view> kinds) {
  std::vector<long> level = LibOffsets(verb);
  bool found = false;
  for (int depth = 0; depth < 4 && !found && !level.empty(); ++depth) {
    std::vector<long> up;
    for (long offset : level) {
      LibSynset s;
      if (!ReadLib(offset, &s)) continue;
      for (size_t k = 0; k < s.words.size() && depth > 0; ++k) {
        for (std::string_view kind : kinds) found = found || kind == s.words[k];
      }
      up.insert(up.end(), s.hypernyms.begin(), s.hypernyms.end());
    }
    level = std::move(up);
  }
  return found;
}

TEST(WordNetVerbs, VerbsAnswerAsThroughLibWordNet) {
  WordNet& wordnet = WordNet::Get();
  ASSERT_TRUE(wordnet.available());
  // Every fifth verb lemma (the references read files: all of them take seconds more), and the
  // verbs the planner's own tests rest on.
  std::vector<std::string> verbs = {"hold", "contain", "support", "carry", "bear",  "screw",
                                    "pin",  "nail",    "mount",   "fill",  "cover", "hang",
                                    "dry",  "sag",     "pot",     "sit",   "lean",  "hold_up"};
  const std::vector<std::string> lemmas = FirstFields("index.verb");
  ASSERT_GT(lemmas.size(), 10000u);
  for (size_t k = 0; k < lemmas.size(); k += 5) verbs.push_back(lemmas[k]);
  int differ = 0, itself = 0, transitive = 0, holds = 0, attach = 0;
  for (const std::string& lemma : verbs) {
    std::string verb = lemma;
    for (char& c : verb) c = c == '_' ? ' ' : c;  // as the planner asks
    const bool lib_itself = LibFrame(lemma, {1, 4});
    const bool lib_transitive = LibFrame(lemma, {8});
    const bool lib_holds = LibHolds(lemma);
    const bool lib_attach = LibKindOf(lemma, {"attach", "fasten"});
    itself += lib_itself;
    transitive += lib_transitive;
    holds += lib_holds;
    attach += lib_attach;
    const bool same = wordnet.ThingDoesItself(verb) == lib_itself &&
                      wordnet.SomebodyDoesItToSomething(verb) == lib_transitive &&
                      wordnet.VerbLexFile(verb) == LibLexFile(lemma) &&
                      wordnet.HoldsThings(verb) == lib_holds &&
                      wordnet.VerbKindOf(verb, {"attach", "fasten"}) == lib_attach &&
                      wordnet.VerbKindOf(verb, {"fill_up", "spread_over"}) ==
                          LibKindOf(lemma, {"fill_up", "spread_over"});
    if (!same && ++differ <= 5) ADD_FAILURE() << "\"" << verb << "\" answers differently";
  }
  EXPECT_EQ(differ, 0) << "of " << verbs.size() << " verbs";
  // The references themselves find something (a reference that never says yes tests nothing).
  EXPECT_GT(itself, 300);
  EXPECT_GT(transitive, 1000);
  EXPECT_GE(holds, 4);
  EXPECT_GT(attach, 20);
}

TEST(WordNetLookups, LowerBoundLineFindsWhatASearchOfTheParsedLinesFinds) {
  MappedFile file;
  ASSERT_TRUE(file.Open(Dir() + "/index.noun"));
  const std::string_view text = file.view();
  // The lines' first fields and where each line starts.
  std::vector<std::string_view> fields;
  std::vector<size_t> starts;
  for (size_t start = 0; start < text.size();) {
    const size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    fields.push_back(line.substr(0, line.find(' ')));
    starts.push_back(start);
    start = end + 1;
  }
  ASSERT_GT(fields.size(), 100000u);
  ASSERT_TRUE(std::is_sorted(fields.begin(), fields.end()));
  // Every lemma, one sorting just before and just after it, and words that are none.
  std::vector<std::string> keys = {"", "a", "zzzz", "~", "chair", "chairs", "chair_", "\x7f"};
  for (size_t k = 0; k < fields.size(); k += 7) {
    const std::string lemma(fields[k]);
    keys.insert(keys.end(), {lemma, lemma + "_", lemma.substr(0, lemma.size() - 1), lemma + "a"});
  }
  int differ = 0;
  for (const std::string& key : keys) {
    const size_t k =
        std::lower_bound(fields.begin(), fields.end(), std::string_view(key)) - fields.begin();
    const size_t expected = k < starts.size() ? starts[k] : text.size();
    if (LowerBoundLine(text, key) != expected && ++differ <= 5)
      ADD_FAILURE() << "\"" << key << "\"";
  }
  EXPECT_EQ(differ, 0) << "of " << keys.size() << " keys";
}

}  // namespace
}  // namespace scenecraft
