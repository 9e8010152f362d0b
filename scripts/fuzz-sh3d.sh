#!/usr/bin/env bash
# Builds the Sweet Home 3D library reader's libFuzzer target with clang (address and
# undefined-behaviour sanitizers) in build-fuzz/ and runs it for a bounded time. Seeds are small
# libraries written here, and, when the Debian package sweethome3d-furniture is installed, small
# libraries cut from its real ones (a catalog of two entries and their files) in a temporary
# folder; nothing of them is kept.
# Usage: scripts/fuzz-sh3d.sh [seconds]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
source scripts/fuzz-common.sh
fuzz_build sh3d_fuzzer
seeds=build-fuzz/sh3d-seeds
rm -rf "$seeds" && mkdir -p "$seeds"

# Packed seeds (first byte even): catalog \0 name \0 bytes \0 ... (see sh3d_fuzzer.cc).
catalog() {  # id name model
  printf 'id=Seed#Library\nname=Seed\nid#1=%s\nname#1=%s\nwidth#1=45\ndepth#1=50\nheight#1=90\nmodel#1=%s\n' "$@"
}
obj='v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 1\nf 1 2 3\nf 1 3 4\n'
{ printf '\0'; catalog 'S#chair' 'Chair' '/lib/chair/chair.obj'; printf '\0lib/chair/chair.obj\0mtllib chair.mtl\n'"$obj"
  printf '\0lib/chair/chair.mtl\0newmtl m\nKd 1 0 0\nmap_Kd -s 1 1 1 tex/wood.jpg\n'
  printf '\0lib/chair/tex/wood.jpg\0JFIF'; } > "$seeds/packed_textured"
{ printf '\0'; catalog 'S#up' 'Sofa' '/../../up.obj'; printf '\0../../up.obj\0'"$obj"; } > "$seeds/packed_climb"
{ printf '\0'; catalog 'S#x' 'Lamp' 'l/lamp.obj'; printf '\0l/lamp.obj\0mtllib ../../../m.mtl\n'"$obj"
  printf '\0l/m.mtl\0map_Kd /etc/hostname\n'; } > "$seeds/packed_refs"

# Raw seeds (first byte odd): small zips cut from the real libraries, when installed.
if [ -d /usr/share/sweethome3d/furniture ] && command -v python3 >/dev/null; then
  python3 - "$seeds" /usr/share/sweethome3d/furniture/*.sh3f <<'PY'
import io, os, re, sys, zipfile
out = sys.argv[1]
for n, path in enumerate(sys.argv[2:4]):
    with zipfile.ZipFile(path) as src:
        props = src.read("PluginFurnitureCatalog.properties").decode("latin-1")
        keep = [l for l in props.splitlines()
                if not re.match(r"^\w+#\d+=", l) or re.match(r"^\w+#[12]=", l)]
        models = [l.split("=", 1)[1].lstrip("/") for l in keep if re.match(r"^model#[12]=", l)]
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
            dst.writestr("PluginFurnitureCatalog.properties", "\n".join(keep))
            for name in src.namelist():
                if any(name.startswith(os.path.dirname(m) + "/") for m in models):
                    info = src.getinfo(name)
                    if info.file_size < 50000:
                        dst.writestr(name, src.read(name))
    with open(os.path.join(out, "real_%d" % n), "wb") as f:
        f.write(b"\x01" + buf.getvalue())
PY
fi

# The run stops by itself after the given time; the whole log is kept in
# build-fuzz/fuzz-sh3d.log. Each run writes a library and a cache: in memory when /dev/shm is
# there; removed at the end.
base=/dev/shm
[ -d "$base" ] && [ -w "$base" ] || base="${TMPDIR:-/tmp}"
scratch="$(mktemp -d -p "$base" sh3d-fuzz.XXXXXX)"
trap 'rm -rf "$scratch"' EXIT
TMPDIR="$scratch" fuzz_run fuzz-sh3d build-fuzz/fuzz-sh3d.log \
  ./build-fuzz/src/scenecraft/assets/sh3d_fuzzer -max_total_time="$seconds" -max_len=300000 "$seeds"
echo "fuzz-sh3d: no findings in ${seconds} s"
