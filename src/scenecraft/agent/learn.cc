#include "scenecraft/agent/learn.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <sstream>

#include "scenecraft/agent/learn_llm.h"
#include "scenecraft/agent/library.h"
#include "scenecraft/agent/pipeline.h"
#include "scenecraft/core/scene_json.h"
#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/lang/lexicon.h"
#include "scenecraft/layout/relations.h"
#include "scenecraft/skills/skill_json.h"
#include "scenecraft/skills/store.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/interrupt.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;
namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// Relations holding / relations, summed over queries.
struct PassCount {
  int passed = 0;
  int total = 0;
  double Rate() const { return total == 0 ? 1.0 : static_cast<double>(passed) / total; }
  std::string ToString() const { return std::to_string(passed) + "/" + std::to_string(total); }
};

PassCount CountOf(const GenerateResult& r) {
  if (!r.critique) return {};
  return {r.critique->relations_passed, r.critique->relations_total};
}

// The library with `candidate` in place of its key's current version.
std::vector<Skill> With(std::vector<Skill> skills, const Skill& candidate) {
  bool replaced = false;
  for (Skill& s : skills) {
    if (s.kind == candidate.kind && s.key == candidate.key) {
      s = candidate;
      replaced = true;
    }
  }
  if (!replaced) skills.push_back(candidate);
  return skills;
}

void Finish(const SkillStore& store, const fs::path& path, LearnReport* report) {
  report->library_skills = store.Current().size();
  std::error_code ec;
  report->library_bytes = fs::file_size(path, ec);
  for (const char* suffix : {"-wal", "-shm"}) {
    const uintmax_t extra = fs::file_size(path.string() + suffix, ec);
    if (!ec) report->library_bytes += extra;
  }
}

}  // namespace

void LearnOptions::Check() const {
  generate.Check();
  consensus.Check();
  if (work_dir.empty()) throw Error("learn: a work folder is needed");
}

std::string LearnReport::ToString() const {
  std::string out = "learned from " + std::to_string(queries) + " queries (" +
                    std::to_string(failed) + " failed) in " + FormatNumber(seconds, 1) + " s (" +
                    FormatNumber(queries > 0 ? seconds / queries : 0.0, 1) + " s per query), " +
                    std::to_string(evidence) + " measured facts\n";
  for (const std::string& a : accepted) out += "accepted " + a + "\n";
  for (const std::string& r : rejected) out += "rejected " + r + "\n";
  out += "library: " + std::to_string(library_skills) + " skills, " +
         std::to_string(library_bytes) + " bytes\n";
  return out;
}

