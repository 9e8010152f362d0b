#!/usr/bin/env bash
# Installs everything SceneCraft needs to build, run and test, from Debian's packages only.
# Used by both README commands and by .ci/run. Safe to run again: apt-get skips what is there.
set -euo pipefail

packages=(
  # Toolchain.
  build-essential cmake ninja-build clang clang-format pkg-config
  # Libraries (all linked privately; see cmake/Dependencies.cmake).
  nlohmann-json3-dev libcli11-dev libcurl4-openssl-dev libcpp-httplib-dev
  libssl-dev zlib1g-dev libbrotli-dev
  libsqlite3-dev libzip-dev libassimp-dev wordnet wordnet-dev libpng-dev
  # Scripts (scripts/llm-fault-matrix.sh reads JSON with jq).
  jq
  # Tests and benchmarks.
  libgtest-dev libgmock-dev libbenchmark-dev
  # The real parts SceneCraft drives.
  blender sweethome3d-furniture
  # Blender's glTF add-on (export and import) needs numpy; Debian's blender does not pull it in.
  python3-numpy
  # A virtual screen for the Blender add-on's screenshot (scripts/addon-screenshot.sh).
  xvfb
  # The cluster engine `scenecraft batch --slurm` submits to; the tests start a one-node cluster.
  slurm-wlm munge
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: not root and no sudo; install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
echo "install-deps: done"
