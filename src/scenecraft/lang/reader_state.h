// Internal to the reader (reader.cc, reader_clause.cc, reader_refs.cc): the reading state that
// walks the items of one description. Not part of the lang library's interface.
#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenecraft/lang/reader.h"

namespace scenecraft::reader_detail {

// Whether a verb form is finite: its -s form or its base ("stands", "stand"), not a participle
// ("hanging", "stacked", "hung"). (reader_clause.cc)
bool FiniteVerb(const std::string& word);

using Group = std::vector<EntityRef>;

// Positional nouns after a possessive ("the bed's foot", "the sofa's left"): what the phrase
// before them then means.
std::optional<Meaning> PositionalMeaning(const std::string& noun);
// Nouns of a place on a thing that keep the phrase's meaning (a closed class: "edge", "rim",
// "surface"): "clamped to its edge" is on the thing, "at the edge of the pond" beside it.
bool PlaceOnThing(const std::string& noun);

// Whether a phrase sets its subject beside its reference rather than on, in, under or over it,
// or turned toward it.
bool Beside(Meaning meaning);

// Whether a verb (a base form) fills or covers what follows (WordNet: "fill", "cover" and the
// verbs below them).
bool FillsOrCovers(const std::string& verb);

// Whether a thing is up at the ceiling, so that what hangs from it hangs from the ceiling: a
// compound on the ceiling ("ceiling hook"), or a structural member (WordNet: beam, rafter).
bool HangsOverhead(const std::string& category);
// Whether a noun names a person (and no made thing): "it" and "its" never do.
bool NamesPerson(const std::string& category);

// Whether a plural WordNet files first as an act is the things it is done with ("a shelf full of
// games": their boxes), for what a holder holds (reader_noun.cc).
bool PluralOfActs(const NounPhrase& np, NounKind kind);

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
    bool pairwise = false;  // "between each pair of beds"
    bool fronted = false;
    bool every = false;  // "facing both of them": with every member of the reference
  };

  void OnNoun(const Item& item);
  // "the roof of the van": when the last statement's reference is a part of a thing (WordNet's
  // meronymy) or a position on it, the statement is about the owner named after "of".
  bool OwnerOfPart(const NounPhrase& np, const Item& item, const Group& target, NounKind kind);
  // After reading: place nouns the text treats as things become things, and the setting follows.
  void ReviseKinds();
  // Plurals whose number the text does not say but whose arrangement it does ("rows of benches",
  // "logs in a circle", "cans stacked by the door") are as many as the arrangement shows: a row
  // of four, a stack of four, a circle of six, four around a thing; rows are two unless counted.
  void CountArranged();
  // The text's first noun, a room, put in a building: the room is the setting (reader_places.cc).
  void RoomInABuilding();
  void OnSpatial(const Item& item);
  void Finish(Pending p);
  bool FinishGroupPhrase(const Pending& p);
  Group Members(const Group& g) const;
  // The waiting phrase has its reference: it waits for its subject when it opened the clause,
  // else it is a statement now.
  void CompletePending();
  // Whether the noun phrase at items_[k] is placed by a part of the room (a wall, a corner, the
  // door, the window, the middle) by the next phrase of its clause (reader_noun.cc).
  bool PlacedByTheRoom(size_t k) const;
  void CloseClause();
  void FlushPending();
  void VerbTakesRoomPart(const Group& subject, const Item& item);
  std::string VerbOf(const Item& item) const;
  void JoinWithMember(const Item& item);
  void HangOnTheWall(const Pending& p);
  bool VerbOfWithHost(const std::string& verb) const;
  bool OverTheMiddle(const Group& references) const;
  bool PostureOrPart(const Item& item);
  bool PositionBeforeOf(const Item& item);
  void WithMemberInTheRoom(Pending* p) const;
  // Whether "and" joined the last noun phrase to the one before ("a rake and a hoe hanging ...",
  // not "a workbench, three bikes lined up ..."). The current item follows that noun phrase.
  bool JoinedByAnd() const {
    return index_ >= 2 && items_[index_ - 1].kind == ItemKind::kNoun &&
           items_[index_ - 2].kind == ItemKind::kAnd;
  }
  // "the row", "the stack": the last group the text arranged so; empty when there is none.
  Group ArrangedGroup(const std::string& arrangement) const;
  void AdjustPhrase(Pending* p);
  void FlushWith();
  Group Resolve(const NounPhrase& np, const Item& item, bool as_reference, const Group& exclude);
  // "make that six lanterns": the count of the things of that noun already named (by their noun
  // or their compound's head) is the one said now. False when none was named.
  bool Recount(const Item& item);
  Group ResolvePronoun(const NounPhrase& np, const Group& exclude);
  Group ResolveIt(const Group& exclude);
  Group ResolveOtherPronoun(const NounPhrase& np, const Group& exclude);
  // The member of entity `e` (a group of two or more) that a word picks: a position word
  // ("middle", "top", lexicon.h) or a comparative or superlative adjective by WordNet's morphology
  // ("taller", "nearest": the next member not picked yet, the same one when said again); -1 when
  // the word picks none (reader_pronouns.cc).
  int PickedMember(int e, const std::string& word);
  // The first of `attributes` that picks a member of `e`, and that member; {-1, -1} when none does.
  std::pair<int, int> MemberWord(int e, const std::vector<std::string>& attributes);
  Group Implicit(const Group& subjects) const;
  Group ParallelOwner(const Group& subjects) const;
  bool UsableOwner(const Group& g, const Pending& p) const;
  Group OwnerOfIts(const Pending& p) const;
  Group WithMemberBefore(const Pending& p) const;
  // The most recent thing, not in `exclude`, that WordNet's meronymy gives `part` to ("arm": the
  // armchair; "headboard": the bed); empty when there is none (reader_owners.cc).
  Group PartOwner(const std::string& part, const Group& exclude) const;
  // The thing this sentence put in the middle, whose side or end a side with no owner is ("a
  // loom in the middle, a basket on the left"); empty when there is none.
  Group Centrepiece(const Group& subjects) const;
  // Whether a phrase with this meaning, after "X on its Y", places X because Y is X's own mount
  // ("a bell on its frame by the gate").
  bool MountedSubject(Meaning meaning) const;
  void ContinueFrontedList(const Item& item);
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
  // How many things the "with" host stands for (members of its groups).
  long HostMembers() const {
    long n = 0;
    for (const EntityRef& r : with_host_) n += r.member >= 0 ? 1 : out_.entities[r.entity].count;
    return n;
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
  Group clause_subject_;    // the subject of the current clause
  Group parallel_subject_;  // the subject it took over from after a comma
  Group and_subject_;       // ... or after "and" that opened a new clause
  Group last_group_;        // the most recent noun phrase (with its coordinated ones)
  bool last_is_reference_ = false;
  bool last_placed_ = false;  // a finished statement placed the last group
  bool clause_start_ = true;
  bool after_comma_ = false, after_and_ = false, after_verb_ = false;
  std::optional<Pending> pending_;  // a phrase waiting for its reference
  std::optional<Pending> fronted_;  // a phrase waiting for its subject
  // A phrase that opened its clause and placed its subject, and the list member after it that
  // it may place too (ContinueFrontedList).
  std::optional<Pending> fronted_list_;
  Group fronted_member_;
  Group holding_;                    // the holder a "full of" phrase just filled
  std::string command_arrangement_;  // "Stack three tires": the arrangement the verb names
  Group relative_;                   // the noun a relative clause is about
  Group verb_subject_;               // the noun right before the last verb
  // The phrase the last reference completed, and what it placed: a second phrase after a
  // landmark may be about the same subject (PhraseSubject).
  Meaning reference_meaning_ = Meaning::kNear;
  Group reference_subject_;
  Group with_current_;  // the member of a "with" list being described
  // The members of a "with" list joined by "and" with no phrase of their own yet: a participle
  // after them places them all ("with a rake and a hoe hanging on the wall").
  Group with_joined_;
  // A member of the "with" list was just put on or in its host ("with a lamp on it", "with a
  // kettle on top"): a phrase after that is about the host ("... beside the window").
  bool with_member_on_host_ = false;
  // The pair the last "facing each other" was about: "across a table" after it puts the table
  // between them.
  Group facing_pair_;
  // The member of a "with" list put in the middle of its host: the host is a place, and "it"
  // is that member ("a plaza with a statue in the middle and benches around it").
  Group with_centre_;
  bool last_was_pronoun_ = false;  // the last noun phrase was a pronoun
  // The subject whose verb took a part of the room as its object ("a mat covers the floor").
  Group verb_object_of_;
  // The subject of "hang(s)" in this clause: a phrase that sets it beside something, not from
  // or on a holder, hangs it on the wall there ("two sconces hang on either side of the mirror").
  Group hang_subject_;
  Group last_pair_;              // subject and reference of the last two-thing statement
  std::vector<Group> subjects_;  // clause subjects of earlier clauses, in order
  // "with": the thing the following nouns belong to, and those not placed by a phrase yet.
  Group with_host_;
  std::vector<int> with_hosts_;  // every entity "with" hung things on
  bool in_with_ = false;
  // The "with" word is a verb of holding ("holding", "contains"): what it names is on or in the
  // host, not only near it.
  bool with_holds_ = false;
  // "each with two chairs", "each of them has a lantern": one of every "with" thing per member of
  // the host group.
  bool with_distributive_ = false;
  bool last_distributive_ = false;  // the last noun phrase was "each" or "each of them"
  int with_word_ = -1;
  size_t with_item_ = 0;  // the item of the "with" word
  std::vector<std::pair<Group, std::pair<int, int>>> with_members_;
  Group with_list_;
  // A noun phrase after "of", "for", "made of": its words describe this group.
  std::optional<Group> describe_;
  bool describe_of_ = false;  // ... and the word was "of" (contents, not a purpose or material)
  // The holder of the last contents read, and that noun phrase's item: a bare noun joined to them
  // ("a basket of apples and pears") is held too.
  Group contents_holder_;
  size_t contents_item_ = 0;
  bool negated_ = false;
  // "under the left side of the desk": the position was read, the waiting phrase's reference is
  // the noun after "of".
  bool position_of_ = false;
  Group possessor_;
  // A person or animal named only as an owner ("a nurse's cart"): not in the scene; the words
  // describe the next new thing (or join its category where WordNet knows them together).
  std::string owner_attribute_;
  // "a stool holding a fern": the thing a verb of holding is about, and the verb's word.
  Group holder_;
  // "Its ladder faces the door": the thing a possessive named, and its owner, which keeps the
  // focus for "it" ("a chest sits at the foot of it": the bed's foot).
  std::vector<std::pair<int, int>> owned_;
  int holder_word_ = -1;
  // ... or the verb fills or covers the thing after it ("jars fill the shelves"): the verb's
  // subject is in or on that thing.
  bool holder_filled_ = false;
  bool owner_described_ = false;
  // The thing the last "it" named, and in which sentence: "A stool stands in front of it. A
  // table is to its right" (the same thing).
  int last_it_ = -1;
  int last_it_sentence_ = -1;
  int sentence_ = 0;
  std::vector<int> recent_;  // entities, least recent first
  // Things "its" named as the subject's own ("a bell on its frame"): mounts of their subject.
  std::vector<int> own_mounts_;
  size_t sentence_first_entity_ = 0;  // the first entity of the current sentence
  std::vector<Group> groups_;         // plural groups and coordinations, in order
  // The members comparatives picked: (entity, word) -> member ("the taller lamp").
  std::vector<std::pair<std::pair<int, std::string>, int>> member_words_;
};

}  // namespace scenecraft::reader_detail
