# -- Materials -----------------------------------------------------------------------------------


def set_input(node, names, value):
    """Sets the first input of a node that exists under one of `names` (names differ by version)."""
    for name in names:
        socket = node.inputs.get(name)
        if socket is not None:
            socket.default_value = value
            return True
    return False


def raise_ior_for_gltf():
    """Blender 3.4's glTF exporter divides by the Fresnel reflectance at a material's IOR, which is
    0 at IOR 1 (imported OBJ materials with `Ni 1`, e.g. transparent lamp shades), and fails with
    ZeroDivisionError. An IOR of 1.05 looks the same and exports; runs after the render and the
    .blend are written, so only the glTF file sees it."""
    for material in bpy.data.materials:
        if not material.use_nodes or material.node_tree is None:
            continue
        for node in material.node_tree.nodes:
            socket = node.inputs.get("IOR") if node.type == "BSDF_PRINCIPLED" else None
            if socket is not None and socket.default_value < 1.05:
                socket.default_value = 1.05


def make_material(name, spec):
    material = bpy.data.materials.new(name)
    rgba = list(spec.get("rgba", [0.8, 0.8, 0.8, 1.0]))
    material.diffuse_color = rgba  # Workbench and the viewport show this colour.
    material.roughness = float(spec.get("roughness", 0.5))
    material.metallic = float(spec.get("metallic", 0.0))
    material.use_nodes = True
    bsdf = material.node_tree.nodes.get("Principled BSDF")
    if bsdf is not None:
        set_input(bsdf, ["Base Color"], rgba)
        set_input(bsdf, ["Roughness"], float(spec.get("roughness", 0.5)))
        set_input(bsdf, ["Metallic"], float(spec.get("metallic", 0.0)))
        transmission = float(spec.get("transmission", 0.0))
        if transmission > 0:
            set_input(bsdf, ["Transmission Weight", "Transmission"], transmission)
        emission = float(spec.get("emission", 0.0))
        if emission > 0:
            set_input(bsdf, ["Emission Color", "Emission"], rgba)
            set_input(bsdf, ["Emission Strength"], emission)
        if spec.get("look") in LOOKS:
            add_look(material, bsdf, spec["look"], rgba)
        if spec.get("pane"):
            make_pane(material, bsdf, float(spec.get("reflection", 0.08)))
    return material


def make_pane(material, bsdf, reflection):
    """A thin window pane: light and the sky pass straight through (a transparent BSDF, not
    refraction, whose few samples per pixel mottle the view out), with a faint sharp
    reflection."""
    nodes = material.node_tree.nodes
    links = material.node_tree.links
    output = nodes.get("Material Output")
    if output is None:
        return
    through = nodes.new("ShaderNodeBsdfTransparent")
    mirror = nodes.new("ShaderNodeBsdfGlossy")
    mirror.inputs["Roughness"].default_value = 0.02
    mix = nodes.new("ShaderNodeMixShader")
    mix.inputs["Fac"].default_value = reflection
    links.new(through.outputs["BSDF"], mix.inputs[1])
    links.new(mirror.outputs["BSDF"], mix.inputs[2])
    links.new(mix.outputs["Shader"], output.inputs["Surface"])
    nodes.remove(bsdf)
    material.blend_method = "BLEND"  # EEVEE shows it see-through too


def shade(rgba, factor):
    return [min(1.0, c * factor) for c in rgba[:3]] + [1.0]


def add_look(material, bsdf, look, rgba):
    """A procedural surface pattern from nodes (no image files): the base colour varied by a
    texture through a colour ramp, and for rough materials a fine bump."""
    nodes = material.node_tree.nodes
    links = material.node_tree.links
    coord = nodes.new("ShaderNodeTexCoord")
    mapping = nodes.new("ShaderNodeMapping")
    links.new(coord.outputs["Object"], mapping.inputs["Vector"])
    settings = LOOKS[look]
    if settings["texture"] == "brick":
        add_brick_look(nodes, links, mapping, bsdf, settings, rgba)
        return
    ramp = nodes.new("ShaderNodeValToRGB")
    if settings["texture"] == "wave":
        texture = nodes.new("ShaderNodeTexWave")
        texture.wave_type = settings.get("wave_type", "BANDS")
        texture.inputs["Distortion"].default_value = settings.get("distortion", 4.0)
        texture.inputs["Detail"].default_value = settings.get("detail", 2.0)
    else:
        texture = nodes.new("ShaderNodeTexNoise")
        texture.inputs["Detail"].default_value = settings.get("detail", 4.0)
    texture.inputs["Scale"].default_value = settings["scale"]
    mapping.inputs["Scale"].default_value = settings.get("stretch", (1.0, 1.0, 1.0))
    links.new(mapping.outputs["Vector"], texture.inputs["Vector"])
    links.new(texture.outputs["Fac"], ramp.inputs["Fac"])
    low, high = settings["range"]
    ramp.color_ramp.elements[0].color = shade(rgba, low)
    ramp.color_ramp.elements[1].color = shade(rgba, high)
    for position, element in zip(settings.get("stops", (0.0, 1.0)), ramp.color_ramp.elements):
        element.position = position
    links.new(ramp.outputs["Color"], bsdf.inputs["Base Color"])
    if settings.get("bump", 0.0) > 0:
        bump = nodes.new("ShaderNodeBump")
        bump.inputs["Strength"].default_value = settings["bump"]
        bump.inputs["Distance"].default_value = 0.002
        links.new(texture.outputs["Fac"], bump.inputs["Height"])
        links.new(bump.outputs["Normal"], bsdf.inputs["Normal"])


