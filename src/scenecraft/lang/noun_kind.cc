#include "scenecraft/lang/noun_kind.h"

#include <algorithm>
#include <cctype>

#include "scenecraft/lang/wordnet.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

bool Has(const std::vector<std::string>& words, std::initializer_list<const char*> any) {
  for (const char* a : any) {
    if (std::find(words.begin(), words.end(), a) != words.end()) return true;
  }
  return false;
}

// Whether hypernym words include the room one is in (WordNet's synset {room}), not the room one
// has (the synset {room, way, elbow room}: "seating" is a kind of that).
bool UnderRoom(const std::vector<std::string>& up) {
  return Has(up, {"room"}) && !Has(up, {"elbow room"});
}

// The lexicographer files of physical things.
bool PhysicalLexFile(const std::string& lexfile) {
  return lexfile == "noun.artifact" || lexfile == "noun.object" || lexfile == "noun.plant" ||
         lexfile == "noun.animal" || lexfile == "noun.food" || lexfile == "noun.person" ||
         lexfile == "noun.substance" || lexfile == "noun.body";
}

// Whether the head of a compound WordNet does not know names a thing by any of its senses ("violin
// case": a case is first an occurrence); a person only by a frequent sense: "a dinner party", "a
// tea party" are gatherings (a party is also a person in a lawsuit), "a toy soldier" a figure.
bool ThingHead(const std::string& head) {
  const std::vector<std::string> senses = WordNet::Get().LexFiles(head, 0);
  for (size_t k = 0; k < senses.size(); ++k) {
    if (PhysicalLexFile(senses[k]) && (senses[k] != "noun.person" || k < 2)) return true;
  }
  return false;
}

// The noun WordNet knows: the compound, else its head.
std::string KnownNoun(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  const size_t space = category.rfind(' ');
  return wordnet.IsNoun(category) || space == std::string::npos ? category
                                                                : category.substr(space + 1);
}

// Whether one of the noun's `senses` most frequent senses is a made thing that is no place.
bool MadeThingAmong(const std::string& noun, int senses) {
  WordNet& wordnet = WordNet::Get();
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, senses);
  for (size_t k = 0; k < lexfiles.size(); ++k) {
    if (lexfiles[k] != "noun.artifact") continue;
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, static_cast<int>(k), 8);
    if (!Has(up, {"area", "building", "place of business", "establishment", "geographical area",
                  "tract", "field", "workplace", "facility"}) &&
        !UnderRoom(up)) {
      return true;
    }
  }
  return false;
}

// The hypernyms that make a noun's most frequent sense an outdoor place.
bool OutdoorPlaceWords(const std::vector<std::string>& up) {
  return Has(up, {"geographical area", "tract", "field", "land", "plot", "yard", "thoroughfare",
                  "road", "geological formation", "body of water", "vegetation"});
}

// Whether the definition of the noun's most frequent sense names an outdoor place ("edge of a
// way or road or path").
bool GlossNamesOutdoorPlace(const std::string& noun) {
  WordNet& wordnet = WordNet::Get();
  std::string gloss = wordnet.Gloss(noun);
  gloss = gloss.substr(0, gloss.find_first_of(";\"("));
  std::string word;
  for (size_t k = 0; k <= gloss.size(); ++k) {
    const char c = k < gloss.size() ? gloss[k] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += c;
      continue;
    }
    if (word.size() >= 3 && word != noun && wordnet.IsNoun(word)) {
      std::vector<std::string> up = wordnet.Hypernyms(word, 8, 1);
      up.push_back(word);  // ("road" itself)
      if (OutdoorPlaceWords(up)) return true;
    }
    word.clear();
  }
  return false;
}

}  // namespace

bool NamesAWrittenThing(const std::string& noun) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return false;
  for (int k = 0; k < std::min(2, wordnet.SenseCount(noun)); ++k) {
    // (A list is written too: "a timetable", "a menu", "a price list" on a wall or a board.)
    if (Has(wordnet.SenseHypernyms(noun, k, 8),
            {"written communication", "written record", "list"})) {
      return true;
    }
  }
  return false;
}

