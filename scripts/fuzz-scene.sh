#!/usr/bin/env bash
# Builds the scene JSON reader's libFuzzer target with clang (address and undefined-behaviour
# sanitizers) in build-fuzz/ and runs it for a bounded time, seeded with examples/*.json and
# variants of them generated here (extreme numbers, control and bidi characters, broken types).
# Usage: scripts/fuzz-scene.sh [seconds]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
source scripts/fuzz-common.sh
fuzz_build scene_json_fuzzer
seeds=build-fuzz/scene-seeds
rm -rf "$seeds" && mkdir -p "$seeds"
for example in examples/*.json; do
  name="$seeds/$(basename "$example" .json)"
  cp "$example" "$name"
  # Variants: every number huge, overflowing or tiny; ids with an escape sequence and a
  # right-to-left override; a number where a string belongs; a truncated file.
  sed -E 's/: ([0-9]+\.?[0-9]*)/: 1e308/g' "$example" > "${name}_huge"
  sed -E 's/: ([0-9]+\.?[0-9]*)/: 1e400/g' "$example" > "${name}_overflow"
  sed -E 's/: ([0-9]+\.?[0-9]*)/: -\1e-300/g' "$example" > "${name}_tiny"
  sed -E 's/"id": "([^"]*)"/"id": "\1\\u001b]0;x\\u202e"/' "$example" > "${name}_controls"
  sed -E 's/"category": "[^"]*"/"category": 7/' "$example" > "${name}_types"
  head -c "$(( $(wc -c < "$example") / 2 ))" "$example" > "${name}_cut"
done
n=$(find "$seeds" -type f | wc -l)
# -max_len covers the largest example; the run stops by itself after the given time. The whole
# log is kept in build-fuzz/scene-fuzz.log.
fuzz_run fuzz-scene build-fuzz/scene-fuzz.log ./build-fuzz/src/scenecraft/core/scene_json_fuzzer \
  -max_total_time="$seconds" -max_len=65536 -dict=tests/fuzz/scene_json.dict "$seeds"
echo "fuzz-scene: no findings in ${seconds} s from $n seeds"
