# -- Objects -------------------------------------------------------------------------------------


# Per imported model key: what normalise_imported measured, for the readback.
IMPORT_INFO = {}


class ModelLibrary:
    """Builds each model once; objects that repeat a model share its mesh data."""

    def __init__(self, models, warnings):
        self.models = models
        self.warnings = warnings
        self.meshes = {}

    def parts_for(self, key, size):
        if key in self.meshes:
            return self.meshes[key]
        model = self.models.get(key, {})
        result = []
        if model.get("import"):
            imported = import_model_file(model["import"], self.warnings)
            if imported:
                IMPORT_INFO[key] = normalise_imported(imported, model["import"], size)
                result = [obj.data for obj in imported]
                tint_imported(result, model["import"])
                for obj in imported:
                    bpy.data.objects.remove(obj)
            elif model.get("fallback"):
                self.warnings.append("using the procedural fallback for model %s" % key)
                result = [build_procedural_mesh(key, model["fallback"])]
        if not result:
            result = [build_procedural_mesh(key, model)]
        self.meshes[key] = result
        return result


def tag(obj, sc_id, category, has_front):
    obj["sc_id"] = sc_id
    obj["sc_category"] = category
    obj["sc_has_front"] = bool(has_front)


def build_object(collection, library, spec):
    """One root empty per scene object, named by its id, with the model's meshes as children."""
    root = bpy.data.objects.new(spec["id"], None)
    root.empty_display_type = "PLAIN_AXES"
    root.empty_display_size = 0.2
    tag(root, spec["id"], spec["category"], spec.get("has_front", False))
    root["sc_description"] = spec.get("description", "")
    root["sc_model"] = spec["model"]
    collection.objects.link(root)
    model = library.models.get(spec["model"], {})
    for i, mesh in enumerate(library.parts_for(spec["model"], spec["size"])):
        child = bpy.data.objects.new("%s.part%d" % (spec["id"], i), mesh)
        child["sc_part_of"] = spec["id"]
        collection.objects.link(child)
        child.parent = root
    if model.get("generic") and model.get("label"):
        curve = bpy.data.curves.new("sc_label", "FONT")
        curve.body = model["label"]
        curve.size = max(0.08, min(0.3, spec["size"][0] / max(1, len(model["label"])) * 1.6))
        curve.align_x = "CENTER"
        curve.materials.append(make_material("label", {"rgba": [0.02, 0.02, 0.02, 1.0]}))
        label = bpy.data.objects.new("%s.label" % spec["id"], curve)
        label["sc_part_of"] = spec["id"]
        label.location = (0.0, -spec["size"][1] / 2 - 0.005, spec["size"][2] * 0.5)
        label.rotation_euler = (math.pi / 2, 0.0, 0.0)
        collection.objects.link(label)
        label.parent = root
    root.location = spec["location"]
    root.rotation_euler = (0.0, 0.0, math.radians(spec.get("yaw_deg", 0.0)))
    return root


