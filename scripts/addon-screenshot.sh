#!/usr/bin/env bash
# The add-on in a real Blender window under Xvfb: presses Generate on the README example, saves a
# screenshot of the panel (docs/addon-panel.png by default) and prints the time from pressing
# Generate to the scene appearing (timing JSON beside the screenshot's run folder).
# Usage: scripts/addon-screenshot.sh [PNG] [PROMPT]   (needs build/scenecraft; xvfb from
# scripts/install-deps.sh)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
png="$(realpath -m "${1:-$repo/docs/addon-panel.png}")"
prompt="${2:-A living room with a grey sofa against the wall facing a TV on a TV stand, a wooden coffee table between them on a red rug, two green armchairs, a floor lamp in the corner and a plant next to the TV stand.}"
work="$(mktemp -d "${TMPDIR:-/tmp}/scenecraft-addon-shot.XXXXXX")"
trap 'rm -rf "$work"' EXIT
bash "$repo/scripts/install-addon.sh" --scripts-dir "$work/scripts" \
  --binary "${SCENECRAFT_BIN:-$repo/build/scenecraft}" >/dev/null
# An empty file to open: Blender shows no splash screen over a file named on its command line.
blender -b --factory-startup --python-expr \
  "import bpy, sys; bpy.ops.wm.save_as_mainfile(filepath=sys.argv[-1])" -- "$work/start.blend" \
  >/dev/null
# Blender draws with Mesa's software OpenGL in the virtual screen.
BLENDER_USER_SCRIPTS="$work/scripts" BLENDER_USER_CONFIG="$work/config" \
  xvfb-run -a -s "-screen 0 1600x1000x24" \
  blender --factory-startup --window-geometry 0 0 1600 1000 --no-window-focus \
  "$work/start.blend" --python "$repo/scripts/addon_screenshot.py" -- "$png" "$work/timing.json" "$prompt" \
  > "$work/blender.log" 2>&1 || true
if ! jq -e '.generate_to_scene_s' "$work/timing.json" >/dev/null 2>&1; then
  echo "addon-screenshot: failed; Blender's log ends:" >&2
  tail -20 "$work/blender.log" >&2
  exit 1
fi
jq . "$work/timing.json"
echo "addon-screenshot: wrote $png"
