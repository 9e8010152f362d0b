# Integration tests of the add-on in the real Blender, headless, with the real scenecraft binary.
# Run by addon/tests/run_addon_test.sh (ctest addon/...), which installs the add-on with
# scripts/install-addon.sh into a private scripts folder first:
#   blender -b --factory-startup --python-exit-code 1 --python addon/tests/addon_test.py -- CASE
# Cases: registers, generate_check_resolve, hostile_prompt.

import math
import os
import sys

import addon_utils
import bpy

CASE = sys.argv[sys.argv.index("--") + 1]


def enable_addon():
    # The add-on as the install script put it into the user's add-ons folder.
    addon_utils.enable("scenecraft_blender", default_set=True)
    assert hasattr(bpy.types.Scene, "scenecraft"), "the add-on did not register its settings"
    import scenecraft_blender
    return scenecraft_blender


def check(condition, message):
    if not condition:
        raise AssertionError(message)
    print("ok: " + message)


def generate(prompt, rounds=0):
    settings = bpy.context.scene.scenecraft
    settings.prompt = prompt
    settings.rounds = rounds
    settings.assets = "procedural"
    before = set(bpy.data.collections.keys())
    check(bpy.ops.scenecraft.generate() == {"FINISHED"}, "Generate starts scenecraft")
    from scenecraft_blender import jobs
    check(jobs.running(), "the job runs in the background (the operator returned at once)")
    status = jobs.wait(900)
    print("status: " + status)
    return settings, status, set(bpy.data.collections.keys()) - before


def case_registers():
    addon = enable_addon()
    check("SceneCraft" in addon.bl_info["name"], "bl_info names the add-on")
    check(hasattr(bpy.ops.scenecraft, "generate"), "the Generate operator exists")
    check(hasattr(bpy.types, "VIEW3D_PT_scenecraft"), "the sidebar panel is registered")
    check(hasattr(bpy.types.Object, "scenecraft_locked"), "objects have a lock flag")
    from scenecraft_blender import commands, operators
    binary, _ = operators.binary_and_work_root(bpy.context)
    check(commands.supports_flag(binary, "generate", "--text"),
          "the installed binary (install.json) has generate --text: %s" % binary)
    # Cancel stops a running Generate: no collection appears, the status says so.
    from scenecraft_blender import jobs
    settings = bpy.context.scene.scenecraft
    settings.prompt = "A lamp on a wooden desk."
    before = len(bpy.data.collections)
    check(bpy.ops.scenecraft.generate() == {"FINISHED"} and jobs.running(), "Generate runs")
    check(bpy.ops.scenecraft.cancel() == {"FINISHED"}, "Cancel")
    status = jobs.wait(30)
    check(status == "generate cancelled" and settings.status_is_error, "cancelled: " + status)
    check(len(bpy.data.collections) == before and not jobs.running(), "nothing was added")
    addon_utils.disable("scenecraft_blender")
    check(not hasattr(bpy.types.Scene, "scenecraft"), "the add-on unregisters cleanly")


def roots(collection):
    return {o["sc_id"]: o for o in collection.objects if "sc_model" in o}


def verdict(settings, prefix):
    found = [v for v in settings.verdicts if v.label.startswith(prefix)]
    check(len(found) == 1, "one verdict for %s" % prefix)
    return found[0].passed


