# SceneCraft scene script.
#
# Builds the scene described by the SCENE document below and, when asked, renders it and writes a
# readback of what was built. Run it with:
#
#   blender -b --factory-startup --python scene.py -- [--render out.png] [--engine cycles]
#       [--samples 16] [--resolution 640x480] [--readback readback.json]
#       [--save-blend scene.blend] [--export-gltf scene.glb] [--views N --views-dir DIR]
#
# Works on Blender 3.4 and later 3.x/4.x; needs no add-on and no network. All data that came from
# a prompt, a model or a file name lives in the JSON document and is read with json.loads: none of
# it is part of the Python source.

import json
import math
import os
import sys
import time
import traceback

import bmesh
import bpy
from mathutils import Euler, Matrix, Vector

SCENE = json.loads(r'''@SCENE_JSON@''')

BLENDER_4 = bpy.app.version >= (4, 0, 0)
ENV_CATEGORIES = ("floor", "wall", "ceiling", "ground")


# -- Options -------------------------------------------------------------------------------------


def parse_options():
    """Reads the options after '--' on Blender's command line."""
    import argparse

    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    render = SCENE.get("render", {})
    parser = argparse.ArgumentParser(prog="scene.py", description="Build a SceneCraft scene.")
    parser.add_argument("--render", default="", help="write a PNG render to this path")
    parser.add_argument("--engine", default=render.get("engine", "cycles"),
                        choices=["cycles", "eevee", "workbench"])
    parser.add_argument("--samples", type=int, default=render.get("samples", 16))
    parser.add_argument("--resolution", default=render.get("resolution", "640x480"),
                        help="WIDTHxHEIGHT in pixels")
    parser.add_argument("--readback", default="", help="write the readback JSON to this path")
    parser.add_argument("--visibility", default="index", choices=["index", "rays"],
                        help="count visible pixels from Cycles' object-index pass (index) or "
                             "from camera rays cast on a pixel grid (rays)")
    parser.add_argument("--visibility-step", type=int, default=4,
                        help="with --visibility rays: one camera ray per STEP x STEP pixels")
    parser.add_argument("--save-blend", default="", help="save the .blend file to this path")
    parser.add_argument("--export-gltf", default="", help="export the scene as glTF (.glb/.gltf)")
    parser.add_argument("--views", type=int, default=0,
                        help="dataset views: render from this many cameras around the scene, "
                             "with camera JSON, instance segmentation and depth (EXR)")
    parser.add_argument("--views-dir", default=".", help="where the dataset views go")
    options = parser.parse_args(argv)
    try:
        width, height = (int(v) for v in options.resolution.lower().split("x"))
        if not (16 <= width <= 16384 and 16 <= height <= 16384):
            raise ValueError
    except ValueError:
        parser.error("--resolution must be WIDTHxHEIGHT, e.g. 640x480")
    options.width, options.height = width, height
    if options.samples < 1:
        parser.error("--samples must be at least 1")
    if not 0 <= options.views <= 64:
        parser.error("--views must be 0 to 64")
    return options


# -- Scene reset ---------------------------------------------------------------------------------


def reset_scene():
    """Removes everything the start-up file made, so the script builds from nothing."""
    for collection in (bpy.data.objects, bpy.data.meshes, bpy.data.materials, bpy.data.cameras,
                       bpy.data.lights, bpy.data.curves):
        for item in list(collection):
            collection.remove(item)


# -- Materials -----------------------------------------------------------------------------------


def set_input(node, names, value):
    """Sets the first input of a node that exists under one of `names` (names differ by version)."""
    for name in names:
        socket = node.inputs.get(name)
        if socket is not None:
            socket.default_value = value
            return True
    return False


def raise_ior_for_gltf():
    """Blender 3.4's glTF exporter divides by the Fresnel reflectance at a material's IOR, which is
    0 at IOR 1 (imported OBJ materials with `Ni 1`, e.g. transparent lamp shades), and fails with
    ZeroDivisionError. An IOR of 1.05 looks the same and exports; runs after the render and the
    .blend are written, so only the glTF file sees it."""
    for material in bpy.data.materials:
        if not material.use_nodes or material.node_tree is None:
            continue
        for node in material.node_tree.nodes:
            socket = node.inputs.get("IOR") if node.type == "BSDF_PRINCIPLED" else None
            if socket is not None and socket.default_value < 1.05:
                socket.default_value = 1.05


def make_material(name, spec):
    material = bpy.data.materials.new(name)
    rgba = list(spec.get("rgba", [0.8, 0.8, 0.8, 1.0]))
    material.diffuse_color = rgba  # Workbench and the viewport show this colour.
    material.roughness = float(spec.get("roughness", 0.5))
    material.metallic = float(spec.get("metallic", 0.0))
    material.use_nodes = True
    bsdf = material.node_tree.nodes.get("Principled BSDF")
    if bsdf is not None:
        set_input(bsdf, ["Base Color"], rgba)
        set_input(bsdf, ["Roughness"], float(spec.get("roughness", 0.5)))
        set_input(bsdf, ["Metallic"], float(spec.get("metallic", 0.0)))
        transmission = float(spec.get("transmission", 0.0))
        if transmission > 0:
            set_input(bsdf, ["Transmission Weight", "Transmission"], transmission)
        emission = float(spec.get("emission", 0.0))
        if emission > 0:
            set_input(bsdf, ["Emission Color", "Emission"], rgba)
            set_input(bsdf, ["Emission Strength"], emission)
        if spec.get("look") in LOOKS:
            add_look(material, bsdf, spec["look"], rgba)
    return material


def shade(rgba, factor):
    return [min(1.0, c * factor) for c in rgba[:3]] + [1.0]


def add_look(material, bsdf, look, rgba):
    """A procedural surface pattern from nodes (no image files): the base colour varied by a
    texture through a colour ramp, and for rough materials a fine bump."""
    nodes = material.node_tree.nodes
    links = material.node_tree.links
    coord = nodes.new("ShaderNodeTexCoord")
    mapping = nodes.new("ShaderNodeMapping")
    links.new(coord.outputs["Object"], mapping.inputs["Vector"])
    ramp = nodes.new("ShaderNodeValToRGB")
    settings = LOOKS[look]
    if settings["texture"] == "wave":
        texture = nodes.new("ShaderNodeTexWave")
        texture.wave_type = settings.get("wave_type", "BANDS")
        texture.inputs["Distortion"].default_value = settings.get("distortion", 4.0)
        texture.inputs["Detail"].default_value = settings.get("detail", 2.0)
    else:
        texture = nodes.new("ShaderNodeTexNoise")
        texture.inputs["Detail"].default_value = settings.get("detail", 4.0)
    texture.inputs["Scale"].default_value = settings["scale"]
    mapping.inputs["Scale"].default_value = settings.get("stretch", (1.0, 1.0, 1.0))
    links.new(mapping.outputs["Vector"], texture.inputs["Vector"])
    links.new(texture.outputs["Fac"], ramp.inputs["Fac"])
    low, high = settings["range"]
    ramp.color_ramp.elements[0].color = shade(rgba, low)
    ramp.color_ramp.elements[1].color = shade(rgba, high)
    for position, element in zip(settings.get("stops", (0.0, 1.0)), ramp.color_ramp.elements):
        element.position = position
    links.new(ramp.outputs["Color"], bsdf.inputs["Base Color"])
    if settings.get("bump", 0.0) > 0:
        bump = nodes.new("ShaderNodeBump")
        bump.inputs["Strength"].default_value = settings["bump"]
        bump.inputs["Distance"].default_value = 0.002
        links.new(texture.outputs["Fac"], bump.inputs["Height"])
        links.new(bump.outputs["Normal"], bsdf.inputs["Normal"])


