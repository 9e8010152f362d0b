#!/usr/bin/env bash
# First-pass planning time of single prompts, each alone in a fresh process so that no WordNet
# answer is cached (issue #12's "first pass, uncached" target). Runs `scenecraft eval-plan` on a
# one-line corpus per prompt, three times each, and prints the times.
# Usage: scripts/plan-time.sh CORPUS.jsonl ID [ID...]   (build/scenecraft must exist)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { echo "usage: $0 CORPUS.jsonl ID [ID...]" >&2; exit 2; }
corpus="$1"
shift
one="$(mktemp)"
trap 'rm -f "$one"' EXIT
for id in "$@"; do
  grep -F "\"id\":\"$id\"" "$corpus" > "$one" || grep -F "\"id\": \"$id\"" "$corpus" > "$one" || {
    echo "$id: not in $corpus" >&2
    exit 1
  }
  for run in 1 2 3; do
    ms="$(./build/scenecraft eval-plan "$one" --no-assets | sed -n 's/.*first pass): mean \([0-9.]*\) ms.*/\1/p')"
    echo "$id run $run: $ms ms"
  done
done
