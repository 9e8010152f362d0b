# -- Beauty and check views ----------------------------------------------------------------------


def object_corners(specs):
    """The corners of every scene object's planned box (bottom centre, size, yaw), world space."""
    corners = []
    for spec in specs:
        x, y, z = spec["location"]
        w, d, h = spec["size"]
        yaw = math.radians(spec.get("yaw_deg", 0.0))
        c, s = math.cos(yaw), math.sin(yaw)
        for u in (-w / 2, w / 2):
            for v in (-d / 2, d / 2):
                for dz in (0.0, h):
                    corners.append(Vector((x + c * u - s * v, y + s * u + c * v, z + dz)))
    return corners


def floor_outline(env):
    polygon = env.get("floor_polygon_m")
    if polygon:
        return [tuple(p) for p in polygon]
    w, d = env["size_m"][0], env["size_m"][1]
    return [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)]


def inside_polygon(point, polygon):
    inside = False
    n = len(polygon)
    for i in range(n):
        (ax, ay), (bx, by) = polygon[i], polygon[(i + 1) % n]
        if (ay > point[1]) != (by > point[1]):
            if point[0] < ax + (point[1] - ay) * (bx - ax) / (by - ay):
                inside = not inside
    return inside


def framed_objects(env, specs):
    """The objects a view frames: all but those that cover much of the floor or ground (a
    plaza, a lawn: they are the setting, not the subject), unless nothing else is left."""
    outline = floor_outline(env)
    xs, ys = [p[0] for p in outline], [p[1] for p in outline]
    area = max(1.0, (max(xs) - min(xs)) * (max(ys) - min(ys)))
    subjects = [s for s in specs if s["size"][0] * s["size"][1] < 0.3 * area]
    return subjects or specs


def main_group(specs):
    """The centre of the objects a view is about, weighted by their footprint, and a look-at
    height."""
    weight = 0.0
    cx = cy = 0.0
    top = 0.0
    for spec in specs:
        w, d, h = spec["size"]
        area = max(0.05, w * d)
        weight += area
        cx += spec["location"][0] * area
        cy += spec["location"][1] * area
        top = max(top, spec["location"][2] + h)
    if weight == 0.0:
        return Vector((0.0, 0.0, 0.5)), 1.0
    return Vector((cx / weight, cy / weight, min(1.0, max(0.3, 0.4 * top)))), top


def fit_fov(position, target, corners, aspect):
    """The horizontal field of view (degrees, 35 to 90) that frames every corner in front of a
    camera at `position` looking at `target`, with a small margin."""
    rotation = (target - position).to_track_quat("-Z", "Y").to_matrix()
    camera_from_world = rotation.transposed()
    half_x = math.radians(17.5)
    for corner in corners:
        p = camera_from_world @ (corner - position)
        depth = -p.z
        if depth < 0.3:
            continue
        half_x = max(half_x, math.atan(abs(p.x) / depth),
                     math.atan(abs(p.y) / depth * aspect))
    return min(90.0, math.degrees(2.0 * half_x) * 1.08)


def beauty_view(env, specs, aspect):
    """Where a person would stand to take the picture: in a room at eye height in the corner on
    the open (front) side, or at the door, that sees the main group across the room; outdoors
    at eye height on a three-quarter view of the group. Returns (position, target, fov_deg)."""
    target, _ = main_group(specs)
    corners = object_corners(specs)
    if env["kind"] == "room":
        h = env["size_m"][2]
        outline = floor_outline(env)
        cx = sum(p[0] for p in outline) / len(outline)
        cy = sum(p[1] for p in outline) / len(outline)
        candidates = []
        for x, y in outline:
            dx, dy = cx - x, cy - y
            length = max(1e-6, math.hypot(dx, dy))
            candidates.append((x + dx / length * 0.45, y + dy / length * 0.45))
        for opening in env.get("openings", []):
            frame = opening_frame(env, opening) if opening.get("kind") == "door" else None
            if frame is not None:
                x, y, along, inward = frame
                u = opening.get("offset_m", 0.0)
                candidates.append((x + along[0] * u + inward[0] * 0.5,
                                   y + along[1] * u + inward[1] * 0.5))

        def score(point):
            # Far from the group, on the open side, not inside furniture.
            blocked = any(abs(point[0] - s["location"][0]) < s["size"][0] / 2 + 0.25 and
                          abs(point[1] - s["location"][1]) < s["size"][1] / 2 + 0.25
                          for s in specs)
            distance = math.hypot(point[0] - target.x, point[1] - target.y)
            return (inside_polygon(point, outline), not blocked, point[1] < cy, distance)

        best = max(candidates, key=score)
        position = Vector((best[0], best[1], min(1.6, h - 0.25)))
    else:
        # A photo of a group frames its footprint; tall things (trees, towers) may leave the
        # frame at the top.
        corners = [Vector((c.x, c.y, min(c.z, 3.0))) for c in corners]
        radius = max([math.hypot(c.x - target.x, c.y - target.y) for c in corners] + [1.0])
        distance = max(4.0, 1.2 * radius / math.tan(math.radians(27.5)))
        angle = math.radians(-90.0 - 30.0)
        position = Vector((target.x + distance * math.cos(angle),
                           target.y + distance * math.sin(angle),
                           max(1.7, min(4.0, 0.12 * distance))))
    return position, target, fit_fov(position, target, corners, aspect)


