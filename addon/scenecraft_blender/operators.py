# The panel's buttons: Generate (and Cancel), Check this scene, Re-solve.

import os
import tempfile

import bpy

from . import commands, jobs, scene_data


def addon_preferences(context):
    addon = context.preferences.addons.get(__package__)
    return None if addon is None else addon.preferences


def binary_and_work_root(context):
    prefs = addon_preferences(context)
    binary = commands.find_binary(getattr(prefs, "binary", ""), os.path.dirname(__file__))
    return binary, jobs.work_root(getattr(prefs, "work_dir", ""))


def generate_settings(settings):
    """The panel's settings as the plain dict commands.generate_args reads."""
    out = {
        "prompt": settings.prompt,
        "rounds": settings.rounds,
        "assets": settings.assets,
        "planner": settings.planner,
        "critic": settings.critic,
        "llm_url": settings.llm_url,
        "llm_model": settings.llm_model,
        "llm_config": bpy.path.abspath(settings.llm_config) if settings.llm_config else "",
        "seed": settings.seed,
        "use_library": settings.use_library,
    }
    if settings.use_room:
        out["room_size_m"] = list(settings.room_size_m)
    return out


def show_verdicts(settings, verdicts, summary):
    settings.verdicts.clear()
    for label, passed, detail in verdicts:
        item = settings.verdicts.add()
        item.label = label[:200]
        item.passed = passed
        item.detail = detail[:400]
    settings.verdict_summary = summary


def inside(path, folder):
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([path, folder]) == folder


def scene_collection(context, settings):
    """The selected SceneCraft collection and its run folder. A .blend from elsewhere may carry
    any path in its custom properties: the add-on reads and writes only inside its work folder."""
    collection = settings.collection
    if collection is None or scene_data.RUN_DIR_KEY not in collection:
        raise commands.CommandError("no SceneCraft scene selected: Generate one first")
    _, root = binary_and_work_root(context)
    run_dir = str(collection[scene_data.RUN_DIR_KEY])
    scene_json = str(collection.get(scene_data.SCENE_JSON_KEY, ""))
    if not inside(run_dir, root) or not inside(scene_json, run_dir):
        raise commands.CommandError("the scene '%s' names a run folder outside the add-on's work "
                                    "folder %s: refused (Generate it again here)"
                                    % (collection.name, root))
    return collection, run_dir


def locked_ids(collection, graph):
    roots = scene_data.roots_by_id(collection, [o["id"] for o in graph.get("objects", [])])
    return {sc_id for sc_id, root in roots.items() if root.scenecraft_locked}


class SCENECRAFT_OT_generate(bpy.types.Operator):
    """Plan, lay out and build the described scene with scenecraft, in the background, and
    bring it into this file as a new collection"""

    bl_idname = "scenecraft.generate"
    bl_label = "Generate"

    def execute(self, context):
        settings = context.scene.scenecraft
        try:
            binary, root = binary_and_work_root(context)
            os.makedirs(root, exist_ok=True)
            run_dir = tempfile.mkdtemp(prefix="run-", dir=root)
            if not settings.use_library and not commands.supports_flag(binary, "generate",
                                                                       "--no-library"):
                raise commands.CommandError("this scenecraft has no skill library to turn off "
                                            "(generate --no-library); turn Skill library on")
            args = commands.generate_args(binary, generate_settings(settings), run_dir)
            scene_name, prompt = context.scene.name, settings.prompt
            jobs.start(args, os.path.join(run_dir, "addon"), "generate", scene_name,
                       lambda job, code: finish_generate(job, code, run_dir, scene_name, prompt))
        except (commands.CommandError, OSError) as error:
            self.report({"ERROR"}, str(error))
            return {"CANCELLED"}
        return {"FINISHED"}


def finish_generate(job, code, run_dir, scene_name, prompt):
    if code == 4:
        raise commands.CommandError("scenecraft could not run Blender: " + job.stderr_tail(3))
    if code not in commands.BUILT_EXIT_CODES:
        raise commands.CommandError(job.failure(code))
    summary = job.stdout_json()
    blend = os.path.join(run_dir, "scene.blend")
    scene_json = os.path.join(run_dir, "scene.json")
    if not os.path.isfile(blend):
        raise commands.CommandError("scenecraft wrote no scene.blend in " + run_dir)
    scene = bpy.data.scenes[scene_name]
    name = "SceneCraft: " + " ".join(prompt.split())[:40]
    collection = scene_data.append_scene(blend, name, scene)
    collection[scene_data.RUN_DIR_KEY] = run_dir
    collection[scene_data.SCENE_JSON_KEY] = scene_json
    collection[scene_data.PROMPT_KEY] = prompt[:2000]
    settings = scene.scenecraft
    settings.collection = collection
    graph = scene_data.read_json(scene_json)
    critique = summary.get("critique") or {}
    show_verdicts(settings, scene_data.verdicts_from_critique(graph, critique),
                  "%s/%s relations hold (%s)" % (critique.get("relations_passed", 0),
                                                 critique.get("relations_total", 0),
                                                 summary.get("verdict", "")))
    return "built %d objects in %.1f s into '%s'" % (len(graph.get("objects", [])),
                                                     job.elapsed_s(), collection.name)


