// Floor polygons: simple polygons in the floor plane (any number of corners, not only
// axis-aligned), the tests a room needs of them, and the shapes people name ("an L-shaped room,
// 6 by 5 metres, with a 2 by 2 metre notch").
#pragma once

#include <array>
#include <string>
#include <vector>

#include "scenecraft/core/geometry.h"

namespace scenecraft {

using Polygon2 = std::vector<Vec2>;

// Twice the signed area: positive when the corners run counter-clockwise.
double SignedArea2(const Polygon2& polygon);
double Area(const Polygon2& polygon);
// The corners counter-clockwise (reversed when they were clockwise).
Polygon2 CounterClockwise(Polygon2 polygon);
Rect2 BoundingRect(const Polygon2& polygon);
// The polygon moved by `offset`.
Polygon2 Translated(const Polygon2& polygon, const Vec2& offset);

// Why the polygon is not a simple polygon a room can have (fewer than 3 corners, repeated
// corners, an area under 1 m^2, edges that cross), or "" when it is.
std::string PolygonProblem(const Polygon2& polygon);

// Points on the boundary count as inside.
bool Contains(const Polygon2& polygon, const Vec2& p);
// Distance from p to the nearest edge.
double DistanceToBoundary(const Polygon2& polygon, const Vec2& p);
// Whether the segments ab and cd cross at a point inside both (touching ends do not count).
bool SegmentsCross(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& d);
// Whether the convex quadrilateral (corners in order), shrunk by `tolerance` toward its centre,
// lies inside the polygon.
bool QuadInside(const Polygon2& polygon, const std::array<Vec2, 4>& quad, double tolerance = 0.0);
// How far a convex quadrilateral reaches out of the polygon (0 when inside): the distances of its
// corners outside, plus how deep the polygon's corners poke into it (an L-room's inner corner).
double QuadOutsideDepth(const Polygon2& polygon, const std::array<Vec2, 4>& quad);
// Whether the rectangle, shrunk by `tolerance` on every side, lies inside the polygon.
bool RectInside(const Polygon2& polygon, const Rect2& rect, double tolerance = 0.0);
// How far a rectangle reaches out of the polygon (0 when inside): the distances of its corners
// outside, plus how deep the polygon's corners poke into it (an L-room's inner corner).
double RectOutsideDepth(const Polygon2& polygon, const Rect2& rect);

// Floor plans people name, centred on the origin, counter-clockwise. `width` along x, `depth`
// along y; the notch (L: one corner cut away), the stem (T: the bar along the back, the stem
// below it) and the bay (U: cut into the front middle) are given by their own width and depth.
// Each throws Error when the cut does not leave a room.
Polygon2 LShapedFloor(double width, double depth, double notch_width, double notch_depth);
Polygon2 TShapedFloor(double width, double depth, double stem_width, double bar_depth);
Polygon2 UShapedFloor(double width, double depth, double bay_width, double bay_depth);
// The polygon turned by `angle_rad` about its bounding rectangle's centre, then moved so its
// bounding rectangle is centred on the origin.
Polygon2 Rotated(const Polygon2& polygon, double angle_rad);

}  // namespace scenecraft
