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

// An object whose category is its id up to the first '_' ("jar_2" is a jar), w x d x h metres.
inline Object Sized(const std::string& id, double w, double d, double h) {
  return Sized(id, id.substr(0, id.find('_')), {w, d, h});
}

}  // namespace scenecraft::test_util
