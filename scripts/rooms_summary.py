"""Helpers of scripts/rooms-acceptance.sh (run with python3; reads and writes JSON only).

top-camera SCENE.json: prints the scene with a camera straight above the room's middle.
summary OUT_DIR PROMPTS.tsv: one line per room of what the readback critique measured.
"""
import json
import math
import os
import sys


def top_camera(path):
    with open(path) as f:
        scene = json.load(f)
    w, d, h = scene["environment"]["size_m"]
    fov = 60.0
    height = max(w, d) / 2 / math.tan(math.radians(fov / 2)) * 1.1 + 0.5
    # Almost straight down; the small tilt keeps the camera's up axis defined.
    scene["camera"] = {"position": [0.0, -0.01, height], "target": [0.0, 0.0, 0.0], "fov_deg": fov}
    json.dump(scene, sys.stdout, indent=1)


def opening_id(object_id, openings):
    for o in openings:
        if object_id in (o.get("id"), o.get("id", "") + ".clearance"):
            return True
    return False


def summary(out, prompts):
    names = [line.split("\t")[0] for line in open(prompts) if line.strip()]
    totals = {"objects": 0, "outside": 0, "collisions": 0, "blocked": 0, "nav_fail": 0,
              "access": 0, "access_fail": 0, "windows": 0}
    print("%-18s %7s %7s %10s %14s %8s %7s  %s" % ("room", "objects", "outside", "collisions",
                                                  "doors/windows", "access", "windows",
                                                  "navigability"))
    for name in names:
        d = os.path.join(out, name)
        try:
            scene = json.load(open(os.path.join(d, "scene.json")))
            critique = json.load(open(os.path.join(d, "critique.json")))
        except (OSError, ValueError) as e:
            print("%-18s failed: %s" % (name, e))
            continue
        openings = scene["environment"].get("openings", [])
        outside = collisions = blocked = 0
        nav = "not measured"
        nav_pass = False
        access = access_fail = 0
        failing = []
        for f in critique["findings"]:
            if f["kind"] == "out_of_room":
                outside += 1
            elif f["kind"] == "collision":
                if any(opening_id(o, openings) for o in f["objects"]):
                    blocked += 1
                else:
                    collisions += 1
            elif f["kind"] == "navigability":
                nav = f["measured"]
                nav_pass = f["pass"]
            elif f["kind"] == "access":
                access += 1
                if not f["pass"]:
                    access_fail += 1
                    failing.append(f["measured"])
        windows = sum(1 for o in openings if o.get("kind") == "window")
        n = len(scene["objects"])
        totals["objects"] += n
        totals["outside"] += outside
        totals["collisions"] += collisions
        totals["blocked"] += blocked
        totals["nav_fail"] += 0 if nav_pass else 1
        totals["access"] += access
        totals["access_fail"] += access_fail
        totals["windows"] += windows
        print("%-18s %7d %7d %10d %14d %5d/%-2d %7d  %s %s" % (
            name, n, outside, collisions, blocked, access - access_fail, access, windows,
            "pass" if nav_pass else "FAIL", nav))
        for m in failing:
            print("    access failing: %s" % m)
    print("total: %(objects)d objects, %(outside)d outside, %(collisions)d collisions, "
          "%(blocked)d blocking a door or window, %(access_fail)d of %(access)d access findings "
          "failing, %(windows)d windows, %(nav_fail)d rooms failing navigability" % totals)


if __name__ == "__main__":
    if sys.argv[1] == "top-camera":
        top_camera(sys.argv[2])
    else:
        summary(sys.argv[2], sys.argv[3])
