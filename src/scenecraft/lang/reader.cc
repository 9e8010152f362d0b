#include "scenecraft/lang/reader.h"

#include <algorithm>
#include <optional>

#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

using Group = std::vector<EntityRef>;

// Positional nouns after a possessive ("the bed's foot", "the sofa's left"): what the phrase
// before them then means.
std::optional<Meaning> PositionalMeaning(const std::string& noun) {
  if (noun == "foot" || noun == "end") return Meaning::kAtFoot;
  if (noun == "head") return Meaning::kAtHead;
  if (noun == "top") return Meaning::kOn;
  if (noun == "left") return Meaning::kLeftOf;
  if (noun == "right") return Meaning::kRightOf;
  if (noun == "front") return Meaning::kInFrontOf;
  if (noun == "back" || noun == "rear") return Meaning::kBehind;
  if (noun == "side") return Meaning::kNear;
  if (noun == "middle" || noun == "center" || noun == "centre") return Meaning::kMiddleOf;
  return std::nullopt;
}

class Reader {
 public:
  Reader(const std::vector<Word>& words, const std::vector<Item>& items)
      : words_(words), items_(items) {
    out_.accounted.assign(words.size(), false);
    out_.content.assign(words.size(), false);
  }
  Reading Run();

 private:
  struct Pending {
    Meaning meaning;
    Group subjects;  // empty while the subject is still to come ("At its foot sits a chest")
    Group references;
    int first = 0, last = 0;
    bool distributive = false;
    bool fronted = false;
  };

  void OnNoun(const Item& item);
  void OnSpatial(const Item& item);
  void Finish(Pending p);
  // The waiting phrase has its reference: it waits for its subject when it opened the clause,
  // else it is a statement now.
  void CompletePending();
  void CloseClause();
  void FlushPending();
  void FlushWith();
  Group Resolve(const NounPhrase& np, const Item& item, bool as_reference, const Group& exclude);
  Group ResolvePronoun(const NounPhrase& np, const Group& exclude);
  Group Implicit(const Group& subjects) const;
  Group PhraseSubject(const Item& item) const;
  int NewEntity(const NounPhrase& np, const Item& item, NounKind kind);
  void Account(int first, int last) {
    for (int k = first; k <= last && k < static_cast<int>(words_.size()); ++k)
      out_.accounted[k] = true;
  }
  void Mention(const Group& g) {
    for (const EntityRef& r : g) {
      recent_.erase(std::remove(recent_.begin(), recent_.end(), r.entity), recent_.end());
      recent_.push_back(r.entity);
    }
    if (g.size() >= 2 ||
        (g.size() == 1 && g[0].member < 0 && out_.entities[g[0].entity].count >= 2)) {
      groups_.push_back(g);
    }
  }
  bool IsObject(int e) const {
    const NounKind k = out_.entities[e].kind;
    return k == NounKind::kObject || k == NounKind::kBuilding;
  }

  const std::vector<Word>& words_;
  const std::vector<Item>& items_;
  Reading out_;
  size_t index_ = 0;

  // Reading state.
  Group clause_subject_;  // the subject of the current clause
  Group last_group_;      // the most recent noun phrase (with its coordinated ones)
  bool last_is_reference_ = false;
  bool last_placed_ = false;  // a finished statement placed the last group
  bool clause_start_ = true;
  bool after_comma_ = false, after_and_ = false, after_verb_ = false;
  std::optional<Pending> pending_;  // a phrase waiting for its reference
  std::optional<Pending> fronted_;  // a phrase waiting for its subject
  Group relative_;                  // the noun a relative clause is about
  Group verb_subject_;              // the noun right before the last verb
  Group with_current_;              // the member of a "with" list being described
  bool last_was_pronoun_ = false;   // the last noun phrase was a pronoun
  Group last_pair_;                 // subject and reference of the last two-thing statement
  std::vector<Group> subjects_;     // clause subjects of earlier clauses, in order
  // "with": the thing the following nouns belong to, and those not placed by a phrase yet.
  Group with_host_;
  bool in_with_ = false;
  int with_word_ = -1;
  std::vector<std::pair<Group, std::pair<int, int>>> with_members_;
  Group with_list_;
  // A noun phrase after "of", "for", "made of": its words describe this group.
  std::optional<Group> describe_;
  bool negated_ = false;
  Group possessor_;
  std::vector<int> recent_;           // entities, least recent first
  size_t sentence_first_entity_ = 0;  // the first entity of the current sentence
  std::vector<Group> groups_;         // plural groups and coordinations, in order
};

