// Stage 4 of the offline planner, its pronoun half: which entities "it", "them", "both", "all",
// "the latter", "one", "the other" name (split from reader_refs.cc in the tenth round).
#include <algorithm>

#include "scenecraft/lang/defaults.h"
#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/reader_state.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft::reader_detail {

Group Reader::ResolvePronoun(const NounPhrase& np, const Group& exclude_subjects) {
  // A pronoun in a phrase about a thing is not what that thing holds: "a rack of wetsuits next
  // to them" (not the wetsuits).
  Group exclude = exclude_subjects;
  for (const Statement& st : out_.statements) {
    if ((st.meaning != Meaning::kIn && st.meaning != Meaning::kOn) || st.references.size() != 1 ||
        std::find(exclude_subjects.begin(), exclude_subjects.end(), st.references[0]) ==
            exclude_subjects.end()) {
      continue;
    }
    for (const EntityRef& r : st.subjects) exclude.push_back({r.entity, -1});
  }
  auto excluded = [&](int e) {
    return std::any_of(exclude.begin(), exclude.end(),
                       [&](const EntityRef& r) { return r.entity == e && r.member < 0; });
  };
  const std::string& p = np.pronoun;
  if (p == "it") {
    Group it = ResolveIt(exclude);
    // "A backdrop stand, two lights on either side of it": "it" cannot be what the phrase is
    // about, so the phrase is about the list's last member and "it" an earlier one.
    if (it.empty() && pending_ && pending_->subjects == exclude && exclude.size() >= 2) {
      const Group last{exclude.back()};
      it = ResolveIt(last);
      if (!it.empty()) pending_->subjects = last;
    }
    // "a chair at the desk, two monitors on it": what cannot rest on the seat but rests on the
    // work surface the seat was just placed at is on that surface ("a cushion on it" stays on
    // the seat).
    if (it.size() == 1 && it[0].member < 0 && pending_ && pending_->meaning == Meaning::kOn &&
        last_pair_.size() == 2 && last_pair_[0] == it[0] && !pending_->subjects.empty() &&
        !excluded(last_pair_[1].entity)) {
      const std::string& seat = out_.entities[it[0].entity].category;
      const std::string& surface = out_.entities[last_pair_[1].entity].category;
      const bool work_surface = IsKindOf(surface, "table") || IsKindOf(surface, "desk") ||
                                IsKindOf(surface, "counter") || IsKindOf(surface, "workbench");
      const bool on_surface =
          work_surface && IsKindOf(seat, "seat") &&
          std::all_of(pending_->subjects.begin(), pending_->subjects.end(),
                      [&](const EntityRef& s) {
                        const std::string& c = out_.entities[s.entity].category;
                        return !RestsOnTop(c, "", seat) && !IsKindOf(c, "furniture");
                      });
      if (on_surface) it = {last_pair_[1]};
    }
    if (it.size() == 1) {
      last_it_ = it[0].entity;
      last_it_sentence_ = sentence_;
    }
    return it;
  }
  if (p == "other" && np.count >= 2) {
    // "the anvil between the other two": the rest of the last group with that many.
    for (auto g = groups_.rbegin(); g != groups_.rend(); ++g) {
      Group rest;
      for (const EntityRef& r : *g) {
        if (!excluded(r.entity)) rest.push_back(r);
      }
      if (rest.size() < g->size() && static_cast<long>(rest.size()) == np.count) return rest;
    }
    return {};
  }
  return ResolveOtherPronoun(np, exclude);
}

int Reader::PickedMember(int e, const std::string& word) {
  const long count = out_.entities[e].count;
  if (count < 2) return -1;
  if (const int m = MemberAtPosition(word, count); m >= 0) return m;
  // A comparative or a superlative: WordNet's morphology takes "-er" or "-est" off.
  const bool graded = EndsWith(word, "er") || EndsWith(word, "est");
  const std::string base = graded ? WordNet::Get().AdjectiveBase(word) : "";
  if (base.empty() || base == word) return -1;
  if (const int m = MemberAtPosition(base, count); m >= 0) return m;  // "higher", "lowest"
  for (const auto& [key, member] : member_words_) {
    if (key.first == e && key.second == word) return member;
  }
  Entity& entity = out_.entities[e];
  const int member = std::min<int>(entity.next_member++, static_cast<int>(count) - 1);
  member_words_.push_back({{e, word}, member});
  return member;
}

