#!/usr/bin/env bash
# Installs the dependencies, builds, and runs the main job on an example: a scene description
# becomes out/example/scene.py, which Blender renders to out/example/render.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/scenecraft build examples/dining_room.json -o out/example
./build/scenecraft render out/example
echo "Open out/example/render.png"
