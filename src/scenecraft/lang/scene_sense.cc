#include "scenecraft/lang/scene_sense.h"

#include <algorithm>
#include <vector>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/standin.h"
#include "scenecraft/lang/noun_kind.h"
#include "scenecraft/lang/thing_senses.h"
#include "scenecraft/lang/wordnet.h"

namespace scenecraft {
namespace {

bool HasAny(const std::vector<std::string>& words, std::initializer_list<const char*> any) {
  for (const char* a : any) {
    if (std::find(words.begin(), words.end(), a) != words.end()) return true;
  }
  return false;
}

// The noun WordNet knows: the compound, else its head ("village square" -> "square").
std::string KnownHead(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  const size_t space = category.rfind(' ');
  if (space == std::string::npos || wordnet.IsNoun(category)) return category;
  return category.substr(space + 1);
}

enum class SenseClass { kNone, kInside, kOutside, kOpen, kRegion };

// What one sense (its hypernyms on every path) makes of a place. The classes are WordNet's own
// top place synsets, a closed set.
SenseClass ClassOf(const std::vector<std::string>& up, const SceneSenseQuery& query) {
  if (HasAny(up, {"room", "storey", "building", "shelter", "establishment", "workplace", "facility",
                  "passageway", "housing"}) ||
      (query.vehicle && HasAny(up, {"conveyance"}))) {
    return SenseClass::kInside;
  }
  if (HasAny(up, {"geographical area", "tract", "field", "yard", "plot", "thoroughfare", "road",
                  "public square"})) {
    return SenseClass::kOutside;
  }
  // An "area" that is no structure is a region ("a playground" is first an area, country; so is
  // "a nook"): its other senses decide.
  if (HasAny(up, {"area"}) && !HasAny(up, {"structure"})) return SenseClass::kRegion;
  if (!query.strong_only &&
      (HasAny(up, {"area"}) || (query.any_structure && HasAny(up, {"structure"})))) {
    return SenseClass::kOpen;
  }
  return SenseClass::kNone;
}

bool ThingLexFile(const std::string& lexfile) {
  return lexfile == "noun.artifact" || lexfile == "noun.object" || lexfile == "noun.plant" ||
         lexfile == "noun.animal" || lexfile == "noun.food";
}

}  // namespace

double TypicalFootprint(const std::string& category) {
  if (const CategoryInfo* info = FindProceduralCategory(category)) {
    return info->size.x * info->size.y;
  }
  // The asset stage's sense test (thing_senses.h): the footprint of what will be built.
  const std::optional<StandIn> standin = ThingStandIn(category, "");
  return standin ? standin->typical_m.x * standin->typical_m.y : 0.0;
}

std::optional<bool> SceneSense(const std::string& category, const SceneSenseQuery& query) {
  if (ClassifyNoun(category) == NounKind::kBuilding) return true;
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return std::nullopt;
  const std::string noun = KnownHead(category);
  const std::vector<std::vector<std::string>> senses = wordnet.SenseAncestors(noun);
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 0);
  bool thing_before = false;  // a more frequent sense is a thing
  for (size_t k = 0; k < senses.size(); ++k) {
    // A sense that names people (WordNet's noun.group: "the bench" as the judiciary, whose
    // hypernyms name an "establishment" in the sense of a governing body) is no place.
    if (k < lexfiles.size() && lexfiles[k] == "noun.group") continue;
    const SenseClass c = ClassOf(senses[k], query);
    if (c == SenseClass::kNone) {
      thing_before = thing_before || (k < lexfiles.size() && ThingLexFile(lexfiles[k]));
      continue;
    }
    // A thing sense before the place sense: the place only when what the text puts in it covers
    // more floor than the thing would ("our lounge: three sofas ..."; "on the bed" is no plot).
    // (Furnishings or household appliances in it make a room sense win: "a galley with a stove
    // and a fridge" is the ship's kitchen, not the ship.)
    const bool furnished = query.indoor_contents && c == SenseClass::kInside;
    if (thing_before && !furnished &&
        !(query.contents_m2 > 0 && query.contents_m2 > 1.5 * TypicalFootprint(category))) {
      return std::nullopt;
    }
    // A kind of thing too small to stand in when it is first of all a thing of its own (a cage,
    // an aquarium: the stand-in's size prior).
    if (k < 2) {
      const std::optional<StandIn> standin = ThingStandIn(category, "");
      if (standin && std::max(standin->typical_m.x, standin->typical_m.y) < 1.0 &&
          !(query.contents_m2 > 1.5 * standin->typical_m.x * standin->typical_m.y)) {
        return std::nullopt;
      }
    }
    // (A place of business in the open air: "a market square" is an open-air market.)
    if (c == SenseClass::kInside) return k != 0 || !NamedOpenAir(noun, senses[k]);
    if (query.indoor_contents) {
      for (size_t j = k + 1; j < senses.size(); ++j) {
        if (ClassOf(senses[j], query) == SenseClass::kInside) return true;
      }
    }
    if (c == SenseClass::kOutside) return false;
    if (c == SenseClass::kRegion) {
      // Its definition, else the first other sense that is inside or out (a playground is also
      // a yard), else inside, as an area is.
      const std::string gloss = k == 0 ? wordnet.Gloss(noun) : std::string();
      for (const char* out : {"outdoor", "outside", "open air", "open-air"}) {
        if (gloss.find(out) != std::string::npos) return false;
      }
      for (size_t j = 0; j < senses.size(); ++j) {
        const SenseClass other = j == k ? SenseClass::kNone : ClassOf(senses[j], query);
        if (other == SenseClass::kInside) return true;
        if (other == SenseClass::kOutside) return false;
      }
      return true;
    }
    // An area or a structure: what its definition says; else an area (a part of a structure:
    // a storage space, a cellar) is inside, an enclosure (a pen, a corral) or any other
    // structure (a porch) out of doors.
    if (k == 0) {
      const std::string gloss = wordnet.Gloss(noun);
      // (A structure on a building's exterior, as a porch: out of doors, though covered.)
      for (const char* out :
           {"outdoor", "outside", "open air", "open-air", "unroofed", "exterior"}) {
        if (gloss.find(out) != std::string::npos) return false;
      }
      for (const char* in : {"room", "indoor", "inside", "covered", "roofed"}) {
        if (gloss.find(in) != std::string::npos) return true;
      }
    }
    return HasAny(senses[k], {"area"}) && !HasAny(senses[k], {"enclosure"});
  }
  // A noun named as the scene whose first definition calls it an area, though WordNet files it
  // under a thing ("Backstage: ...": "a stage area out of sight of the audience", a kind of
  // stage), is that area: inside unless the definition says out of doors.
  if (query.any_structure && !senses.empty()) {
    const std::string gloss = wordnet.Gloss(noun);
    const std::string definition = gloss.substr(0, gloss.find(';'));
    if ((" " + definition + " ").find(" area ") != std::string::npos) {
      for (const char* out : {"outdoor", "outside", "open air", "open-air", "unroofed"}) {
        if (definition.find(out) != std::string::npos) return false;
      }
      return true;
    }
  }
  // A natural object whose first definition calls it an enclosure ("cave": "a geological
  // formation consisting of an underground enclosure ...", "grotto": "a small cave") is a place
  // one is inside of when the text names it as the scene or puts things in it.
  if (!senses.empty() && !lexfiles.empty() && lexfiles[0] == "noun.object") {
    const std::string gloss = wordnet.Gloss(noun);
    const std::string definition = gloss.substr(0, gloss.find(';'));
    if ((" " + definition + " ").find(" enclosure ") != std::string::npos ||
        HasAny(senses[0], {"cave"})) {
      return true;
    }
  }
  // A compound WordNet knows only as a thing whose head names a room or an establishment by one
  // of its two most frequent senses ("a snack bar with a counter, six stools ...": a counter by
  // WordNet, a barroom by its head) is that place when what the text puts in it covers more
  // floor than the thing would.
  const size_t space = category.rfind(' ');
  if (noun == category && space != std::string::npos && thing_before) {
    const double own_m2 = TypicalFootprint(category);
    if (own_m2 > 0.0 && query.contents_m2 > 1.5 * own_m2) {
      SceneSenseQuery strong = query;
      strong.strong_only = true;
      strong.any_structure = false;
      const std::vector<std::vector<std::string>> head =
          wordnet.SenseAncestors(category.substr(space + 1));
      for (size_t k = 0; k < head.size() && k < 2; ++k) {
        if (ClassOf(head[k], strong) == SenseClass::kInside) return true;
      }
    }
  }
  return std::nullopt;
}

