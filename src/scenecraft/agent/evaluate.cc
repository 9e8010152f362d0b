#include "scenecraft/agent/evaluate.h"

#include <algorithm>
#include <chrono>

#include "scenecraft/critic/geometric_critic.h"
#include "scenecraft/lang/corpus.h"
#include "scenecraft/lang/planner.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {

EvalSummary EvaluateCorpus(const std::filesystem::path& corpus,
                           const std::filesystem::path& out_dir, const GenerateOptions& options,
                           ProcessLauncher& launcher) {
  EvalSummary summary;
  OfflinePlanner planner;
  GeometricCritic critic;
  int passed = 0, total = 0;
  std::vector<double> times;
  for (const CorpusCase& c : LoadCorpus(corpus)) {
    EvalRow row;
    row.id = c.id;
    const auto start = std::chrono::steady_clock::now();
    try {
      const GenerateResult r =
          Generate(c.prompt, out_dir / c.id, options, planner, critic, launcher);
      if (r.critique) {
        row.relations_total = r.critique->relations_total;
        row.relations_passed = r.critique->relations_passed;
        for (const Finding& f : r.critique->findings) {
          if (f.pass) continue;
          row.collisions += f.kind == Finding::Kind::kCollision;
          row.floating += f.kind == Finding::Kind::kFloating;
          row.hidden += f.kind == Finding::Kind::kVisibility;
        }
      } else {
        row.error = r.skipped;
      }
      row.rounds = static_cast<int>(r.rounds.size()) - 1;
      if (!r.rounds.empty() && r.critique) {
        row.worse_than_round0 = r.critique->score + 1e-9 < r.rounds.front().score_after;
      }
    } catch (const Error& e) {
      row.error = e.what();
    }
    row.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    LogInfo(row.id + ": " + std::to_string(row.relations_passed) + "/" +
            std::to_string(row.relations_total) + " in " + FormatNumber(row.wall_s, 1) + " s" +
            (row.error.empty() ? "" : " (" + row.error + ")"));
    passed += row.relations_passed;
    total += row.relations_total;
    summary.collisions += row.collisions;
    summary.floating += row.floating;
    summary.hidden += row.hidden;
    summary.errors += row.error.empty() ? 0 : 1;
    summary.worse += row.worse_than_round0 ? 1 : 0;
    times.push_back(row.wall_s);
    summary.rows.push_back(std::move(row));
  }
  summary.pass_rate = total == 0 ? 0.0 : static_cast<double>(passed) / total;
  if (!times.empty()) {
    std::sort(times.begin(), times.end());
    summary.median_wall_s = times[times.size() / 2];
  }
  return summary;
}

std::string EvalSummary::ToString() const {
  std::string out = "prompt   pass   collisions floating hidden rounds wall_s\n";
  for (const EvalRow& r : rows) {
    out += r.id + "   " + std::to_string(r.relations_passed) + "/" +
           std::to_string(r.relations_total) + "   " + std::to_string(r.collisions) + "   " +
           std::to_string(r.floating) + "   " + std::to_string(r.hidden) + "   " +
           std::to_string(r.rounds) + "   " + FormatNumber(r.wall_s, 1) +
           (r.error.empty() ? "" : "   error: " + r.error) + "\n";
  }
  out += std::to_string(rows.size()) + " prompts: constraint pass rate " +
         FormatNumber(pass_rate * 100, 1) + " % on the Blender readback; " +
         std::to_string(collisions) + " collisions, " + std::to_string(floating) + " floating, " +
         std::to_string(hidden) + " objects under 20 % visible; " + std::to_string(errors) +
         " errors; " + std::to_string(worse) + " scenes worse than round 0; median " +
         FormatNumber(median_wall_s, 1) + " s per prompt\n";
  return out;
}

}  // namespace scenecraft
