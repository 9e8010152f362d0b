#include "scenecraft/layout/capacity.h"

#include <map>

#include "scenecraft/util/strings.h"

namespace scenecraft {

std::vector<std::string> FitOnSupports(SceneGraph* graph) {
  std::vector<std::string> changes;
  auto area = [](const Object& o) { return o.size.x * o.size.y; };
  // What each support carries so far, in the order the relations name it.
  std::map<std::string, double> used;
  for (Relation& r : graph->relations) {
    if (r.type != RelationType::kOn || r.objects.size() != 2) continue;
    const Object* item = graph->FindObject(r.objects[0]);
    const Object* support = graph->FindObject(r.objects[1]);
    if (item == nullptr || support == nullptr || !item->HasSize() || !support->HasSize()) continue;
    auto fits = [&](const Object& s) {
      return used[s.id] + area(*item) <= kUsableTopShare * area(s) + 1e-9 &&
             item->size.x <= s.size.x + 1e-9 && item->size.y <= s.size.y + 1e-9;
    };
    if (fits(*support)) {
      used[support->id] += area(*item);
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
      used[other->id] += area(*item);
      line = item->id + " did not fit on " + support->id + "; it goes on " + other->id;
      r.objects[1] = other->id;
    } else {
      line = item->id + " did not fit on " + support->id + " (" +
             FormatNumber(used[support->id], 2) + " of its " +
             FormatNumber(kUsableTopShare * area(*support), 2) +
             " m^2 are taken); it stands on the floor next to it";
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
