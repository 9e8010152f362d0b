# -- Render --------------------------------------------------------------------------------------


def configure_render(options):
    scene = bpy.context.scene
    render = scene.render
    render.resolution_x = options.width
    render.resolution_y = options.height
    render.resolution_percentage = 100
    render.image_settings.file_format = "PNG"
    render.film_transparent = False
    if options.engine == "cycles":
        render.engine = "CYCLES"
        scene.cycles.device = "CPU"
        scene.cycles.samples = options.samples
        scene.cycles.use_denoising = False  # Debian's Cycles has no OpenImageDenoise.
        # Light paths for a clean frame without a denoiser: few bounces (interiors still get
        # their bounce light), no caustics, indirect light clamped against fireflies, and
        # adaptive sampling that stops where the pixel has converged.
        scene.cycles.max_bounces = 6
        scene.cycles.diffuse_bounces = 3
        scene.cycles.glossy_bounces = 2
        scene.cycles.transmission_bounces = 4
        scene.cycles.transparent_max_bounces = 8
        scene.cycles.caustics_reflective = False
        scene.cycles.caustics_refractive = False
        scene.cycles.blur_glossy = 1.0
        scene.cycles.sample_clamp_indirect = 3.0
        scene.cycles.use_adaptive_sampling = True
        scene.cycles.adaptive_threshold = 0.02
        scene.cycles.filter_width = 1.5
    elif options.engine == "eevee":
        engines = [e.identifier for e in type(render).bl_rna.properties["engine"].enum_items]
        render.engine = "BLENDER_EEVEE_NEXT" if "BLENDER_EEVEE_NEXT" in engines else "BLENDER_EEVEE"
        scene.eevee.taa_render_samples = options.samples
    else:
        render.engine = "BLENDER_WORKBENCH"
        shading = scene.display.shading
        shading.light = "STUDIO"
        shading.color_type = "TEXTURE"  # image textures; material colour elsewhere
        shading.show_shadows = True
        shading.show_cavity = True
        render.use_freestyle = False
        # Workbench's anti-aliasing samples follow --samples (1: FXAA only, the fastest).
        levels = [(1, "FXAA"), (5, "5"), (8, "8"), (11, "11"), (16, "16")]
        scene.display.render_aa = next((name for limit, name in levels
                                        if options.samples <= limit), "32")
    scene.view_settings.view_transform = "Filmic" if not BLENDER_4 else "AgX"
    try:
        scene.view_settings.look = ("Medium High Contrast" if not BLENDER_4
                                    else "AgX - Medium High Contrast")
    except TypeError:
        pass  # Looks are named differently in some versions; the default look is fine.


def smooth_next_render(scene, options):
    """Before rendering an extra view (the beauty view, dataset views): a fresh compositor with
    the light smoothing when Cycles renders and --smooth-light asks for it (none of the main
    render's outputs), else no compositor. Returns whether it smooths."""
    scene.use_nodes = False
    if scene.render.engine != "CYCLES" or not options.smooth_light:
        return False
    for node in list(scene.node_tree.nodes) if scene.node_tree else []:
        scene.node_tree.nodes.remove(node)
    add_light_smoothing(scene)
    return True


def add_light_smoothing(scene):
    """Debian's Cycles has no denoiser, so the compositor smooths the light instead of the image:
    the diffuse and glossy light passes (which hold the noise) are blurred with a bilateral
    filter that keeps edges of the normal pass, then multiplied by their colour passes (which
    hold the textures, sharp and noise-free) and added to transmission, emission and sky. Puts
    the result between the render layers and the composite output (made when missing)."""
    layer = bpy.context.view_layer
    for name in ("diffuse_direct", "diffuse_indirect", "diffuse_color", "glossy_direct",
                 "glossy_indirect", "glossy_color", "transmission_direct",
                 "transmission_indirect", "transmission_color", "emit", "environment", "normal"):
        setattr(layer, "use_pass_" + name, True)
    scene.use_nodes = True
    tree = scene.node_tree
    layers = next((n for n in tree.nodes if n.type == "R_LAYERS"), None)
    composite = next((n for n in tree.nodes if n.type == "COMPOSITE"), None)
    if layers is None:
        layers = tree.nodes.new("CompositorNodeRLayers")
    if composite is None:
        composite = tree.nodes.new("CompositorNodeComposite")
    links = tree.links
    out = layers.outputs

    def mix(kind, a, b):
        node = tree.nodes.new("CompositorNodeMixRGB")
        node.blend_type = kind
        node.inputs[0].default_value = 1.0
        links.new(a, node.inputs[1])
        links.new(b, node.inputs[2])
        return node.outputs[0]

    def smooth(light, sigma_space):
        node = tree.nodes.new("CompositorNodeBilateralblur")
        node.iterations = 2
        node.sigma_color = 0.4
        node.sigma_space = sigma_space
        links.new(light, node.inputs["Image"])
        links.new(out["Normal"], node.inputs["Determinator"])
        return node.outputs[0]

    diffuse = mix("MULTIPLY", smooth(mix("ADD", out["DiffDir"], out["DiffInd"]), 4.0),
                  out["DiffCol"])
    glossy = mix("MULTIPLY", smooth(mix("ADD", out["GlossDir"], out["GlossInd"]), 2.0),
                 out["GlossCol"])
    transmission = mix("MULTIPLY", mix("ADD", out["TransDir"], out["TransInd"]), out["TransCol"])
    image = mix("ADD", mix("ADD", mix("ADD", diffuse, glossy), transmission),
                mix("ADD", out["Emit"], out["Env"]))
    links.new(image, composite.inputs["Image"])


