# -- Lights and camera -------------------------------------------------------------------------

# The light of each time of day (Environment.time_of_day; "" is the afternoon): the bundled
# world HDRI and its strength, the sun's elevation (degrees), colour and strength (W/m^2), the
# sky's light through a window (W/m^2 of window), and the exposure (stops) that keeps the frame
# neither burnt out nor murky.
TIMES_OF_DAY = {
    "dawn": {"hdri": "sunrise.exr", "world": 0.7, "elevation": 7.0, "sun": (1.0, 0.72, 0.5),
             "sun_strength": 2.0, "window": 6.0, "exposure": 0.4},
    "morning": {"hdri": "courtyard.exr", "world": 0.9, "elevation": 28.0,
                "sun": (1.0, 0.93, 0.84), "sun_strength": 3.5, "window": 10.0, "exposure": 0.0},
    "noon": {"hdri": "courtyard.exr", "world": 1.0, "elevation": 65.0, "sun": (1.0, 0.98, 0.95),
             "sun_strength": 4.5, "window": 12.0, "exposure": -0.3},
    "afternoon": {"hdri": "courtyard.exr", "world": 1.0, "elevation": 38.0,
                  "sun": (1.0, 0.95, 0.88), "sun_strength": 4.0, "window": 11.0, "exposure": 0.0},
    "dusk": {"hdri": "sunset.exr", "world": 0.8, "elevation": 5.0, "sun": (1.0, 0.58, 0.32),
             "sun_strength": 2.2, "window": 4.0, "exposure": 0.5},
    "night": {"hdri": "night.exr", "world": 0.6, "elevation": 40.0, "sun": (0.55, 0.65, 1.0),
              "sun_strength": 0.08, "window": 0.0, "exposure": 0.8},
}


def time_of_day(env):
    return TIMES_OF_DAY.get(env.get("time_of_day") or "afternoon", TIMES_OF_DAY["afternoon"])


def bundled_world_hdri(name):
    """The path of a world HDRI that ships with Blender (datafiles/studiolights/world), found
    through Blender's own resource paths; None when this Blender has none."""
    folders = []
    try:
        folders.append(bpy.utils.system_resource("DATAFILES", path="studiolights/world"))
    except (TypeError, ValueError, AttributeError):
        pass
    for kind in ("LOCAL", "SYSTEM"):
        try:
            folders.append(os.path.join(bpy.utils.resource_path(kind), "datafiles",
                                        "studiolights", "world"))
        except (TypeError, ValueError, AttributeError):
            pass
    for folder in folders:
        path = os.path.join(folder or "", name)
        if folder and os.path.isfile(path):
            return path
    return None


def build_world(time, warnings):
    """The sky: a bundled world HDRI for light and background, or a plain sky colour."""
    scene = bpy.context.scene
    world = scene.world if scene.world is not None else bpy.data.worlds.new("sc_world")
    scene.world = world
    world.use_nodes = True
    nodes = world.node_tree.nodes
    links = world.node_tree.links
    background = nodes.get("Background")
    if background is None:
        return
    path = bundled_world_hdri(time["hdri"])
    if path is None:
        warnings.append("Blender's world HDRI %s is missing: a plain sky lights the scene"
                        % time["hdri"])
        background.inputs["Color"].default_value = (0.62, 0.72, 0.85, 1.0)
        background.inputs["Strength"].default_value = 0.35 * time["world"]
        return
    texture = nodes.new("ShaderNodeTexEnvironment")
    texture.image = bpy.data.images.load(path, check_existing=True)
    links.new(texture.outputs["Color"], background.inputs["Color"])
    background.inputs["Strength"].default_value = time["world"]
    world["sc_hdri"] = os.path.basename(path)


def sun_direction(time, towards):
    """The sun's rotation: light falling at the time's elevation, travelling along `towards`
    (a horizontal direction)."""
    elevation = math.radians(time["elevation"])
    heading = math.atan2(towards[1], towards[0]) - math.pi / 2
    return (math.pi / 2 - elevation, 0.0, heading)


def add_light(collection, name, kind, location, energy, colour, rotation=None, size=None):
    data = bpy.data.lights.new(name, kind)
    data.energy = energy
    data.color = colour
    if size is not None:
        data.shape = "RECTANGLE"
        data.size, data.size_y = size
    light = bpy.data.objects.new(name, data)
    light.location = location
    if rotation is not None:
        light.rotation_euler = rotation
    if hasattr(light, "visible_camera"):
        light.visible_camera = False  # a window shows the sky, not a glowing panel
    collection.objects.link(light)
    return light


