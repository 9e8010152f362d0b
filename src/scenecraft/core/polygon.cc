#include "scenecraft/core/polygon.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

double DistanceToSegment(const Vec2& p, const Vec2& a, const Vec2& b) {
  const Vec2 ab = b - a;
  const double len2 = ab.Dot(ab);
  const double t = len2 > 0 ? std::clamp((p - a).Dot(ab) / len2, 0.0, 1.0) : 0.0;
  return (p - (a + ab * t)).Norm();
}

Polygon2 Centred(const Polygon2& polygon) {
  return Translated(polygon, BoundingRect(polygon).Center() * -1.0);
}

}  // namespace

double SignedArea2(const Polygon2& polygon) {
  double sum = 0.0;
  for (size_t i = 0; i < polygon.size(); ++i) {
    sum += polygon[i].Cross(polygon[(i + 1) % polygon.size()]);
  }
  return sum;
}

double Area(const Polygon2& polygon) {
  return std::abs(SignedArea2(polygon)) / 2;
}

Polygon2 CounterClockwise(Polygon2 polygon) {
  if (SignedArea2(polygon) < 0) std::reverse(polygon.begin(), polygon.end());
  return polygon;
}

Rect2 BoundingRect(const Polygon2& polygon) {
  if (polygon.empty()) return Rect2{};
  Rect2 r{polygon[0], polygon[0]};
  for (const Vec2& p : polygon) {
    r.min = {std::min(r.min.x, p.x), std::min(r.min.y, p.y)};
    r.max = {std::max(r.max.x, p.x), std::max(r.max.y, p.y)};
  }
  return r;
}

Polygon2 Translated(const Polygon2& polygon, const Vec2& offset) {
  Polygon2 out;
  for (const Vec2& p : polygon) out.push_back(p + offset);
  return out;
}

std::string PolygonProblem(const Polygon2& polygon) {
  const size_t n = polygon.size();
  if (n < 3) return "a floor polygon needs at least 3 corners, found " + std::to_string(n);
  for (size_t i = 0; i < n; ++i) {
    if ((polygon[i] - polygon[(i + 1) % n]).Norm() < 0.01) {
      return "corners " + std::to_string(i) + " and " + std::to_string((i + 1) % n) +
             " are the same point " + polygon[i].ToString();
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const bool neighbours = j == i + 1 || (i == 0 && j == n - 1);
      if (neighbours) continue;
      if (SegmentsCross(polygon[i], polygon[(i + 1) % n], polygon[j], polygon[(j + 1) % n]) ||
          DistanceToSegment(polygon[j], polygon[i], polygon[(i + 1) % n]) < 1e-6) {
        return "edges " + std::to_string(i) + " and " + std::to_string(j) +
               " of the floor polygon cross (corners must go round the floor once)";
      }
    }
  }
  if (Area(polygon) < 1.0) {
    return "the floor polygon's area is " + FormatNumber(Area(polygon), 2) + " m^2 (at least 1)";
  }
  return "";
}

bool Contains(const Polygon2& polygon, const Vec2& p) {
  bool inside = false;
  const size_t n = polygon.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    const Vec2& a = polygon[i];
    const Vec2& b = polygon[j];
    if (DistanceToSegment(p, a, b) < 1e-9) return true;
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

double DistanceToBoundary(const Polygon2& polygon, const Vec2& p) {
  double best = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < polygon.size(); ++i) {
    best = std::min(best, DistanceToSegment(p, polygon[i], polygon[(i + 1) % polygon.size()]));
  }
  return best;
}

bool SegmentsCross(const Vec2& a, const Vec2& b, const Vec2& c, const Vec2& d) {
  const double d1 = (b - a).Cross(c - a), d2 = (b - a).Cross(d - a);
  const double d3 = (d - c).Cross(a - c), d4 = (d - c).Cross(b - c);
  return ((d1 > 1e-12 && d2 < -1e-12) || (d1 < -1e-12 && d2 > 1e-12)) &&
         ((d3 > 1e-12 && d4 < -1e-12) || (d3 < -1e-12 && d4 > 1e-12));
}

bool QuadInside(const Polygon2& polygon, const std::array<Vec2, 4>& quad, double tolerance) {
  std::array<Vec2, 4> q = quad;
  const Vec2 centre = (quad[0] + quad[1] + quad[2] + quad[3]) * 0.25;
  for (Vec2& c : q) {
    const Vec2 out = c - centre;
    const double n = out.Norm();
    // Shrinking a corner along its diagonal by tolerance * sqrt(2) moves both sides of a
    // rectangle in by `tolerance`.
    if (n > 0) c = centre + out * (std::max(0.0, n - tolerance * std::sqrt(2.0)) / n);
  }
  for (const Vec2& c : q) {
    if (!Contains(polygon, c)) return false;
  }
  // With every corner inside, the quadrilateral leaves the polygon only where an edge of the
  // polygon crosses one of its sides or a corner of the polygon pokes in.
  for (size_t i = 0; i < polygon.size(); ++i) {
    const Vec2& a = polygon[i];
    const Vec2& b = polygon[(i + 1) % polygon.size()];
    for (int k = 0; k < 4; ++k) {
      if (SegmentsCross(a, b, q[k], q[(k + 1) % 4])) return false;
    }
    // A corner strictly inside the quadrilateral: on the same side of all four sides.
    bool in = true;
    double sign = 0.0;
    for (int k = 0; k < 4 && in; ++k) {
      const double side = (q[(k + 1) % 4] - q[k]).Cross(a - q[k]);
      if (std::abs(side) < 1e-12 || (sign != 0.0 && side * sign < 0)) in = false;
      sign = side;
    }
    if (in) return false;
  }
  return true;
}

