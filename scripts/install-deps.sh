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
  # The npm side (web/): the MCP client test (the official TypeScript SDK) and the report's 3D
  # viewer, and the browser its test runs in.
  nodejs chromium
)
# npm comes with some builds of nodejs; Debian's own nodejs needs the npm package.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
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
fi

# The npm packages of web/, exactly as web/package-lock.json pins them (from the npm registry;
# nothing else is downloaded): again only when the lock file changed since the last install.
web="$(dirname "$0")/../web"
if [ ! -f "$web/node_modules/.package-lock.json" ] ||
   [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  echo "install-deps: npm ci in web/"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error)
fi