bool ThingWhereCountedOrPlaced(const std::string& category, bool counted) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return false;
  const size_t space = category.rfind(' ');
  const bool known = wordnet.IsNoun(category);
  const std::string noun =
      known || space == std::string::npos ? category : category.substr(space + 1);
  // Money by the first sense, or by the second after a unit of it (a penny is first a unit of
  // money, then a coin; a pyramid, first a shape, then a scheme, is no money). An act or an
  // event by one of the two most frequent senses (a jump is first an increase, then an act).
  const std::vector<std::string> frequent = wordnet.LexFiles(noun, 2);
  if (!frequent.empty() && frequent[0] == "noun.possession") return true;
  if (frequent.size() == 2 && frequent[0] == "noun.quantity" && frequent[1] == "noun.possession") {
    return true;
  }
  if (counted) return Has(frequent, {"noun.act", "noun.event"});
  return !frequent.empty() && frequent[0] == "noun.act" && !known && space != std::string::npos &&
         HasPhysicalSense(category.substr(0, space));
}

bool NamesABoundary(const std::string& noun) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available() || RoomPartOf(noun) != RoomPart::kNone) return false;
  const std::vector<std::string> up = wordnet.SenseHypernyms(noun, 0, 4);
  return Has(up, {"boundary", "extremity"});
}

std::string_view NounKindName(NounKind kind) {
  switch (kind) {
    case NounKind::kObject:
      return "object";
    case NounKind::kIndoorPlace:
      return "indoor place";
    case NounKind::kOutdoorPlace:
      return "outdoor place";
    case NounKind::kBuilding:
      return "building";
    case NounKind::kRoomPart:
      return "room part";
    case NounKind::kFrame:
      return "frame";
    case NounKind::kAbstract:
      return "abstraction";
  }
  return "?";
}

namespace {

// A word WordNet does not know, made of a noun and a noun of location ("canalside", "kerbside":
// "side" is filed under noun.location, as "front" and "edge" are), whose first part is first of
// all a way, a waterway, a structure or an excavation ("pool"), names the area by that thing as
// WordNet's "roadside" and "lakeside" do: an outdoor place. Any other unknown word is a thing.
NounKind UnknownAreaWord(const std::string& word) {
  WordNet& wordnet = WordNet::Get();
  for (size_t split = 3; split + 3 <= word.size(); ++split) {
    const std::string first = word.substr(0, split);
    const std::string last = word.substr(split);
    if (!wordnet.IsNoun(first) || !wordnet.IsNoun(last)) continue;
    const std::vector<std::string> files = wordnet.LexFiles(last, 1);
    if (files.empty() || files[0] != "noun.location") continue;
    for (int sense = 0; sense < 2; ++sense) {
      if (Has(wordnet.SenseHypernyms(first, sense, 8),
              {"way", "waterway", "structure", "excavation", "body of water"})) {
        return NounKind::kOutdoorPlace;
      }
    }
  }
  return NounKind::kObject;
}

}  // namespace

