#!/usr/bin/env bash
# Whether two builds of scenecraft plan alike: for every corpus given, the `eval-plan --details`
# report (timing lines left out) and `plan --json` of every prompt, compared between the two
# binaries. For changes that must not change behaviour (speed work, refactoring).
# Usage: scripts/same-plans.sh OLD_SCENECRAFT NEW_SCENECRAFT CORPUS.jsonl [CORPUS.jsonl...]
# Prints the corpora and prompts that differ and exits 1 when any does; 0 when all are the same.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 OLD_SCENECRAFT NEW_SCENECRAFT CORPUS.jsonl..." >&2; exit 2; }
old="$1"
new="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
differ=0
# The report without what moves from run to run (times, the WordNet load).
report() {
  "$1" eval-plan "$2" --details | grep -v -E ' ms|WordNet load' || true
}
for corpus in "$@"; do
  name="$(basename "$corpus" .jsonl)"
  report "$old" "$corpus" > "$work/$name.old"
  report "$new" "$corpus" > "$work/$name.new"
  if ! cmp -s "$work/$name.old" "$work/$name.new"; then
    echo "$name: eval-plan reports differ:"
    diff "$work/$name.old" "$work/$name.new" | head -20 || true
    differ=1
  fi
  n=0
  same=0
  while IFS=$'\t' read -r id prompt; do
    n=$((n + 1))
    "$old" plan --json -- "$prompt" > "$work/plan.old" 2>&1 || true
    "$new" plan --json -- "$prompt" > "$work/plan.new" 2>&1 || true
    if cmp -s "$work/plan.old" "$work/plan.new"; then
      same=$((same + 1))
    else
      echo "$name $id: plans differ"
      diff "$work/plan.old" "$work/plan.new" | head -10 || true
      differ=1
    fi
  done < <(jq -r '[.id, .prompt] | @tsv' "$corpus")
  echo "$name: $same of $n plans the same"
done
exit "$differ"
