#include "scenecraft/assets/user_model.h"

#include <assimp/DefaultIOSystem.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include <algorithm>
#include <assimp/Importer.hpp>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>

#include "scenecraft/assets/sh3d_catalog.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/json.h"
#include "scenecraft/util/paths.h"
#include "scenecraft/util/strings.h"

namespace scenecraft {
namespace fs = std::filesystem;
namespace {

// Model, MTL and glTF JSON files larger than this are not read for their references.
constexpr std::uintmax_t kMaxReferenceFileBytes = std::uintmax_t{256} << 20;

// Words of a file name: "OfficeChair_02" -> "office chair".
std::string WordsOfFileName(const std::string& stem) {
  std::string out;
  char prev = ' ';
  for (char c : stem) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      if (std::isupper(u) && std::islower(static_cast<unsigned char>(prev))) out += ' ';
      out += static_cast<char>(std::tolower(u));
    } else if (std::isdigit(u)) {
      if (std::isalpha(static_cast<unsigned char>(prev))) out += ' ';
      out += c;
    } else {
      out += ' ';
    }
    prev = c;
  }
  return std::string(Trim(out));
}

// The optional sidecar of a user model: `<model file>.json`, else `scenecraft.json` in its folder.
struct Sidecar {
  std::optional<std::string> name, category, creator, license, front, up;
  std::vector<std::string> tags;
  std::optional<double> scale;
};

void ReadSidecarInto(const fs::path& path, Sidecar* sidecar) {
  const nlohmann::json doc = ParseJson(ReadFile(path), path.string());
  JsonProblems problems;
  JsonObjectReader r(doc, "", &problems);
  if (auto v = r.String("name")) sidecar->name = v;
  if (auto v = r.String("category")) sidecar->category = v;
  if (auto v = r.String("creator")) sidecar->creator = v;
  if (auto v = r.String("license")) sidecar->license = v;
  if (auto v = r.StringArray("tags")) sidecar->tags = *v;
  if (auto v = r.String("front_axis")) {
    if (*v != "-y" && *v != "+y" && *v != "-x" && *v != "+x") {
      r.AddProblem("front_axis", "expected \"-y\", \"+y\", \"-x\" or \"+x\", found \"" + *v + "\"");
    }
    sidecar->front = v;
  }
  if (auto v = r.String("up_axis")) {
    if (*v != "y" && *v != "z") r.AddProblem("up_axis", "expected \"y\" or \"z\"");
    sidecar->up = v;
  }
  if (auto v = r.Number("scale")) {
    // 1e-6 (micrometres) to 1e3 (kilometres) per file unit covers every real unit.
    if (!(*v >= 1e-6 && *v <= 1e3)) {
      r.AddProblem("scale", "must be from 0.000001 to 1000 (file units to metres)");
    }
    sidecar->scale = v;
  }
  r.Finish();
  problems.ThrowIfAny(path.string());
}

// The folder of `file` relative to `root` ("" for root itself), for ResolveInside.
std::string FolderIn(const fs::path& root, const fs::path& file) {
  const fs::path rel = file.parent_path().lexically_relative(root);
  const std::string s = rel.generic_string();
  return s == "." ? "" : s;
}

// A text file named by a model, read only when it exists inside root and is of sane size.
std::optional<std::string> ReadReferenced(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  if (fs::file_size(path, ec) > kMaxReferenceFileBytes) {
    throw Error(path.string() + ": larger than " + std::to_string(kMaxReferenceFileBytes >> 20) +
                " MiB (not read)");
  }
  return ReadFile(path);
}

// "a%20b.png" -> "a b.png" (glTF URIs are percent-encoded).
std::string PercentDecode(std::string_view uri) {
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      auto hex = [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c | 0x20) - 'a' + 10;
      };
      out += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

// The JSON of a .gltf file, or the JSON chunk of a .glb.
nlohmann::json GltfJson(const fs::path& model) {
  if (ModelFormatOf(model.string()) == "gltf") {
    const std::optional<std::string> text = ReadReferenced(model);
    return text ? nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false)
                : nlohmann::json();
  }
  std::ifstream in(model, std::ios::binary);
  unsigned char header[20] = {};
  if (!in.read(reinterpret_cast<char*>(header), sizeof header)) return nlohmann::json();
  auto u32 = [&](int at) {
    return static_cast<std::uint32_t>(header[at]) |
           static_cast<std::uint32_t>(header[at + 1]) << 8 |
           static_cast<std::uint32_t>(header[at + 2]) << 16 |
           static_cast<std::uint32_t>(header[at + 3]) << 24;
  };
  if (std::memcmp(header, "glTF", 4) != 0 || std::memcmp(header + 16, "JSON", 4) != 0 ||
      u32(12) > kMaxReferenceFileBytes) {
    return nlohmann::json();
  }
  std::string chunk(u32(12), '\0');
  if (!in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()))) return nlohmann::json();
  return nlohmann::json::parse(chunk, nullptr, /*allow_exceptions=*/false);
}