NounKind ClassifyNoun(const std::string& category) {
  const size_t space = category.rfind(' ');
  const std::string head = space == std::string::npos ? category : category.substr(space + 1);
  if (space == std::string::npos && RoomPartOf(head) != RoomPart::kNone) return NounKind::kRoomPart;
  if (space == std::string::npos && IsFrameNoun(head)) return NounKind::kFrame;
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return NounKind::kObject;
  // The compound when WordNet knows it, else its head ("reading nook" -> "nook").
  std::string noun = category;
  if (!wordnet.IsNoun(noun)) noun = head;
  // A compound WordNet knows only as no thing whose head is one ("alarm bell": a sound) is the
  // thing the user named with it.
  if (noun == category && space != std::string::npos && !HasPhysicalSense(category) &&
      ThingHead(head) && PlaceSense(category) == NounKind::kObject &&
      !Has(wordnet.LexFiles(category, 0), {"noun.location"})) {
    noun = head;
  }
  if (!wordnet.IsNoun(noun)) return UnknownAreaWord(noun);  // open vocabulary: mostly a thing
  const std::string base = wordnet.NounBase(noun);
  if (!base.empty()) noun = base;
  // A compound WordNet does not know whose head is first of all a shop, an office or a workplace
  // ("ceramics studio", "hat shop") is that kind of place.
  if (noun != category && RoomPartOf(noun) == RoomPart::kNone) {
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, 0, 8);
    if (Has(up, {"place of business", "establishment", "workplace"})) return NounKind::kIndoorPlace;
  }
  // A compound WordNet does not know whose head can be a thing is that thing ("fence post": a
  // post is first a position, "garden shed"), not a place.
  if (noun != category && RoomPartOf(noun) == RoomPart::kNone && HasObjectSense(noun)) {
    return NounKind::kObject;
  }
  // So does one whose first part is first of all a made thing, when one of the head's four most
  // frequent senses is a made thing that is no place ("fence post": a post is first a position,
  // then a military post, then an upright; "truck yard" stays a yard, whose made senses are
  // grounds and a railway yard).
  if (noun != category && RoomPartOf(noun) == RoomPart::kNone) {
    const std::vector<std::string> first_part = wordnet.LexFiles(category.substr(0, space), 1);
    if (!first_part.empty() && first_part[0] == "noun.artifact" && MadeThingAmong(noun, 4)) {
      return NounKind::kObject;
    }
  }
  if (noun != category && RoomPartOf(noun) != RoomPart::kNone) {
    // "dining room", "back wall": a room is a place; other parts keep their kind.
    return noun == "room" ? NounKind::kIndoorPlace : NounKind::kRoomPart;
  }
  // A boundary is a place on what it bounds ("its edge"), or, when its definition names an
  // outdoor place, a strip of that place ("roadside": the edge of a road), never a thing.
  if (NamesABoundary(noun)) {
    return GlossNamesOutdoorPlace(noun) ? NounKind::kOutdoorPlace : NounKind::kFrame;
  }
  const std::vector<std::string> first = wordnet.Hypernyms(noun, 8, 1);
  if (UnderRoom(first)) return NounKind::kIndoorPlace;
  if (Has(first, {"geographical area", "tract", "field", "land", "plot", "yard", "thoroughfare",
                  "road", "geological formation", "body of water", "vegetation"})) {
    return NounKind::kOutdoorPlace;
  }
  // A place of business or a building that its name, its kinds or its definition say is in the
  // open air ("open-air market", "flea market", "tavern with an outdoor area") is out of doors.
  const bool business = Has(first, {"place of business", "establishment", "workplace", "facility"});
  if ((business || Has(first, {"building", "outbuilding"})) && NamedOpenAir(noun, first)) {
    return NounKind::kOutdoorPlace;
  }
  if (business) return NounKind::kIndoorPlace;
  // A paved surface by one of the two most frequent senses ("pavement", "paving": first the
  // material, then the surface), or a walk ("sidewalk", "boardwalk"), is the ground out of
  // doors, no thing.
  // (The walk a path is, a made thing, not the gait: "a skip" is a gait, a kind of walking.)
  if (Has(first, {"paved surface"}) ||
      (Has(first, {"walk"}) && Has(wordnet.LexFiles(noun, 1), {"noun.artifact"})) ||
      (wordnet.SenseCount(noun) > 1 &&
       Has(wordnet.SenseHypernyms(noun, 1, 2), {"paved surface"}))) {
    return NounKind::kOutdoorPlace;
  }
  if (Has(first, {"building", "outbuilding"})) return NounKind::kBuilding;
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 2);
  // An area ("patio", "dining area") or a location ("nook", "campsite") is a place, not a
  // thing; its definition says whether it is out of doors.
  const std::vector<std::string> parents = wordnet.Hypernyms(noun, 2, 1);
  if (Has(parents, {"area"}) || (!lexfiles.empty() && lexfiles[0] == "noun.location")) {
    const std::string gloss = wordnet.Gloss(noun);
    for (const char* outdoor : {"outdoor", "outside", "open air", "open-air", "unroofed", "land"}) {
      if (gloss.find(outdoor) != std::string::npos) return NounKind::kOutdoorPlace;
    }
    for (const char* indoor : {"room", "house", "building", "indoor", "inside", "dining"}) {
      if (gloss.find(indoor) != std::string::npos) return NounKind::kIndoorPlace;
    }
    return Has(parents, {"area"}) ? NounKind::kIndoorPlace : NounKind::kOutdoorPlace;
  }
  // A compound the dictionary does not know is a thing when its head has any physical sense
  // ("violin case": a case is first of all an occurrence); a lone noun needs one of its two
  // most frequent senses to be physical ("style" and "evening" are not things).
  if (noun != category && ThingHead(noun)) return NounKind::kObject;
  if (noun == category) {
    for (const std::string& lexfile : wordnet.LexFiles(noun, 2)) {
      if (PhysicalLexFile(lexfile)) return NounKind::kObject;
    }
  }
  // A closed compound filed as an event whose last part is its kind and names a made thing by
  // another sense ("campfire", "bonfire": a kind of fire, and a fire is also a fireplace with a
  // fire burning) is that thing in a scene.
  for (const std::string& kind : wordnet.Hypernyms(noun, 2, 1)) {
    if (kind.size() >= 3 && noun.size() > kind.size() + 2 && EndsWith(noun, kind) &&
        HasMadeThingSense(kind)) {
      return NounKind::kObject;
    }
  }
  return NounKind::kAbstract;
}

