#include "scenecraft/skills/consensus.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/skills/skill_json.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double Round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

// A category usable as a class name in a skill (skill_json.cc checks the same).
bool UsableClass(const std::string& c) {
  return !c.empty() && c.size() <= 60 && std::all_of(c.begin(), c.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == ' ' || ch == '-' ||
           ch == '_';
  });
}

const Skill* FindSkill(const std::vector<Skill>& skills, SkillKind kind, const std::string& key) {
  for (const Skill& s : skills) {
    if (s.kind == kind && s.key == key) return &s;
  }
  return nullptr;
}

// How many of the queries' values agree with the median `m`: within the relative tolerance of
// it, or the absolute one.
int Agreeing(const std::vector<double>& per_query, double m, const ConsensusOptions& options) {
  const double tolerance =
      std::max(options.absolute_tolerance_m, options.relative_tolerance * std::abs(m));
  return static_cast<int>(std::count_if(per_query.begin(), per_query.end(),
                                        [&](double v) { return std::abs(v - m) <= tolerance; }));
}

bool IsGroupType(RelationType t) {
  const RelationInfo& info = GetRelationInfo(t);
  return info.max_objects != 2 || !info.has_reference;
}

}  // namespace

void ConsensusOptions::Check() const {
  if (min_queries < 2)
    throw Error(
        "consensus: min_queries must be at least 2 (one query cannot "
        "move the library)");
  if (!(relative_tolerance >= 0 && relative_tolerance <= 1)) {
    throw Error("consensus: relative_tolerance must be 0 to 1");
  }
  if (!(absolute_tolerance_m >= 0 && distance_margin_m >= 0)) {
    throw Error("consensus: tolerances must not be negative");
  }
}

