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


def surface_readback():
    """What the room's floor, walls and ceiling (or the outdoor ground) are made of: the names
    of SURFACES they were built with."""
    out = {}
    for obj in bpy.data.objects:
        category = obj.get("sc_category")
        if category not in ("floor", "wall", "ceiling", "ground") or obj.type != "MESH":
            continue
        if obj.data.materials and obj.data.materials[0] is not None:
            out[category] = obj.data.materials[0].get("sc_surface", "")
    return out


def image_stats(path):
    """What a written PNG looks like, in its stored (display) values: the mean luminance, the
    share of burnt-out (>= 0.98) and of murky (<= 0.02) pixels, and the grain (the mean
    luminance step between horizontal neighbours: render noise raises it)."""
    import numpy

    image = bpy.data.images.load(os.path.abspath(path), check_existing=False)
    try:
        width, height = image.size
        pixels = numpy.empty(width * height * 4, dtype=numpy.float32)
        image.pixels.foreach_get(pixels)
    finally:
        bpy.data.images.remove(image)
    rgba = pixels.reshape(height, width, 4)
    luminance = rgba[:, :, 0] * 0.2126 + rgba[:, :, 1] * 0.7152 + rgba[:, :, 2] * 0.0722
    grain = float(numpy.abs(numpy.diff(luminance, axis=1)).mean()) if width > 1 else 0.0
    return {"mean": float(luminance.mean()), "burnt": float((luminance >= 0.98).mean()),
            "murky": float((luminance <= 0.02).mean()), "grain": grain}


def light_through(material):
    """The share of light a material lets straight through: a transparent BSDF mixed with a
    reflection (a window pane), or a Principled BSDF's transmission."""
    if material is None or not material.use_nodes:
        return 0.0
    output = next((n for n in material.node_tree.nodes if n.type == "OUTPUT_MATERIAL"), None)
    if output is None or not output.inputs["Surface"].is_linked:
        return 0.0
    shader = output.inputs["Surface"].links[0].from_node
    if shader.type == "MIX_SHADER":
        fac = float(shader.inputs["Fac"].default_value)
        share = 0.0
        for k, weight in ((1, 1.0 - fac), (2, fac)):
            if shader.inputs[k].is_linked and \
                    shader.inputs[k].links[0].from_node.type == "BSDF_TRANSPARENT":
                share += weight
        return share
    if shader.type == "BSDF_TRANSPARENT":
        return 1.0
    if shader.type == "BSDF_PRINCIPLED":
        for name in ("Transmission Weight", "Transmission"):
            if shader.inputs.get(name) is not None:
                return float(shader.inputs[name].default_value) * \
                    (1.0 - float(shader.inputs["Metallic"].default_value))
    return 0.0


def opening_readback():
    """The parts of every door and window: what each lets through and whether it casts a
    shadow (a window's glass: light through, no shadow)."""
    out = {}
    for obj in bpy.data.objects:
        if obj.get("sc_category") != "opening" or obj.type != "MESH":
            continue
        material = obj.data.materials[0] if obj.data.materials else None
        out[obj.name] = {"opening": obj.get("sc_opening", ""),
                         "light_through": light_through(material),
                         "casts_shadow": bool(getattr(obj, "visible_shadow", True))}
    return out


def write_readback(path, roots, camera_spec, options, timings, visibility, warnings, extra=None):
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
        "surfaces": surface_readback(),
        "openings": opening_readback(),
        "camera": camera_spec,
        "image_width": options.width,
        "image_height": options.height,
        "build_s": timings.get("build_s", 0.0),
        "render_s": timings.get("render_s", 0.0),
        "visibility_method": timings.get("visibility_method", ""),
        "warnings": warnings,
        "objects": objects,
    }
    data.update(extra or {})
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    temp = path + ".tmp"
    with open(temp, "w", encoding="utf-8") as out:
        json.dump(data, out, indent=1)
    os.replace(temp, path)


