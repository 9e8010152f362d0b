// Layout benchmark (issue 3): realistic scenes of N objects with about two relations per object
// (dining groups, rows, objects on surfaces, furniture against walls, outdoor streets), solved
// from scratch. Reports time per solve and, as counters, the share of relations passing, hard
// failures and collisions.
//
//   build/src/scenecraft/layout/layout_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "scenecraft/assets/resolve.h"
#include "scenecraft/layout/solver.h"

namespace scenecraft {
namespace {

Relation Rel(RelationType type, std::vector<std::string> objects) {
  Relation r;
  r.type = type;
  r.objects = std::move(objects);
  return r;
}

// A scene of about n objects, built from groups that people describe.
SceneGraph MakeScene(int n, uint64_t seed) {
  SceneGraph g;
  int next = 0;
  auto add = [&](const std::string& category) {
    Object o;
    o.id = category + "_" + std::to_string(++next);
    std::replace(o.id.begin(), o.id.end(), ' ', '_');
    o.category = category;
    g.objects.push_back(o);
    return o.id;
  };
  int group = 0;
  while (static_cast<int>(g.objects.size()) < n) {
    switch ((group++ + static_cast<int>(seed)) % 4) {
      case 0: {  // a dining group: table, four chairs around it facing it, a vase on it
        const std::string t = add("table");
        std::vector<std::string> around;
        for (int k = 0; k < 4; ++k) {
          const std::string c = add("chair");
          around.push_back(c);
          g.relations.push_back(Rel(RelationType::kFacing, {c, t}));
        }
        around.push_back(t);
        g.relations.push_back(Rel(RelationType::kAround, around));
        g.relations.push_back(Rel(RelationType::kOn, {add("vase"), t}));
        break;
      }
      case 1: {  // a workplace: a desk, a chair in front facing it, a laptop and a lamp on it
        const std::string desk = add("desk");
        const std::string chair = add("office chair");
        g.relations.push_back(Rel(RelationType::kInFrontOf, {chair, desk}));
        g.relations.push_back(Rel(RelationType::kFacing, {chair, desk}));
        g.relations.push_back(Rel(RelationType::kOn, {add("laptop"), desk}));
        g.relations.push_back(Rel(RelationType::kOn, {add("lamp"), desk}));
        break;
      }
      case 2: {  // a row of street lamps
        std::vector<std::string> row;
        for (int k = 0; k < 4; ++k) row.push_back(add("street lamp"));
        g.relations.push_back(Rel(RelationType::kRow, row));
        g.relations.push_back(Rel(RelationType::kAligned, row));
        break;
      }
      default: {  // a sofa facing a TV with a coffee table between them
        const std::string s = add("sofa");
        const std::string tv = add("tv stand");
        const std::string ct = add("coffee table");
        g.relations.push_back(Rel(RelationType::kFacing, {s, tv}));
        g.relations.push_back(Rel(RelationType::kBetween, {ct, s, tv}));
        g.relations.push_back(Rel(RelationType::kNear, {add("plant"), s}));
        break;
      }
    }
  }
  // Room enough: about 6 m^2 of floor per object, outdoors.
  const double side = std::max(8.0, std::sqrt(6.0 * g.objects.size()));
  g.environment.kind = Environment::Kind::kOutdoor;
  g.environment.size = {side, side, 0};
  ResolveAssets(&g, AssetOptions{});
  return g;
}

void BM_Solve(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const SceneGraph scene = MakeScene(n, 1);
  double passed = 0, total = 0, collisions = 0, hard = 0, runs = 0;
  uint64_t seed = 1;
  for (auto _ : state) {
    SceneGraph g = scene;
    SolverOptions options;
    options.seed = seed++;
    options.time_budget_s = 30.0;
    const SolveResult r = Solve(&g, options);
    passed += r.relations_passed;
    total += r.relations_total;
    collisions += r.collisions;
    hard += r.hard_failed;
    runs += 1;
  }
  state.counters["objects"] = static_cast<double>(scene.objects.size());
  state.counters["relations"] = static_cast<double>(scene.relations.size());
  state.counters["pass_rate"] = total > 0 ? passed / total : 1.0;
  state.counters["collisions"] = collisions / runs;
  state.counters["hard_failed"] = hard / runs;
}
BENCHMARK(BM_Solve)
    ->Arg(10)
    ->Arg(30)
    ->Arg(100)
    ->Arg(300)
    ->Arg(1000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
}  // namespace scenecraft

BENCHMARK_MAIN();