class SCENECRAFT_OT_cancel(bpy.types.Operator):
    """Stop the running scenecraft job (it stops its Blender and keeps the file as it was)"""

    bl_idname = "scenecraft.cancel"
    bl_label = "Cancel"

    def execute(self, context):
        jobs.cancel()
        return {"FINISHED"}


class SceneOperator:
    """Check and Re-solve: both work on the selected scene's collection, its scene JSON and the
    lock flags, and start one scenecraft run (`start`)."""

    def execute(self, context):
        try:
            binary, _ = binary_and_work_root(context)
            collection, run_dir = scene_collection(context, context.scene.scenecraft)
            graph = scene_data.read_json(collection[scene_data.SCENE_JSON_KEY])
            self.start(context, binary, collection, run_dir, graph,
                       locked_ids(collection, graph))
        except (commands.CommandError, OSError, ValueError, KeyError) as error:
            self.report({"ERROR"}, str(error))
            return {"CANCELLED"}
        return {"FINISHED"}


class SCENECRAFT_OT_check(SceneOperator, bpy.types.Operator):
    """Measure the scene as it is now (after moving objects by hand) and check every relation
    with scenecraft's critic"""

    bl_idname = "scenecraft.check"
    bl_label = "Check this scene"

    def start(self, context, binary, collection, run_dir, graph, locked):
        base = scene_data.read_json(os.path.join(run_dir, "readback.json"))
        check_dir = os.path.join(run_dir, "addon", "check")
        scene_data.write_json(os.path.join(check_dir, "scene.json"),
                              scene_data.graph_with_current_poses(collection, graph, locked))
        scene_data.write_json(os.path.join(check_dir, "readback.json"),
                              scene_data.current_readback(collection, base, graph))
        scene_name = context.scene.name
        jobs.start(commands.critique_args(binary, check_dir), os.path.join(run_dir, "addon"),
                   "check", scene_name,
                   lambda job, code: finish_check(job, code, graph, scene_name))


def finish_check(job, code, graph, scene_name):
    if code not in (commands.EXIT_OK, commands.EXIT_RELATIONS_FAIL):
        raise commands.CommandError(job.failure(code))
    critique = job.stdout_json()
    verdicts = scene_data.verdicts_from_critique(graph, critique)
    settings = bpy.data.scenes[scene_name].scenecraft
    failing = [label for label, passed, _ in verdicts if not passed]
    show_verdicts(settings, verdicts, "%d/%d relations hold as the scene is now"
                  % (critique.get("relations_passed", 0), critique.get("relations_total", 0)))
    return "checked: %d findings fail%s" % (len(failing),
                                            (": " + ", ".join(failing[:4])) if failing else "")


class SCENECRAFT_OT_resolve(SceneOperator, bpy.types.Operator):
    """Solve the layout again from the current arrangement; locked objects keep their pose"""

    bl_idname = "scenecraft.resolve"
    bl_label = "Re-solve"

    def start(self, context, binary, collection, run_dir, graph, locked):
        work = os.path.join(run_dir, "addon")
        count = int(collection.get("sc_resolves", 0)) + 1
        scene_in = os.path.join(work, "resolve-%d-in.json" % count)
        scene_out = os.path.join(work, "resolve-%d.json" % count)
        scene_data.write_json(scene_in,
                              scene_data.graph_with_current_poses(collection, graph, locked))
        scene_name, collection_name = context.scene.name, collection.name
        seed = context.scene.scenecraft.seed
        jobs.start(commands.solve_args(binary, scene_in, scene_out, seed), work, "re-solve",
                   scene_name,
                   lambda job, code: finish_resolve(job, code, collection_name, scene_out,
                                                    locked, count, scene_name))


def finish_resolve(job, code, collection_name, scene_out, locked, count, scene_name):
    if code not in (commands.EXIT_OK, commands.EXIT_RELATIONS_FAIL):
        raise commands.CommandError(job.failure(code))
    collection = bpy.data.collections.get(collection_name)
    if collection is None:
        raise commands.CommandError("the collection '%s' is gone" % collection_name)
    solved = scene_data.read_json(scene_out)
    moved = scene_data.apply_poses(collection, solved, locked)
    collection[scene_data.SCENE_JSON_KEY] = scene_out
    collection["sc_resolves"] = count
    verdicts = scene_data.verdicts_from_results(solved)
    passed = sum(1 for _, ok, _ in verdicts if ok)
    show_verdicts(bpy.data.scenes[scene_name].scenecraft, verdicts,
                  "solver: %d/%d relations hold (Check measures the real meshes)"
                  % (passed, len(verdicts)))
    return "re-solved: %d objects moved, %d locked kept" % (len(moved), len(locked))


CLASSES = (SCENECRAFT_OT_generate, SCENECRAFT_OT_cancel, SCENECRAFT_OT_check,
           SCENECRAFT_OT_resolve)
