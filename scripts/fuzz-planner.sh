#!/usr/bin/env bash
# Builds the planner's libFuzzer target with clang (address and undefined-behaviour sanitizers)
# in build-fuzz/ and runs it for a bounded time, seeded with the corpus prompts.
# Usage: scripts/fuzz-planner.sh [seconds]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
source scripts/fuzz-common.sh
fuzz_build planner_fuzzer
seeds=build-fuzz/planner-seeds
rm -rf "$seeds" && mkdir -p "$seeds"
n=0
for corpus in tests/corpus/*.jsonl ../shared/corpus/dev.jsonl; do
  [ -f "$corpus" ] || continue
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" | sed -n 's/.*"prompt": *"\([^"]*\)".*/\1/p' > "$seeds/seed_$n"
  done < "$corpus"
done
# -max_len keeps inputs at prompt size; the run stops by itself after the given time.
fuzz_run fuzz-planner build-fuzz/fuzz.log ./build-fuzz/src/scenecraft/lang/planner_fuzzer \
  -max_total_time="$seconds" -max_len=2048 "$seeds"
echo "fuzz-planner: no findings in ${seconds} s"