// Every file a model names, as written, with the folder (relative to root) it is relative to.
std::vector<std::pair<std::string, std::string>> NamedFiles(const fs::path& root,
                                                            const fs::path& model) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string folder = FolderIn(root, model);
  const std::string format = ModelFormatOf(model.string());
  if (format == "obj") {
    const std::optional<std::string> obj = ReadReferenced(model);
    if (!obj) return out;
    for (const std::string& mtl_ref : ObjMaterialLibraries(*obj)) {
      out.emplace_back(folder, mtl_ref);
      const fs::path mtl = ResolveInside(root, folder, mtl_ref);
      const std::optional<std::string> mtl_text = ReadReferenced(mtl);
      if (!mtl_text) continue;
      for (const std::string& map : MtlTextureMaps(*mtl_text)) {
        out.emplace_back(FolderIn(root, mtl), map);
        const size_t space = map.rfind(' ');
        if (space != std::string::npos)
          out.emplace_back(FolderIn(root, mtl), map.substr(space + 1));
      }
    }
  } else if (format == "gltf" || format == "glb") {
    const nlohmann::json doc = GltfJson(model);
    for (const char* list : {"buffers", "images"}) {
      if (!doc.is_object() || !doc.contains(list) || !doc[list].is_array()) continue;
      for (const nlohmann::json& item : doc[list]) {
        if (!item.is_object() || !item.contains("uri") || !item["uri"].is_string()) continue;
        const std::string uri = item["uri"].get<std::string>();
        if (StartsWith(uri, "data:")) continue;
        const size_t colon = uri.find(':');
        if (colon != std::string::npos && uri.find('/') > colon) {
          throw Error("refused file name " + QuoteForMessage(uri) +
                      ": a URI with a scheme, not a file beside the model");
        }
        out.emplace_back(folder, PercentDecode(uri));
      }
    }
  }
  return out;
}

// assimp's file access, confined to a folder: a model cannot make the indexer read elsewhere.
class ConfinedIOSystem : public Assimp::DefaultIOSystem {
 public:
  explicit ConfinedIOSystem(fs::path root) : root_(std::move(root)) {}
  bool Exists(const char* file) const override {
    return Allowed(file) && Assimp::DefaultIOSystem::Exists(file);
  }
  Assimp::IOStream* Open(const char* file, const char* mode) override {
    if (!Allowed(file)) {
      refused_ = file;
      return nullptr;
    }
    return Assimp::DefaultIOSystem::Open(file, mode);
  }
  const std::string& refused() const { return refused_; }

 private:
  bool Allowed(const char* file) const {
    std::error_code ec;
    return IsInside(root_, fs::absolute(file, ec));
  }
  fs::path root_;
  mutable std::string refused_;
};

}  // namespace

std::vector<fs::path> SidecarsOf(const fs::path& model) {
  std::vector<fs::path> out;
  const fs::path folder_sidecar = model.parent_path() / "scenecraft.json";
  const fs::path own = fs::path(model.string() + ".json");
  std::error_code ec;
  if (fs::exists(folder_sidecar, ec)) out.push_back(folder_sidecar);
  if (fs::exists(own, ec)) out.push_back(own);  // read last: it overrides the folder's
  return out;
}

void CheckModelReferences(const fs::path& root, const fs::path& model) {
  const std::string where = model.string() + ": ";
  try {
    ResolveInside(root, "", model.lexically_relative(root).generic_string());
    for (const auto& [folder, name] : NamedFiles(root, model)) ResolveInside(root, folder, name);
  } catch (const Error& e) {
    throw Error(where + e.what() + " (the model may only use files inside " + root.string() + ")");
  }
}

