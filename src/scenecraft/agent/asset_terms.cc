#include "scenecraft/agent/asset_terms.h"

#include <algorithm>
#include <functional>
#include <set>

#include <wn.h>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// The spelling WordNet files a noun phrase under: as given, else closed up or hyphenated
// ("bird bath" is "birdbath", "ice box" "icebox"). libwn's getindex tries these variants;
// the word index does not.
std::string WordNetSpelling(WordNet& wordnet, std::string_view noun) {
  std::string given(noun);
  if (given.find(' ') == std::string::npos || wordnet.SenseCount(given) > 0) return given;
  std::string closed;
  std::string hyphenated;
  for (char c : given) {
    if (c != ' ') closed += c;
    hyphenated += c == ' ' ? '-' : c;
  }
  if (wordnet.SenseCount(closed) > 0) return closed;
  if (wordnet.SenseCount(hyphenated) > 0) return hyphenated;
  return given;
}

}  // namespace

std::vector<std::vector<std::string>> ThingsBeforeRarePeople(
    std::vector<std::vector<std::string>> senses, int tag_count) {
  // WordNet orders a noun's senses by how often tagged texts use them; for a noun they hardly
  // use at all, that order is arbitrary, and a made thing is what a scene means by it.
  if (tag_count >= kCommonNounTagCount) return senses;
  auto person = [](const std::vector<std::string>& chain) {
    return Contains(chain, "person") && !Contains(chain, "artifact");
  };
  const bool has_thing = std::any_of(senses.begin(), senses.end(),
                                     [](const auto& chain) { return Contains(chain, "artifact"); });
  if (has_thing) std::stable_partition(senses.begin(), senses.end(), std::not_fn(person));
  return senses;
}

TermExpander WordNetTermExpander() {
  return [](std::string_view term) {
    std::vector<std::string> out;
    WordNet& wordnet = WordNet::Get();
    if (!wordnet.available() || term.empty()) return out;
    const std::string noun = WordNetSpelling(wordnet, term);
    std::set<std::string> seen{std::string(term), noun};
    for (const std::string& w : wordnet.Synonyms(noun)) {
      if (seen.insert(w).second) out.push_back(w);
    }
    for (const std::string& w : wordnet.Hypernyms(noun, /*depth=*/4, /*senses=*/2)) {
      if (seen.insert(w).second) out.push_back(w);
    }
    return out;
  };
}

HypernymLookup WordNetHypernymLookup() {
  return [](std::string_view noun) {
    WordNet& wordnet = WordNet::Get();
    if (!wordnet.available() || noun.empty()) return std::vector<std::string>{};
    // The most frequent sense's chain first (a kettle is a pot before a kettle drum), then
    // every sense's, nearest first.
    const std::string spelled = WordNetSpelling(wordnet, noun);
    std::vector<std::string> out = wordnet.Hypernyms(spelled, /*depth=*/10, 1);
    std::set<std::string> seen(out.begin(), out.end());
    for (std::string& w : wordnet.Hypernyms(spelled, /*depth=*/10)) {
      if (seen.insert(w).second) out.push_back(std::move(w));
    }
    return out;
  };
}

SenseLookup WordNetSenseLookup() {
  return [](std::string_view noun) {
    WordNet& wordnet = WordNet::Get();
    if (!wordnet.available() || noun.empty()) return std::vector<std::vector<std::string>>{};
    const std::string spelled = WordNetSpelling(wordnet, noun);
    // A catalog name on a sense's path only as a rare other name of a hypernym is no kind of
    // the noun: a lab bench is a "workbench, work bench, bench", not the seat the catalog's
    // bench is (WordNet::SenseKinds).
    std::vector<std::vector<std::string>> senses = wordnet.SenseKinds(
        spelled, [](const std::string& word) { return FindProceduralCategory(word) != nullptr; });
    return ThingsBeforeRarePeople(std::move(senses), wordnet.Frequency(spelled, NOUN));
  };
}

KindDistanceLookup WordNetKindDistance() {
  return [](std::string_view noun, std::string_view kind) {
    WordNet& wordnet = WordNet::Get();
    if (!wordnet.available() || noun.empty() || kind.empty()) return -1;
    return wordnet.KindDistance(WordNetSpelling(wordnet, noun), WordNetSpelling(wordnet, kind));
  };
}

AssetOptions WithWordNet(AssetOptions options) {
  if (!options.expand_terms) options.expand_terms = WordNetTermExpander();
  if (!options.hypernyms) options.hypernyms = WordNetHypernymLookup();
  if (!options.senses) options.senses = WordNetSenseLookup();
  if (!options.kind_distance) options.kind_distance = WordNetKindDistance();
  return options;
}

}  // namespace scenecraft
