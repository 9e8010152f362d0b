# -- Options -------------------------------------------------------------------------------------


def parse_options():
    """Reads the options after '--' on Blender's command line."""
    import argparse

    argv = sys.argv[sys.argv.index("--") + 1:] if "--" in sys.argv else []
    render = SCENE.get("render", {})
    parser = argparse.ArgumentParser(prog="scene.py", description="Build a SceneCraft scene.")
    parser.add_argument("--render", default="", help="write a PNG render to this path")
    parser.add_argument("--engine", default=render.get("engine", "cycles"),
                        choices=["cycles", "eevee", "workbench"])
    parser.add_argument("--samples", type=int, default=render.get("samples", 16))
    parser.add_argument("--resolution", default=render.get("resolution", "640x480"),
                        help="WIDTHxHEIGHT in pixels")
    parser.add_argument("--readback", default="", help="write the readback JSON to this path")
    parser.add_argument("--visibility", default="index", choices=["index", "rays"],
                        help="count visible pixels from Cycles' object-index pass (index) or "
                             "from camera rays cast on a pixel grid (rays)")
    parser.add_argument("--visibility-step", type=int, default=4,
                        help="with --visibility rays: one camera ray per STEP x STEP pixels")
    parser.add_argument("--save-blend", default="", help="save the .blend file to this path")
    parser.add_argument("--export-gltf", default="", help="export the scene as glTF (.glb/.gltf)")
    parser.add_argument("--views", type=int, default=0,
                        help="dataset views: render from this many cameras around the scene, "
                             "with camera JSON, instance segmentation and depth (EXR)")
    parser.add_argument("--views-dir", default=".", help="where the dataset views go")
    options = parser.parse_args(argv)
    try:
        width, height = (int(v) for v in options.resolution.lower().split("x"))
        if not (16 <= width <= 16384 and 16 <= height <= 16384):
            raise ValueError
    except ValueError:
        parser.error("--resolution must be WIDTHxHEIGHT, e.g. 640x480")
    options.width, options.height = width, height
    if options.samples < 1:
        parser.error("--samples must be at least 1")
    if not 0 <= options.views <= 64:
        parser.error("--views must be 0 to 64")
    return options


# -- Scene reset ---------------------------------------------------------------------------------


def reset_scene():
    """Removes everything the start-up file made, so the script builds from nothing."""
    for collection in (bpy.data.objects, bpy.data.meshes, bpy.data.materials, bpy.data.cameras,
                       bpy.data.lights, bpy.data.curves):
        for item in list(collection):
            collection.remove(item)


