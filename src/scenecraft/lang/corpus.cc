#include "scenecraft/lang/corpus.h"

#include <algorithm>
#include <cctype>
#include <numeric>
#include <optional>

#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// A count is a non-negative number, or [min, max] with 0 <= min <= max.
std::optional<ExpectedCount> ReadCount(const nlohmann::json& v) {
  auto whole = [](const nlohmann::json& n) -> std::optional<int> {
    if (!n.is_number_integer() || n.get<long long>() < 0 || n.get<long long>() > 1000000)
      return std::nullopt;
    return n.get<int>();
  };
  if (auto n = whole(v)) return ExpectedCount{*n, *n};
  if (v.is_array() && v.size() == 2) {
    const auto lo = whole(v[0]), hi = whole(v[1]);
    if (lo && hi && *lo <= *hi) return ExpectedCount{*lo, *hi};
  }
  return std::nullopt;
}

// An opening id read as its kind: the id without a trailing "_N" ("door_1" -> "door").
std::string KindOfOpeningId(const std::string& id) {
  std::string kind = id;
  while (!kind.empty() && (std::isdigit(static_cast<unsigned char>(kind.back())) != 0))
    kind.pop_back();
  while (!kind.empty() && (kind.back() == '_' || kind.back() == '-')) kind.pop_back();
  return kind.empty() ? id : kind;
}

// A corpus name matches a planned category; a corpus may name an opening by an id ("door_1"),
// which matches any opening of that kind (ids are the planner's to choose).
bool NameMatches(const std::string& name, const std::string& category) {
  return CategoryMatches(name, category) ||
         (IsOpeningCategory(category) && KindOfOpeningId(name) == category);
}

}  // namespace

std::string ExpectedCount::ToString() const {
  return min == max ? std::to_string(min) : std::to_string(min) + "-" + std::to_string(max);
}

std::vector<CorpusCase> LoadCorpus(const std::filesystem::path& path) {
  std::vector<CorpusCase> cases;
  const std::vector<std::string> lines = Split(ReadFile(path), '\n');
  for (size_t n = 0; n < lines.size(); ++n) {
    if (Trim(lines[n]).empty()) continue;
    const std::string origin = path.string() + ":" + std::to_string(n + 1);
    const nlohmann::json j = ParseJson(lines[n], origin);
    JsonProblems problems;
    JsonObjectReader r(j, "", &problems);
    CorpusCase c;
    c.id = r.String("id", true).value_or("");
    c.prompt = r.String("prompt", true).value_or("");
    if (const nlohmann::json* counts = r.Get("counts", true); counts && counts->is_object()) {
      for (auto it = counts->begin(); it != counts->end(); ++it) {
        if (const auto count = ReadCount(it.value())) {
          c.counts[it.key()] = *count;
        } else {
          problems.Add(JsonPointerAppend("/counts", it.key()),
                       "a count is a whole number >= 0 or a range [min, max]");
        }
      }
    }
    if (const nlohmann::json* rels = r.Get("relations"); rels && rels->is_array()) {
      for (const nlohmann::json& rel : *rels) {
        std::vector<std::string> tuple;
        for (const nlohmann::json& w : rel)
          tuple.push_back(w.is_string() ? w.get<std::string>() : "");
        c.relations.push_back(tuple);
      }
    }
    r.Finish();
    problems.ThrowIfAny(origin);
    cases.push_back(std::move(c));
  }
  return cases;
}

namespace {

// One noun in two spellings: "lamp post", "lamp-post" and "lamppost" (WordNet writes some
// compounds as one word, the planner then uses its form).
bool SameSpelling(std::string_view a, std::string_view b) {
  auto next = [](std::string_view s, size_t& k) {
    while (k < s.size() && (s[k] == ' ' || s[k] == '-')) ++k;
    return k < s.size() ? s[k++] : '\0';
  };
  size_t i = 0, j = 0;
  for (;;) {
    const char x = next(a, i), y = next(b, j);
    if (x != y) return false;
    if (x == '\0') return true;
  }
}

// The planner names a thing by its noun's base form, so a corpus's plural ("string lights") is
// the same noun as its singular ("string light").
bool SameNoun(std::string_view expected, std::string_view category) {
  if (SameSpelling(expected, category)) return true;
  const std::string e(expected);
  const size_t space = e.rfind(' ');
  const std::string last = space == std::string::npos ? e : e.substr(space + 1);
  const std::string base = WordNet::Get().NounBase(last);
  if (base.empty() || base == last) return false;
  return SameSpelling(e.substr(0, space == std::string::npos ? 0 : space + 1) + base, category);
}

}  // namespace

