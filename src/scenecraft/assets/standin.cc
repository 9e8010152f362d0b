#include "scenecraft/assets/standin.h"

#include <algorithm>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/procedural_builder.h"
#include "scenecraft/assets/resolve.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// Modifiers that make a thing a small copy of itself ("toy train", "model ship"): a closed class
// of words, applied only when the compound as a whole is unknown and its head decided the shape
// (with WordNet, the SmallCopyLookup finds these and others by their definitions).
constexpr const char* kMiniatures[] = {"toy", "model", "miniature"};

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

SenseLookup SingleSense(HypernymLookup hypernyms) {
  if (!hypernyms) return {};
  return [hypernyms = std::move(hypernyms)](std::string_view noun) {
    std::vector<std::vector<std::string>> out;
    if (std::vector<std::string> chain = hypernyms(noun); !chain.empty()) {
      out.push_back(std::move(chain));
    }
    return out;
  };
}

namespace {

// How well a sense fits a scene, from its hypernyms: a made thing, food, a living or other
// physical thing, an abstraction. Chains without WordNet's top levels (a lookup that does not reach
// them) count as physical, and so does an abstraction a row of the table names on purpose (an
// imaginary being stands for its figure); an abstraction that only shares a word with a catalog
// name ("firm, house" for a magazine publisher) does not.
double KindScore(const std::vector<std::string>& chain, bool by_row) {
  if (Contains(chain, "artifact")) return 3.0;
  // Solid food before the plant it grows on, even when the plant is the more frequent sense: a
  // scene names plants as plants ("an apple tree", "a tomato plant"), and an apple or a pumpkin
  // alone is the thing in a crate or on a table. Not drinks: a mixer is the machine.
  if (Contains(chain, "solid food")) return 2.75;
  if (Contains(chain, "physical entity") || !Contains(chain, "abstraction") || by_row) return 1.5;
  return 0.0;
}

// How far a plant sense falls behind a food sense of the same noun.
constexpr double kPlantBesideFood = 4.0;

// How many of a sense chain's nearest words may be shared with a modifier's sense for the two to
// agree: near enough to be one kind of thing ("framework"), not WordNet's top ("structure",
// "artifact").
constexpr size_t kAgreementDepth = 3;

// Whether one of the first kAgreementDepth words of `head` is the modifier or on its chain.
bool Agree(const std::vector<std::string>& head, const std::string& modifier,
           const std::vector<std::string>& modifier_chain) {
  for (size_t i = 0; i < head.size() && i < kAgreementDepth; ++i) {
    if (head[i] == modifier || Contains(modifier_chain, head[i])) return true;
  }
  return false;
}

enum class Match { kNone, kCatalog, kRow };

// Whether a catalog category that lists `term` among its names is a kind of `term` rather than
// `term` itself: WordNet's first sense of the category has `term` above it, beyond the words near
// enough to share its shape (kAgreementDepth: a chair's "seat" is, a pillion takes its shape), and
// no sense of `term` has the category above it (a synonym of the same synset would). The catalog
// car lists "vehicle", which is the class of sleds and airships too, not their shape.
bool NamesItsClass(const std::string& term, const CategoryInfo& info, const SenseLookup& senses) {
  if (!senses || term == info.name) return false;
  const std::vector<std::vector<std::string>> category = senses(info.name);
  if (category.empty()) return false;
  const auto at = std::find(category.front().begin(), category.front().end(), term);
  if (at == category.front().end() ||
      at - category.front().begin() < static_cast<std::ptrdiff_t>(kAgreementDepth)) {
    return false;
  }
  for (const std::vector<std::string>& chain : senses(term)) {
    if (Contains(chain, info.name)) return false;
  }
  return true;
}

// The shape and size a row or catalog category gives the first matching word of `chain`
// (nearest first), and which of the two matched. A catalog category found through a word that
// names its class (NamesItsClass) is passed over.
Match MatchShape(const std::vector<std::string>& chain, StandIn* s, const SenseLookup& senses) {
  for (const std::string& term : chain) {
    Match match = Match::kNone;
    if (const StandInKind* kind = FindKind(term, chain)) {
      s->shape = std::string(kind->shape);
      s->size_m = kind->size_m;
      s->support = kind->support;
      s->has_front = kind->has_front;
      match = Match::kRow;
    } else if (const CategoryInfo* info = FindProceduralCategory(term);
               info != nullptr && !NamesItsClass(term, *info, senses)) {
      s->shape = info->name;
      s->size_m = info->size;
      s->support = info->support;
      s->has_front = info->has_front;
      match = Match::kCatalog;
    } else {
      continue;
    }
    s->via = term;
    s->typical_m = s->size_m;
    return match;
  }
  return Match::kNone;
}

bool Fits(const Vec3& size, const std::optional<Vec3>& fits_m) {
  if (!fits_m) return true;
  return std::max(size.x, size.y) <= std::max(fits_m->x, fits_m->y) && size.z <= fits_m->z;
}

// The best sense's stand-in for one tail of the phrase (`words[first..]`), or nullopt.
std::optional<StandIn> ChooseForTail(const std::vector<std::string>& words, size_t first,
                                     const SenseLookup& senses, const std::optional<Vec3>& fits_m) {
  const std::vector<std::string> tail(words.begin() + static_cast<std::ptrdiff_t>(first),
                                      words.end());
  const std::string phrase = Join(tail, " ");
  // Each sense as the phrase itself followed by its hypernyms; a phrase WordNet does not know
  // is one sense of just itself (catalog names still match).
  std::vector<std::vector<std::string>> chains;
  if (senses) chains = senses(phrase);
  if (chains.empty()) chains.emplace_back();
  for (std::vector<std::string>& c : chains) c.insert(c.begin(), phrase);
  // The modifiers' senses, for agreement ("barbecue" of "barbecue grill").
  std::vector<std::pair<std::string, std::vector<std::string>>> modifier_senses;
  if (senses) {
    for (size_t i = 0; i < first; ++i) {
      for (std::vector<std::string>& c : senses(words[i])) {
        modifier_senses.emplace_back(words[i], std::move(c));
      }
    }
  }
  std::optional<StandIn> best;
  double best_score = 0.0;
  auto consider = [&](StandIn s, double score) {
    if (!Fits(s.size_m, fits_m)) score -= 6.0;
    if (!best || score > best_score) {
      best = std::move(s);
      best_score = score;
    }
  };
  // A written thing is a sheet of paper only when the noun names no physical thing at all ("a
  // note", "a postcard"; a log is first a piece of a trunk, then a written record).
  const bool any_physical = std::any_of(
      chains.begin(), chains.end(), [](const auto& c) { return Contains(c, "physical entity"); });
  // A noun that names a solid food by any sense names it rather than the plant it grows on,
  // however often WordNet names the tree first ("peach": first the tree, third the fruit): a
  // scene names the plant as a plant ("a peach tree").
  const bool food = std::any_of(chains.begin(), chains.end(), [](const auto& c) {
    return Contains(c, "solid food") && !Contains(c, "artifact");
  });
  for (size_t rank = 0; rank < chains.size(); ++rank) {
    const std::vector<std::string>& chain = chains[rank];
    const double rank_score =
        -static_cast<double>(rank) -
        (food && Contains(chain, "plant") && !Contains(chain, "artifact") ? kPlantBesideFood : 0.0);
    if (any_physical && Contains(chain, "communication") && !Contains(chain, "physical entity")) {
      continue;
    }
    // The first modifier sense this sense agrees with, if any.
    const std::vector<std::string>* agreeing = nullptr;
    for (const auto& [modifier, modifier_chain] : modifier_senses) {
      if (Agree({chain.begin() + 1, chain.end()}, modifier, modifier_chain)) {
        agreeing = &modifier_chain;
        break;
      }
    }
    StandIn s;
    if (const Match m = MatchShape(chain, &s, senses); m != Match::kNone) {
      // An abstraction that only shares a word with a catalog name is a homonym, not the thing's
      // shape: a newspaper publisher is a "firm, house", which gives no newspaper a house's
      // shape and size, however rare the senses that are things.
      if (m == Match::kCatalog && KindScore(chain, /*by_row=*/false) == 0.0) continue;
      consider(s,
               KindScore(chain, m == Match::kRow) + rank_score + (agreeing != nullptr ? 4.0 : 0.0));
    } else if (agreeing != nullptr && MatchShape(*agreeing, &s, senses) != Match::kNone) {
      // The sense has no shape of its own; the modifier's agreeing sense lends its shape.
      consider(s, KindScore(chain, /*by_row=*/false) + rank_score + 4.0);
    }
  }
  return best;
}

double LargestExtent(const Vec3& v) {
  return std::max({v.x, v.y, v.z});
}

// The factor that makes a thing of `size` a small copy: its largest extent at most
// kSmallCopyExtent (1 when it is that small already).
double SmallCopyFactor(const Vec3& size) {
  const double extent = LargestExtent(size);
  return extent > kSmallCopyExtent ? kSmallCopyExtent / extent : 1.0;
}

// A thing named for an animal ("cat bed", "hamster cage", "dog kennel": the modifier's most
// frequent sense is an animal) is made to the animal's size: its largest extent at most
// kForAnimal times the animal's stand-in's, and never below kRoomToMove (a cage or bed for a
// small animal still leaves it room).
void FitToAnimal(const std::string& modifier, const SenseLookup& senses, Vec3* size) {
  constexpr double kForAnimal = 1.5;
  constexpr double kRoomToMove = 0.4;
  if (!senses) return;
  const std::vector<std::vector<std::string>> chains = senses(modifier);
  if (chains.empty() || !Contains(chains.front(), "animal") || Contains(chains.front(), "person"))
    return;
  const std::optional<StandIn> animal = ChooseForTail({modifier}, 0, senses, std::nullopt);
  if (!animal) return;
  const double limit = std::max(kRoomToMove, kForAnimal * LargestExtent(animal->size_m));
  const double extent = LargestExtent(*size);
  if (extent > limit) *size = *size * (limit / extent);
}

}  // namespace

