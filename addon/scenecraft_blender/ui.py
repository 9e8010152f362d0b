# The settings (per scene, saved in the .blend), the add-on preferences and the sidebar panel
# (View3D > Sidebar > SceneCraft).

import bpy
from bpy.props import (BoolProperty, CollectionProperty, EnumProperty, FloatProperty,
                       FloatVectorProperty, IntProperty, PointerProperty, StringProperty)

from . import jobs, scene_data


class SceneCraftPreferences(bpy.types.AddonPreferences):
    bl_idname = __package__

    binary: StringProperty(
        name="scenecraft program", subtype="FILE_PATH",
        description="The scenecraft executable (empty: $SCENECRAFT_BIN, the path "
                    "scripts/install-addon.sh recorded, then PATH)")
    work_dir: StringProperty(
        name="Work folder", subtype="DIR_PATH",
        description="Where each run's folder goes (empty: ~/.cache/scenecraft/blender)")

    def draw(self, context):
        self.layout.prop(self, "binary")
        self.layout.prop(self, "work_dir")


class SceneCraftVerdict(bpy.types.PropertyGroup):
    label: StringProperty()
    passed: BoolProperty()
    detail: StringProperty()


class SceneCraftSettings(bpy.types.PropertyGroup):
    prompt: StringProperty(name="Prompt", description="The scene, described in English")
    use_room: BoolProperty(name="Room size", description="Give the room's size (otherwise the "
                           "planner chooses it)")
    room_size_m: FloatVectorProperty(name="Size", size=3, default=(5.0, 4.0, 2.8), min=0.5,
                                     max=100.0, unit="LENGTH",
                                     description="Width (x), depth (y), height in metres")
    assets: StringProperty(name="Assets", default="sh3d,procedural",
                           description="Asset sources in order of preference: sh3d (Sweet Home "
                                       "3D libraries), procedural, or a folder of models")
    rounds: IntProperty(name="Rounds", default=4, min=0, max=50,
                        description="Critique-and-revise rounds after the first build")
    seed: IntProperty(name="Seed", default=1, min=0, description="Random seed")
    use_library: BoolProperty(name="Skill library", default=True,
                              description="Apply the learned skill library's priors (off: "
                                          "generate --no-library)")
    planner: EnumProperty(name="Planner", items=[
        ("offline", "Offline", "The embedded planner (no network)"),
        ("llm", "LLM", "An OpenAI-compatible chat endpoint")])
    critic: EnumProperty(name="Critic", items=[
        ("geometric", "Geometric", "Measure every relation on what Blender built"),
        ("vlm", "Vision model", "A vision model judges the render"),
        ("both", "Both", "Measured facts win; the model adds what only it sees")])
    llm_url: StringProperty(name="LLM URL", description="API base, e.g. "
                            "http://127.0.0.1:8080/v1 (the key comes from $SCENECRAFT_API_KEY)")
    llm_model: StringProperty(name="LLM model")
    llm_config: StringProperty(name="LLM config", subtype="FILE_PATH",
                               description="llm.json (docs/LLM.md)")
    collection: PointerProperty(name="Scene", type=bpy.types.Collection,
                                description="The SceneCraft scene that Check and Re-solve use")
    status: StringProperty()
    status_is_error: BoolProperty()
    progress: StringProperty()
    last_run_s: FloatProperty()
    verdicts: CollectionProperty(type=SceneCraftVerdict)
    verdict_summary: StringProperty()
    show_objects: BoolProperty(name="Objects", default=True)
    show_verdicts: BoolProperty(name="Relations", default=True)


class VIEW3D_PT_scenecraft(bpy.types.Panel):
    bl_space_type = "VIEW_3D"
    bl_region_type = "UI"
    bl_category = "SceneCraft"
    bl_label = "SceneCraft"

    def draw(self, context):
        layout = self.layout
        settings = context.scene.scenecraft
        box = layout.box()
        box.prop(settings, "prompt", text="")
        box.prop(settings, "use_room")
        if settings.use_room:
            box.prop(settings, "room_size_m", text="")
        box.prop(settings, "assets")
        row = box.row()
        row.prop(settings, "rounds")
        row.prop(settings, "seed")
        box.prop(settings, "use_library")
        row = box.row()
        row.prop(settings, "planner", text="")
        row.prop(settings, "critic", text="")
        if settings.planner == "llm" or settings.critic != "geometric":
            box.prop(settings, "llm_url")
            box.prop(settings, "llm_model")
            box.prop(settings, "llm_config")
        if jobs.running():
            row = box.row()
            row.label(text=settings.progress or "running ...", icon="TIME")
            row.operator("scenecraft.cancel", icon="CANCEL")
        else:
            box.operator("scenecraft.generate", icon="PLAY")
        if settings.status:
            layout.label(text=settings.status, icon="ERROR" if settings.status_is_error
                         else "INFO")
        self.draw_scene(layout, settings)

    def draw_scene(self, layout, settings):
        layout.prop(settings, "collection")
        collection = settings.collection
        if collection is None or scene_data.RUN_DIR_KEY not in collection:
            return
        row = layout.row()
        row.enabled = not jobs.running()
        row.operator("scenecraft.check", icon="VIEWZOOM")
        row.operator("scenecraft.resolve", icon="FILE_REFRESH")
        layout.prop(settings, "show_objects", icon="TRIA_DOWN" if settings.show_objects
                    else "TRIA_RIGHT", emboss=False)
        if settings.show_objects:
            col = layout.column(align=True)
            roots = [o for o in collection.objects if "sc_id" in o and "sc_model" in o]
            for obj in sorted(roots, key=lambda o: o.name):
                row = col.row(align=True)
                row.prop(obj, "scenecraft_locked", text="", emboss=False,
                         icon="LOCKED" if obj.scenecraft_locked else "UNLOCKED")
                row.label(text="%s  (%s)" % (obj.name, obj.get("sc_category", "")))
        layout.prop(settings, "show_verdicts", icon="TRIA_DOWN" if settings.show_verdicts
                    else "TRIA_RIGHT", emboss=False)
        if settings.show_verdicts:
            if settings.verdict_summary:
                layout.label(text=settings.verdict_summary)
            col = layout.column(align=True)
            for verdict in sorted(settings.verdicts, key=lambda v: v.passed):
                col.label(text=verdict.label, icon="CHECKMARK" if verdict.passed else "ERROR")


CLASSES = (SceneCraftPreferences, SceneCraftVerdict, SceneCraftSettings, VIEW3D_PT_scenecraft)
