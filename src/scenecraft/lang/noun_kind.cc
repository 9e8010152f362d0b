#include "scenecraft/lang/noun_kind.h"

#include <algorithm>

#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

bool Has(const std::vector<std::string>& words, std::initializer_list<const char*> any) {
  for (const char* a : any) {
    if (std::find(words.begin(), words.end(), a) != words.end()) return true;
  }
  return false;
}

// The lexicographer files of physical things.
bool PhysicalLexFile(const std::string& lexfile) {
  return lexfile == "noun.artifact" || lexfile == "noun.object" || lexfile == "noun.plant" ||
         lexfile == "noun.animal" || lexfile == "noun.food" || lexfile == "noun.person" ||
         lexfile == "noun.substance" || lexfile == "noun.body";
}

}  // namespace

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
  if (!wordnet.IsNoun(noun)) return NounKind::kObject;  // open vocabulary: a thing
  const std::string base = wordnet.NounBase(noun);
  if (!base.empty()) noun = base;
  // A compound WordNet does not know whose head can be a thing is that thing ("fence post": a
  // post is first a position, "garden shed"), not a place.
  if (noun != category && RoomPartOf(noun) == RoomPart::kNone && HasObjectSense(noun)) {
    return NounKind::kObject;
  }
  if (noun != category && RoomPartOf(noun) != RoomPart::kNone) {
    // "dining room", "back wall": a room is a place; other parts keep their kind.
    return noun == "room" ? NounKind::kIndoorPlace : NounKind::kRoomPart;
  }
  const std::vector<std::string> first = wordnet.Hypernyms(noun, 8, 1);
  if (Has(first, {"room"})) return NounKind::kIndoorPlace;
  if (Has(first, {"geographical area", "tract", "field", "land", "plot", "yard", "thoroughfare",
                  "road", "geological formation", "body of water", "vegetation"})) {
    return NounKind::kOutdoorPlace;
  }
  if (Has(first, {"place of business", "establishment", "workplace", "facility"})) {
    return NounKind::kIndoorPlace;
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
  const std::vector<std::string> all = wordnet.LexFiles(noun, noun != category ? 0 : 2);
  for (const std::string& lexfile : all) {
    if (PhysicalLexFile(lexfile)) return NounKind::kObject;
  }
  return NounKind::kAbstract;
}

bool HasObjectSense(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  const size_t space = category.rfind(' ');
  const std::string noun = wordnet.IsNoun(category) || space == std::string::npos
                               ? category
                               : category.substr(space + 1);
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 3);
  for (size_t k = 0; k < lexfiles.size(); ++k) {
    if (lexfiles[k] != "noun.artifact" && lexfiles[k] != "noun.object" &&
        lexfiles[k] != "noun.plant") {
      continue;
    }
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, static_cast<int>(k), 8);
    if (!Has(up, {"room", "area", "building", "place of business", "establishment",
                  "geographical area", "tract", "workplace", "facility"})) {
      return true;
    }
  }
  return false;
}

NounKind PlaceSense(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  const size_t space = category.rfind(' ');
  const std::string noun = wordnet.IsNoun(category) || space == std::string::npos
                               ? category
                               : category.substr(space + 1);
  for (int k = 0; k < std::min(3, wordnet.SenseCount(noun)); ++k) {
    const std::vector<std::string> up = wordnet.SenseHypernyms(noun, k, 8);
    if (Has(up, {"room"})) return NounKind::kIndoorPlace;
    if (Has(up, {"geographical area", "tract", "field", "land", "plot", "yard", "thoroughfare",
                 "road", "geological formation"})) {
      return NounKind::kOutdoorPlace;
    }
    if (Has(up, {"place of business", "establishment", "workplace"})) return NounKind::kIndoorPlace;
  }
  return NounKind::kObject;
}

std::string GroundOf(const std::string& place) {
  WordNet& wordnet = WordNet::Get();
  const std::vector<std::string> h = wordnet.Hypernyms(place, 8, 1);
  if (Has(h, {"thoroughfare", "road", "paved surface", "square", "public square"}))
    return "pavement";
  if (Has(h, {"beach", "desert", "shore", "sand"}) || place == "beach") return "sand";
  return "grass";
}

}  // namespace scenecraft
