// Small geometry types: vectors, axis-aligned boxes and floor rectangles. Units are metres and
// radians; the frame is right-handed with Z up (ARCHITECTURE.md section 3).
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <ostream>
#include <string>

namespace scenecraft {

constexpr double kPi = 3.14159265358979323846;

inline double DegToRad(double deg) {
  return deg * kPi / 180.0;
}
inline double RadToDeg(double rad) {
  return rad * 180.0 / kPi;
}
// Wraps an angle to (-pi, pi].
double WrapAngle(double rad);

struct Vec2 {
  double x = 0.0;
  double y = 0.0;

  Vec2 operator+(const Vec2& o) const { return {x + o.x, y + o.y}; }
  Vec2 operator-(const Vec2& o) const { return {x - o.x, y - o.y}; }
  Vec2 operator*(double s) const { return {x * s, y * s}; }
  double Dot(const Vec2& o) const { return x * o.x + y * o.y; }
  double Cross(const Vec2& o) const { return x * o.y - y * o.x; }
  double Norm() const { return std::hypot(x, y); }
  std::string ToString() const;
};

struct Vec3 {
  double x = 0.0;
  double y = 0.0;
  double z = 0.0;

  Vec3 operator+(const Vec3& o) const { return {x + o.x, y + o.y, z + o.z}; }
  Vec3 operator-(const Vec3& o) const { return {x - o.x, y - o.y, z - o.z}; }
  Vec3 operator*(double s) const { return {x * s, y * s, z * s}; }
  double Dot(const Vec3& o) const { return x * o.x + y * o.y + z * o.z; }
  Vec3 Cross(const Vec3& o) const {
    return {y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x};
  }
  double Norm() const { return std::sqrt(x * x + y * y + z * z); }
  Vec2 xy() const { return {x, y}; }
  // As the sizes of a box: "1.42 x 0.52 x 0.73 m" (two decimals).
  std::string SizeString() const;
  // The same lengths, largest first: a box's sides whatever way it is turned.
  Vec3 Descending() const {
    double a = x, b = y, c = z;
    if (a < b) std::swap(a, b);
    if (b < c) std::swap(b, c);
    if (a < b) std::swap(a, b);
    return {a, b, c};
  }
  std::string ToString() const;
};

// A floor-plane rectangle (x, y), e.g. the footprint of a box.
struct Rect2 {
  Vec2 min;
  Vec2 max;

  double Width() const { return max.x - min.x; }
  double Depth() const { return max.y - min.y; }
  double Area() const { return std::max(0.0, Width()) * std::max(0.0, Depth()); }
  Vec2 Center() const { return (min + max) * 0.5; }
  double Diagonal() const { return std::hypot(Width(), Depth()); }
  bool Contains(const Vec2& p, double tolerance = 0.0) const {
    return p.x >= min.x - tolerance && p.x <= max.x + tolerance && p.y >= min.y - tolerance &&
           p.y <= max.y + tolerance;
  }
  // Grown by `fraction` of its size on every side's total (0.1: 10 % wider and deeper).
  Rect2 Grown(double fraction) const;
  // Grown by `margin` metres on every side.
  Rect2 Expanded(double margin) const {
    return {{min.x - margin, min.y - margin}, {max.x + margin, max.y + margin}};
  }
  std::string ToString() const;
};

// Distance between two rectangles (0 when they touch or overlap).
double Gap(const Rect2& a, const Rect2& b);
// Area of the intersection of two rectangles (0 when disjoint).
double IntersectionArea(const Rect2& a, const Rect2& b);

// An axis-aligned box in world space.
struct Box3 {
  Vec3 min{std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
           std::numeric_limits<double>::infinity()};
  Vec3 max{-std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
           -std::numeric_limits<double>::infinity()};

  static Box3 FromMinMax(const Vec3& lo, const Vec3& hi) { return Box3{lo, hi}; }
  bool IsEmpty() const { return !(min.x <= max.x && min.y <= max.y && min.z <= max.z); }
  void Extend(const Vec3& p);
  void Extend(const Box3& b);
  Vec3 Center() const { return (min + max) * 0.5; }
  Vec3 Size() const { return max - min; }
  double Volume() const;
  Rect2 Footprint() const { return Rect2{min.xy(), max.xy()}; }
  std::string ToString() const;
};

// Volume of the intersection of two boxes (0 when disjoint).
double IntersectionVolume(const Box3& a, const Box3& b);

// The world box of an object of size (w, d, h) whose bottom centre is at (x, y, z), turned by
// yaw about Z (the axis-aligned bound of the turned box).
Box3 PlacedBox(const Vec3& size, double x, double y, double z, double yaw_rad);

// The unit vector an object's front faces in the floor plane for a given yaw
// (yaw 0 faces -Y, toward the default camera).
inline Vec2 FrontDirection(double yaw_rad) {
  return {std::sin(yaw_rad), -std::cos(yaw_rad)};
}
// The yaw that makes an object's front face along `direction` (need not be unit length).
inline double YawFacing(const Vec2& direction) {
  return std::atan2(direction.x, -direction.y);
}

std::ostream& operator<<(std::ostream& out, const Vec2& v);
std::ostream& operator<<(std::ostream& out, const Vec3& v);
std::ostream& operator<<(std::ostream& out, const Box3& b);

}  // namespace scenecraft
