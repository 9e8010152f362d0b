#include "scenecraft/agent/evaluate.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/lang/corpus.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using BodyMap = std::map<std::string, Body>;

// Judges corpus relations on the bodies Blender built.
class CorpusJudge {
 public:
  CorpusJudge(const SceneGraph& graph, const Readback& readback)
      : graph_(graph),
        bodies_(BodiesFromReadback(graph, readback)),
        context_(ContextFor(graph, readback)) {}

  // The built instances of a corpus name ("sofa|couch"), in the graph's order.
  // The room's doors and windows are its openings, named by their kind ("door|entrance").
  std::vector<const Body*> Instances(const std::string& alternatives) const {
    std::vector<const Body*> out;
    for (const Object& o : graph_.objects) {
      auto it = bodies_.find(o.id);
      if (it != bodies_.end() && CategoryMatches(alternatives, it->second.category)) {
        out.push_back(&it->second);
      }
    }
    for (const Opening& opening : graph_.environment.openings) {
      auto it = bodies_.find(opening.id);
      if (it != bodies_.end() && CategoryMatches(alternatives, opening.kind)) {
        out.push_back(&it->second);
      }
    }
    return out;
  }

  // Empty when the relation holds, else why not. A type may list alternatives ("inside|on"):
  // the relation holds when one of them does.
  std::string Judge(const std::vector<std::string>& tuple) const {
    if (tuple.empty()) return "unknown relation type";
    std::string reason;
    for (const std::string& name : Split(tuple[0], '|')) {
      std::vector<std::string> one = tuple;
      one[0] = name;
      reason = JudgeOne(one);
      if (reason.empty()) return "";
    }
    return reason;
  }

 private:
  std::string JudgeOne(const std::vector<std::string>& tuple) const {
    const std::optional<RelationType> type = RelationTypeFromName(tuple[0]);
    if (!type) return "unknown relation type " + tuple[0];
    const RelationInfo& info = GetRelationInfo(*type);
    std::vector<std::vector<const Body*>> args;
    for (size_t k = 1; k < tuple.size(); ++k) {
      args.push_back(Instances(tuple[k]));
      if (args.back().empty()) return "no " + tuple[k] + " was built";
    }
    if (args.empty()) return "the relation names no category";
    if (*type == RelationType::kBetween) return EveryWithSome(*type, args);
    if (info.max_objects == 1 || info.max_objects == 2) return EveryWithSome(*type, args);
    return Group(*type, info, args);
  }

  // Every instance of the first argument holds with some distinct instances of the others.
  std::string EveryWithSome(RelationType type,
                            const std::vector<std::vector<const Body*>>& args) const {
    const RelationInfo& info = GetRelationInfo(type);
    if (static_cast<int>(args.size()) < info.min_objects ||
        (info.max_objects >= 0 && static_cast<int>(args.size()) > info.max_objects)) {
      return "takes " + std::to_string(info.min_objects) + " to " +
             std::to_string(info.max_objects) + " objects";
    }
    for (const Body* subject : args[0]) {
      std::string last_reason;
      std::vector<const Body*> chosen{subject};
      if (!Search(type, args, 1, chosen, &last_reason)) {
        return subject->id +
               (last_reason.empty() ? " has no distinct partner" : ": " + last_reason);
      }
    }
    return "";
  }

  // Tries every choice of distinct instances for args[k..].
  bool Search(RelationType type, const std::vector<std::vector<const Body*>>& args, size_t k,
              std::vector<const Body*>& chosen, std::string* reason) const {
    if (k == args.size()) {
      const RelationEvaluation e = Evaluate(type, chosen);
      if (!e.pass) *reason = e.reason;
      return e.pass;
    }
    for (const Body* b : args[k]) {
      if (std::find(chosen.begin(), chosen.end(), b) != chosen.end()) continue;
      chosen.push_back(b);
      const bool ok = Search(type, args, k + 1, chosen, reason);
      chosen.pop_back();
      if (ok) return true;
    }
    return false;
  }

  // A group relation: the members are every instance of the member categories.
  std::string Group(RelationType type, const RelationInfo& info,
                    const std::vector<std::vector<const Body*>>& args) const {
    const size_t member_args =
        info.has_reference && args.size() > 1 ? args.size() - 1 : args.size();
    std::vector<const Body*> members;
    for (size_t k = 0; k < member_args; ++k) {
      for (const Body* b : args[k]) {
        if (std::find(members.begin(), members.end(), b) == members.end()) members.push_back(b);
      }
    }
    if (member_args == 1) members = LargestPluralPhrase(members);
    Order(type, members);
    if (type == RelationType::kSymmetric) return Symmetric(members, args.back());
    std::string reason = "only " + std::to_string(members.size()) + " built";
    if (!info.has_reference || member_args == args.size()) {
      if (static_cast<int>(members.size()) < info.min_objects) return reason;
      const RelationEvaluation e = Evaluate(type, members);
      return e.pass ? "" : e.reason;
    }
    for (const Body* reference : args.back()) {
      std::vector<const Body*> chosen = members;
      chosen.erase(std::remove(chosen.begin(), chosen.end(), reference), chosen.end());
      chosen.push_back(reference);
      if (static_cast<int>(chosen.size()) < info.min_objects) continue;
      const RelationEvaluation e = Evaluate(type, chosen);
      if (e.pass) return "";
      reason = reference->id + ": " + e.reason;
    }
    return reason;
  }