std::vector<Skill> RefinementCandidates(const std::vector<Evidence>& evidence,
                                        const std::vector<Skill>& current,
                                        const ConsensusOptions& options) {
  options.Check();
  // Key -> parameter -> query -> that query's values (one query, one vote: its median).
  using Votes = std::map<std::string, std::vector<double>>;
  std::map<std::tuple<RelationType, std::string, std::string>, std::map<std::string, Votes>> by;
  std::map<std::tuple<RelationType, std::string, std::string>, std::set<int>> rounds;
  // Key -> word parameter -> query -> that query's words (one query, one vote: its first).
  std::map<std::tuple<RelationType, std::string, std::string>,
           std::map<std::string, std::map<std::string, std::string>>>
      words;
  for (const Evidence& e : evidence) {
    if (e.fix) continue;  // fixes: FixCandidates
    if (!UsableClass(e.subject) || !UsableClass(e.reference) || !std::isfinite(e.value)) continue;
    const auto key = std::make_tuple(e.relation, e.subject, e.reference);
    if (!e.word.empty()) {
      words[key][e.parameter].emplace(e.query, e.word);
      by[key];  // the key is considered below
    } else {
      by[key][e.parameter][e.query].push_back(e.value);
    }
    rounds[key].insert(e.round);
  }
  std::vector<Skill> out;
  for (const auto& [key, params] : by) {
    Skill s;
    s.kind = SkillKind::kRefinement;
    s.refinement.relation = std::get<0>(key);
    s.refinement.subject = std::get<1>(key);
    s.refinement.reference = std::get<2>(key);
    s.key = SkillKey(s);
    const Skill* existing = FindSkill(current, SkillKind::kRefinement, s.key);
    if (existing != nullptr) s.refinement = existing->refinement;
    const RelationInfo& info = GetRelationInfo(s.refinement.relation);
    std::vector<std::string> changes;
    std::set<std::string> queries;
    std::vector<double> measured;
    for (const auto& [parameter, votes] : params) {
      const int n = static_cast<int>(votes.size());
      if (n < options.min_queries) continue;
      std::vector<double> per_query;
      for (const auto& [query, values] : votes) per_query.push_back(Median(values));
      const double m = Median(per_query);
      if (parameter == "hard") {
        const int yes = static_cast<int>(
            std::count_if(per_query.begin(), per_query.end(), [](double v) { return v >= 0.5; }));
        if (2 * yes <= n || (s.refinement.hard && *s.refinement.hard)) continue;
        s.refinement.hard = true;
        changes.push_back("hard (" + std::to_string(yes) + " of " + std::to_string(n) + ")");
      } else {
        if (std::find(info.args.begin(), info.args.end(), parameter) == info.args.end()) continue;
        const int agree = Agreeing(per_query, m, options);
        if (2 * agree <= n) continue;
        const double value =
            Round2(parameter == "distance_m" ? std::max(0.2, m + options.distance_margin_m) : m);
        const auto old = s.refinement.args.Number(parameter);
        if (old && std::abs(*old - value) < 0.02) continue;
        s.refinement.args.numbers[parameter] = value;
        changes.push_back(parameter + " " + FormatNumber(value, 2) + " (" + std::to_string(agree) +
                          " of " + std::to_string(n) + " agree)");
      }
      for (const auto& [query, values] : votes) {
        queries.insert(query);
        measured.insert(measured.end(), values.begin(), values.end());
      }
    }
    // Word parameters (the side a chair takes at a desk): the word a majority of queries chose.
    for (const auto& [parameter, votes] : words[key]) {
      const int n = static_cast<int>(votes.size());
      if (n < options.min_queries) continue;
      if (std::find(info.args.begin(), info.args.end(), parameter) == info.args.end()) continue;
      std::map<std::string, int> count;
      for (const auto& [query, word] : votes) ++count[word];
      const auto best =
          std::max_element(count.begin(), count.end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; });
      if (2 * best->second <= n || s.refinement.args.Word(parameter) == best->first) continue;
      s.refinement.args.words[parameter] = best->first;
      changes.push_back(parameter + " " + best->first + " (" + std::to_string(best->second) +
                        " of " + std::to_string(n) + " agree)");
      for (const auto& [query, word] : votes) queries.insert(query);
    }
    if (changes.empty()) continue;
    s.provenance.origin = "learn";
    s.provenance.queries.assign(queries.begin(), queries.end());
    s.provenance.rounds.assign(rounds[key].begin(), rounds[key].end());
    s.provenance.measurements = measured;
    s.provenance.note = Join(changes, "; ");
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<Skill> FixCandidates(const std::vector<Evidence>& evidence,
                                 const std::vector<Skill>& current,
                                 const ConsensusOptions& options) {
  options.Check();
  using Key = std::tuple<RelationType, std::string, std::string>;
  // Key -> query -> parameter -> that query's values (numbers) and words.
  struct Votes {
    std::map<std::string, std::vector<double>> numbers;
    std::map<std::string, std::vector<std::string>> words;
  };
  std::map<Key, std::map<std::string, Votes>> by;
  std::map<Key, std::set<int>> rounds;
  for (const Evidence& e : evidence) {
    if (!e.fix || !UsableClass(e.subject) || !UsableClass(e.reference)) continue;
    const Key key{e.relation, e.subject, e.reference};
    Votes& v = by[key][e.query];
    if (!e.word.empty()) {
      v.words[e.parameter].push_back(e.word);
    } else if (std::isfinite(e.value)) {
      v.numbers[e.parameter].push_back(e.value);
    }
    rounds[key].insert(e.round);
  }
  std::vector<Skill> out;
  for (const auto& [key, queries] : by) {
    const int n = static_cast<int>(queries.size());  // queries whose loop fixed such a relation
    if (n < options.min_queries) continue;
    Skill s;
    s.kind = SkillKind::kRefinement;
    s.refinement.relation = std::get<0>(key);
    s.refinement.subject = std::get<1>(key);
    s.refinement.reference = std::get<2>(key);
    s.refinement.on_failure = true;
    s.key = SkillKey(s);
    const RelationInfo& info = GetRelationInfo(s.refinement.relation);
    std::vector<std::string> changes;
    std::vector<double> measured;
    // Every parameter any fixing query used; each query votes once (median, or its first word).
    std::set<std::string> parameters;
    for (const auto& [query, v] : queries) {
      for (const auto& [p, values] : v.numbers) parameters.insert(p);
      for (const auto& [p, words] : v.words) parameters.insert(p);
    }
    for (const std::string& parameter : parameters) {
      std::vector<double> per_query;
      std::map<std::string, int> word_votes;
      for (const auto& [query, v] : queries) {
        if (const auto it = v.numbers.find(parameter); it != v.numbers.end()) {
          per_query.push_back(Median(it->second));
          measured.insert(measured.end(), it->second.begin(), it->second.end());
        }
        if (const auto it = v.words.find(parameter); it != v.words.end()) {
          ++word_votes[it->second.front()];
        }
      }
      if (parameter == "hard") {
        const int yes = static_cast<int>(
            std::count_if(per_query.begin(), per_query.end(), [](double v) { return v >= 0.5; }));
        if (2 * yes <= n) continue;
        s.refinement.hard = true;
        changes.push_back("made hard in " + std::to_string(yes) + " of " + std::to_string(n));
        continue;
      }
      if (std::find(info.args.begin(), info.args.end(), parameter) == info.args.end()) continue;
      if (!word_votes.empty()) {
        const auto best =
            std::max_element(word_votes.begin(), word_votes.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        if (2 * best->second <= n) continue;
        s.refinement.args.words[parameter] = best->first;
        changes.push_back(parameter + " " + best->first + " in " + std::to_string(best->second) +
                          " of " + std::to_string(n));
      } else if (!per_query.empty()) {
        const double m = Median(per_query);
        const int agree = Agreeing(per_query, m, options);
        if (2 * agree <= n) continue;
        s.refinement.args.numbers[parameter] = Round2(m);
        changes.push_back(parameter + " " + FormatNumber(Round2(m), 2) + " in " +
                          std::to_string(agree) + " of " + std::to_string(n));
      }
    }
    if (changes.empty()) continue;
    // The same fix as the library's: nothing to learn.
    if (const Skill* existing = FindSkill(current, SkillKind::kRefinement, s.key)) {
      if (SkillParamsToJson(*existing) == SkillParamsToJson(s)) continue;
    }
    s.provenance.origin = "learn";
    for (const auto& [query, v] : queries) s.provenance.queries.push_back(query);
    s.provenance.rounds.assign(rounds[key].begin(), rounds[key].end());
    s.provenance.measurements = measured;
    s.provenance.note =
        "the inner loop fixed it in " + std::to_string(n) + " queries: " + Join(changes, "; ");
    out.push_back(std::move(s));
  }
  return out;
}

ScenePatterns PatternsOf(const SceneGraph& graph, const std::string& query) {
  ScenePatterns p;
  p.query = query;
  std::map<std::string, std::string> category;
  for (const Object& o : graph.objects) {
    category[o.id] = o.category;
    p.categories.insert(o.category);
  }
  auto cat = [&](const std::string& id) {
    const auto it = category.find(id);
    return it == category.end() ? std::string() : it->second;
  };
  // Anchors of members: for a group relation without a reference, the categories its members
  // are related to by a relation with a reference.
  for (const Relation& r : graph.relations) {
    const RelationInfo& info = GetRelationInfo(r.type);
    if (r.objects.size() == 1) {
      if (!cat(r.objects[0]).empty()) p.single.insert({r.type, cat(r.objects[0])});
      continue;
    }
    const bool group = IsGroupType(r.type);
    if (info.has_reference) {
      const std::string anchor = cat(r.objects.back());
      for (size_t k = 0; k + 1 < r.objects.size(); ++k) {
        const std::string member = cat(r.objects[k]);
        if (!anchor.empty() && !member.empty() && member != anchor) {
          p.anchored.insert({r.type, member, anchor, group});
        }
      }
      continue;
    }
    // A group of one category without a reference (a row of seats): attributed to the anchors
    // its members relate to.
    const std::string member = cat(r.objects.front());
    const bool uniform = std::all_of(r.objects.begin(), r.objects.end(),
                                     [&](const std::string& id) { return cat(id) == member; });
    if (!uniform || member.empty()) continue;
    for (const Relation& other : graph.relations) {
      if (!GetRelationInfo(other.type).has_reference || other.objects.size() < 2) continue;
      const std::string anchor = cat(other.objects.back());
      if (anchor == member || anchor.empty()) continue;
      if (std::find(r.objects.begin(), r.objects.end(), other.objects.front()) != r.objects.end()) {
        p.anchored.insert({r.type, member, anchor, true});
      }
    }
  }
  return p;
}

Box3 PosedBox(const Object& o) {
  const Pose& pose = *o.pose;
  const double c = std::abs(std::cos(pose.yaw_rad)), s = std::abs(std::sin(pose.yaw_rad));
  const double hx = 0.5 * (c * o.size.x + s * o.size.y);
  const double hy = 0.5 * (s * o.size.x + c * o.size.y);
  return Box3::FromMinMax({pose.x - hx, pose.y - hy, pose.z},
                          {pose.x + hx, pose.y + hy, pose.z + o.size.z});
}

double FootprintGap(const Box3& a, const Box3& b) {
  const double dx = std::max({0.0, a.min.x - b.max.x, b.min.x - a.max.x});
  const double dy = std::max({0.0, a.min.y - b.max.y, b.min.y - a.max.y});
  return std::hypot(dx, dy);
}

std::vector<Evidence> PoseEvidence(const SceneGraph& graph, const std::string& query) {
  std::vector<Evidence> out;
  for (const Relation& r : graph.relations) {
    if (r.type != RelationType::kNear || r.objects.size() != 2) continue;
    const Object* a = graph.FindObject(r.objects[0]);
    const Object* b = graph.FindObject(r.objects[1]);
    if (a == nullptr || b == nullptr || !a->pose || !b->pose || !a->HasSize() || !b->HasSize()) {
      continue;
    }
    out.push_back({r.type, a->category, b->category, "distance_m",
                   FootprintGap(PosedBox(*a), PosedBox(*b)), "", query, 0});
  }
  return out;
}

std::vector<Skill> PatternCandidates(const std::vector<ScenePatterns>& scenes,
                                     const std::vector<Skill>& current,
                                     const ConsensusOptions& options) {
  options.Check();
  auto majority = [&](int k, int n) { return k >= options.min_queries && 2 * k > n; };
  // Motifs: per anchor category, the member relations most scenes with both categories show.
  std::map<std::string, Skill> motifs;
  std::set<std::tuple<RelationType, std::string, std::string, bool>> patterns;
  for (const ScenePatterns& s : scenes) patterns.insert(s.anchored.begin(), s.anchored.end());
  for (const auto& pattern : patterns) {
    const auto& [type, member, anchor, group] = pattern;
    if (!UsableClass(member) || !UsableClass(anchor)) continue;
    int n = 0, k = 0;
    std::vector<std::string> queries;
    for (const ScenePatterns& s : scenes) {
      if (!s.categories.count(member) || !s.categories.count(anchor)) continue;
      ++n;
      if (s.anchored.count(pattern)) {
        ++k;
        queries.push_back(s.query);
      }
    }
    if (!majority(k, n)) continue;
    Skill& m = motifs[anchor];
    m.kind = SkillKind::kMotif;
    m.motif.anchor = anchor;
    m.motif.relations.push_back({type, member, group, RelationArgs{}, false});
    m.provenance.origin = "scenes";
    for (const std::string& q : queries) {
      if (std::find(m.provenance.queries.begin(), m.provenance.queries.end(), q) ==
          m.provenance.queries.end()) {
        m.provenance.queries.push_back(q);
      }
    }
    m.provenance.note += (m.provenance.note.empty() ? "" : "; ") +
                         std::string(RelationTypeName(type)) + " " + member + ": " +
                         std::to_string(k) + " of " + std::to_string(n) + " scenes";
  }
  std::vector<Skill> out;
  for (auto& [anchor, m] : motifs) {
    m.key = SkillKey(m);
    // A motif the library has keeps its relations; the learned ones are added to them, and
    // when it has every one already there is nothing to learn.
    if (const Skill* existing = FindSkill(current, SkillKind::kMotif, m.key)) {
      std::vector<MotifRelation> merged = existing->motif.relations;
      for (const MotifRelation& r : m.motif.relations) {
        const bool held = std::any_of(merged.begin(), merged.end(), [&](const MotifRelation& e) {
          return e.relation == r.relation && e.member == r.member && e.group == r.group;
        });
        if (!held) merged.push_back(r);
      }
      if (merged.size() == existing->motif.relations.size()) continue;
      m.motif.relations = std::move(merged);
    }
    out.push_back(std::move(m));
  }
  // Implied relations of one object: what most scenes with the category do.
  std::set<std::pair<RelationType, std::string>> singles;
  for (const ScenePatterns& s : scenes) singles.insert(s.single.begin(), s.single.end());
  for (const auto& [type, category] : singles) {
    if (!UsableClass(category) || GetRelationInfo(type).max_objects != 1) continue;
    int n = 0, k = 0;
    Skill s;
    for (const ScenePatterns& p : scenes) {
      if (!p.categories.count(category)) continue;
      ++n;
      if (p.single.count({type, category})) {
        ++k;
        s.provenance.queries.push_back(p.query);
      }
    }
    if (!majority(k, n)) continue;
    s.kind = SkillKind::kImplied;
    s.implied.subject = category;
    s.implied.relation = type;
    s.implied.unless = {RelationType::kAgainstWall, RelationType::kInCorner, RelationType::kCenter,
                        RelationType::kOnWall,      RelationType::kBetween,  RelationType::kAround};
    s.key = SkillKey(s);
    s.provenance.origin = "scenes";
    s.provenance.note = std::to_string(k) + " of " + std::to_string(n) + " scenes";
    if (FindSkill(current, SkillKind::kImplied, s.key) != nullptr) continue;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace scenecraft
