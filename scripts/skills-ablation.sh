#!/usr/bin/env bash
# The paper's ablation on our own scenes (docs/SKILLS.md): learn a library on a training corpus,
# then evaluate a held-out test corpus on the Blender readback in five variants: full (library +
# inner loop), - library, - library - inner loop, - library - inner loop - relation graph, and
# library with the inner loop off. The three variants without a library do not wait for learning:
# they run beside it (two processes at a time). Prints each variant's eval summary line and the
# learn report. "Holding at round 0" of a variant is its inner-loop-off twin's score (same seed).
# Usage: scripts/skills-ablation.sh OUT_DIR TRAIN.jsonl TEST.jsonl [ROUNDS]
# Run it niced: it starts Blender a few hundred times. Needs build/scenecraft (or $SCENECRAFT_BIN).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?OUT_DIR}
train=${2:?TRAIN.jsonl}
test=${3:?TEST.jsonl}
rounds=${4:-4}
bin=${SCENECRAFT_BIN:-build/scenecraft}  # a copy keeps a long run safe from rebuilds
mkdir -p "$out"
lib="$out/library.sqlite"
common=(--engine workbench --assets procedural --force)  # eval: one prompt at a time
run() {
  local name=$1
  shift
  local start
  start=$(date +%s)
  "$bin" -q eval "$test" -o "$out/$name" "${common[@]}" "$@" > "$out/$name.txt" || true
  echo "$name ($(( $(date +%s) - start )) s): $(tail -n 2 "$out/$name.txt" | head -n 1)" \
    | tee "$out/$name.summary"
}
# The variants without a library, beside the learning.
(
  run no_library --no-library --rounds "$rounds"
  run no_library_no_loop --no-library --rounds 0
  run no_library_no_loop_no_graph --no-library --no-relations --rounds 0
) &
others=$!
start=$(date +%s)
"$bin" -q learn "$train" --library "$lib" -o "$out/learn" --rounds "$rounds" --assets procedural \
  > "$out/learn.txt" 2> "$out/learn.log" || true
echo "learn: $(( $(date +%s) - start )) s for $(grep -c . "$train") queries" >> "$out/learn.txt"
cat "$out/learn.txt"
"$bin" skills export --library "$lib" -o "$out/library.json"
run full --library "$lib" --rounds "$rounds"
run library_no_loop --library "$lib" --rounds 0
wait "$others"
cat "$out"/*.summary
