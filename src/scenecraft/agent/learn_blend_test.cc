// learn --from-blend: object names become categories through WordNet, a floor object becomes the
// room, and (suite "Integration": it starts Blender) .blend files this test builds with Blender
// are read back through the shipped reader and teach a motif.
#include "scenecraft/agent/learn_blend.h"

#include <gtest/gtest.h>

#include <map>

#include "scenecraft/agent/learn_testing.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/skills/store.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

TEST(LearnFromBlend, ObjectNamesBecomeCategoriesThroughWordNet) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  EXPECT_EQ(CategoryFromName("FloorLamp.001").value_or(""), "floor lamp");
  EXPECT_EQ(CategoryFromName("end_tables").value_or(""), "end table");
  EXPECT_EQ(CategoryFromName("Armchair 2").value_or(""), "armchair");
  EXPECT_EQ(CategoryFromName("my oak Desk").value_or(""), "oak desk");
  EXPECT_EQ(CategoryFromName("big red Chair").value_or(""), "chair");
  EXPECT_EQ(CategoryFromName("ChestOfDrawers").value_or(""), "chest of drawers");
  EXPECT_FALSE(CategoryFromName("0042.001").has_value());
  EXPECT_FALSE(CategoryFromName("qzxv").has_value());
}

TEST(LearnFromBlend, AFloorSetsTheRoomAndTheRelationsAreReadOffThePoses) {
  if (!WordNet::Get().available()) GTEST_SKIP() << "WordNet is not installed";
  const std::vector<BlendObject> objects = {
      {"Floor", {1, 1, 0}, 0, {4, 3, 0.01}},         {"Wall.003", {1, 2.55, 0}, 0, {4, 0.1, 2.5}},
      {"Armchair", {1, 1, 0}, 0, {0.8, 0.8, 0.9}},   {"EndTable", {1.75, 1, 0}, 0, {0.4, 0.4, 0.5}},
      {"Bookcase", {1, 2.3, 0}, 0, {1.0, 0.4, 1.8}}, {"Cheerfulness", {0, 0, 0}, 0, {1, 1, 1}}};
  SceneGraph g = SceneFromBlendObjects(objects, "den.blend");
  ASSERT_TRUE(g.environment.IsRoom());
  EXPECT_DOUBLE_EQ(g.environment.size.x, 4);
  EXPECT_DOUBLE_EQ(g.environment.size.z, 2.5);  // the wall's top
  ASSERT_EQ(g.objects.size(), 3u);              // no floor, wall or quality
  EXPECT_EQ(g.objects[1].id, "end_table_1");
  EXPECT_DOUBLE_EQ(g.objects[1].pose->x, 0.75);  // moved with the floor's centre
  EXPECT_EQ(g.notes.back(), "left out 'Cheerfulness': cheerfulness is not a thing to place");
  AddRelationsThatHold(&g);
  std::vector<std::string> relations;
  for (const Relation& r : g.relations) relations.push_back(r.ToString());
  EXPECT_NE(std::find(relations.begin(), relations.end(), "near(end_table_1, armchair_1)"),
            relations.end());
  EXPECT_NE(std::find(relations.begin(), relations.end(), "against_wall(bookcase_1)"),
            relations.end());
  EXPECT_EQ(std::find(relations.begin(), relations.end(), "near(armchair_1, end_table_1)"),
            relations.end());  // near: the smaller to the larger only
}

// Builds three reading corners in Blender (a floor, an armchair, an end table beside it and a
// floor lamp, placed differently each time), saved as .blend files; one file's name has quotes
// and spaces (it is passed to the reader as data).
constexpr const char* kBuildScenes = R"py(
import sys
import bpy
out = sys.argv[sys.argv.index("--out-dir") + 1]
layouts = [((0.0, 0.0), 1), ((1.2, -0.5), -1), ((-1.0, 0.8), 1)]
names = ["corner a.blend", "corner 'b' \"x\".blend", "corner_c.blend"]
for k, ((x, y), side) in enumerate(layouts):
    bpy.ops.wm.read_factory_settings(use_empty=True)
    def box(name, cx, cy, w, d, h):
        bpy.ops.mesh.primitive_cube_add(size=1, location=(cx, cy, h / 2))
        ob = bpy.context.active_object
        ob.scale = (w, d, h)
        ob.name = name
    bpy.ops.mesh.primitive_plane_add(size=1, location=(0, 0, 0))
    bpy.context.active_object.scale = (5, 4, 1)
    bpy.context.active_object.name = "Floor"
    box("Armchair", x, y, 0.8, 0.8, 0.9)
    box("EndTable.001", x + side * (0.4 + 0.12 + 0.2), y, 0.4, 0.4, 0.55)
    box("FloorLamp", x - side * (0.4 + 0.2 + 0.15), y + 0.1, 0.3, 0.3, 1.6)
    bpy.ops.wm.save_as_mainfile(filepath=out + "/" + names[k])
)py";

TEST(LearnFromBlendIntegration, BlendFilesBuiltInBlenderTeachAMotif) {
  LearnTestBed bed("learn-blend");
  const fs::path scenes = bed.dir / "scenes";
  EnsureDirectory(scenes);
  const fs::path build = bed.dir / "build_scenes.py";
  WriteFileAtomic(build, kBuildScenes);
  BlenderRun run;
  run.script = build;
  run.render_settings = {"workbench", 1, 16, 16};
  run.extra_args = {"--out-dir", fs::absolute(scenes).string()};
  RunBlender(run, bed.options.generate.blender, bed.launcher);
  ASSERT_TRUE(fs::exists(scenes / "corner 'b' \"x\".blend"));

  // One file read back: the objects as built, in the room of the floor.
  const std::vector<BlendObject> read = ReadBlendObjects(
      scenes / "corner a.blend", bed.dir / "read", bed.options.generate.blender, bed.launcher);
  ASSERT_EQ(read.size(), 4u);
  std::map<std::string, BlendObject> by_name;
  for (const BlendObject& o : read) by_name[o.name] = o;
  ASSERT_EQ(by_name.count("Armchair"), 1u);
  EXPECT_NEAR(by_name["Armchair"].size.x, 0.8, 1e-4);
  EXPECT_NEAR(by_name["Armchair"].location.z, 0.0, 1e-4);
  EXPECT_NEAR(by_name["EndTable.001"].location.x, 0.72, 1e-4);
  EXPECT_NEAR(by_name["Floor"].size.x, 5.0, 1e-4);

  bed.options.work_dir = bed.dir / "work";
  const LearnReport report = LearnFromBlends(scenes, bed.options, bed.launcher);
  EXPECT_EQ(report.queries, 3);
  SkillStore store(bed.options.library);
  const Skill* motif = nullptr;
  const std::vector<Skill> current = store.Current();
  for (const Skill& s : current) {
    if (s.kind == SkillKind::kMotif && s.key == "armchair") motif = &s;
  }
  ASSERT_NE(motif, nullptr) << report.ToString();
  std::vector<std::string> members;
  for (const MotifRelation& m : motif->motif.relations) {
    members.push_back(std::string(GetRelationInfo(m.relation).name) + " " + m.member);
  }
  EXPECT_NE(std::find(members.begin(), members.end(), "near end table"), members.end())
      << report.ToString();
  EXPECT_NE(std::find(members.begin(), members.end(), "near floor lamp"), members.end())
      << report.ToString();
  EXPECT_EQ(motif->provenance.origin, "scenes");
}

}  // namespace
}  // namespace scenecraft
