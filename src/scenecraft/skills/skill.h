// A spatial skill (issue 13): a named, versioned, typed parameter set that the agent applies to a
// planned scene graph. Skills are data, never code: every kind below is a closed record, read
// from JSON only through SkillFromJson, which checks it against the schema in skill.cc.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenecraft/core/relation.h"

namespace scenecraft {

enum class SkillKind {
  // Parameters of a relation for a pair of classes: near(nightstand, bed) gets distance_m 0.3.
  kRefinement,
  // A small relational sub-graph matched by categories and applied as a unit: a desk with its
  // chair (facing, near) and lamp (on).
  kMotif,
  // What objects of a class do unless the text says otherwise: a wardrobe stands against a wall.
  kImplied,
};

std::string_view SkillKindName(SkillKind kind);
std::optional<SkillKind> SkillKindFromName(std::string_view name);

// A relation refinement: relations of `relation` whose subject is of class `subject` and whose
// reference is of class `reference` (either may be "*": any) get `args` they do not carry yet,
// and become hard when `hard` is true. Classes are WordNet nouns; a category belongs to a class
// when it is the class or a hyponym of it.
// A refinement `on_failure` is a learned fix: what the inner loop changed on other scenes to make
// such a relation pass. It is not applied at planning; the reviser tries it first when a relation
// of the pair fails on the readback (critic/reviser.h).
struct Refinement {
  RelationType relation = RelationType::kNear;
  std::string subject;
  std::string reference;
  RelationArgs args;  // only keys the relation type declares (core/relation.h)
  std::optional<bool> hard;
  bool on_failure = false;
};

// One relation of a motif, between members of class `member` and the anchor. `group`: one
// relation over all matched members, with the anchor as reference when the type has one
// (around(chair_1, chair_2, table_1)); otherwise one relation per member.
struct MotifRelation {
  RelationType relation = RelationType::kNear;
  std::string member;
  bool group = false;
  RelationArgs args;
  bool hard = false;
};

// An arrangement motif: an object of class `anchor` with its members. Only objects the scene
// already has are related; a motif never adds objects.
struct Motif {
  std::string anchor;
  std::vector<MotifRelation> relations;
};

// An implied relation: objects of class `subject` get relation(subject[, first object of class
// `target`]) unless they already take part in a relation of one of the `unless` types (the text
// placed them). `indoors`: only in a room.
struct Implied {
  std::string subject;
  RelationType relation = RelationType::kAgainstWall;
  std::string target;  // empty for relations of one object
  std::vector<RelationType> unless;
  bool indoors = true;
};

// Where a skill came from: "seed", "learn", "scenes", "import", "llm"; the queries (corpus ids
// or scene files) whose evidence made it, the rounds that evidence came from, and the measured
// values (metres, degrees) it summarises.
struct Provenance {
  std::string origin;
  std::vector<std::string> queries;
  std::vector<int> rounds;
  std::vector<double> measurements;
  std::string note;
};

struct Skill {
  SkillKind kind = SkillKind::kRefinement;
  // Unique within the kind, derived from the parameters (SkillKey): "near:nightstand:bed".
  std::string key;
  int version = 0;  // 1, 2 ... per key; 0 until stored
  // Exactly one of these holds the parameters, the one of `kind`.
  Refinement refinement;
  Motif motif;
  Implied implied;
  Provenance provenance;

  std::string ToString() const;  // "refinement near:nightstand:bed v2 {distance_m: 0.3}"
};

// The key a skill's parameters give it: refinement "<relation>:<subject>:<reference>" (a fix:
// "<relation>:<subject>:<reference>:fix"), motif
// "<anchor>", implied "<relation>:<subject>[:<target>]".
std::string SkillKey(const Skill& skill);

}  // namespace scenecraft