# The looks a material may ask for: texture, its scale and stretch (object space, metres), the
# shades of the base colour the pattern runs between, and the bump strength.
LOOKS = {
    "wood": {"texture": "wave", "wave_type": "RINGS", "scale": 2.5, "distortion": 6.0,
             "detail": 3.0, "stretch": (1.0, 1.0, 0.12), "range": (0.6, 1.15), "bump": 0.05},
    "marble": {"texture": "wave", "scale": 1.5, "distortion": 14.0, "detail": 6.0,
               "range": (0.55, 1.0), "stops": (0.0, 0.12)},
    "stone": {"texture": "noise", "scale": 12.0, "detail": 8.0, "range": (0.75, 1.1),
              "bump": 0.25},
    "fabric": {"texture": "noise", "scale": 220.0, "detail": 2.0, "range": (0.8, 1.05),
               "bump": 0.2},
    "leather": {"texture": "noise", "scale": 90.0, "detail": 6.0, "range": (0.8, 1.1),
                "bump": 0.15},
    "metal": {"texture": "noise", "scale": 4.0, "detail": 2.0, "stretch": (1.0, 1.0, 60.0),
              "range": (0.9, 1.05)},
}


# -- Procedural parts ----------------------------------------------------------------------------


def add_torus(bm, segments, ring_ratio):
    """A torus of outer diameter 1 in the xy plane and tube diameter `ring_ratio`."""
    tube = max(0.01, min(0.49, ring_ratio / 2.0))
    major = 0.5 - tube
    minor_segments = max(8, 4 * round(segments / 8))
    rings = []
    for i in range(segments):
        u = 2.0 * math.pi * i / segments
        ring = []
        for j in range(minor_segments):
            v = 2.0 * math.pi * j / minor_segments
            r = major + tube * math.cos(v)
            ring.append(bm.verts.new((r * math.cos(u), r * math.sin(u), tube * math.sin(v))))
        rings.append(ring)
    for i in range(segments):
        for j in range(minor_segments):
            a = rings[i][j]
            b = rings[(i + 1) % segments][j]
            c = rings[(i + 1) % segments][(j + 1) % minor_segments]
            d = rings[i][(j + 1) % minor_segments]
            bm.faces.new((a, b, c, d))


