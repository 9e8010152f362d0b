#!/usr/bin/env bash
# One add-on integration test (ctest addon/...): installs the add-on with scripts/install-addon.sh
# into a private Blender scripts folder, then runs addon/tests/addon_test.py CASE in the real
# headless Blender with the real scenecraft binary. Usage: run_addon_test.sh BUILD_DIR CASE
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="$(cd "$1" && pwd)"
case_name="$2"
work="$(mktemp -d "${TMPDIR:-/tmp}/scenecraft-addon-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
bash "$repo/scripts/install-addon.sh" --scripts-dir "$work/scripts" --binary "$build/scenecraft"
# Runs and caches go to the test's own folder, never the user's.
export XDG_CACHE_HOME="$work/cache" SC_TEST_DIR="$work"
export BLENDER_USER_SCRIPTS="$work/scripts" BLENDER_USER_CONFIG="$work/config"
unset SCENECRAFT_BIN
cd "$work"
blender -b -noaudio --factory-startup --python-exit-code 1 --python "$here/addon_test.py" -- "$case_name"