def check_view(env, specs):
    """A top-down orthographic view that shows the whole floor or ground and every object:
    (position, ortho width and height in metres)."""
    corners = object_corners(specs)
    xs = [c.x for c in corners]
    ys = [c.y for c in corners]
    if env["kind"] == "room" or not corners:
        outline = floor_outline(env)
        xs += [p[0] for p in outline]
        ys += [p[1] for p in outline]
    top = max([c.z for c in corners] + [env["size_m"][2] if env["kind"] == "room" else 1.0])
    lo, hi = Vector((min(xs), min(ys), 0.0)), Vector((max(xs), max(ys), 0.0))
    centre = (lo + hi) / 2
    return Vector((centre.x, centre.y, top + 20.0)), hi.x - lo.x, hi.y - lo.y


def render_extra_view(camera, path, options, warnings, kind):
    """Renders the beauty view (the chosen engine) or the check view (Workbench, top-down
    orthographic, ceiling left out) from a second camera; the planned camera stays the scene's."""
    scene = bpy.context.scene
    env = SCENE["environment"]
    specs = framed_objects(env, SCENE["objects"])
    aspect = options.width / options.height
    data = bpy.data.cameras.new("camera_" + kind)
    data.sensor_fit = "HORIZONTAL"
    data.clip_start = 0.05
    data.clip_end = 5000.0
    view = bpy.data.objects.new("camera_" + kind, data)
    scene.collection.objects.link(view)
    hidden = []
    shown = []
    if kind == "beauty":
        # The camera stands in the room: it sees the ceiling.
        for obj in scene.objects:
            if obj.get("sc_category") == "ceiling" and hasattr(obj, "visible_camera"):
                obj.visible_camera = True
                shown.append(obj)
        position, target, fov = beauty_view(env, specs, aspect)
        view.location = position
        view.rotation_euler = (target - position).to_track_quat("-Z", "Y").to_euler()
        data.angle = math.radians(fov)
    else:
        position, width, height = check_view(env, SCENE["objects"])
        data.type = "ORTHO"
        data.ortho_scale = max(width, height * aspect) * 1.08
        view.location = position
        view.rotation_euler = (0.0, 0.0, 0.0)
        for obj in scene.objects:
            if obj.get("sc_category") == "ceiling" and not obj.hide_render:
                obj.hide_render = True
                hidden.append(obj)
        check = argparse_namespace(options, engine="workbench", samples=8)
        configure_render(check)
        scene.display.shading.show_shadows = False  # a plan: no sun stripes across it
    saved = (scene.camera, scene.render.filepath, scene.use_nodes)
    try:
        scene.camera = view
        scene.use_nodes = False
        if kind == "beauty" and scene.render.engine == "CYCLES" and options.smooth_light:
            # A fresh compositor: the light smoothing, and none of the main render's EXR outputs.
            for node in list(scene.node_tree.nodes) if scene.node_tree else []:
                scene.node_tree.nodes.remove(node)
            add_light_smoothing(scene)
        scene.render.filepath = os.path.abspath(path)
        started = time.perf_counter()
        bpy.ops.render.render(write_still=True)
        print("scenecraft: rendered the %s view %s in %.3f s"
              % (kind, path, time.perf_counter() - started))
    except Exception as error:  # The main render and readback stay; say what is missing.
        warnings.append("the %s view failed (%s)" % (kind, error))
    finally:
        scene.camera, scene.render.filepath, scene.use_nodes = saved
        for obj in hidden:
            obj.hide_render = False
        for obj in shown:
            obj.visible_camera = False
        configure_render(options)
    view["sc_view"] = kind
    return view


def argparse_namespace(options, **changes):
    """A copy of the parsed options with some values changed."""
    import argparse

    copy = argparse.Namespace(**vars(options))
    for key, value in changes.items():
        setattr(copy, key, value)
    return copy


