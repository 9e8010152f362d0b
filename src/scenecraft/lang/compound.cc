// The compounds of a noun phrase: which words before its head join it as the category.
#include "scenecraft/lang/compound.h"

#include <algorithm>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/noun_kind.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

// A noun that names what things are made of ("oak", "marble", "velvet", "brass"): one of its
// three most frequent senses is a kind of the materials things are built from. (Contents are
// not materials: a "paint tin" and a "water jug" are kinds of tin and jug.)
bool IsMaterial(const std::string& noun) {
  // Food is eaten, not built from: a "food bowl", a "bean bag", a "cake stand" are kinds of bowl,
  // bag and stand (WordNet files food under solids).
  // (A duck's flesh is food too, not what a "duck pond" is made of.)
  WordNet& wordnet = WordNet::Get();
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 3);
  if (!lexfiles.empty() && lexfiles[0] == "noun.food") return false;
  static const char* const kMaterialClasses[] = {"wood",    "plant material",  "fabric",
                                                 "rock",    "stone",           "metal",
                                                 "alloy",   "animal material", "building material",
                                                 "plastic", "ceramic",         "solid",
                                                 "paper"};
  for (const char* c : kMaterialClasses) {
    if (noun == c) return true;
  }
  for (size_t k = 0; k < lexfiles.size(); ++k) {
    if (lexfiles[k] == "noun.food") continue;
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, static_cast<int>(k), 6);
    for (const char* c : kMaterialClasses) {
      if (std::find(up.begin(), up.end(), c) != up.end()) return true;
    }
  }
  return false;
}

bool IsCompound(const std::string& words) {
  return WordNet::Get().IsNoun(words) && words.find(' ') != std::string::npos;
}

namespace {

// Whether WordNet lists compounds of `modifier` that are made things, first of all ("folding
// chair", "magnifying glass", "revolving door"; not "drying oil", a substance, or "burning
// bush", a plant), in one of their three most frequent senses.
bool NamesKindsOfMadeThings(const std::string& modifier) {
  WordNet& wordnet = WordNet::Get();
  for (const std::string& compound : wordnet.CompoundsStartingWith(modifier)) {
    const std::vector<std::string> senses = wordnet.LexFiles(compound, 3);
    if (std::find(senses.begin(), senses.end(), "noun.artifact") != senses.end()) return true;
  }
  return false;
}

}  // namespace

bool ModifierJoinsHead(const Word& m, const std::string& head) {
  // An abbreviation names what the thing is for ("a PA speaker", "an IV stand"), never a
  // material (Pa is also protactinium).
  if (m.capitals) return true;
  WordNet& wordnet = WordNet::Get();
  // A noun that is itself a kind of the head names it more precisely: "a four-poster bed", "an
  // oak tree" (in its two most frequent senses; "a leather sofa" is no kind of sofa).
  if (m.noun && m.lemma != head) {
    const std::vector<std::string> up = wordnet.Hypernyms(m.lemma, 6, 2);
    if (std::find(up.begin(), up.end(), head) != up.end()) return true;
  }
  if (m.text.find('-') != std::string::npos || !WallSide(m.text).empty()) return false;
  // A part of the room names where a made thing belongs ("a corner sofa", "a ceiling fan", "a
  // wall clock"); the middle and the room itself say where it stands.
  if (const RoomPart part = RoomPartOf(m.text); part != RoomPart::kNone) {
    return part != RoomPart::kMiddle && part != RoomPart::kRoom &&
           RoomPartOf(head) == RoomPart::kNone && HasMadeSense(head);
  }
  // A gerund: a verb's -ing form whose noun senses, if it has any, are no things ("folding" is
  // also the act of folding; "a hanging" is a thing).
  const std::string verb = m.verb && EndsWith(m.text, "ing") ? wordnet.VerbBase(m.text) : "";
  if (!verb.empty() && verb != m.text && (!m.noun || !HasObjectSense(m.text))) {
    // A living thing is doing it: "a sleeping dog", "a grazing sheep".
    const std::vector<std::string> head_senses = wordnet.LexFiles(head, 1);
    if (!head_senses.empty() &&
        (head_senses[0] == "noun.animal" || head_senses[0] == "noun.person")) {
      return false;
    }
    // What somebody does with the thing names what it is for ("a potting bench"), and a gerund
    // WordNet uses to name kinds of made things ("folding chair", "rolling pin", "magnifying
    // glass") names a kind of this one too ("a folding screen", "a magnifying lamp"); what a
    // thing otherwise does by itself (per WordNet's verb frames) says what it is doing ("drying
    // pots", "matching nightstands").
    // What somebody does to things with a support is what it is for, though the things may also
    // do it by themselves: "a drying rack", "a changing table" (not "matching nightstands": a
    // state, nor "drying pots", no support).
    if ((HolderOf(head) == Holder::kSupport ||
         Contains(wordnet.Hypernyms(head, 6, 2), "furniture")) &&
        wordnet.VerbLexFile(verb) != "verb.stative" && wordnet.SomebodyDoesItToSomething(verb)) {
      return true;
    }
    return !wordnet.ThingDoesItself(verb) || NamesKindsOfMadeThings(m.text);
  }
  // An activity (the noun's most frequent sense is an act: an exercise, a sport) before a
  // framework or a piece of equipment names what it is for, though the word is more often an
  // adjective: "a squat rack" (not "a squat vase").
  if (m.noun) {
    const std::vector<std::string> first = wordnet.LexFiles(m.lemma, 1);
    const std::vector<std::string> up = wordnet.SenseHypernyms(head, 0, 6);
    if (!first.empty() && first[0] == "noun.act" &&
        (Contains(up, "framework") || Contains(up, "equipment") || Contains(up, "apparatus"))) {
      return true;
    }
  }
  // A word that is also an adjective is one when WordNet saw it so more often ("red", "antique";
  // "garden" and "blanket" are rather nouns).
  // A word WordNet saw as neither, whose noun is first of all a made thing, is that thing's noun
  // ("locomotive boxes": the adjective is "of or relating to locomotion").
  bool adjective = m.adjective && m.adjective_frequency >= m.noun_frequency;
  // A word whose noun also names a colour is that colour as an adjective, though the noun is more
  // often something else ("orange pumpkins", "a violet cushion"); before food it names what the
  // food is made of ("a salmon steak").
  if (m.adjective && m.noun && !adjective &&
      Contains(wordnet.Hypernyms(m.lemma, 3), "chromatic color")) {
    const std::vector<std::string> head_senses = wordnet.LexFiles(head, 1);
    adjective = head_senses.empty() || head_senses[0] != "noun.food";
  }
  if (adjective && m.noun && m.adjective_frequency == 0 && m.noun_frequency == 0) {
    const std::vector<std::string> first = wordnet.LexFiles(m.lemma, 1);
    adjective = first.empty() || first[0] != "noun.artifact";
  }
  if ((m.noun || !m.known) && !adjective) return !IsMaterial(m.text);
  return false;
}

