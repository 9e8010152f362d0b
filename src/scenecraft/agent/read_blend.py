# Reads the objects of a .blend file for `scenecraft learn --from-blend` (agent/learn_blend.h).
# Run by headless Blender as a fixed script shipped with SceneCraft; the file and the output are
# given as arguments after "--" (--blend FILE --out FILE), never written into this text. The file
# is opened as data: the scripts it holds are not run (use_scripts=False).
# Writes {"objects": [{"name", "location", "yaw_rad", "size", "min_z"}]}: one entry per root
# object with meshes (itself or its children), its size measured in its own turned frame.
import json
import math
import sys

import bpy
from mathutils import Matrix, Vector


def arguments():
    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    return dict(zip(argv[0::2], argv[1::2]))


def mesh_corners(root):
    corners = []
    for ob in [root] + list(root.children_recursive):
        if ob.type == "MESH":
            corners += [ob.matrix_world @ Vector(c) for c in ob.bound_box]
    return corners


def read(root):
    corners = mesh_corners(root)
    if not corners:
        return None
    location = root.matrix_world.translation
    yaw = root.matrix_world.to_euler("XYZ").z
    # The corners in the root's frame turned by its yaw only (no scale): width x depth x height.
    unturn = Matrix.Rotation(-yaw, 4, "Z")
    local = [unturn @ (c - location) for c in corners]
    lo = [min(p[k] for p in local) for k in range(3)]
    hi = [max(p[k] for p in local) for k in range(3)]
    centre = Matrix.Rotation(yaw, 4, "Z") @ Vector(((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, 0))
    return {
        "name": root.name,
        "location": [location.x + centre.x, location.y + centre.y, location.z + lo[2]],
        "yaw_rad": math.remainder(yaw, 2 * math.pi),
        "size": [hi[k] - lo[k] for k in range(3)],
    }


def main():
    args = arguments()
    bpy.ops.wm.open_mainfile(filepath=args["--blend"], load_ui=False, use_scripts=False)
    objects = []
    for ob in bpy.context.scene.objects:
        if ob.parent is None:
            entry = read(ob)
            if entry is not None:
                objects.append(entry)
    with open(args["--out"], "w", encoding="utf-8") as out:
        json.dump({"objects": objects}, out)


main()
