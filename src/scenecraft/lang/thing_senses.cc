#include "scenecraft/lang/thing_senses.h"

#include <wn.h>

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// Whether a definition says its thing is a small copy of another kind (closed class: the phrases
// WordNet's definitions use for it; docs/PLANNER.md).
bool DefinesASmallCopy(std::string_view gloss, bool head) {
  static constexpr std::string_view kDwarfed[] = {"dwarfed", "atypically small"};
  static constexpr std::string_view kCopy[] = {"replica", "greatly reduced size",
                                               "on a smaller scale"};
  for (std::string_view p : kDwarfed) {
    if (gloss.find(p) != std::string_view::npos) return true;
  }
  if (head) return false;
  for (std::string_view p : kCopy) {
    if (gloss.find(p) != std::string_view::npos) return true;
  }
  return false;
}

// A memo of a WordNet answer per key, shared by the planner's and the asset stage's threads;
// cleared when it passes 4096 entries, so arbitrary text cannot grow it without bound.
template <typename Value>
class Memo {
 public:
  std::optional<Value> Find(std::string_view key) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = values_.find(key); it != values_.end()) return it->second;
    return std::nullopt;
  }
  void Put(std::string key, const Value& value) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (values_.size() > 4096) values_.clear();
    values_.insert_or_assign(std::move(key), value);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, Value, std::less<>> values_;
};

}  // namespace

std::string WordNetSpelling(WordNet& wordnet, std::string_view noun) {
  std::string given(noun);
  if (given.empty() || wordnet.SenseCount(given) > 0) return given;
  if (given.find(' ') == std::string::npos) {
    // One word: two nouns WordNet writes apart, typed closed up ("toolchest"). Each part at
    // least three letters, so that no prefix or suffix splits off ("a", "re").
    if (given.find('-') != std::string::npos) return given;
    for (size_t at = 3; at + 3 <= given.size(); ++at) {
      const std::string apart = given.substr(0, at) + " " + given.substr(at);
      if (wordnet.SenseCount(apart) > 0) return apart;
    }
    return given;
  }
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

std::vector<std::vector<std::string>> AnAnimalByMostUses(
    std::vector<std::vector<std::string>> senses, const std::vector<int>& tag_counts) {
  // A made thing goes before a living one when a scene could mean either (standin.h); but a noun
  // that WordNet's tagged texts use for an animal more than a few times and more often than for
  // all its other senses together names the animal: a pig is no pig bed (a mould), a horse no
  // vaulting horse.
  if (senses.empty() || tag_counts.empty() || !Contains(senses.front(), "animal") ||
      Contains(senses.front(), "person")) {
    return senses;
  }
  // A few tagged uses say little: a charger is first a war horse, by three uses, and the
  // battery charger a scene means has none.
  constexpr int kFewUses = 3;
  int others = 0;
  for (size_t i = 1; i < tag_counts.size(); ++i) others += tag_counts[i];
  if (tag_counts.front() > kFewUses && tag_counts.front() > others) senses.resize(1);
  return senses;
}

std::vector<std::vector<std::string>> ThingSenses(std::string_view noun) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available() || noun.empty()) return {};
  // Cached: the planner asks for the same nouns many times (SenseKinds is not cached).
  static Memo<std::vector<std::vector<std::string>>> memo;
  if (auto known = memo.Find(noun)) return *std::move(known);
  const std::string spelled = WordNetSpelling(wordnet, noun);
  // A catalog name on a sense's path only as a rare other name of a hypernym is no kind of
  // the noun: a lab bench is a "workbench, work bench, bench", not the seat the catalog's
  // bench is (WordNet::SenseKinds).
  std::vector<std::vector<std::string>> senses = wordnet.SenseKinds(
      spelled, [](const std::string& word) { return FindProceduralCategory(word) != nullptr; });
  senses = AnAnimalByMostUses(std::move(senses), wordnet.SenseTagCounts(spelled));
  senses = ThingsBeforeRarePeople(std::move(senses), wordnet.Frequency(spelled, NOUN));
  memo.Put(std::string(noun), senses);
  return senses;
}

bool SmallCopyWord(std::string_view word, bool head) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available() || word.empty()) return false;
  static Memo<bool> memo;
  const std::string key = std::string(word) + (head ? "#head" : "#modifier");
  if (auto known = memo.Find(key)) return *known;
  bool small = false;
  const std::string spelled = WordNetSpelling(wordnet, word);
  if (head) {
    // The noun itself: what it mostly means, or the kinds just above it ("ming tree: an
    // artificial plant resembling a bonsai" is a kind of bonsai, "a dwarfed ... tree").
    small = DefinesASmallCopy(wordnet.Gloss(spelled), true);
    for (const std::string& kind : wordnet.SenseHypernyms(spelled, 0, 2)) {
      small = small || DefinesASmallCopy(wordnet.Gloss(kind), true);
    }
  } else {
    for (const std::string& gloss : wordnet.Glosses(spelled)) {
      small = small || DefinesASmallCopy(gloss, false);
    }
  }
  memo.Put(key, small);
  return small;
}

std::optional<StandIn> ThingStandIn(std::string_view category, std::string_view description,
                                    const std::optional<Vec3>& fits_m) {
  if (!WordNet::Get().available()) return std::nullopt;
  return ChooseStandIn(category, description, ThingSenses, fits_m, SmallCopyWord);
}

}  // namespace scenecraft
