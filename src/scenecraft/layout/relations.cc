// EvaluateRelation: one relation's test, by type (the tests themselves are in relation_pairs.cc,
// relation_groups.cc and relation_rooms.cc).
#include "scenecraft/layout/relations.h"

#include <algorithm>
#include <cmath>

#include "scenecraft/core/room.h"
#include "scenecraft/layout/relation_tests.h"
#include "scenecraft/util/error.h"

namespace scenecraft {

using namespace relation_tests;  // NOLINT: the tests this file dispatches to

RelationEvaluation EvaluateRelation(const Relation& r, const std::vector<const Body*>& bodies,
                                    const EvalContext& c) {
  SC_CHECK_EQ(bodies.size(), r.objects.size());
  for (const Body* b : bodies) SC_CHECK(b != nullptr);
  struct Words {
    bool saved = WordsWanted();
    explicit Words(bool wanted) { WordsWanted() = wanted; }
    ~Words() { WordsWanted() = saved; }
  } words(c.words);
  const Body& a = *bodies[0];
  const Body* ref = bodies.size() >= 2 ? bodies.back() : nullptr;
  switch (r.type) {
    case RelationType::kOn:
      return On(a, *ref);
    case RelationType::kUnder: {
      if (c.environment != nullptr) {
        if (const Opening* o = FindOpening(*c.environment, ref->id); o && o->kind == "window") {
          return UnderWindow(a, *ref);
        }
      }
      const double out = OutsideDistance(ref->Foot().Grown(0.1), a.Center2());
      const bool lower = a.box.max.z < ref->box.max.z;
      return Result(
          out <= 0 && lower, out + (lower ? 0 : a.box.max.z - ref->box.max.z + 0.01), 0.3, [&] {
            return a.id + " centre is " + F(out) + " m outside " + ref->id + "'s footprint" +
                   (lower ? "" : " and its top is not below " + ref->id + "'s top");
          });
    }
    case RelationType::kOnFloor:
      return Result(std::abs(a.box.min.z) <= kContactEpsilon,
                    std::abs(a.box.min.z) - kContactEpsilon, 0.2,
                    [&] { return a.id + " bottom is " + F(a.box.min.z) + " m above the floor"; });
    case RelationType::kAgainstWall:
    case RelationType::kOnWall:
    case RelationType::kInCorner:
    case RelationType::kHanging:
    case RelationType::kCenter:
    case RelationType::kInsideRoom:
      return *EvaluateRoomRelation(r, a, c);
    case RelationType::kNear:
      return Near(a, *ref, r.args.Number("distance_m"), r.args.Word("side"));
    case RelationType::kFar: {
      const double gap = Gap(a.Foot(), ref->Foot());
      const double limit = r.args.Number("distance_m").value_or(2.0);
      return Result(gap >= limit, limit - gap, 1.0, [&] {
        return a.id + " is " + F(gap) + " m from " + ref->id + " (at least " + F(limit) + ")";
      });
    }
    case RelationType::kLeftOf:
      return LeftOf(a, *ref);
    case RelationType::kRightOf: {
      E e = LeftOf(*ref, a);
      if (!e.pass && WordsWanted()) {
        const double dx = a.box.Center().x - ref->box.Center().x;
        e.reason = a.id + " centre is " + F(dx) + " m right of " + ref->id + " centre";
      }
      return e;
    }
    case RelationType::kInFrontOf:
      return InFrontOf(a, *ref, /*behind=*/false, r.args.Number("distance_m"));
    case RelationType::kBehind:
      return InFrontOf(a, *ref, /*behind=*/true, r.args.Number("distance_m"));
    case RelationType::kAbove: {
      const double dz = std::max(0.0, ref->box.max.z - kContactEpsilon - a.box.min.z);
      const double out = OutsideDistance(ref->Foot().Grown(0.25), a.Center2());
      return Result(dz <= 0 && out <= 0, dz + out, 0.3, [&] {
        return a.id + " bottom is " + F(dz) + " m too low or its centre " + F(out) + " m outside " +
               ref->id + "'s footprint";
      });
    }
    case RelationType::kBetween: {
      const Vec2 p = a.Center2(), b0 = bodies[1]->Center2(), b1 = bodies[2]->Center2();
      const Vec2 seg = b1 - b0;
      const double len2 = std::max(seg.Dot(seg), 1e-12);
      const double t = (p - b0).Dot(seg) / len2;
      const double dist = std::abs(seg.Cross(p - b0)) / std::sqrt(len2);
      const double limit = std::max(0.5, 0.25 * std::sqrt(len2));
      const double v =
          std::max({0.0, 0.2 - t, t - 0.8}) * std::sqrt(len2) + std::max(0.0, dist - limit);
      return Result(v <= 0, v, 0.3, [&] {
        return a.id + " lies at " + F(t * 100) + " % of the way from " + bodies[1]->id + " to " +
               bodies[2]->id + ", " + F(dist) + " m off the line (20-80 %, at most " + F(limit) +
               " m)";
      });
    }
    case RelationType::kAcross: {
      const double gap = Gap(a.Foot(), ref->Foot());
      return All({Facing(a, ref->Center2() - a.Center2(), ref->id, 30),
                  Facing(*ref, a.Center2() - ref->Center2(), a.id, 30),
                  Result(gap >= 0.5, 0.5 - gap, 0.3, [&] {
                    return a.id + " and " + ref->id + " are only " + F(gap) + " m apart";
                  })});
    }
    case RelationType::kFacing:
      return Facing(a, ref->Center2() - a.Center2(), ref->id,
                    r.args.Number("angle_deg").value_or(30));
    case RelationType::kFacingAway:
      return Facing(a, a.Center2() - ref->Center2(), "away from " + ref->id,
                    r.args.Number("angle_deg").value_or(30));
    case RelationType::kParallel:
    case RelationType::kSameOrientation: {
      const double period = r.type == RelationType::kParallel ? kPi : 2 * kPi;
      double worst = 0;
      for (size_t i = 0; i < bodies.size(); ++i) {
        for (size_t j = i + 1; j < bodies.size(); ++j) {
          worst = std::max(worst, YawDiff(bodies[i]->yaw_rad, bodies[j]->yaw_rad, period));
        }
      }
      return Result(worst <= DegToRad(10), worst - DegToRad(10), 0.3, [&] {
        return "turns differ by up to " + F(RadToDeg(worst)) + " deg (at most 10)";
      });
    }
    case RelationType::kPerpendicular: {
      const double d = YawDiff(a.yaw_rad, bodies[1]->yaw_rad, kPi);
      const double off = std::abs(d - kPi / 2);
      return Result(off <= DegToRad(10), off - DegToRad(10), 0.3, [&] {
        return a.id + " and " + bodies[1]->id + " are " + F(RadToDeg(d)) + " deg apart (90 +- 10)";
      });
    }
    case RelationType::kAround:
      return Around({bodies.begin(), bodies.end() - 1}, *ref,
                    r.args.Number("distance_m").value_or(1.0));
    case RelationType::kRow:
      return Row(bodies);
    case RelationType::kAligned: {
      double spread_x = 0, spread_y = 0, spread_z = 0;
      auto range = [&](auto get) {
        double lo = 1e18, hi = -1e18;
        for (const Body* b : bodies) {
          lo = std::min(lo, get(*b));
          hi = std::max(hi, get(*b));
        }
        return hi - lo;
      };
      spread_x = range([](const Body& b) { return b.box.Center().x; });
      spread_y = range([](const Body& b) { return b.box.Center().y; });
      spread_z = range([](const Body& b) { return b.box.Center().z; });
      const auto axis = r.args.Word("axis");
      const double spread = axis == "x"   ? spread_x
                            : axis == "y" ? spread_y
                            : axis == "z" ? spread_z
                                          : std::min(spread_x, spread_y);
      return Result(spread <= 0.10, spread - 0.10, 0.2, [&] {
        return "centres spread " + F(spread) + " m along the aligned axis (at most 0.10)";
      });
    }
    case RelationType::kGrid:
      return Grid(bodies);
    case RelationType::kCircle:
      return Circle(bodies);
    case RelationType::kSymmetric:
      return Symmetric(*bodies[0], *bodies[1], *bodies[2]);
    case RelationType::kStack: {
      std::vector<E> parts;
      for (size_t i = 0; i + 1 < bodies.size(); ++i)
        parts.push_back(On(*bodies[i + 1], *bodies[i]));
      return All(parts);
    }
    case RelationType::kCluster:
      return Cluster(bodies);
    case RelationType::kLarger:
      return Result(Volume(a) > Volume(*ref), Volume(*ref) - Volume(a) + 1e-3, 0.1, [&] {
        return a.id + " (" + F(Volume(a)) + " m3) is not larger than " + ref->id + " (" +
               F(Volume(*ref)) + " m3)";
      });
    case RelationType::kTaller: {
      const double ha = a.box.Size().z, hb = ref->box.Size().z;
      return Result(ha > hb, hb - ha + 1e-3, 0.1, [&] {
        return a.id + " (" + F(ha) + " m) is not taller than " + ref->id + " (" + F(hb) + " m)";
      });
    }
    case RelationType::kHierarchy: {
      double v = 0;
      for (size_t i = 0; i + 1 < bodies.size(); ++i) {
        v += std::max(0.0, Volume(*bodies[i + 1]) - Volume(*bodies[i]) + 1e-6);
      }
      return Result(v <= 0, v, 0.05, [&] { return "volumes do not decrease in the stated order"; });
    }
    case RelationType::kScaling: {
      std::vector<double> size, distance;
      for (const Body* b : bodies) {
        size.push_back(Volume(*b));
        distance.push_back(c.camera != nullptr ? (b->box.Center() - c.camera->position).Norm()
                                               : b->box.Center().y);
      }
      const double rho = bodies.size() >= 2 ? Spearman(size, distance) : -1.0;
      return Result(rho <= -0.8, rho + 0.8, 0.5, [&] {
        return "size against distance has Spearman rho " + F(rho) + " (at most -0.8)";
      });
    }
    case RelationType::kInside:
      return Inside(a, *ref);
    case RelationType::kAtEnd:
      return AtEnd(a, *ref, r.args.Word("end").value_or(""));
    case RelationType::kAlongSide:
      return AlongSide(a, *ref, r.args.Word("side").value_or("long"));
    case RelationType::kOverlap: {
      const double smaller = std::min(a.Foot().Area(), ref->Foot().Area());
      const double share = smaller > 0 ? IntersectionArea(a.Foot(), ref->Foot()) / smaller : 0.0;
      const bool below = a.box.max.z < ref->box.max.z;
      return Result(share >= 0.3 && below, std::max(0.0, 0.3 - share) + (below ? 0 : 0.1), 0.2,
                    [&] {
                      return a.id + " covers " + F(share * 100) +
                             " % of the smaller footprint (at least 30 %)" +
                             (below ? "" : " and is not below " + ref->id + "'s top");
                    });
    }
  }
  return Result(false, 1, 1, [&] { return "unknown relation"; });
}

}  // namespace scenecraft