bool CategoryMatches(std::string_view alternatives, std::string_view category) {
  for (const std::string& a : Split(alternatives, '|')) {
    if (SameNoun(a, category)) return true;
  }
  return false;
}

bool IsOwnNoun(std::string_view alternatives, std::string_view category) {
  const std::vector<std::string> alts = Split(alternatives, '|');
  for (size_t k = 0; k < alts.size(); ++k) {
    if (!SameNoun(alts[k], category)) continue;
    bool head_of_earlier = false;
    for (size_t e = 0; e < k; ++e) {
      const size_t space = alts[e].rfind(' ');
      head_of_earlier =
          head_of_earlier ||
          (alts[e].size() > alts[k].size() && EndsWith(alts[e], " " + alts[k])) ||
          (space != std::string::npos && SameNoun(alts[e].substr(space + 1), alts[k]));
    }
    if (!head_of_earlier) return true;
  }
  return false;
}

bool IsOpeningCategory(std::string_view category) {
  return category == "door" || category == "window";
}

std::vector<std::string> CategoryTuple(const SceneGraph& graph, const Relation& relation) {
  std::vector<std::string> cats;
  for (const std::string& id : relation.objects) {
    const Object* o = graph.FindObject(id);
    if (o != nullptr) {
      cats.push_back(o->category);
      continue;
    }
    const auto& openings = graph.environment.openings;
    const auto opening = std::find_if(openings.begin(), openings.end(),
                                      [&](const Opening& op) { return op.id == id; });
    if (opening != openings.end()) {
      cats.push_back(opening->kind);
      continue;
    }
    cats.push_back(KindOfOpeningId(id));
  }
  std::vector<std::string> tuple{std::string(RelationTypeName(relation.type))};
  const RelationInfo& info = GetRelationInfo(relation.type);
  if (relation.type == RelationType::kBetween || info.max_objects == 2 || info.max_objects == 1) {
    tuple.insert(tuple.end(), cats.begin(), cats.end());
    return tuple;
  }
  // Group relations: each member category once, then the reference.
  const size_t members = info.has_reference ? cats.size() - 1 : cats.size();
  for (size_t k = 0; k < members; ++k) {
    if (std::find(tuple.begin() + 1, tuple.end(), cats[k]) == tuple.end()) tuple.push_back(cats[k]);
  }
  if (info.has_reference) tuple.push_back(cats.back());
  return tuple;
}

bool TupleMatches(const std::vector<std::string>& corpus, const std::vector<std::string>& planned) {
  if (corpus.empty() || planned.empty() || !CategoryMatches(corpus[0], planned[0])) return false;
  if (corpus.size() != planned.size()) return false;
  auto match_in_order = [&](const std::vector<size_t>& order) {
    for (size_t k = 1; k < corpus.size(); ++k) {
      if (!NameMatches(corpus[k], planned[order[k]])) return false;
    }
    return true;
  };
  std::vector<size_t> order(corpus.size());
  std::iota(order.begin(), order.end(), size_t{0});
  if (match_in_order(order)) return true;
  // Symmetric arguments: between's two ends, across's pair.
  const std::string& type = planned[0];
  if (type == "between" && corpus.size() == 4) return match_in_order({0, 1, 3, 2});
  if (type == "across" && corpus.size() == 3) return match_in_order({0, 2, 1});
  // Group members in any order (the reference, when the type has one, stays last).
  const std::optional<RelationType> t = RelationTypeFromName(type);
  if (!t || *t == RelationType::kBetween) return false;
  if (GetRelationInfo(*t).max_objects == 1 || GetRelationInfo(*t).max_objects == 2) return false;
  const size_t members_end = GetRelationInfo(*t).has_reference ? order.size() - 1 : order.size();
  if (members_end > 8) return false;  // corpora name a few member categories; no factorial blow-up
  while (std::next_permutation(order.begin() + 1, order.begin() + members_end)) {
    if (match_in_order(order)) return true;
  }
  return false;
}

bool IsPlaceholder(const Object& object) {
  return object.asset.source == "procedural" && object.asset.id == "generic";
}

}  // namespace scenecraft
