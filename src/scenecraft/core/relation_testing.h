// A relation in one call, for tests and benchmarks that build scene graphs by hand.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "scenecraft/core/relation.h"

namespace scenecraft::test_util {

inline Relation Rel(RelationType type, std::vector<std::string> objects) {
  Relation r;
  r.type = type;
  r.objects = std::move(objects);
  return r;
}

}  // namespace scenecraft::test_util
