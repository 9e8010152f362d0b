// Small helpers shared by the JSON readers and writers of core (scene_json.cc, readback_json.cc).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "scenecraft/core/geometry.h"

namespace scenecraft {

inline nlohmann::json Vec3ToJson(const Vec3& v) {
  return nlohmann::json::array({v.x, v.y, v.z});
}
// `a` has three elements (the readers check the length first).
inline Vec3 Vec3FromArray(const std::vector<double>& a) {
  return {a[0], a[1], a[2]};
}

}  // namespace scenecraft
