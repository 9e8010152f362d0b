# SceneCraft for Blender: describe a scene in English, and scenecraft plans it, lays it out,
# builds it in its own headless Blender and checks every relation; the add-on brings the built
# scene into this file as a collection, checks it again after you moved things by hand, and
# solves the layout again around the objects you locked.
#
# The add-on runs only the scenecraft program, with an argument list (no shell), and reads only
# JSON and the .blend it wrote: no text from a prompt or a model is ever run as Python.
# Blender 3.4+ as a legacy add-on (bl_info); 4.2+ also as an extension (blender_manifest.toml).

bl_info = {
    "name": "SceneCraft",
    "author": "SceneCraft developers",
    "version": (0, 1, 0),
    "blender": (3, 4, 0),
    "location": "View3D > Sidebar > SceneCraft",
    "description": "Text to 3D scene with checked spatial relations (runs the scenecraft program)",
    "category": "3D View",
}

import bpy

from . import jobs, operators, ui


def register():
    for cls in ui.CLASSES + operators.CLASSES:
        bpy.utils.register_class(cls)
    bpy.types.Scene.scenecraft = bpy.props.PointerProperty(type=ui.SceneCraftSettings)
    bpy.types.Object.scenecraft_locked = bpy.props.BoolProperty(
        name="Locked", description="Re-solve keeps this object where it is")


def unregister():
    jobs.cancel()
    if bpy.app.timers.is_registered(jobs.poll):
        bpy.app.timers.unregister(jobs.poll)
    del bpy.types.Object.scenecraft_locked
    del bpy.types.Scene.scenecraft
    for cls in reversed(ui.CLASSES + operators.CLASSES):
        bpy.utils.unregister_class(cls)
