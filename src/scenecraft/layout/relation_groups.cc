// Relation tests of groups: rows, grids, circles, around, symmetry, clusters (relation_tests.h).
#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <set>

#include "scenecraft/layout/relation_tests.h"

namespace scenecraft::relation_tests {

// Ordered spacing along a best-fit line: returns max distance to the line and spacing CV.
std::pair<double, double> LineFit(const std::vector<Vec2>& pts) {
  const size_t n = pts.size();
  Vec2 mean;
  for (const Vec2& p : pts) mean = mean + p * (1.0 / n);
  double sxx = 0, sxy = 0, syy = 0;
  for (const Vec2& p : pts) {
    const Vec2 d = p - mean;
    sxx += d.x * d.x;
    sxy += d.x * d.y;
    syy += d.y * d.y;
  }
  const double angle = 0.5 * std::atan2(2 * sxy, sxx - syy);
  const Vec2 dir{std::cos(angle), std::sin(angle)};
  const Vec2 normal{-dir.y, dir.x};
  double worst = 0;
  std::vector<double> along;
  for (const Vec2& p : pts) {
    worst = std::max(worst, std::abs((p - mean).Dot(normal)));
    along.push_back((p - mean).Dot(dir));
  }
  std::sort(along.begin(), along.end());
  std::vector<double> gaps;
  for (size_t i = 1; i < along.size(); ++i) gaps.push_back(along[i] - along[i - 1]);
  double cv = 0;
  if (gaps.size() >= 2) {
    const double m = std::accumulate(gaps.begin(), gaps.end(), 0.0) / gaps.size();
    double var = 0;
    for (double g : gaps) var += (g - m) * (g - m);
    var /= gaps.size();
    cv = m > 1e-9 ? std::sqrt(var) / m : 1.0;
  }
  return {worst, cv};
}

E Row(const std::vector<const Body*>& bodies) {
  std::vector<Vec2> pts;
  for (const Body* b : bodies) pts.push_back(b->Center2());
  if (pts.size() < 3) return Result(true, 0, 1, [&] { return ""; });
  const auto [off, cv] = LineFit(pts);
  return Result(
      off <= 0.15 && cv <= 0.25, std::max(0.0, off - 0.15) + std::max(0.0, cv - 0.25), 0.3, [&] {
        return "centres are up to " + F(off) + " m off their line (at most 0.15), spacing varies " +
               F(cv * 100) + " % (at most 25 %)";
      });
}

// Groups values that lie within `tolerance` of their group's first member.
std::vector<std::vector<size_t>> GroupBy(const std::vector<double>& values, double tolerance) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<std::vector<size_t>> groups;
  for (size_t i : order) {
    if (groups.empty() || values[i] - values[groups.back().front()] > tolerance) {
      groups.push_back({});
    }
    groups.back().push_back(i);
  }
  return groups;
}

E Grid(const std::vector<const Body*>& bodies) {
  std::vector<double> xs, ys;
  for (const Body* b : bodies) {
    xs.push_back(b->box.Center().x);
    ys.push_back(b->box.Center().y);
  }
  const auto rows = GroupBy(ys, 0.3);
  const auto cols = GroupBy(xs, 0.3);
  int full_rows = 0, full_cols = 0;
  for (const auto& r : rows) full_rows += r.size() >= 2 ? 1 : 0;
  for (const auto& c : cols) full_cols += c.size() >= 2 ? 1 : 0;
  // Every member belongs to a row and a column of at least two.
  int lonely = 0;
  for (const auto& groups : {rows, cols}) {
    for (const auto& g : groups) lonely += g.size() < 2 ? static_cast<int>(g.size()) : 0;
  }
  double violation = 0;
  for (const auto& r : rows) {
    std::vector<const Body*> members;
    for (size_t i : r) members.push_back(bodies[i]);
    violation += Row(members).violation;
  }
  const bool pass = full_rows >= 2 && full_cols >= 2 && lonely == 0 && violation == 0.0;
  violation += (full_rows >= 2 ? 0 : 1.0) + (full_cols >= 2 ? 0 : 1.0) + 0.3 * lonely;
  return Result(pass, violation, 0.5, [&] {
    return std::to_string(full_rows) + " rows and " + std::to_string(full_cols) +
           " columns of at least two (needs 2 and 2, each row in line)";
  });
}