def compositor_to_exr(folder):
    """Replaces the compositor's nodes by the render layers, the composite output and one File
    Output node writing 32-bit float EXR files into `folder`; returns (layers, output)."""
    scene = bpy.context.scene
    scene.use_nodes = True
    tree = scene.node_tree
    for node in list(tree.nodes):
        tree.nodes.remove(node)
    layers = tree.nodes.new("CompositorNodeRLayers")
    composite = tree.nodes.new("CompositorNodeComposite")
    tree.links.new(layers.outputs["Image"], composite.inputs["Image"])
    output = tree.nodes.new("CompositorNodeOutputFile")
    output.base_path = folder
    output.format.file_format = "OPEN_EXR"
    output.format.color_depth = "32"
    output.format.color_mode = "RGB"
    return layers, output


def setup_index_pass(roots, render_path):
    """Adds the object-index pass (one index per scene object) to the compositor, written to an
    EXR file in a folder beside the render. Cycles computes the pass; returns the folder."""
    for number, root in enumerate(roots, start=1):
        for obj in mesh_descendants(root):
            obj.pass_index = number
    bpy.context.view_layer.use_pass_object_index = True
    # A fresh private folder beside the render (read_index_pass removes it): a fixed name could
    # be a folder or link of the user's that the clean-up would delete.
    import tempfile
    folder = tempfile.mkdtemp(prefix=".scenecraft-index-",
                              dir=os.path.dirname(os.path.abspath(render_path)))
    layers, output = compositor_to_exr(folder)
    output.file_slots[0].path = "index_"
    bpy.context.scene.node_tree.links.new(layers.outputs["IndexOB"], output.inputs[0])
    return folder


def render_index_pass(roots, render_path):
    """For engines without an object-index pass: one extra Cycles sample that computes only the
    pass (no bounces, no image written), then the engine is restored."""
    scene = bpy.context.scene
    engine = scene.render.engine
    samples = scene.cycles.samples
    bounces = scene.cycles.max_bounces
    scene.render.engine = "CYCLES"
    scene.cycles.device = "CPU"
    scene.cycles.samples = 1
    scene.cycles.max_bounces = 0
    scene.cycles.use_denoising = False
    folder = setup_index_pass(roots, render_path)
    try:
        bpy.ops.render.render(write_still=False)
        return read_index_pass(folder, roots)
    finally:
        scene.render.engine = engine
        scene.cycles.samples = samples
        scene.cycles.max_bounces = bounces


def read_index_pass(folder, roots):
    """Pixel counts per scene object from the EXR the compositor wrote; removes the folder."""
    import array
    import shutil

    counts = {}
    try:
        files = sorted(f for f in os.listdir(folder) if f.endswith(".exr"))
        if not files:
            return None
        image = bpy.data.images.load(os.path.join(folder, files[-1]))
        width, height = image.size
        pixels = array.array("f", [0.0]) * (width * height * image.channels)
        image.pixels.foreach_get(pixels)
        for value in pixels[0::image.channels]:
            key = int(value + 0.5)
            counts[key] = counts.get(key, 0) + 1
        bpy.data.images.remove(image)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {root.name: counts.get(number, 0) for number, root in enumerate(roots, start=1)}