// Whether the names of the noun's most frequent sense, its kinds `up` or its definition say it
// is in the open air (the words are a closed class: how a definition says "not indoors").
bool NamedOpenAir(const std::string& noun, const std::vector<std::string>& up) {
  WordNet& wordnet = WordNet::Get();
  std::vector<std::string> texts = wordnet.Synonyms(noun, 1);
  texts.insert(texts.end(), up.begin(), up.end());
  const std::string gloss = wordnet.Gloss(noun);
  texts.push_back(gloss.substr(0, gloss.find_first_of(";\"")));
  for (const std::string& text : texts) {
    for (const char* word : {"open-air", "open air", "outdoor", "unroofed"}) {
      if (text.find(word) != std::string::npos) return true;
    }
  }
  return false;
}

bool HasMadeThingSense(const std::string& noun) {
  for (const std::string& lexfile : WordNet::Get().LexFiles(noun, 0)) {
    if (lexfile == "noun.artifact" || lexfile == "noun.object") return true;
  }
  return false;
}

bool HasMadeThingOutsidePlaces(const std::string& noun) {
  WordNet& wordnet = WordNet::Get();
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 0);
  for (size_t k = 0; k < lexfiles.size(); ++k) {
    if (lexfiles[k] != "noun.artifact" && lexfiles[k] != "noun.object") continue;
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, static_cast<int>(k), 8);
    if (!Has(up, {"area", "geographical area", "tract", "field", "plot", "yard", "land"}) &&
        !UnderRoom(up)) {
      return true;
    }
  }
  return false;
}

bool NamesAComponent(const std::string& noun) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available() || !HasMadeThingSense(noun)) return false;
  const std::string gloss = wordnet.Gloss(noun);
  return gloss.find(" of something") != std::string::npos &&
         (gloss.find("component") != std::string::npos ||
          gloss.find("section") != std::string::npos);
}

bool HasPhysicalSense(const std::string& noun) {
  for (const std::string& lexfile : WordNet::Get().LexFiles(noun, 0)) {
    if (PhysicalLexFile(lexfile)) return true;
  }
  return false;
}

namespace {

// Whether one of the noun's three most frequent senses is in one of `lexfiles` and under no
// place class.
bool HasThingSense(const std::string& category, std::initializer_list<const char*> lexfiles) {
  WordNet& wordnet = WordNet::Get();
  const std::string noun = KnownNoun(category);
  const std::vector<std::string> senses = wordnet.LexFiles(noun, 3);
  for (size_t k = 0; k < senses.size(); ++k) {
    if (!Has({senses[k]}, lexfiles)) continue;
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, static_cast<int>(k), 8);
    if (!Has(up, {"area", "building", "place of business", "establishment", "geographical area",
                  "tract", "workplace", "facility"}) &&
        !UnderRoom(up)) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool HasObjectSense(const std::string& category) {
  return HasThingSense(category, {"noun.artifact", "noun.object", "noun.plant"});
}

bool HasMadeSense(const std::string& category) {
  return HasThingSense(category, {"noun.artifact", "noun.plant"});
}

NounKind PlaceSense(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  const std::string noun = KnownNoun(category);
  for (int k = 0; k < std::min(3, wordnet.SenseCount(noun)); ++k) {
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, k, 8);
    if (UnderRoom(up)) return NounKind::kIndoorPlace;
    if (Has(up, {"geographical area", "tract", "field", "land", "plot", "yard", "thoroughfare",
                 "road", "geological formation"})) {
      return NounKind::kOutdoorPlace;
    }
    if (Has(up, {"place of business", "establishment", "workplace"})) return NounKind::kIndoorPlace;
  }
  return NounKind::kObject;
}

bool FirstConcreteSenseIsOutdoorPlace(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  const std::string noun = KnownNoun(category);
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 0);
  for (size_t k = 0; k < lexfiles.size(); ++k) {
    if (!Has({lexfiles[k]}, {"noun.artifact", "noun.location"})) continue;
    return OutdoorPlaceWords(wordnet.SenseHypernyms(noun, static_cast<int>(k), 8));
  }
  return false;
}