  // RELATIONS.md: "a relation that names a plural group holds for every member". When the
  // instances of a category come from several phrases ("a teacher's desk and twelve student
  // desks in three rows"), the group is the largest plural phrase's members.
  std::vector<const Body*> LargestPluralPhrase(const std::vector<const Body*>& members) const {
    std::map<std::string, std::vector<const Body*>> by_phrase;
    for (const Body* m : members) {
      const Object* o = graph_.FindObject(m->id);
      by_phrase[o != nullptr ? o->count_group : ""].push_back(m);
    }
    if (by_phrase.size() < 2) return members;
    const std::vector<const Body*>* best = nullptr;
    for (const auto& [phrase, group] : by_phrase) {
      if (!phrase.empty() && (best == nullptr || group.size() > best->size())) best = &group;
    }
    return best != nullptr && best->size() >= 2 ? *best : members;
  }

  // Flanking: every member has a partner on the other side of some reference.
  std::string Symmetric(const std::vector<const Body*>& members,
                        const std::vector<const Body*>& references) const {
    if (members.size() < 2) return "only " + std::to_string(members.size()) + " built";
    for (const Body* a : members) {
      std::string reason;
      bool ok = false;
      for (const Body* b : members) {
        for (const Body* ref : references) {
          if (ok || b == a || ref == a || ref == b) continue;
          const RelationEvaluation e = Evaluate(RelationType::kSymmetric, {a, b, ref});
          ok = e.pass;
          if (!e.pass) reason = e.reason;
        }
      }
      if (!ok) return a->id + ": " + reason;
    }
    return "";
  }

  // A stack is judged from the bottom up; a hierarchy in the order the plan stated it, so the
  // text's "largest at the bottom" or "from left to right" decides.
  void Order(RelationType type, std::vector<const Body*>& members) const {
    if (type == RelationType::kStack) {
      std::stable_sort(members.begin(), members.end(),
                       [](const Body* a, const Body* b) { return a->box.min.z < b->box.min.z; });
      return;
    }
    if (type != RelationType::kHierarchy && type != RelationType::kScaling) return;
    for (const Relation& r : graph_.relations) {
      if (r.type != type || r.objects.size() != members.size()) continue;
      std::vector<const Body*> ordered;
      for (const std::string& id : r.objects) {
        for (const Body* m : members) {
          if (m->id == id) ordered.push_back(m);
        }
      }
      if (ordered.size() == members.size()) {
        members = ordered;
        return;
      }
    }
  }

  RelationEvaluation Evaluate(RelationType type, const std::vector<const Body*>& bodies) const {
    Relation r;
    r.type = type;
    for (const Body* b : bodies) r.objects.push_back(b->id);
    return EvaluateRelation(r, bodies, context_);
  }

  const SceneGraph& graph_;
  BodyMap bodies_;
  EvalContext context_;
};

}  // namespace

CorpusJudgement JudgeCorpusCase(const CorpusCase& c, const SceneGraph& graph,
                                const Readback& readback) {
  CorpusJudgement j;
  const CorpusJudge judge(graph, readback);
  for (const std::vector<std::string>& tuple : c.relations) {
    const std::string why = judge.Judge(tuple);
    ++j.relations_total;
    j.relations_passed += why.empty() ? 1 : 0;
    if (!why.empty()) j.failures.push_back(Join(tuple, " ") + ": " + why);
  }
  for (const auto& [alternatives, expected] : c.counts) {
    const int built = static_cast<int>(judge.Instances(alternatives).size());
    ++j.counts_total;
    j.counts_passed += expected.Holds(built) ? 1 : 0;
    if (!expected.Holds(built)) {
      j.failures.push_back("count " + alternatives + ": " + std::to_string(built) + " built, " +
                           expected.ToString() + " asked");
    }
  }
  return j;
}

