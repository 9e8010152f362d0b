// The parts of the relation tests (relations.h) that the families share: the result and its
// score, small geometry and the walls. Internal to the layout module: relations.cc dispatches,
// relation_pairs.cc holds the tests of one object against another, relation_groups.cc those of
// a group, relation_rooms.cc those against the room, scene_tests.cc the whole-scene tests.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scenecraft/core/room.h"
#include "scenecraft/layout/relations.h"

namespace scenecraft::relation_tests {

using E = RelationEvaluation;
using Wall = WallSegment;

std::string F(double v);
// Whether failing tests word their reason (EvaluateRelation sets it from EvalContext::words for
// the time of one evaluation).
bool& WordsWanted();

// A pass/fail result with a violation; the score decays with the violation over `scale`.
// `reason` is a callable that words the failure; it runs only when the test fails and words are
// wanted, so the solver's many evaluations build no strings.
template <typename Reason>
E Result(bool pass, double violation, double scale, Reason&& reason) {
  E e;
  e.pass = pass;
  e.violation = pass ? 0.0 : std::max(violation, 1e-6);
  e.score = pass ? 1.0 : 0.9 * std::exp(-e.violation / scale);
  if (!pass && WordsWanted()) e.reason = std::string(reason());
  return e;
}

E All(const std::vector<E>& parts);
// Distance from a point to a rectangle (0 inside).
double OutsideDistance(const Rect2& r, const Vec2& p);
double AngleBetween(const Vec2& a, const Vec2& b);
// Yaw difference in [0, period/2] modulo `period`.
double YawDiff(double a, double b, double period);
std::vector<Wall> Walls(const Environment& env);
// Distance from the body's footprint side facing a wall to that wall's line (>= 0 inside): the
// least of its corners' distances.
double DistanceToWall(const Body& b, const Wall& wall);
// How far the body's centre lies beyond the ends of the wall, along it (0 alongside it): a
// wall of an L-shaped room does not reach past its corner.
double BeyondWall(const Body& b, const Wall& wall);
// Fails unless the context has a room with walls.
E NeedRoom(const EvalContext& c, const std::string& what);

// One object against another (relation_pairs.cc).
E On(const Body& a, const Body& b);
E Facing(const Body& a, const Vec2& toward, const std::string& what, double limit_deg);
// near (RELATIONS.md); `distance_m` replaces the largest gap that passes, `side` (front, back,
// left, right) also asks for A's centre on that side of B (docs/RELATIONS_EXTRA.md).
E Near(const Body& a, const Body& b, std::optional<double> distance_m,
       const std::optional<std::string>& side = std::nullopt);
E LeftOf(const Body& a, const Body& b);
// in_front_of / behind (RELATIONS.md); `distance_m` also bounds the gap between them.
E InFrontOf(const Body& a, const Body& b, bool behind,
            std::optional<double> distance_m = std::nullopt);
E AtEnd(const Body& a, const Body& b, const std::string& end);
E AlongSide(const Body& a, const Body& b, const std::string& side);
E Inside(const Body& a, const Body& b);
// under (A, window) (docs/RELATIONS_EXTRA.md): A's footprint within 0.10 m of the window's box
// (against its wall), A's centre along the wall within the window's width grown by 10 %, and
// A's top no higher than the sill.
E UnderWindow(const Body& a, const Body& window);

// Groups (relation_groups.cc).
E Row(const std::vector<const Body*>& bodies);
E Grid(const std::vector<const Body*>& bodies);
E Around(const std::vector<const Body*>& members, const Body& centre, double distance_m = 1.0);
E Circle(const std::vector<const Body*>& bodies);
E Symmetric(const Body& a1, const Body& a2, const Body& b);
E Cluster(const std::vector<const Body*>& bodies);
double Volume(const Body& b);
double Spearman(const std::vector<double>& a, const std::vector<double>& b);

// Against the room (relation_rooms.cc); nullopt for a relation type that is not one of them.
std::optional<E> EvaluateRoomRelation(const Relation& r, const Body& a, const EvalContext& c);

}  // namespace scenecraft::relation_tests
