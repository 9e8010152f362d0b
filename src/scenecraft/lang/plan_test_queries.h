// Queries on a plan that the lang stage tests share (test code only).
#pragma once

#include <set>
#include <string>

#include "scenecraft/lang/planner.h"

namespace scenecraft::plan_test {

// The relations of a plan as text ("near(lamp_1, sofa_1)"), for compact checks.
inline std::set<std::string> RelationStrings(const PlanResult& plan) {
  std::set<std::string> out;
  for (const Relation& r : plan.graph.relations) out.insert(r.ToString());
  return out;
}

inline bool Has(const PlanResult& plan, const std::string& relation) {
  return RelationStrings(plan).count(relation) > 0;
}

// Whether some relation names both ids (as text: "lamp_1", "door_1").
inline bool Relates(const PlanResult& plan, const std::string& a, const std::string& b) {
  for (const std::string& r : RelationStrings(plan)) {
    if (r.find(a) != std::string::npos && r.find(b) != std::string::npos) return true;
  }
  return false;
}

inline int CountOf(const PlanResult& plan, const std::string& category) {
  int n = 0;
  for (const Object& o : plan.graph.objects) n += o.category == category;
  return n;
}

inline std::string DescriptionOf(const PlanResult& plan, const std::string& id) {
  for (const Object& o : plan.graph.objects) {
    if (o.id == id) return o.description;
  }
  return "(no " + id + ")";
}

// The plan as the CLI's table, for failure messages.
inline std::string Show(const PlanResult& plan) {
  return FormatPlanTable(plan);
}

inline bool Outdoors(const PlanResult& plan) {
  return plan.graph.environment.kind == Environment::Kind::kOutdoor;
}

inline bool Indoors(const PlanResult& plan) {
  return !Outdoors(plan);
}

}  // namespace scenecraft::plan_test
