#include "scenecraft/assets/retrieval.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "scenecraft/assets/appearance.h"
#include "scenecraft/assets/model_materials.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// Sum of |log ratio| over the three extents: 0 for the same size, ln 2 per dimension twice off.
double SizeMismatch(const Vec3& size, const Vec3& hint) {
  if (!(hint.x > 0 && hint.y > 0 && hint.z > 0)) return 0.0;
  if (!(size.x > 0 && size.y > 0 && size.z > 0)) return 10.0;
  return std::abs(std::log(size.x / hint.x)) + std::abs(std::log(size.y / hint.y)) +
         std::abs(std::log(size.z / hint.z));
}

bool Implausible(const Vec3& size, const Vec3& hint, double factor = 3.0) {
  if (!(hint.x > 0 && hint.y > 0 && hint.z > 0)) return false;
  // The height and the larger footprint side decide: a 4 cm "car" is a toy, not a car.
  const double height = size.z / hint.z;
  const double footprint = std::max(size.x, size.y) / std::max(hint.x, hint.y);
  if (height > factor || height < 1.0 / factor || footprint > factor || footprint < 1.0 / factor) {
    return true;
  }
  // Off on every axis at once (a 0.8 m MIDI keyboard named "Keyboard" for a computer keyboard
  // of 0.45 m): the extents' ratios multiply to more than 6.
  return SizeMismatch(size, hint) > 1.8;
}

// How a model's look agrees with the description's material and colour words: +1 for the
// material the description names (in the model's name, tags, material names or textures), -1.2
// for a model made of other materials only (a glass table for "a wooden table"), -0.5 for a
// colour word in its name that is not the description's. Models that say nothing score 0.
double LookAgreement(const Appearance& wanted, const AssetRecord& r,
                     const std::vector<std::string>& name_words) {
  double score = 0.0;
  if (wanted.material) {
    std::set<std::string> classes = ModelMaterialClasses(r);
    for (const std::string& w : name_words) {
      if (const Appearance a = ParseAppearance(w); a.material) classes.insert(a.material->name);
    }
    if (classes.count(wanted.material->name) != 0) {
      score += 1.0;
    } else if (!classes.empty()) {
      score -= 1.2;
    }
  }
  if (!wanted.color_word.empty()) {
    for (const std::string& w : name_words) {
      if (w != wanted.color_word && ColorFromWord(w)) score -= 0.5;
    }
  }
  return score;
}

}  // namespace

std::string RetrievalChoice::ToString() const {
  return record.ToString() + " (level " + std::to_string(level) + ", score " +
         FormatNumber(score, 3) + ")";
}

