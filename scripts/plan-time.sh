#!/usr/bin/env bash
# First-pass planning time of single prompts, each alone in a fresh process so that no WordNet
# answer is cached (issue #12's "first pass, uncached" target). Runs `scenecraft eval-plan
# --no-assets` on a one-line corpus per prompt, RUNS times each (default 3), and prints the times
# with their median and maximum per prompt. SCENECRAFT names the binary (default build/scenecraft);
# with several binaries (separated by spaces) their runs alternate, so that both see the same load.
# Usage: [RUNS=5] [SCENECRAFT="old/scenecraft new/scenecraft"] scripts/plan-time.sh CORPUS.jsonl ID...
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 CORPUS.jsonl ID [ID...]" >&2; exit 2; }
corpus="$1"
shift
runs="${RUNS:-3}"
read -r -a binaries <<< "${SCENECRAFT:-./build/scenecraft}"
one="$(mktemp)"
trap 'rm -f "$one"' EXIT
# The median and maximum of the numbers on standard input.
summary() {
  sort -g | awk '{v[NR] = $1} END {m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
                                  printf "median %.2f ms, max %.2f ms", m, v[NR]}'
}
for id in "$@"; do
  grep -F "\"id\":\"$id\"" "$corpus" > "$one" || grep -F "\"id\": \"$id\"" "$corpus" > "$one" || {
    echo "$id: not in $corpus" >&2
    exit 1
  }
  declare -A times=()
  for run in $(seq 1 "$runs"); do
    for bin in "${binaries[@]}"; do
      ms="$("$bin" eval-plan "$one" --no-assets | sed -n 's/.*first pass): mean \([0-9.]*\) ms.*/\1/p')"
      times[$bin]+="$ms "
    done
  done
  for bin in "${binaries[@]}"; do
    label="$id"
    [ "${#binaries[@]}" -gt 1 ] && label="$id ($bin)"
    echo "$label: ${times[$bin]}-> $(tr ' ' '\n' <<< "${times[$bin]}" | grep . | summary)"
  done
  unset times
done
