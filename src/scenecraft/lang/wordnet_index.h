// WordNet's index, exception lists and tag counts held in memory. libwordnet answers every
// lookup by binary search on disk (about twenty seeks and reads per word, and several lookups for
// each base form it tries); reading the files once when the dictionary opens makes a first plan
// of a paragraph take milliseconds instead of hundreds. Synsets are still read through
// libwordnet (one seek each).
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace scenecraft {

// One noun synset, as read from data.noun.
struct SynsetRecord {
  int lexfile = -1;                // lexicographer file number (lexnames)
  std::vector<std::string> words;  // lower case, underscores as in the files
  std::vector<long> hypernyms;     // offsets of its hypernyms and instance hypernyms
  bool instance = false;           // a proper noun: an instance of its hypernym ("Mobile", a city)
  std::string gloss;
};

class WordNetIndex {
 public:
  // Parts of speech, numbered as in libwordnet (NOUN 1, VERB 2, ADJ 3, ADV 4).
  static constexpr int kPosCount = 5;

  // Reads index.noun/verb/adj/adv, the *.exc exception lists and cntlist.rev from `dir`.
  // Returns false when a file is missing (the caller then keeps libwordnet's lookups).
  bool Load(const std::filesystem::path& dir);

  // Synset offsets of a lemma (lower case, spaces as underscores), most frequent sense first;
  // nullptr when WordNet has no such lemma.
  const std::vector<long>* Offsets(const std::string& lemma, int pos) const;
  // Base form by WordNet's morphology (exception list, then suffix rules), or "" when none is a
  // lemma of this part of speech. The word itself when it is a lemma and no exception applies.
  std::string Morph(const std::string& word, int pos) const;
  // Sum of the tag counts of the lemma's senses (cntlist.rev).
  int TagCount(const std::string& lemma, int pos) const;
  // The noun synset at a byte offset of data.noun; false when there is none.
  bool NounSynset(long offset, SynsetRecord* out) const;

 private:
  std::string MorphWord(const std::string& word, int pos) const;
  std::array<std::unordered_map<std::string, std::vector<long>>, kPosCount> offsets_;
  std::array<std::unordered_map<std::string, std::string>, kPosCount> exceptions_;
  std::array<std::unordered_map<std::string, int>, kPosCount> tag_counts_;
  std::string noun_data_;  // data.noun, whole
};

}  // namespace scenecraft