std::pair<int, int> Reader::MemberWord(int e, const std::vector<std::string>& attributes) {
  for (size_t k = 0; k < attributes.size(); ++k) {
    if (const int m = PickedMember(e, attributes[k]); m >= 0) return {static_cast<int>(k), m};
  }
  return {-1, -1};
}

Group Reader::ResolveIt(const Group& exclude) {
  // "it" is no person ("My daughter wants a bed with a ladder at its end").
  auto excluded = [&](int e) {
    return NamesPerson(out_.entities[e].category) ||
           std::any_of(exclude.begin(), exclude.end(),
                       [&](const EntityRef& r) { return r.entity == e && r.member < 0; });
  };
  {
    // In a "with" phrase, "it" is the thing the phrase hangs on: "an aquarium on a cabinet, with
    // a beanbag in front of it".
    // Once a member stands in the middle of the host, the host is the place around it: "a
    // plaza with a statue in the middle and benches around it".
    if (in_with_ && with_centre_.size() == 1 && !excluded(with_centre_[0].entity)) {
      return with_centre_;
    }
    // After a member the list placed by another thing, "it" is that thing: "a hall with a gong
    // to the right of the shrine, two lanterns on either side of it" (the shrine).
    if (in_with_ && !out_.statements.empty()) {
      const Statement& st = out_.statements.back();
      // (Every thing of its subject a member: "candlesticks on either side of the altar" places
      // each candlestick.)
      const auto listed = [&](const EntityRef& s) {
        return std::any_of(with_members_.begin(), with_members_.end(), [&](const auto& w) {
          return std::any_of(w.first.begin(), w.first.end(),
                             [&](const EntityRef& r) { return r.entity == s.entity; });
        });
      };
      const auto current = [&](const EntityRef& s) {
        return std::any_of(with_current_.begin(), with_current_.end(),
                           [&](const EntityRef& r) { return r.entity == s.entity; });
      };
      const bool member = !st.from_with && !st.subjects.empty() &&
                          std::all_of(st.subjects.begin(), st.subjects.end(), listed) &&
                          std::none_of(st.subjects.begin(), st.subjects.end(), current);
      if (member && st.references.size() == 1 && st.references[0].member < 0 &&
          st.references != with_host_ && IsObject(st.references[0].entity) &&
          !excluded(st.references[0].entity) && out_.entities[st.references[0].entity].count == 1) {
        return st.references;
      }
    }
    if (in_with_ && with_host_.size() == 1 && with_host_[0].member < 0 &&
        !excluded(with_host_[0].entity) &&
        (out_.entities[with_host_[0].entity].count == 1 || with_distributive_)) {
      return with_host_;
    }
    // In a list of placements, the thing the member before was about: "A grand piano on the
    // stage, a piano bench in front of it" (the piano, not its stage).
    // Not once the member named a landmark of its own ("an office chair in front of the desk
    // facing it": the desk).
    if (parallel_subject_.size() == 1 && parallel_subject_[0].member < 0 &&
        parallel_subject_ != clause_subject_ && last_group_ == clause_subject_ &&
        IsObject(parallel_subject_[0].entity) && !excluded(parallel_subject_[0].entity) &&
        out_.entities[parallel_subject_[0].entity].count == 1) {
      return parallel_subject_;
    }
    // "A sink stands by the wall and a stove stands opposite it": the subject of the clause
    // before "and", while no thing was named after it (that clause placed it by a part of the
    // room; "a chair faces the fireplace and a piano faces away from it": the fireplace).
    if (and_subject_.size() == 1 && and_subject_[0].member < 0 && last_group_ == clause_subject_ &&
        out_.entities[and_subject_[0].entity].count == 1) {
      for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
        if (!IsObject(*e) || excluded(*e)) continue;
        if (*e == and_subject_[0].entity) return and_subject_;
        break;
      }
    }
    // The subject of the clause before is the thing in focus ("A sewing machine sits on a
    // table; a dress form stands to its left"); else the last single thing named.
    for (auto g = subjects_.rbegin(); g != subjects_.rend() && g - subjects_.rbegin() < 1; ++g) {
      if (g->size() != 1 || (*g)[0].member >= 0) continue;
      // A subject named as another thing's ("Its ladder faces the door") leaves its owner in
      // focus.
      int e = (*g)[0].entity;
      for (const auto& [owned, owner] : owned_) {
        if (owned == e && !excluded(owner)) e = owner;
      }
      // (A thing named on its own, that no statement placed or related, is no focus: it may
      // name the scene, "A noodle bar. Stools face the counter, a pot on the stove behind it" -
      // the counter; the last single thing named is still it when nothing came after.)
      const auto names = [&](const Group& group) {
        return std::any_of(group.begin(), group.end(),
                           [&](const EntityRef& r) { return r.entity == e; });
      };
      const bool scene_name = std::none_of(
          out_.statements.begin(), out_.statements.end(),
          [&](const Statement& st) { return names(st.subjects) || names(st.references); });
      if (scene_name) continue;
      if (IsObject(e) && !excluded(e) && out_.entities[e].count == 1) return {{e, -1}};
    }
    for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
      if (IsObject(*e) && !excluded(*e) && out_.entities[*e].count == 1) return {{*e, -1}};
    }
    return {};
  }
}

