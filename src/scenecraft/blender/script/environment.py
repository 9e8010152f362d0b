# -- Environment ---------------------------------------------------------------------------------


def architecture_object(collection, name, category, bm, material):
    """The object of a finished bmesh (freed here) with one material, tagged and linked."""
    mesh = bpy.data.meshes.new(name)
    bm.to_mesh(mesh)
    bm.free()
    mesh.materials.append(material)
    obj = bpy.data.objects.new(name, mesh)
    tag(obj, name, category, False)
    collection.objects.link(obj)
    return obj


def box_bmesh(lo, hi, world=Matrix.Identity(4)):
    """A bmesh box from corner lo to corner hi, in the frame `world` maps to the scene."""
    bm = bmesh.new()
    bmesh.ops.create_cube(bm, size=1.0)
    size = [hi[k] - lo[k] for k in range(3)]
    centre = [(hi[k] + lo[k]) / 2 for k in range(3)]
    bmesh.ops.transform(bm, matrix=world @ Matrix.Translation(Vector(centre)) @
                        Matrix.Diagonal((size[0], size[1], size[2], 1.0)), verts=bm.verts)
    return bm


def solid_box(collection, name, category, lo, hi, material):
    return architecture_object(collection, name, category, box_bmesh(lo, hi), material)


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
    return architecture_object(collection, name, category, bm, material)


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


# What floors, walls and grounds are made of (the emitter's "surfaces": Environment.ground, else
# the room type's floor and walls; plaster ceilings): base colour, roughness and the procedural
# look (LOOKS).
SURFACES = {
    "wood": {"rgba": [0.3, 0.18, 0.1, 1], "roughness": 0.6, "look": "planks"},
    "tile": {"rgba": [0.8, 0.79, 0.76, 1], "roughness": 0.2, "look": "tiles"},
    "carpet": {"rgba": [0.42, 0.4, 0.37, 1], "roughness": 1.0, "look": "fabric"},
    "concrete": {"rgba": [0.45, 0.45, 0.43, 1], "roughness": 0.8, "look": "stone"},
    "plaster": {"rgba": [0.8, 0.77, 0.72, 1], "roughness": 0.9, "look": "plaster"},
    "wall_tile": {"rgba": [0.85, 0.86, 0.85, 1], "roughness": 0.2, "look": "wall_tiles"},
    "grass": {"rgba": [0.1, 0.25, 0.05, 1], "roughness": 0.95, "look": "grass"},
    "pavement": {"rgba": [0.45, 0.42, 0.38, 1], "roughness": 0.85, "look": "paving"},
    "gravel": {"rgba": [0.5, 0.47, 0.43, 1], "roughness": 0.95, "look": "gravel"},
    "sand": {"rgba": [0.7, 0.6, 0.42, 1], "roughness": 0.95, "look": "stone"},
    "dirt": {"rgba": [0.3, 0.2, 0.12, 1], "roughness": 0.95, "look": "stone"},
    "snow": {"rgba": [0.9, 0.92, 0.95, 1], "roughness": 0.6, "look": "plaster"},
    "asphalt": {"rgba": [0.1, 0.1, 0.1, 1], "roughness": 0.9, "look": "gravel"},
}

# The parts of doors and windows.
OPENING_MATERIALS = {
    "frame": {"rgba": [0.85, 0.84, 0.8, 1], "roughness": 0.4},
    "glass": {"rgba": [0.9, 0.95, 1.0, 0.3], "roughness": 0.02, "pane": True},
    "leaf": {"rgba": [0.45, 0.3, 0.18, 1], "roughness": 0.45, "look": "wood"},
    "handle": {"rgba": [0.7, 0.7, 0.68, 1], "roughness": 0.25, "metallic": 1.0},
}


def surface_material(name, kind):
    kind = kind if kind in SURFACES else "wood"
    material = make_material(name, SURFACES[kind])
    material["sc_surface"] = kind  # for the readback
    return material


def opening_box(collection, opening, frame, part, lo, hi, material):
    """A box of a door or window, given in the opening's frame: u along the wall from the
    opening's centre, v into the room from the wall's inner face (the wall is -0.1 < v < 0), z up."""
    x, y, along, inward = frame
    u0 = opening.get("offset_m", 0.0)
    world_from_opening = Matrix(((along[0], inward[0], 0.0, x + along[0] * u0),
                                 (along[1], inward[1], 0.0, y + along[1] * u0),
                                 (0.0, 0.0, 1.0, 0.0),
                                 (0.0, 0.0, 0.0, 1.0)))
    name = "%s.%s" % (opening.get("id") or opening.get("kind", "opening"), part)
    obj = architecture_object(collection, name, "opening", box_bmesh(lo, hi, world_from_opening),
                              material)
    obj["sc_opening"] = opening.get("id", "")
    return obj


