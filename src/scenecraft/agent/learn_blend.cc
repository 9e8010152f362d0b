#include "scenecraft/agent/learn_blend.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <map>
#include <sstream>

#include "scenecraft/core/geometry.h"
#include "scenecraft/lang/lexicon.h"
#include "scenecraft/lang/noun_kind.h"
#include "scenecraft/lang/wordnet.h"
#include "scenecraft/layout/relations.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
extern const char* const kReadBlendScript;  // agent/read_blend.py, embedded at build time

namespace fs = std::filesystem;
namespace {

constexpr double kDefaultRoomHeight_m = 2.7;
constexpr size_t kMaxNameWords = 3;  // the longest category read from a name

// The words of an object name: Blender's ".001" dropped, camel case split, lower case.
std::vector<std::string> NameWords(std::string name) {
  if (const size_t dot = name.rfind('.');
      dot != std::string::npos && dot + 1 < name.size() &&
      std::all_of(name.begin() + dot + 1, name.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    name.resize(dot);
  }
  std::string spaced;
  for (size_t i = 0; i < name.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (std::isalpha(c) == 0) {
      spaced += ' ';
      continue;
    }
    if (std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(name[i - 1]))) {
      spaced += ' ';
    }
    spaced += static_cast<char>(std::tolower(c));
  }
  std::vector<std::string> words;
  std::istringstream in(spaced);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

}  // namespace

std::optional<std::string> CategoryFromName(const std::string& name) {
  const std::vector<std::string> words = NameWords(name);
  if (words.empty()) return std::nullopt;
  WordNet& wordnet = WordNet::Get();
  if (!wordnet.available()) return Join(words, " ");
  // A compound WordNet knows ("chest of drawers", "floor lamp") is the category as it is.
  for (size_t n = std::min(kMaxNameWords, words.size()); n >= 2; --n) {
    const std::vector<std::string> tail(words.end() - static_cast<std::ptrdiff_t>(n), words.end());
    const std::string phrase = Join(tail, " ");
    if (wordnet.IsNoun(phrase)) return wordnet.NounBase(phrase);
  }
  // The head: the last word, a noun. Words before it join while they make a compound WordNet
  // knows ("floor lamp") or are nouns and not adjectives ("end table"; not "red chair").
  const std::string head = wordnet.NounBase(words.back());
  if (head.empty() || ClassOf(words.back()) != WordClass::kOpen) return std::nullopt;
  std::vector<std::string> kept = {head};
  for (size_t k = words.size() - 1; k-- > 0 && kept.size() < kMaxNameWords;) {
    const std::string& w = words[k];
    if (ClassOf(w) != WordClass::kOpen) break;
    const std::string compound = w + " " + Join(kept, " ");
    const bool known = wordnet.IsNoun(compound);
    if (!known && !(wordnet.IsNoun(w) && !wordnet.IsAdjective(w))) break;
    kept.insert(kept.begin(), w);
  }
  return Join(kept, " ");
}

SceneGraph SceneFromBlendObjects(const std::vector<BlendObject>& objects, const std::string& file) {
  SceneGraph g;
  g.notes.push_back("read from " + file + " (hand-arranged in Blender)");
  std::optional<Rect2> floor;
  double height = 0.0;
  std::map<std::string, int> counts;
  for (const BlendObject& b : objects) {
    const std::optional<std::string> category = CategoryFromName(b.name);
    if (!category) {
      g.notes.push_back("left out '" + b.name + "': its name names no thing");
      continue;
    }
    const NounKind kind = ClassifyNoun(*category);
    if (kind == NounKind::kRoomPart) {
      const Box3 box = PlacedBox(b.size, b.location.x, b.location.y, b.location.z, b.yaw_rad);
      if (RoomPartOf(*category) == RoomPart::kFloor) {
        floor = box.Footprint();
      } else {
        height = std::max(height, box.max.z);
      }
      continue;
    }
    if (kind != NounKind::kObject && kind != NounKind::kBuilding) {
      g.notes.push_back("left out '" + b.name + "': " + *category + " is not a thing to place");
      continue;
    }
    if (!(b.size.x > 0 && b.size.y > 0 && b.size.z > 0)) continue;
    Object o;
    std::string stem = *category;
    std::replace(stem.begin(), stem.end(), ' ', '_');
    o.id = stem + "_" + std::to_string(++counts[stem]);
    o.category = *category;
    o.size = b.size;
    o.pose = Pose{b.location.x, b.location.y, b.location.z, b.yaw_rad};
    // SceneCraft's convention (and Sweet Home 3D's models'): at yaw 0 a model's front faces -Y.
    o.has_front = true;
    if (b.location.z > kContactEpsilon) o.support = Support::kSurface;
    g.objects.push_back(std::move(o));
  }
  if (floor) {
    g.environment.kind = Environment::Kind::kRoom;
    g.environment.size = {floor->Width(), floor->Depth(),
                          height > 0.5 ? height : kDefaultRoomHeight_m};
    const Vec2 c = floor->Center();
    for (Object& o : g.objects) {
      o.pose->x -= c.x;
      o.pose->y -= c.y;
    }
  } else {
    g.environment.kind = Environment::Kind::kOutdoor;
    Rect2 extent{{0, 0}, {0, 0}};
    for (const Object& o : g.objects) {
      const Rect2 f = o.WorldBox().Footprint();
      extent = {{std::min(extent.min.x, f.min.x), std::min(extent.min.y, f.min.y)},
                {std::max(extent.max.x, f.max.x), std::max(extent.max.y, f.max.y)}};
    }
    g.environment.size = {2 * std::max(std::abs(extent.min.x), std::abs(extent.max.x)) + 2,
                          2 * std::max(std::abs(extent.min.y), std::abs(extent.max.y)) + 2, 0};
  }
  return g;
}

void AddRelationsThatHold(SceneGraph* graph) {
  std::vector<Body> bodies;
  for (const Object& o : graph->objects) bodies.push_back(BodyOf(o));
  const EvalContext context{&graph->environment, nullptr};
  auto add = [&](RelationType type, std::vector<std::string> ids,
                 const std::vector<const Body*>& of) {
    Relation r;
    r.type = type;
    r.objects = std::move(ids);
    if (EvaluateRelation(r, of, context).pass) graph->relations.push_back(r);
  };
  for (size_t i = 0; i < bodies.size(); ++i) {
    const Body& a = bodies[i];
    if (graph->environment.IsRoom() && a.support == Support::kFloor) {
      add(RelationType::kInCorner, {a.id}, {&a});
      add(RelationType::kAgainstWall, {a.id}, {&a});
    }
    for (size_t j = 0; j < bodies.size(); ++j) {
      const Body& b = bodies[j];
      if (i == j || a.category == b.category) continue;
      add(RelationType::kOn, {a.id, b.id}, {&a, &b});
      // Near is symmetric: the smaller object is related to the larger (its anchor).
      const bool smaller = a.Size() < b.Size() || (a.Size() == b.Size() && a.id < b.id);
      if (smaller && a.support == Support::kFloor && b.support == Support::kFloor) {
        add(RelationType::kNear, {a.id, b.id}, {&a, &b});
      }
      if (a.support == Support::kFloor) add(RelationType::kFacing, {a.id, b.id}, {&a, &b});
    }
  }
}

std::vector<BlendObject> ReadBlendObjects(const fs::path& blend, const fs::path& work_dir,
                                          const BlenderOptions& blender,
                                          ProcessLauncher& launcher) {
  EnsureDirectory(work_dir);
  const fs::path script = work_dir / "read_blend.py";
  const fs::path out = work_dir / (blend.stem().string() + ".objects.json");
  WriteFileAtomic(script, kReadBlendScript);
  std::error_code ignored;
  fs::remove(out, ignored);  // never read a stale one
  BlenderRun run;
  run.script = script;
  run.log = work_dir / (blend.stem().string() + ".blender.log");
  run.render_settings = {"workbench", 1, 16, 16};
  run.extra_args = {"--blend", fs::absolute(blend).string(), "--out", fs::absolute(out).string()};
  try {
    RunBlender(run, blender, launcher);
  } catch (const Error& e) {
    throw Error("learn --from-blend: Blender could not read '" + blend.string() + "': " + e.what());
  }
  if (!fs::exists(out)) {
    throw Error("learn --from-blend: reading '" + blend.string() + "' wrote nothing; log " +
                run.log.string());
  }
  const std::string origin = blend.filename().string();
  std::vector<BlendObject> objects;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(ReadFile(out));
  } catch (const nlohmann::json::exception& e) {
    throw Error("learn --from-blend: the objects read from '" + origin +
                "' are not JSON: " + e.what());
  }
  auto vec3 = [&](const nlohmann::json& v, const std::string& what) {
    if (!v.is_array() || v.size() != 3 || !v[0].is_number() || !v[1].is_number() ||
        !v[2].is_number()) {
      throw Error("learn --from-blend: " + origin + ": " + what + " is not three numbers");
    }
    return Vec3{v[0].get<double>(), v[1].get<double>(), v[2].get<double>()};
  };
  if (!doc.is_object() || !doc.contains("objects") || !doc["objects"].is_array()) {
    throw Error("learn --from-blend: " + origin + ": the reader wrote no object list");
  }
  for (const nlohmann::json& o : doc["objects"]) {
    if (!o.is_object() || !o.value("name", nlohmann::json()).is_string() ||
        !o.value("yaw_rad", nlohmann::json()).is_number()) {
      throw Error("learn --from-blend: " + origin + ": an object without a name or a turn");
    }
    BlendObject b;
    b.name = o["name"].get<std::string>();
    b.location = vec3(o.value("location", nlohmann::json()), b.name + "'s location");
    b.yaw_rad = o["yaw_rad"].get<double>();
    b.size = vec3(o.value("size", nlohmann::json()), b.name + "'s size");
    objects.push_back(std::move(b));
  }
  return objects;
}

LearnReport LearnFromBlends(const fs::path& dir, const LearnOptions& options,
                            ProcessLauncher& launcher) {
  options.consensus.Check();
  const auto start = std::chrono::steady_clock::now();
  if (!fs::is_directory(dir)) {
    throw Error("learn --from-blend: '" + dir.string() + "' is not a folder");
  }
  std::vector<fs::path> files;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && ToLower(e.path().extension().string()) == ".blend") {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    throw Error("learn --from-blend: '" + dir.string() + "' holds no .blend file");
  }
  std::vector<std::pair<std::string, SceneGraph>> graphs;
  for (const fs::path& f : files) {
    const std::string name = f.filename().string();
    SceneGraph g = SceneFromBlendObjects(
        ReadBlendObjects(f, options.work_dir, options.generate.blender, launcher), name);
    AddRelationsThatHold(&g);
    graphs.emplace_back(name, std::move(g));
  }
  LearnReport report = LearnFromGraphs(graphs, options);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace scenecraft
