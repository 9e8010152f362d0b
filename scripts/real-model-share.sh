#!/usr/bin/env bash
# The share of objects that get a real (Sweet Home 3D or user) model with the default assets, per
# prompt corpus: every prompt is planned (`plan --json`) and built (`build`: assets resolved,
# layout solved, script written; Blender does not run), and the assets in each scene.json are
# counted. Also prints what each material or colour word of a description was given.
# Usage: bash scripts/real-model-share.sh CORPUS.jsonl [...]  (e.g. tests/corpus/general.jsonl);
# $SCENECRAFT names another build to measure (default ./build/scenecraft).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${SCENECRAFT:-./build/scenecraft}
[ -x "$binary" ] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }
[ $# -gt 0 ] || { echo "usage: $0 CORPUS.jsonl [...]" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for corpus in "$@"; do
  n=0
  while IFS= read -r line; do
    [ -z "$line" ] && continue
    n=$((n + 1))
    prompt=$(printf '%s' "$line" | python3 -c 'import json, sys; print(json.load(sys.stdin)["prompt"])')
    if "$binary" -q plan --json "$prompt" >"$work/$n.json" 2>/dev/null; then
      "$binary" -q build "$work/$n.json" -o "$work/$n" >/dev/null 2>&1 || true
    fi
  done <"$corpus"
  python3 - "$corpus" "$work" "$n" <<'PY'
import json, os, sys
corpus, work, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
total = real = procedural = standin = generic = 0
for k in range(1, n + 1):
    path = os.path.join(work, str(k), "scene.json")
    if not os.path.exists(path):
        continue
    for o in json.load(open(path))["objects"]:
        asset = o.get("asset") or {}
        total += 1
        if asset.get("source") in ("sh3d", "user"):
            real += 1
        elif asset.get("id") == "generic":
            generic += 1
        elif str(asset.get("name", "")).startswith("stand-in"):
            standin += 1
        else:
            procedural += 1
        if asset.get("source") == "sh3d" and o.get("description"):
            print("  %-22s %-28s -> %s" % (o["category"], o["description"], asset.get("id")))
share = 100.0 * real / total if total else 0.0
print("%s: %d objects, %d real models (%.1f %%), %d procedural, %d stand-ins, %d placeholders"
      % (corpus, total, real, share, procedural, standin, generic))
PY
  rm -rf "${work:?}"/*
done