int Reader::NewEntity(const NounPhrase& np, const Item& item, NounKind kind) {
  Entity e;
  e.category = np.category;
  e.attributes = np.attributes;
  e.kind = kind;
  e.room_part = np.room_part;
  e.wall_side = np.wall_side;
  e.arrangement = np.arrangement;
  e.first = item.first;
  e.last = item.last;
  e.count = np.count >= 0 ? np.count : (np.plural ? 2 : 1);
  if (np.distributive && np.count < 0) e.count = 1;
  out_.entities.push_back(e);
  return static_cast<int>(out_.entities.size()) - 1;
}

Group Reader::ResolvePronoun(const NounPhrase& np, const Group& exclude) {
  auto excluded = [&](int e) {
    return std::any_of(exclude.begin(), exclude.end(),
                       [&](const EntityRef& r) { return r.entity == e && r.member < 0; });
  };
  const std::string& p = np.pronoun;
  if (p == "it") {
    // In a "with" phrase, "it" is the thing the phrase hangs on: "an aquarium on a cabinet, with
    // a beanbag in front of it".
    if (in_with_ && with_host_.size() == 1 && with_host_[0].member < 0 &&
        !excluded(with_host_[0].entity) && out_.entities[with_host_[0].entity].count == 1) {
      return with_host_;
    }
    // The subject of the clause before is the thing in focus ("A sewing machine sits on a
    // table; a dress form stands to its left"); else the last single thing named.
    for (auto g = subjects_.rbegin(); g != subjects_.rend() && g - subjects_.rbegin() < 1; ++g) {
      if (g->size() == 1 && (*g)[0].member < 0 && IsObject((*g)[0].entity) &&
          !excluded((*g)[0].entity) && out_.entities[(*g)[0].entity].count == 1) {
        return *g;
      }
    }
    for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
      if (IsObject(*e) && !excluded(*e) && out_.entities[*e].count == 1) return {{*e, -1}};
    }
    return {};
  }
  if (p == "them" || p == "both") {
    for (auto g = groups_.rbegin(); g != groups_.rend(); ++g) {
      if (std::any_of(g->begin(), g->end(), [&](const EntityRef& r) { return excluded(r.entity); }))
        continue;
      if (p == "both" &&
          !(g->size() == 2 || (g->size() == 1 && out_.entities[(*g)[0].entity].count == 2)))
        continue;
      return *g;
    }
    // The two things the last statement related ("a sofa facing a TV, a table between them").
    if (last_pair_.size() == 2 && !excluded(last_pair_[0].entity) &&
        !excluded(last_pair_[1].entity)) {
      return last_pair_;
    }
    // Else the last two single things.
    Group two;
    for (auto e = recent_.rbegin(); e != recent_.rend() && two.size() < 2; ++e) {
      if (IsObject(*e) && !excluded(*e)) two.insert(two.begin(), {*e, -1});
    }
    return two.size() == 2 ? two : Group{};
  }
  if (p == "all") {
    Group all;
    for (size_t e = sentence_first_entity_; e < out_.entities.size(); ++e) {
      if (IsObject(static_cast<int>(e)) && !excluded(static_cast<int>(e))) {
        all.push_back({static_cast<int>(e), -1});
      }
    }
    return all;
  }
  if (p == "latter" || p == "former") {
    // The last pair named together ("a lamp and a vase; the former ..."), else the last two.
    for (auto g = groups_.rbegin(); g != groups_.rend(); ++g) {
      if (g->size() != 2) continue;
      if (std::any_of(g->begin(), g->end(), [&](const EntityRef& r) { return excluded(r.entity); }))
        continue;
      return {p == "latter" ? g->back() : g->front()};
    }
    Group two;
    for (auto e = recent_.rbegin(); e != recent_.rend() && two.size() < 2; ++e) {
      if (IsObject(*e) && !excluded(*e)) two.insert(two.begin(), {*e, -1});
    }
    if (two.empty()) return {};
    return {p == "latter" ? two.back() : two.front()};
  }
  if (p == "one" || p == "other") {
    for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
      Entity& entity = out_.entities[*e];
      if (IsObject(*e) && entity.count >= 2 && !excluded(*e)) {
        const int member = std::min<int>(entity.next_member, static_cast<int>(entity.count) - 1);
        entity.next_member++;
        return {{*e, member}};
      }
    }
    return {};
  }
  return {};
}