E Around(const std::vector<const Body*>& members, const Body& centre, double distance_m) {
  std::vector<E> parts;
  std::vector<double> angles;
  std::vector<Vec2> points;
  for (const Body* a : members) {
    const double gap = Gap(a->Foot(), centre.Foot());
    parts.push_back(Result(gap <= distance_m, gap - distance_m, 0.5, [&] {
      return a->id + " is " + F(gap) + " m from " + centre.id + " (at most " + F(distance_m) + ")";
    }));
    if (a->has_front) {
      parts.push_back(Facing(*a, centre.Center2() - a->Center2(), centre.id, 45));
    }
    const Vec2 v = a->Center2() - centre.Center2();
    angles.push_back(std::atan2(v.y, v.x));
    points.push_back(a->Center2());
  }
  if (angles.size() >= 3) {
    const double largest = LargestAngularGap(points, centre.Center2());
    parts.push_back(Result(largest <= kPi + 1e-9, largest - kPi, 1.0, [&] {
      return "members leave a gap of " + F(RadToDeg(largest)) + " deg around " + centre.id +
             " (at most 180)";
    }));
  } else if (angles.size() == 2) {
    const double between = YawDiff(angles[0], angles[1], 2 * kPi);
    parts.push_back(Result(between >= DegToRad(120), DegToRad(120) - between, 1.0, [&] {
      return "the two sit " + F(RadToDeg(between)) + " deg apart around " + centre.id +
             " (at least 120)";
    }));
  }
  return All(parts);
}

E Circle(const std::vector<const Body*>& bodies) {
  Vec2 mean;
  for (const Body* b : bodies) mean = mean + b->Center2() * (1.0 / bodies.size());
  std::vector<double> dist;
  std::vector<Vec2> points;
  for (const Body* b : bodies) {
    dist.push_back((b->Center2() - mean).Norm());
    points.push_back(b->Center2());
  }
  const double m = std::accumulate(dist.begin(), dist.end(), 0.0) / dist.size();
  double spread = 0;
  for (double d : dist) spread = std::max(spread, std::abs(d - m) / std::max(m, 1e-9));
  const double largest = LargestAngularGap(points, mean);
  const double limit = 1.5 * 2 * kPi / bodies.size();
  return Result(spread <= 0.15 && largest <= limit,
                std::max(0.0, spread - 0.15) + std::max(0.0, largest - limit), 0.3, [&] {
                  return "distances to the centre vary " + F(spread * 100) +
                         " % (at most 15 %), largest gap " + F(RadToDeg(largest)) +
                         " deg (at most " + F(RadToDeg(limit)) + ")";
                });
}

E Symmetric(const Body& a1, const Body& a2, const Body& b) {
  const Vec2 axis{std::cos(b.yaw_rad), std::sin(b.yaw_rad)};  // B's width axis
  const double s1 = (a1.Center2() - b.Center2()).Dot(axis);
  const double s2 = (a2.Center2() - b.Center2()).Dot(axis);
  const double d1 = (a1.Center2() - b.Center2()).Norm();
  const double d2 = (a2.Center2() - b.Center2()).Norm();
  const bool opposite = s1 * s2 < 0;
  return Result(opposite && std::abs(d1 - d2) <= 0.15,
                (opposite ? 0.0 : std::min(std::abs(s1), std::abs(s2)) + 0.1) +
                    std::max(0.0, std::abs(d1 - d2) - 0.15),
                0.3, [&] {
                  return opposite ? a1.id + " and " + a2.id + " are " + F(d1) + " and " + F(d2) +
                                        " m from " + b.id + " (differ by at most 0.15)"
                                  : a1.id + " and " + a2.id + " are on the same side of " + b.id;
                });
}

E Cluster(const std::vector<const Body*>& bodies) {
  const size_t n = bodies.size();
  std::vector<int> component(n);
  std::iota(component.begin(), component.end(), 0);
  std::function<int(int)> find = [&](int i) {
    return component[i] == i ? i : component[i] = find(component[i]);
  };
  double worst = 0;
  for (size_t i = 0; i < n; ++i) {
    double nearest = 1e9;
    for (size_t j = 0; j < n; ++j) {
      if (i == j) continue;
      const double g = Gap(bodies[i]->Foot(), bodies[j]->Foot());
      nearest = std::min(nearest, g);
      if (g <= 1.0) component[find(static_cast<int>(i))] = find(static_cast<int>(j));
    }
    worst = std::max(worst, nearest);
  }
  std::set<int> roots;
  for (size_t i = 0; i < n; ++i) roots.insert(find(static_cast<int>(i)));
  return Result(roots.size() == 1, std::max(0.0, worst - 1.0) + 0.5 * (roots.size() - 1), 0.5, [&] {
    return "the group falls into " + std::to_string(roots.size()) +
           " parts; the loneliest member is " + F(worst) + " m from the others";
  });
}

double Volume(const Body& b) {
  return b.box.Volume();
}

double Spearman(const std::vector<double>& a, const std::vector<double>& b) {
  auto ranks = [](const std::vector<double>& v) {
    std::vector<size_t> idx(v.size());
    std::iota(idx.begin(), idx.end(), 0);
    std::sort(idx.begin(), idx.end(), [&](size_t i, size_t j) { return v[i] < v[j]; });
    std::vector<double> r(v.size());
    for (size_t k = 0; k < idx.size(); ++k) r[idx[k]] = static_cast<double>(k);
    return r;
  };
  const auto ra = ranks(a), rb = ranks(b);
  const double n = static_cast<double>(a.size());
  double d2 = 0;
  for (size_t i = 0; i < a.size(); ++i) d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
  return 1.0 - 6.0 * d2 / (n * (n * n - 1.0));
}

}  // namespace scenecraft::relation_tests
