#include "scenecraft/lang/reader.h"

#include <algorithm>
#include <optional>

#include "scenecraft/lang/compound.h"
#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace reader_detail {

Reading Reader::Run() {
  for (index_ = 0; index_ < items_.size(); ++index_) {
    const Item& item = items_[index_];
    ContinueFrontedList(item);
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
      case ItemKind::kNoun: {
        if (item.np.recount && Recount(item)) break;
        holding_.clear();
        const bool fronted = fronted_.has_value();
        const size_t statements = out_.statements.size();
        const bool listed = fronted_list_ && index_ > 0 &&
                            (items_[index_ - 1].kind == ItemKind::kComma ||
                             items_[index_ - 1].kind == ItemKind::kAnd) &&
                            item.np.pronoun.empty();
        const bool after_verb = after_verb_;
        const Group verb_subject = verb_subject_;
        OnNoun(item);
        // What "with" gives a counted group goes by its members, not by a shape ("three parasols
        // with tables scattered around it"): no arrangement counts it (CountArranged).
        if (in_with_ && with_host_.size() == 1 && out_.entities[with_host_[0].entity].count >= 2 &&
            last_group_.size() == 1 && last_group_[0].entity != with_host_[0].entity) {
          out_.entities[last_group_[0].entity].count_said = true;
        }
        verb_object_of_.clear();
        if (after_verb) VerbTakesRoomPart(verb_subject, item);
        JoinWithMember(item);
        if (!command_arrangement_.empty() && last_group_.size() == 1 && last_group_[0].member < 0) {
          Entity& e = out_.entities[last_group_[0].entity];
          if (e.count >= 2 && e.arrangement.empty()) e.arrangement = command_arrangement_;
        }
        command_arrangement_.clear();
        if (fronted && !fronted_ && out_.statements.size() > statements) {
          // "On it are a vise and a toolbox": the phrase may place a list.
          const Statement& st = out_.statements.back();
          Pending p;
          p.meaning = st.meaning;
          p.references = st.references;
          p.first = st.first;
          p.last = st.last;
          p.fronted = true;
          fronted_list_ = std::move(p);
        } else if (listed && !last_group_.empty() && !last_is_reference_) {
          fronted_member_ = {last_group_.back()};
        }
      }
        if (!owner_described_) owner_attribute_.clear();  // only the noun right after it
        break;
      case ItemKind::kSpatial:
        // "a wheelbarrow full of soil": a substance describes its holder, as "of" does.
        if ((item.phrase->meaning == Meaning::kHolding ||
             item.phrase->meaning == Meaning::kLadenWith) &&
            index_ + 1 < items_.size() && items_[index_ + 1].kind == ItemKind::kNoun &&
            items_[index_ + 1].np.pronoun.empty() &&
            !IsDiscrete(items_[index_ + 1].np.category, items_[index_ + 1].np.plural)) {
          FlushPending();
          if (!last_group_.empty()) describe_ = last_group_;
          describe_of_ = true;
          Account(item.first, item.last);
          break;
        }
        OnSpatial(item);
        break;
      case ItemKind::kEnd:
        CloseClause();
        // A building named alone in the first sentence ("A small cafe. Four tables ...") is where
        // the description is set.
        if (out_.entities.size() == 1 && out_.statements.empty() &&
            out_.entities[0].kind == NounKind::kBuilding && out_.entities[0].count == 1) {
          out_.entities[0].kind = NounKind::kIndoorPlace;
          out_.setting = out_.entities[0].category;
          out_.setting_kind = NounKind::kIndoorPlace;
        }
        sentence_first_entity_ = out_.entities.size();
        ++sentence_;
        break;
      case ItemKind::kComma:
        FlushPending();
        after_comma_ = true;
        relative_.clear();
        // "Office for two: two desks ...": what "for" or "of" began ends here; the next noun
        // phrase is a thing of its own.
        describe_.reset();
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
        // "a stool next to it holding a lamp": a participle of holding after a phrase is its
        // subject's, whatever the clause is about.
        if (last_is_reference_ && !reference_subject_.empty() && item.first == item.last &&
            EndsWith(words_[item.first].text, "ing")) {
          host = reference_subject_;
        }
        // "My son wants a desk by the wall with a lamp on it": a person holds no "with" list; the
        // thing the verb named does.
        if (host.size() == 1 && NamesPerson(out_.entities[host[0].entity].category)) {
          for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
            if (IsObject(*e) && !NamesPerson(out_.entities[*e].category)) {
              host = {{*e, -1}};
              break;
            }
          }
        }
        // A building that "has" or "contains" things holds them inside: it is the setting ("the
        // greenhouse has four seed trays ..."); "a barn with a tractor beside it" stays a thing.
        if (host.size() == 1 && host[0].member < 0 && words_[item.first].text != "with" &&
            FiniteVerb(words_[item.first].text)) {
          Entity& e = out_.entities[host[0].entity];
          if (e.kind == NounKind::kBuilding && e.count == 1) {
            e.kind = NounKind::kIndoorPlace;
            if (out_.setting.empty() || out_.setting_kind != NounKind::kIndoorPlace) {
              out_.setting = e.category;
              out_.setting_kind = NounKind::kIndoorPlace;
            }
          }
        }
        if (host.size() == 1 && host[0].member < 0) with_hosts_.push_back(host[0].entity);
        // "A bedroom with ...", "the kitchen has ...": the things are in the place.
        if (!host.empty() && !IsObject(host[0].entity)) host.clear();
        with_host_ = host;
        with_current_.clear();
        with_joined_.clear();
        with_centre_.clear();
        in_with_ = true;
        {
          WordNet& wordnet = WordNet::Get();
          const std::string verb = wordnet.VerbBase(words_[item.last].text);
          with_holds_ = !verb.empty() && verb != words_[item.last].text &&
                        item.first == item.last && wordnet.HoldsThings(verb);
        }
        with_distributive_ = last_distributive_ && HostMembers() >= 2;
        with_word_ = item.first;
        with_item_ = index_;
        after_comma_ = after_and_ = after_verb_ = false;
        Account(item.first, item.last);
        break;
      }
      case ItemKind::kOf:
      case ItemKind::kFor:
      case ItemKind::kMadeOf:
        if (position_of_ && item.kind == ItemKind::kOf) {
          // "under the left side of the desk": the desk is the reference.
          position_of_ = false;
          Account(item.first, item.last);
          break;
        }
        FlushPending();
        if (!last_group_.empty()) describe_ = last_group_;
        // "a crate of apples and a basket of pears": after a list, "of" is about the last noun.
        if (last_group_.size() > 1 && index_ > 0 && items_[index_ - 1].kind == ItemKind::kNoun &&
            items_[index_ - 1].np.pronoun.empty()) {
          describe_ = Group{last_group_.back()};
        }
        describe_of_ = item.kind == ItemKind::kOf;
        Account(item.first, item.last);
        break;
      case ItemKind::kNegation:
        negated_ = true;
        break;
      case ItemKind::kRelative:
        relative_ = holding_.empty() ? last_group_ : holding_;
        break;
      case ItemKind::kVerb:
        // "Stack three tires by the door": a command whose verb names an arrangement.
        command_arrangement_.clear();
        if (clause_start_) {
          const QuantityNoun* q =
              FindQuantityNoun(WordNet::Get().VerbBase(words_[item.first].text));
          if (q != nullptr && q->count == 0) command_arrangement_ = std::string(q->arrangement);
        }
        FlushPending();
        after_verb_ = true;
        verb_subject_.clear();
        if (index_ > 0 && items_[index_ - 1].kind == ItemKind::kNoun) {
          // A finite verb after the reference of the subject's phrase is the subject's ("a
          // telescope on a tripod stands by the window"); a participle there is the
          // reference's ("a surfboard next to a wetsuit hanging on a hook").
          const bool finite = FiniteVerb(words_[item.first].text);
          verb_subject_ = finite && last_is_reference_ && !clause_subject_.empty() && !in_with_ &&
                                  relative_.empty()
                              ? clause_subject_
                              : last_group_;
          // "with a rake and a hoe hanging on the wall": a participle after members "and"
          // joined is theirs.
          if (!finite && in_with_ && with_joined_.size() >= 2 && last_group_ == with_current_ &&
              !last_is_reference_ && JoinedByAnd()) {
            verb_subject_ = with_joined_;
          }
          if (finite && VerbOfWithHost(words_[item.first].text)) {
            // "A square table with three benches stands in the middle": the host stands there;
            // the list is closed (its members are by the host).
            verb_subject_ = with_host_;
            FlushWith();
            in_with_ = false;
            with_host_.clear();
          }
        }
        holder_.clear();
        hang_subject_.clear();
        if (WordNet::Get().VerbBase(words_[item.first].text) == "hang" ||
            words_[item.first].text == "hang") {
          hang_subject_ = verb_subject_.empty() ? clause_subject_ : verb_subject_;
        }
        if (verb_subject_.size() == 1 && IsObject(verb_subject_[0].entity) &&
            index_ + 1 < items_.size() && items_[index_ + 1].kind == ItemKind::kNoun &&
            items_[index_ + 1].np.pronoun.empty()) {
          const std::string verb = VerbOf(item);
          if (WordNet::Get().HoldsThings(verb)) {
            holder_ = verb_subject_;
            holder_word_ = item.first;
            holder_filled_ = false;
          } else if (FillsOrCovers(verb) && items_[index_ + 1].np.room_part == RoomPart::kNone) {
            // "jars fill the shelves", "a cloth covers the table": the subject is in or on it.
            holder_ = verb_subject_;
            holder_word_ = item.first;
            holder_filled_ = true;
          }
        }
        break;
      case ItemKind::kPredicate:
        if (!clause_subject_.empty() && !pending_) {
          out_.entities[clause_subject_[0].entity].attributes.push_back(item.words[0]);
          Account(item.first, item.last);
        }
        break;
      case ItemKind::kPossessive:
        if (!owner_described_) possessor_ = last_group_;
        owner_described_ = false;
        Account(item.first, item.last);
        break;
      case ItemKind::kFunction:
        break;
      case ItemKind::kRecount: {
        // "Hay bales around the fire, five of them": the clause's subject, else the last group.
        // A stack's height ("stacked three high") is the things just stacked, and no fewer
        // than were counted ("six tyres stacked three high").
        const std::string& unit = words_[item.last].text;
        const bool height = unit == "high" || unit == "tall" || unit == "deep";
        Group target = height && !last_group_.empty() ? last_group_
                       : !clause_subject_.empty()     ? clause_subject_
                                                      : last_group_;
        if (target.size() == 1 && target[0].member < 0 && IsObject(target[0].entity)) {
          long& count = out_.entities[target[0].entity].count;
          count = height ? std::max(count, item.count) : item.count;
          out_.entities[target[0].entity].count_said = true;
          // "stacked five high": a stack of that many.
          if ((unit == "high" || unit == "tall") &&
              out_.entities[target[0].entity].arrangement.empty()) {
            out_.entities[target[0].entity].arrangement = "stack";
          }
          Account(item.first, item.last);
          last_group_ = target;  // what follows is about them
          last_is_reference_ = false;
          last_placed_ = false;
        }
        break;
      }
    }
  }
  Item end;
  end.kind = ItemKind::kEnd;
  ContinueFrontedList(end);
  CloseClause();
  ReviseKinds();
  CountArranged();
  return std::move(out_);
}

