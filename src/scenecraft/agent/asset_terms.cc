#include "scenecraft/agent/asset_terms.h"

#include <algorithm>
#include <functional>
#include <set>

#include <wn.h>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/lang/thing_senses.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
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
  return [](std::string_view noun) { return ThingSenses(noun); };
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
  if (!options.small_copy && WordNet::Get().available()) options.small_copy = SmallCopyWord;
  return options;
}

}  // namespace scenecraft
