#include "scenecraft/assets/retrieval.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Sum of |log ratio| over the three extents: 0 for the same size, ln 2 per dimension twice off.
double SizeMismatch(const Vec3& size, const Vec3& hint) {
  if (!(hint.x > 0 && hint.y > 0 && hint.z > 0)) return 0.0;
  if (!(size.x > 0 && size.y > 0 && size.z > 0)) return 10.0;
  return std::abs(std::log(size.x / hint.x)) + std::abs(std::log(size.y / hint.y)) +
         std::abs(std::log(size.z / hint.z));
}

bool Implausible(const Vec3& size, const Vec3& hint) {
  if (!(hint.x > 0 && hint.y > 0 && hint.z > 0)) return false;
  // The height and the larger footprint side decide: a 4 cm "car" is a toy, not a car.
  const double height = size.z / hint.z;
  const double footprint = std::max(size.x, size.y) / std::max(hint.x, hint.y);
  if (height > 3.0 || height < 1.0 / 3 || footprint > 3.0 || footprint < 1.0 / 3) return true;
  // Off on every axis at once (a 0.8 m MIDI keyboard named "Keyboard" for a computer keyboard
  // of 0.45 m): the extents' ratios multiply to more than 6.
  return SizeMismatch(size, hint) > 1.8;
}

}  // namespace

std::string RetrievalChoice::ToString() const {
  return record.ToString() + " (level " + std::to_string(level) + ", score " +
         FormatNumber(score, 3) + ")";
}

std::vector<RetrievalChoice> RankAssets(const AssetIndex& index, const RetrievalQuery& query,
                                        std::string_view source, const std::filesystem::path& under,
                                        const TermExpander& expander) {
  const std::string category = Join(LowerWords(query.category), " ");
  const std::string category_head = HeadNoun(category);
  std::vector<RetrievalChoice> out;
  if (category.empty()) return out;
  // Candidates: anything the full-text index finds for the category words (the index holds the
  // synonyms and hypernyms of every name, so "couch" finds sofas and "chair" armchairs).
  const std::vector<AssetHit> hits = index.Search(category, /*limit=*/200, source, under);
  const std::vector<std::string> description = LowerWords(query.description);
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
      // "coffee table" for table; "round table" for a round table is the very thing.
      bool described = true;
      for (const std::string& w :
           LowerWords(singular.substr(0, singular.size() - category.size()))) {
        described = described && Contains(description, w);
      }
      c.level = described ? 3 : 2;
    } else if (const std::vector<std::string> kind_words = LowerWords(kind);
               kind_words.size() == 2 && HeadNoun(kind_words[0]) == category &&
               (kind_head == "unit" || kind_head == "stall" || kind_head == "set" ||
                kind_head == "cabin")) {
      c.level = 2;  // "toilets unit" for toilet, "shower stall" for shower
    } else {
      std::vector<std::string> tags;
      for (const std::string& t : r.tags) tags.push_back(ToLower(t));
      bool related = kind == category_head;
      // What WordNet says the kind is: its synonyms and hypernyms.
      std::vector<std::string> known;
      if (expander) {
        known = expander(kind);
        if (kind_head != kind) {
          for (std::string& w : expander(kind_head)) known.push_back(std::move(w));
        }
      }
      // A tag that is the category counts too ("Yamaha YZR R6" is tagged motorcycle).
      related = related || Contains(known, category) || Contains(tags, category);
      if (!related) continue;
      c.level = 1;  // a synonym ("sofa" for couch), a kind of it ("armchair" for chair)
    }
    // A model three times too big or small is the wrong object (a toy car, a doll's bed).
    if (Implausible(r.size_m, query.size_hint)) continue;
    // Within a level: plausible size first, then description words the model's name, tags or
    // category carry, then BM25.
    const std::string text = ToLower(r.name + " " + Join(r.tags, " ") + " " + r.category);
    const std::vector<std::string> text_words = LowerWords(text);
    int described = 0;
    for (const std::string& w : description) {
      if (Contains(text_words, w)) ++described;
    }
    c.score = -SizeMismatch(r.size_m, query.size_hint) + 0.7 * described - 0.01 * hit.bm25;
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const RetrievalChoice& a, const RetrievalChoice& b) {
    if (a.level != b.level) return a.level > b.level;
    if (a.score != b.score) return a.score > b.score;
    return a.record.id < b.record.id;
  });
  return out;
}

std::optional<RetrievalChoice> ChooseAsset(const AssetIndex& index, const RetrievalQuery& query,
                                           std::string_view source,
                                           const std::filesystem::path& under,
                                           const TermExpander& expander) {
  std::vector<RetrievalChoice> ranked = RankAssets(index, query, source, under, expander);
  if (ranked.empty()) return std::nullopt;
  return std::move(ranked.front());
}

}  // namespace scenecraft
