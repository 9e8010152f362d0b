// Scoring a planner on a corpus (lang/corpus.h): per prompt, then summed over the corpus.
#include <algorithm>
#include <chrono>
#include <set>

#include "scenecraft/lang/corpus.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

bool MatchesAny(const std::vector<std::vector<std::string>>& expected,
                const std::vector<std::string>& planned) {
  return std::any_of(expected.begin(), expected.end(),
                     [&](const auto& e) { return TupleMatches(e, planned); });
}

bool AnyMatches(const std::set<std::vector<std::string>>& planned,
                const std::vector<std::string>& expected) {
  return std::any_of(planned.begin(), planned.end(),
                     [&](const auto& p) { return TupleMatches(expected, p); });
}

double Share(int part, int whole, double if_none) {
  return whole == 0 ? if_none : static_cast<double>(part) / whole;
}

std::string Percent(double share) {
  return FormatNumber(share * 100, 1) + " %";
}

std::string Ms(double ms) {
  return FormatNumber(ms, 2) + " ms";
}

}  // namespace

CaseScore ScorePlan(const CorpusCase& c, const SceneGraph& graph) {
  CaseScore s;
  s.id = c.id;
  s.counts_exact = true;
  for (const auto& [alternatives, expected] : c.counts) {
    int n = 0;
    for (const Object& o : graph.objects) n += CategoryMatches(alternatives, o.category) ? 1 : 0;
    ++s.count_clauses;
    if (expected.Holds(n)) {
      ++s.count_clauses_exact;
    } else {
      s.counts_exact = false;
      s.count_errors.push_back(alternatives + ": " + std::to_string(n) + " planned, " +
                               expected.ToString() + " asked");
    }
  }
  for (const Object& o : graph.objects) {
    if (IsOpeningCategory(o.category)) continue;
    ++s.objects;
    const bool own = std::any_of(c.counts.begin(), c.counts.end(), [&](const auto& entry) {
      return IsOwnNoun(entry.first, o.category);
    });
    if (own) {
      ++s.objects_own_noun;
    } else {
      s.foreign.push_back(o.category);
    }
  }
  std::set<std::vector<std::string>> planned, stated;
  for (const Relation& r : graph.relations) {
    if (r.type == RelationType::kOnFloor || r.type == RelationType::kInsideRoom) continue;
    planned.insert(CategoryTuple(graph, r));
    if (r.source.begin >= 0) stated.insert(CategoryTuple(graph, r));
  }
  s.relations_expected = static_cast<int>(c.relations.size());
  for (const auto& expected : c.relations) {
    const bool found = AnyMatches(planned, expected);
    s.relations_found += found ? 1 : 0;
    s.relations_found_stated += found && AnyMatches(stated, expected) ? 1 : 0;
    if (!found) s.missing.push_back(Join(expected, " "));
  }
  s.relations_planned = static_cast<int>(planned.size());
  for (const auto& p : planned) {
    const bool correct = MatchesAny(c.relations, p);
    s.relations_correct += correct ? 1 : 0;
    if (!correct) s.extra.push_back(Join(p, " "));
  }
  s.stated_planned = static_cast<int>(stated.size());
  for (const auto& p : stated) s.stated_correct += MatchesAny(c.relations, p) ? 1 : 0;
  return s;
}

void ScoreAssets(const SceneGraph& graph, const AssetOptions& options, CaseScore* score) {
  SceneGraph resolved = graph;
  ResolveAssets(&resolved, options);
  for (const Object& o : resolved.objects) {
    if (IsOpeningCategory(o.category)) continue;
    ++score->objects_resolved;
    if (IsPlaceholder(o)) {
      ++score->objects_placeholder;
      score->placeholders.push_back(o.category);
    }
  }
}

