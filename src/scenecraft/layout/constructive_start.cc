#include "scenecraft/layout/constructive_start.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace scenecraft::solver {

// The other end of a facing pair whose first end stands against a side wall (the TV stand
// carrying what a sofa faces): across the room by the opposite wall, turned back toward it,
// so the pair lines up across the view instead of one end standing in the open front.
template <typename PlaceFn>
void ConstructiveStart::PlacePartner(int a, const std::vector<bool>& placed, PlaceFn& place) {
  const Pose pa = *s_.items_[a].object->pose;
  const bool on_left = pa.x < 0.5 * (s_.floor_.min.x + s_.floor_.max.x);
  for (size_t r = 0; r < s_.graph_->relations.size(); ++r) {
    const RelationType type = s_.graph_->relations[r].type;
    if ((type != RelationType::kFacing && type != RelationType::kAcross) ||
        s_.members_[r].size() != 2) {
      continue;
    }
    int b = s_.members_[r][0] == a ? s_.members_[r][1]
                                   : (s_.members_[r][1] == a ? s_.members_[r][0] : -1);
    if (b < 0) continue;
    while (s_.items_[b].parent >= 0) b = s_.items_[b].parent;  // the TV's stand
    if (b == a || placed[b]) continue;
    const double yaw = YawFacing(Vec2{on_left ? -1.0 : 1.0, 0.0});  // toward the first end
    const Vec2 h = s_.Half(b, yaw);
    const double x = on_left ? s_.floor_.max.x - h.x - 0.02 : s_.floor_.min.x + h.x + 0.02;
    place(b, Pose{x, std::clamp(pa.y, s_.floor_.min.y + h.y, s_.floor_.max.y - h.y), 0, yaw});
  }
}

// How crowded a footprint would be: its overlap with the floor objects placed so far (kept
// 0.3 m apart) and the part of it off the floor.
double ConstructiveStart::Crowding(const Rect2& r, int self) {
  double area = std::max(0.0, r.Area() - IntersectionArea(r, s_.floor_));
  if (!s_.polygon_.empty()) area += RectOutsideDepth(s_.polygon_, r);
  s_.grid_.ForEachNear(r.Expanded(0.3), [&](int j) {
    const Item& other = s_.items_[j];
    if (j == self || other.flat || other.ceiling || other.parent >= 0) return;
    area += IntersectionArea(r, s_.bodies_[j].Foot().Expanded(0.3));
  });
  return area;
}

// The least crowded of a few random centres for a footprint of half extents `h` inside
// `region`: constructive placement that starts groups and objects apart instead of piled up.
Vec2 ConstructiveStart::FreeSpot(const Vec2& h, const Rect2& region, int self) {
  const Rect2 area{
      {std::max(region.min.x, s_.floor_.min.x), std::max(region.min.y, s_.floor_.min.y)},
      {std::min(region.max.x, s_.floor_.max.x), std::min(region.max.y, s_.floor_.max.y)}};
  auto axis = [&](double lo, double hi, double half) {
    return lo + half <= hi - half ? s_.rng_.Uniform(lo + half, hi - half) : (lo + hi) / 2;
  };
  Vec2 best = area.Center();
  double best_score = 1e18;
  for (int k = 0; k < 24; ++k) {
    const Vec2 c{axis(area.min.x, area.max.x, h.x), axis(area.min.y, area.max.y, h.y)};
    const double score = Crowding(Rect2{c - h, c + h}, self);
    if (score < best_score) {
      best_score = score;
      best = c;
      if (score <= 0) break;
    }
  }
  return best;
}

