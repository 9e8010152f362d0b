# The scenecraft program as the add-on drives it: argument lists and background jobs.
#
# Nothing here imports bpy, so it can be tested with any Python. The add-on never builds a
# shell command line and never runs Python it did not ship: every call is an argument list
# given to subprocess.Popen (no shell), and every answer is JSON read with json.loads. A prompt
# is one argument after "--", so text that looks like a flag ("-o /x") or a file name stays text.

import json
import os
import shutil
import signal
import subprocess
import time

# Exit codes of scenecraft (README "Exit codes"): what the add-on accepts as a built result.
EXIT_OK = 0
EXIT_RELATIONS_FAIL = 3
EXIT_INCOMPLETE = 5
BUILT_EXIT_CODES = (EXIT_OK, EXIT_RELATIONS_FAIL, EXIT_INCOMPLETE)

PLANNERS = ("offline", "llm")
CRITICS = ("geometric", "vlm", "both")
MAX_ROUNDS = 50  # GenerateOptions::Check in src/scenecraft/agent/generate.cc
MAX_PROMPT_BYTES = 20000  # the longest description a scene keeps (docs/SCENE_JSON.md)


class CommandError(Exception):
    """Bad settings or a failed scenecraft run, with a message for the user."""


def find_binary(preference="", addon_dir=None, environ=None):
    """The scenecraft executable: the add-on preference, $SCENECRAFT_BIN, the path that
    scripts/install-addon.sh recorded in install.json next to the add-on, then PATH."""
    environ = os.environ if environ is None else environ
    candidates = [preference, environ.get("SCENECRAFT_BIN", "")]
    if addon_dir:
        try:
            with open(os.path.join(addon_dir, "install.json"), encoding="utf-8") as f:
                recorded = json.load(f).get("binary", "")
            candidates.append(recorded if isinstance(recorded, str) else "")
        except (OSError, ValueError, AttributeError):
            pass
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return os.path.abspath(candidate)
    found = shutil.which("scenecraft")
    if found:
        return found
    raise CommandError(
        "scenecraft program not found: set it in the add-on preferences, or $SCENECRAFT_BIN, "
        "or run scripts/install-addon.sh from the SceneCraft repository")


def _flag(name, value):
    # "--name=value" keeps a value that starts with "-" from being read as a flag.
    return "%s=%s" % (name, value)


def _check_text(label, text, limit):
    if "\x00" in text:
        raise CommandError("%s contains a NUL character" % label)
    if len(text.encode("utf-8")) > limit:
        raise CommandError("%s is longer than %d bytes" % (label, limit))


def generate_args(binary, settings, out_dir):
    """Arguments of `scenecraft generate` for the panel's settings (a dict with the keys of
    GenerateSettings in ui.py): the prompt is text, the result is saved as scene.blend."""
    prompt = settings.get("prompt", "").strip()
    if not prompt:
        raise CommandError("the prompt is empty: describe the scene first")
    _check_text("the prompt", prompt, MAX_PROMPT_BYTES)
    rounds = int(settings.get("rounds", 4))
    if not 0 <= rounds <= MAX_ROUNDS:
        raise CommandError("rounds must be 0 to %d, not %d" % (MAX_ROUNDS, rounds))
    args = [binary, "generate", "--text", "--save-blend", "--json", "--force",
            _flag("--out", out_dir), _flag("--rounds", rounds)]
    room = settings.get("room_size_m")
    if room:
        if len(room) != 3 or not all(0 < float(v) <= 1000 for v in room):
            raise CommandError("room size must be three lengths in metres, each above 0")
        args.append(_flag("--room", "x".join(repr(float(v)) for v in room)))
    assets = settings.get("assets", "").strip()
    if assets:
        _check_text("the asset sources", assets, 4096)
        args.append(_flag("--assets", assets))
    planner = settings.get("planner", "offline")
    critic = settings.get("critic", "geometric")
    if planner not in PLANNERS:
        raise CommandError("planner must be one of %s" % ", ".join(PLANNERS))
    if critic not in CRITICS:
        raise CommandError("critic must be one of %s" % ", ".join(CRITICS))
    args += [_flag("--planner", planner), _flag("--critic", critic)]
    for key, flag in (("llm_url", "--llm-url"), ("llm_model", "--llm-model"),
                      ("llm_config", "--llm-config")):
        value = settings.get(key, "").strip()
        if value:
            _check_text(key, value, 4096)
            args.append(_flag(flag, value))
    seed = settings.get("seed")
    if seed is not None:
        args.append(_flag("--seed", int(seed)))
    if not settings.get("use_library", True):
        args.append("--no-library")  # the skill library's priors off (docs/SKILLS.md)
    # Everything after "--" is the description, whatever it looks like.
    return args + ["--", prompt]