Group Reader::ResolveOtherPronoun(const NounPhrase& np, const Group& exclude) {
  auto excluded = [&](int e) {
    return std::any_of(exclude.begin(), exclude.end(),
                       [&](const EntityRef& r) { return r.entity == e && r.member < 0; });
  };
  const std::string& p = np.pronoun;
  if (p == "them" || p == "both") {
    // Things before parts of the room: "two beds on opposite walls, a desk between them" (the
    // beds, not the walls), unless no group of things is there, or the pronoun is "each" going
    // on about the same placement ("panels hang on the side walls, four on each").
    auto parts = [&](const Group& g) {
      return std::all_of(g.begin(), g.end(),
                         [&](const EntityRef& r) { return !IsObject(r.entity); });
    };
    const bool any_things =
        !np.distributive && std::any_of(groups_.begin(), groups_.end(), [&](const Group& g) {
          return !parts(g) && std::none_of(g.begin(), g.end(),
                                           [&](const EntityRef& r) { return excluded(r.entity); });
        });
    for (auto g = groups_.rbegin(); g != groups_.rend(); ++g) {
      if (std::any_of(g->begin(), g->end(), [&](const EntityRef& r) { return excluded(r.entity); }))
        continue;
      if (any_things && parts(*g)) continue;
      if (p == "both" &&
          !(g->size() == 2 || (g->size() == 1 && out_.entities[(*g)[0].entity].count == 2)))
        continue;
      // A list whose last member is a plural the text placed on its own ("a desk facing the
      // door, two sofas facing each other with a table between them"): "them" is that plural,
      // not the list.
      if (p == "them" && g->size() >= 2) {
        const EntityRef& last = g->back();
        const bool placed_alone =
            std::any_of(out_.statements.begin(), out_.statements.end(),
                        [&](const Statement& st) { return st.subjects == Group{last}; });
        if (last.member < 0 && out_.entities[last.entity].count >= 2 && placed_alone) {
          return {last};
        }
      }
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
    // Every thing of the sentence; inside a "with" list, not the host that holds it ("A barn
    // with rows of seats, all facing the stage": the seats), and every member the list named,
    // also one WordNet files first as a place ("seats").
    const bool host_out = in_with_ && with_host_.size() == 1;
    Group all;
    for (size_t e = sentence_first_entity_; e < out_.entities.size(); ++e) {
      const int id = static_cast<int>(e);
      if (host_out && with_host_[0].entity == id) continue;
      const bool listed =
          in_with_ && std::any_of(with_list_.begin(), with_list_.end(),
                                  [&](const EntityRef& r) { return r.entity == id; });
      const NounKind k = out_.entities[e].kind;
      const bool place = k == NounKind::kIndoorPlace || k == NounKind::kOutdoorPlace;
      if ((IsObject(id) || (listed && place)) && !excluded(id)) all.push_back({id, -1});
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
  // "the green one": the thing named before with that attribute.
  if (!np.attributes.empty()) {
    for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
      const std::vector<std::string>& a = out_.entities[*e].attributes;
      if (IsObject(*e) && !excluded(*e) &&
          std::find(a.begin(), a.end(), np.attributes.front()) != a.end()) {
        return {{*e, -1}};
      }
    }
    // "the middle one", "the topmost one", "the taller one": a member of the last group.
    if (p == "one") {
      for (auto e = recent_.rbegin(); e != recent_.rend(); ++e) {
        if (!IsObject(*e) || excluded(*e) || out_.entities[*e].count < 2) continue;
        if (const int member = MemberWord(*e, np.attributes).second; member >= 0) {
          return {{*e, member}};
        }
        break;
      }
    }
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

}  // namespace scenecraft::reader_detail
