# SceneCraft scene script.
#
# Builds the scene described by the SCENE document below and, when asked, renders it and writes a
# readback of what was built. Run it with:
#
#   blender -b --factory-startup --python scene.py -- [--render out.png] [--engine cycles]
#       [--samples 16] [--resolution 640x480] [--readback readback.json]
#       [--save-blend scene.blend] [--export-gltf scene.glb] [--views N --views-dir DIR]
#
# Works on Blender 3.4 and later 3.x/4.x; needs no add-on and no network. All data that came from
# a prompt, a model or a file name lives in the JSON document and is read with json.loads: none of
# it is part of the Python source.

import json
import math
import os
import sys
import time
import traceback

import bmesh
import bpy
from mathutils import Euler, Matrix, Vector

SCENE = json.loads(r'''@SCENE_JSON@''')

BLENDER_4 = bpy.app.version >= (4, 0, 0)
ENV_CATEGORIES = ("floor", "wall", "ceiling", "ground")