double QuadOutsideDepth(const Polygon2& polygon, const std::array<Vec2, 4>& quad) {
  double depth = 0.0;
  for (const Vec2& c : quad) {
    if (!Contains(polygon, c)) depth += DistanceToBoundary(polygon, c);
  }
  // A corner of the polygon inside the quadrilateral counts by its distance to the nearest side.
  const double orientation = SignedArea2({quad.begin(), quad.end()}) >= 0 ? 1.0 : -1.0;
  for (const Vec2& p : polygon) {
    double inside = 1e18;
    for (int k = 0; k < 4; ++k) {
      const Vec2 edge = quad[(k + 1) % 4] - quad[k];
      const double n = edge.Norm();
      if (n <= 0) continue;
      inside = std::min(inside, orientation * edge.Cross(p - quad[k]) / n);
    }
    if (inside > 0 && inside < 1e18) depth += inside;
  }
  return depth;
}

bool RectInside(const Polygon2& polygon, const Rect2& rect, double tolerance) {
  return QuadInside(
      polygon, {rect.min, Vec2{rect.max.x, rect.min.y}, rect.max, Vec2{rect.min.x, rect.max.y}},
      tolerance);
}

double RectOutsideDepth(const Polygon2& polygon, const Rect2& rect) {
  return QuadOutsideDepth(
      polygon, {rect.min, Vec2{rect.max.x, rect.min.y}, rect.max, Vec2{rect.min.x, rect.max.y}});
}

Polygon2 LShapedFloor(double width, double depth, double notch_width, double notch_depth) {
  if (!(notch_width > 0 && notch_depth > 0 && notch_width < width - 0.5 &&
        notch_depth < depth - 0.5)) {
    throw Error("an L-shaped room of " + FormatNumber(width) + " x " + FormatNumber(depth) +
                " m cannot have a notch of " + FormatNumber(notch_width) + " x " +
                FormatNumber(notch_depth) + " m (at least 0.5 m of room must remain each way)");
  }
  // The notch is cut from the back right corner.
  const double w = width, d = depth;
  return Centred({{0, 0},
                  {w, 0},
                  {w, d - notch_depth},
                  {w - notch_width, d - notch_depth},
                  {w - notch_width, d},
                  {0, d}});
}

Polygon2 TShapedFloor(double width, double depth, double stem_width, double bar_depth) {
  if (!(stem_width > 0.5 && stem_width < width && bar_depth > 0.5 && bar_depth < depth - 0.5)) {
    throw Error("a T-shaped room of " + FormatNumber(width) + " x " + FormatNumber(depth) +
                " m cannot have a stem " + FormatNumber(stem_width) + " m wide below a bar " +
                FormatNumber(bar_depth) + " m deep");
  }
  const double w = width, d = depth, s0 = (width - stem_width) / 2, s1 = s0 + stem_width;
  const double y = d - bar_depth;
  return Centred({{s0, 0}, {s1, 0}, {s1, y}, {w, y}, {w, d}, {0, d}, {0, y}, {s0, y}});
}

Polygon2 UShapedFloor(double width, double depth, double bay_width, double bay_depth) {
  if (!(bay_width > 0 && bay_width < width - 1.0 && bay_depth > 0 && bay_depth < depth - 0.5)) {
    throw Error("a U-shaped room of " + FormatNumber(width) + " x " + FormatNumber(depth) +
                " m cannot have a bay " + FormatNumber(bay_width) + " x " +
                FormatNumber(bay_depth) + " m (at least 0.5 m of room must remain each way)");
  }
  const double w = width, d = depth, b0 = (width - bay_width) / 2, b1 = b0 + bay_width;
  return Centred(
      {{0, 0}, {b0, 0}, {b0, bay_depth}, {b1, bay_depth}, {b1, 0}, {w, 0}, {w, d}, {0, d}});
}

Polygon2 Rotated(const Polygon2& polygon, double angle_rad) {
  const Vec2 c = BoundingRect(polygon).Center();
  const double cs = std::cos(angle_rad), sn = std::sin(angle_rad);
  Polygon2 out;
  for (const Vec2& p : polygon) {
    const Vec2 v = p - c;
    out.push_back({v.x * cs - v.y * sn, v.x * sn + v.y * cs});
  }
  return Centred(out);
}

}  // namespace scenecraft
