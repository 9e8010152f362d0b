// `scenecraft learn --from-blend DIR` (issue 13): scenes a user arranged by hand in Blender. Each
// .blend file is read through headless Blender by a fixed script shipped with SceneCraft
// (agent/read_blend.py; the file's own scripts are not run, its path is passed as an argument),
// into a posed scene graph: one object per root object with meshes, its category read from the
// object's name with WordNet ("FloorLamp.001" -> "floor lamp"), a floor object's extent as the
// room. The relations are read off the arrangement with RELATIONS.md's tests (near, on, facing,
// against_wall, in_corner) and the graphs are learned from as `--from-scenes` does.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenecraft/agent/learn.h"
#include "scenecraft/blender/runner.h"

namespace scenecraft {

// One root object of a .blend file: its name, where its own box's bottom centre stands, its turn
// about Z and its width x depth x height in its turned frame.
struct BlendObject {
  std::string name;
  Vec3 location;
  double yaw_rad = 0.0;
  Vec3 size;
};

// The category an object name gives: Blender's ".001" suffix, digits and punctuation dropped,
// camel case split; the last word is the head noun (in its base form), and words before it join
// while they make a compound WordNet knows or are nouns that are no adjectives ("EndTables" ->
// "end table", "big red Chair" -> "chair"); nullopt when the last word is no noun.
std::optional<std::string> CategoryFromName(const std::string& name);

// The posed scene graph of a .blend file's objects (`file` names it in notes and errors): an
// object that is a floor sets the room (the objects are moved so its centre is the origin; the
// walls' tops give its height), other parts of a room are left out, and so is an object whose
// name gives no category (a note says which).
SceneGraph SceneFromBlendObjects(const std::vector<BlendObject>& objects, const std::string& file);

// Adds the relations that hold between the graph's posed objects: near (the smaller object to
// the larger), on, facing, and in a room against_wall and in_corner.
void AddRelationsThatHold(SceneGraph* graph);

// Reads a .blend file's root objects through headless Blender; the script and its output go
// into `work_dir`. Throws Error naming the file when Blender cannot read it.
std::vector<BlendObject> ReadBlendObjects(const std::filesystem::path& blend,
                                          const std::filesystem::path& work_dir,
                                          const BlenderOptions& blender, ProcessLauncher& launcher);

// Learns from the .blend files of `dir` (options.work_dir holds Blender's scratch files).
LearnReport LearnFromBlends(const std::filesystem::path& dir, const LearnOptions& options,
                            ProcessLauncher& launcher);

}  // namespace scenecraft