std::optional<StandIn> ChooseStandIn(std::string_view category, std::string_view description,
                                     const SenseLookup& senses, const std::optional<Vec3>& fits_m,
                                     const SmallCopyLookup& small_copy) {
  const std::vector<std::string> words = LowerWords(category, "\'");
  for (size_t first = 0; first < words.size(); ++first) {
    std::optional<StandIn> s = ChooseForTail(words, first, senses, fits_m);
    if (!s) continue;
    // A small copy of its kind is at most hand-held or table-top, however large the kind.
    auto copy_size = [&] {
      const double factor = SmallCopyFactor(s->size_m);
      s->copy_scale *= factor;
      s->size_m = s->size_m * factor;
    };
    const std::string tail =
        Join({words.begin() + static_cast<std::ptrdiff_t>(first), words.end()}, " ");
    if (small_copy && small_copy(tail, /*head=*/true)) copy_size();
    // Size words of the description, and of the modifiers the shape did not use ("toy").
    std::string size_words(description);
    for (size_t i = 0; i < first; ++i) {
      if (std::find(std::begin(kMiniatures), std::end(kMiniatures), words[i]) !=
              std::end(kMiniatures) ||
          (small_copy && small_copy(words[i], false))) {
        copy_size();
      }
      FitToAnimal(words[i], senses, &s->size_m);
      size_words += " " + words[i];
    }
    s->size_m = ApplySizeWords(size_words, s->size_m);
    return s;
  }
  return std::nullopt;
}

Vec3 CapSmallCopy(const Vec3& size) {
  return size * SmallCopyFactor(size);
}

std::optional<StandIn> ChooseStandIn(std::string_view category, std::string_view description,
                                     const HypernymLookup& hypernyms) {
  return ChooseStandIn(category, description, SingleSense(hypernyms));
}

}  // namespace scenecraft
