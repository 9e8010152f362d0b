# Run by scripts/addon-screenshot.sh inside Blender with a window (under Xvfb): enables the
# add-on, presses Generate on a prompt, waits with Blender's own timers (the interface stays
# live), measures the time from pressing Generate to the collection appearing, frames the scene,
# and saves a screenshot of the window with the SceneCraft sidebar open.
#   blender --factory-startup --python scripts/addon_screenshot.py -- PNG TIMING_JSON PROMPT
import json
import sys
import time

import addon_utils
import bpy

PNG, TIMING, PROMPT = sys.argv[sys.argv.index("--") + 1:][:3]
state = {"pressed": 0.0, "appeared": 0.0, "polls": 0, "phase": "start"}


def view3d():
    window = bpy.context.window_manager.windows[0]
    for area in window.screen.areas:
        if area.type == "VIEW_3D":
            return window, area
    raise RuntimeError("no 3D view")


def start():
    addon_utils.enable("scenecraft_blender", default_set=True)
    # Blender 3.4 has no API to pick a sidebar tab, so the screenshot hides the other tabs' panels
    # of the 3D view sidebar: SceneCraft is then the tab shown.
    for name in dir(bpy.types):
        cls = getattr(bpy.types, name)
        if (isinstance(cls, type) and issubclass(cls, bpy.types.Panel) and
                getattr(cls, "bl_space_type", "") == "VIEW_3D" and
                getattr(cls, "bl_region_type", "") == "UI" and
                getattr(cls, "bl_category", "") in ("Item", "Tool", "View")):
            bpy.utils.unregister_class(cls)
    window, area = view3d()
    area.spaces[0].show_region_ui = True
    for obj in list(bpy.data.objects):  # the factory cube, camera and light
        bpy.data.objects.remove(obj)
    settings = bpy.context.scene.scenecraft
    settings.prompt = PROMPT
    with bpy.context.temp_override(window=window, area=area):
        state["pressed"] = time.monotonic()
        result = bpy.ops.scenecraft.generate()
    if result != {"FINISHED"}:
        raise RuntimeError("Generate did not start: %s" % settings.status)
    return 0.5


def tick():
    """Blender's timer: counts how often the interface ran while scenecraft worked, notices the
    collection, then frames it and takes the screenshot."""
    try:
        if state["phase"] == "start":
            state["phase"] = "running"
            return start()
        settings = bpy.context.scene.scenecraft
        if state["phase"] == "running":
            state["polls"] += 1
            if settings.collection is None and not settings.status_is_error:
                return 0.1
            state["appeared"] = time.monotonic()
            if settings.status_is_error:
                raise RuntimeError(settings.status)
            # Look through the camera scenecraft framed the scene with.
            cameras = [o for o in settings.collection.objects if o.type == "CAMERA"]
            if cameras:
                bpy.context.scene.camera = cameras[0]
            window, area = view3d()
            area.spaces[0].region_3d.view_perspective = "CAMERA"
            area.spaces[0].shading.type = "SOLID"
            area.spaces[0].shading.color_type = "MATERIAL"
            state["phase"] = "shoot"
            return 1.0
        if state["phase"] == "shoot":
            window, area = view3d()
            with bpy.context.temp_override(window=window, area=area):
                bpy.ops.screen.screenshot(filepath=PNG)
            with open(TIMING, "w", encoding="utf-8") as f:
                json.dump({"generate_to_scene_s": state["appeared"] - state["pressed"],
                           "interface_ticks_while_running": state["polls"],
                           "status": settings.status,
                           "verdicts": settings.verdict_summary}, f, indent=1)
            bpy.ops.wm.quit_blender()
            return None
    except Exception as error:  # report, and end Blender with an error
        print("addon_screenshot: error: %s" % error)
        with open(TIMING, "w", encoding="utf-8") as f:
            json.dump({"error": str(error)}, f)
        bpy.ops.wm.quit_blender()
    return None


bpy.app.timers.register(tick, first_interval=1.0)
