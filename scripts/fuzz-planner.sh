#!/usr/bin/env bash
# Builds the planner's libFuzzer target with clang (address and undefined-behaviour sanitizers)
# in build-fuzz/ and runs it for a bounded time, seeded with the corpus prompts.
# Usage: scripts/fuzz-planner.sh [seconds]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
# Configured every time (cheap once done): a configure that failed earlier leaves a cache behind.
CC=clang CXX=clang++ cmake -S . -B build-fuzz "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSCENECRAFT_BUILD_FUZZERS=ON -DSCENECRAFT_BUILD_TESTS=OFF -DSCENECRAFT_BUILD_BENCHMARKS=OFF \
    -DCMAKE_C_FLAGS="-fsanitize=address,undefined" -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target planner_fuzzer
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
# The whole log is kept in build-fuzz/fuzz.log; on a finding the sanitizer's report is shown.
log=build-fuzz/fuzz.log
if ! ./build-fuzz/src/scenecraft/lang/planner_fuzzer -max_total_time="$seconds" -max_len=2048 \
  -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$seeds" >"$log" 2>&1; then
  echo "fuzz-planner: finding; sanitizer report follows (full log: $log)" >&2
  sed -n '/^==[0-9]*==ERROR\|runtime error\|^Direct leak\|^Indirect leak/,$p' "$log" | head -n 120 >&2
  exit 1
fi
tail -n 8 "$log"
echo "fuzz-planner: no findings in ${seconds} s"
