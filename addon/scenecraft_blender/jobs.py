# The add-on's one background job at a time: Generate, Check or Re-solve, each a scenecraft run
# polled from a Blender timer so the interface stays responsive. What happens when a run ends is
# a `finish(job, code)` function that reads the run's JSON and changes the Blender file.

import os
import time

import bpy

from . import commands

POLL_INTERVAL_S = 0.25

# The running job, its finish function and the name of the scene it belongs to.
_active = {"job": None, "finish": None, "scene": ""}


def running():
    job = _active["job"]
    return job is not None and job.poll() is None


def active_job():
    return _active["job"]


def settings_of(scene_name):
    scene = bpy.data.scenes.get(scene_name)
    return None if scene is None else scene.scenecraft


def set_status(scene_name, text, error=False):
    settings = settings_of(scene_name)
    if settings is not None:
        settings.status = text[:1000]
        settings.status_is_error = error
    if error:
        print("SceneCraft: error: %s" % text)
    redraw()


def redraw():
    wm = bpy.context.window_manager
    for window in getattr(wm, "windows", []):
        for area in window.screen.areas:
            if area.type == "VIEW_3D":
                area.tag_redraw()


def start(args, log_dir, label, scene_name, finish):
    """Starts `args` (an argument list) and polls it from a timer; `finish(job, code)` runs when
    it ends, in Blender's main thread, and returns a status line (or raises CommandError)."""
    if running():
        raise commands.CommandError("%s is still running; cancel it first"
                                    % _active["job"].label)
    job = commands.Job(args, log_dir, label)
    _active.update(job=job, finish=finish, scene=scene_name)
    set_status(scene_name, "%s started" % label)
    if not bpy.app.timers.is_registered(poll):
        bpy.app.timers.register(poll, first_interval=POLL_INTERVAL_S)
    return job


def poll():
    """The timer: shows progress while the job runs, finishes it once it ended. Returns the
    next interval, or None to stop the timer."""
    job = _active["job"]
    if job is None:
        return None
    scene_name = _active["scene"]
    code = job.poll()
    if code is None:
        settings = settings_of(scene_name)
        if settings is not None:
            settings.progress = "%s: %.0f s  %s" % (job.label, job.elapsed_s(), job.progress())
        redraw()
        return POLL_INTERVAL_S
    finish = _active["finish"]
    _active.update(job=None, finish=None)
    settings = settings_of(scene_name)
    if settings is not None:
        settings.progress = ""
        settings.last_run_s = job.elapsed_s()
    try:
        set_status(scene_name, finish(job, code))
        push_undo("SceneCraft: " + job.label)
    except (commands.CommandError, OSError, ValueError, KeyError) as error:
        set_status(scene_name, str(error), error=True)
    except Exception as error:  # the timer is a handler: report, never leave the status stale
        set_status(scene_name, "internal error of the add-on (please report it): %r" % error,
                   error=True)
    return None


def push_undo(message):
    """An undo step for what a finished job changed (a timer is no operator, so Blender makes
    none by itself): Ctrl+Z brings back the arrangement from before Re-solve or Generate."""
    try:
        bpy.ops.ed.undo_push(message=message)
    except RuntimeError:  # no undo stack (headless Blender)
        pass


def cancel():
    job = _active["job"]
    if job is not None:
        job.cancel()


def wait(timeout_s=900.0):
    """Runs the timer by hand until the job ends (headless Blender runs no timers: tests and
    scripts call this after the operator). Returns the status line."""
    deadline = time.monotonic() + timeout_s
    while _active["job"] is not None:
        if time.monotonic() > deadline:
            cancel()
            deadline = time.monotonic() + 15
        if poll() is not None:
            time.sleep(POLL_INTERVAL_S)
    scene = bpy.data.scenes.get(_active["scene"])
    return "" if scene is None else scene.scenecraft.status


def work_root(preference):
    """Where the runs go: the add-on preference, else $XDG_CACHE_HOME/scenecraft/blender, else
    ~/.cache/scenecraft/blender."""
    if preference:
        return bpy.path.abspath(preference)
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "scenecraft", "blender")