def case_generate_check_resolve():
    enable_addon()
    settings, status, new = generate("A lamp on a wooden desk.")
    check(len(new) == 1, "Generate added one collection: %s" % sorted(new))
    collection = bpy.data.collections[new.pop()]
    check(settings.collection == collection, "the panel selects the new scene")
    objects = roots(collection)
    check(set(objects) == {"lamp_1", "desk_1"}, "the roots carry sc_id: %s" % sorted(objects))
    check(objects["desk_1"]["sc_category"] == "desk", "sc_category survives the append")
    check(any(o.get("sc_category") == "floor" for o in collection.objects), "the room came too")
    check(verdict(settings, "on(lamp_1, desk_1)"), "the panel shows on(lamp_1, desk_1) holding")

    # Check on the untouched scene: everything still holds.
    check(bpy.ops.scenecraft.check() == {"FINISHED"}, "Check starts the critic")
    from scenecraft_blender import jobs
    print("status: " + jobs.wait(120))
    check(verdict(settings, "on(lamp_1, desk_1)"), "Check: the lamp is on the desk")

    # Move the lamp off the desk by hand: Check reports the broken relation.
    lamp, desk = objects["lamp_1"], objects["desk_1"]
    lamp.location.x += 3.0
    lamp.location.z = 0.0
    bpy.context.view_layer.update()
    bpy.ops.scenecraft.check()
    status = jobs.wait(120)
    print("status: " + status)
    check(not verdict(settings, "on(lamp_1, desk_1)"), "Check: moving the lamp breaks 'on'")
    check("on(lamp_1, desk_1)" in status, "the status line names the failing relation")

    # Lock the desk after moving it; Re-solve keeps it and puts the lamp back on it.
    desk.location.x -= 0.4
    desk.location.y -= 0.4
    desk.rotation_euler.z = math.radians(20)
    desk.scenecraft_locked = True
    kept = (desk.location.copy(), desk.rotation_euler.z)
    left = lamp.location.copy()
    check(bpy.ops.scenecraft.resolve() == {"FINISHED"}, "Re-solve starts the solver")
    print("status: " + jobs.wait(300))
    check((desk.location - kept[0]).length < 1e-6 and abs(desk.rotation_euler.z - kept[1]) < 1e-6,
          "Re-solve kept the locked desk where the user put it")
    check((lamp.location - left).length > 0.5, "Re-solve moved the unlocked lamp")
    bpy.context.view_layer.update()
    bpy.ops.scenecraft.check()
    print("status: " + jobs.wait(120))
    check(verdict(settings, "on(lamp_1, desk_1)"), "Check after Re-solve: the lamp is on the desk")


def case_hostile_prompt():
    enable_addon()
    marker = os.path.join(os.environ["SC_TEST_DIR"], "pwned")
    hostile = ('A wooden chair next to a small table, with a sign that says "); import os; '
               'os.system(\'touch %s\') #" and \'\'\' and """ on it, --out=/ -o /' % marker)
    settings, status, new = generate(hostile)
    check(not os.path.exists(marker), "nothing in the prompt ran")
    check(len(new) == 1, "the hostile prompt still built a scene: %s" % status)
    collection = bpy.data.collections[new.pop()]
    check(collection["sc_prompt"] == hostile.strip(), "the prompt came through as data, unchanged")
    check("chair_1" in roots(collection), "the chair of the prompt is in the scene")
    # A .blend from elsewhere may name any folder: Check and Re-solve write only in the work folder.
    elsewhere = os.path.join(os.environ["SC_TEST_DIR"], "elsewhere")
    os.makedirs(elsewhere)
    collection["sc_run_dir"] = elsewhere
    for op in (bpy.ops.scenecraft.check, bpy.ops.scenecraft.resolve):
        try:
            result = op()
        except RuntimeError as error:  # headless Blender raises an operator's error report
            result = str(error)
        check("outside the add-on's work folder" in str(result), "refused: %s" % result)
    check(os.listdir(elsewhere) == [], "nothing was written outside the work folder")
    # A prompt that names a scene file stays text: the file's objects never appear.
    outside = os.path.join(os.environ["SC_TEST_DIR"], "outside.json")
    with open(outside, "w", encoding="utf-8") as f:
        f.write('{"schema": 1, "environment": {"kind": "room", "size_m": [4, 4, 2.5]}, '
                '"objects": [{"id": "secret_1", "category": "safe"}], "relations": []}')
    before = {o.get("sc_id") for o in bpy.data.objects}
    settings, status, new = generate(outside)
    check(not os.path.exists(marker), "nothing ran")
    check("secret_1" not in {o.get("sc_id") for o in bpy.data.objects} - before,
          "a prompt naming a scene file is planned as text, the file is not read: %s" % status)
    # A prompt with a NUL byte cannot reach the command line: a clear error, nothing started.
    settings.prompt = "a chair"
    from scenecraft_blender import commands
    try:
        commands.generate_args("/bin/true", {"prompt": "a\x00chair"}, "/x")
        check(False, "a NUL in the prompt is refused")
    except commands.CommandError as error:
        check("NUL" in str(error), "a NUL in the prompt is refused: %s" % error)


{"registers": case_registers, "generate_check_resolve": case_generate_check_resolve,
 "hostile_prompt": case_hostile_prompt}[CASE]()
print("PASS " + CASE)