std::vector<Evidence> EvidenceOf(const GenerateResult& result, const std::string& query) {
  std::vector<Evidence> out;
  if (!result.readback) return out;
  // The side of its reference a near relation's subject took, by the relation's own test with
  // each side (docs/RELATIONS_EXTRA.md), on the bodies Blender built.
  const std::map<std::string, Body> bodies = BodiesFromReadback(result.graph, *result.readback);
  auto side_of = [&](const Relation& r) -> std::string {
    const auto a = bodies.find(r.objects[0]), b = bodies.find(r.objects[1]);
    if (a == bodies.end() || b == bodies.end()) return "";
    for (const char* side : {"front", "back", "left", "right"}) {
      Relation with = r;
      with.args.words["side"] = side;
      if (EvaluateRelation(with, {&a->second, &b->second}, EvalContext{}).pass) return side;
    }
    return "";
  };
  const int round = result.rounds.empty() ? 0 : result.rounds.back().round;
  for (const RelationResult& rr : result.graph.results) {
    if (rr.relation >= result.graph.relations.size()) continue;
    const Relation& r = result.graph.relations[rr.relation];
    if (r.objects.size() != 2 || !GetRelationInfo(r.type).has_reference) continue;
    const Object* a = result.graph.FindObject(r.objects[0]);
    const Object* b = result.graph.FindObject(r.objects[1]);
    if (a == nullptr || b == nullptr) continue;
    // Whether the inner loop had to make it hard: it was soft as planned.
    bool planned_soft = false;
    for (const Relation& p : result.planned_relations) {
      if (p.type == r.type && p.objects == r.objects) planned_soft = !p.hard;
    }
    if (planned_soft && rr.pass) {
      out.push_back(
          {r.type, a->category, b->category, "hard", r.hard ? 1.0 : 0.0, "", query, round});
    }
    // The gap a near relation settled on, measured on what Blender built.
    if (r.type == RelationType::kNear && rr.pass) {
      const ObjectReadback* ra = result.readback->Find(a->id);
      const ObjectReadback* rb = result.readback->Find(b->id);
      if (ra != nullptr && rb != nullptr) {
        out.push_back({r.type, a->category, b->category, "distance_m",
                       FootprintGap(ra->box, rb->box), "", query, round});
      }
      if (!r.args.Word("side")) {
        if (const std::string side = side_of(r); !side.empty()) {
          out.push_back({r.type, a->category, b->category, "side", 0.0, side, query, round});
        }
      }
    }
  }
  // What the inner loop did to relations that failed and then held: the relation as it held
  // against the relation as planned (hard, arguments it set). A relation fixed by a learned fix
  // counts too: the fix worked again.
  for (const InnerFix& fix : result.fixes) {
    const Relation& r = fix.after;
    if (r.objects.size() != 2 || !GetRelationInfo(r.type).has_reference) continue;
    const Object* a = result.graph.FindObject(r.objects[0]);
    const Object* b = result.graph.FindObject(r.objects[1]);
    if (a == nullptr || b == nullptr) continue;
    const Relation& planned = fix.relation < result.planned_relations.size()
                                  ? result.planned_relations[fix.relation]
                                  : fix.before;
    auto add = [&](const std::string& parameter, double value, const std::string& word) {
      Evidence e{r.type, a->category, b->category, parameter, value, word, query, fix.round};
      e.fix = true;
      out.push_back(std::move(e));
    };
    add("hard", r.hard && !planned.hard ? 1.0 : 0.0, "");
    for (const auto& [key, value] : r.args.numbers) {
      if (planned.args.Number(key) != value) add(key, value, "");
    }
    for (const auto& [key, value] : r.args.words) {
      if (planned.args.Word(key) != value) add(key, 0.0, value);
    }
  }
  return out;
}

std::string HeadClass(const std::string& category) {
  const size_t space = category.rfind(' ');
  if (space == std::string::npos) return category;
  const std::string head = category.substr(space + 1);
  // "chest of drawers" is no kind of drawers: a phrase with a preposition keeps its name.
  std::istringstream words(category);
  for (std::string w; words >> w;) {
    if (ClassOf(w) == WordClass::kPreposition) return category;
  }
  return CategoryIsKindOf(category, head) ? head : category;
}

std::vector<Evidence> WithHeadClasses(std::vector<Evidence> evidence) {
  const size_t n = evidence.size();
  for (size_t i = 0; i < n; ++i) {
    Evidence e = evidence[i];
    e.subject = HeadClass(e.subject);
    e.reference = HeadClass(e.reference);
    if (e.subject != evidence[i].subject || e.reference != evidence[i].reference) {
      evidence.push_back(std::move(e));
    }
  }
  return evidence;
}

ScenePatterns StatedPatternsOf(const SceneGraph& graph, const std::string& query) {
  SceneGraph stated = graph;
  std::erase_if(stated.relations,
                [](const Relation& r) { return StartsWith(r.source.pointer, "skill:"); });
  return PatternsOf(stated, query);
}

bool Exercises(const Skill& skill, const SceneGraph& graph) {
  SceneGraph copy = graph;
  if (skill.kind == SkillKind::kRefinement && skill.refinement.on_failure) {
    for (size_t i = 0; i < copy.relations.size(); ++i) {
      if (ApplyLearnedFix({skill}, CategoryIsKindOf, i, &copy)) return true;
    }
    return false;
  }
  return !ApplySkills({skill}, CategoryIsKindOf, &copy).empty();
}