bool BelongsOutdoors(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return false;
  const std::string noun = KnownHead(category);
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 1);
  if (!lexfiles.empty() && lexfiles[0] == "noun.plant") return true;
  if (HasAny(wordnet.SenseHypernyms(noun, 0, 10), {"vehicle", "outbuilding", "fence"})) return true;
  const std::string gloss = wordnet.Gloss(noun);
  for (const char* out : {"outdoor", "outside", "open air", "open-air", "out of doors", "garden"}) {
    if (gloss.find(out) != std::string::npos) return true;
  }
  return false;
}

bool IsGroundCover(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return false;
  const std::string noun = KnownHead(category);
  const std::vector<std::string> lexfiles = wordnet.LexFiles(noun, 1);
  if (lexfiles.empty()) return false;
  // A made thing by its two most frequent senses is a thing ("mat", "rug").
  if (HasMadeThingSense(noun) && wordnet.LexFiles(noun, 2).size() > 0) {
    for (const std::string& f : wordnet.LexFiles(noun, 2)) {
      if (f == "noun.artifact") return false;
    }
  }
  if (lexfiles[0] == "noun.substance") return true;
  if (lexfiles[0] != "noun.plant") return false;
  const std::vector<std::string> up = wordnet.SenseHypernyms(noun, 0, 10);
  return !HasAny(up, {"woody plant", "vine", "flower", "fungus"}) &&
         HasAny(up, {"herb", "moss", "vegetation", "bryophyte"});
}

bool IsLevelGround(const std::string& category) {
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return false;
  const std::vector<std::string> up = wordnet.SenseHypernyms(KnownHead(category), 0, 10);
  return HasAny(up, {"path", "road", "paved surface", "floor", "playing field"});
}

}  // namespace scenecraft
