// A relation or an object in one call, for tests and benchmarks that build scene graphs by hand.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenecraft/core/relation.h"
#include "scenecraft/core/scene.h"

namespace scenecraft::test_util {

inline Relation Rel(RelationType type, std::vector<std::string> objects) {
  Relation r;
  r.type = type;
  r.objects = std::move(objects);
  return r;
}

// An object of a category and size; has_front says whether it has a front to face with.
inline Object Sized(std::string id, std::string category, Vec3 size, bool has_front = true) {
  Object o;
  o.id = std::move(id);
  o.category = std::move(category);
  o.size = size;
  o.has_front = has_front;
  return o;
}

}  // namespace scenecraft::test_util