def build_opening(collection, env, opening, materials):
    """A window (frame, a mullion when wide, glass, an inner sill) or a door (casing and a leaf
    with a handle) in its hole in the wall."""
    frame = opening_frame(env, opening)
    if frame is None:
        return
    w = opening.get("width_m", 1.0)
    h = opening.get("height_m", 1.2)
    z0 = max(0.0, opening.get("sill_m", 0.0))
    b, t = 0.06, 0.1  # frame bar width, wall thickness
    box = lambda part, lo, hi, m: opening_box(collection, opening, frame, part, lo, hi,
                                              materials[m])
    if opening.get("kind") == "door":
        box("casing_left", (-w / 2 - 0.02, -t - 0.01, 0.0), (-w / 2 + b, 0.015, z0 + h), "frame")
        box("casing_right", (w / 2 - b, -t - 0.01, 0.0), (w / 2 + 0.02, 0.015, z0 + h), "frame")
        box("casing_top", (-w / 2 - 0.02, -t - 0.01, z0 + h - b), (w / 2 + 0.02, 0.015, z0 + h + 0.02),
            "frame")
        box("leaf", (-w / 2 + b, -t / 2 - 0.02, z0), (w / 2 - b, -t / 2 + 0.02, z0 + h - b), "leaf")
        box("handle", (w / 2 - b - 0.16, -t / 2 - 0.07, z0 + 0.98), (w / 2 - b - 0.04, -t / 2 + 0.07,
                                                                      z0 + 1.02), "handle")
        return
    box("frame_left", (-w / 2, -t * 0.7, z0), (-w / 2 + b, -t * 0.2, z0 + h), "frame")
    box("frame_right", (w / 2 - b, -t * 0.7, z0), (w / 2, -t * 0.2, z0 + h), "frame")
    box("frame_bottom", (-w / 2, -t * 0.7, z0), (w / 2, -t * 0.2, z0 + b), "frame")
    box("frame_top", (-w / 2, -t * 0.7, z0 + h - b), (w / 2, -t * 0.2, z0 + h), "frame")
    if w > 1.0:
        box("mullion", (-b / 2, -t * 0.7, z0), (b / 2, -t * 0.2, z0 + h), "frame")
    glass = box("glass", (-w / 2 + b, -t * 0.46, z0 + b), (w / 2 - b, -t * 0.44, z0 + h - b), "glass")
    if hasattr(glass, "visible_shadow"):
        glass.visible_shadow = False  # daylight comes through; Cycles renders no caustics
    if z0 > 0.05:
        box("sill", (-w / 2 - 0.05, -t * 0.5, z0 - 0.03), (w / 2 + 0.05, 0.05, z0), "frame")


def build_environment(collection, env, surfaces):
    bpy.context.scene["sc_environment"] = json.dumps(env)
    if env["kind"] == "outdoor":
        w, d = env["size_m"][0], env["size_m"][1]
        ground = surface_material("ground", env.get("ground") or "grass")
        # The ground reaches far past the scene, so the sky's lower half (the HDRI's own
        # ground) stays hidden behind it from every camera.
        margin = max(0.25 * max(w, d), 80.0)
        solid_box(collection, "ground", "ground", (-w / 2 - margin, -d / 2 - margin, -0.1),
                  (w / 2 + margin, d / 2 + margin, 0.0), ground)
        return
    w, d, h = env["size_m"]
    t = 0.1
    floor = surface_material("floor", surfaces.get("floor") or env.get("ground") or "wood")
    wall = surface_material("wall", surfaces.get("walls") or "plaster")
    plaster = surface_material("ceiling", "plaster")
    openings = env.get("openings", [])
    materials = {name: make_material("opening_" + name, spec)
                 for name, spec in OPENING_MATERIALS.items()}
    for opening in openings:
        build_opening(collection, env, opening, materials)
    polygon = env.get("floor_polygon_m")
    if polygon:
        prism(collection, "floor", "floor", [tuple(p) for p in polygon], -t, 0.0, floor)
        polygon_walls(collection, [tuple(p) for p in polygon], h, openings, wall)
        ceiling = prism(collection, "ceiling", "ceiling", [tuple(p) for p in polygon], h, h + t,
                        plaster)
        hide_from_camera(ceiling)
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
    ceiling = solid_box(collection, "ceiling", "ceiling", (-w / 2, -d / 2, h), (w / 2, d / 2, h + t),
                        plaster)
    hide_from_camera(ceiling)


def hide_from_camera(ceiling):
    """The ceiling keeps the sky's light out and holds the ceiling light, but cameras look in
    through it (the planned camera looks in from above). Blender before 3.0 has no per-ray
    visibility: there the ceiling is not rendered at all."""
    ceiling.hide_viewport = True  # ray casts (visibility) see through it
    if hasattr(ceiling, "visible_camera"):
        ceiling.visible_camera = False
    else:
        ceiling.hide_render = True