namespace {

// A floor smaller than this (m2) is a thing's, not a room's: a catalog entry that has a door of
// its own (a wardrobe, a cupboard) stands in a room.
constexpr double kRoomFloorM2 = 2.0;

}  // namespace

bool PartNamesWhole(const Word& whole, const Word& part) {
  if (!whole.noun || whole.capitals || whole.number || !part.noun || whole.lemma == part.lemma ||
      whole.text.find('-') != std::string::npos || !WallSide(whole.text).empty() ||
      RoomPartOf(whole.lemma) != RoomPart::kNone) {
    return false;
  }
  if (whole.adjective && whole.adjective_frequency >= whole.noun_frequency) return false;
  // A compound WordNet knows is that thing ("car door", "table tennis").
  if (IsCompound(whole.lemma + " " + part.lemma)) return false;
  // (A thing the procedural catalog builds is furniture whatever else WordNet files it under: a
  // cupboard is also a storage space.)
  const CategoryInfo* catalog = FindProceduralCategory(whole.lemma);
  if (catalog == nullptr && (IsMaterial(whole.lemma) || !HasMadeSense(whole.lemma) ||
                             ClassifyNoun(whole.lemma) != NounKind::kObject)) {
    return false;
  }
  WordNet& wordnet = WordNet::Get();
  const RoomPart opening = RoomPartOf(part.lemma);
  if (opening == RoomPart::kNone) return wordnet.IsPartOf(part.lemma, whole.lemma);
  // A door or a window of furniture, an appliance, a vehicle (WordNet's instrumentalities and
  // commodities), a fixture ("the shower door") or a thing the catalog builds smaller than a
  // room ("the cupboard door"), not of a structure one stands on or in ("the balcony door", "the
  // loading dock door", "the roof window" are the room's).
  if (opening != RoomPart::kDoor && opening != RoomPart::kWindow) return false;
  if (catalog != nullptr && catalog->size.x * catalog->size.y < kRoomFloorM2) return true;
  const std::vector<std::string> up = wordnet.Hypernyms(whole.lemma, 12, 2);
  return Contains(up, "instrumentality") || Contains(up, "commodity") || Contains(up, "fixture");
}

RoomPart ArchitectureOf(const std::string& noun, const Word* modifier, bool hung_from) {
  WordNet& wordnet = WordNet::Get();
  const std::vector<std::string> wholes = wordnet.Wholes(noun, 1);
  if (Contains(wholes, "door")) return RoomPart::kDoor;
  if (Contains(wholes, "window")) return RoomPart::kWindow;
  // The building's top: a covering or a structural member that is a part of a building.
  auto overhead = [&](const std::string& n, int senses) {
    for (int k = 0; k < senses; ++k) {
      const std::vector<std::string> up = wordnet.SenseHypernyms(n, k, 4);
      if (Contains(up, "covering") || Contains(up, "structural member")) return true;
    }
    return false;
  };
  auto of_building = [&](const std::string& n) {
    const std::vector<std::string> w = wordnet.Wholes(n, 1);
    return Contains(w, "building") || Contains(w, "house") || Contains(w, "roof");
  };
  if (of_building(noun) && overhead(noun, 1)) return RoomPart::kCeiling;
  // What things hang from, a structural member by its most frequent sense: "from the rafters",
  // "from the joists" (not "from a beam": first of all a ray of light).
  if (hung_from && Contains(wordnet.SenseHypernyms(noun, 0, 4), "structural member")) {
    return RoomPart::kCeiling;
  }
  // "the roof beams", "the ceiling joists": a structural member of such a part.
  if (modifier != nullptr && modifier->noun && overhead(noun, 2) &&
      (RoomPartOf(modifier->lemma) == RoomPart::kCeiling ||
       (of_building(modifier->lemma) && overhead(modifier->lemma, 1)))) {
    return RoomPart::kCeiling;
  }
  return RoomPart::kNone;
}

}  // namespace scenecraft
