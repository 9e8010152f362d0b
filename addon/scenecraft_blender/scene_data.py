# What the add-on reads from and writes into the Blender file: the built scene appended as a
# collection, the poses of its objects, a readback of the current arrangement, verdicts.
#
# Only data crosses between scenecraft and Blender: scene.blend (built by the script scenecraft
# emitted and ran in its own Blender), scene JSON, readback JSON and critique JSON.

import json
import math
import os

import bpy
from mathutils import Vector

# Custom properties on the collection that holds one generated scene.
RUN_DIR_KEY = "sc_run_dir"      # the scenecraft output folder of the scene
SCENE_JSON_KEY = "sc_scene_json"  # the scene JSON file the poses and relations come from
PROMPT_KEY = "sc_prompt"


def append_scene(blend_path, collection_name, scene):
    """Appends every object of `blend_path` into a new collection of `scene` and returns it.

    Object names, parents and custom properties (sc_id, sc_category, sc_has_front) come over as
    they are; Blender renames an object only when the file already has one of that name, and
    sc_id still names it.
    """
    with bpy.data.libraries.load(blend_path, link=False) as (data_from, data_to):
        data_to.objects = list(data_from.objects)
    collection = bpy.data.collections.new(collection_name)
    scene.collection.children.link(collection)
    for obj in data_to.objects:
        if obj is not None:
            collection.objects.link(obj)
    return collection


def roots_by_id(collection, ids):
    """The root object of each scene object id (the one carrying sc_id and no sc_part_of)."""
    wanted = set(ids)
    roots = {}
    for obj in collection.all_objects:
        sc_id = obj.get("sc_id")
        if sc_id in wanted and "sc_part_of" not in obj and obj.parent is None:
            roots[sc_id] = obj
    return roots


def mesh_descendants(root):
    out = []
    stack = list(root.children)
    while stack:
        obj = stack.pop()
        if obj.type == "MESH":
            out.append(obj)
        stack.extend(obj.children)
    return out


def world_box(meshes, depsgraph):
    """World axis-aligned box of the evaluated meshes. This mirrors world_box() of the emitted
    script (src/scenecraft/blender/script/readback.py), which must stay standalone and so cannot
    be imported here: Check measures a moved object exactly as the first build measured it."""
    lo = [math.inf] * 3
    hi = [-math.inf] * 3
    count = 0
    for obj in meshes:
        evaluated = obj.evaluated_get(depsgraph)
        matrix = evaluated.matrix_world
        mesh = evaluated.data
        count += len(mesh.vertices)
        euler = matrix.to_euler()
        quarter = all(abs(math.remainder(a, math.pi / 2)) < 1e-6 for a in euler)
        points = [Vector(c) for c in evaluated.bound_box] if quarter else [v.co for v in
                                                                          mesh.vertices]
        for co in points:
            p = matrix @ co
            for k in range(3):
                lo[k] = min(lo[k], p[k])
                hi[k] = max(hi[k], p[k])
    return lo, hi, count


def pose_of(root):
    """The scene JSON pose of a root: its origin is the bottom centre, yaw the turn about Z."""
    m = root.matrix_world
    t = m.translation
    return {"x": round(t.x, 6), "y": round(t.y, 6), "z": round(t.z, 6),
            "yaw_deg": round(math.degrees(m.to_euler().z), 4)}


def current_readback(collection, base, graph):
    """The readback of the arrangement as it is now: `base` (the readback.json scenecraft wrote
    for the built scene) with each object's box and transform measured again in this Blender.

    Visibility measured by the last render no longer holds once objects moved, so it is left
    out; an object the user deleted is left out too (the critic then reports it missing).
    """
    ids = [o["id"] for o in graph.get("objects", [])]
    roots = roots_by_id(collection, ids)
    depsgraph = bpy.context.evaluated_depsgraph_get()
    objects = []
    for entry in base.get("objects", []):
        root = roots.get(entry.get("id"))
        if root is None:
            continue
        entry = dict(entry)
        lo, hi, count = world_box(mesh_descendants(root), depsgraph)
        if count == 0:
            continue
        entry["box_min"] = lo
        entry["box_max"] = hi
        entry["location"] = list(root.matrix_world.translation)
        entry["yaw_deg"] = math.degrees(root.matrix_world.to_euler().z)
        entry["scale"] = list(root.matrix_world.to_scale())
        for key in ("visible_pixels", "visible_fraction", "in_frame"):
            entry.pop(key, None)
        objects.append(entry)
    readback = dict(base)
    readback["objects"] = objects
    readback["visibility_method"] = ""
    readback["render_s"] = 0.0
    readback["warnings"] = []
    return readback


def graph_with_current_poses(collection, graph, locked_ids):
    """The scene JSON with every object's pose read from Blender: a locked object's pose is
    fixed (the solver keeps it), the others are a warm start the solver may move."""
    out = dict(graph)
    out.pop("results", None)
    ids = [o["id"] for o in graph.get("objects", [])]
    roots = roots_by_id(collection, ids)
    objects = []
    for obj in graph.get("objects", []):
        obj = dict(obj)
        root = roots.get(obj["id"])
        if root is not None:
            obj["pose"] = pose_of(root)
            obj["pose_fixed"] = obj["id"] in locked_ids
        objects.append(obj)
    out["objects"] = objects
    return out


def apply_poses(collection, graph, locked_ids):
    """Moves the roots to the poses of a solved scene JSON; locked objects are not touched.
    Returns the ids that moved."""
    ids = [o["id"] for o in graph.get("objects", [])]
    roots = roots_by_id(collection, ids)
    moved = []
    for obj in graph.get("objects", []):
        root = roots.get(obj["id"])
        pose = obj.get("pose")
        if root is None or pose is None or obj["id"] in locked_ids:
            continue
        new_location = Vector((pose["x"], pose["y"], pose["z"]))
        new_yaw = math.radians(pose.get("yaw_deg", 0.0))
        if (root.location - new_location).length > 1e-6 or \
                abs(root.rotation_euler.z - new_yaw) > 1e-6:
            moved.append(obj["id"])
        root.location = new_location
        root.rotation_euler = (0.0, 0.0, new_yaw)
    return moved


def relation_label(graph, index):
    relations = graph.get("relations", [])
    if not 0 <= index < len(relations):
        return "relation %d" % index
    r = relations[index]
    return "%s(%s)" % (r.get("type", "?"), ", ".join(r.get("objects", [])))


def verdicts_from_results(graph):
    """(label, passed, detail) per relation, from a solved or generated scene JSON."""
    out = []
    for result in graph.get("results", []):
        index = int(result.get("relation", -1))
        out.append((relation_label(graph, index), bool(result.get("pass")),
                    result.get("reason", "")))
    return out


def verdicts_from_critique(graph, critique):
    """(label, passed, detail) per finding of `scenecraft critique --json`: every relation, and
    the whole-scene problems (collisions, floating objects, objects outside the room)."""
    out = []
    for finding in critique.get("findings", []):
        kind = finding.get("kind", "")
        if kind == "relation" and "relation" in finding:
            label = relation_label(graph, int(finding["relation"]))
        else:
            names = finding.get("objects", [])
            label = "%s(%s)" % (kind, ", ".join(names)) if names else kind
        detail = finding.get("measured", "")
        if finding.get("expected"):
            detail += "; expected " + finding["expected"]
        out.append((label, bool(finding.get("pass")), detail))
    return out


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temp = path + ".tmp"
    with open(temp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
    os.replace(temp, path)