std::vector<RetrievalChoice> RankAssets(const AssetIndex& index, const RetrievalQuery& query,
                                        std::string_view source, const std::filesystem::path& under,
                                        const TermExpander& expander,
                                        const KindDistanceLookup& kind_distance) {
  const std::string category = Join(LowerWords(query.category), " ");
  const std::string category_head = HeadNoun(category);
  std::vector<RetrievalChoice> out;
  if (category.empty()) return out;
  // WordNet decides by the senses when it knows the phrase: the head must name the phrase's kind
  // in what the head mostly means (a lab bench is a workbench, which "bench" rarely means).
  const bool phrase_known = kind_distance && kind_distance(category, category) == 0;
  // Candidates: anything the full-text index finds for the category words (the index holds the
  // synonyms and hypernyms of every name, so "couch" finds sofas and "chair" armchairs), and for
  // the words of its own kind one level up ("cabinet" for a medicine chest).
  std::vector<AssetHit> hits = index.Search(category, /*limit=*/200, source, under);
  if (phrase_known && expander) {
    std::string kinds;
    for (const std::string& w : expander(category)) {
      if (kind_distance(category, w) == 1) kinds += (kinds.empty() ? "" : " ") + w;
    }
    std::set<std::string> ids;
    for (const AssetHit& h : hits) ids.insert(h.record.id);
    if (!kinds.empty()) {
      for (AssetHit& h : index.Search(kinds, /*limit=*/200, source, under)) {
        if (ids.insert(h.record.id).second) hits.push_back(std::move(h));
      }
    }
  }
  const std::vector<std::string> description = LowerWords(query.description);
  const Appearance wanted = ParseAppearance(query.description);
  // The bare head noun names the kind ("lamp" for a floor lamp) unless WordNet knows the whole
  // phrase as another kind of thing: a bird bath is a basin, not a bath(tub); a sofa bed a sofa.
  bool head_names_kind = true;
  if (phrase_known && category_head != category) {
    head_names_kind = kind_distance(category, category_head) > 0;
  } else if (expander && category_head != category) {
    const std::vector<std::string> whole = expander(category);
    head_names_kind = whole.empty() || Contains(whole, category_head);
  }
  for (const AssetHit& hit : hits) {
    const AssetRecord& r = hit.record;
    // Doors and windows stand in walls; they only answer for doors and windows.
    if (r.door_or_window && category_head != "door" && category_head != "window") continue;
    const std::string kind = r.kind;
    const std::string kind_head = HeadNoun(kind);
    RetrievalChoice c;
    c.record = r;
    // The kind with its last word singular: "dining chairs" -> "dining chair".
    const size_t space = kind.rfind(' ');
    const std::string singular =
        (space == std::string::npos ? "" : kind.substr(0, space + 1)) + kind_head;
    if (singular == category) {
      c.level = 3;  // "table", "tables"
    } else if (EndsWith(singular, " " + category)) {
      // A compound WordNet knows as another kind of thing is no kind of its last word: a clothes
      // horse (a framework), a sawhorse or a rocking horse is no horse, a bird bath no bath.
      if (kind_distance && kind_distance(singular, singular) == 0 &&
          kind_distance(singular, category) < 0) {
        continue;
      }
      // "coffee table" for table; "round table" for a round table is the very thing.
      bool described = true;
      for (const std::string& w :
           LowerWords(singular.substr(0, singular.size() - category.size()))) {
        described = described && Contains(description, w);
      }
      // A model named by a kind of the thing the text does not ask for ("palm tree" for a tree)
      // is a kind of it like any other (a pine): before them only at the thing's size, within
      // twice, as for the broader kinds below; otherwise its size decides among them.
      c.level = described ? 3 : Implausible(r.size_m, query.size_hint, 2.0) ? 1 : 2;
    } else if (const std::vector<std::string> kind_words = LowerWords(kind);
               kind_words.size() == 2 && HeadNoun(kind_words[0]) == category &&
               (kind_head == "unit" || kind_head == "stall" || kind_head == "set" ||
                kind_head == "cabin")) {
      c.level = 2;  // "toilets unit" for toilet, "shower stall" for shower
    } else {
      std::vector<std::string> tags;
      for (const std::string& t : r.tags) tags.push_back(ToLower(t));
      bool related = head_names_kind && kind == category_head;
      // What WordNet says the kind is: its synonyms and hypernyms.
      std::vector<std::string> known;
      if (expander) {
        known = expander(kind);
        if (kind_head != kind) {
          for (std::string& w : expander(kind_head)) known.push_back(std::move(w));
        }
      }
      // A tag that is the category counts too ("Yamaha YZR R6" is tagged motorcycle), after the
      // kinds WordNet knows as the thing's (a bamboo tagged "tree" is a grass, a pine a tree).
      related = related || Contains(known, category);
      if (!related && Contains(tags, category)) {
        related = true;
        c.tagged_only = true;
      }
      // The phrase's own kind, one level up ("workbench" for a lab bench, "armchair" for a
      // recliner), after nearer kinds: a model of the kind looks more like the thing than a
      // shape chosen for it. Only a model named by the kind itself: a compound model name read
      // by its head ("dryer machine" as a machine) is too loose a kind.
      if (!related && phrase_known && kind != category && kind_distance(category, kind) == 1) {
        related = true;
        c.broader = 1;
      }
      if (!related) continue;
      c.level = 1;  // a synonym ("sofa" for couch), a kind of it ("armchair" for chair)
    }
    // A model three times too big or small is the wrong object (a toy car, a doll's bed); a model
    // of another kind stands in only at the thing's own size, within twice (a table lamp is no
    // candle).
    if (Implausible(r.size_m, query.size_hint, c.broader > 0 ? 2.0 : 3.0)) continue;
    // Within a level: plausible size first, then description words the model's name, tags or
    // category carry, then BM25.
    const std::string text = ToLower(r.name + " " + Join(r.tags, " ") + " " + r.category);
    const std::vector<std::string> text_words = LowerWords(text);
    int described = 0;
    for (const std::string& w : description) {
      if (Contains(text_words, w)) ++described;
    }
    c.score = -SizeMismatch(r.size_m, query.size_hint) + 0.7 * described +
              LookAgreement(wanted, r, LowerWords(r.name)) - 0.01 * hit.bm25;
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const RetrievalChoice& a, const RetrievalChoice& b) {
    if (a.level != b.level) return a.level > b.level;
    if (a.broader != b.broader) return a.broader < b.broader;   // nearer kinds first
    if (a.tagged_only != b.tagged_only) return !a.tagged_only;  // WordNet's kinds first
    if (a.score != b.score) return a.score > b.score;
    return a.record.id < b.record.id;
  });
  return out;
}

std::optional<RetrievalChoice> ChooseAsset(const AssetIndex& index, const RetrievalQuery& query,
                                           std::string_view source,
                                           const std::filesystem::path& under,
                                           const TermExpander& expander,
                                           const KindDistanceLookup& kind_distance) {
  std::vector<RetrievalChoice> ranked =
      RankAssets(index, query, source, under, expander, kind_distance);
  if (ranked.empty()) return std::nullopt;
  return std::move(ranked.front());
}

std::vector<RetrievalChoice> SearchAssets(const AssetIndex& index, std::string_view text, int limit,
                                          std::string_view source, const TermExpander& expander,
                                          const KindDistanceLookup& kind_distance) {
  std::vector<RetrievalChoice> out;
  if (limit <= 0) return out;
  const std::vector<std::string> words = LowerWords(text);
  // The longest tail that names a kind decides; all the words describe (the tail's own words
  // count alike for every model of the kind).
  for (size_t first = 0; first < words.size() && out.empty(); ++first) {
    const RetrievalQuery query{
        Join(std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(first),
                                      words.end()),
             " "),
        Join(words, " "), Vec3{}};
    out = RankAssets(index, query, source, {}, expander, kind_distance);
  }
  if (out.size() > static_cast<size_t>(limit)) out.resize(static_cast<size_t>(limit));
  // Then what the full text finds besides.
  std::set<std::string> listed;
  for (const RetrievalChoice& c : out) listed.insert(c.record.id);
  for (const AssetHit& hit : index.Search(text, limit, source)) {
    if (out.size() >= static_cast<size_t>(limit)) break;
    if (!listed.insert(hit.record.id).second) continue;
    RetrievalChoice c;
    c.record = hit.record;
    c.score = -hit.bm25;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace scenecraft