// Constructive initial poses, from the relation semantics, in stage order.
void ConstructiveStart::Place() {
  const size_t n = s_.items_.size();
  std::vector<bool> placed(n, false);
  for (size_t i = 0; i < n; ++i) {
    if (s_.items_[i].object->pose) placed[i] = true;  // given or warm start
  }
  auto place = [&](int i, Pose p) {
    if (placed[i]) return;
    s_.items_[i].object->pose = p;
    placed[i] = true;
    s_.UpdateBody(i);
  };
  auto pos = [&](int i) { return *s_.items_[i].object->pose; };
  for (size_t i = 0; i < n; ++i) s_.UpdateBody(static_cast<int>(i));  // given poses occupy room
  // Objects in a facing or across relation, either way round.
  std::vector<char> face_pair(n, 0);
  for (size_t r = 0; r < s_.graph_->relations.size(); ++r) {
    const RelationType type = s_.graph_->relations[r].type;
    if ((type == RelationType::kFacing || type == RelationType::kAcross) &&
        s_.members_[r].size() == 2) {
      face_pair[s_.members_[r][0]] = face_pair[s_.members_[r][1]] = 1;
    }
  }
  auto under_window = [&](const Relation& r) {
    if (r.type != RelationType::kUnder || r.objects.size() != 2) return false;
    const Opening* o = FindOpening(s_.graph_->environment, r.objects.back());
    return o != nullptr && o->kind == "window";
  };
  // 1. Anchors: corners, walls, the centre, then large floor objects at random.
  for (const Relation& r : s_.graph_->relations) {
    const int a = s_.index_.at(r.objects[0]);
    if (placed[a] || s_.items_[a].parent >= 0) continue;
    Pose p{s_.rng_.Uniform(s_.floor_.min.x, s_.floor_.max.x),
           s_.rng_.Uniform(s_.floor_.min.y, s_.floor_.max.y), 0, 0};
    if (r.type == RelationType::kInCorner && !s_.polygon_.empty()) {
      // A convex corner of the floor polygon (where its walls turn left), back to the wall
      // that leaves it, side to the wall that arrives.
      const Polygon2& poly = s_.polygon_;
      std::vector<size_t> convex;
      for (size_t k = 0; k < poly.size(); ++k) {
        const Vec2 in = poly[k] - poly[(k + poly.size() - 1) % poly.size()];
        const Vec2 out = poly[(k + 1) % poly.size()] - poly[k];
        if (in.Cross(out) > 0) convex.push_back(k);
      }
      if (!convex.empty()) {
        const size_t k = convex[s_.rng_.UniformInt(0, static_cast<int>(convex.size()) - 1)];
        const Vec2 out = poly[(k + 1) % poly.size()] - poly[k];
        const Vec2 dir = out * (1.0 / out.Norm());
        const Vec2 inward{-dir.y, dir.x};
        const Vec3& size = s_.SizeOf(a);
        const Vec2 c = poly[k] + dir * (size.x / 2 + 0.01) + inward * (size.y / 2 + 0.01);
        place(a, Pose{c.x, c.y, 0, YawFacing(inward)});
      }
    } else if (r.type == RelationType::kInCorner) {
      const Vec2 h = s_.Half(a, 0);
      p.x = (s_.rng_.Uniform() < 0.5 ? s_.floor_.min.x + h.x : s_.floor_.max.x - h.x);
      p.y = s_.floor_.max.y - h.y;
      p.yaw_rad = 0;
      place(a, p);
    } else if (r.type == RelationType::kAgainstWall || r.type == RelationType::kOnWall ||
               under_window(r)) {
      // Under a window: against the window's own wall (core/room.h's ResolveWall takes an
      // opening's id).
      const auto wall =
          under_window(r) ? std::optional<std::string>(r.objects.back()) : r.args.Word("wall");
      // The least crowded of a few places along the wall.
      Pose best = p;
      double best_score = 1e18;
      // A floor polygon's walls: the named one, or any built wall, longer walls more often.
      std::vector<const WallSegment*> candidates;
      const std::vector<WallSegment> all_walls = RoomWalls(s_.graph_->environment);
      // A box room's back, left and right keep the quick placement below; other names
      // ("long", "window", "opposite_door") resolve to a segment in any room.
      const bool side = wall == "back" || wall == "left" || wall == "right" || wall == "front";
      const WallSegment* named =
          wall ? ResolveWall(s_.graph_->environment, all_walls, *wall) : nullptr;
      if (named != nullptr && (!s_.polygon_.empty() || !side)) {
        candidates.push_back(named);
      } else if (!s_.polygon_.empty()) {
        for (const WallSegment& w2 : s_.walls_) candidates.push_back(&w2);
      }
      double total_length = 0.0;
      for (const WallSegment* w : candidates) total_length += w->Length();
      for (int k = 0; k < 12; ++k) {
        Pose q{s_.rng_.Uniform(s_.floor_.min.x, s_.floor_.max.x),
               s_.rng_.Uniform(s_.floor_.min.y, s_.floor_.max.y), 0, 0};
        if (!candidates.empty()) {
          double pick = s_.rng_.Uniform(0.0, total_length);
          const WallSegment* w = candidates.back();
          for (const WallSegment* c : candidates) {
            if (pick <= c->Length()) {
              w = c;
              break;
            }
            pick -= c->Length();
          }
          // Under a window: below its middle; else anywhere along the wall.
          double along = s_.rng_.Uniform(0.0, w->Length());
          if (under_window(r)) {
            const Vec2 window = s_.bodies_[s_.index_.at(r.objects.back())].Center2();
            along = std::clamp((window - w->a).Dot(w->Direction()), 0.0, w->Length());
          }
          const Vec2 at = w->a + w->Direction() * along;
          q.x = at.x;
          q.y = at.y;
          s_.SnapToSegment(a, *w, &q);
          const Vec2 h = s_.Half(a, q.yaw_rad);
          const double score = Crowding(Rect2{Vec2{q.x, q.y} - h, Vec2{q.x, q.y} + h}, a);
          if (score < best_score) {
            best_score = score;
            best = q;
          }
          continue;
        }
        if (wall == "back") q.y = s_.floor_.max.y;
        if (wall == "left") q.x = s_.floor_.min.x;
        if (wall == "right") q.x = s_.floor_.max.x;
        if (!wall && face_pair[a]) {
          // Something faces it or it faces something (a sofa and its TV): a side wall, so
          // the pair lines up across the view and the camera sees both from the side.
          q.x = k % 2 == 0 ? s_.floor_.min.x : s_.floor_.max.x;
          q.y = s_.rng_.Uniform(s_.floor_.min.y + 0.3 * s_.floor_.Depth(),
                                s_.floor_.max.y - 0.2 * s_.floor_.Depth());
        } else if (!wall) {
          q.y = s_.floor_.max.y;  // the back wall faces the camera
        }
        s_.SnapToWall(a, &q);
        const Vec2 h = s_.Half(a, q.yaw_rad);
        const double score = Crowding(Rect2{Vec2{q.x, q.y} - h, Vec2{q.x, q.y} + h}, a);
        if (score < best_score) {
          best_score = score;
          best = q;
        }
      }
      p = best;
      p.z = r.type == RelationType::kOnWall ? s_.RestZ(a) : 0.0;
      place(a, p);
      if (!wall && face_pair[a] && r.type == RelationType::kAgainstWall) {
        PlacePartner(a, placed, place);
      }
    } else if (r.type == RelationType::kCenter) {
      place(a, Pose{0, 0, 0, 0});
    }
  }
  // 2. Groups around a reference, rows, grids and circles.
  for (size_t ri = 0; ri < s_.graph_->relations.size(); ++ri) {
    const Relation& r = s_.graph_->relations[ri];
    const size_t m = r.objects.size();
    if (r.type == RelationType::kAround) {
      const int ref = s_.index_.at(r.objects.back());
      if (!placed[ref]) {
        double reach = 0.3;
        for (size_t k = 0; k + 1 < m; ++k) {
          reach = std::max(reach, s_.SizeOf(s_.index_.at(r.objects[k])).y + 0.3);
        }
        const Vec2 c = FreeSpot(s_.Half(ref, 0) + Vec2{reach, reach}, s_.floor_, ref);
        place(ref, Pose{c.x, c.y, 0, 0});
      }
      const Pose c = pos(ref);
      const Vec3& rs = s_.SizeOf(ref);
      if (std::max(rs.x, rs.y) > 1.3 * std::min(rs.x, rs.y)) {
        // A long table: seats along its sides, more on the long sides, each side's seats
        // evenly spaced and tucked close, facing the table.
        std::vector<int> seats;
        for (size_t k = 0; k + 1 < m; ++k) seats.push_back(s_.index_.at(r.objects[k]));
        const std::array<double, 4> length{rs.x, rs.x, rs.y, rs.y};  // back, front, left, right
        std::array<int, 4> count{0, 0, 0, 0};
        for (size_t k = 0; k < seats.size(); ++k) {
          int best = 0;
          for (int side = 1; side < 4; ++side) {
            if (length[side] / (count[side] + 1) > length[best] / (count[best] + 1) + 1e-9) {
              best = side;
            }
          }
          ++count[best];
        }
        const Vec2 ax{std::cos(c.yaw_rad), std::sin(c.yaw_rad)};  // the table's +x
        const Vec2 ay{-ax.y, ax.x};                               // the table's +y
        size_t next = 0;
        for (int side = 0; side < 4; ++side) {
          for (int k = 0; k < count[side]; ++k) {
            const int a = seats[next++];
            const double t = (k + 0.5) / count[side] - 0.5;  // along the side, -0.5 .. 0.5
            // Square to the side, and far enough out that the table's centre is within 28
            // degrees of straight ahead (`facing` allows 30) for the seats off the middle.
            const double along = t * (side < 2 ? rs.x : rs.y);
            const double half = (side < 2 ? rs.y : rs.x) / 2;
            const double out = std::max(half + s_.SizeOf(a).y / 2 + 0.08,
                                        std::abs(along) / std::tan(DegToRad(28.0)));
            const Vec2 normal = side == 0   ? Vec2{0, 1}
                                : side == 1 ? Vec2{0, -1}
                                : side == 2 ? Vec2{-1, 0}
                                            : Vec2{1, 0};
            const Vec2 tangent{-normal.y, normal.x};
            const Vec2 local = normal * out + tangent * along;
            const Vec2 offset = ax * local.x + ay * local.y;
            const Vec2 inward = (ax * normal.x + ay * normal.y) * -1.0;
            place(a, Pose{c.x + offset.x, c.y + offset.y, 0, YawFacing(inward)});
          }
        }
        continue;
      }
      for (size_t k = 0; k + 1 < m; ++k) {
        const int a = s_.index_.at(r.objects[k]);
        const double angle = 2 * kPi * k / (m - 1) - kPi / 2;
        const Vec2 dir{std::cos(angle), std::sin(angle)};
        // Distance from the centre to the reference's edge along dir, plus half the member.
        const double edge =
            std::min(std::abs(rs.x / 2 / (dir.x + 1e-9)), std::abs(rs.y / 2 / (dir.y + 1e-9)));
        const double reach = edge + s_.SizeOf(a).y / 2 + 0.12;
        place(a, Pose{c.x + dir.x * reach, c.y + dir.y * reach, 0, YawFacing(dir * -1.0)});
      }
    } else if (r.type == RelationType::kRow || r.type == RelationType::kGrid ||
               r.type == RelationType::kCircle) {
      double span = 0;
      for (const std::string& id : r.objects) span = std::max(span, s_.SizeOf(s_.index_.at(id)).x);
      const Vec2 pitch = s_.Pitch(r);
      const int columns = s_.Columns(r);
      const int rows = (static_cast<int>(m) + columns - 1) / columns;
      const double radius = r.args.Number("radius_m").value_or(pitch.x * m / (2 * kPi) + 0.3);
      // The group's extent, then a free spot for all of it.
      const Vec2 half = r.type == RelationType::kCircle
                            ? Vec2{radius + span / 2, radius + span / 2}
                            : Vec2{columns * pitch.x / 2, rows * pitch.y / 2};
      // Members that all face one object (desks facing the teacher's desk, chairs facing a
      // stage): that object goes centred beyond the group's far (+Y) side, so the group faces
      // it together and the viewer looks over the group toward it.
      const int target = s_.group_target_[ri];  // rows and grids only
      const bool lead =
          target >= 0 && !placed[target] && s_.items_[target].parent < 0 && !s_.items_[target].wall;
      const double lead_depth = lead ? s_.SizeOf(target).y + 1.0 : 0.0;
      Vec2 origin = FreeSpot(half + Vec2{0, lead_depth / 2}, s_.floor_, -1);
      if (lead) {
        origin.y -= lead_depth / 2;
        place(target,
              Pose{origin.x, origin.y + half.y + lead_depth - s_.SizeOf(target).y / 2, 0, 0});
      }
      double common_yaw = 0.0;
      if (target >= 0 && placed[target]) {
        common_yaw = YawFacing(Vec2{pos(target).x, pos(target).y} - origin);
      }
      for (size_t k = 0; k < m; ++k) {
        const int a = s_.index_.at(r.objects[k]);
        Pose p{0, 0, 0, 0};
        if (r.type == RelationType::kCircle) {
          const double angle = 2 * kPi * k / m;
          p.x = origin.x + radius * std::cos(angle);
          p.y = origin.y + radius * std::sin(angle);
          p.yaw_rad = YawFacing(Vec2{-std::cos(angle), -std::sin(angle)});
        } else {
          const int row = static_cast<int>(k) / columns, col = static_cast<int>(k) % columns;
          p.x = origin.x + (col - (columns - 1) / 2.0) * pitch.x;
          p.y = origin.y + ((rows - 1) / 2.0 - row) * pitch.y;
          p.yaw_rad = common_yaw;
        }
        place(a, p);
      }
    }
  }
  // 3. Everything else on the floor: near what it relates to, else anywhere.
  for (size_t i = 0; i < n; ++i) {
    if (placed[i] || s_.items_[i].parent >= 0) continue;
    Pose p{s_.rng_.Uniform(s_.floor_.min.x, s_.floor_.max.x),
           s_.rng_.Uniform(s_.floor_.min.y, s_.floor_.max.y), 0,
           s_.items_[i].wall ? 0.0 : s_.RandomQuarterTurn()};
    Rect2 region = s_.floor_;
    if (!s_.graph_->environment.IsRoom() && s_.items_[i].relations.empty()) {
      // Outdoors, an object nothing places joins the scene rather than the far end of the
      // ground: a free spot within a few metres of what stands already.
      bool any = false;
      Rect2 content;
      for (size_t j = 0; j < n; ++j) {
        if (!placed[j] || s_.items_[j].parent >= 0) continue;
        const Rect2 f = s_.bodies_[j].Foot();
        content = any ? Rect2{{std::min(content.min.x, f.min.x), std::min(content.min.y, f.min.y)},
                              {std::max(content.max.x, f.max.x), std::max(content.max.y, f.max.y)}}
                      : f;
        any = true;
      }
      if (any) {
        region = content.Expanded(std::max(3.0, 0.25 * std::max(content.Width(), content.Depth())));
      }
    }
    // What hangs above a thing starts right over it (on the wall the thing stands against, or
    // at the ceiling), not anywhere near it: the nearest wall to a spot beside a thing in a corner
    // may be the other wall.
    const int over = s_.items_[i].above;
    const bool over_placed = over >= 0 && placed[over];
    if (over_placed) {
      const Vec2 c = s_.bodies_[over].Center2();
      region = Rect2{c, c};
    }
    for (size_t r : over_placed ? std::vector<size_t>{} : s_.items_[i].relations) {
      const std::vector<int>& m = s_.members_[r];
      const int ref = m.back();
      const bool between = s_.graph_->relations[r].type == RelationType::kBetween && m.size() == 3;
      if (between && m[0] == static_cast<int>(i) && placed[m[1]] && placed[m[2]]) {
        // Between its two references, already standing: at their midpoint.
        const Vec2 mid = (s_.bodies_[m[1]].Center2() + s_.bodies_[m[2]].Center2()) * 0.5;
        region = Rect2{mid, mid}.Expanded(0.5);
        break;
      }
      if (between && m[0] != static_cast<int>(i) && placed[m[0]]) {
        // A reference of "between" stands at a side of what is between, already standing.
        const Vec2 h = s_.Half(static_cast<int>(i), p.yaw_rad);
        region = s_.bodies_[m[0]].Foot().Expanded(2 * std::max(h.x, h.y) + 0.3);
        break;
      }
      if (ref != static_cast<int>(i) && placed[ref]) {
        region = s_.bodies_[ref].Foot().Expanded(1.5);
        break;
      }
    }
    if (!s_.items_[i].wall) {
      const Vec2 c = FreeSpot(s_.Half(static_cast<int>(i), p.yaw_rad), region, static_cast<int>(i));
      p.x = c.x;
      p.y = c.y;
    } else {
      p.x = s_.rng_.Uniform(region.min.x, region.max.x);
      p.y = s_.rng_.Uniform(region.min.y, region.max.y);
    }
    if (s_.items_[i].wall) s_.SnapToWall(static_cast<int>(i), &p);
    p.z = s_.RestZ(static_cast<int>(i));
    if (!s_.items_[i].wall) s_.ClampToFloor(static_cast<int>(i), &p);
    place(static_cast<int>(i), p);
  }
  // 4. Objects on surfaces, parents first.
  bool progress = true;
  while (progress) {
    progress = false;
    for (size_t i = 0; i < n; ++i) {
      const int parent = s_.items_[i].parent;
      if (placed[i] || parent < 0 || !placed[parent]) continue;
      // Side by side along the support's width, in the order they were named (books on a
      // shelf, a laptop and a lamp on a desk), rather than all at its centre.
      const std::vector<int>& siblings = s_.items_[parent].children;
      const size_t k = static_cast<size_t>(
          std::find(siblings.begin(), siblings.end(), static_cast<int>(i)) - siblings.begin());
      const double t = siblings.size() > 1 ? (k + 0.5) / siblings.size() - 0.5 : 0.0;
      const double usable = std::max(0.0, s_.SizeOf(parent).x - s_.SizeOf(static_cast<int>(i)).x);
      const Pose q = pos(parent);
      const double along =
          t * std::min(usable, s_.SizeOf(parent).x * (1.0 - 1.0 / siblings.size()));
      place(static_cast<int>(i),
            Pose{q.x + along * std::cos(q.yaw_rad), q.y + along * std::sin(q.yaw_rad),
                 s_.RestZ(static_cast<int>(i)), q.yaw_rad});
      progress = true;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (!placed[i]) place(static_cast<int>(i), Pose{0, 0, s_.RestZ(static_cast<int>(i)), 0});
  }
  for (size_t i = 0; i < n; ++i) {
    if (!s_.items_[i].fixed) s_.items_[i].object->pose->z = s_.RestZ(static_cast<int>(i));
    s_.UpdateBody(static_cast<int>(i));
  }
  // Children follow a parent whose z was just corrected.
  for (size_t i = 0; i < n; ++i) {
    if (s_.items_[i].parent >= 0 && !s_.items_[i].fixed) {
      s_.items_[i].object->pose->z = s_.RestZ(static_cast<int>(i));
      s_.UpdateBody(static_cast<int>(i));
    }
  }
}

}  // namespace scenecraft::solver