_help_cache = {}


def supports_flag(binary, subcommand, flag):
    """Whether `scenecraft SUBCOMMAND --help` lists `flag` (a binary older than the add-on may
    lack one); asked once per binary version (path and modification time)."""
    try:
        key = (binary, subcommand, os.stat(binary).st_mtime_ns)
    except OSError:
        return False
    if key not in _help_cache:
        try:
            done = subprocess.run([binary, subcommand, "--help"], stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=30, env=child_environment())
            _help_cache[key] = done.stdout.decode("utf-8", "replace")
        except (OSError, subprocess.SubprocessError):
            _help_cache[key] = ""
    return any(word.strip(",") == flag for word in _help_cache[key].split())


def critique_args(binary, check_dir):
    return [binary, "critique", "--json", "--", check_dir]


def solve_args(binary, scene_in, scene_out, seed=None):
    args = [binary, "solve", _flag("--out", scene_out)]
    if seed is not None:
        args.append(_flag("--seed", int(seed)))
    return args + ["--", scene_in]


def child_environment(environ=None):
    """The environment scenecraft runs with: Blender's own Python settings removed, so the
    Blender that scenecraft starts finds its own modules; API keys stay (the LLM backends read
    $SCENECRAFT_API_KEY), scenecraft keeps them from the Blender it starts."""
    env = dict(os.environ if environ is None else environ)
    for key in ("PYTHONHOME", "PYTHONPATH"):
        env.pop(key, None)
    return env


class Job:
    """One scenecraft run in the background: started with an argument list, polled, cancelled.

    Standard output and standard error go to files in `log_dir` (no pipe can fill and block the
    child); `progress()` reads the last line scenecraft logged.
    """

    def __init__(self, args, log_dir, label):
        self.args = list(args)
        self.label = label
        self.started = time.monotonic()
        self.stdout_path = os.path.join(log_dir, "%s.stdout" % label)
        self.stderr_path = os.path.join(log_dir, "%s.stderr" % label)
        os.makedirs(log_dir, exist_ok=True)
        self.cancelled = False
        try:
            with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
                self.process = subprocess.Popen(
                    self.args, stdin=subprocess.DEVNULL, stdout=out, stderr=err, shell=False,
                    env=child_environment(), start_new_session=True)
        except (OSError, ValueError) as error:
            raise CommandError("could not start %s: %s" % (self.args[0], error))

    def poll(self):
        """The exit code, or None while it runs."""
        return self.process.poll()

    def elapsed_s(self):
        return time.monotonic() - self.started

    def progress(self):
        """The last line scenecraft wrote to its log, for the panel."""
        try:
            with open(self.stderr_path, "rb") as f:
                f.seek(0, os.SEEK_END)
                size = f.tell()
                f.seek(max(0, size - 4096))
                lines = f.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return ""
        lines = [line.strip() for line in lines if line.strip()]
        return lines[-1][:200] if lines else ""

    def cancel(self):
        """SIGTERM: scenecraft stops its Blender, removes its private folder and exits 143."""
        self.cancelled = True
        if self.process.poll() is None:
            try:
                self.process.send_signal(signal.SIGTERM)
            except OSError:
                pass

    def wait(self, timeout_s):
        try:
            return self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.cancel()
            self.process.wait(timeout=10)
            raise CommandError("%s took longer than %d s and was stopped" % (self.label,
                                                                             timeout_s))

    def stdout_text(self):
        with open(self.stdout_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stderr_tail(self, lines=6):
        try:
            with open(self.stderr_path, "rb") as f:
                text = f.read().decode("utf-8", "replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])

    def stdout_json(self):
        """Standard output as JSON (generate --json, critique --json)."""
        text = self.stdout_text()
        try:
            return json.loads(text)
        except ValueError as error:
            raise CommandError("%s printed no JSON (%s); its log ends: %s"
                               % (self.label, error, self.stderr_tail()))

    def failure(self, code):
        """A message for an exit code that is not a result."""
        if self.cancelled:
            return "%s cancelled" % self.label
        return "%s failed (exit %d): %s" % (self.label, code, self.stderr_tail())
