#!/usr/bin/env bash
# Renders the prompts of docs/looks/prompts.tsv (id TAB prompt) with the default settings of
# `generate` into out/looks/<id>/ and puts small copies of each beauty view and critic's view into
# docs/looks/<id>_beauty.png and <id>_render.png (320 px wide, resized by Blender), printing each
# scene's final render times from its blender.log. Usage: bash scripts/looks-page.sh [ID ...]
# (default: every prompt). Extra flags for generate go in $GENERATE_FLAGS (e.g. "--rounds 0").
set -euo pipefail
cd "$(dirname "$0")/.."
binary=./build/scenecraft
[ -x "$binary" ] || { echo "build first: bash scripts/build.sh" >&2; exit 1; }
wanted=("$@")
while IFS=$'\t' read -r id prompt; do
  [ -z "$id" ] && continue
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $id "* ]]; then continue; fi
  dir="out/looks/$id"
  # shellcheck disable=SC2086
  "$binary" generate "$prompt" -o "$dir" --force ${GENERATE_FLAGS:-} >"out/looks/$id.log" 2>&1 || true
  for view in beauty render; do
    [ -f "$dir/$view.png" ] || continue
    blender -b --factory-startup --python-expr "
import bpy, sys
image = bpy.data.images.load(sys.argv[-2])
w, h = image.size
image.scale(320, max(1, round(320 * h / w)))
image.filepath_raw = sys.argv[-1]
image.file_format = 'PNG'
image.save()
" -- "$dir/$view.png" "docs/looks/${id}_$view.png" >/dev/null 2>&1
  done
  echo "$id:"
  grep "scenecraft: rendered" "$dir/blender.log" | sed 's|/[^ ]*/||; s/^/  /' || true
done < docs/looks/prompts.tsv