Group Reader::Resolve(const NounPhrase& np, const Item& item, bool as_reference,
                      const Group& exclude) {
  if (!np.pronoun.empty()) return ResolvePronoun(np, exclude);
  NounKind kind = ClassifyNoun(np.category);
  // A thing the text puts others in or at may be a place by another of its senses ("in the
  // middle of the village square").
  if (as_reference && pending_ && kind == NounKind::kObject &&
      (pending_->meaning == Meaning::kIn || pending_->meaning == Meaning::kAt ||
       pending_->meaning == Meaning::kMiddleOf)) {
    if (const NounKind place = PlaceSense(np.category); place != NounKind::kObject) kind = place;
  }
  // Once the scene has its setting, a place noun that can also be a thing is the thing ("a
  // bathroom with a toilet", "a kitchen with a bar").
  if ((kind == NounKind::kIndoorPlace || kind == NounKind::kOutdoorPlace) &&
      !out_.setting.empty() && HasObjectSense(np.category)) {
    kind = NounKind::kObject;
  }
  if (kind == NounKind::kFrame) {
    Account(item.first, item.last);
    return {};
  }
  if (kind == NounKind::kAbstract) {
    out_.warnings.push_back(
        {"\"" + np.category + "\" is not a physical thing; nothing is built for it", item.first,
         item.last});
    return {};
  }
  if (kind == NounKind::kIndoorPlace || kind == NounKind::kOutdoorPlace) {
    if (out_.setting.empty() ||
        (out_.setting_kind != NounKind::kIndoorPlace && kind == NounKind::kIndoorPlace)) {
      out_.setting = np.category;
      out_.setting_kind = kind;
    }
    Account(item.first, item.last);
    const int e = NewEntity(np, item, kind);
    return {{e, -1}};
  }
  // A thing named again is the thing already there: "the sofa", "a floor lamp near an armchair"
  // (when an armchair was named before). Room parts are matched by kind and wall side.
  const bool reuse = np.definite || np.partitive || (as_reference && !np.plural && np.count <= 1);
  if (reuse) {
    for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
      Entity& entity = out_.entities[*e];
      // The same noun, or the same head ("the lamp" after "a desk lamp").
      const std::string& c = entity.category;
      const bool same_head =
          c.size() > np.category.size() + 1 &&
          c.compare(c.size() - np.category.size(), np.category.size(), np.category) == 0 &&
          c[c.size() - np.category.size() - 1] == ' ';
      if ((c != np.category && !(np.definite && same_head)) || entity.wall_side != np.wall_side) {
        continue;
      }
      for (const std::string& a : np.attributes) {
        if (std::find(entity.attributes.begin(), entity.attributes.end(), a) ==
                entity.attributes.end() &&
            WallSide(a).empty()) {
          entity.attributes.push_back(a);
        }
      }
      // "the two windows" after "the window": the room has two; two other things are new.
      if (np.count > entity.count) {
        if (entity.kind != NounKind::kRoomPart) continue;
        entity.count = np.count;
      }
      Account(item.first, item.last);
      if (np.partitive && entity.count >= 2) {
        const int member = std::min<int>(entity.next_member++, static_cast<int>(entity.count) - 1);
        return {{*e, member}};
      }
      return {{*e, -1}};
    }
  }
  if (np.count == 0 || np.negated) {
    Account(item.first, item.last);  // "no rug": understood, nothing to build
    return {};
  }
  Account(item.first, item.last);
  return {{NewEntity(np, item, kind), -1}};
}

