#include "scenecraft/lang/reader.h"

#include <algorithm>
#include <optional>

#include "scenecraft/lang/compound.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace reader_detail {

// Whether a verb form is finite: its -s form or its base ("stands", "stand"), not a participle
// ("hanging", "stacked", "hung").
bool FiniteVerb(const std::string& word) {
  const std::string base = WordNet::Get().VerbBase(word);
  if (base.empty() || base == word) return !EndsWith(word, "ing");
  // The -s form ("stands", "carries", and the irregular "has", "does").
  return EndsWith(word, "s") && !EndsWith(word, "ss");
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
      // "a fern in each corner": a room has four.
      if (r.room_part == RoomPart::kCorner && r.count <= 1) s.count = 4;
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
  if (with_distributive_ && in_with_ && p.references == with_host_) p.distributive = true;
  Account(p.first, p.last);
  Statement st;
  st.meaning = p.meaning;
  st.subjects = p.subjects;
  st.references = p.references;
  st.first = p.first;
  st.last = p.last;
  st.distributive = p.distributive;
  st.fronted = p.fronted;
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
  // "to its right": the owner "its" names, the parallel member before if there is one.
  bool its = false;
  for (int k = p.first; k <= p.last; ++k) its = its || words_[k].text == "its";
  if (needs_reference && its) p.references = ParallelOwner(p.subjects);
  if (p.references.empty()) p.references = Implicit(p.subjects);
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
    if (with_holds_ && with_host_.size() == 1) {
      st.meaning = HolderOf(out_.entities[with_host_[0].entity].category) == Holder::kContainer
                       ? Meaning::kIn
                       : Meaning::kOn;
    }
    st.subjects = group;
    st.references = with_host_;
    st.first = span.first;
    st.last = span.second;
    st.from_with = true;
    st.distributive = with_distributive_;
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
  holder_.clear();
  in_with_ = false;
  with_distributive_ = false;
  with_host_.clear();
  relative_.clear();
  describe_.reset();
  negated_ = false;
  clause_subject_.clear();
  parallel_subject_.clear();
  last_group_.clear();
  clause_start_ = true;
  after_comma_ = after_and_ = after_verb_ = false;
}

void Reader::OnSpatial(const Item& item) {
  FlushPending();
  holder_.clear();
  describe_.reset();  // "rows of five facing a wall": the phrase ends what "of" began
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
        if (!owner_described_) owner_attribute_.clear();  // only the noun right after it
        break;
      case ItemKind::kSpatial:
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
        in_with_ = true;
        {
          WordNet& wordnet = WordNet::Get();
          const std::string verb = wordnet.VerbBase(words_[item.last].text);
          with_holds_ = !verb.empty() && verb != words_[item.last].text &&
                        item.first == item.last && wordnet.HoldsThings(verb);
        }
        with_distributive_ = last_distributive_ && HostMembers() >= 2;
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
        describe_of_ = item.kind == ItemKind::kOf;
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
        if (index_ > 0 && items_[index_ - 1].kind == ItemKind::kNoun) {
          // A finite verb after the reference of the subject's phrase is the subject's ("a
          // telescope on a tripod stands by the window"); a participle there is the
          // reference's ("a surfboard next to a wetsuit hanging on a hook").
          const bool finite = FiniteVerb(words_[item.first].text);
          verb_subject_ = finite && last_is_reference_ && !clause_subject_.empty() && !in_with_ &&
                                  relative_.empty()
                              ? clause_subject_
                              : last_group_;
        }
        holder_.clear();
        if (verb_subject_.size() == 1 && IsObject(verb_subject_[0].entity) &&
            index_ + 1 < items_.size() && items_[index_ + 1].kind == ItemKind::kNoun &&
            items_[index_ + 1].np.pronoun.empty() &&
            WordNet::Get().HoldsThings(WordNet::Get().VerbBase(words_[item.first].text))) {
          holder_ = verb_subject_;
          holder_word_ = item.first;
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
        Group target = !clause_subject_.empty() ? clause_subject_ : last_group_;
        if (target.size() == 1 && target[0].member < 0 && IsObject(target[0].entity)) {
          out_.entities[target[0].entity].count = item.count;
          // "stacked five high": a stack of that many.
          const std::string& unit = words_[item.last].text;
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
  CloseClause();
  ReviseKinds();
  return std::move(out_);
}

}  // namespace reader_detail

Reading ReadItems(const std::vector<Word>& words, const std::vector<Item>& items) {
  return reader_detail::Reader(words, items).Run();
}

}  // namespace scenecraft