LearnReport LearnFromCorpus(const std::vector<BatchItem>& items, const LearnOptions& options,
                            Backends& backends, ProcessLauncher& launcher,
                            const ProgressFn& progress) {
  options.Check();
  const auto start = std::chrono::steady_clock::now();
  const fs::path path = LibraryPath(options.library, options.generate.assets);
  SkillStore store(path);
  LearnReport report;
  auto say = [&](const std::string& line) {
    if (progress) progress(line);
  };
  // One query through the inner loop with the given skills; nullopt when it failed.
  auto run = [&](const BatchItem& item, const std::vector<Skill>& skills,
                 const std::string& tag) -> std::optional<GenerateResult> {
    GenerateOptions o = options.generate;
    o.use_library = true;
    o.skills = skills;
    o.force = true;
    o.seed = item.seed;
    if (item.rounds) o.rounds = *item.rounds;
    const SceneSource source = item.scene_json.empty()
                                   ? SceneSource::Text(item.prompt)
                                   : SceneSource::Graph(ParseSceneGraph(item.scene_json, item.id));
    try {
      return Generate(source, options.work_dir / tag / item.id, o, backends, launcher);
    } catch (const Error& e) {
      LogWarning("learn: " + item.id + ": " + e.what());
      return std::nullopt;
    }
  };

  // 1. Every query through the inner loop with the current library.
  std::vector<Skill> skills = store.Current();
  std::vector<Evidence> evidence;
  std::map<std::string, PassCount> baseline;
  std::map<std::string, const BatchItem*> by_id;
  std::map<std::string, SceneGraph> graphs;  // each query's graph, relations as planned
  for (const BatchItem& item : items) {
    ThrowIfInterrupted();
    if (!item.error.empty()) {
      LogWarning("learn: " + item.error);
      ++report.failed;
      continue;
    }
    ++report.queries;
    by_id[item.id] = &item;
    const std::optional<GenerateResult> r = run(item, skills, "queries");
    if (!r || !r->readback) {
      ++report.failed;
      continue;
    }
    baseline[item.id] = CountOf(*r);
    SceneGraph planned = r->graph;
    planned.relations = r->planned_relations;
    graphs[item.id] = std::move(planned);
    const std::vector<Evidence> e = EvidenceOf(*r, item.id);
    evidence.insert(evidence.end(), e.begin(), e.end());
    say(item.id + ": " + baseline[item.id].ToString() + " relations hold, " +
        std::to_string(e.size()) + " facts");
  }
  report.evidence = static_cast<int>(evidence.size());
  // Queries that name kinds differently ("swivel chair", "office chair") agree on their class.
  evidence = WithHeadClasses(std::move(evidence));

  // 2. Consensus (measured parameters, and fixes the inner loops agree on); with a model, its
  //    proposals too, each checked against the skill schema.
  std::vector<Skill> proposals = RefinementCandidates(evidence, skills, options.consensus);
  for (Skill& fix : FixCandidates(evidence, skills, options.consensus)) {
    proposals.push_back(std::move(fix));
  }
  // Motifs and implied relations the queries' own relations agree on (what their texts stated,
  // not what a skill added): they relate the same objects in a new scene whose text does not say.
  // They are tried on the queries they would change (those that did not state them).
  std::map<std::string, std::vector<std::string>> trial_queries;  // proposal key -> queries
  {
    std::vector<ScenePatterns> patterns;
    for (const auto& [id, graph] : graphs) patterns.push_back(StatedPatternsOf(graph, id));
    for (Skill& s : PatternCandidates(patterns, skills, options.consensus)) {
      s.provenance.origin = "learn";
      std::vector<std::string>& trials = trial_queries[s.key];
      for (const auto& [id, graph] : graphs) {
        if (Exercises(s, graph)) trials.push_back(id);
      }
      proposals.push_back(std::move(s));
    }
  }
  if (options.learner != nullptr) {
    LlmSkillProposals llm = ProposeSkillUpdates(*options.learner, evidence, skills);
    // What failed the schema is logged in the library too (it never becomes a skill).
    for (const RejectedProposal& r : llm.rejected) {
      store.RecordInvalid("llm", r.proposal, r.reason);
      report.rejected.push_back("llm proposal: " + r.reason);
      say("rejected llm proposal: " + r.reason);
    }
    for (Skill& s : llm.valid) {
      for (const auto& [id, graph] : graphs) {
        if (Exercises(s, graph)) s.provenance.queries.push_back(id);
      }
      if (s.provenance.queries.empty()) {
        const std::string reason = "llm proposal: no query of the batch exercises it";
        store.Record(s, /*accepted=*/false, reason);
        report.rejected.push_back(std::string(SkillKindName(s.kind)) + " " + s.key + ": " + reason);
        continue;
      }
      s.provenance.note = "llm: " + s.provenance.note;
      proposals.push_back(std::move(s));
    }
  }
  // 3. Each candidate re-run on the queries that exercised it.
  for (const Skill& proposal : proposals) {
    ThrowIfInterrupted();
    skills = store.Current();  // another learner may have stored updates meanwhile
    const std::vector<Skill> trial = With(skills, proposal);
    PassCount before, after;
    const auto trials = trial_queries.find(proposal.key);
    const bool pattern = trials != trial_queries.end();
    for (const std::string& q : pattern ? trials->second : proposal.provenance.queries) {
      const auto it = by_id.find(q);
      if (it == by_id.end() || !baseline.count(q)) continue;
      const std::optional<GenerateResult> r = run(*it->second, trial, "trials");
      if (!r) continue;
      before.passed += baseline[q].passed;
      before.total += baseline[q].total;
      const PassCount c = CountOf(*r);
      after.passed += c.passed;
      after.total += c.total;
    }
    // A motif or implied relation that changes none of the batch's queries (they all stated it)
    // leaves the batch's pass rate as it is.
    const bool unchanged = pattern && trials->second.empty();
    const bool accept = unchanged || (after.total > 0 && after.Rate() + 1e-9 >= before.Rate());
    const std::string reason =
        proposal.provenance.note +
        (unchanged ? "; changes none of the batch's queries (their texts state it)"
                   : "; pass rate on its " +
                         std::to_string(pattern ? trials->second.size()
                                                : proposal.provenance.queries.size()) +
                         " queries " + before.ToString() + " -> " + after.ToString());
    const int version = store.Record(proposal, accept, reason);
    const std::string line = std::string(SkillKindName(proposal.kind)) + " " + proposal.key +
                             (accept ? " v" + std::to_string(version) : "") + ": " + reason;
    (accept ? report.accepted : report.rejected).push_back(line);
    say((accept ? "accepted " : "rejected ") + line);
  }
  Finish(store, path, &report);
  report.seconds = Since(start);
  return report;
}