def opening_frame(env, opening):
    """Where an opening sits: the middle of its wall's inner face (x, y), the direction along the
    wall and the direction into the room; None when its wall is not built."""
    wall = opening.get("wall")
    polygon = env.get("floor_polygon_m")
    if polygon:
        n = len(polygon)
        for i in range(n):
            if wall != "wall_%d" % (i + 1):
                continue
            (ax, ay), (bx, by) = polygon[i], polygon[(i + 1) % n]
            length = math.hypot(bx - ax, by - ay)
            if length <= 1e-6:
                return None
            dx, dy = (bx - ax) / length, (by - ay) / length
            if dx > 0.7:
                return None  # a wall facing the default camera is not built
            return (ax + bx) / 2, (ay + by) / 2, (dx, dy), (-dy, dx)
        return None
    w, d, _ = env["size_m"]
    frames = {"back": (0.0, d / 2, (1.0, 0.0), (0.0, -1.0)),
              "left": (-w / 2, 0.0, (0.0, 1.0), (1.0, 0.0)),
              "right": (w / 2, 0.0, (0.0, 1.0), (-1.0, 0.0))}
    return frames.get(wall)


def build_lights(collection, env, objects, warnings):
    """Daylight (a bundled world HDRI and a sun at the time of day's height), daylight through
    every window of a room, a ceiling light, and a bulb in every object whose model is a light
    source (a lamp that is on)."""
    time = time_of_day(env)
    build_world(time, warnings)
    bpy.context.scene.view_settings.exposure = time["exposure"]
    room = env["kind"] == "room"
    windows = [o for o in env.get("openings", []) if o.get("kind") == "window"] if room else []
    # The sun comes in through the first window; outdoors, and in a room without windows, it
    # falls from behind the viewer's left shoulder.
    towards = (0.45, 0.9)
    for window in windows:
        frame = opening_frame(env, window)
        if frame is not None:
            towards = (frame[3][0] + 0.35 * frame[2][0], frame[3][1] + 0.35 * frame[2][1])
            break
    sun = add_light(collection, "sun", "SUN", (0.0, 0.0, 10.0), time["sun_strength"], time["sun"],
                    rotation=sun_direction(time, towards))
    sun.data.angle = math.radians(1.5 if time["elevation"] > 10 else 4.0)
    if room:
        h = env["size_m"][2]
        # The sky's light through each window: a panel in the opening, facing into the room.
        for k, window in enumerate(windows):
            frame = opening_frame(env, window)
            if frame is None or time["window"] <= 0:
                continue
            x, y, along, inward = frame
            u = window.get("offset_m", 0.0)
            z = window.get("sill_m", 0.9) + window.get("height_m", 1.2) / 2
            location = (x + along[0] * u + inward[0] * 0.02, y + along[1] * u + inward[1] * 0.02, z)
            rotation = Vector((-inward[0], -inward[1], 0.0)).to_track_quat("Z", "Y").to_euler()
            area = window.get("width_m", 1.0) * window.get("height_m", 1.2)
            add_light(collection, "window_light_%d" % (k + 1), "AREA", location,
                      time["window"] * area * 6.0, (0.9, 0.95, 1.0), rotation=rotation,
                      size=(window.get("width_m", 1.0), window.get("height_m", 1.2)))
        polygon = env.get("floor_polygon_m")
        if polygon:
            xs, ys = [p[0] for p in polygon], [p[1] for p in polygon]
            w, d = max(xs) - min(xs), max(ys) - min(ys)
        else:
            w, d = env["size_m"][0], env["size_m"][1]
        ceiling = add_light(collection, "ceiling_light", "AREA", (0.0, 0.0, h - 0.05),
                            (3.0 if time is not TIMES_OF_DAY["night"] else 5.0) * w * d,
                            (1.0, 0.87, 0.72), size=(min(w * 0.3, 1.2), min(d * 0.3, 1.2)))
        if hasattr(ceiling.data, "spread"):
            ceiling.data.spread = math.radians(150.0)
    # Lamps are on: a warm bulb where the model says.
    for spec in objects:
        light = (SCENE.get("models", {}).get(spec["model"]) or {}).get("light")
        if not light:
            continue
        root = bpy.data.objects.get(spec["id"])
        bulb = add_light(collection, "%s.bulb" % spec["id"], "POINT",
                         (0.0, 0.0, spec["size"][2] * float(light.get("height_fraction", 0.8))),
                         float(light.get("watts", 40.0)), tuple(light.get("rgb", (1.0, 0.8, 0.6))))
        bulb.data.shadow_soft_size = 0.04
        bulb["sc_part_of"] = spec["id"]
        if root is not None:
            bulb.parent = root
    return time


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


