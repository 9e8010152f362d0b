#include "scenecraft/critic/reviser_args.h"

#include <array>
#include <cmath>
#include <limits>
#include <map>

#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/layout/relations.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

constexpr std::array<const char*, 4> kSides = {"front", "back", "left", "right"};
constexpr double kStep_m = 0.05;

// How far from the reference's edge, toward `side`, a footprint the subject's size first finds
// free floor (inside the room, touching no other body but flat coverings), searched up to
// `limit` metres; infinity when it finds none.
double FreeGap(const Body& subject, const Body& ref, const std::string& side, double limit,
               const std::map<std::string, Body>& bodies, const SceneGraph& graph) {
  const Vec2 axis = *NearSideAxis(ref, side);  // `side` is one of kSides
  const Rect2 foot = ref.Foot();
  const double reach = std::abs(axis.x) * foot.Width() / 2 + std::abs(axis.y) * foot.Depth() / 2;
  const Rect2 own = subject.Foot();
  const double half = 0.45 * std::max(own.Width(), own.Depth());  // a little under its size
  const bool room = graph.environment.IsRoom();
  const Rect2 floor = graph.environment.FloorRect();
  for (double t = 0.0; t <= limit + 1e-9; t += kStep_m) {
    const Vec2 c = foot.Center() + axis * (reach + t + half / 0.9);
    const Rect2 spot{{c.x - half, c.y - half}, {c.x + half, c.y + half}};
    bool free = !room || (floor.Contains(spot.min) && floor.Contains(spot.max));
    for (const auto& [id, body] : bodies) {
      if (!free) break;
      if (id == subject.id || id == ref.id || IsFlatCovering(body.category)) continue;
      if (body.support != Support::kFloor) continue;  // on something else, or on a wall
      free = IntersectionArea(spot, body.Foot()) <= 1e-4;
    }
    if (free) return t;
  }
  return std::numeric_limits<double>::infinity();
}

double Snap(double v, bool up) {
  return (up ? std::ceil(v / kStep_m - 1e-9) : std::floor(v / kStep_m + 1e-9)) * kStep_m;
}

}  // namespace

std::string ReviseArgument(const ArgumentRevisionInput& in, Relation* r) {
  if (in.graph == nullptr || in.readback == nullptr || r->objects.size() != 2) return "";
  const std::map<std::string, Body> bodies = BodiesFromReadback(*in.graph, *in.readback);
  const auto a = bodies.find(r->objects[0]), b = bodies.find(r->objects[1]);
  if (a == bodies.end() || b == bodies.end()) return "";
  const EvalContext context = ContextFor(*in.graph, *in.readback);
  auto holds = [&](const Relation& x) {
    return EvaluateRelation(x, {&a->second, &b->second}, context).pass;
  };
  if (holds(*r)) return "";
  auto changeable = [&](const std::string& key) { return !in.changeable || in.changeable(key); };
  const std::string before = r->ToString();

  // The side: the freest one, when it is not the one the relation has.
  if (r->type == RelationType::kNear && r->args.Word("side") && changeable("side")) {
    const std::string current = *r->args.Word("side");
    const double limit =
        r->args.Number("distance_m").value_or(NearDefaultLimit(a->second, b->second));
    std::string best = current;
    double best_gap = FreeGap(a->second, b->second, current, limit, bodies, *in.graph);
    for (const char* side : kSides) {
      const double gap = FreeGap(a->second, b->second, side, limit, bodies, *in.graph);
      if (gap < best_gap - 1e-9) {
        best_gap = gap;
        best = side;
      }
    }
    if (best != current) {
      r->args.words["side"] = best;
      return before + ": side " + current + " -> " + best + " (free " + FormatNumber(best_gap, 2) +
             " m from " + r->objects[1] + ")";
    }
  }

  // A distance: relaxed to what the layout measured, when that alone makes it hold.
  const std::optional<double> distance = r->args.Number("distance_m");
  const bool upper = r->type == RelationType::kNear || r->type == RelationType::kInFrontOf ||
                     r->type == RelationType::kBehind;
  if (!distance || !changeable("distance_m") || !(upper || r->type == RelationType::kFar)) {
    return "";
  }
  const double gap = Gap(a->second.Foot(), b->second.Foot());
  double value = 0.0;
  if (upper) {
    double cap = 2.0 * *distance;
    if (r->type == RelationType::kNear) {
      cap = std::min(cap, NearDefaultLimit(a->second, b->second));
    }
    value = std::min(Snap(gap + 0.1, /*up=*/true), Snap(cap, /*up=*/false));
    if (value <= *distance + 1e-9) return "";
  } else {
    value = std::max(Snap(gap - 0.1, /*up=*/false), Snap(*distance / 2, /*up=*/true));
    if (value >= *distance - 1e-9 || value <= 0) return "";
  }
  Relation trial = *r;
  trial.args.numbers["distance_m"] = value;
  if (!holds(trial)) return "";
  *r = trial;
  return before + ": distance " + FormatNumber(*distance, 2) + " -> " + FormatNumber(value, 2) +
         " m (measured gap " + FormatNumber(gap, 2) + " m)";
}

}  // namespace scenecraft
