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
    return material


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
    ramp = nodes.new("ShaderNodeValToRGB")
    settings = LOOKS[look]
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
}