// The subject of a phrase that follows: the relative clause's noun; after a comma or a verb the
// clause's subject; else the nearest noun phrase.
Group Reader::PhraseSubject(const Item& item) const {
  if (!relative_.empty()) return relative_;
  // A verb right after a noun is that noun's ("a wetsuit hanging on a hook"; "a lamp stands on").
  if (after_verb_ && !verb_subject_.empty()) return verb_subject_;
  if ((after_comma_ || after_verb_) && !clause_subject_.empty()) return clause_subject_;
  // A phrase that opens with a participle or a verb ("facing it", "flanking the bed") is about
  // the clause's subject, not the reference just named; so is any phrase after a part of the
  // room or a place ("a painting on the wall above the sofa").
  // Inside a "with" list the subject is the list's current member.
  const Group& subject = in_with_ && !with_current_.empty() ? with_current_ : clause_subject_;
  const Word& first = words_[item.first];
  const bool verbal = EndsWith(first.text, "ing") || first.verb;
  const bool place = !last_group_.empty() && !IsObject(last_group_[0].entity);
  // A pronoun takes no phrase of its own ("a table between them on a rug": the table is on it).
  if ((verbal || place || last_was_pronoun_) && last_is_reference_ && !subject.empty()) {
    return subject;
  }
  return last_group_;
}

// The reference meant when a phrase names none ("with a monitor on top", "a nightstand on each
// side"): the thing "with" hangs on, else the clause's subject, else the last thing named.
Group Reader::Implicit(const Group& subjects) const {
  auto usable = [&](const Group& g) {
    if (g.empty()) return false;
    for (const EntityRef& r : g) {
      if (std::find(subjects.begin(), subjects.end(), r) != subjects.end()) return false;
    }
    return true;
  };
  if (in_with_ && usable(with_host_)) return with_host_;
  if (usable(clause_subject_)) return clause_subject_;
  if (!subjects_.empty() && usable(subjects_.back()) && IsObject(subjects_.back()[0].entity)) {
    return subjects_.back();
  }
  for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
    if (!IsObject(*e)) continue;
    Group g{{*e, -1}};
    if (usable(g)) return g;
  }
  return {};
}

void Reader::Finish(Pending p) {
  // Mark the "with" members a phrase placed.
  for (auto& [group, span] : with_members_) {
    if (group == p.subjects) span.first = -1;
  }
  // "a nightstand on each side", "a lamp on each nightstand": one per side or per member.
  if (!p.subjects.empty() && p.subjects.size() == 1 && p.subjects[0].member < 0) {
    Entity& s = out_.entities[p.subjects[0].entity];
    const bool one = s.count == 1;
    if (one && (p.meaning == Meaning::kEachSide || p.meaning == Meaning::kFlanking)) s.count = 2;
    if (one && p.distributive && p.references.size() == 1) {
      const Entity& r = out_.entities[p.references[0].entity];
      if (r.count > 1) s.count = r.count;
    }
  }
  if (p.subjects == last_group_) last_placed_ = true;
  // Only a statement about the clause's own subject sets the pair (not "a TV on a stand" said of
  // a reference).
  const bool about_subject =
      p.subjects == clause_subject_ || (in_with_ && p.subjects == with_current_);
  if (about_subject && p.subjects.size() == 1 && p.references.size() == 1 &&
      p.subjects[0].member < 0 && p.references[0].member < 0 && IsObject(p.subjects[0].entity) &&
      IsObject(p.references[0].entity) && p.subjects[0].entity != p.references[0].entity) {
    last_pair_ = {p.subjects[0], p.references[0]};
  }
  Account(p.first, p.last);
  Statement st;
  st.meaning = p.meaning;
  st.subjects = p.subjects;
  st.references = p.references;
  st.first = p.first;
  st.last = p.last;
  st.distributive = p.distributive;
  out_.statements.push_back(std::move(st));
}