LearnReport LearnFromScenes(const fs::path& dir, const LearnOptions& options) {
  options.consensus.Check();
  const auto start = std::chrono::steady_clock::now();
  if (!fs::is_directory(dir))
    throw Error("learn --from-scenes: '" + dir.string() + "' is not a folder");
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw Error("learn --from-scenes: '" + dir.string() + "' holds no .json file");
  // Every file is checked like any scene file; a bad one is named and the run stops before
  // anything is learned.
  std::vector<std::pair<std::string, SceneGraph>> graphs;
  for (const fs::path& f : files) graphs.emplace_back(f.filename().string(), LoadSceneFile(f));
  LearnReport report = LearnFromGraphs(graphs, options);
  report.seconds = Since(start);
  return report;
}

LearnReport LearnFromGraphs(const std::vector<std::pair<std::string, SceneGraph>>& graphs,
                            const LearnOptions& options) {
  options.consensus.Check();
  const auto start = std::chrono::steady_clock::now();
  LearnReport report;
  std::vector<ScenePatterns> patterns;
  std::vector<Evidence> evidence;
  for (const auto& [name, g] : graphs) {
    ++report.queries;
    patterns.push_back(PatternsOf(g, name));
    const std::vector<Evidence> e = PoseEvidence(g, name);
    evidence.insert(evidence.end(), e.begin(), e.end());
  }
  report.evidence = static_cast<int>(evidence.size());
  const fs::path path = LibraryPath(options.library, options.generate.assets);
  SkillStore store(path);
  const std::vector<Skill> skills = store.Current();
  std::vector<Skill> candidates = PatternCandidates(patterns, skills, options.consensus);
  for (Skill& s : RefinementCandidates(evidence, skills, options.consensus)) {
    s.provenance.origin = "scenes";
    candidates.push_back(std::move(s));
  }
  for (const Skill& c : candidates) {
    const std::string reason = "hand-arranged scenes: " + c.provenance.note;
    const int version = store.Record(c, /*accepted=*/true, reason);
    report.accepted.push_back(std::string(SkillKindName(c.kind)) + " " + c.key + " v" +
                              std::to_string(version) + ": " + reason);
  }
  Finish(store, path, &report);
  report.seconds = Since(start);
  return report;
}

}  // namespace scenecraft