std::optional<AssetRecord> ReadUserModel(const fs::path& root, const fs::path& file,
                                         std::vector<std::string>* warnings) {
  AssetRecord r;
  r.id = "user:" + file.string();
  r.source = "user";
  r.file = file.string();
  r.format = ModelFormatOf(file.string());
  r.name = WordsOfFileName(file.stem().string());
  if (r.format == "blend") {
    // Measuring a .blend needs Blender itself; we do not start it while indexing.
    warnings->push_back(file.string() +
                        ": .blend files are not indexed (no bounds without Blender); "
                        "export it as glTF to use it");
    return std::nullopt;
  }
  CheckModelReferences(root, file);
  Sidecar sidecar;
  for (const fs::path& p : SidecarsOf(file)) {
    try {
      ResolveInside(root, FolderIn(root, file), p.filename().string());
    } catch (const Error& e) {
      throw Error(p.string() + ": sidecar " + e.what());
    }
    ReadSidecarInto(p, &sidecar);
  }
  // Measure the real bounds with assimp, every node transform applied.
  Assimp::Importer importer;
  auto* io = new ConfinedIOSystem(root);  // owned by the importer
  importer.SetIOHandler(io);
  const aiScene* scene =
      importer.ReadFile(file.string(), aiProcess_PreTransformVertices | aiProcess_Triangulate);
  if (!io->refused().empty()) {
    throw Error(file.string() + ": refers to " + QuoteForMessage(io->refused()) +
                ", outside its folder " + root.string() + " (not read)");
  }
  if (scene == nullptr || scene->mNumMeshes == 0) {
    // assimp's message may quote the file; it is cut and its odd bytes escaped.
    throw Error(file.string() + ": cannot read the model (" +
                QuoteForMessage(importer.GetErrorString(), 160) + ")");
  }
  // Textures assimp found (FBX keeps their names inside the binary file).
  for (unsigned m = 0; m < scene->mNumMaterials; ++m) {
    for (int type = aiTextureType_DIFFUSE; type <= aiTextureType_UNKNOWN; ++type) {
      const auto t = static_cast<aiTextureType>(type);
      for (unsigned k = 0; k < scene->mMaterials[m]->GetTextureCount(t); ++k) {
        aiString path;
        if (scene->mMaterials[m]->GetTexture(t, k, &path) != aiReturn_SUCCESS) continue;
        const std::string name = path.C_Str();
        if (name.empty() || name[0] == '*' || scene->GetEmbeddedTexture(path.C_Str()) != nullptr) {
          continue;
        }
        try {
          ResolveInside(root, FolderIn(root, file), name);
        } catch (const Error& e) {
          throw Error(file.string() + ": texture " + e.what() +
                      " (the model may only use files inside " + root.string() + ")");
        }
      }
    }
  }
  double lo[3] = {1e300, 1e300, 1e300}, hi[3] = {-1e300, -1e300, -1e300};
  for (unsigned m = 0; m < scene->mNumMeshes; ++m) {
    const aiMesh* mesh = scene->mMeshes[m];
    for (unsigned v = 0; v < mesh->mNumVertices; ++v) {
      const aiVector3D& p = mesh->mVertices[v];
      const double c[3] = {p.x, p.y, p.z};
      for (int k = 0; k < 3; ++k) {
        lo[k] = std::min(lo[k], c[k]);
        hi[k] = std::max(hi[k], c[k]);
      }
    }
  }
  if (!(hi[0] >= lo[0])) throw Error(file.string() + ": the model has no vertices");
  // Units and axes: glTF is metres and Y-up; FBX says its unit (centimetres by default); OBJ has
  // no units (metres assumed) and is usually Y-up. A sidecar overrides all of these.
  r.unit_scale_m = 1.0;
  r.y_up = true;
  if (r.format == "fbx" && scene->mMetaData != nullptr) {
    double factor = 1.0;
    if (scene->mMetaData->Get("UnitScaleFactor", factor) && factor > 0)
      r.unit_scale_m = factor / 100;
    int32_t up = 1;
    if (scene->mMetaData->Get("UpAxis", up)) r.y_up = up == 1;
  }
  if (sidecar.scale) r.unit_scale_m = *sidecar.scale;
  if (sidecar.up) r.y_up = *sidecar.up == "y";
  // Extents in Blender's frame (Z up, front -Y): a Y-up file's z becomes -y.
  const double ex = hi[0] - lo[0], ey = hi[1] - lo[1], ez = hi[2] - lo[2];
  Vec3 size = r.y_up ? Vec3{ex, ez, ey} : Vec3{ex, ey, ez};
  size = size * r.unit_scale_m;
  if (sidecar.front) {
    if (*sidecar.front == "+y") r.front_yaw_rad = kPi;
    if (*sidecar.front == "+x") r.front_yaw_rad = -kPi / 2;
    if (*sidecar.front == "-x") r.front_yaw_rad = kPi / 2;
    if (*sidecar.front == "+x" || *sidecar.front == "-x") std::swap(size.x, size.y);
  }
  r.size_m = size;
  if (sidecar.name) r.name = *sidecar.name;
  r.kind = KindOfName(r.name);
  r.category = sidecar.category.value_or("");
  r.tags = sidecar.tags;
  r.creator = sidecar.creator.value_or("");
  r.license = sidecar.license.value_or("");
  return r;
}

}  // namespace scenecraft