void Reader::CompletePending() {
  Pending p = std::move(*pending_);
  pending_.reset();
  if (p.fronted) {
    fronted_ = std::move(p);
  } else {
    Finish(std::move(p));
  }
}

// A phrase with no noun after it takes the implicit reference.
void Reader::FlushPending() {
  if (!pending_) return;
  Pending p = std::move(*pending_);
  pending_.reset();
  const bool needs_reference = p.references.empty();
  if (needs_reference) p.references = Implicit(p.subjects);
  // "At its foot sits a cedar chest": the subject follows.
  if (p.subjects.empty() && p.fronted && !p.references.empty()) {
    fronted_ = std::move(p);
    return;
  }
  if (p.subjects.empty()) {
    out_.warnings.push_back({"no thing this phrase is about", p.first, p.last});
    return;
  }
  if (p.references.empty() ||
      (p.meaning == Meaning::kBetween && p.references.size() < 2 &&
       !(p.references.size() == 1 && out_.entities[p.references[0].entity].count == 2))) {
    out_.warnings.push_back({"no reference for this phrase", p.first, p.last});
    return;
  }
  Finish(std::move(p));
}

void Reader::FlushWith() {
  for (auto& [group, span] : with_members_) {
    if (span.first < 0 || with_host_.empty()) continue;
    Statement st;
    st.meaning = Meaning::kNear;
    st.subjects = group;
    st.references = with_host_;
    st.first = span.first;
    st.last = span.second;
    st.from_with = true;
    out_.statements.push_back(std::move(st));
  }
  with_members_.clear();
}

void Reader::CloseClause() {
  FlushPending();
  if (!clause_subject_.empty()) subjects_.push_back(clause_subject_);
  if (fronted_) {
    out_.warnings.push_back({"no thing this phrase is about", fronted_->first, fronted_->last});
    fronted_.reset();
  }
  FlushWith();
  in_with_ = false;
  with_host_.clear();
  relative_.clear();
  describe_.reset();
  negated_ = false;
  clause_subject_.clear();
  last_group_.clear();
  clause_start_ = true;
  after_comma_ = after_and_ = after_verb_ = false;
}

void Reader::OnSpatial(const Item& item) {
  FlushPending();
  const SpatialPhrase& phrase = *item.phrase;
  Pending p;
  p.meaning = phrase.meaning;
  p.first = item.first;
  p.last = item.last;
  if (clause_start_ || last_group_.empty() || (after_and_ && last_is_reference_)) {
    p.fronted = true;
  } else {
    p.subjects = PhraseSubject(item);
  }
  if (phrase.takes_reference) {
    pending_ = std::move(p);
  } else if (p.fronted) {
    fronted_ = std::move(p);
  } else {
    Finish(std::move(p));
  }
  after_comma_ = after_and_ = after_verb_ = false;
}

