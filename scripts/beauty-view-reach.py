"""How much of a room's framed objects the beauty view frames, against the most any standing spot
could: runs inside Blender on a scene.py that `generate` or `build` wrote (the script's own
SCENE and framing functions, not a copy), and prints the mean share of the objects' planned box
corners in the chosen view and in the best views from a 0.5 m grid over the whole floor (eye
height, turned up to 40 degrees off the objects' middle, lens at most 95 degrees, never looking
out through the open side).
  blender -b --factory-startup --python scripts/beauty-view-reach.py -- out/looks/living/scene.py
"""
import math
import sys

source = sys.argv[sys.argv.index("--") + 1]
scene = {"__name__": "beauty_view_reach"}  # scene.py builds nothing unless run as __main__
with open(source, encoding="utf-8") as f:
    exec(compile(f.read(), source, "exec"), scene)
Vector = scene["Vector"]
env = scene["SCENE"]["environment"]
if env["kind"] != "room":
    sys.exit("not a room: the beauty view is outside and frames every object")
specs = scene["framed_objects"](env, scene["SCENE"]["objects"])
aspect = 4 / 3
corners = scene["object_corners"](specs)
boxes = {}
for spec in specs:
    cs = scene["object_corners"]([spec])
    boxes[spec["id"]] = (Vector((min(c.x for c in cs), min(c.y for c in cs), min(c.z for c in cs))),
                         Vector((max(c.x for c in cs), max(c.y for c in cs), max(c.z for c in cs))))


def mean_share(position, target, fov):
    shares = scene["frame_shares"](position, target, fov, aspect, boxes)
    return sum(shares.values()) / len(shares), shares


position, target, fov = scene["beauty_view"](env, specs, aspect)
share, shares = mean_share(position, target, fov)
print("chosen: camera (%.2f, %.2f), fov %.0f, mean share %.3f %s"
      % (position.x, position.y, fov, share, {k: round(v, 3) for k, v in shares.items()}))
outline = scene["floor_outline"](env)
open_walls = scene["open_sides"](outline)
height = env["size_m"][2]
eye = min(1.6, height - 0.25)
xs, ys = [p[0] for p in outline], [p[1] for p in outline]
views = []
for i in range(int((max(xs) - min(xs) - 0.6) / 0.5) + 1):
    for j in range(int((max(ys) - min(ys) - 0.6) / 0.5) + 1):
        x, y = min(xs) + 0.3 + 0.5 * i, min(ys) + 0.3 + 0.5 * j
        if not scene["inside_polygon"]((x, y), outline) or any(
                abs(x - s["location"][0]) < s["size"][0] / 2 + 0.15 and
                abs(y - s["location"][1]) < s["size"][1] / 2 + 0.15 for s in specs):
            continue
        spot = Vector((x, y, eye))
        centre = scene["aim"](spot, corners) - spot
        pitch = max(math.radians(-20.0), min(math.radians(5.0), math.asin(
            max(-1.0, min(1.0, centre.z)))))
        for offset in range(-40, 41, 5):
            yaw = math.atan2(centre.y, centre.x) + math.radians(offset)
            aim = spot + Vector((math.cos(pitch) * math.cos(yaw), math.cos(pitch) * math.sin(yaw),
                                 math.sin(pitch)))
            lens = min(95.0, scene["fit_fov"](spot, aim, corners, aspect))
            while lens >= 40.0 and any(scene["leaves_room"](spot, ray, outline, height, open_walls)
                                       for ray in scene["frame_rays"](spot, aim, lens, aspect)):
                lens -= 5.0
            if lens >= 40.0:
                views.append((mean_share(spot, aim, lens)[0], x, y, offset, lens))
views.sort(reverse=True)
for share, x, y, offset, lens in views[:3]:
    print("grid:   camera (%.2f, %.2f), turned %+d deg, fov %.0f, mean share %.3f"
          % (x, y, offset, lens, share))
