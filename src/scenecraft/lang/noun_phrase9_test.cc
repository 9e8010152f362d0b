// Stage tests for issue 12's noun phrases (ninth round): which noun phrases are objects, what a
// group or a quantity names, which senses the text selects. Every sentence here was written,
// with its expectation, before the planner first ran on it, in wordings unlike any corpus prompt.
#include <gtest/gtest.h>

#include <string>

#include "scenecraft/lang/plan_test_queries.h"
#include "scenecraft/lang/planner.h"

namespace scenecraft {
namespace {

using plan_test::CountOf;
using plan_test::Has;
using plan_test::Indoors;
using plan_test::Outdoors;
using plan_test::Relates;
using plan_test::Show;

bool HasDoor(const PlanResult& plan) {
  for (const Opening& opening : plan.graph.environment.openings) {
    if (opening.kind == "door") return true;
  }
  return false;
}

// Indefinite pronouns ("everything", "someone") are closed-class words, never things.
TEST(NounPhrase9, IndefinitePronounsAreNoThings) {
  OfflinePlanner planner;
  const PlanResult lamp = planner.Plan("A paper lamp lighting everything.");
  EXPECT_EQ(lamp.graph.objects.size(), 1u) << Show(lamp);
  EXPECT_EQ(CountOf(lamp, "lamp") + CountOf(lamp, "paper lamp"), 1) << Show(lamp);
  const PlanResult fan = planner.Plan("A ceiling fan cooling everyone below it.");
  EXPECT_EQ(CountOf(fan, "ceiling fan"), 1) << Show(fan);
  EXPECT_EQ(CountOf(fan, "everyone"), 0) << Show(fan);
}

// A material before an -s word that is rather a noun is its modifier: the -s word is the plural
// head, not the material's verb.
TEST(NounPhrase9, AMaterialBeforeAPluralIsItsModifier) {
  OfflinePlanner planner;
  const PlanResult bells = planner.Plan("Brass bells above the shop counter.");
  EXPECT_GE(CountOf(bells, "bell"), 2) << Show(bells);
  EXPECT_EQ(CountOf(bells, "brass"), 0) << Show(bells);
  const PlanResult pans = planner.Plan("Copper pans over the range.");
  EXPECT_GE(CountOf(pans, "pan"), 2) << Show(pans);
  EXPECT_EQ(CountOf(pans, "copper"), 0) << Show(pans);
}

// A quantity noun keeps its meaning after an adjective ("a tidy pile of towels"): the things are
// the objects, in its arrangement.
TEST(NounPhrase9, AnAdjectiveBeforeAQuantityNoun) {
  OfflinePlanner planner;
  // (After a list member: "the X and a small stack of Y".)
  const PlanResult towels =
      planner.Plan("A laundry hamper by the sink and a tidy pile of towels beside the bathtub.");
  EXPECT_EQ(CountOf(towels, "pile"), 0) << Show(towels);
  EXPECT_GE(CountOf(towels, "towel"), 2) << Show(towels);
  EXPECT_TRUE(Relates(towels, "towel_1", "bathtub_1")) << Show(towels);
  const PlanResult lockers = planner.Plan("A bench and a long row of lockers.");
  EXPECT_EQ(CountOf(lockers, "row"), 0) << Show(lockers);
  EXPECT_GE(CountOf(lockers, "locker"), 2) << Show(lockers);
  EXPECT_TRUE(Has(lockers, "row(locker_1, locker_2, locker_3, locker_4)")) << Show(lockers);
}

// A compound whose head is a quantity noun of arrangement ("a brick pile") names the things of
// its first part in that arrangement.
TEST(NounPhrase9, ACompoundOnAQuantityNounNamesItsThings) {
  OfflinePlanner planner;
  const PlanResult bricks = planner.Plan("A brick pile next to the wheelbarrow.");
  EXPECT_EQ(CountOf(bricks, "brick pile"), 0) << Show(bricks);
  EXPECT_GE(CountOf(bricks, "brick"), 2) << Show(bricks);
  EXPECT_TRUE(Relates(bricks, "brick_1", "wheelbarrow_1")) << Show(bricks);
  const PlanResult crates = planner.Plan("Put a crate stack in the corner of the yard.");
  EXPECT_GE(CountOf(crates, "crate"), 2) << Show(crates);
  EXPECT_EQ(CountOf(crates, "crate stack"), 0) << Show(crates);
}

// A noun WordNet files as a collection or a series of things ("string", "herd", "bank") before
// "of" and a plural is a quantity: the things are the objects.
TEST(NounPhrase9, AGroupNounBeforeOfNamesItsMembers) {
  OfflinePlanner planner;
  const PlanResult bells = planner.Plan("A string of bells hangs over the porch swing.");
  EXPECT_EQ(CountOf(bells, "string"), 0) << Show(bells);
  EXPECT_GE(CountOf(bells, "bell"), 2) << Show(bells);
  const PlanResult goats = planner.Plan("A herd of goats beside the hay barn.");
  EXPECT_EQ(CountOf(goats, "herd"), 0) << Show(goats);
  EXPECT_GE(CountOf(goats, "goat"), 2) << Show(goats);
  const PlanResult monitors = planner.Plan("A bank of monitors on the security desk.");
  EXPECT_EQ(CountOf(monitors, "bank"), 0) << Show(monitors);
  EXPECT_GE(CountOf(monitors, "monitor"), 2) << Show(monitors);
}

// A noun whose first senses are no things but another is a made thing is that thing when the
// text counts it ("two rackets": first a noise).
TEST(NounPhrase9, ACountedNounIsItsMadeThingSense) {
  OfflinePlanner planner;
  const PlanResult rackets = planner.Plan("Two rackets and a shuttlecock beside the net.");
  EXPECT_EQ(CountOf(rackets, "racket"), 2) << Show(rackets);
  const PlanResult records = planner.Plan("A gramophone and three records.");
  EXPECT_EQ(CountOf(records, "record"), 3) << Show(records);
}

// Words typed in capitals before a noun, closed-class words too, are its name ("a NO PARKING
// sign"), not a phrase of their own.
TEST(NounPhrase9, WordsInCapitalsNameTheThing) {
  OfflinePlanner planner;
  const PlanResult sign = planner.Plan("a NO PARKING sign next to the garage gate");
  EXPECT_EQ(CountOf(sign, "no parking sign"), 1) << Show(sign);
  EXPECT_EQ(CountOf(sign, "parking sign"), 0) << Show(sign);
  const PlanResult light = planner.Plan("an IN USE light above the darkroom door");
  EXPECT_EQ(CountOf(light, "in use light"), 1) << Show(light);
}

// "X serve(s) as Y", "act as", "double as": Y says what X is used for; no new thing.
TEST(NounPhrase9, WhatAThingServesAsIsNoNewThing) {
  OfflinePlanner planner;
  const PlanResult barrels = planner.Plan("Two barrels serve as tables next to the food truck.");
  EXPECT_EQ(CountOf(barrels, "barrel"), 2) << Show(barrels);
  EXPECT_EQ(CountOf(barrels, "table"), 0) << Show(barrels);
  const PlanResult crate = planner.Plan("An upturned crate acts as a stool by the easel.");
  EXPECT_EQ(CountOf(crate, "crate"), 1) << Show(crate);
  EXPECT_EQ(CountOf(crate, "stool"), 0) << Show(crate);
}

// What a holder is full of, counted in the plural, is things, whatever WordNet files the noun
// under ("card games" are acts).
TEST(NounPhrase9, PluralContentsOfAHolderAreThings) {
  OfflinePlanner planner;
  const PlanResult games = planner.Plan("A crate full of card games beside the couch.");
  EXPECT_GE(CountOf(games, "card game"), 2) << Show(games);
  EXPECT_EQ(CountOf(games, "crate"), 1) << Show(games);
}

// A door of a fixture or of furniture the catalog builds is no door of the room.
TEST(NounPhrase9, ADoorOfAFixtureIsNoOpening) {
  OfflinePlanner planner;
  const PlanResult robe = planner.Plan("A bathrobe hanging on the shower door.");
  EXPECT_FALSE(HasDoor(robe)) << Show(robe);
  EXPECT_EQ(CountOf(robe, "shower"), 1) << Show(robe);
  EXPECT_TRUE(Relates(robe, "bathrobe_1", "shower_1")) << Show(robe);
  const PlanResult calendar = planner.Plan("A calendar taped to the cupboard door.");
  EXPECT_FALSE(HasDoor(calendar)) << Show(calendar);
  EXPECT_EQ(CountOf(calendar, "cupboard"), 1) << Show(calendar);
  // The room's own doors stay openings.
  const PlanResult pantry = planner.Plan("A broom beside the pantry door.");
  EXPECT_TRUE(HasDoor(pantry)) << Show(pantry);
}

// Edges and borders (WordNet: a boundary or an extremity) are places on their owner, and a
// strip along a road is a place: neither is a thing, nor sets an outdoor scene.
TEST(NounPhrase9, EdgesAndBordersAreNoThings) {
  OfflinePlanner planner;
  const PlanResult lamp = planner.Plan("A drafting table with a lamp clamped to its edge.");
  EXPECT_TRUE(Indoors(lamp)) << Show(lamp);
  EXPECT_EQ(CountOf(lamp, "edge"), 0) << Show(lamp);
  EXPECT_TRUE(Relates(lamp, "lamp_1", "drafting_table_1")) << Show(lamp);
  const PlanResult cart = planner.Plan("A fruit cart at the roadside under a parasol.");
  EXPECT_EQ(CountOf(cart, "roadside"), 0) << Show(cart);
  EXPECT_TRUE(Outdoors(cart)) << Show(cart);
  EXPECT_EQ(CountOf(cart, "fruit cart"), 1) << Show(cart);
}

// A game WordNet writes with a hyphen ("ping-pong", "tic-tac-toe") typed as separate words
// names the kind of its head.
TEST(NounPhrase9, AHyphenatedGameNamesItsEquipment) {
  OfflinePlanner planner;
  const PlanResult paddle = planner.Plan("A ping pong paddle on the windowsill.");
  EXPECT_EQ(CountOf(paddle, "ping pong paddle") + CountOf(paddle, "ping-pong paddle"), 1)
      << Show(paddle);
  const PlanResult board = planner.Plan("A tic tac toe board on the picnic blanket.");
  EXPECT_EQ(CountOf(board, "tic tac toe board") + CountOf(board, "tic-tac-toe board"), 1)
      << Show(board);
}

// A written thing (WordNet's written records, letters, manuscripts) the text places is a sheet
// or a roll of paper.
TEST(NounPhrase9, WrittenThingsThatArePlacedAreThings) {
  OfflinePlanner planner;
  const PlanResult note = planner.Plan("A handwritten note on the pillow.");
  EXPECT_EQ(CountOf(note, "note"), 1) << Show(note);
  EXPECT_TRUE(Relates(note, "note_1", "pillow_1")) << Show(note);
  const PlanResult scroll = planner.Plan("An old scroll lies on the lectern.");
  EXPECT_EQ(CountOf(scroll, "scroll"), 1) << Show(scroll);
}

// A compound WordNet knows only as a thing ("snack bar": a counter) whose head names a room by
// another sense is the setting when what the text puts in it is far larger than the thing.
TEST(NounPhrase9, AThingCompoundHoldingARoomfulIsTheRoom) {
  OfflinePlanner planner;
  const PlanResult bar =
      planner.Plan("A snack bar with a long counter, six stools, a fridge and two tables.");
  EXPECT_EQ(CountOf(bar, "snack bar"), 0) << Show(bar);
  EXPECT_EQ(CountOf(bar, "stool"), 6) << Show(bar);
  EXPECT_TRUE(Indoors(bar)) << Show(bar);
  // A thing with a few small things on it stays the thing.
  const PlanResult counter = planner.Plan("A snack bar with a napkin holder.");
  EXPECT_EQ(CountOf(counter, "snack bar"), 1) << Show(counter);
}

// A stuff that is also a body of water by a frequent sense, which the text only places things
// by, is the natural feature: the outdoor place, not a thing.
TEST(NounPhrase9, WaterThingsFaceIsTheOutdoorPlace) {
  OfflinePlanner planner;
  const PlanResult bench = planner.Plan("A wooden bench and a lamp post facing the water.");
  EXPECT_EQ(CountOf(bench, "water"), 0) << Show(bench);
  EXPECT_TRUE(Outdoors(bench)) << Show(bench);
  EXPECT_EQ(CountOf(bench, "bench"), 1) << Show(bench);
  // Water in a container stays what the container holds.
  const PlanResult jug = planner.Plan("A jug of water on the table.");
  EXPECT_TRUE(Indoors(jug)) << Show(jug);
}

}  // namespace
}  // namespace scenecraft
