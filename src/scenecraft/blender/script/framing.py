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
    """The horizontal field of view (degrees, at least 35) that frames every corner for a camera
    at `position` looking at `target`, with a small margin; 180 when a corner is behind the
    camera or at its lens (no field of view frames it)."""
    rotation = (target - position).to_track_quat("-Z", "Y").to_matrix()
    camera_from_world = rotation.transposed()
    tan_half = math.tan(math.radians(17.5))
    for corner in corners:
        p = camera_from_world @ (corner - position)
        depth = -p.z
        if depth < 0.05:
            return 180.0
        tan_half = max(tan_half, abs(p.x) / depth, abs(p.y) / depth * aspect)
    return math.degrees(2.0 * math.atan(tan_half * 1.06))


def aim(position, corners):
    """The point to look at from `position` so the corners sit in the middle of the view: the
    middle of their smallest arc of directions around the vertical, and of their elevations."""
    if not corners:
        return position + Vector((0.0, 1.0, 0.0))
    azimuths = sorted(math.atan2(c.y - position.y, c.x - position.x) for c in corners)
    # The smallest arc holding every azimuth starts after the largest gap between neighbours.
    gaps = [(azimuths[(i + 1) % len(azimuths)] - a) % (2 * math.pi)
            for i, a in enumerate(azimuths)]
    widest = max(range(len(gaps)), key=lambda i: gaps[i])
    start = azimuths[(widest + 1) % len(azimuths)]
    span = (2 * math.pi - gaps[widest]) if len(azimuths) > 1 else 0.0
    yaw = start + span / 2
    elevations = [math.atan2(c.z - position.z, max(1e-6, math.hypot(c.x - position.x,
                                                                     c.y - position.y)))
                  for c in corners]
    pitch = (min(elevations) + max(elevations)) / 2
    return position + Vector((math.cos(pitch) * math.cos(yaw), math.cos(pitch) * math.sin(yaw),
                              math.sin(pitch)))


def frustum_distance(target, direction, corners, aspect, fov_deg):
    """How far back from `target` along -`direction` a camera with this horizontal field of view
    must stand so every corner is inside its frustum (a fit to the boxes, not a fixed
    distance)."""
    right = direction.cross(Vector((0.0, 0.0, 1.0))).normalized()
    up = right.cross(direction).normalized()
    tan_x = math.tan(math.radians(fov_deg) / 2)
    tan_y = tan_x / aspect
    distance = 0.0
    for c in corners:
        rel = c - target
        ahead = rel.dot(direction)
        distance = max(distance, abs(rel.dot(right)) / tan_x - ahead,
                       abs(rel.dot(up)) / tan_y - ahead)
    return distance


def open_sides(outline):
    """The walls of the floor outline that are not built (those facing the default camera, as
    in opening_frame): the room's open front."""
    sides = []
    n = len(outline)
    for i in range(n):
        (ax, ay), (bx, by) = outline[i], outline[(i + 1) % n]
        length = math.hypot(bx - ax, by - ay)
        if length > 1e-6 and (bx - ax) / length > 0.7:
            sides.append(((ax, ay), (bx, by)))
    return sides


def leaves_room(position, direction, outline, height, open_walls):
    """Whether a ray from `position` (inside the room) leaves it through an open side before
    it meets a wall, the floor or the ceiling: the picture would show the room's cut edge."""
    nearest, through_open = float("inf"), False
    n = len(outline)
    for i in range(n):
        (ax, ay), (bx, by) = outline[i], outline[(i + 1) % n]
        ex, ey = bx - ax, by - ay
        denominator = direction.x * ey - direction.y * ex
        if abs(denominator) < 1e-12:
            continue
        t = ((ax - position.x) * ey - (ay - position.y) * ex) / denominator
        u = ((ax - position.x) * direction.y - (ay - position.y) * direction.x) / denominator
        if t > 1e-6 and -1e-6 <= u <= 1.0 + 1e-6 and t < nearest:
            nearest = t
            through_open = ((ax, ay), (bx, by)) in open_walls
    if not through_open:
        return False
    z = position.z + direction.z * nearest
    return 0.0 <= z <= height


