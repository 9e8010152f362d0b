// WordNet's index, exception lists, tag counts and noun synsets, answered from the dictionary
// files mapped into memory. libwordnet answers every lookup by binary search on disk (about twenty
// seeks and reads per word, and several lookups for each base form it tries); WordNet's files are
// sorted by their first field, so the same binary search over the mapped bytes costs no system
// call at all. Nothing is parsed when the dictionary opens: opening maps nine files (a few
// milliseconds), and each lookup parses the one line it finds.
#pragma once

#include <array>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace scenecraft {

// One synset, as read from data.noun or data.verb.
struct SynsetRecord {
  int lexfile = -1;                // lexicographer file number (lexnames)
  std::vector<std::string> words;  // lower case, underscores as in the files
  std::vector<long> hypernyms;     // offsets of its hypernyms and instance hypernyms
  bool instance = false;           // a proper noun: an instance of its hypernym ("Mobile", a city)
  bool part = false;               // a part of something (a part holonym: a shelf of a bookcase)
  std::vector<long> holonyms;      // offsets of the wholes it is a part of ("leg" -> table, chair)
  std::vector<int> frames;         // a verb's generic frame numbers (8: "Somebody ----s something")
  std::string gloss;
};

// A read-only file mapped into memory (unmapped on destruction). Empty when it could not be read.
class MappedFile {
 public:
  MappedFile() = default;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();
  // Maps `path`; false when it cannot be opened or mapped (an empty file maps to an empty view).
  bool Open(const std::filesystem::path& path);
  std::string_view view() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
};

// The start of the first line of `sorted` whose first field (up to a space) is not less than
// `key` in byte order, or sorted.size(). Lines must be sorted by their first field, as all of
// WordNet's index, exception and count files are (the licence header of an index file has an
// empty first field and sorts first).
size_t LowerBoundLine(std::string_view sorted, std::string_view key);

class WordNetIndex {
 public:
  // Parts of speech, numbered as in libwordnet (NOUN 1, VERB 2, ADJ 3, ADV 4).
  static constexpr int kPosCount = 5;

  // Maps index.noun/verb/adj/adv, the *.exc exception lists, cntlist.rev, data.noun and data.verb
  // from `dir`. Returns false when a file is missing (the caller then keeps libwordnet's lookups).
  bool Load(const std::filesystem::path& dir);

  // Synset offsets of a lemma (lower case, spaces as underscores), most frequent sense first;
  // false when WordNet has no such lemma.
  bool Offsets(std::string_view lemma, int pos, std::vector<long>* out) const;
  // Offsets of the first spelling of `word` that is a lemma, tried in libwordnet's getindex()
  // order: lower case (cut at a '('), '_' as '-', '-' as '_', without '_' and '-', without '.'.
  bool SpellingOffsets(std::string_view word, int pos, std::vector<long>* out) const;
  bool Has(std::string_view lemma, int pos) const;
  // Lemmas that begin with `prefix` (lower case, underscores as in the files), in file order, at
  // most `limit` of them ("folding_" -> "folding_chair", "folding_door", ...).
  std::vector<std::string> LemmasWithPrefix(std::string_view prefix, int pos, size_t limit) const;
  // Base form by WordNet's morphology (exception list, then suffix rules), or "" when none is a
  // lemma of this part of speech. The word itself when it is a lemma and no exception applies.
  std::string Morph(const std::string& word, int pos) const;
  // Sum of the tag counts of the lemma's senses (cntlist.rev).
  int TagCount(const std::string& lemma, int pos) const;
  // The tag count of each sense of the lemma (cntlist.rev), by sense number from 1 (index 0);
  // senses the tagged texts never use are 0, and so is every sense after the last one they use.
  std::vector<int> SenseTagCounts(const std::string& lemma, int pos) const;
  // The noun synset at a byte offset of data.noun; false when there is none.
  bool NounSynset(long offset, SynsetRecord* out) const;
  // The verb synset at a byte offset of data.verb, with its frames; its words keep the case of
  // the file ("Americanize"), as libwordnet's read_synset gives them. False when there is none.
  bool VerbSynset(long offset, SynsetRecord* out) const;

 private:
  // The line of `file` whose first field is `key` (without its newline), or "" when none.
  static std::string_view FindLine(const MappedFile& file, std::string_view key);
  std::string MorphWord(const std::string& word, int pos) const;
  // Whether every sense of the noun (a lemma with underscores) is an instance: a proper noun.
  bool OnlyInstances(const std::string& noun) const;
  std::string Exception(const std::string& word, int pos) const;
  std::array<MappedFile, kPosCount> index_;
  std::array<MappedFile, kPosCount> exceptions_;
  MappedFile counts_;     // cntlist.rev
  MappedFile noun_data_;  // data.noun
  MappedFile verb_data_;  // data.verb
};

}  // namespace scenecraft
