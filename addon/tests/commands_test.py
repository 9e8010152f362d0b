# Unit tests of addon/scenecraft_blender/commands.py (no Blender needed): the argument lists the
# add-on gives scenecraft, the binary lookup, and a background job's cancel. Run: python3 THIS
import importlib.util
import json
import os
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "commands", os.path.join(HERE, "..", "scenecraft_blender", "commands.py"))
commands = importlib.util.module_from_spec(spec)
spec.loader.exec_module(commands)


class GenerateArgs(unittest.TestCase):
    def test_prompt_is_one_argument_after_the_end_of_flags(self):
        prompt = '-o / --force "); import os; os.system("x") #'
        args = commands.generate_args("/bin/scenecraft", {"prompt": prompt}, "/runs/1")
        self.assertEqual(args[-2:], ["--", prompt])
        self.assertIn("--text", args[:-2])
        self.assertIn("--out=/runs/1", args)
        self.assertIn("--save-blend", args)

    def test_values_that_start_with_a_dash_stay_values(self):
        args = commands.generate_args("/b", {"prompt": "a chair", "assets": "-x",
                                             "llm_model": "--force"}, "/r")
        self.assertIn("--assets=-x", args)
        self.assertIn("--llm-model=--force", args)
        self.assertNotIn("--force", args[args.index("--llm-model=--force") + 1:-2])

    def test_room_size_is_written_as_width_x_depth_x_height(self):
        args = commands.generate_args("/b", {"prompt": "a bed", "room_size_m": [5, 4, 2.8]}, "/r")
        self.assertIn("--room=5.0x4.0x2.8", args)

    def test_bad_settings_are_clear_errors(self):
        for settings, message in (({"prompt": "  "}, "empty"),
                                  ({"prompt": "a\x00b"}, "NUL"),
                                  ({"prompt": "a", "rounds": 99}, "rounds"),
                                  ({"prompt": "a", "planner": "python"}, "planner"),
                                  ({"prompt": "a", "room_size_m": [5, 0, 2]}, "room size"),
                                  ({"prompt": "x" * 30000}, "longer")):
            with self.assertRaises(commands.CommandError) as caught:
                commands.generate_args("/b", settings, "/r")
            self.assertIn(message, str(caught.exception))

    def test_skill_library_off_is_no_library(self):
        self.assertIn("--no-library", commands.generate_args(
            "/b", {"prompt": "a bed", "use_library": False}, "/r")[:-2])
        self.assertNotIn("--no-library", commands.generate_args("/b", {"prompt": "a bed"}, "/r"))

    def test_supports_flag_reads_the_subcommands_help(self):
        with tempfile.TemporaryDirectory() as d:
            exe = os.path.join(d, "sc")
            with open(exe, "w") as f:
                f.write("#!/bin/sh\necho '  --no-library,  Do not apply'\necho '  --text'\n")
            os.chmod(exe, 0o755)
            self.assertTrue(commands.supports_flag(exe, "generate", "--no-library"))
            self.assertTrue(commands.supports_flag(exe, "generate", "--text"))
            self.assertFalse(commands.supports_flag(exe, "generate", "--library"))
            self.assertFalse(commands.supports_flag(os.path.join(d, "none"), "generate", "--text"))

    def test_critique_and_solve_take_their_paths_after_the_end_of_flags(self):
        self.assertEqual(commands.critique_args("/b", "-dir"), ["/b", "critique", "--json", "--",
                                                                "-dir"])
        self.assertEqual(commands.solve_args("/b", "in.json", "out.json", 3),
                         ["/b", "solve", "--out=out.json", "--seed=3", "--", "in.json"])


class FindBinary(unittest.TestCase):
    def test_order_preference_environment_install_json(self):
        with tempfile.TemporaryDirectory() as d:
            exe = os.path.join(d, "sc")
            with open(exe, "w") as f:
                f.write("#!/bin/sh\n")
            os.chmod(exe, 0o755)
            with open(os.path.join(d, "install.json"), "w") as f:
                json.dump({"binary": exe}, f)
            self.assertEqual(commands.find_binary("", d, environ={}), exe)
            self.assertEqual(commands.find_binary("", None, environ={"SCENECRAFT_BIN": exe}), exe)
            with open(os.path.join(d, "install.json"), "w") as f:
                f.write("not json")
            old_path = os.environ.get("PATH", "")
            os.environ["PATH"] = d  # no "scenecraft" there
            try:
                with self.assertRaises(commands.CommandError):
                    commands.find_binary("", d, environ={})
            finally:
                os.environ["PATH"] = old_path


class JobRuns(unittest.TestCase):
    def test_cancel_stops_a_running_child_and_progress_reads_its_log(self):
        with tempfile.TemporaryDirectory() as d:
            script = "import sys, time; sys.stderr.write('step 1\\n'); sys.stderr.flush(); " \
                     "time.sleep(60)"
            job = commands.Job([sys.executable, "-c", script], d, "sleeper")
            deadline = time.monotonic() + 10
            while job.progress() != "step 1" and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertEqual(job.progress(), "step 1")
            self.assertIsNone(job.poll())
            job.cancel()
            self.assertNotEqual(job.wait(10), 0)
            self.assertIn("cancelled", job.failure(-15))

    def test_a_missing_program_is_a_clear_error(self):
        with tempfile.TemporaryDirectory() as d:
            with self.assertRaises(commands.CommandError) as caught:
                commands.Job([os.path.join(d, "missing")], d, "x")
            self.assertIn("could not start", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
