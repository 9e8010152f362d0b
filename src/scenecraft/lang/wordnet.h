// WordNet (Debian's wordnet and wordnet-dev) for the planner: base forms of nouns, whether a noun
// names a physical thing, and its hypernyms. libwordnet keeps global state and is not
// thread-safe: every call here takes one process-wide lock, and the dictionary is opened once.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace scenecraft {

class WordNet {
 public:
  // The shared instance; opens the dictionary on first use ($WNSEARCHDIR, else the Debian path).
  static WordNet& Get();

  bool available() const { return available_; }
  // Seconds it took to open the dictionary.
  double load_s() const { return load_s_; }
  // Base form of a noun ("benches" -> "bench", "shelves" -> "shelf"); the word itself when
  // WordNet knows no other form; empty when it is not a noun at all.
  std::string NounBase(const std::string& word);
  bool IsNoun(const std::string& word);
  // Whether the noun's most frequent sense is a physical thing (an object, a living thing, a
  // substance), not an abstraction ("style", "evening").
  bool IsPhysical(const std::string& noun);
  // Hypernyms of all senses, nearest first, as lower-case words with spaces ("armchair" ->
  // "chair", "seat", "furniture", ...), at most `depth` levels up.
  // `senses` limits the senses followed to the most frequent ones (0: all).
  std::vector<std::string> Hypernyms(const std::string& noun, int depth = 6, int senses = 0);
  // The other words of the noun's own synsets, from its `senses` most frequent senses ("sofa" ->
  // "couch", "lounge"), lower case with spaces. Rare senses mislead ("stool" is also a toilet).
  std::vector<std::string> Synonyms(const std::string& noun, int senses = 1);

 private:
  WordNet();
  bool LookUpPhysical(const std::string& noun);
  bool available_ = false;
  double load_s_ = 0.0;
  // Answers are cached: the dictionary is read from files on every uncached lookup.
  std::map<std::string, std::string> base_cache_;
  std::map<std::string, bool> noun_cache_, physical_cache_;
  std::map<std::string, std::vector<std::string>> hypernym_cache_, synonym_cache_;
};

}  // namespace scenecraft
