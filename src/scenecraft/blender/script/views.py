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
        smoothed = smooth_next_render(scene, options)
        scene.render.filepath = os.path.join(folder, name + ".png")
        bpy.ops.render.render(write_still=True)
        entry = {"name": name, "image": name + ".png", "target": list(target),
                 "light_smoothed": smoothed,
                 "image_stats": image_stats(os.path.join(folder, name + ".png"))}
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


