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