CorpusScore ScoreCorpus(const std::vector<CorpusCase>& corpus, Planner& planner,
                        const ScoreOptions& options) {
  CorpusScore score;
  score.assets_resolved = options.resolve_assets;
  CaseScore& t = score.total;
  int exact = 0;
  std::vector<double> times;
  for (const CorpusCase& c : corpus) {
    CaseScore s;
    const auto start = std::chrono::steady_clock::now();
    try {
      const PlanResult plan = planner.Plan(c.prompt);
      const double plan_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count();
      s = ScorePlan(c, plan.graph);
      s.plan_ms = plan_ms;
      if (options.resolve_assets) ScoreAssets(plan.graph, options.assets, &s);
    } catch (const Error& e) {
      s = CaseScore{};
      s.id = c.id;
      s.error = e.what();
      s.relations_expected = static_cast<int>(c.relations.size());
      s.count_clauses = static_cast<int>(c.counts.size());
    }
    times.push_back(s.plan_ms);
    int asked = 0;
    for (const auto& entry : c.counts) asked += entry.second.min;
    if (s.error.empty() && asked > score.largest_objects) {
      score.largest_objects = asked;
      score.largest_id = c.id;
      score.largest_ms = s.plan_ms;
    }
    exact += s.counts_exact ? 1 : 0;
    t.count_clauses += s.count_clauses;
    t.count_clauses_exact += s.count_clauses_exact;
    t.relations_expected += s.relations_expected;
    t.relations_found += s.relations_found;
    t.relations_found_stated += s.relations_found_stated;
    t.relations_planned += s.relations_planned;
    t.relations_correct += s.relations_correct;
    t.stated_planned += s.stated_planned;
    t.stated_correct += s.stated_correct;
    t.objects += s.objects;
    t.objects_own_noun += s.objects_own_noun;
    t.objects_resolved += s.objects_resolved;
    t.objects_placeholder += s.objects_placeholder;
    score.cases.push_back(std::move(s));
  }
  score.exact_count_share = Share(exact, static_cast<int>(corpus.size()), 0.0);
  score.count_clause_share = Share(t.count_clauses_exact, t.count_clauses, 1.0);
  score.recall = Share(t.relations_found, t.relations_expected, 1.0);
  score.stated_recall = Share(t.relations_found_stated, t.relations_expected, 1.0);
  score.precision = Share(t.relations_correct, t.relations_planned, 1.0);
  score.stated_precision = Share(t.stated_correct, t.stated_planned, 1.0);
  score.own_noun_share = Share(t.objects_own_noun, t.objects, 1.0);
  score.placeholder_share = Share(t.objects_placeholder, t.objects_resolved, 0.0);
  if (!times.empty()) {
    double sum = 0;
    for (double ms : times) sum += ms;
    score.mean_ms = sum / times.size();
    std::sort(times.begin(), times.end());
    score.median_ms = times[times.size() / 2];
    score.max_ms = times.back();
  }
  return score;
}

std::string CorpusScore::ToString(bool details) const {
  std::string out;
  for (const CaseScore& c : cases) {
    if (!details) break;
    out += c.id + ": counts " + (c.counts_exact ? "exact" : "WRONG") + " (" +
           std::to_string(c.count_clauses_exact) + "/" + std::to_string(c.count_clauses) +
           " clauses), relations " + std::to_string(c.relations_found) + "/" +
           std::to_string(c.relations_expected) + " found, " + std::to_string(c.relations_correct) +
           "/" + std::to_string(c.relations_planned) + " planned correct, own noun " +
           std::to_string(c.objects_own_noun) + "/" + std::to_string(c.objects) + ", " +
           Ms(c.plan_ms) + "\n";
    if (!c.error.empty()) out += "    error: " + c.error + "\n";
    for (const std::string& m : c.count_errors) out += "    count: " + m + "\n";
    for (const std::string& m : c.missing) out += "    missing: " + m + "\n";
    for (const std::string& m : c.extra) out += "    extra: " + m + "\n";
    for (const std::string& m : c.foreign) out += "    not the user's noun: " + m + "\n";
    for (const std::string& m : c.placeholders) out += "    placeholder: " + m + "\n";
  }
  out += std::to_string(cases.size()) + " prompts: exact counts " + Percent(exact_count_share) +
         " of prompts, " + Percent(count_clause_share) + " of count clauses\n";
  out += "  relation recall " + Percent(recall) + " (" + Percent(stated_recall) +
         " by relations read from the text); precision " + Percent(precision) + " (" +
         Percent(stated_precision) + " over the relations read from the text)\n";
  out += "  the user's own noun for " + Percent(own_noun_share) + " of " +
         std::to_string(total.objects) + " objects (" +
         std::to_string(total.objects - total.objects_own_noun) + " not)";
  if (assets_resolved) {
    out += "; placeholder shape for " + Percent(placeholder_share) + " (" +
           std::to_string(total.objects_placeholder) + " of " +
           std::to_string(total.objects_resolved) + ")";
  }
  out += "\n  planning time per prompt (first pass): mean " + Ms(mean_ms) + ", median " +
         Ms(median_ms) + ", max " + Ms(max_ms);
  if (!largest_id.empty()) {
    out += "; " + Ms(largest_ms) + " on " + largest_id + " (" + std::to_string(largest_objects) +
           " objects asked)";
  }
  out += "\n";
  return out;
}

}  // namespace scenecraft
