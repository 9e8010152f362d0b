#!/usr/bin/env bash
# Integration test of `scenecraft batch --slurm` on a real one-node Slurm cluster (munged,
# slurmctld and slurmd started here by scripts/slurm-local-cluster.sh, loopback only): a 12-scene
# batch as a job array of 4 tasks; one task is requeued (killed) in the middle of a scene and
# resumes; in the end every scene is done exactly once, the manifest is valid, and the cluster is
# stopped. Real Blender, Workbench at 160x120, no revision rounds, to keep it short.
#   scripts/test-batch-slurm.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
scenecraft="$build/scenecraft"
work=$(mktemp -d "${TMPDIR:-/tmp}/scenecraft-slurm-test.XXXXXX")
cluster="$work/cluster"
out="$work/out"

fail() {
  echo "FAIL: $*" >&2
  echo "--- status" >&2
  "$scenecraft" batch --status "$out" >&2 || true
  echo "--- task logs" >&2
  tail -n 20 "$out"/.batch/slurm/*.log >&2 2>/dev/null || true
  echo "--- slurmctld.log" >&2
  tail -n 20 "$cluster/slurmctld.log" >&2 || true
  exit 1
}
cleanup() {
  bash "$root/scripts/slurm-local-cluster.sh" stop "$cluster" || true
  rm -rf "$work"
}
trap cleanup EXIT

eval "$(bash "$root/scripts/slurm-local-cluster.sh" start "$cluster" 2)"
echo "cluster up: $SLURM_CONF"

# Twelve prompts of our own corpus, each line with its own id.
head -n 12 "$root/tests/corpus/planner.jsonl" > "$work/prompts.jsonl"
"$scenecraft" batch "$work/prompts.jsonl" -o "$out" --slurm --array-size 4 --rounds 0 \
  --engine workbench --samples 1 --resolution 160x120 --preview-resolution 160x120 \
  > "$work/submit.txt"
cat "$work/submit.txt"
job=$(sed -n 's/^submitted Slurm job \([0-9]*\) .*/\1/p' "$work/submit.txt")
[ -n "$job" ] || fail "no job id in: $(cat "$work/submit.txt")"

# Kill one task in the middle of a scene: once a scene is being made (its private folder exists)
# and at least one scene is recorded, requeue a running task. Slurm delays a requeued job's start;
# the test lets it start at once.
victim=""
for _ in $(seq 600); do
  if [ -s "$out/manifest.jsonl" ] && [ -n "$(ls -A "$out/.batch/tmp" 2>/dev/null)" ]; then
    victim=$(squeue -h -j "$job" -t R -o '%i' | head -n 1)
    [ -n "$victim" ] && break
  fi
  sleep 0.5
done
[ -n "$victim" ] || fail "no running task to kill"
echo "requeueing $victim in the middle of a scene"
scontrol requeue "$victim"
for _ in $(seq 60); do
  scontrol update JobId="$victim" StartTime=now 2>/dev/null && break
  sleep 0.5
done

# Wait for the array to finish (at most 15 minutes).
for _ in $(seq 1800); do
  [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 0.5
done
[ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && echo "job $job finished" || fail "job still running"

# Every scene done exactly once, a valid manifest, the requeue seen by Slurm.
"$scenecraft" batch --status "$out" || fail "the manifest has problems"
"$scenecraft" batch --status "$out" | grep -q '^12/12 done' || fail "not every scene is done"
ids=$(jq -r '.id' "$work/prompts.jsonl" | sort)
done_ids=$(jq -r 'select(.status == "done") | .id' "$out/manifest.jsonl" | sort)
[ "$ids" = "$done_ids" ] || fail "done records differ from the prompts: $done_ids"
for id in $ids; do
  [ -f "$out/$id/render.png" ] && [ -f "$out/$id/scene.json" ] || fail "$id has no render"
done
grep -q "DUE TO JOB REQUEUE" "$out"/.batch/slurm/*.log || fail "no task was requeued"
tasks=$(jq -r '.worker' "$out/manifest.jsonl" | sed 's/ on .*//' | sort -u | wc -l)
echo "scenes made by $tasks array tasks; $(jq -s 'map(select(.status == "failed")) | length' \
  "$out/manifest.jsonl") failed attempts"
echo "PASS: 12 scenes through Slurm, one task requeued mid-scene and resumed"
