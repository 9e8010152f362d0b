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