void Reader::OnNoun(const Item& item) {
  const NounPhrase& np = item.np;
  last_was_pronoun_ = !np.pronoun.empty();
  // An owner before "'s" ("at the daybed's foot"): resolved now, used by the noun after it.
  if (index_ + 1 < items_.size() && items_[index_ + 1].kind == ItemKind::kPossessive &&
      np.pronoun.empty() && !describe_) {
    Group owner = Resolve(np, item, /*as_reference=*/true, {});
    if (!owner.empty()) {
      Mention(owner);
      last_group_ = owner;
      return;
    }
  }
  // Words after "of", "for" and "made of" describe the thing before ("a bowl of fruit").
  if (describe_) {
    const Group target = *describe_;
    describe_.reset();
    const NounKind kind = np.pronoun.empty() ? ClassifyNoun(np.category) : NounKind::kObject;
    if (kind == NounKind::kIndoorPlace || kind == NounKind::kOutdoorPlace ||
        kind == NounKind::kRoomPart) {
      Resolve(np, item, /*as_reference=*/true, {});
      return;
    }
    if (!target.empty() && np.pronoun.empty()) {
      Entity& e = out_.entities[target[0].entity];
      for (const std::string& a : np.attributes) e.attributes.push_back(a);
      e.attributes.push_back(np.category);
      Account(item.first, item.last);
    }
    return;
  }
  if (negated_) {
    negated_ = false;
    Account(item.first, item.last);
    return;
  }
  // A possessive before this noun: "the bed's foot" turns the waiting phrase into "at the foot
  // of the bed"; "the cat's bowl" is a bowl described by its owner.
  if (!possessor_.empty()) {
    const Group owner = possessor_;
    possessor_.clear();
    const std::string head = np.head >= 0 ? words_[np.head].lemma : "";
    if (auto meaning = PositionalMeaning(head); meaning && pending_) {
      const Meaning m = pending_->meaning;
      if (m == Meaning::kAt || m == Meaning::kOn || m == Meaning::kIn || m == Meaning::kNear ||
          m == Meaning::kFrom || m == Meaning::kAgainst || m == Meaning::kAlong) {
        pending_->meaning = *meaning;
      }
      pending_->references = owner;
      pending_->last = item.last;
      Account(item.first, item.last);
      CompletePending();
      last_group_ = owner;
      last_is_reference_ = true;
      return;
    }
  }
  if (pending_) {
    // The reference of the waiting phrase.
    Group refs = Resolve(np, item, /*as_reference=*/true, pending_->subjects);
    if (refs.empty()) {
      if (np.pronoun.empty() && ClassifyNoun(np.category) == NounKind::kAbstract) {
        pending_.reset();
        return;
      }
      out_.warnings.push_back({"cannot tell what this refers to", item.first, item.last});
      pending_.reset();
      return;
    }
    if (np.distributive) pending_->distributive = true;
    for (const EntityRef& r : refs) pending_->references.push_back(r);
    pending_->last = item.last;
    Mention(refs);
    last_group_ = refs;
    last_is_reference_ = true;
    const bool between = pending_->meaning == Meaning::kBetween;
    const bool two = pending_->references.size() >= 2 ||
                     (pending_->references.size() == 1 &&
                      out_.entities[pending_->references[0].entity].count >= 2);
    if (between && !two) return;  // "between the sofa and the TV": the second one follows
    CompletePending();
    return;
  }
  // A subject: a new clause's subject, or one more of a list ("a sofa, an armchair and a lamp").
  Group refs = Resolve(np, item, /*as_reference=*/false, {});
  if (refs.empty()) return;
  Mention(refs);
  const bool coordinated = (after_and_ || after_comma_) && !last_is_reference_ && !last_placed_ &&
                           !last_group_.empty() && !in_with_;
  if (coordinated) {
    for (const EntityRef& r : refs) last_group_.push_back(r);
    if (!clause_subject_.empty()) clause_subject_ = last_group_;
    if (last_group_.size() >= 2) groups_.push_back(last_group_);
  } else {
    last_group_ = refs;
    last_placed_ = false;
    if (clause_subject_.empty() || after_and_ || (after_comma_ && !in_with_) ||
        fronted_.has_value()) {
      if (!in_with_) clause_subject_ = refs;
    }
  }
  last_is_reference_ = false;
  if (in_with_) {
    // The things a "with" list names together are a group for "them" and "both" ("with a sofa,
    // a TV and a coffee table between them").
    if (!(after_and_ || after_comma_)) with_list_.clear();
    for (const EntityRef& r : refs) with_list_.push_back(r);
    if (with_list_.size() >= 2) groups_.push_back(with_list_);
    with_current_ = refs;
    with_members_.push_back({refs, {with_word_ >= 0 ? with_word_ : item.first, item.last}});
    with_word_ = -1;
  }
  if (fronted_) {
    Pending p = std::move(*fronted_);
    fronted_.reset();
    p.subjects = refs;
    // A fronted phrase with no reference of its own ("In a row stand five chairs") needs none;
    // one whose reference is implied takes the thing in focus.
    if (p.references.empty()) p.references = Implicit(p.subjects);
    Finish(std::move(p));
  }
  after_comma_ = after_and_ = after_verb_ = false;
  clause_start_ = false;
}

