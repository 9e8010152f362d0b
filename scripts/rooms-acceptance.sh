#!/usr/bin/env bash
# Furnishes the rooms of examples/rooms (a room file each: a floor polygon, its wall height, a
# door and a window the solver places; the prompt in prompts.tsv) with the whole agent, then
# measures on Blender's readback: objects off the floor polygon, collisions between objects,
# objects standing in a door, its clearance or a window, and navigability. Also renders a top
# view of each room (DIR/check.png, or DIR/top/render.png).
#
#   bash scripts/rooms-acceptance.sh [OUT_DIR] [ROUNDS] [PROMPTS]
#
# PROMPTS (default examples/rooms/prompts.tsv) may list a subset of the rooms.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-out/rooms}
rounds=${2:-2}
prompts=${3:-examples/rooms/prompts.tsv}
bin=${SCENECRAFT_BIN:-./build/scenecraft}  # another build: SCENECRAFT_BIN=path/to/scenecraft
mkdir -p "$out"
while IFS=$'\t' read -r name prompt; do
  [ -n "$name" ] || continue
  dir="$out/$name"
  "$bin" -q generate "$prompt" --room "examples/rooms/$name.json" -o "$dir" --rounds "$rounds" \
    --engine workbench --resolution 480x360 >/dev/null 2>"$out/$name.log" || true
  "$bin" -q critique "$dir" --json >"$dir/critique.json" 2>>"$out/$name.log" || true
  # A top view: generate's check view (DIR/check.png, orthographic, the ceiling left out) when
  # it wrote one; else the same scene seen from above the middle of the room.
  [ -f "$dir/check.png" ] && continue
  python3 scripts/rooms_summary.py top-camera "$dir/scene.json" >"$dir/top.json"
  "$bin" -q build "$dir/top.json" -o "$dir/top" >/dev/null 2>>"$out/$name.log" &&
    "$bin" -q render "$dir/top" --engine workbench --resolution 360x360 >/dev/null \
      2>>"$out/$name.log" || true
done <"$prompts"
python3 scripts/rooms_summary.py summary "$out" "$prompts"