def frame_rays(position, target, fov_deg, aspect, steps=8):
    """Directions through a grid of points over the whole picture, its border included (the
    border alone can meet the ceiling, walls and floor while the middle looks out)."""
    rotation = (target - position).to_track_quat("-Z", "Y").to_matrix()
    tan_x = math.tan(math.radians(fov_deg) / 2)
    tan_y = tan_x / aspect
    rays = []
    for i in range(steps + 1):
        for j in range(steps + 1):
            x, y = -1.0 + 2.0 * i / steps, -1.0 + 2.0 * j / steps
            rays.append(rotation @ Vector((x * tan_x, y * tan_y, -1.0)))
    return rays


def inside_view(env, specs, corners, aspect, eye):
    """The best view from inside the room: from a corner (pulled 0.25 m in along both walls) or
    0.5 m inside a door, at eye height; turned and widened (to at most 95 degrees) so that as much
    of every framed object is in the picture as it can be without the picture leaving the room
    through its open side. Returns (position, target, fov_deg) or None."""
    h = env["size_m"][2]
    outline = floor_outline(env)
    open_walls = open_sides(outline)
    cy = sum(p[1] for p in outline) / len(outline)
    candidates = []
    n = len(outline)
    for i, (x, y) in enumerate(outline):
        (px, py), (nx, ny) = outline[i - 1], outline[(i + 1) % n]
        to_prev, to_next = Vector((px - x, py - y)), Vector((nx - x, ny - y))
        if to_prev.length < 0.6 or to_next.length < 0.6:
            continue
        point = Vector((x, y)) + to_prev.normalized() * 0.25 + to_next.normalized() * 0.25
        candidates.append((point.x, point.y))
    for opening in env.get("openings", []):
        frame = opening_frame(env, opening) if opening.get("kind") == "door" else None
        if frame is not None:
            x, y, along, inward = frame
            u = opening.get("offset_m", 0.0)
            candidates.append((x + along[0] * u + inward[0] * 0.5,
                               y + along[1] * u + inward[1] * 0.5))
    # Along the open side, 0.3 m in: looking straight into the room.
    for (ax, ay), (bx, by) in open_walls:
        length = math.hypot(bx - ax, by - ay)
        inward = (-(by - ay) / length, (bx - ax) / length)
        for f in (0.3, 0.5, 0.7):
            candidates.append((ax + (bx - ax) * f + inward[0] * 0.3,
                               ay + (by - ay) * f + inward[1] * 0.3))
    group, _ = main_group(specs)
    boxes = {k: (spec, object_corners([spec])) for k, spec in enumerate(specs)}
    best = None
    for point in candidates:
        if not inside_polygon(point, outline):
            continue
        if any(abs(point[0] - s["location"][0]) < s["size"][0] / 2 + 0.15 and
               abs(point[1] - s["location"][1]) < s["size"][1] / 2 + 0.15 for s in specs):
            continue  # in furniture
        position = Vector((point[0], point[1], eye))
        centre = aim(position, corners) - position
        yaw0 = math.atan2(centre.y, centre.x)
        # Looking down no more than 20 degrees: a person holds a camera nearly level.
        pitch = max(math.radians(-20.0), min(math.radians(5.0),
                                             math.asin(max(-1.0, min(1.0, centre.z)))))
        for offset in range(-20, 21, 5):
            yaw = yaw0 + math.radians(offset)
            target = position + Vector((math.cos(pitch) * math.cos(yaw),
                                        math.cos(pitch) * math.sin(yaw), math.sin(pitch)))
            fov = min(95.0, fit_fov(position, target, corners, aspect))
            while fov >= 40.0 and any(leaves_room(position, ray, outline, h, open_walls)
                                      for ray in frame_rays(position, target, fov, aspect)):
                fov -= 5.0
            if fov < 40.0:
                continue
            shares = frame_shares(position, target, fov, aspect,
                                  {k: (Vector((min(c.x for c in cs), min(c.y for c in cs),
                                               min(c.z for c in cs))),
                                       Vector((max(c.x for c in cs), max(c.y for c in cs),
                                               max(c.z for c in cs))))
                                   for k, (_, cs) in boxes.items()})
            coverage = sum(shares.values()) / max(1, len(shares))
            # As much of the objects as possible (in steps of 5 %), then from the open side,
            # then from farther away (less distortion), then the narrower lens.
            distance = math.hypot(point[0] - group.x, point[1] - group.y)
            key = (round(coverage * 20.0), point[1] < cy, round(distance, 1), -fov)
            if best is None or key > best[0]:
                best = (key, position, target, fov)
    return None if best is None else best[1:]


