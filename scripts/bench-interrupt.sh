#!/usr/bin/env bash
# Measures Ctrl-C during a long Cycles render (issue 11's acceptance, docs/SAFETY.md): starts
# `scenecraft generate` with a 4096-sample final render, waits until Blender's log shows that
# render sampling, sends the signal to scenecraft and prints, per run, how long until no process
# of Blender's group is left and until the tool exited, its exit code, and whether the -o folder
# is exactly as before (a fresh folder: absent; a folder with a complete result: unchanged).
# Usage: scripts/bench-interrupt.sh [RUNS per mode] [SIGNAL] [scenecraft binary]
#        (defaults: 3, INT, build/scenecraft). Needs python3 for the 2 ms poller.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
signal="${2:-INT}"
binary="$(realpath "${3:-build/scenecraft}")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/stop.py" <<'PY'
# stop.py TOOL BLENDER SIGNAL: signals the tool; prints seconds until Blender's group is gone
# (zombies do not count) and until the tool is gone.
import os, signal, sys, time
tool, blender, sig = int(sys.argv[1]), int(sys.argv[2]), getattr(signal, "SIG" + sys.argv[3])
group = os.getpgid(blender)
def state(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            text = f.read()
        fields = text[text.rindex(")") + 2:].split()
        return fields[0], int(fields[2])
    except (OSError, ValueError):
        return None, None
def group_runs():
    return any(state(int(p)) [1] == group and state(int(p))[0] != "Z"
               for p in os.listdir("/proc") if p.isdigit())
start = time.monotonic()
os.kill(tool, sig)
while state(blender)[0] not in (None, "Z") or group_runs():
    time.sleep(0.002)
gone = time.monotonic() - start
while state(tool)[0] not in (None, "Z"):
    time.sleep(0.002)
print("%.3f %.3f" % (gone, time.monotonic() - start))
PY
snapshot() {  # every name (hidden ones too) and every file's hash, or "(none)"
  if [ -d "$1" ]; then
    (cd "$1" && find . -printf '%y %p\n' | sort && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
  else
    echo "(none)"
  fi
}
echo "| folder | run | signalled at | Blender gone (s) | tool exit (s) | exit code | -o DIR afterwards |"
echo "|---|---|---|---|---|---|---|"
for mode in fresh previous; do
  for i in $(seq "$runs"); do
    out="$work/$mode-$i"
    if [ "$mode" = previous ]; then
      "$binary" -q generate "A lamp on a wooden desk." -o "$out" --rounds 0 --engine workbench \
        --samples 1 --resolution 160x120 > "$work/first.log" 2>&1 || [ $? -eq 3 ]
    fi
    snapshot "$out" > "$work/before"
    "$binary" generate "A red chair next to a sofa." -o "$out" --rounds 0 --engine cycles \
      --samples 4096 --resolution 640x480 > "$work/run.log" 2>&1 &
    tool=$!
    for _ in $(seq 6000); do
      grep -q "final render" "$work/run.log" &&
        grep -qs -E "Sample [1-9][0-9]*/4096" "$out"/.scenecraft-tmp-*/blender.log && break
      sleep 0.1
    done
    blender=$(pgrep -P "$tool" || true)
    if [ -z "$blender" ]; then
      echo "| $mode | $i | Blender never rendered: $(tail -1 "$work/run.log") | | | | |"
      kill -INT "$tool"; wait "$tool" || true
      continue
    fi
    sample=$(grep -h -o -E "Sample [0-9]+/4096" "$out"/.scenecraft-tmp-*/blender.log | tail -1)
    read -r gone exited < <(python3 "$work/stop.py" "$tool" "$blender" "$signal")
    code=0
    wait "$tool" || code=$?
    snapshot "$out" > "$work/after"
    if cmp -s "$work/before" "$work/after"; then
      verdict=$([ "$mode" = fresh ] && echo "absent, as before" || echo "unchanged")
    else
      verdict="CHANGED"
    fi
    echo "| $mode | $i | $sample | $gone | $exited | $code | $verdict |"
  done
done
