#include "scenecraft/agent/context_sizes.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "scenecraft/core/room.h"
#include "scenecraft/layout/capacity.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace {

// The largest scale (at most 1) at which `item` stands on `support`'s top: its footprint, turned
// as needed, within `share` of the top's sides.
double ScaleToStandOn(const Object& item, const Object& support, double share) {
  const double item_long = std::max(item.size.x, item.size.y);
  const double item_short = std::min(item.size.x, item.size.y);
  const double top_long = std::max(support.size.x, support.size.y);
  const double top_short = std::min(support.size.x, support.size.y);
  return std::min({1.0, share * top_long / item_long, share * top_short / item_short});
}

// The largest scale (at most 1) at which `item` fits inside `container`, turned as needed.
double ScaleToFitIn(const Object& item, const Object& container, double share) {
  // It may turn to fit: only the sorted sides matter.
  const Vec3 a = item.size.Descending(), b = container.size.Descending();
  return std::min({1.0, share * b.x / a.x, share * b.y / a.y, share * b.z / a.z});
}

// The share of a thing's height below which what stands under it keeps clear of its top (a
// table's top, a bench's seat).
constexpr double kUnderTopShare = 0.9;

// Whether a thing stands on the floor: no relation puts it on, in, over or against something
// else, nor on a wall or from the ceiling, nor above the first of a stack.
bool StandsOnTheFloor(const SceneGraph& graph, const std::string& id) {
  for (const Relation& r : graph.relations) {
    const auto at = std::find(r.objects.begin(), r.objects.end(), id);
    if (at == r.objects.end()) continue;
    switch (r.type) {
      case RelationType::kOn:
      case RelationType::kInside:
      case RelationType::kOnWall:
      case RelationType::kHanging:
      case RelationType::kAbove:
        if (at == r.objects.begin()) return false;
        break;
      case RelationType::kStack:
        if (at != r.objects.begin()) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

// Below this share of its depth a thing's height lies flat (a sheet, a mat).
constexpr double kLyingFlatShare = 0.25;

// How far below the ceiling the top of what stands in a room keeps (a plant's leaves, a lamp's
// shade do not touch it).
constexpr double kCeilingGap = 0.1;

// The height a thing's bottom stands at when it stands on the floor or on supports that do
// (`on` and the members of a stack): 0 on the floor, the support's top on a support. nullopt
// when it hangs, is on a wall, above or inside something (the layout sets its height), or the
// chain is deeper than a few supports.
std::optional<double> StandingBase(const SceneGraph& graph, const std::string& id, int depth = 0) {
  if (depth > 4) return std::nullopt;
  const Object* o = graph.FindObject(id);
  if (o == nullptr || o->support == Support::kWall || o->support == Support::kCeiling) {
    return std::nullopt;
  }
  // On a support: the support's top.
  auto on = [&](const std::string& under) -> std::optional<double> {
    const Object* support = graph.FindObject(under);
    const std::optional<double> below = StandingBase(graph, under, depth + 1);
    if (support == nullptr || !support->HasSize() || !below) return std::nullopt;
    return *below + support->size.z;
  };
  for (const Relation& r : graph.relations) {
    const auto at = std::find(r.objects.begin(), r.objects.end(), id);
    if (at == r.objects.end()) continue;
    const bool subject = at == r.objects.begin();
    switch (r.type) {
      case RelationType::kInside:
      case RelationType::kOnWall:
      case RelationType::kHanging:
      case RelationType::kAbove:
        if (subject) return std::nullopt;
        break;
      case RelationType::kOn:
        if (subject && r.objects.size() == 2) return on(r.objects[1]);
        break;
      case RelationType::kStack:
        if (!subject) return on(*(at - 1));
        break;
      default:
        break;
    }
  }
  return 0.0;
}
}  // namespace

void ContextSizeOptions::Check() const {
  if (!(fill_share > 0 && fill_share <= 1))
    throw Error("context sizes: fill_share must be in (0, 1]");
  if (!(min_scale > 0 && min_scale <= 1)) throw Error("context sizes: min_scale must be in (0, 1]");
}

std::vector<std::string> FitSizesToContext(SceneGraph* graph, const std::set<std::string>& fixed,
                                           const ContextSizeOptions& options) {
  options.Check();
  // Each (item, what carries or holds it) the relations name, in their order: on and inside, and
  // every consecutive pair of a stack.
  struct Pair {
    std::string item, holder;
    bool inside = false;
    bool stacked = false;  // a stack's members may be as large as the one below them
  };
  std::vector<Pair> pairs;
  for (const Relation& r : graph->relations) {
    if (r.type == RelationType::kOn && r.objects.size() == 2) {
      pairs.push_back({r.objects[0], r.objects[1], false, false});
    } else if (r.type == RelationType::kInside && r.objects.size() == 2) {
      pairs.push_back({r.objects[0], r.objects[1], true, false});
    } else if (r.type == RelationType::kStack) {
      for (size_t k = 1; k < r.objects.size(); ++k) {
        pairs.push_back({r.objects[k], r.objects[k - 1], false, true});
      }
    }
  }
  std::vector<std::string> lines;
  std::map<std::string, double> scaled;  // id -> the scale given so far
  std::set<std::string> refused;         // items no plausible size fits (said once)
  // A holder may itself shrink to fit what carries it; a few rounds settle chains (a cup on a
  // saucer on a stool).
  for (int round = 0; round < 4; ++round) {
    bool changed = false;
    for (const Pair& p : pairs) {
      Object* item = graph->FindObject(p.item);
      Object* holder = graph->FindObject(p.holder);
      if (item == nullptr || holder == nullptr || !item->HasSize() || !holder->HasSize() ||
          refused.count(item->id) > 0) {
        continue;
      }
      const double share = p.stacked ? 1.0 : options.fill_share;
      if (fixed.count(item->id) > 0) {
        // A size the text gave ("a 5 m long boat on a trailer") is kept: the support grows under
        // it, its height kept, unless its size was given too.
        if (p.inside || p.stacked ||
            (item->size.x <= share * holder->size.x + 1e-9 &&
             item->size.y <= share * holder->size.y + 1e-9)) {
          continue;
        }
        if (fixed.count(holder->id) > 0) {
          refused.insert(item->id);
          lines.push_back("no plausible size lets " + item->id + " (" + item->size.SizeString() +
                          ") stand on " + holder->id + " (" + holder->size.SizeString() +
                          "); both sizes were given");
          continue;
        }
        // Side by side with the item as it stands (the layout's capacity check does not turn it).
        const Vec3 before = holder->size;
        holder->size.x = std::max(holder->size.x, item->size.x / share);
        holder->size.y = std::max(holder->size.y, item->size.y / share);
        changed = true;
        lines.push_back(holder->id + " sized to carry " + item->id + ": " + before.SizeString() +
                        " -> " + holder->size.SizeString());
        continue;
      }
      const double scale =
          p.inside ? ScaleToFitIn(*item, *holder, share) : ScaleToStandOn(*item, *holder, share);
      if (scale >= 1.0 - 1e-6) continue;
      const double total = scaled.count(item->id) ? scaled[item->id] * scale : scale;
      if (total < options.min_scale) {
        refused.insert(item->id);
        lines.push_back("no plausible size lets " + item->id + " (" + item->size.SizeString() +
                        ") " + (p.inside ? "fit inside " : "stand on ") + holder->id + " (" +
                        holder->size.SizeString() + "); it keeps its size");
        continue;
      }
      const Vec3 before = item->size;
      item->size = {item->size.x * scale, item->size.y * scale, item->size.z * scale};
      scaled[item->id] = total;
      changed = true;
      lines.push_back(item->id + " sized to " + (p.inside ? "fit inside " : "stand on ") +
                      holder->id + ": " + before.SizeString() + " -> " + item->size.SizeString());
    }
    if (!changed) break;
  }
  // What stands on one support shares its top: together they cover at most the share of it the
  // layout's capacity check allows (layout/capacity.h), each shrunk by the same factor ("a dozen
  // pots on a bench"); where that would take a thing below a plausible size, they keep their
  // sizes and the run says so (the capacity check then moves some beside the support).
  std::map<std::string, std::vector<std::string>> on_top;  // holder -> items, in order
  for (const Pair& p : pairs) {
    if (!p.inside && !p.stacked) on_top[p.holder].push_back(p.item);
  }
  for (const auto& [holder_id, items] : on_top) {
    const Object* holder = graph->FindObject(holder_id);
    if (holder == nullptr || !holder->HasSize() || items.size() < 2) continue;
    double fixed_m2 = 0, movable_m2 = 0, least = 1.0;
    std::vector<Object*> movable;
    for (const std::string& id : items) {
      Object* item = graph->FindObject(id);
      if (item == nullptr || !item->HasSize()) continue;
      const double m2 = item->size.x * item->size.y;
      if (fixed.count(id) > 0 || refused.count(id) > 0) {
        fixed_m2 += m2;
        continue;
      }
      movable_m2 += m2;
      movable.push_back(item);
      least = std::min(least, scaled.count(id) ? scaled[id] : 1.0);
    }
    const double usable = kUsableTopShare * holder->size.x * holder->size.y - fixed_m2;
    if (movable.empty() || movable_m2 <= usable + 1e-12) continue;
    const double scale = usable > 0 ? std::sqrt(usable / movable_m2) : 0.0;
    if (least * scale < options.min_scale) {
      lines.push_back("no plausible size lets " + std::to_string(items.size()) +
                      " things share the top of " + holder_id + " (" + holder->size.SizeString() +
                      "); they keep their sizes");
      continue;
    }
    for (Object* item : movable) {
      item->size = item->size * scale;
      scaled[item->id] = (scaled.count(item->id) ? scaled[item->id] : 1.0) * scale;
    }
    lines.push_back(std::to_string(movable.size()) + " things sized to share the top of " +
                    holder_id + ": scaled by " + FormatNumber(scale, 2));
  }
  // What stands under a window stays below its sill ("a fern under the window"); under a thing
  // on the floor, below its top with room for the top ("a crate under the bench").
  for (const Relation& r : graph->relations) {
    if (r.type != RelationType::kUnder || r.objects.size() != 2) continue;
    Object* item = graph->FindObject(r.objects[0]);
    if (item == nullptr || !item->HasSize()) continue;
    double limit = 0.0;
    std::string below;  // what the limit is, for the notes
    if (const Opening* window = FindOpening(graph->environment, r.objects[1]);
        window != nullptr && window->kind == "window" && window->sill_m > 0) {
      limit = window->sill_m;
      below = window->id + " (sill " + FormatNumber(window->sill_m, 2) + " m)";
    } else if (const Object* over = graph->FindObject(r.objects[1]);
               over != nullptr && over->HasSize() && StandsOnTheFloor(*graph, over->id)) {
      limit = kUnderTopShare * over->size.z;
      below = over->id + " (top " + FormatNumber(over->size.z, 2) + " m)";
    }
    if (limit <= 0 || item->size.z <= limit) continue;
    const double scale = limit / item->size.z;
    const double total = scaled.count(item->id) ? scaled[item->id] * scale : scale;
    if (fixed.count(item->id) > 0 || total < options.min_scale) {
      lines.push_back("no plausible size lets " + item->id + " (" + item->size.SizeString() +
                      ") stand under " + below + "; it keeps its size");
      continue;
    }
    const Vec3 before = item->size;
    item->size = {item->size.x * scale, item->size.y * scale, item->size.z * scale};
    scaled[item->id] = total;
    lines.push_back(item->id + " sized to stand under " + r.objects[1] + ": " +
                    before.SizeString() + " -> " + item->size.SizeString());
  }
  // What stands in a room fits under its ceiling: a model of a kind's real size (a 12 m palm, a
  // 5 m tree) in a room is scaled down, in proportion, until its top is below the ceiling, on the
  // floor or on what carries it. This is no plausibility bound but a wall of the room, so it goes
  // below min_scale, and then the run says so.
  if (graph->environment.IsRoom() && graph->environment.size.z > 0) {
    const double ceiling = graph->environment.size.z - kCeilingGap;
    for (Object& o : graph->objects) {
      if (!o.HasSize()) continue;
      const std::optional<double> base = StandingBase(*graph, o.id);
      if (!base || *base + o.size.z <= ceiling + 1e-9 || *base >= ceiling) continue;
      const double scale = (ceiling - *base) / o.size.z;
      const std::string where = FormatNumber(graph->environment.size.z, 2) + " m ceiling";
      if (fixed.count(o.id) > 0) {
        lines.push_back("no plausible size lets " + o.id + " (" + o.size.SizeString() +
                        ", as given) stand under the " + where + "; it keeps its size");
        continue;
      }
      const double total = scaled.count(o.id) ? scaled[o.id] * scale : scale;
      const Vec3 before = o.size;
      o.size = o.size * scale;
      scaled[o.id] = total;
      lines.push_back((total < options.min_scale
                           ? "no plausible size lets " + o.id + " stand under the " + where + ": "
                           : o.id + " sized to stand under the " + where + ": ") +
                      before.SizeString() + " -> " + o.size.SizeString() + " (scaled by " +
                      FormatNumber(scale, 2) + ")");
    }
  }
  // What hangs on a wall shows its face: a procedural shape that lies flat (a sheet's stand-in, a
  // rug: its height below a quarter of its depth) is stood up against the wall, its depth and
  // height swapped, or the camera sees a 1 cm edge ("a scroll on the wall behind the desk"). A
  // real model is not turned (the script would squash it to the new size), nor a size the text
  // gave.
  for (const Relation& r : graph->relations) {
    if (r.type != RelationType::kOnWall || r.objects.size() != 1) continue;
    Object* o = graph->FindObject(r.objects[0]);
    if (o == nullptr || !o->HasSize() || fixed.count(o->id) > 0 ||
        o->asset.source != "procedural" || o->size.z >= kLyingFlatShare * o->size.y) {
      continue;
    }
    const Vec3 before = o->size;
    std::swap(o->size.y, o->size.z);
    lines.push_back(o->id + " stood up against the wall to show its face: " + before.SizeString() +
                    " -> " + o->size.SizeString());
  }
  for (const std::string& line : lines) graph->notes.push_back(line);
  return lines;
}

}  // namespace scenecraft
