// WordNet (Debian's wordnet and wordnet-dev) for the planner: base forms of nouns, whether a noun
// names a physical thing, and its hypernyms. libwordnet keeps global state and is not
// thread-safe: every call here takes one process-wide lock, and the dictionary is opened once.
#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace scenecraft {

class WordNetIndex;
struct SynsetRecord;

class WordNet {
 public:
  // The shared instance; opens the dictionary on first use ($WNSEARCHDIR, else the Debian path).
  static WordNet& Get();

  bool available() const { return available_; }
  // Seconds it took to open the dictionary (and read its index into memory).
  double load_s() const { return load_s_; }
  // Forgets every cached answer, so that a benchmark can time the planner's first pass again.
  void ClearCaches();
  // Base form of a noun ("benches" -> "bench", "shelves" -> "shelf"); the word itself when
  // WordNet knows no other form; empty when it is not a noun at all.
  std::string NounBase(const std::string& word);
  bool IsNoun(const std::string& word);
  // The compound nouns WordNet lists whose first word is `word` ("folding" -> "folding chair",
  // "folding door", ...), with spaces; at most a few dozen, empty without the mapped index.
  std::vector<std::string> CompoundsStartingWith(const std::string& word);
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

  // Parts of speech other than nouns ("red" is an adjective, "leaning" a form of a verb).
  bool IsAdjective(const std::string& word);
  // Base form of an adjective ("taller" -> "tall", "nearest" -> "near", "better" -> "good");
  // empty when it is no adjective (WordNet's morphology, no cache).
  std::string AdjectiveBase(const std::string& word);
  bool IsVerb(const std::string& word);
  // Whether WordNet knows the word or collocation as an adverb ("upright", "upside down").
  bool IsAdverb(const std::string& word);
  // Base form of a verb ("leaning" -> "lean", "sits" -> "sit"); empty when it is no verb.
  std::string VerbBase(const std::string& word);
  // Whether one of the verb's (a base form) two most frequent senses has a thing do it by
  // itself: WordNet's verb frames "Something ----s" or "Something is ----ing PP" ("dry", "sway";
  // not "pot", which somebody does to something).
  bool ThingDoesItself(const std::string& verb);
  // Whether one of the verb's (a base form) two most frequent senses has WordNet's generic frame
  // 8, "Somebody ----s something" ("dry clothes", "change a baby"; not "sag").
  bool SomebodyDoesItToSomething(const std::string& verb);
  // The lexicographer file of the verb's (a base form) most frequent sense ("want" ->
  // "verb.emotion", "sit" -> "verb.contact"); empty when it is no verb.
  std::string VerbLexFile(const std::string& verb);
  // Whether one of the verb's (a base form) senses is holding a thing up or within: WordNet's
  // synsets "hold, support, sustain, hold up" and "hold, bear, carry, contain" ("a stool holding
  // a fern", "a hamper containing blankets"; not "keep" or "face").
  bool HoldsThings(const std::string& verb);
  // Whether a hypernym of one of the verb's (a base form) senses, at most three levels up, has
  // one of `kinds` among its words ("pin", "nail", "mount" are kinds of "attach"). One walk up the
  // verb's senses answers for all the kinds.
  bool VerbKindOf(const std::string& verb, std::initializer_list<std::string_view> kinds);
  // How often the word was seen as this part of speech in WordNet's tagged texts (the sum of
  // its senses' tag counts, base form looked up); 0 when unknown. Decides "stand" (mostly a
  // verb) from "table" (mostly a noun).
  int Frequency(const std::string& word, int pos);
  // The tag count of each sense of a noun (base form looked up), most frequent sense first, as
  // many as its senses; all 0 when the tagged texts never use it. Not cached.
  std::vector<int> SenseTagCounts(const std::string& noun);
  // The lexicographer files (WordNet's top categories: "noun.artifact", "noun.location", ...)
  // of the noun's `senses` most frequent senses, most frequent first.
  std::vector<std::string> LexFiles(const std::string& noun, int senses = 2);
  // Hypernyms of one sense (0: the most frequent), nearest first, at most `depth` levels up.
  std::vector<std::string> SenseHypernyms(const std::string& noun, int sense, int depth = 8);
  // Hypernyms of each sense, most frequent sense first; a sense's list holds the words of every
  // hypernym on all its paths (SenseHypernyms follows only the first), nearest first, at most
  // `depth` levels up. Empty when the noun is unknown.
  std::vector<std::vector<std::string>> SenseAncestors(const std::string& noun, int depth = 12);
  int SenseCount(const std::string& noun);
  // Whether one of the noun's `senses` most frequent senses is a part of something in WordNet's
  // meronymy ("shelf" of a bookcase, "drawer" of a dresser, "headboard" of a bed).
  bool IsPart(const std::string& noun, int senses = 3);
  // Whether a sense of `part` is, by WordNet's part holonymy (two levels), a part of `whole`, of a
  // kind of it, or of a thing of the same kind within two levels ("leg" of "table", of "coffee
  // table"; "arm" of "sofa", since an armchair's and a sofa are seats; "drawer" of "desk").
  bool IsPartOf(const std::string& part, const std::string& whole);
  // The words of the wholes the noun's `senses` most frequent senses are parts of, two levels up
  // the part holonymy ("windowsill" -> "window frame", "window", "building", "edifice").
  std::vector<std::string> Wholes(const std::string& noun, int senses = 1);
  // The definition of the noun's most frequent sense, lower case ("" when unknown).
  std::string Gloss(const std::string& noun);
  // The definitions of all the noun's senses, most frequent first (empty when unknown). Not
  // cached.
  std::vector<std::string> Glosses(const std::string& noun);
  // How many hypernym levels above `noun` the kind `kind` lies, in what each mostly means: one
  // of its `kind_senses` most frequent senses or its most frequent sense filed with the
  // artifacts. 0 when they share such a synset, -1 when none is within `depth` levels. A dining
  // table is a table (1, the table's third sense); a lab bench is a workbench (1), which is the
  // fourth sense of "bench", not what "bench" mostly means: ("lab bench", "bench") is -1.
  int KindDistance(const std::string& noun, const std::string& kind, int kind_senses = 3,
                   int depth = 8);
  // SenseAncestors, except where a word of a hypernym that `names_a_kind` accepts (the name of
  // a kind a caller builds things by: "bench", "bowl") is only a rare other name of that
  // hypernym: it is left out unless the hypernym is what the word mostly means (as in
  // KindDistance) or the word heads the synset. A lab bench is a "workbench, work bench, bench"
  // (the fourth sense of "bench"), no bench; a bucket seat is a "seat" (any support where you
  // can sit), which the word heads. `names_a_kind` must not call WordNet. Not cached.
  std::vector<std::vector<std::string>> SenseKinds(
      const std::string& noun, const std::function<bool(const std::string&)>& names_a_kind,
      int depth = 12);