def beauty_view(env, specs, aspect):
    """Where a person would stand to take the picture: in a room inside it, at eye height in a
    corner or at the door (inside_view); outdoors on a three-quarter view from eye height up, as
    far back as the boxes need. Returns (position, target, fov_deg)."""
    group, _ = main_group(specs)
    corners = object_corners(specs)
    if env["kind"] == "room":
        h = env["size_m"][2]
        outline = floor_outline(env)
        eye = min(1.6, h - 0.25)
        view = inside_view(env, specs, corners, aspect, eye)
        if view is not None:
            return view
        # No corner or door inside the room is free: stand in front of the open front side,
        # looking in along +Y, as far back as the boxes need to fit a 70 degree frustum.
        look = Vector((0.0, math.cos(math.radians(-12.0)), math.sin(math.radians(-12.0))))
        distance = frustum_distance(group, look, corners, aspect, 70.0)
        position = group - look * max(distance, 1.0)
        position.y = min(position.y, min(p[1] for p in outline) - 0.1)
        position.z = max(eye, position.z)
        return position, group, min(100.0, fit_fov(position, group, corners, aspect))
    angle = math.radians(-90.0 - 30.0)
    pitch = math.radians(-12.0)
    direction = Vector((-math.cos(angle) * math.cos(pitch), -math.sin(angle) * math.cos(pitch),
                        math.sin(pitch)))
    distance = max(4.0, 1.04 * frustum_distance(group, direction, corners, aspect, 50.0))
    position = group - direction * distance
    position.z = max(1.7, position.z)
    return position, group, min(90.0, fit_fov(position, group, corners, aspect))


def frame_shares(position, target, fov_deg, aspect, boxes):
    """For each object (id -> world box (lo, hi)), the share of its box's eight corners inside
    the frame of a camera at `position` looking at `target` with this horizontal field of
    view."""
    camera_from_world = (target - position).to_track_quat("-Z", "Y").to_matrix().transposed()
    tan_x = math.tan(math.radians(fov_deg) / 2)
    tan_y = tan_x / aspect
    shares = {}
    for name, (lo, hi) in boxes.items():
        inside = 0
        for x in (lo[0], hi[0]):
            for y in (lo[1], hi[1]):
                for z in (lo[2], hi[2]):
                    p = camera_from_world @ (Vector((x, y, z)) - position)
                    depth = -p.z
                    if (depth > 0.01 and abs(p.x) <= tan_x * depth * 1.0001 and
                            abs(p.y) <= tan_y * depth * 1.0001):
                        inside += 1
        shares[name] = inside / 8.0
    return shares


def beauty_readback(boxes, options):
    """The beauty view for the readback: its camera and, for every object it frames, the share
    of the object's real box (id -> world box) inside the picture."""
    env = SCENE["environment"]
    specs = framed_objects(env, SCENE["objects"])
    aspect = options.width / options.height
    position, target, fov = beauty_view(env, specs, aspect)
    framed = {spec["id"]: boxes[spec["id"]] for spec in specs if spec["id"] in boxes}
    return {"position": list(position), "target": list(target), "fov_deg": fov,
            "in_frame": frame_shares(position, target, fov, aspect, framed)}


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
        if kind == "beauty":
            smooth_next_render(scene, options)
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


