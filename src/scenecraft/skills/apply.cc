#include "scenecraft/skills/apply.h"

#include <algorithm>
#include <map>
#include <set>

#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using T = RelationType;

// Placement relations: a member that takes part in one of these with another object has been
// placed by the text, so a motif does not pull it elsewhere.
bool SameRelationExists(const SceneGraph& g, RelationType type, const std::string& subject) {
  return std::any_of(g.relations.begin(), g.relations.end(), [&](const Relation& r) {
    if (r.type != type) return false;
    const RelationInfo& info = GetRelationInfo(type);
    const size_t members = info.has_reference ? r.objects.size() - 1 : r.objects.size();
    for (size_t k = 0; k < members; ++k) {
      if (r.objects[k] == subject) return true;
    }
    return false;
  });
}

bool RelatedTo(const SceneGraph& g, const std::string& a, const std::string& b) {
  return std::any_of(g.relations.begin(), g.relations.end(), [&](const Relation& r) {
    const bool has_a = std::find(r.objects.begin(), r.objects.end(), a) != r.objects.end();
    const bool has_b = std::find(r.objects.begin(), r.objects.end(), b) != r.objects.end();
    return has_a && has_b;
  });
}

std::string SourceOf(const Skill& s) {
  return "skill:" + std::string(SkillKindName(s.kind)) + "/" + s.key + "@" +
         std::to_string(s.version);
}

class Applier {
 public:
  Applier(const ClassMatcher& matches, SceneGraph* graph) : matches_(matches), g_(*graph) {}

  std::vector<std::string> Implied(const Skill& s) {
    const scenecraft::Implied& p = s.implied;
    std::vector<std::string> changes;
    if (p.indoors && !g_.environment.IsRoom()) return changes;
    std::string target;
    if (!p.target.empty()) {
      const Object* t = First(p.target);
      if (t == nullptr) return changes;
      target = t->id;
    }
    for (const Object& o : Snapshot()) {
      if (!Matches(o, p.subject) || o.id == target) continue;
      bool placed = false;
      for (RelationType u : p.unless) placed = placed || Involves(u, o.id);
      if (placed || SameRelationExists(g_, p.relation, o.id)) continue;
      std::vector<std::string> ids{o.id};
      if (!target.empty()) ids.push_back(target);
      changes.push_back(Add(s, p.relation, ids, RelationArgs{}, false));
    }
    return changes;
  }

  std::vector<std::string> Motif(const Skill& s) {
    std::vector<std::string> changes;
    std::vector<const Object*> anchors;
    for (const Object& o : g_.objects) {
      if (Matches(o, s.motif.anchor)) anchors.push_back(&o);
    }
    if (anchors.empty()) return changes;
    // Each member belongs to the anchor it is already related to, else to the first anchor.
    std::map<std::string, std::vector<std::string>> members_of;  // anchor id -> member ids
    std::vector<std::string> anchor_ids;
    for (const Object* a : anchors) anchor_ids.push_back(a->id);
    std::set<std::string> member_classes;
    for (const MotifRelation& m : s.motif.relations) member_classes.insert(m.member);
    for (const Object& o : g_.objects) {
      if (std::find(anchor_ids.begin(), anchor_ids.end(), o.id) != anchor_ids.end()) continue;
      bool member = false;
      for (const std::string& c : member_classes) member = member || Matches(o, c);
      if (!member) continue;
      std::string owner = anchor_ids.front();
      for (const std::string& a : anchor_ids) {
        if (RelatedTo(g_, o.id, a)) {
          owner = a;
          break;
        }
      }
      members_of[owner].push_back(o.id);
    }
    for (const std::string& anchor : anchor_ids) {
      for (const MotifRelation& m : s.motif.relations) {
        std::vector<std::string> free;
        for (const std::string& id : members_of[anchor]) {
          const Object* o = g_.FindObject(id);
          if (o != nullptr && Matches(*o, m.member) && !SameRelationExists(g_, m.relation, id)) {
            free.push_back(id);
          }
        }
        if (free.empty()) continue;
        const RelationInfo& info = GetRelationInfo(m.relation);
        if (m.group) {
          std::vector<std::string> ids = free;
          if (info.has_reference) ids.push_back(anchor);
          const int n = static_cast<int>(ids.size());
          if (n < info.min_objects || (info.max_objects >= 0 && n > info.max_objects)) continue;
          changes.push_back(Add(s, m.relation, ids, m.args, m.hard));
        } else {
          for (const std::string& id : free) {
            changes.push_back(Add(s, m.relation, {id, anchor}, m.args, m.hard));
          }
        }
      }
    }
    return changes;
  }

  std::vector<std::string> Refine(const Skill& s) {
    std::vector<std::string> changes;
    if (s.refinement.on_failure) return changes;  // a fix: the reviser's (ApplyLearnedFix)
    for (Relation& r : g_.relations) {
      if (const std::string change = RefineOne(s, &r); !change.empty()) changes.push_back(change);
    }
    return changes;
  }

