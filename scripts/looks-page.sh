#!/usr/bin/env bash
# Renders the prompts of docs/looks/prompts.tsv (id TAB prompt) with the default settings of
# `generate` and puts a small copy of each beauty view (from an older build without one, the
# render) into docs/looks/ (320 px wide, resized by Blender), printing each scene's final render
# times from its blender.log.
#   bash scripts/looks-page.sh [ID ...]                     after: ./build/scenecraft into
#                                                           out/looks/<id>/, docs/looks/<id>_after.png
#   bash scripts/looks-page.sh --before BINARY [ID ...]     before: another build (e.g. main's)
#                                                           into out/looks-before/<id>/,
#                                                           docs/looks/<id>_before.png
# (default: every prompt). Extra flags for generate go in $GENERATE_FLAGS (e.g. "--rounds 0").
# Runs niced: the final Cycles frames take minutes on a shared 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${SCENECRAFT_BINARY:-./build/scenecraft}
out=out/looks
suffix=after
if [ "${1:-}" = "--before" ]; then
  binary=$2
  out=out/looks-before
  suffix=before
  shift 2
fi
[ -x "$binary" ] || { echo "no scenecraft at $binary (build first: bash scripts/build.sh)" >&2; exit 1; }
mkdir -p "$out"
wanted=("$@")
while IFS=$'\t' read -r id prompt; do
  [ -z "$id" ] && continue
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $id "* ]]; then continue; fi
  dir="$out/$id"
  started=$(date +%s)
  # shellcheck disable=SC2086
  nice -n 10 "$binary" generate "$prompt" -o "$dir" --force ${GENERATE_FLAGS:-} \
    >"$out/$id.log" 2>&1 || true
  # A build from before the beauty view (the "before" column) has only the planned camera's view.
  picture="$dir/beauty.png"
  [ -f "$picture" ] || picture="$dir/render.png"
  if [ -f "$picture" ]; then
    nice -n 10 blender -b --factory-startup --python-expr "
import bpy, sys
image = bpy.data.images.load(sys.argv[-2])
w, h = image.size
image.scale(320, max(1, round(320 * h / w)))
image.filepath_raw = sys.argv[-1]
image.file_format = 'PNG'
image.save()
" -- "$picture" "docs/looks/${id}_${suffix}.png" >/dev/null 2>&1
  fi
  echo "$id ($suffix): generate took $(( $(date +%s) - started )) s"
  grep "scenecraft: rendered" "$dir/blender.log" | sed 's|/[^ ]*/||; s/^/  /' || true
done < docs/looks/prompts.tsv
