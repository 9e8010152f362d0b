#include "scenecraft/lang/corpus.h"

#include <algorithm>
#include <set>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
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
        const std::string pointer = JsonPointerAppend("/counts", it.key());
        c.counts[it.key()] =
            static_cast<int>(JsonInteger(it.value(), pointer, 0, 100000, &problems).value_or(0));
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

bool CategoryMatches(std::string_view alternatives, std::string_view category) {
  for (const std::string& a : Split(alternatives, '|')) {
    if (a == category) return true;
  }
  return false;
}

std::vector<std::string> CategoryTuple(const SceneGraph& graph, const Relation& relation) {
  std::vector<std::string> cats;
  for (const std::string& id : relation.objects) {
    const Object* o = graph.FindObject(id);
    cats.push_back(o != nullptr ? o->category : id);
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
  if (corpus.empty() || planned.empty() || corpus[0] != planned[0]) return false;
  if (corpus.size() != planned.size()) return false;
  auto match_in_order = [&](const std::vector<size_t>& order) {
    for (size_t k = 1; k < corpus.size(); ++k) {
      if (!CategoryMatches(corpus[k], planned[order[k]])) return false;
    }
    return true;
  };
  std::vector<size_t> order(corpus.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  if (match_in_order(order)) return true;
  // Symmetric arguments: between's two ends, across's pair.
  if (corpus[0] == "between" && corpus.size() == 4) return match_in_order({0, 1, 3, 2});
  if (corpus[0] == "across" && corpus.size() == 3) return match_in_order({0, 2, 1});
  return false;
}

CaseScore ScorePlan(const CorpusCase& c, const SceneGraph& graph) {
  CaseScore s;
  s.id = c.id;
  s.counts_exact = true;
  for (const auto& [alternatives, expected] : c.counts) {
    int n = 0;
    for (const Object& o : graph.objects) n += CategoryMatches(alternatives, o.category) ? 1 : 0;
    if (n != expected) {
      s.counts_exact = false;
      s.count_errors.push_back(alternatives + ": " + std::to_string(n) + " planned, " +
                               std::to_string(expected) + " asked");
    }
  }
  std::set<std::vector<std::string>> planned, stated;
  for (const Relation& r : graph.relations) {
    if (r.type == RelationType::kOnFloor || r.type == RelationType::kInsideRoom) continue;
    planned.insert(CategoryTuple(graph, r));
    if (r.source.begin >= 0) stated.insert(CategoryTuple(graph, r));
  }
  s.stated_planned = static_cast<int>(stated.size());
  for (const auto& p : stated) {
    bool correct = false;
    for (const auto& expected : c.relations) correct = correct || TupleMatches(expected, p);
    s.stated_correct += correct ? 1 : 0;
  }
  s.relations_expected = static_cast<int>(c.relations.size());
  for (const auto& expected : c.relations) {
    bool found = false;
    for (const auto& p : planned) found = found || TupleMatches(expected, p);
    s.relations_found += found ? 1 : 0;
    if (!found) s.missing.push_back(Join(expected, " "));
  }
  s.relations_planned = static_cast<int>(planned.size());
  for (const auto& p : planned) {
    bool correct = false;
    for (const auto& expected : c.relations) correct = correct || TupleMatches(expected, p);
    s.relations_correct += correct ? 1 : 0;
    if (!correct) s.extra.push_back(Join(p, " "));
  }
  return s;
}

CorpusScore ScoreCorpus(const std::vector<CorpusCase>& corpus, Planner& planner) {
  CorpusScore score;
  int exact = 0, expected = 0, found = 0, planned = 0, correct = 0, stated = 0, stated_ok = 0;
  for (const CorpusCase& c : corpus) {
    CaseScore s;
    try {
      s = ScorePlan(c, planner.Plan(c.prompt).graph);
    } catch (const Error& e) {
      s.id = c.id;
      s.error = e.what();
      s.relations_expected = static_cast<int>(c.relations.size());
    }
    exact += s.counts_exact ? 1 : 0;
    expected += s.relations_expected;
    found += s.relations_found;
    planned += s.relations_planned;
    correct += s.relations_correct;
    stated += s.stated_planned;
    stated_ok += s.stated_correct;
    score.cases.push_back(std::move(s));
  }
  score.exact_count_share = corpus.empty() ? 0.0 : static_cast<double>(exact) / corpus.size();
  score.recall = expected == 0 ? 1.0 : static_cast<double>(found) / expected;
  score.precision = planned == 0 ? 1.0 : static_cast<double>(correct) / planned;
  score.stated_precision = stated == 0 ? 1.0 : static_cast<double>(stated_ok) / stated;
  return score;
}

std::string CorpusScore::ToString(bool details) const {
  std::string out;
  if (details) {
    for (const CaseScore& c : cases) {
      out += c.id + ": counts " + (c.counts_exact ? "exact" : "WRONG") + ", relations " +
             std::to_string(c.relations_found) + "/" + std::to_string(c.relations_expected) +
             " found, " + std::to_string(c.relations_correct) + "/" +
             std::to_string(c.relations_planned) + " planned correct\n";
      if (!c.error.empty()) out += "    error: " + c.error + "\n";
      for (const std::string& m : c.count_errors) out += "    count: " + m + "\n";
      for (const std::string& m : c.missing) out += "    missing: " + m + "\n";
      for (const std::string& m : c.extra) out += "    extra: " + m + "\n";
    }
  }
  out += std::to_string(cases.size()) + " prompts: exact counts " +
         FormatNumber(exact_count_share * 100, 1) + " %, relation recall " +
         FormatNumber(recall * 100, 1) + " %, precision " + FormatNumber(precision * 100, 1) +
         " % (" + FormatNumber(stated_precision * 100, 1) +
         " % over the relations read from the text, implied defaults left out)\n";
  return out;
}

}  // namespace scenecraft
