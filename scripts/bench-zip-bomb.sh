#!/usr/bin/env bash
# Measures what a zip bomb in an --assets folder costs: a 1.5 MB Sweet Home 3D library whose
# sofa texture expands to 1.5 GB, used by `scenecraft build`. Prints the exit code, the refusal
# and /usr/bin/time's wall time and peak memory. Needs build/scenecraft and python3.
# Usage: scripts/bench-zip-bomb.sh [GiB of zeros] [scenecraft binary]   (defaults: 1.5, build/)
set -euo pipefail
cd "$(dirname "$0")/.."
gib="${1:-1.5}"
binary="${2:-./build/scenecraft}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lib"
python3 - "$work/lib/bomb.sh3f" "$gib" <<'PY'
import sys, zipfile
path, gib = sys.argv[1], float(sys.argv[2])
obj = "mtllib sofa.mtl\nusemtl m\n" + "".join(
    "v %d %d %d\n" % (x, y, z) for x in (0, 200) for y in (0, 85) for z in (0, 90)) + \
    "f 1 2 4 3\nf 5 7 8 6\nf 1 5 6 2\nf 3 4 8 7\nf 1 3 7 5\nf 2 6 8 4\n"
catalog = ("id=Bomb#Library\nname=Bomb\nid#1=Bomb#sofa\nname#1=Sofa\nwidth#1=200\n"
           "depth#1=90\nheight#1=85\nmodel#1=/b/sofa.obj\n")
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("PluginFurnitureCatalog.properties", catalog)
    z.writestr("b/sofa.obj", obj)
    z.writestr("b/sofa.mtl", "newmtl m\nmap_Kd fabric.jpg\n")
    chunk, left = bytes(1 << 20), int(gib * (1 << 30))
    with z.open("b/fabric.jpg", "w", force_zip64=True) as f:
        while left > 0:
            f.write(chunk[:min(left, len(chunk))])
            left -= len(chunk)
PY
cat > "$work/scene.json" <<'JSON'
{"schema": 1, "environment": {"kind": "room", "size_m": [5, 4, 2.8]},
 "objects": [{"id": "sofa_1", "category": "sofa", "asset": {"source": "sh3d", "id": "sh3d:bomb/Bomb#sofa"},
              "pose": {"x": 0, "y": 1, "z": 0, "yaw_deg": 0}}],
 "relations": []}
JSON
echo "library: $(stat -c %s "$work/lib/bomb.sh3f") bytes, expanding to ${gib} GiB"
set +e
/usr/bin/time -v "$binary" build "$work/scene.json" -o "$work/out" \
  --assets "$work/lib,procedural" --cache-dir "$work/cache" >"$work/log" 2>&1
code=$?
set -e
echo "exit code: $code"
grep -E "bomb.sh3f|procedural model instead" "$work/log" | head -n 3 || true
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/log" || true
echo "cache: $(du -sh "$work/cache" | cut -f1)"
