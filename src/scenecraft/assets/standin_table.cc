// The stand-in table: WordNet hypernyms, the shape things below them take and their typical size.
// Keys are words of WordNet noun synsets high enough up to cover many nouns ("chest", "vessel",
// "wheeled vehicle", "stringed instrument", "spiritual being"), never the nouns of particular
// prompts. Sizes are typical real-world extents (width x depth x height, metres) of the members
// of the class, from common furniture and product dimensions; a description's size words and a
// text's own numbers change them. Shapes are stand-in recipes (procedural_standins.cc) or
// catalog categories (procedural_catalog.cc).
#include "scenecraft/assets/standin.h"

namespace scenecraft {

const std::vector<StandInKind>& StandInKinds() {
  using S = Support;
  static const std::vector<StandInKind> kinds = {
      // --- Containers and storage ----------------------------------------------------------
      {"chest", "", "chest", {0.9, 0.45, 0.5}, S::kFloor, true},
      {"box", "container", "box", {0.4, 0.3, 0.3}, S::kFloor, false},
      {"bag", "container", "bag", {0.4, 0.25, 0.45}, S::kFloor, false},
      {"basket", "container", "vessel", {0.4, 0.3, 0.3}, S::kFloor, false},
      {"bundle", "container", "box", {1.0, 0.5, 0.45}, S::kFloor, false},
      {"package", "container", "box", {0.4, 0.3, 0.25}, S::kFloor, false},
      {"vessel", "container", "vessel", {0.3, 0.3, 0.35}, S::kFloor, false},
      {"cooking utensil", "", "vessel", {0.3, 0.3, 0.22}, S::kSurface, false},
      {"kitchen utensil", "", "vessel", {0.2, 0.2, 0.15}, S::kSurface, false},
      {"tableware", "", "bowl", {0.22, 0.22, 0.1}, S::kSurface, false},
      // A drinking glass (tumbler, goblet, beer mug); "within" keeps glass the material out.
      {"glass", "container", "vase", {0.08, 0.08, 0.12}, S::kSurface, false},
      {"receptacle", "", "vessel", {0.3, 0.3, 0.3}, S::kFloor, false},
      {"vivarium", "", "tank", {0.8, 0.35, 0.5}, S::kSurface, true},
      {"cage", "enclosure", "cage", {0.5, 0.35, 0.4}, S::kSurface, true},
      {"enclosure", "structure", "cage", {1.2, 0.9, 1.0}, S::kFloor, true},
      {"container", "", "box", {0.45, 0.35, 0.35}, S::kFloor, false},
      // --- Figures, beings and animals -----------------------------------------------------
      {"figure", "representation", "figurine", {0.15, 0.15, 0.3}, S::kSurface, true},
      // A dummy is "a figure representing the human form" (mannequins, scarecrows): life size.
      {"dummy", "figure", "figurine", {0.5, 0.3, 1.75}, S::kFloor, true},
      {"sculpture", "", "figurine", {0.6, 0.6, 1.8}, S::kFloor, true},
      {"effigy", "", "figurine", {0.6, 0.3, 1.7}, S::kFloor, true},
      {"spiritual being", "", "figurine", {0.25, 0.25, 0.45}, S::kFloor, true},
      {"imaginary being", "", "figurine", {0.3, 0.3, 0.6}, S::kFloor, true},
      {"plaything", "", "figurine", {0.3, 0.2, 0.25}, S::kFloor, true},
      {"person", "organism", "figurine", {0.5, 0.3, 1.75}, S::kFloor, true},
      {"bird", "animal", "figurine", {0.15, 0.25, 0.25}, S::kSurface, true},
      {"fish", "animal", "bag", {0.08, 0.3, 0.12}, S::kSurface, true},
      {"rodent", "", "cat", {0.08, 0.15, 0.08}, S::kFloor, true},
      {"reptile", "", "cat", {0.2, 0.6, 0.15}, S::kFloor, true},
      {"insect", "", "bag", {0.03, 0.05, 0.02}, S::kSurface, false},
      // Classes of larger and smaller animals than a dog, by their typical adult size (width x
      // body length x height at the head): cattle, bison, yaks; sheep, goats, antelopes; deer and
      // other ruminants; pigs and boars; horses, donkeys, zebras; camels, llamas and other hoofed
      // animals; lions, tigers; elephants; rabbits, hares; fowl (chickens, turkeys, pheasants)
      // and waterfowl (ducks, geese) on the ground. The nearest class on the chain wins.
      {"bovine", "", "dog", {0.7, 2.4, 1.5}, S::kFloor, true},
      {"bovid", "", "dog", {0.4, 1.3, 0.9}, S::kFloor, true},
      {"ruminant", "", "dog", {0.5, 1.8, 1.3}, S::kFloor, true},
      {"swine", "", "dog", {0.45, 1.3, 0.8}, S::kFloor, true},
      {"equine", "", "dog", {0.6, 2.2, 1.6}, S::kFloor, true},
      {"ungulate", "", "dog", {0.6, 2.0, 1.5}, S::kFloor, true},
      {"big cat", "", "cat", {0.5, 1.9, 1.0}, S::kFloor, true},
      {"proboscidean", "", "dog", {2.0, 5.0, 3.0}, S::kFloor, true},
      {"lagomorph", "", "cat", {0.15, 0.4, 0.25}, S::kFloor, true},
      {"gallinaceous bird", "", "figurine", {0.25, 0.45, 0.45}, S::kFloor, true},
      {"waterfowl", "", "figurine", {0.3, 0.55, 0.45}, S::kFloor, true},
      {"animal", "organism", "dog", {0.35, 0.8, 0.6}, S::kFloor, true},
      // --- Boards, panels and signs --------------------------------------------------------
      {"board", "artifact", "board", {0.5, 0.07, 1.6}, S::kFloor, true},
      {"sheet", "artifact", "board", {0.6, 0.05, 1.0}, S::kFloor, true},
      {"sign", "artifact", "sign", {0.6, 0.08, 1.8}, S::kFloor, true},
      {"signboard", "", "sign", {0.6, 0.08, 1.8}, S::kFloor, true},
      // --- Long things ---------------------------------------------------------------------
      {"sports implement", "", "pole", {0.05, 0.05, 1.45}, S::kFloor, false},
      {"hand tool", "", "pole", {0.04, 0.04, 0.35}, S::kSurface, false},
      {"tripod", "", "pole", {0.6, 0.6, 1.5}, S::kFloor, false},
      {"stick", "artifact", "pole", {0.03, 0.03, 1.0}, S::kFloor, false},
      {"rod", "artifact", "pole", {0.03, 0.03, 1.2}, S::kFloor, false},
      {"pole", "artifact", "pole", {0.06, 0.06, 2.0}, S::kFloor, false},
      {"post", "artifact", "pole", {0.12, 0.12, 1.2}, S::kFloor, false},
      {"weapon", "", "pole", {0.05, 0.05, 1.0}, S::kFloor, false},
      {"implement", "", "pole", {0.05, 0.05, 1.2}, S::kFloor, false},
      // --- Machines and devices ------------------------------------------------------------
      {"home appliance", "", "appliance", {0.6, 0.6, 0.85}, S::kFloor, true},
      {"printer", "machine", "appliance", {0.45, 0.4, 0.25}, S::kSurface, true},
      {"textile machine", "", "appliance", {1.0, 0.6, 1.1}, S::kFloor, true},
      {"exercise device", "", "appliance", {0.8, 1.8, 1.3}, S::kFloor, true},
      {"furnace", "", "appliance", {1.0, 0.8, 1.5}, S::kFloor, true},
      {"electronic equipment", "", "appliance", {0.45, 0.35, 0.2}, S::kSurface, true},
      {"scientific instrument", "", "appliance", {0.3, 0.3, 0.45}, S::kSurface, true},
      {"appliance", "", "appliance", {0.5, 0.45, 0.6}, S::kFloor, true},
      {"machine", "device", "appliance", {0.8, 0.7, 1.2}, S::kFloor, true},
      {"mechanism", "", "appliance", {0.5, 0.4, 0.6}, S::kFloor, true},
      {"equipment", "", "appliance", {0.6, 0.5, 0.9}, S::kFloor, true},
      {"device", "", "appliance", {0.3, 0.25, 0.3}, S::kSurface, true},
      // --- Musical instruments -------------------------------------------------------------
      {"keyboard instrument", "", "piano", {1.5, 0.6, 1.25}, S::kFloor, true},
      {"bowed stringed instrument", "", "instrument", {0.3, 0.12, 0.75}, S::kFloor, true},
      {"stringed instrument", "", "instrument", {0.4, 0.12, 1.0}, S::kFloor, true},
      {"percussion instrument", "", "vessel", {0.5, 0.5, 0.5}, S::kFloor, false},
      {"wind instrument", "", "pole", {0.08, 0.08, 0.6}, S::kSurface, false},
      {"musical instrument", "", "instrument", {0.4, 0.15, 1.0}, S::kFloor, true},
      // --- Vehicles and boats --------------------------------------------------------------
      {"public transport", "", "cart", {3.0, 15.0, 3.8}, S::kFloor, true},
      {"self-propelled vehicle", "", "car", {1.8, 4.4, 1.45}, S::kFloor, true},
      {"wheeled vehicle", "", "cart", {0.6, 1.0, 0.9}, S::kFloor, true},
      {"small boat", "", "bag", {0.8, 4.5, 0.5}, S::kFloor, true},
      {"boat", "", "bag", {1.8, 6.0, 1.2}, S::kFloor, true},
      {"vessel", "craft", "bag", {4.0, 15.0, 4.0}, S::kFloor, true},
      // Balloons and airships: large, and too tall for a room (the toy balloon is another sense).
      {"lighter-than-air craft", "", "ball", {12.0, 12.0, 15.0}, S::kFloor, false},
      // Vehicles of no nearer row: sleds, sleighs, sledges (low runners on the ground). Before,
      // the catalog car's synonym "vehicle" made them 4.4 m cars.
      {"vehicle", "", "bag", {0.6, 1.3, 0.4}, S::kFloor, true},
      // --- Furnishings, clothing, decoration -----------------------------------------------
      {"floor cover", "", "rug", {2.0, 1.4, 0.02}, S::kFloor, false},
      // Shelters are coverings too (a birdhouse, a doghouse, an awning, a bus shelter): a small
      // hut.
      {"shelter", "protective covering", "house", {1.0, 1.0, 1.0}, S::kFloor, true},
      // Lids, mats, covers and other coverings of things (floor covers above are larger).
      {"covering", "artifact", "rug", {0.4, 0.4, 0.03}, S::kSurface, false},
      {"timepiece", "", "clock", {0.3, 0.1, 0.3}, S::kWall, true},
      {"source of illumination", "", "lamp", {0.3, 0.3, 0.5}, S::kSurface, false},
      {"furniture", "", "cabinet", {1.0, 0.45, 0.9}, S::kFloor, true},
      {"garment", "", "garment", {0.55, 0.08, 0.9}, S::kWall, true},
      {"clothing", "", "garment", {0.55, 0.08, 0.9}, S::kWall, true},
      {"footwear", "", "bag", {0.1, 0.28, 0.12}, S::kFloor, true},
      {"headdress", "", "vessel", {0.25, 0.25, 0.15}, S::kSurface, false},
      {"ornament", "", "vase", {0.2, 0.2, 0.3}, S::kSurface, false},
      {"decoration", "", "vase", {0.2, 0.2, 0.3}, S::kSurface, false},
      // Books, magazines, newspapers, journals: "publication" (and the printed product).
      {"publication", "", "book", {0.21, 0.28, 0.015}, S::kSurface, false},
      // Newspapers, gazettes, tabloids: WordNet files them under the press ("print media"), a
      // medium, not under publication. A folded paper.
      {"print media", "", "book", {0.3, 0.4, 0.01}, S::kSurface, false},
      // Notes, letters, postcards, certificates, scrolls: WordNet files them as written
      // communication or written records, no physical thing. A sheet of paper.
      {"written communication", "", "book", {0.15, 0.21, 0.01}, S::kSurface, false},
      {"written record", "", "book", {0.15, 0.21, 0.01}, S::kSurface, false},
      {"ball", "artifact", "ball", {0.22, 0.22, 0.22}, S::kFloor, false},
      {"block", "artifact", "box", {0.3, 0.2, 0.25}, S::kFloor, false},
      // --- Food: fruit and vegetables round, baked goods and dishes low and round ----------
      // Melons (cantaloupe, honeydew, watermelon) are larger than a hand-sized fruit.
      {"melon", "", "ball", {0.25, 0.22, 0.22}, S::kSurface, false},
      {"edible fruit", "", "ball", {0.1, 0.1, 0.1}, S::kSurface, false},
      {"vegetable", "", "ball", {0.15, 0.15, 0.15}, S::kSurface, false},
      {"baked goods", "", "vessel", {0.25, 0.25, 0.12}, S::kSurface, false},
      {"dish", "nutriment", "vessel", {0.28, 0.28, 0.05}, S::kSurface, false},
      {"food", "", "vessel", {0.15, 0.15, 0.1}, S::kSurface, false},
      // --- Plants and buildings ------------------------------------------------------------
      {"woody plant", "", "tree", {3.0, 3.0, 5.0}, S::kFloor, false},
      {"herb", "plant", "plant", {0.3, 0.3, 0.4}, S::kSurface, false},
      {"vascular plant", "", "plant", {0.5, 0.5, 1.0}, S::kFloor, false},
      {"outbuilding", "", "house", {2.5, 2.5, 2.2}, S::kFloor, true},
      {"farm building", "", "house", {3.0, 2.5, 2.4}, S::kFloor, true},
      {"building", "structure", "house", {8.0, 7.0, 6.0}, S::kFloor, true},
      {"rack", "artifact", "bookshelf", {0.8, 0.35, 1.2}, S::kFloor, true},
      // Gates, turnstiles, tollgates (movable barriers, a way through wide), barricades, railings
      // (barriers): a fence panel standing on the ground. Before, a gate was the logic gate's
      // device and a barricade a placeholder.
      {"movable barrier", "", "fence", {1.2, 0.08, 1.2}, S::kFloor, true},
      {"barrier", "structure", "fence", {2.0, 0.1, 1.0}, S::kFloor, true},
      // A plinth, a pedestal, a footstall: the block a thing stands on ("support" as a structure;
      // a stand or a bracket is a support that is a device).
      {"support", "supporting structure", "box", {0.6, 0.6, 0.9}, S::kFloor, false},
      // --- Grounds, ways and level surfaces: flat on the ground ---------------------------
      // Paths, lanes, walkways, tracks, crossings: a strip; roads a wider one. Not every "way":
      // WordNet files pipes, shafts and halls below it as passages.
      {"path", "artifact", "rug", {1.5, 8.0, 0.02}, S::kFloor, false},
      {"road", "artifact", "rug", {4.0, 15.0, 0.02}, S::kFloor, false},
      // Floors, paving, decks: a plate.
      {"horizontal surface", "", "rug", {3.0, 3.0, 0.02}, S::kFloor, false},
      // Courts, pistes, pitches (WordNet files them as tracts of land, no artifact).
      {"playing field", "", "rug", {6.0, 14.0, 0.02}, S::kFloor, false},
      // Planks, boards, battens.
      {"lumber", "", "box", {0.2, 2.4, 0.04}, S::kFloor, false},
      // --- Pictures and scenery ------------------------------------------------------------
      // Backdrops, backcloths, flats of a stage set: a large standing panel.
      {"scenery", "", "board", {3.5, 0.1, 2.6}, S::kFloor, true},
      // Maps, charts (nautical charts are maps; a star or bar chart is visual communication).
      {"map", "representation", "board", {0.9, 0.03, 0.6}, S::kWall, true},
      {"visual communication", "", "board", {0.6, 0.03, 0.8}, S::kWall, true},
      // Globes and other made spheres; like a ball, on the floor unless the text puts them on
      // something.
      {"sphere", "artifact", "ball", {0.4, 0.4, 0.4}, S::kFloor, false},
  };
  return kinds;
}

}  // namespace scenecraft