def add_part(bm, part, material_index):
    """Adds one primitive to `bm`, sized, turned and placed in object space."""
    shape = part.get("shape", "box")
    # Round shapes use a multiple of 4 segments (and spheres an even ring count), so that
    # vertices lie on the extremes of every axis and the part fills exactly its box.
    segments = max(4, 4 * round(int(part.get("segments", 16)) / 4))
    before = set(bm.verts)
    if shape in ("box", "wedge", "pyramid"):
        bmesh.ops.create_cube(bm, size=1.0)
        top = [v for v in bm.verts if v not in before and v.co.z > 0]
        if shape == "wedge":
            for v in top:
                v.co.y = 0.0  # The top edges meet in a ridge along x.
        elif shape == "pyramid":
            for v in top:
                v.co.x = v.co.y = 0.0  # The top face shrinks to an apex.
            bmesh.ops.remove_doubles(bm, verts=top, dist=1e-6)
        if shape == "wedge":
            bmesh.ops.remove_doubles(bm, verts=top, dist=1e-6)
    elif shape in ("cylinder", "cone"):
        # The wider end has the full size, so the part fills its box.
        taper = 1.0 if shape == "cylinder" else max(0.0, float(part.get("taper", 0.0)))
        bottom, top = (0.5, 0.5 * taper) if taper <= 1.0 else (0.5 / taper, 0.5)
        bmesh.ops.create_cone(bm, cap_ends=True, cap_tris=False, segments=segments,
                              radius1=bottom, radius2=top, depth=1.0)
    elif shape == "sphere":
        rings = max(4, 2 * (segments // 4))
        bmesh.ops.create_uvsphere(bm, u_segments=segments, v_segments=rings, radius=0.5)
    elif shape == "torus":
        size = part.get("size", [1, 1, 0.2])
        add_torus(bm, segments, float(size[2]) / max(1e-6, float(min(size[0], size[1]))))
    else:
        raise ValueError("unknown part shape %r" % shape)
    verts = [v for v in bm.verts if v not in before]
    sx, sy, sz = (float(v) for v in part.get("size", [1, 1, 1]))
    if shape == "torus":
        # The unit torus is 2 * tube thick; stretch it to the part's height.
        tube = max(0.01, min(0.49, sz / max(1e-6, min(sx, sy)) / 2.0))
        sz = sz / (2.0 * tube)
    scale = Matrix.Diagonal((sx, sy, sz, 1.0))
    rotation = Euler([float(v) for v in part.get("rotation_rad", [0, 0, 0])], "XYZ").to_matrix()
    transform = Matrix.Translation(Vector(part.get("center", [0, 0, 0]))) @ rotation.to_4x4() @ scale
    bmesh.ops.transform(bm, matrix=transform, verts=verts)
    vert_set = set(verts)
    faces = {f for v in verts for f in v.link_faces if all(fv in vert_set for fv in f.verts)}
    for face in faces:
        face.material_index = material_index
        face.smooth = shape in ("cylinder", "cone", "sphere", "torus")
    bevel = float(part.get("bevel_m", 0.0))
    if shape == "box" and bevel > 0.0:
        edges = list({e for f in faces for e in f.edges})
        try:
            bmesh.ops.bevel(bm, geom=edges + verts, offset=bevel, offset_type="OFFSET",
                            segments=2, profile=0.5, affect="EDGES")
        except TypeError:
            pass  # Bevel arguments differ on some versions; sharp edges are fine.


def build_procedural_mesh(key, model):
    """One mesh holding every part of a model, with one material slot per material."""
    mesh = bpy.data.meshes.new("sc_mesh")
    mesh["sc_model"] = key
    bm = bmesh.new()
    materials = model.get("materials", [])
    index_of = {m["name"]: i for i, m in enumerate(materials)}
    for part in model.get("parts", []):
        add_part(bm, part, index_of.get(part.get("material", ""), 0))
    bm.to_mesh(mesh)
    bm.free()
    for spec in materials:
        mesh.materials.append(make_material(spec["name"], spec))
    return mesh


# -- Imported models -----------------------------------------------------------------------------


def find_texture(image_path, model_dir):
    """The file an imported image names, looked up beside the model when its own path is wrong
    (MTL files often carry absolute paths of the author's machine, or other letter case)."""
    candidates = []
    if image_path:
        candidates.append(image_path)
        base = os.path.basename(image_path.replace("\\", "/"))
        candidates.append(os.path.join(model_dir, base))
        # Sweet Home 3D reads "/Users/me/3D/ TEXTURES/Living room rug.jpg" as rug.jpg.
        candidates.append(os.path.join(model_dir, base.split(" ")[-1]))
        try:
            lower = base.lower()
            for name in os.listdir(model_dir):
                if name.lower() in (lower, lower.split(" ")[-1]):
                    candidates.append(os.path.join(model_dir, name))
        except OSError:
            pass
    for candidate in candidates:
        if os.path.isfile(candidate):
            return candidate
    return None


def material_colours_for_workbench(materials):
    """Workbench shows a material's viewport colour: copy the imported base colour into it."""
    for material in materials:
        if material is None or not material.use_nodes:
            continue
        for node in material.node_tree.nodes:
            if node.type == "BSDF_PRINCIPLED":
                colour = list(node.inputs["Base Color"].default_value)
                alpha = node.inputs["Alpha"].default_value
                material.diffuse_color = (colour[0], colour[1], colour[2], alpha)
                break


def import_model_file(spec, warnings):
    """Imports a model file; returns the new mesh objects (unlinked from the scene), or [] after
    a warning when the file is missing, unreadable, has no mesh or lacks a texture."""
    path = spec.get("path", "")
    fmt = spec.get("format", "")
    if not os.path.isfile(path):
        warnings.append("model file missing: %s" % path)
        return []
    before = set(bpy.data.objects)
    images_before = set(bpy.data.images)
    y_up = bool(spec.get("y_up", True))
    problem = None
    try:
        if fmt == "obj":
            # Y-up files: the file's -Z becomes Blender's +Y, so the file's +Z front faces -Y.
            if hasattr(bpy.ops.wm, "obj_import"):  # Blender 3.2 and later
                bpy.ops.wm.obj_import(filepath=path,
                                      forward_axis="NEGATIVE_Z" if y_up else "Y",
                                      up_axis="Y" if y_up else "Z")
            else:  # the Python importer of older versions
                bpy.ops.import_scene.obj(filepath=path, axis_forward="-Z" if y_up else "Y",
                                         axis_up="Y" if y_up else "Z")
        elif fmt in ("gltf", "glb"):
            # Debian's Blender 3.4 glTF importer uses np.bool, which numpy 1.24 removed.
            import numpy
            if "bool" not in numpy.__dict__:
                numpy.bool = bool
            bpy.ops.import_scene.gltf(filepath=path)
        elif fmt == "fbx":
            bpy.ops.import_scene.fbx(filepath=path)
        elif fmt == "blend":
            with bpy.data.libraries.load(path, link=False) as (data_from, data_to):
                data_to.objects = list(data_from.objects)
            for obj in data_to.objects:
                if obj is not None:
                    bpy.context.scene.collection.objects.link(obj)
        else:
            problem = "unknown model format %r for %s" % (fmt, path)
    except Exception as error:  # The importer's own failure: report and fall back.
        lines = [line for line in str(error).strip().splitlines() if line.strip()]
        problem = "import of %s failed: %s" % (path, lines[-1] if lines else type(error).__name__)
    new_objects = [o for o in bpy.data.objects if o not in before]
    meshes = [o for o in new_objects if o.type == "MESH" and len(o.data.polygons) > 0]
    if problem is None and not meshes:
        problem = "model %s has no faces (unreadable or empty file)" % path
    # Textures: repair paths relative to the model; a texture that is nowhere is a failure
    # (it would render magenta).
    model_dir = os.path.dirname(path)
    for image in [i for i in bpy.data.images if i not in images_before]:
        if problem is not None or image.source != "FILE" or image.packed_file is not None:
            continue
        current = bpy.path.abspath(image.filepath)
        if os.path.isfile(current):
            continue
        found = find_texture(current, model_dir)
        if found:
            image.filepath = found
            image.reload()
        else:
            problem = "model %s: texture %s is missing" % (path, os.path.basename(current))
    for obj in new_objects:
        for collection in list(obj.users_collection):
            collection.objects.unlink(obj)
    if problem is not None:
        warnings.append(problem)
        for obj in new_objects:
            bpy.data.objects.remove(obj)
        return []
    for obj in new_objects:
        if obj not in meshes:
            # Keep the world transform of meshes parented to empties before dropping the empties.
            for child in obj.children:
                matrix = child.matrix_world.copy()
                child.parent = None
                child.matrix_world = matrix
    for obj in new_objects:
        if obj not in meshes:
            bpy.data.objects.remove(obj)
    materials = {slot.material for obj in meshes for slot in obj.material_slots}
    material_colours_for_workbench(materials)
    return meshes


def material_areas(meshes):
    """Face area per material over mesh data blocks, largest first."""
    area = {}
    for mesh in meshes:
        for poly in mesh.polygons:
            if poly.material_index < len(mesh.materials):
                material = mesh.materials[poly.material_index]
                if material is not None:
                    area[material] = area.get(material, 0.0) + poly.area
    return sorted(area.items(), key=lambda item: -item[1])


def principled(material):
    if material is None or not material.use_nodes:
        return None
    for node in material.node_tree.nodes:
        if node.type == "BSDF_PRINCIPLED":
            return node
    return None


def tint_imported(meshes, spec):
    """The description's colour and surface on an imported model's main material (the one with
    the most area). A texture is kept: the colour multiplies it."""
    tint = spec.get("tint")
    surface = spec.get("surface") or {}
    ranked = material_areas(meshes)
    if not ranked or (tint is None and not surface):
        return
    material = ranked[0][0].copy()  # other models may share the imported material
    for mesh in meshes:
        for i, slot in enumerate(mesh.materials):
            if slot == ranked[0][0]:
                mesh.materials[i] = material
    bsdf = principled(material)
    if bsdf is None:
        material.use_nodes = True
        bsdf = principled(material)
    if bsdf is None:
        return
    base = bsdf.inputs["Base Color"]
    if tint is not None:
        rgba = [float(c) for c in tint[:3]] + [1.0]
        if base.is_linked:
            source = base.links[0].from_socket
            nodes = material.node_tree.nodes
            try:
                mix = nodes.new("ShaderNodeMixRGB")
                colour_in, colour_out = mix.inputs["Color1"], mix.outputs["Color"]
                mix.inputs["Color2"].default_value = rgba
            except RuntimeError:  # Blender versions without the legacy node
                mix = nodes.new("ShaderNodeMix")
                mix.data_type = "RGBA"
                colour_in, colour_out = mix.inputs[6], mix.outputs[2]
                mix.inputs[7].default_value = rgba
            mix.blend_type = "MULTIPLY"
            mix.inputs[0].default_value = 1.0
            material.node_tree.links.new(source, colour_in)
            material.node_tree.links.new(colour_out, base)
        else:
            base.default_value = rgba
        material.diffuse_color = rgba
    if "roughness" in surface:
        set_input(bsdf, ["Roughness"], float(surface["roughness"]))
    if "metallic" in surface:
        set_input(bsdf, ["Metallic"], float(surface["metallic"]))
    if "transmission" in surface:
        set_input(bsdf, ["Transmission Weight", "Transmission"], float(surface["transmission"]))
    if surface.get("look") in LOOKS and not base.is_linked:
        add_look(material, bsdf, surface["look"], list(base.default_value))


def material_readback(meshes):
    """The object's materials, most area first: what the text's colour and material words
    became (base colour, roughness, metalness, transmission, whether a texture or look drives
    the colour)."""
    ranked = material_areas([m.data for m in meshes if m.type == "MESH"])
    total = sum(area for _, area in ranked) or 1.0
    out = []
    for material, area in ranked[:6]:
        bsdf = principled(material)
        entry = {"name": material.name, "area_share": area / total,
                 "base_color": list(material.diffuse_color)}
        if bsdf is not None:
            base = bsdf.inputs["Base Color"]
            entry["base_color"] = list(base.default_value)
            entry["textured"] = bool(base.is_linked)
            entry["roughness"] = float(bsdf.inputs["Roughness"].default_value)
            entry["metallic"] = float(bsdf.inputs["Metallic"].default_value)
            for name in ("Transmission Weight", "Transmission"):
                if bsdf.inputs.get(name) is not None:
                    entry["transmission"] = float(bsdf.inputs[name].default_value)
                    break
        out.append(entry)
    return out


def normalise_imported(meshes, spec, size):
    """Bakes the imported parts into one frame: the file's own rotation applied, front -Y,
    bottom centre at the origin, fitted to the catalog's width x depth x height."""
    for obj in meshes:
        obj.data = obj.data.copy() if obj.data.users > 1 else obj.data
        obj.data.transform(obj.matrix_world)
        obj.parent = None
        obj.matrix_world = Matrix.Identity(4)
    rot = spec.get("model_rotation")
    if rot and len(rot) == 9 and rot != [1, 0, 0, 0, 1, 0, 0, 0, 1]:
        turn = Matrix(((rot[0], rot[1], rot[2]), (rot[3], rot[4], rot[5]),
                       (rot[6], rot[7], rot[8])))
        if spec.get("y_up", True):
            # The rotation is given in the file's Y-up frame; the importer mapped (x, y, z) to
            # (x, -z, y).
            to_blender = Matrix(((1, 0, 0), (0, 0, -1), (0, 1, 0)))
            turn = to_blender @ turn @ to_blender.transposed()
        for obj in meshes:
            obj.data.transform(turn.to_4x4())
    turn = Matrix.Rotation(float(spec.get("front_yaw_rad", 0.0)), 4, "Z")
    for obj in meshes:
        obj.data.transform(turn)
    lo = Vector((math.inf,) * 3)
    hi = Vector((-math.inf,) * 3)
    for obj in meshes:
        for v in obj.data.vertices:
            for k in range(3):
                lo[k] = min(lo[k], v.co[k])
                hi[k] = max(hi[k], v.co[k])
    extent = hi - lo
    extent = Vector((max(extent.x, 1e-6), max(extent.y, 1e-6), max(extent.z, 1e-6)))
    fit = Matrix.Diagonal((size[0] / extent.x, size[1] / extent.y, size[2] / extent.z, 1.0))
    centre = Vector(((lo.x + hi.x) / 2, (lo.y + hi.y) / 2, lo.z))
    transform = fit @ Matrix.Translation(-centre)
    for obj in meshes:
        obj.data.transform(transform)
        obj.data.update()
    # What the readback reports about the import: the fit per axis (equal on all three when axes
    # and units were right) and the centroid of the mesh's top quarter (a back rest or a
    # headboard lies at +Y when the front faces -Y).
    top = [v.co for obj in meshes for v in obj.data.vertices if v.co.z >= 0.75 * size[2]]
    centroid = [sum(c[k] for c in top) / len(top) for k in range(3)] if top else [0.0, 0.0, 0.0]
    scale = float(spec.get("unit_scale_m", 1.0)) or 1.0
    return {"fit_scale": [size[0] / extent.x / scale, size[1] / extent.y / scale,
                          size[2] / extent.z / scale],
            "top_centroid": centroid}


# -- Objects -------------------------------------------------------------------------------------


# Per imported model key: what normalise_imported measured, for the readback.
IMPORT_INFO = {}


class ModelLibrary:
    """Builds each model once; objects that repeat a model share its mesh data."""

    def __init__(self, models, warnings):
        self.models = models
        self.warnings = warnings
        self.meshes = {}

    def parts_for(self, key, size):
        if key in self.meshes:
            return self.meshes[key]
        model = self.models.get(key, {})
        result = []
        if model.get("import"):
            imported = import_model_file(model["import"], self.warnings)
            if imported:
                IMPORT_INFO[key] = normalise_imported(imported, model["import"], size)
                result = [obj.data for obj in imported]
                tint_imported(result, model["import"])
                for obj in imported:
                    bpy.data.objects.remove(obj)
            elif model.get("fallback"):
                self.warnings.append("using the procedural fallback for model %s" % key)
                result = [build_procedural_mesh(key, model["fallback"])]
        if not result:
            result = [build_procedural_mesh(key, model)]
        self.meshes[key] = result
        return result


def tag(obj, sc_id, category, has_front):
    obj["sc_id"] = sc_id
    obj["sc_category"] = category
    obj["sc_has_front"] = bool(has_front)


def build_object(collection, library, spec):
    """One root empty per scene object, named by its id, with the model's meshes as children."""
    root = bpy.data.objects.new(spec["id"], None)
    root.empty_display_type = "PLAIN_AXES"
    root.empty_display_size = 0.2
    tag(root, spec["id"], spec["category"], spec.get("has_front", False))
    root["sc_description"] = spec.get("description", "")
    root["sc_model"] = spec["model"]
    collection.objects.link(root)
    model = library.models.get(spec["model"], {})
    for i, mesh in enumerate(library.parts_for(spec["model"], spec["size"])):
        child = bpy.data.objects.new("%s.part%d" % (spec["id"], i), mesh)
        child["sc_part_of"] = spec["id"]
        collection.objects.link(child)
        child.parent = root
    if model.get("generic") and model.get("label"):
        curve = bpy.data.curves.new("sc_label", "FONT")
        curve.body = model["label"]
        curve.size = max(0.08, min(0.3, spec["size"][0] / max(1, len(model["label"])) * 1.6))
        curve.align_x = "CENTER"
        curve.materials.append(make_material("label", {"rgba": [0.02, 0.02, 0.02, 1.0]}))
        label = bpy.data.objects.new("%s.label" % spec["id"], curve)
        label["sc_part_of"] = spec["id"]
        label.location = (0.0, -spec["size"][1] / 2 - 0.005, spec["size"][2] * 0.5)
        label.rotation_euler = (math.pi / 2, 0.0, 0.0)
        collection.objects.link(label)
        label.parent = root
    root.location = spec["location"]
    root.rotation_euler = (0.0, 0.0, math.radians(spec.get("yaw_deg", 0.0)))
    return root


# -- Environment ---------------------------------------------------------------------------------


def solid_box(collection, name, category, lo, hi, material):
    mesh = bpy.data.meshes.new(name)
    bm = bmesh.new()
    bmesh.ops.create_cube(bm, size=1.0)
    size = [hi[k] - lo[k] for k in range(3)]
    centre = [(hi[k] + lo[k]) / 2 for k in range(3)]
    bmesh.ops.transform(bm, matrix=Matrix.Translation(Vector(centre)) @
                        Matrix.Diagonal((size[0], size[1], size[2], 1.0)), verts=bm.verts)
    bm.to_mesh(mesh)
    bm.free()
    mesh.materials.append(material)
    obj = bpy.data.objects.new(name, mesh)
    tag(obj, name, category, False)
    collection.objects.link(obj)
    return obj


def wall_segments(length, height, openings):
    """Rectangles (u0, u1, z0, z1) of a wall of `length` x `height` with holes for openings."""
    holes = []
    for o in openings:
        u0 = max(-length / 2, o["offset_m"] - o["width_m"] / 2)
        u1 = min(length / 2, o["offset_m"] + o["width_m"] / 2)
        z0 = max(0.0, o["sill_m"])
        z1 = min(height, o["sill_m"] + o["height_m"])
        if u1 > u0 and z1 > z0:
            holes.append((u0, u1, z0, z1))
    holes.sort()
    pieces = []
    cursor = -length / 2
    for u0, u1, z0, z1 in holes:
        if u0 > cursor:
            pieces.append((cursor, u0, 0.0, height))
        if z0 > 0:
            pieces.append((u0, u1, 0.0, z0))
        if z1 < height:
            pieces.append((u0, u1, z1, height))
        cursor = max(cursor, u1)
    if cursor < length / 2:
        pieces.append((cursor, length / 2, 0.0, height))
    return pieces


def prism(collection, name, category, outline, z0, z1, material):
    """A solid of the floor outline (x, y corners, counter-clockwise) between heights z0 and z1."""
    mesh = bpy.data.meshes.new(name)
    bm = bmesh.new()
    bottom = [bm.verts.new((x, y, z0)) for x, y in outline]
    top = [bm.verts.new((x, y, z1)) for x, y in outline]
    bm.faces.new(list(reversed(bottom)))
    bm.faces.new(top)
    n = len(outline)
    for i in range(n):
        j = (i + 1) % n
        bm.faces.new((bottom[i], bottom[j], top[j], top[i]))
    bm.normal_update()
    bm.to_mesh(mesh)
    bm.free()
    mesh.materials.append(material)
    obj = bpy.data.objects.new(name, mesh)
    tag(obj, name, category, False)
    collection.objects.link(obj)
    return obj


def polygon_walls(collection, polygon, height, openings, material):
    """A wall along every edge of a counter-clockwise floor polygon, 0.1 m thick outside it, with
    holes for the openings in it; walls facing the default camera (+Y inward) are left out, like
    the front wall of a box room. Wall i joins corners i and i + 1 and is named wall_<i + 1>."""
    t = 0.1
    n = len(polygon)

    def convex(k):
        ax, ay = polygon[k - 1]
        bx, by = polygon[k]
        cx, cy = polygon[(k + 1) % n]
        return (bx - ax) * (cy - by) - (by - ay) * (cx - bx) > 0

    for i in range(n):
        (ax, ay), (bx, by) = polygon[i], polygon[(i + 1) % n]
        length = math.hypot(bx - ax, by - ay)
        if length <= 1e-6:
            continue
        dx, dy = (bx - ax) / length, (by - ay) / length
        nx, ny = -dy, dx  # into the room
        if ny > 0.7:
            continue
        name = "wall_%d" % (i + 1)
        pieces = wall_segments(length, height, [o for o in openings if o.get("wall") == name])
        # Walls reach over the outside of convex corners so the corners close.
        start = -length / 2 - (t if convex(i) else 0.0)
        end = length / 2 + (t if convex((i + 1) % n) else 0.0)
        mx, my = (ax + bx) / 2, (ay + by) / 2
        for k, (u0, u1, z0, z1) in enumerate(pieces):
            u0 = start if u0 <= -length / 2 + 1e-9 else u0
            u1 = end if u1 >= length / 2 - 1e-9 else u1
            p0 = (mx + dx * u0, my + dy * u0)
            p1 = (mx + dx * u1, my + dy * u1)
            outline = [(p0[0] - nx * t, p0[1] - ny * t), (p1[0] - nx * t, p1[1] - ny * t), p1, p0]
            obj = prism(collection, "%s.%d" % (name, k), "wall", outline, z0, z1, material)
            obj["sc_wall"] = name


def build_environment(collection, env):
    bpy.context.scene["sc_environment"] = json.dumps(env)
    if env["kind"] == "outdoor":
        w, d = env["size_m"][0], env["size_m"][1]
        colours = {"grass": [0.12, 0.3, 0.07, 1], "pavement": [0.35, 0.35, 0.33, 1],
                   "sand": [0.7, 0.6, 0.4, 1], "dirt": [0.3, 0.2, 0.12, 1],
                   "snow": [0.9, 0.92, 0.95, 1], "asphalt": [0.1, 0.1, 0.1, 1]}
        ground = make_material("ground", {"rgba": colours.get(env.get("ground") or "grass",
                                                              colours["grass"]),
                                          "roughness": 0.95})
        margin = 0.25 * max(w, d)
        solid_box(collection, "ground", "ground", (-w / 2 - margin, -d / 2 - margin, -0.1),
                  (w / 2 + margin, d / 2 + margin, 0.0), ground)
        return
    w, d, h = env["size_m"]
    t = 0.1
    floor_colour = {"wood": [0.35, 0.22, 0.12, 1], "tile": [0.75, 0.75, 0.72, 1],
                    "carpet": [0.4, 0.38, 0.35, 1], "concrete": [0.45, 0.45, 0.43, 1]}
    floor = make_material("floor", {"rgba": floor_colour.get(env.get("ground") or "wood",
                                                             floor_colour["wood"]),
                                    "roughness": 0.6})
    wall = make_material("wall", {"rgba": [0.5, 0.47, 0.42, 1], "roughness": 0.9})
    openings = env.get("openings", [])
    polygon = env.get("floor_polygon_m")
    if polygon:
        prism(collection, "floor", "floor", [tuple(p) for p in polygon], -t, 0.0, floor)
        polygon_walls(collection, [tuple(p) for p in polygon], h, openings, wall)
        ceiling = prism(collection, "ceiling", "ceiling", [tuple(p) for p in polygon], h, h + t, wall)
        ceiling.hide_render = True
        ceiling.hide_viewport = True
        return
    solid_box(collection, "floor", "floor", (-w / 2 - t, -d / 2 - t, -t), (w / 2 + t, d / 2, 0), floor)

    def wall_with_openings(name, side, length):
        pieces = wall_segments(length, h, [o for o in openings if o.get("wall") == side])
        for i, (u0, u1, z0, z1) in enumerate(pieces):
            if side == "back":
                lo, hi = (u0, d / 2, z0), (u1, d / 2 + t, z1)
            elif side == "left":
                lo, hi = (-w / 2 - t, u0, z0), (-w / 2, u1, z1)
            else:
                lo, hi = (w / 2, u0, z0), (w / 2 + t, u1, z1)
            obj = solid_box(collection, "%s.%d" % (name, i), "wall", lo, hi, wall)
            obj["sc_wall"] = side

    wall_with_openings("wall_back", "back", w)
    wall_with_openings("wall_left", "left", d)
    wall_with_openings("wall_right", "right", d)
    # The ceiling is part of the model (and the .blend) but not rendered: the camera looks in
    # from above the missing front wall.
    ceiling = solid_box(collection, "ceiling", "ceiling", (-w / 2, -d / 2, h), (w / 2, d / 2, h + t),
                        wall)
    ceiling.hide_render = True
    ceiling.hide_viewport = True


def build_lights(collection, env, bounds):
    sun_data = bpy.data.lights.new("sun", "SUN")
    sun_data.energy = 1.8
    sun_data.angle = math.radians(8.0)
    sun = bpy.data.objects.new("sun", sun_data)
    sun.rotation_euler = (math.radians(50), math.radians(10), math.radians(-30))
    collection.objects.link(sun)
    if env["kind"] == "room":
        w, d, h = env["size_m"]
        area_data = bpy.data.lights.new("ceiling_light", "AREA")
        area_data.shape = "RECTANGLE"
        area_data.size = w * 0.6
        area_data.size_y = d * 0.6
        area_data.energy = 5.0 * w * d
        area = bpy.data.objects.new("ceiling_light", area_data)
        area.location = (0.0, 0.0, h - 0.05)
        collection.objects.link(area)
    world = bpy.data.worlds.new("sc_world") if bpy.context.scene.world is None else bpy.context.scene.world
    bpy.context.scene.world = world
    world.use_nodes = True
    background = world.node_tree.nodes.get("Background")
    if background is not None:
        background.inputs["Color"].default_value = (0.62, 0.72, 0.85, 1.0)
        background.inputs["Strength"].default_value = 0.35


def build_camera(collection, spec, width, height):
    data = bpy.data.cameras.new("camera")
    data.sensor_fit = "HORIZONTAL"
    data.angle = math.radians(float(spec.get("fov_deg", 50.0)))
    data.clip_start = 0.05
    data.clip_end = 5000.0
    camera = bpy.data.objects.new("camera", data)
    camera.location = Vector(spec["position"])
    direction = Vector(spec["target"]) - Vector(spec["position"])
    camera.rotation_euler = direction.to_track_quat("-Z", "Y").to_euler()
    collection.objects.link(camera)
    bpy.context.scene.camera = camera
    return camera


# -- Render --------------------------------------------------------------------------------------


def configure_render(options):
    scene = bpy.context.scene
    render = scene.render
    render.resolution_x = options.width
    render.resolution_y = options.height
    render.resolution_percentage = 100
    render.image_settings.file_format = "PNG"
    render.film_transparent = False
    if options.engine == "cycles":
        render.engine = "CYCLES"
        scene.cycles.device = "CPU"
        scene.cycles.samples = options.samples
        scene.cycles.use_denoising = False  # Debian's Cycles has no OpenImageDenoise.
        scene.cycles.max_bounces = 4
        scene.cycles.use_adaptive_sampling = True
    elif options.engine == "eevee":
        engines = [e.identifier for e in type(render).bl_rna.properties["engine"].enum_items]
        render.engine = "BLENDER_EEVEE_NEXT" if "BLENDER_EEVEE_NEXT" in engines else "BLENDER_EEVEE"
        scene.eevee.taa_render_samples = options.samples
    else:
        render.engine = "BLENDER_WORKBENCH"
        shading = scene.display.shading
        shading.light = "STUDIO"
        shading.color_type = "TEXTURE"  # image textures; material colour elsewhere
        shading.show_shadows = True
        shading.show_cavity = True
        render.use_freestyle = False
        # Workbench's anti-aliasing samples follow --samples (1: FXAA only, the fastest).
        levels = [(1, "FXAA"), (5, "5"), (8, "8"), (11, "11"), (16, "16")]
        scene.display.render_aa = next((name for limit, name in levels
                                        if options.samples <= limit), "32")
    scene.view_settings.view_transform = "Filmic" if not BLENDER_4 else "AgX"
    try:
        scene.view_settings.look = ("Medium High Contrast" if not BLENDER_4
                                    else "AgX - Medium High Contrast")
    except TypeError:
        pass  # Looks are named differently in some versions; the default look is fine.


def compositor_to_exr(folder):
    """Replaces the compositor's nodes by the render layers, the composite output and one File
    Output node writing 32-bit float EXR files into `folder`; returns (layers, output)."""
    scene = bpy.context.scene
    scene.use_nodes = True
    tree = scene.node_tree
    for node in list(tree.nodes):
        tree.nodes.remove(node)
    layers = tree.nodes.new("CompositorNodeRLayers")
    composite = tree.nodes.new("CompositorNodeComposite")
    tree.links.new(layers.outputs["Image"], composite.inputs["Image"])
    output = tree.nodes.new("CompositorNodeOutputFile")
    output.base_path = folder
    output.format.file_format = "OPEN_EXR"
    output.format.color_depth = "32"
    output.format.color_mode = "RGB"
    return layers, output


def setup_index_pass(roots, render_path):
    """Adds the object-index pass (one index per scene object) to the compositor, written to an
    EXR file in a folder beside the render. Cycles computes the pass; returns the folder."""
    for number, root in enumerate(roots, start=1):
        for obj in mesh_descendants(root):
            obj.pass_index = number
    bpy.context.view_layer.use_pass_object_index = True
    # A fresh private folder beside the render (read_index_pass removes it): a fixed name could
    # be a folder or link of the user's that the clean-up would delete.
    import tempfile
    folder = tempfile.mkdtemp(prefix=".scenecraft-index-",
                              dir=os.path.dirname(os.path.abspath(render_path)))
    layers, output = compositor_to_exr(folder)
    output.file_slots[0].path = "index_"
    bpy.context.scene.node_tree.links.new(layers.outputs["IndexOB"], output.inputs[0])
    return folder


def render_index_pass(roots, render_path):
    """For engines without an object-index pass: one extra Cycles sample that computes only the
    pass (no bounces, no image written), then the engine is restored."""
    scene = bpy.context.scene
    engine = scene.render.engine
    samples = scene.cycles.samples
    bounces = scene.cycles.max_bounces
    scene.render.engine = "CYCLES"
    scene.cycles.device = "CPU"
    scene.cycles.samples = 1
    scene.cycles.max_bounces = 0
    scene.cycles.use_denoising = False
    folder = setup_index_pass(roots, render_path)
    try:
        bpy.ops.render.render(write_still=False)
        return read_index_pass(folder, roots)
    finally:
        scene.render.engine = engine
        scene.cycles.samples = samples
        scene.cycles.max_bounces = bounces


def read_index_pass(folder, roots):
    """Pixel counts per scene object from the EXR the compositor wrote; removes the folder."""
    import array
    import shutil

    counts = {}
    try:
        files = sorted(f for f in os.listdir(folder) if f.endswith(".exr"))
        if not files:
            return None
        image = bpy.data.images.load(os.path.join(folder, files[-1]))
        width, height = image.size
        pixels = array.array("f", [0.0]) * (width * height * image.channels)
        image.pixels.foreach_get(pixels)
        for value in pixels[0::image.channels]:
            key = int(value + 0.5)
            counts[key] = counts.get(key, 0) + 1
        bpy.data.images.remove(image)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {root.name: counts.get(number, 0) for number, root in enumerate(roots, start=1)}


# -- Readback ------------------------------------------------------------------------------------


def mesh_descendants(root):
    out = []
    stack = list(root.children)
    while stack:
        obj = stack.pop()
        if obj.type == "MESH":
            out.append(obj)
        stack.extend(obj.children)
    return out


def world_box(objects, depsgraph):
    lo = [math.inf] * 3
    hi = [-math.inf] * 3
    count = 0
    for obj in objects:
        evaluated = obj.evaluated_get(depsgraph)
        matrix = evaluated.matrix_world
        mesh = evaluated.data
        count += len(mesh.vertices)
        # Axis-aligned turns keep the local box exact; otherwise bound the real vertices.
        euler = matrix.to_euler()
        quarter = all(abs(math.remainder(a, math.pi / 2)) < 1e-6 for a in euler)
        points = [Vector(c) for c in evaluated.bound_box] if quarter else [v.co for v in mesh.vertices]
        for co in points:
            p = matrix @ co
            for k in range(3):
                lo[k] = min(lo[k], p[k])
                hi[k] = max(hi[k], p[k])
    return lo, hi, count


def local_size(root, objects):
    """Extent of the meshes in the root's own frame: the model's true width, depth, height."""
    to_local = root.matrix_world.inverted()
    lo = [math.inf] * 3
    hi = [-math.inf] * 3
    for obj in objects:
        matrix = to_local @ obj.matrix_world
        for corner in obj.bound_box:
            p = matrix @ Vector(corner)
            for k in range(3):
                lo[k] = min(lo[k], p[k])
                hi[k] = max(hi[k], p[k])
    return [hi[k] - lo[k] if hi[k] >= lo[k] else 0.0 for k in range(3)]


def owner_of(obj, roots_by_name):
    while obj is not None:
        if obj.name in roots_by_name:
            return obj.name
        obj = obj.parent
    return None


def measure_visibility(scene, depsgraph, camera, roots, boxes, width, height, step, index_counts):
    """Per-object visible pixels, unoccluded share and framing.

    `visible_pixels` comes from the render's object-index pass when the engine has one
    (`index_counts`); otherwise from an object-index map made by casting one camera ray per
    step x step pixels into the built scene, scaled back to pixels. `visible_fraction` is the share
    of an object's surface samples in frame that the camera sees unoccluded.
    """
    from bpy_extras.object_utils import world_to_camera_view

    roots_by_name = {r.name: r for r in roots}
    origin = camera.matrix_world.translation
    frame = camera.data.view_frame(scene=scene)
    top_right, bottom_right, bottom_left, top_left = [camera.matrix_world @ v for v in frame]
    pixel_counts = {name: 0 for name in roots_by_name}
    cols = max(1, width // step)
    rows = max(1, height // step)
    if index_counts is not None:
        rows = 0  # The render's own index pass is exact: no ray map needed.
    for j in range(rows):
        fy = (j + 0.5) / rows
        left = top_left.lerp(bottom_left, fy)
        right = top_right.lerp(bottom_right, fy)
        for i in range(cols):
            target = left.lerp(right, (i + 0.5) / cols)
            hit, _, _, _, obj, _ = scene.ray_cast(depsgraph, origin, (target - origin).normalized())
            if hit:
                name = owner_of(obj, roots_by_name)
                if name is not None:
                    pixel_counts[name] += 1
    scale = (width * height) / float(cols * max(1, rows))
    if index_counts is not None:
        pixel_counts, scale = index_counts, 1.0
    result = {}
    for root in roots:
        lo, hi = boxes[root.name]
        corners = [Vector((x, y, z)) for x in (lo[0], hi[0]) for y in (lo[1], hi[1])
                   for z in (lo[2], hi[2])]
        in_frame = True
        for c in corners:
            v = world_to_camera_view(scene, camera, c)
            if v.z <= 0 or v.x < -0.002 or v.x > 1.002 or v.y < -0.002 or v.y > 1.002:
                in_frame = False
        # Surface samples: the mesh vertices (at most 48 per object) and the box centre,
        # nudged a little toward the box centre so a ray stops on the object's own surface.
        samples = []
        meshes = mesh_descendants(root)
        centre = Vector([(lo[k] + hi[k]) / 2 for k in range(3)])
        for obj in meshes:
            verts = obj.data.vertices
            stride = max(1, len(verts) // max(1, 48 // max(1, len(meshes))))
            for index in range(0, len(verts), stride):
                p = obj.matrix_world @ verts[index].co
                samples.append(p.lerp(centre, 0.02))
        samples.append(centre)
        seen = 0
        considered = 0
        for p in samples:
            v = world_to_camera_view(scene, camera, p)
            if v.z <= 0 or not (0.0 <= v.x <= 1.0 and 0.0 <= v.y <= 1.0):
                continue
            considered += 1
            direction = p - origin
            distance = direction.length
            hit, location, _, _, obj, _ = scene.ray_cast(depsgraph, origin, direction.normalized(),
                                                         distance=distance + 0.05)
            if not hit or owner_of(obj, roots_by_name) == root.name:
                seen += 1
        result[root.name] = {
            "visible_pixels": int(round(pixel_counts[root.name] * scale)),
            "visible_fraction": (seen / considered) if considered else 0.0,
            "in_frame": in_frame,
        }
    return result


def write_readback(path, roots, camera_spec, options, timings, visibility, warnings):
    depsgraph = bpy.context.evaluated_depsgraph_get()
    objects = []
    for root in roots:
        meshes = mesh_descendants(root)
        lo, hi, count = world_box(meshes, depsgraph)
        entry = {
            "id": root["sc_id"],
            "category": root["sc_category"],
            "description": root["sc_description"],
            "has_front": bool(root["sc_has_front"]),
            "box_min": lo,
            "box_max": hi,
            "local_size": local_size(root, meshes),
            "location": list(root.matrix_world.translation),
            "yaw_deg": math.degrees(root.matrix_world.to_euler().z),
            "scale": list(root.matrix_world.to_scale()),
            "vertex_count": count,
            "materials": material_readback(meshes),
        }
        info = IMPORT_INFO.get(root["sc_model"])
        if info is not None:
            entry["import_fit_scale"] = info["fit_scale"]
            entry["import_top_centroid"] = info["top_centroid"]
        entry.update(visibility.get(root.name, {}))
        objects.append(entry)
    data = {
        "blender_version": bpy.app.version_string,
        "environment": SCENE["environment"],
        "camera": camera_spec,
        "image_width": options.width,
        "image_height": options.height,
        "build_s": timings.get("build_s", 0.0),
        "render_s": timings.get("render_s", 0.0),
        "visibility_method": timings.get("visibility_method", ""),
        "warnings": warnings,
        "objects": objects,
    }
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    temp = path + ".tmp"
    with open(temp, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1)
    os.replace(temp, path)


# -- Dataset views -------------------------------------------------------------------------------


def view_positions(spec, count):
    """The planned camera first, then cameras at the same height and distance from its target,
    turned about the target's vertical axis: all around it outdoors; in a room, which is open at
    the front, on an arc of up to 60 degrees to either side, kept between the side walls."""
    target = Vector(spec["target"])
    first = Vector(spec["position"])
    offset = first - target
    radius = max(0.5, offset.xy.length)
    start = math.atan2(offset.y, offset.x)
    env = SCENE["environment"]
    room = env.get("kind") == "room"
    positions = [first]
    sides = max(1, count // 2)  # views on each side of the planned camera
    for k in range(1, count):
        if room:
            step = (k + 1) // 2
            angle = start + math.radians(60.0) * step / sides * (1 if k % 2 else -1)
        else:
            angle = start + 2.0 * math.pi * k / count
        x = target.x + radius * math.cos(angle)
        y = target.y + radius * math.sin(angle)
        if room:
            half = env["size_m"][0] / 2 - 0.15
            x = min(max(x, -half), half)
        positions.append(Vector((x, y, first.z)))
    return positions, target


def camera_json(camera, width, height):
    """Intrinsics (pixels; square pixels, principal point at the centre as Blender renders) and
    extrinsics in Blender's camera frame (looks along -Z, +Y up) and OpenCV's (+Z forward, +Y
    down)."""
    data = camera.data
    fx = (width / 2.0) / math.tan(data.angle_x / 2.0) if data.sensor_fit != "VERTICAL" else \
        (height / 2.0) / math.tan(data.angle_y / 2.0)
    world_from_camera = camera.matrix_world.copy()
    flip = Matrix(((1, 0, 0, 0), (0, -1, 0, 0), (0, 0, -1, 0), (0, 0, 0, 1)))
    return {
        "K": [[fx, 0.0, width / 2.0], [0.0, fx, height / 2.0], [0.0, 0.0, 1.0]],
        "width": width,
        "height": height,
        "fov_x_deg": math.degrees(2.0 * math.atan(width / 2.0 / fx)),
        "clip_start_m": data.clip_start,
        "clip_end_m": data.clip_end,
        "world_from_camera_blender": [list(row) for row in world_from_camera],
        "world_from_camera_opencv": [list(row) for row in world_from_camera @ flip],
        "position": list(camera.matrix_world.translation),
    }


def exr_first_channel(path):
    """The first channel of an EXR the compositor wrote, as a flat list (row by row, bottom up)."""
    import array

    image = bpy.data.images.load(path)
    try:
        width, height = image.size
        pixels = array.array("f", [0.0]) * (width * height * image.channels)
        image.pixels.foreach_get(pixels)
        return pixels[0::image.channels]
    finally:
        bpy.data.images.remove(image)


def render_passes(folder, name):
    """One Cycles sample with no bounces that writes the object-index and depth passes of the
    current camera to NAME_index.exr and NAME_depth.exr (32-bit float)."""
    scene = bpy.context.scene
    layer = bpy.context.view_layer
    layer.use_pass_object_index = True
    layer.use_pass_z = True
    layers, output = compositor_to_exr(folder)
    tree = scene.node_tree
    output.file_slots[0].path = name + "_index_"
    output.file_slots.new(name + "_depth_")
    tree.links.new(layers.outputs["IndexOB"], output.inputs[0])
    tree.links.new(layers.outputs["Depth"], output.inputs[1])
    scene.render.engine = "CYCLES"
    scene.cycles.device = "CPU"
    scene.cycles.samples = 1
    scene.cycles.max_bounces = 0
    scene.cycles.use_denoising = False
    scene.cycles.filter_width = 0.01  # every pixel is one ray through its centre: exact labels
    bpy.ops.render.render(write_still=False)
    written = {}
    for kind in ("index", "depth"):
        prefix = "%s_%s_" % (name, kind)
        files = sorted(f for f in os.listdir(folder) if f.startswith(prefix) and f.endswith(".exr"))
        if not files:
            raise RuntimeError("the compositor wrote no %s pass" % kind)
        final = os.path.join(folder, "%s_%s.exr" % (name, kind))
        os.replace(os.path.join(folder, files[-1]), final)
        written[kind] = os.path.basename(final)
    return written


def render_dataset_views(roots, camera, options, warnings):
    """Renders options.views cameras into options.views_dir: view_KK.png (the chosen engine),
    view_KK_index.exr (instance index per pixel, 0 = environment), view_KK_depth.exr (metres along
    the viewing axis) and cameras.json with every camera's intrinsics and extrinsics, the instance
    table and each view's visible pixels per instance."""
    started = time.perf_counter()
    scene = bpy.context.scene
    folder = os.path.abspath(options.views_dir)
    os.makedirs(folder, exist_ok=True)
    saved = (camera.matrix_world.copy(), scene.render.engine, scene.cycles.samples,
             scene.cycles.max_bounces, scene.cycles.filter_width, scene.render.filepath)
    instances = []
    for number, root in enumerate(roots, start=1):
        for obj in mesh_descendants(root):
            obj.pass_index = number
        instances.append({"index": number, "id": root["sc_id"], "category": root["sc_category"]})
    positions, target = view_positions(SCENE["camera"], options.views)
    views = []
    for k, position in enumerate(positions):
        name = "view_%02d" % k
        camera.location = position
        camera.rotation_euler = (target - position).to_track_quat("-Z", "Y").to_euler()
        bpy.context.view_layer.update()
        configure_render(options)
        scene.use_nodes = False
        scene.render.filepath = os.path.join(folder, name + ".png")
        bpy.ops.render.render(write_still=True)
        entry = {"name": name, "image": name + ".png", "target": list(target)}
        entry.update(camera_json(camera, options.width, options.height))
        try:
            passes = render_passes(folder, name)
            entry["instance_index"] = passes["index"]
            entry["depth"] = passes["depth"]
            counts = {}
            for value in exr_first_channel(os.path.join(folder, passes["index"])):
                key = int(value + 0.5)
                counts[key] = counts.get(key, 0) + 1
            entry["visible_pixels"] = {i["id"]: counts.get(i["index"], 0) for i in instances}
        except Exception as error:  # The RGB view stays useful; say what is missing.
            warnings.append("%s: segmentation and depth failed (%s)" % (name, error))
        views.append(entry)
    camera.matrix_world = saved[0]
    scene.render.engine = saved[1]
    scene.cycles.samples, scene.cycles.max_bounces, scene.cycles.filter_width = saved[2:5]
    scene.render.filepath = saved[5]
    scene.use_nodes = False
    data = {
        "conventions": {
            "units": "metres; world Z up",
            "world_from_camera_blender": "camera looks along its -Z, +Y is up in the image",
            "world_from_camera_opencv": "camera looks along its +Z, +Y is down in the image",
            "K": "pixels; origin at the top-left corner of the image",
            "instance_index": "EXR, first channel: the instance's index (table below); 0 is the "
                              "room, ground or background",
            "depth": "EXR, first channel: metres along the viewing axis; 1e10 where nothing is hit",
        },
        "instances": instances,
        "views": views,
    }
    temp = os.path.join(folder, "cameras.json.tmp")
    with open(temp, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1)
    os.replace(temp, os.path.join(folder, "cameras.json"))
    print("scenecraft: rendered %d dataset views in %.3f s" % (len(views), time.perf_counter() - started))


# -- Main ----------------------------------------------------------------------------------------


def main():
    options = parse_options()
    warnings = []
    start = time.perf_counter()
    reset_scene()
    scene = bpy.context.scene
    collection = scene.collection
    build_environment(collection, SCENE["environment"])
    library = ModelLibrary(SCENE.get("models", {}), warnings)
    roots = [build_object(collection, library, spec) for spec in SCENE["objects"]]
    camera = build_camera(collection, SCENE["camera"], options.width, options.height)
    build_lights(collection, SCENE["environment"], None)
    configure_render(options)
    bpy.context.view_layer.update()
    timings = {"build_s": time.perf_counter() - start}
    print("scenecraft: built %d objects in %.3f s" % (len(roots), timings["build_s"]))

    index_folder = None
    index_counts = None
    if options.render:
        started = time.perf_counter()
        cycles = scene.render.engine == "CYCLES"
        use_index = options.readback and options.visibility == "index"
        if use_index and cycles:
            index_folder = setup_index_pass(roots, options.render)
        scene.render.filepath = os.path.abspath(options.render)
        bpy.ops.render.render(write_still=True)
        if index_folder is not None:
            index_counts = read_index_pass(index_folder, roots)
        elif use_index:
            try:
                index_counts = render_index_pass(roots, options.render)
            except Exception as error:  # Fall back to the ray map; say so.
                warnings.append("object-index pass failed (%s); counting pixels by rays" % error)
        timings["render_s"] = time.perf_counter() - started
        print("scenecraft: rendered %s in %.3f s" % (options.render, timings["render_s"]))
    if options.readback:
        depsgraph = bpy.context.evaluated_depsgraph_get()
        boxes = {}
        for root in roots:
            lo, hi, _ = world_box(mesh_descendants(root), depsgraph)
            boxes[root.name] = (lo, hi)
        visibility = {}
        if options.render:
            started = time.perf_counter()
            visibility = measure_visibility(scene, depsgraph, camera, roots, boxes, options.width,
                                            options.height, max(1, options.visibility_step),
                                            index_counts)
            timings["visibility_method"] = "index_pass" if index_counts is not None else "ray_map"
            print("scenecraft: measured visibility (%s) in %.3f s"
                  % (timings["visibility_method"], time.perf_counter() - started))
        write_readback(options.readback, roots, SCENE["camera"], options, timings, visibility,
                       warnings)
    if options.views > 0:
        render_dataset_views(roots, camera, options, warnings)
    if options.save_blend:
        bpy.ops.wm.save_as_mainfile(filepath=os.path.abspath(options.save_blend))
    if options.export_gltf:
        path = os.path.abspath(options.export_gltf)
        raise_ior_for_gltf()
        bpy.ops.export_scene.gltf(filepath=path,
                                  export_format="GLB" if path.endswith(".glb") else "GLTF_SEPARATE")
    for warning in warnings:
        print("scenecraft: warning: %s" % warning)


if __name__ == "__main__":
    try:
        main()
    except SystemExit:
        raise
    except Exception:
        traceback.print_exc()
        sys.exit(1)
