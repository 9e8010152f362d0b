# -- Lights and camera -------------------------------------------------------------------------

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


