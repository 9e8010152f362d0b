// Retrieval: the best indexed model for one object, from its category, description words and a
// size hint. Deterministic: the same index and query always give the same choice.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "scenecraft/assets/asset_index.h"

namespace scenecraft {

struct RetrievalQuery {
  std::string category;     // singular noun phrase, e.g. "coffee table"
  std::string description;  // adjectives, e.g. "small round wooden"
  Vec3 size_hint;           // expected width x depth x height in metres; zero when unknown
};

struct RetrievalChoice {
  AssetRecord record;
  // How well the model's kind matches the category: 3 the same ("table" for table), 2 a compound
  // of it ("coffee table" for table; "toilets unit" for toilet), 1 a synonym or kind of it via
  // WordNet, or the bare head noun ("lamp" for floor lamp) unless WordNet knows the phrase as
  // another kind ("bird bath" is a basin; a lab bench is a workbench, not the seat "bench" mostly
  // means), or a model named by the phrase's immediate kind ("workbench" for a lab bench,
  // "armchair" for a recliner; ranked after nearer kinds). Models of implausible size are never
  // chosen.
  int level = 0;
  // Levels the model's kind lies above the category's: 1 for a model of the immediate kind
  // (level 1 only; it must be of the object's size within a factor of two), else 0.
  int broader = 0;
  // Related only by a tag that is the category (level 1), not by WordNet: after its kinds.
  bool tagged_only = false;
  double score = 0.0;  // higher is better within a level
  std::string ToString() const;
};

// The best candidate, or nullopt when no indexed model is the right kind of object.
// `source` and `under` filter as in AssetIndex::Search; `expander` gives synonyms and hypernyms
// of a kind (may be null: then only names and tags match); `kind_distance` says how far up a
// phrase's hypernyms a kind lies (may be null: then the head noun names every compound's kind
// unless the expander's words for the phrase leave it out, and no broader kind is taken).
std::optional<RetrievalChoice> ChooseAsset(const AssetIndex& index, const RetrievalQuery& query,
                                           std::string_view source,
                                           const std::filesystem::path& under,
                                           const TermExpander& expander,
                                           const KindDistanceLookup& kind_distance = {});

// All candidates of the right kind, best first (ChooseAsset returns the first).
std::vector<RetrievalChoice> RankAssets(const AssetIndex& index, const RetrievalQuery& query,
                                        std::string_view source, const std::filesystem::path& under,
                                        const TermExpander& expander,
                                        const KindDistanceLookup& kind_distance = {});

// Search for words a person types (`scenecraft assets search`): the longest tail of `text` that
// names a kind of model is the category and all its words the description ("wooden chair":
// chairs, the wooden ones first), ranked as RankAssets ranks; then the other full-text hits by
// BM25 (level 0, score minus BM25). At most `limit` results.
std::vector<RetrievalChoice> SearchAssets(const AssetIndex& index, std::string_view text, int limit,
                                          std::string_view source, const TermExpander& expander,
                                          const KindDistanceLookup& kind_distance = {});

}  // namespace scenecraft