void Reader::CountArranged() {
  for (size_t e = 0; e < out_.entities.size(); ++e) {
    Entity& entity = out_.entities[e];
    if (entity.count_said || entity.count < 2 || !IsObject(static_cast<int>(e))) continue;
    // The arrangement: the noun's own ("a row of", "rows of"), or a phrase about the whole group
    // ("in rows", "in three rows", "in a circle", "stacked", "around the fire").
    std::string arrangement = entity.arrangement;
    long groups = entity.groups;
    for (const Statement& st : out_.statements) {
      if (st.subjects.size() != 1 || st.subjects[0].entity != static_cast<int>(e) ||
          st.subjects[0].member >= 0) {
        continue;
      }
      const Meaning m = st.meaning;
      if (m == Meaning::kRow || m == Meaning::kGrid) {
        arrangement = "row";
        // "in three rows": that many; "in rows": several.
        for (int w = st.first; w <= st.last && w < static_cast<int>(words_.size()); ++w) {
          if (words_[w].number && *words_[w].number >= 2) groups = *words_[w].number;
          const QuantityNoun* q = FindQuantityNoun(words_[w].lemma);
          if (groups < 0 && words_[w].plural && q != nullptr && !q->arrangement.empty()) {
            groups = 0;
          }
        }
      } else if (m == Meaning::kStack && arrangement.empty()) {
        arrangement = "stack";
      } else if (m == Meaning::kCircle) {
        arrangement = "circle";
      } else if (m == Meaning::kAround && arrangement.empty()) {
        arrangement = "around";
      }
    }
    // How many a user sees in such an arrangement (a closed table of shapes).
    long members = 0;
    if (arrangement == "row" || arrangement == "grid" || arrangement == "stack" ||
        arrangement == "around") {
      members = 4;
    } else if (arrangement == "circle") {
      members = 6;
    }
    if (members == 0) continue;
    if (groups >= 2) {
      members *= groups;
    } else if (groups == 0 && (arrangement == "row" || arrangement == "grid")) {
      members *= 2;
    }
    entity.count = std::max(entity.count, members);
  }
}

bool Reader::Recount(const Item& item) {
  const NounPhrase& np = item.np;
  if (np.count < 1) return false;
  for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
    Entity& entity = out_.entities[*e];
    const std::string& c = entity.category;
    if (!IsObject(*e) ||
        (c != np.category && !EndsWith(c, " " + np.category) && !EndsWith(np.category, " " + c))) {
      continue;
    }
    entity.count = np.count;
    entity.count_said = true;
    Account(item.first, item.last);
    last_group_ = {{*e, -1}};  // what follows is about them ("one each side of the door")
    last_is_reference_ = false;
    last_placed_ = false;
    return true;
  }
  return false;
}

}  // namespace reader_detail

Reading ReadItems(const std::vector<Word>& words, const std::vector<Item>& items) {
  return reader_detail::Reader(words, items).Run();
}

}  // namespace scenecraft
