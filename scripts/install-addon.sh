#!/usr/bin/env bash
# Installs the SceneCraft Blender add-on (addon/scenecraft_blender) into Blender's user add-ons
# folder and records where the scenecraft binary is (install.json beside the add-on, data only).
# Usage: scripts/install-addon.sh [--scripts-dir DIR] [--binary PATH] [--enable]
#   --scripts-dir  Blender's user scripts folder (default: $BLENDER_USER_SCRIPTS, else
#                  ~/.config/blender/<version>/scripts for the blender on PATH)
#   --binary       the scenecraft executable (default: build/scenecraft of this repository)
#   --enable       also enable the add-on in Blender's saved preferences
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
scripts_dir="${BLENDER_USER_SCRIPTS:-}"
binary="$repo/build/scenecraft"
enable=0
while [ $# -gt 0 ]; do
  case "$1" in
    --scripts-dir) scripts_dir="$2"; shift 2 ;;
    --binary) binary="$2"; shift 2 ;;
    --enable) enable=1; shift ;;
    *) echo "install-addon: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
if [ -z "$scripts_dir" ]; then
  command -v blender >/dev/null || { echo "install-addon: blender is not on PATH" >&2; exit 1; }
  # "Blender 3.4.1" -> 3.4: the folder Blender reads user add-ons from.
  version="$(blender --version 2>/dev/null | sed -n 's/^Blender \([0-9]*\.[0-9]*\).*/\1/p' | head -1)"
  [ -n "$version" ] || { echo "install-addon: cannot read Blender's version" >&2; exit 1; }
  scripts_dir="$HOME/.config/blender/$version/scripts"
fi
[ -x "$binary" ] || { echo "install-addon: no scenecraft binary at $binary (build first)" >&2; exit 1; }
target="$scripts_dir/addons/scenecraft_blender"
mkdir -p "$scripts_dir/addons"
rm -rf "$target.new"
mkdir "$target.new"
cp "$repo"/addon/scenecraft_blender/*.py "$repo/addon/scenecraft_blender/blender_manifest.toml" \
  "$target.new/"
jq -n --arg binary "$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")" \
  '{binary: $binary}' > "$target.new/install.json"
rm -rf "$target"
mv "$target.new" "$target"
echo "install-addon: installed the SceneCraft add-on into $target"
if [ "$enable" -eq 1 ]; then
  BLENDER_USER_SCRIPTS="$scripts_dir" blender -b --python-exit-code 1 --python-expr \
    "import addon_utils, bpy; addon_utils.enable('scenecraft_blender', default_set=True, persistent=True); bpy.ops.wm.save_userpref()" \
    >/dev/null
  echo "install-addon: enabled it (Edit > Preferences > Add-ons > SceneCraft)"
else
  echo "install-addon: enable it in Edit > Preferences > Add-ons (search SceneCraft), or run" \
    "scripts/install-addon.sh --enable"
fi
