#!/usr/bin/env bash
# Measures batch throughput (docs/DATASETS.md): the same prompts at preview quality (Workbench,
# 320x240, no revision rounds) made locally with --jobs 1 and --jobs 2 and on a one-node Slurm
# cluster started here (scripts/slurm-local-cluster.sh), each into a fresh folder. Prints one
# Markdown row per mode: scenes, wall time, scenes per hour, the load average before and after
# (the machine may be shared), and the mean seconds per scene in each stage, from the manifest.
# Every mode runs at the same (normal) priority, as Slurm tasks do under slurmd, so the modes are
# comparable; run it on an otherwise idle machine.
#   scripts/bench-batch.sh PROMPTS.jsonl [N_PROMPTS] [OUT_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prompts=${1:?usage: bench-batch.sh PROMPTS.jsonl [N_PROMPTS] [OUT_DIR]}
count=${2:-50}
out=${3:-$root/out/bench-batch}
scenecraft="$root/build/scenecraft"
mkdir -p "$out"
head -n "$count" "$prompts" > "$out/prompts.jsonl"
flags=(--rounds 0 --engine workbench --samples 1 --resolution 320x240 --preview-resolution 320x240)

load() { cut -d' ' -f1 /proc/loadavg; }
row() {  # mode dir seconds load_before load_after
  local m="$2/manifest.jsonl"
  local done per_hour stages
  done=$(jq -s 'map(select(.status == "done")) | length' "$m")
  per_hour=$(awk "BEGIN {printf \"%.0f\", $done / $3 * 3600}")
  # Mean per scene: planning, assets, solving, the first Blender build and preview render
  # ("blender rounds"), the final Blender run (wall, and inside Blender: build and render).
  stages=$(jq -rs 'map(select(.status == "done")) | length as $n |
      [("plan", "solve", "blender rounds", "final render", "final build (in Blender)",
        "final render (in Blender)") as $k | (map(.timings[$k] // 0) | add / $n * 100 | round / 100)]
      | map(tostring) | join(" | ")' "$m")
  echo "| $1 | $done | $(printf %.0f "$3") | $per_hour | $4 / $5 | $stages |"
}

echo "| mode | scenes done | wall s | scenes/hour | load avg before / after | plan s | solve s | Blender round 0 s | final Blender run s | final build in Blender s | final render in Blender s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for jobs in 1 2; do
  dir="$out/jobs$jobs"
  rm -rf "$dir"
  before=$(load)
  start=$(date +%s.%N)
  "$scenecraft" batch "$out/prompts.jsonl" -o "$dir" --jobs "$jobs" "${flags[@]}" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  row "local --jobs $jobs" "$dir" "$(awk "BEGIN {print $end - $start}")" "$before" "$(load)"
done

cluster="$out/cluster"
bash "$root/scripts/slurm-local-cluster.sh" stop "$cluster" >/dev/null 2>&1 || true
rm -rf "$cluster"
eval "$(bash "$root/scripts/slurm-local-cluster.sh" start "$cluster" "$(nproc)")"
trap 'bash "$root/scripts/slurm-local-cluster.sh" stop "$cluster"' EXIT
dir="$out/slurm"
rm -rf "$dir"
before=$(load)
start=$(date +%s.%N)
job=$("$scenecraft" batch "$out/prompts.jsonl" -o "$dir" --slurm --array-size "$(nproc)" \
  "${flags[@]}" | sed -n 's/^submitted Slurm job \([0-9]*\) .*/\1/p')
while [ -n "$(squeue -h -j "$job" 2>/dev/null)" ]; do sleep 1; done
end=$(date +%s.%N)
row "Slurm, 1 node, $(nproc) tasks" "$dir" "$(awk "BEGIN {print $end - $start}")" "$before" "$(load)"