Reading Reader::Run() {
  for (index_ = 0; index_ < items_.size(); ++index_) {
    const Item& item = items_[index_];
    // Content words: nouns and adjectives the text uses (verbs and closed classes are frame).
    if (item.kind == ItemKind::kNoun && item.np.pronoun.empty()) {
      for (int k : item.np.category_words) out_.content[k] = true;
      for (int k : item.np.attribute_words) out_.content[k] = true;
    } else if (item.kind == ItemKind::kPredicate) {
      out_.content[item.first] = true;
    } else if (item.kind == ItemKind::kFunction &&
               words_[item.first].word_class == WordClass::kOpen &&
               (words_[item.first].noun || !words_[item.first].known)) {
      out_.content[item.first] = true;
    }
    switch (item.kind) {
      case ItemKind::kNoun:
        OnNoun(item);
        break;
      case ItemKind::kSpatial:
        OnSpatial(item);
        break;
      case ItemKind::kEnd:
        CloseClause();
        sentence_first_entity_ = out_.entities.size();
        break;
      case ItemKind::kComma:
        FlushPending();
        after_comma_ = true;
        relative_.clear();
        break;
      case ItemKind::kAnd:
        if (pending_ && pending_->meaning == Meaning::kBetween) break;
        FlushPending();
        // ", and" closes a "with" list: "a desk with a chair, and a bookcase ...".
        if (after_comma_ && in_with_) {
          FlushWith();
          in_with_ = false;
          with_host_.clear();
          last_placed_ = true;
        }
        after_and_ = true;
        relative_.clear();
        break;
      case ItemKind::kWith: {
        FlushPending();
        FlushWith();
        Group host = last_is_reference_ && !clause_subject_.empty() ? clause_subject_ : last_group_;
        // "A bedroom with ...", "the kitchen has ...": the things are in the place.
        if (!host.empty() && !IsObject(host[0].entity)) host.clear();
        with_host_ = host;
        with_current_.clear();
        in_with_ = true;
        with_word_ = item.first;
        after_comma_ = after_and_ = after_verb_ = false;
        Account(item.first, item.last);
        break;
      }
      case ItemKind::kOf:
      case ItemKind::kFor:
      case ItemKind::kMadeOf:
        FlushPending();
        if (!last_group_.empty()) describe_ = last_group_;
        Account(item.first, item.last);
        break;
      case ItemKind::kNegation:
        negated_ = true;
        break;
      case ItemKind::kRelative:
        relative_ = last_group_;
        break;
      case ItemKind::kVerb:
        FlushPending();
        after_verb_ = true;
        verb_subject_.clear();
        if (index_ > 0 && items_[index_ - 1].kind == ItemKind::kNoun) verb_subject_ = last_group_;
        break;
      case ItemKind::kPredicate:
        if (!clause_subject_.empty() && !pending_) {
          out_.entities[clause_subject_[0].entity].attributes.push_back(item.words[0]);
          Account(item.first, item.last);
        }
        break;
      case ItemKind::kPossessive:
        possessor_ = last_group_;
        Account(item.first, item.last);
        break;
      case ItemKind::kFunction:
        break;
    }
  }
  CloseClause();
  return std::move(out_);
}

}  // namespace

Reading ReadItems(const std::vector<Word>& words, const std::vector<Item>& items) {
  return Reader(words, items).Run();
}

}  // namespace scenecraft