Holder HolderOf(const std::string& category) {
  // The two most frequent senses: a barrel is first a gun's, then a cask.
  WordNet& wordnet = WordNet::Get();
  const std::string noun = KnownNoun(category);
  // A noun that names no physical thing or group by its two most frequent senses ("case": an
  // instance, an event; "quiver": a shiver, a shaking) is the holder one of its rarer senses names
  // (a portable container, a case for arrows).
  const std::vector<std::string> frequent = wordnet.LexFiles(noun, 2);
  const bool no_thing =
      !frequent.empty() && std::none_of(frequent.begin(), frequent.end(), [](const std::string& f) {
        return PhysicalLexFile(f) || f == "noun.group";
      });
  const int senses = no_thing ? wordnet.SenseCount(noun) : std::min(2, wordnet.SenseCount(noun));
  for (int k = 0; k < senses; ++k) {
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, k, 10);
    if (Has(up, {"container"})) return Holder::kContainer;
    if (Has(up, {"support", "supporting structure", "platform", "table"})) return Holder::kSupport;
    // Furniture that WordNet's definition says is for storage ("cabinet": "... with doors and
    // shelves and drawers; for storage or display") holds things within.
    if (k == 0 && Has(up, {"furniture", "piece of furniture"})) {
      const std::string gloss = wordnet.Gloss(noun);
      if (gloss.find("storage") != std::string::npos || gloss.find("storing") != std::string::npos)
        return Holder::kContainer;
    }
  }
  return Holder::kNone;
}

bool NamesAGroup(const std::string& noun) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available() || HolderOf(noun) != Holder::kNone) return false;
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 0);
  for (size_t k = 0; k < lexfiles.size(); ++k) {
    if (lexfiles[k] != "noun.group") continue;
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, static_cast<int>(k), 2);
    if (Has(up, {"collection", "series", "array", "agglomeration", "animal group"})) return true;
  }
  return false;
}

bool IsDiscrete(const std::string& category, bool plural) {
  // A plural names things by one of its two most frequent senses ("nails": first the finger's,
  // then the metal pin's); a singular by its most frequent ("a cup of tea": a drink, not a shrub).
  const std::vector<std::string> lexfiles =
      WordNet::Get().LexFiles(KnownNoun(category), plural ? 2 : 1);
  if (lexfiles.empty()) return plural;  // open vocabulary: a thing when counted
  for (const std::string& f : lexfiles) {
    if (f == "noun.artifact" || f == "noun.plant" || f == "noun.animal" ||
        (plural && f == "noun.food")) {
      return true;
    }
  }
  return false;
}

namespace {

// Whether a noun of a definition (before its examples) is a motor vehicle by its most frequent
// sense ("cars", "lorries", "buses").
bool DefinitionNamesMotorVehicles(const std::string& gloss) {
  WordNet& wordnet = WordNet::Get();
  const std::string definition = gloss.substr(0, gloss.find(';'));
  std::string word;
  auto names_one = [&] {
    if (word.empty()) return false;
    const std::string base = wordnet.NounBase(word);
    word.clear();
    return !base.empty() && Has(wordnet.Hypernyms(base, 4, 1), {"motor vehicle"});
  };
  for (const char c : definition) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += c;
    } else if (names_one()) {
      return true;
    }
  }
  return names_one();
}

}  // namespace

std::string GroundOf(const std::string& place) {
  WordNet& wordnet = WordNet::Get();
  // (The place itself may be the stuff the ground is made of: "on the sand", "on the gravel".)
  const std::string noun = KnownNoun(place);  // "rooftop terrace" -> "terrace"
  std::vector<std::string> h = wordnet.Hypernyms(noun, 8, 1);
  h.insert(h.begin(), noun);
  if (Has(wordnet.Hypernyms(noun, 3, 2), {"paved surface"})) return "pavement";  // "paving"
  if (Has(h, {"thoroughfare", "road", "paved surface", "walk", "square", "public square"}))
    return "pavement";
  if (Has(h, {"beach", "desert", "shore", "sand"})) return "sand";
  // The other grounds the Blender script has a surface for.
  for (const char* stuff : {"gravel", "snow", "asphalt", "concrete"}) {
    if (Has(h, {stuff})) return stuff;
  }
  // A place made for motor vehicles, one whose definition names them ("a lot where cars are
  // parked"), is asphalt, not a piece of land's grass.
  if (DefinitionNamesMotorVehicles(wordnet.Gloss(noun))) return "asphalt";
  // A made open place (a terrace, a patio, a courtyard) is paved.
  if (Has(h, {"structure"})) return "pavement";
  return "grass";
}

}  // namespace scenecraft