  // Fills in the refinement's arguments that `r` does not carry (with `replace`, also those it
  // carries with another value, except the `stated` ones) and makes it hard; returns what changed
  // ("near(a, b): distance_m 0.4, hard"), or "" when the skill does not match or changes nothing.
  std::string RefineOne(const Skill& s, Relation* r, bool replace = false,
                        const std::set<std::string>& stated = {}) {
    const Refinement& p = s.refinement;
    if (r->type != p.relation || r->objects.size() != 2) return "";
    const Object* a = g_.FindObject(r->objects[0]);
    const Object* b = g_.FindObject(r->objects[1]);
    if (a == nullptr || b == nullptr || !Matches(*a, p.subject) || !Matches(*b, p.reference)) {
      return "";
    }
    const std::string before = r->ToString();
    std::vector<std::string> what;
    // Arguments the text gave stay; only missing ones are filled in (or, for a fix, replaced).
    auto keep = [&](const std::string& key) {
      return (!replace || stated.count(key)) &&
             (r->args.numbers.count(key) || r->args.words.count(key));
    };
    for (const auto& [key, value] : p.args.numbers) {
      if (keep(key) || r->args.Number(key) == value) continue;
      r->args.words.erase(key);
      r->args.numbers[key] = value;
      what.push_back(key + " " + FormatNumber(value, 2));
    }
    for (const auto& [key, value] : p.args.words) {
      if (keep(key) || r->args.Word(key) == value) continue;
      r->args.numbers.erase(key);
      r->args.words[key] = value;
      what.push_back(key + " " + value);
    }
    if (p.hard && *p.hard && !r->hard) {
      r->hard = true;
      what.push_back("hard");
    }
    return what.empty() ? "" : before + ": " + Join(what, ", ");
  }

 private:
  bool Matches(const Object& o, const std::string& cls) const {
    return cls == "*" || matches_(o.category, cls);
  }
  const Object* First(const std::string& cls) const {
    for (const Object& o : g_.objects) {
      if (Matches(o, cls)) return &o;
    }
    return nullptr;
  }
  bool Involves(RelationType type, const std::string& id) const {
    return std::any_of(g_.relations.begin(), g_.relations.end(), [&](const Relation& r) {
      return r.type == type && std::find(r.objects.begin(), r.objects.end(), id) != r.objects.end();
    });
  }
  // The objects as they are now (adding relations never changes them, but callers iterate while
  // adding).
  std::vector<Object> Snapshot() const { return g_.objects; }

  std::string Add(const Skill& s, RelationType type, std::vector<std::string> ids,
                  const RelationArgs& args, bool hard) {
    Relation r;
    r.type = type;
    r.objects = std::move(ids);
    r.args = args;
    r.hard = hard;
    r.source.pointer = SourceOf(s);
    const std::string text = "added " + r.ToString();
    g_.relations.push_back(std::move(r));
    return text;
  }

  const ClassMatcher& matches_;
  SceneGraph& g_;
};

}  // namespace

bool MatchesClassByName(const std::string& category, const std::string& cls) {
  if (cls == "*" || category == cls) return true;
  return category.size() > cls.size() + 1 && EndsWith(category, " " + cls);
}

std::string AppliedSkill::ToString() const {
  return std::string(SkillKindName(kind)) + " " + key + " v" + std::to_string(version) + ": " +
         Join(changes, "; ");
}

std::vector<AppliedSkill> ApplySkills(const std::vector<Skill>& skills, const ClassMatcher& matches,
                                      SceneGraph* graph) {
  Applier applier(matches, graph);
  std::vector<AppliedSkill> applied;
  for (SkillKind pass : {SkillKind::kImplied, SkillKind::kMotif, SkillKind::kRefinement}) {
    for (const Skill& s : skills) {
      if (s.kind != pass) continue;
      std::vector<std::string> changes = pass == SkillKind::kImplied ? applier.Implied(s)
                                         : pass == SkillKind::kMotif ? applier.Motif(s)
                                                                     : applier.Refine(s);
      if (!changes.empty()) applied.push_back({s.kind, s.key, s.version, std::move(changes)});
    }
  }
  return applied;
}

std::optional<AppliedSkill> ApplyLearnedFix(const std::vector<Skill>& skills,
                                            const ClassMatcher& matches, size_t relation,
                                            SceneGraph* graph,
                                            const std::set<std::string>& stated) {
  if (relation >= graph->relations.size()) return std::nullopt;
  Applier applier(matches, graph);
  for (const Skill& s : skills) {
    if (s.kind != SkillKind::kRefinement || !s.refinement.on_failure) continue;
    const std::string change =
        applier.RefineOne(s, &graph->relations[relation], /*replace=*/true, stated);
    if (!change.empty()) return AppliedSkill{s.kind, s.key, s.version, {change}};
  }
  return std::nullopt;
}

}  // namespace scenecraft
