#include "scenecraft/assets/standin.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "scenecraft/assets/procedural.h"
#include "scenecraft/assets/resolve.h"

namespace scenecraft {
namespace {

// A hypernym lookup over a small made-up taxonomy (the seam WordNet fills in the agent).
HypernymLookup FakeTaxonomy(std::map<std::string, std::vector<std::string>> chains) {
  return [chains = std::move(chains)](std::string_view noun) {
    auto it = chains.find(std::string(noun));
    return it == chains.end() ? std::vector<std::string>{} : it->second;
  };
}

TEST(StandIn, EveryTableRowNamesABuildableShapeOfPlausibleSize) {
  std::set<std::string> rows;
  for (const StandInKind& k : StandInKinds()) {
    const std::string key = std::string(k.hypernym) + "/" + std::string(k.within);
    EXPECT_TRUE(rows.insert(key).second) << "duplicate row " << key;
    EXPECT_TRUE(IsStandInShape(k.shape) || FindProceduralCategory(k.shape) != nullptr)
        << k.hypernym << " -> " << k.shape;
    for (double v : {k.size_m.x, k.size_m.y, k.size_m.z}) {
      EXPECT_GT(v, 0.005) << k.hypernym;
      EXPECT_LT(v, 20.0) << k.hypernym;
    }
  }
}

TEST(StandIn, NearestHypernymWithARowDecides) {
  const HypernymLookup taxonomy = FakeTaxonomy({
      {"cedar chest", {"chest", "box", "container", "artifact"}},
      {"gnome", {"fairy", "spiritual being", "belief"}},
      {"cage", {"enclosure", "area", "structure", "artifact"}},
  });
  const std::optional<StandIn> chest = ChooseStandIn("cedar chest", "", taxonomy);
  ASSERT_TRUE(chest);
  EXPECT_EQ(chest->shape, "chest");
  EXPECT_EQ(chest->Label(), "stand-in (shape of chest)");
  // An unknown compound falls back to its head noun, and keeps the head's sense.
  const std::optional<StandIn> gnome = ChooseStandIn("garden gnome", "", taxonomy);
  ASSERT_TRUE(gnome);
  EXPECT_EQ(gnome->shape, "figurine");
  EXPECT_EQ(gnome->via, "spiritual being");
  EXPECT_LT(gnome->size_m.z, 1.0);
  const std::optional<StandIn> cage = ChooseStandIn("hamster cage", "", taxonomy);
  ASSERT_TRUE(cage);
  EXPECT_EQ(cage->shape, "cage");
  EXPECT_EQ(cage->via, "cage");
}

TEST(StandIn, WithinPicksTheSense) {
  // "vessel" on a ship's chain is a watercraft, on a jar's a container.
  const HypernymLookup taxonomy = FakeTaxonomy({
      {"jar", {"vessel", "container", "artifact"}},
      {"ferry", {"boat", "vessel", "watercraft", "craft", "vehicle"}},
      {"tanker", {"cargo ship", "ship", "vessel", "watercraft", "craft", "vehicle"}},
  });
  EXPECT_EQ(ChooseStandIn("jar", "", taxonomy)->shape, "vessel");
  EXPECT_LT(ChooseStandIn("jar", "", taxonomy)->size_m.z, 1.0);
  EXPECT_EQ(ChooseStandIn("ferry", "", taxonomy)->via, "boat");
  const std::optional<StandIn> tanker = ChooseStandIn("tanker", "", taxonomy);
  ASSERT_TRUE(tanker);
  EXPECT_EQ(tanker->via, "vessel");
  EXPECT_GT(tanker->size_m.y, 5.0);
}

TEST(StandIn, CatalogCategoriesOnTheChainCount) {
  const HypernymLookup taxonomy = FakeTaxonomy({{"chesterfield", {"sofa", "seat", "furniture"}}});
  const std::optional<StandIn> s = ChooseStandIn("chesterfield", "", taxonomy);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->shape, "sofa");
  EXPECT_NEAR(s->size_m.x, FindProceduralCategory("sofa")->size.x, 1e-9);
  EXPECT_NEAR(s->size_m.z, FindProceduralCategory("sofa")->size.z, 1e-9);
}

TEST(StandIn, SizeWordsAndMiniatureModifiersScaleThePrior) {
  const HypernymLookup taxonomy =
      FakeTaxonomy({{"train", {"public transport", "conveyance", "artifact"}}});
  const std::optional<StandIn> train = ChooseStandIn("train", "", taxonomy);
  const std::optional<StandIn> toy = ChooseStandIn("toy train", "", taxonomy);
  const std::optional<StandIn> big = ChooseStandIn("toy train", "large", taxonomy);
  ASSERT_TRUE(train && toy && big);
  EXPECT_GT(train->size_m.y, 10.0);
  EXPECT_LT(toy->size_m.y, 2.0);
  EXPECT_GT(big->size_m.y, toy->size_m.y);
}

TEST(StandIn, NothingOnTheChainGivesNone) {
  const HypernymLookup taxonomy = FakeTaxonomy({{"idea", {"content", "abstraction"}}});
  EXPECT_FALSE(ChooseStandIn("idea", "", taxonomy));
  EXPECT_FALSE(ChooseStandIn("", "", taxonomy));
  // Without any lookup only the words themselves match.
  EXPECT_FALSE(ChooseStandIn("flibbertigibbet", "", HypernymLookup{}));
  EXPECT_EQ(ChooseStandIn("old wooden chest", "", HypernymLookup{})->shape, "chest");
}

TEST(StandIn, AnAbstractSenseDoesNotBorrowACatalogHomonymsShape) {
  // A made-up noun with two senses: a firm (an abstraction whose chain shares the word "house"
  // with the catalog's house) and a thing no row covers. Neither gives a shape.
  const SenseLookup senses = [](std::string_view noun) {
    std::vector<std::vector<std::string>> out;
    if (noun == "gazetteer") {
      out.push_back({"firm", "house", "business", "organization", "group", "abstraction"});
      out.push_back({"product", "creation", "artifact", "physical entity"});
    }
    return out;
  };
  ASSERT_NE(FindProceduralCategory("house"), nullptr);
  EXPECT_FALSE(ChooseStandIn("gazetteer", "", senses));
  // The same chain as a physical thing does take the house's shape.
  const SenseLookup physical = [](std::string_view noun) {
    std::vector<std::vector<std::string>> out;
    if (noun == "gazetteer") out.push_back({"house", "building", "artifact", "physical entity"});
    return out;
  };
  const std::optional<StandIn> house = ChooseStandIn("gazetteer", "", physical);
  ASSERT_TRUE(house);
  EXPECT_EQ(house->via, "house");
}

TEST(StandIn, ResolveGivesAStandInAndNotTheGenericShape) {
  SceneGraph graph;
  Object o;
  o.id = "cedar_chest_1";
  o.category = "cedar chest";
  graph.objects.push_back(o);
  o.id = "idea_1";
  o.category = "idea";
  graph.objects.push_back(o);
  AssetOptions options;
  options.hypernyms = FakeTaxonomy({{"cedar chest", {"chest", "box", "container"}}});
  const std::vector<std::string> warnings = ResolveAssets(&graph, options);
  const Object& chest = graph.objects[0];
  EXPECT_EQ(chest.category, "cedar chest");  // never rewritten
  EXPECT_EQ(chest.asset.source, "procedural");
  EXPECT_EQ(chest.asset.id, "chest");
  EXPECT_EQ(chest.asset.name, "stand-in (shape of chest)");
  EXPECT_NEAR(chest.size.z, 0.5, 1e-9);
  const Model model = BuildProceduralModel(chest);
  EXPECT_FALSE(model.generic);
  EXPECT_NE(model.key.find("/chest"), std::string::npos) << model.key;
  // The abstraction keeps the labelled generic shape, with a warning.
  EXPECT_EQ(graph.objects[1].asset.id, "generic");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("idea"), std::string::npos);
}

}  // namespace
}  // namespace scenecraft
