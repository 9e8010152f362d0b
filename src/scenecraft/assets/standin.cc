#include "scenecraft/assets/standin.h"

#include <algorithm>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/procedural_builder.h"
#include "scenecraft/assets/resolve.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// Modifiers that make a thing a small copy of itself ("toy train", "model ship"): a closed class
// of words, applied only when the compound as a whole is unknown and its head decided the shape.
struct Miniature {
  const char* word;
  double scale;
};
constexpr Miniature kMiniatures[] = {
    {"toy", 0.08}, {"model", 0.08}, {"miniature", 0.1}, {"mini", 0.4}};

const StandInKind* FindKind(const std::string& term, const std::vector<std::string>& chain) {
  for (const StandInKind& k : StandInKinds()) {
    if (k.hypernym != term) continue;
    if (!k.within.empty() &&
        std::find(chain.begin(), chain.end(), std::string(k.within)) == chain.end()) {
      continue;
    }
    return &k;
  }
  return nullptr;
}

}  // namespace

std::string StandIn::Label() const {
  return "stand-in (shape of " + via + ")";
}

bool IsStandInShape(std::string_view name) {
  for (const procedural::Entry& e : procedural::StandInEntries()) {
    if (e.info.name == name) return true;
  }
  return false;
}

namespace {

std::optional<StandIn> Choose(std::string_view category, std::string_view description,
                              const HypernymLookup& hypernyms, bool artifacts_only) {
  const std::vector<std::string> words = LowerWords(category, "\'");
  for (size_t first = 0; first < words.size(); ++first) {
    // The phrase from `first` on, and everything WordNet says it is, nearest first.
    std::vector<std::string> tail(words.begin() + static_cast<std::ptrdiff_t>(first), words.end());
    std::vector<std::string> chain{Join(tail, " ")};
    if (hypernyms) {
      for (std::string& h : hypernyms(chain.front())) chain.push_back(std::move(h));
    }
    for (const std::string& term : chain) {
      StandIn s;
      if (const StandInKind* kind = FindKind(term, chain)) {
        s.shape = std::string(kind->shape);
        s.size_m = kind->size_m;
        s.support = kind->support;
        s.has_front = kind->has_front;
      } else if (const CategoryInfo* info = FindProceduralCategory(term)) {
        s.shape = info->name;
        s.size_m = info->size;
        s.support = info->support;
        s.has_front = info->has_front;
      } else {
        continue;
      }
      if (artifacts_only) {
        const std::vector<std::string> up = hypernyms(term);
        if (std::find(up.begin(), up.end(), "artifact") == up.end()) continue;
      }
      s.via = term;
      s.typical_m = s.size_m;
      // Size words of the description, and of the modifiers the shape did not use ("toy").
      std::string size_words(description);
      for (size_t i = 0; i < first; ++i) {
        for (const Miniature& m : kMiniatures) {
          if (words[i] == m.word) s.size_m = s.size_m * m.scale;
        }
        size_words += " " + words[i];
      }
      s.size_m = ApplySizeWords(size_words, s.size_m);
      return s;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<StandIn> ChooseStandIn(std::string_view category, std::string_view description,
                                     const HypernymLookup& hypernyms) {
  // Things in scenes are mostly made things: a first pass takes only words WordNet files under
  // "artifact" (a dumbbell is a weight before it is a foolish person, a ceiling fan a device
  // before an enthusiast); a second pass takes any.
  for (bool artifacts_only : {true, false}) {
    if (artifacts_only && !hypernyms) continue;
    if (std::optional<StandIn> s = Choose(category, description, hypernyms, artifacts_only)) {
      return s;
    }
  }
  return std::nullopt;
}

}  // namespace scenecraft