 private:
  WordNet();
  ~WordNet();
  bool LookUpPhysical(const std::string& noun);
  // The synset offsets of a noun's senses, and one synset (caller holds the lock).
  std::vector<long> NounOffsets(const std::string& noun) const;
  bool Synset(long offset, SynsetRecord* out) const;
  // What a noun mostly means: its `senses` most frequent senses and its most frequent sense
  // filed with the artifacts (caller holds the lock).
  std::set<long> MostlyMeans(const std::string& word, int senses) const;
  // The synset offsets of a verb's senses (most frequent first, at most `max`), spelled as
  // libwordnet's getindex() tries it, and one verb synset with its frames (caller holds the lock).
  std::vector<long> VerbOffsets(const std::string& verb, int max) const;
  bool VerbSynset(long offset, SynsetRecord* out) const;
  // How many hypernym levels a synset is below the root (following the first hypernym).
  int Depth(long offset) const;
  struct Memo;  // synsets and noun senses already read (wordnet.cc)
  std::unique_ptr<Memo> memo_;
  bool available_ = false;
  // The index files in memory; null when they could not be read (libwordnet answers then).
  std::unique_ptr<WordNetIndex> index_;
  double load_s_ = 0.0;
  // Answers are cached: the dictionary is read from files on every uncached lookup.
  std::map<std::string, std::string> base_cache_;
  std::map<std::string, bool> noun_cache_, physical_cache_;
  std::map<std::string, std::vector<std::string>> hypernym_cache_, synonym_cache_, lexfile_cache_,
      sense_hypernym_cache_, compounds_cache_, wholes_cache_;
  std::map<std::string, std::vector<std::vector<std::string>>> sense_ancestor_cache_;
  std::map<std::string, bool> adjective_cache_, adverb_cache_, verb_cache_, part_cache_,
      holds_cache_, kind_of_cache_, part_of_cache_, transitive_cache_;
  std::map<std::string, std::string> verb_base_cache_, gloss_cache_;
  std::map<std::string, int> frequency_cache_, kind_distance_cache_;
  std::map<std::string, bool> itself_cache_;
  std::map<std::string, std::string> verb_lexfile_cache_;
};

}  // namespace scenecraft
