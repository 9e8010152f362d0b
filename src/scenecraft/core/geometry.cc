#include "scenecraft/core/geometry.h"

#include "scenecraft/util/strings.h"

namespace scenecraft {

double WrapAngle(double rad) {
  double a = std::fmod(rad + kPi, 2.0 * kPi);
  if (a <= 0.0) a += 2.0 * kPi;
  return a - kPi;
}

std::string Vec2::ToString() const {
  return "(" + FormatNumber(x) + ", " + FormatNumber(y) + ")";
}

std::string Vec3::ToString() const {
  return "(" + FormatNumber(x) + ", " + FormatNumber(y) + ", " + FormatNumber(z) + ")";
}

std::string Vec3::SizeString() const {
  return FormatNumber(x, 2) + " x " + FormatNumber(y, 2) + " x " + FormatNumber(z, 2) + " m";
}

Rect2 Rect2::Grown(double fraction) const {
  const double dx = 0.5 * fraction * Width();
  const double dy = 0.5 * fraction * Depth();
  return Rect2{{min.x - dx, min.y - dy}, {max.x + dx, max.y + dy}};
}

std::string Rect2::ToString() const {
  return "[" + min.ToString() + " .. " + max.ToString() + "]";
}

double Gap(const Rect2& a, const Rect2& b) {
  const double dx = std::max({0.0, a.min.x - b.max.x, b.min.x - a.max.x});
  const double dy = std::max({0.0, a.min.y - b.max.y, b.min.y - a.max.y});
  return std::hypot(dx, dy);
}

double IntersectionArea(const Rect2& a, const Rect2& b) {
  const double w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
  const double d = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
  return (w > 0 && d > 0) ? w * d : 0.0;
}

void Box3::Extend(const Vec3& p) {
  min = {std::min(min.x, p.x), std::min(min.y, p.y), std::min(min.z, p.z)};
  max = {std::max(max.x, p.x), std::max(max.y, p.y), std::max(max.z, p.z)};
}

void Box3::Extend(const Box3& b) {
  if (b.IsEmpty()) return;
  Extend(b.min);
  Extend(b.max);
}

double Box3::Volume() const {
  if (IsEmpty()) return 0.0;
  const Vec3 s = Size();
  return s.x * s.y * s.z;
}

std::string Box3::ToString() const {
  if (IsEmpty()) return "[empty]";
  return "[" + min.ToString() + " .. " + max.ToString() + "]";
}

double IntersectionVolume(const Box3& a, const Box3& b) {
  const double w = std::min(a.max.x, b.max.x) - std::max(a.min.x, b.min.x);
  const double d = std::min(a.max.y, b.max.y) - std::max(a.min.y, b.min.y);
  const double h = std::min(a.max.z, b.max.z) - std::max(a.min.z, b.min.z);
  return (w > 0 && d > 0 && h > 0) ? w * d * h : 0.0;
}

Box3 PlacedBox(const Vec3& size, double x, double y, double z, double yaw_rad) {
  const double c = std::abs(std::cos(yaw_rad));
  const double s = std::abs(std::sin(yaw_rad));
  const double half_x = 0.5 * (size.x * c + size.y * s);
  const double half_y = 0.5 * (size.x * s + size.y * c);
  return Box3{{x - half_x, y - half_y, z}, {x + half_x, y + half_y, z + size.z}};
}

std::ostream& operator<<(std::ostream& out, const Vec2& v) {
  return out << v.ToString();
}
std::ostream& operator<<(std::ostream& out, const Vec3& v) {
  return out << v.ToString();
}
std::ostream& operator<<(std::ostream& out, const Box3& b) {
  return out << b.ToString();
}

}  // namespace scenecraft