EvalSummary EvaluateCorpus(const std::filesystem::path& corpus,
                           const std::filesystem::path& out_dir, const GenerateOptions& options,
                           Backends& backends, ProcessLauncher& launcher) {
  EvalSummary summary;
  int passed = 0, total = 0;
  int corpus_passed = 0, corpus_total = 0, counts_passed = 0, counts_total = 0, counts_exact = 0;
  std::vector<double> times;
  for (const CorpusCase& c : LoadCorpus(corpus)) {
    EvalRow row;
    row.id = c.id;
    const auto start = std::chrono::steady_clock::now();
    try {
      const GenerateResult r =
          Generate(SceneSource::Text(c.prompt), out_dir / c.id, options, backends, launcher);
      if (r.critique && r.readback) {
        row.corpus = JudgeCorpusCase(c, r.graph, *r.readback);
        row.relations_total = r.critique->relations_total;
        row.relations_passed = r.critique->relations_passed;
        for (const Finding& f : r.critique->findings) {
          if (f.pass) continue;
          row.collisions += f.kind == Finding::Kind::kCollision;
          row.floating += f.kind == Finding::Kind::kFloating;
          row.hidden += f.kind == Finding::Kind::kVisibility;
        }
      } else {
        row.error = r.skipped;
        row.not_built = true;
      }
      row.rounds = static_cast<int>(r.rounds.size()) - 1;
      row.skills_applied = static_cast<int>(r.skills_applied.size());
      double best_score = -1.0;
      for (const RoundRecord& round : r.rounds) {
        if (round.score_after > best_score + 1e-9) {
          best_score = round.score_after;
          row.best_round = round.round;
        }
      }
      row.assets = CountAssetShares(r.graph);
      if (!r.rounds.empty() && r.critique) {
        row.worse_than_round0 = r.critique->score + 1e-9 < r.rounds.front().score_after;
      }
    } catch (const Error& e) {
      row.error = e.what();
    }
    row.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    LogInfo(row.id + ": " + std::to_string(row.relations_passed) + "/" +
            std::to_string(row.relations_total) + " in " + FormatNumber(row.wall_s, 1) + " s" +
            (row.error.empty() ? "" : " (" + row.error + ")") + "; corpus " +
            std::to_string(row.corpus.relations_passed + row.corpus.counts_passed) + "/" +
            std::to_string(row.corpus.relations_total + row.corpus.counts_total));
    for (const std::string& f : row.corpus.failures) LogInfo("  " + row.id + " corpus: " + f);
    passed += row.relations_passed;
    total += row.relations_total;
    corpus_passed += row.corpus.relations_passed;
    corpus_total += row.corpus.relations_total;
    counts_passed += row.corpus.counts_passed;
    counts_total += row.corpus.counts_total;
    counts_exact += row.error.empty() && row.corpus.counts_passed == row.corpus.counts_total;
    summary.collisions += row.collisions;
    summary.floating += row.floating;
    summary.hidden += row.hidden;
    summary.errors += row.error.empty() ? 0 : 1;
    summary.worse += row.worse_than_round0 ? 1 : 0;
    summary.assets += row.assets;
    times.push_back(row.wall_s);
    summary.mean_best_round += row.best_round;
    summary.rows.push_back(std::move(row));
  }
  summary.pass_rate = total == 0 ? 0.0 : static_cast<double>(passed) / total;
  const auto share = [](int a, int b) { return b == 0 ? 0.0 : static_cast<double>(a) / b; };
  summary.corpus_pass_rate = share(corpus_passed + counts_passed, corpus_total + counts_total);
  summary.corpus_relation_rate = share(corpus_passed, corpus_total);
  summary.count_accuracy = share(counts_exact, static_cast<int>(summary.rows.size()));
  if (!times.empty()) {
    summary.mean_best_round /= static_cast<double>(times.size());
    std::sort(times.begin(), times.end());
    summary.median_wall_s = times[times.size() / 2];
  }
  return summary;
}

std::string EvalSummary::ToString() const {
  std::string out =
      "prompt   corpus_relations counts   planned_pass   collisions floating hidden rounds "
      "best_round skills wall_s\n";
  for (const EvalRow& r : rows) {
    out += r.id + "   " + std::to_string(r.corpus.relations_passed) + "/" +
           std::to_string(r.corpus.relations_total) + "   " +
           std::to_string(r.corpus.counts_passed) + "/" + std::to_string(r.corpus.counts_total) +
           "   " + std::to_string(r.relations_passed) + "/" + std::to_string(r.relations_total) +
           "   " + std::to_string(r.collisions) + "   " + std::to_string(r.floating) + "   " +
           std::to_string(r.hidden) + "   " + std::to_string(r.rounds) + "   " +
           std::to_string(r.best_round) + "   " + std::to_string(r.skills_applied) + "   " +
           FormatNumber(r.wall_s, 1) + (r.error.empty() ? "" : "   error: " + r.error) + "\n";
  }
  out += std::to_string(rows.size()) + " prompts, on the Blender readback: corpus relations " +
         FormatNumber(corpus_relation_rate * 100, 1) + " % hold; corpus relations and counts " +
         FormatNumber(corpus_pass_rate * 100, 1) + " %; every count exact in " +
         FormatNumber(count_accuracy * 100, 1) + " % of prompts; the planned graph's relations " +
         "and counts " + FormatNumber(pass_rate * 100, 1) + " %; " + std::to_string(collisions) +
         " collisions, " + std::to_string(floating) + " floating, " + std::to_string(hidden) +
         " objects under 20 % visible; " + std::to_string(errors) + " errors; " +
         std::to_string(worse) + " scenes worse than round 0; best score reached after " +
         FormatNumber(mean_best_round, 2) + " rounds on average; median " +
         FormatNumber(median_wall_s, 1) + " s per prompt\n";
  out += "assets: " + assets.ToString() + "\n";
  return out;
}

}  // namespace scenecraft
