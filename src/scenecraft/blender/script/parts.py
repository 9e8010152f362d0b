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


