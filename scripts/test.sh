#!/usr/bin/env bash
# Installs the dependencies, builds with warnings as errors, and runs every test (unit and
# integration: the integration tests run the real Blender on emitted scripts).
# Usage: scripts/test.sh [ctest arguments], e.g. scripts/test.sh -R layout/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DSCENECRAFT_WERROR=ON
# Each test program is small; two at a time fits the 2-core machines we target.
ctest --test-dir build --output-on-failure -j 2 "$@"
