#!/usr/bin/env bash
# Installs the dependencies, builds, installs the Blender add-on, and runs the main job with the
# embedded offline planner and critic: an English description becomes out/example/scene.py,
# Blender builds and renders it (out/example/render.png), and out/example/report.html says which
# relations hold.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
# The Blender add-on into Blender's user add-ons folder (docs/ADDON.md); enable it once in
# Blender's preferences or with `bash scripts/install-addon.sh --enable`.
bash scripts/install-addon.sh
prompt="${1:-A living room with a grey sofa against the wall facing a TV on a TV stand, a wooden coffee table between them on a red rug, two green armchairs, a floor lamp in the corner and a plant next to the TV stand.}"
# out/example is this script's own folder: --force lets it replace a result an older build left
# there without the output manifest. --export-gltf writes scene.glb, which the report shows as an
# interactive 3D view. The final frame is rendered once in Cycles at the default quality; on a
# slow or busy machine that can take longer than Blender's default 900 s allowance, hence 3600.
status=0
./build/scenecraft generate "$prompt" -o out/example --force --export-gltf --blender-timeout 3600 \
  || status=$?
# Exit code 3: the scene was built but some relations fail; 5: every relation holds but words of
# the description are not in the scene. The report lists either.
if [ "$status" -ne 0 ] && [ "$status" -ne 3 ] && [ "$status" -ne 5 ]; then exit "$status"; fi
echo "Open out/example/beauty.png (the beauty view) and out/example/report.html (all views)"
