// Stage 6 of the offline planner: what people take for granted, added to a built plan. Seats at a
// table face it; seating faces a television; beds, wardrobes and bookcases stand against a wall;
// a small thing with no support named rests on a table. Kinds are recognised through WordNet
// hypernyms (a "rocking chair" is a seat) against the knowledge tables of defaults.cc. Then
// (environment.cc) the environment (the setting the text names, else what its objects suggest)
// and the order of sub-scenes.
#pragma once

#include <optional>
#include <string>

#include "scenecraft/core/stages.h"
#include "scenecraft/lang/noun_kind.h"

namespace scenecraft {

// Whether a category is a kind of one of the knowledge table's classes ("seat", "table" ...).
bool IsKindOf(const std::string& category, const std::string& kind_class);

// Whether "a SUPPORT with a THING" puts the thing on the support's top: cushions and bedclothes
// (WordNet) on a seat or a bed; else the support is a work
// surface (a table, desk, counter or workbench by WordNet) and the thing is small and no furniture,
// seat or living thing (its catalog entry or WordNet stand-in stands on surfaces, or its expected
// size is that of a small device or container: "a counter with a cash register").
bool RestsOnTop(const std::string& thing, const std::string& description,
                const std::string& support);

// What "a HOST with a THING" makes of the thing: on the host (kSupport) when it rests on top
// (above), or the host is a support by WordNet; in it (kContainer) when the host is a container
// by WordNet and no furniture; either only when the thing is no furniture, seat or person (no
// living thing on a support) and fits (no more expected footprint than the host's). Else beside
// it (kNone): "a rack with tools", "a bucket with sponges", but "a table with chairs".
Holder CarriedBy(const std::string& thing, const std::string& description, const std::string& host);

void AddDefaults(PlanResult* plan);

// The size a thing will have: the one it has (the text's measurement), else the procedural
// catalog's, else its stand-in's size prior (WordNet hypernyms, with the text's size words). With
// `fits_m` (a room's height) the stand-in's sense that fits, as the asset stage chooses it (a
// balloon in a room is the toy, not the craft).
Vec3 ExpectedSize(const Object& o, const std::optional<Vec3>& fits_m = std::nullopt);
// What a thing of this category rests on: the procedural catalog's support, else its stand-in's
// (WordNet hypernyms), else the floor.
Support ExpectedSupport(const std::string& category);
// Whether the catalog entry or stand-in of this category rests on the floor and is deeper than a
// panel (10 cm): "a rack", "a wardrobe", not "a dartboard", nor a thing nothing is known of.
bool FloorStanding(const std::string& category);
// Whether a thing of this category stands on the floor by what is known of it: its catalog
// entry or stand-in rests on the floor and is deeper than a panel, and WordNet makes it a kind
// of furniture, appliance or machine that it does not define by a wall: "a bookcase on the left
// wall" is against it, "a dartboard" or "a cue rack on the left wall" on it.
bool StandsOnTheFloor(const std::string& category);

// Chooses the environment: the setting the text names (`setting`, `setting_kind`), else outdoors
// when most objects are things of the outdoors (trees, buildings, vehicles), else a room; sized
// for the objects.
void ChooseEnvironment(const std::string& setting, NounKind setting_kind, SceneGraph* graph);

// Orders the objects into sub-scenes: anchors, the groups around them, details on surfaces and
// walls; none holds more than 20 objects (the paper's limit for one sub-scene).
void Decompose(SceneGraph* graph);

}  // namespace scenecraft
