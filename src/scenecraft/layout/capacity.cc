#include "scenecraft/layout/capacity.h"

#include <algorithm>
#include <map>
#include <utility>

#include "scenecraft/util/strings.h"

namespace scenecraft {

std::vector<std::string> FitOnSupports(SceneGraph* graph) {
  std::vector<std::string> changes;
  auto area = [](const Object& o) { return o.size.x * o.size.y; };
  // The stack each object is a member of: a stack takes the room of its largest member only.
  std::map<std::string, size_t> stack_of;
  for (size_t k = 0; k < graph->relations.size(); ++k) {
    const Relation& r = graph->relations[k];
    if (r.type != RelationType::kStack) continue;
    for (const std::string& id : r.objects) stack_of.emplace(id, k);
  }
  // What each support carries so far, in the order the relations name it, and the room each
  // stack on it takes.
  std::map<std::string, double> used;
  std::map<std::pair<std::string, size_t>, double> stack_room;
  for (Relation& r : graph->relations) {
    const bool inside = r.type == RelationType::kInside;
    if ((r.type != RelationType::kOn && !inside) || r.objects.size() != 2) continue;
    const Object* item = graph->FindObject(r.objects[0]);
    const Object* support = graph->FindObject(r.objects[1]);
    if (item == nullptr || support == nullptr || !item->HasSize() || !support->HasSize()) continue;
    const auto stack = stack_of.find(item->id);
    // The room the item adds on support `s`: its area, or what it adds to its stack's.
    auto adds = [&](const Object& s) {
      if (stack == stack_of.end()) return area(*item);
      const auto room = stack_room.find({s.id, stack->second});
      return room == stack_room.end() ? area(*item) : std::max(0.0, area(*item) - room->second);
    };
    // On a top the item stands upright, in either quarter turn (the layout turns what stands
    // on a top: a grinder across a narrow bench); inside a container it lies on the bottom,
    // turned as it fits (a rolled rug in a chest), and no side of it may stick out.
    auto fits = [&](const Object& s) {
      if (used[s.id] + adds(s) > kUsableTopShare * area(s) + 1e-9) return false;
      if (!inside) {
        const auto within = [&](double w, double d) {
          return w <= s.size.x + 1e-9 && d <= s.size.y + 1e-9;
        };
        return within(item->size.x, item->size.y) || within(item->size.y, item->size.x);
      }
      const Vec3 a = item->size.Descending(), b = s.size.Descending();
      return a.x <= b.x + 1e-9 && a.y <= b.y + 1e-9 && a.z <= b.z + 1e-9;
    };
    auto put = [&](const Object& s) {
      used[s.id] += adds(s);
      if (stack != stack_of.end()) {
        double& room = stack_room[{s.id, stack->second}];
        room = std::max(room, area(*item));
      }
    };
    if (fits(*support)) {
      put(*support);
      continue;
    }
    // Another support of the same kind with room, the first named.
    const Object* other = nullptr;
    for (const Object& o : graph->objects) {
      if (o.id != support->id && o.category == support->category && o.HasSize() && fits(o)) {
        other = &o;
        break;
      }
    }
    std::string line;
    if (other != nullptr) {
      put(*other);
      line = item->id + " did not fit " + (inside ? "inside " : "on ") + support->id +
             "; it goes " + (inside ? "inside " : "on ") + other->id;
      r.objects[1] = other->id;
    } else {
      // Why: the item alone is too large, or what is already there takes the room.
      const std::string why = used[support->id] > 0
                                  ? FormatNumber(used[support->id], 2) + " of its " +
                                        FormatNumber(kUsableTopShare * area(*support), 2) +
                                        " m^2 are taken"
                                  : item->id + " is " + item->size.SizeString() + ", " +
                                        support->id + " " + support->size.SizeString();
      line = item->id + " did not fit " + (inside ? "inside " : "on ") + support->id + " (" + why +
             "); it stands on the floor next to it";
      r.type = RelationType::kNear;
      Object* moved = graph->FindObject(item->id);
      moved->support = Support::kFloor;
    }
    graph->notes.push_back(line);
    changes.push_back(std::move(line));
  }
  return changes;
}

}  // namespace scenecraft