def add_brick_look(nodes, links, mapping, bsdf, settings, rgba):
    """Planks, tiles and paving: Blender's brick texture in object space (metres), its bricks in
    two shades of the base colour, grooves from the mortar as a bump."""
    texture = nodes.new("ShaderNodeTexBrick")
    texture.offset = settings.get("offset", 0.5)
    texture.inputs["Color1"].default_value = shade(rgba, settings["range"][0])
    texture.inputs["Color2"].default_value = shade(rgba, settings["range"][1])
    texture.inputs["Mortar"].default_value = shade(rgba, settings.get("mortar", 0.4))
    texture.inputs["Scale"].default_value = 1.0
    texture.inputs["Mortar Size"].default_value = settings.get("mortar_m", 0.004)
    texture.inputs["Brick Width"].default_value = settings["brick_m"][0]
    texture.inputs["Row Height"].default_value = settings["brick_m"][1]
    if settings.get("vertical"):
        # On walls: along the wall (x on the back wall, y on the side walls) and up.
        split = nodes.new("ShaderNodeSeparateXYZ")
        along = nodes.new("ShaderNodeMath")
        along.operation = "ADD"
        join = nodes.new("ShaderNodeCombineXYZ")
        links.new(mapping.outputs["Vector"], split.inputs["Vector"])
        links.new(split.outputs["X"], along.inputs[0])
        links.new(split.outputs["Y"], along.inputs[1])
        links.new(along.outputs["Value"], join.inputs["X"])
        links.new(split.outputs["Z"], join.inputs["Y"])
        links.new(join.outputs["Vector"], texture.inputs["Vector"])
    else:
        links.new(mapping.outputs["Vector"], texture.inputs["Vector"])
    links.new(texture.outputs["Color"], bsdf.inputs["Base Color"])
    bump = nodes.new("ShaderNodeBump")
    bump.invert = True
    bump.inputs["Strength"].default_value = settings.get("bump", 0.3)
    bump.inputs["Distance"].default_value = 0.002
    links.new(texture.outputs["Fac"], bump.inputs["Height"])
    links.new(bump.outputs["Normal"], bsdf.inputs["Normal"])


# The looks a material may ask for: texture, its scale and stretch (object space, metres), the
# shades of the base colour the pattern runs between, and the bump strength.
LOOKS = {
    "wood": {"texture": "wave", "wave_type": "RINGS", "scale": 2.5, "distortion": 6.0,
             "detail": 3.0, "stretch": (1.0, 1.0, 0.12), "range": (0.6, 1.15), "bump": 0.05},
    "marble": {"texture": "wave", "scale": 1.5, "distortion": 14.0, "detail": 6.0,
               "range": (0.55, 1.0), "stops": (0.0, 0.12)},
    "stone": {"texture": "noise", "scale": 12.0, "detail": 8.0, "range": (0.75, 1.1),
              "bump": 0.25},
    "fabric": {"texture": "noise", "scale": 220.0, "detail": 2.0, "range": (0.8, 1.05),
               "bump": 0.2},
    "leather": {"texture": "noise", "scale": 90.0, "detail": 6.0, "range": (0.8, 1.1),
                "bump": 0.15},
    "metal": {"texture": "noise", "scale": 4.0, "detail": 2.0, "stretch": (1.0, 1.0, 60.0),
              "range": (0.9, 1.05)},
    # Floors, walls and grounds (environment.py).
    "planks": {"texture": "brick", "brick_m": (1.2, 0.16), "offset": 0.37, "range": (0.8, 1.2),
               "mortar": 0.45, "mortar_m": 0.003, "bump": 0.2},
    "tiles": {"texture": "brick", "brick_m": (0.4, 0.4), "offset": 0.0, "range": (0.95, 1.02),
              "mortar": 0.7, "mortar_m": 0.004, "bump": 0.3},
    "wall_tiles": {"texture": "brick", "brick_m": (0.2, 0.2), "offset": 0.0,
                   "range": (0.96, 1.02), "mortar": 0.75, "mortar_m": 0.002, "bump": 0.2,
                   "vertical": True},
    "paving": {"texture": "brick", "brick_m": (0.4, 0.2), "offset": 0.5, "range": (0.8, 1.15),
               "mortar": 0.55, "mortar_m": 0.012, "bump": 0.5},
    "plaster": {"texture": "noise", "scale": 30.0, "detail": 6.0, "range": (0.96, 1.02),
                "bump": 0.04},
    "grass": {"texture": "noise", "scale": 3.0, "detail": 10.0, "range": (0.6, 1.4),
              "bump": 0.4},
    "gravel": {"texture": "noise", "scale": 60.0, "detail": 4.0, "range": (0.6, 1.3),
               "bump": 0.6},
}


