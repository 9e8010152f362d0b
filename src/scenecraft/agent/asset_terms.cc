#include "scenecraft/agent/asset_terms.h"

#include <set>

#include "scenecraft/lang/wordnet.h"

namespace scenecraft {

TermExpander WordNetTermExpander() {
  return [](std::string_view term) {
    std::vector<std::string> out;
    WordNet& wordnet = WordNet::Get();
    if (!wordnet.available() || term.empty()) return out;
    const std::string noun(term);
    std::set<std::string> seen{noun};
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
    std::vector<std::string> out = wordnet.Hypernyms(std::string(noun), /*depth=*/10, 1);
    std::set<std::string> seen(out.begin(), out.end());
    for (std::string& w : wordnet.Hypernyms(std::string(noun), /*depth=*/10)) {
      if (seen.insert(w).second) out.push_back(std::move(w));
    }
    return out;
  };
}

SenseLookup WordNetSenseLookup() {
  return [](std::string_view noun) {
    WordNet& wordnet = WordNet::Get();
    if (!wordnet.available() || noun.empty()) return std::vector<std::vector<std::string>>{};
    return wordnet.SenseAncestors(std::string(noun));
  };
}

AssetOptions WithWordNet(AssetOptions options) {
  if (!options.expand_terms) options.expand_terms = WordNetTermExpander();
  if (!options.hypernyms) options.hypernyms = WordNetHypernymLookup();
  if (!options.senses) options.senses = WordNetSenseLookup();
  return options;
}

}  // namespace scenecraft
