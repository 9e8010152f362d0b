// Stages 3 and 4 of the offline planner: items (chunker.h) into plain records: the entities the
// text names (each with its count, attributes and kind) and the statements that relate them. It
// attaches every spatial phrase to its subject and reference (nearest noun, clause subject after
// a comma or verb, the noun after a phrase that opens a clause, the thing "with" hangs on), and
// resolves references as it reads: a noun named again, "it", "them", "both", "the latter", "the
// other one", "each of them", possessives. What it cannot attach it reports with its span.
#pragma once

#include <string>
#include <vector>

#include "scenecraft/lang/chunker.h"
#include "scenecraft/lang/noun_kind.h"

namespace scenecraft {

struct Entity {
  std::string category;
  std::vector<std::string> attributes;
  long count = 1;
  NounKind kind = NounKind::kObject;
  RoomPart room_part = RoomPart::kNone;
  std::string wall_side;    // for walls
  std::string arrangement;  // from "a row of": a RELATIONS.md group type
  // false for a plural whose number the text does not say (nor a counted host's "with")
  bool count_said = true;
  long groups = -1;  // "rows of chairs": 0 (several), "three rows of chairs": 3
  int first = -1;    // word span of its first mention
  int last = -1;
  int next_member = 0;  // the next member "one" or "the other" picks
};

struct EntityRef {
  int entity = -1;
  int member = -1;  // -1: every member
  bool operator==(const EntityRef& o) const { return entity == o.entity && member == o.member; }
};

struct Statement {
  Meaning meaning = Meaning::kNear;
  std::vector<EntityRef> subjects;
  std::vector<EntityRef> references;
  int first = 0;  // word span: the phrase through its reference
  int last = 0;
  bool distributive = false;  // "a lamp on each nightstand": subject member k with reference k
  // "a screen between each pair of beds": subject member k between reference members k and k+1.
  bool pairwise = false;
  bool from_with = false;  // "a desk with a chair": only "with" joined them
  bool fronted = false;    // the phrase opened its clause ("In the garage, a car ...")
  // "a chair facing both of them", "in front of all of them": each subject member with every
  // reference member.
  bool every_reference = false;
};

struct ReadWarning {
  std::string message;
  int first = 0;  // word span
  int last = 0;
};

struct Reading {
  std::vector<Entity> entities;
  std::vector<Statement> statements;
  std::vector<bool> accounted;  // per word: used by an object, attribute, relation or setting
  std::vector<bool> content;    // per word: a content word (noun or adjective)
  std::vector<ReadWarning> warnings;
  // The setting the text names, if any ("kitchen", "lawn"), and its kind.
  std::string setting;
  NounKind setting_kind = NounKind::kObject;
};

Reading ReadItems(const std::vector<Word>& words, const std::vector<Item>& items);

}  // namespace scenecraft
