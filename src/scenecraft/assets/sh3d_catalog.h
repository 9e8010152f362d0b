// Sweet Home 3D furniture libraries (.sh3f: a zip holding PluginFurnitureCatalog.properties and
// the OBJ/MTL/texture files of every model). The catalog is read from the zip without unpacking
// it; only the models a scene uses are extracted, with the files they reference.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenecraft/assets/zip_reader.h"
#include "scenecraft/core/geometry.h"

namespace scenecraft {

class Properties;

// One piece of furniture of a catalog (the keys `name#N`, `width#N` ... of entry N).
struct Sh3dEntry {
  int index = 0;         // N in the catalog's keys
  int line = 0;          // line of its `id#N` in the properties file
  std::string id;        // catalog id, e.g. "Kator Legaz#futon-couch"
  std::string name;      // e.g. "Futon couch"
  std::string category;  // Sweet Home 3D's category, e.g. "Living room"
  std::vector<std::string> tags;
  std::string creator;
  std::string license;      // the entry's own licence, else the library's
  Vec3 size_cm;             // width (x), depth, height, centimetres
  double elevation_cm = 0;  // height above the floor it stands at
  bool door_or_window = false;
  std::string model;  // path of the model inside the zip, without a leading '/'
  // Sweet Home 3D's modelRotation: a row-major 3x3 matrix applied to the model in its own
  // (Y-up) coordinates before it is fitted to width x depth x height. Identity when absent.
  std::array<double, 9> model_rotation{1, 0, 0, 0, 1, 0, 0, 0, 1};
};

struct Sh3dCatalog {
  std::filesystem::path file;
  std::string library_id;    // e.g. "SweetHome3D#KatorLegazModels"
  std::string library_name;  // e.g. "Kator Legaz catalog"
  std::string license;
  std::vector<Sh3dEntry> entries;
  // Entries that were skipped (no model, no size), each naming file:line.
  std::vector<std::string> warnings;
};

// Reads entries from a parsed PluginFurnitureCatalog.properties (`origin` names it in warnings).
Sh3dCatalog CatalogFromProperties(const Properties& properties);

// Opens the .sh3f and reads its catalog. Throws Error when the file is not a readable zip, has
// no PluginFurnitureCatalog.properties, or breaks the limits.
Sh3dCatalog ReadSh3dCatalog(const std::filesystem::path& sh3f, const ZipLimits& limits = {});

// "obj", "gltf", "glb", "fbx" or "blend" by a file name's extension (any case); "" otherwise.
std::string ModelFormatOf(std::string_view file_name);

// Throws Error (prefixed with `where`) unless `entry` is a plain relative path inside a library
// (NormalizeReference leaves it as it is: no "..", no absolute path, no control bytes) naming an
// OBJ, glTF, GLB or FBX file. The catalog skips such entries; extraction refuses them again,
// since the index that hands them over is a cache on disk.
void CheckModelEntry(const std::string& entry, const std::string& where);

struct ExtractedModel {
  std::filesystem::path model;         // the extracted model file
  std::vector<std::string> extracted;  // zip entries written (empty when all were cached)
  // Files the model references (MTL, textures) that the zip does not hold. The model still
  // imports, but untextured: callers treat this as a failure of the model.
  std::vector<std::string> missing;
};

// Extracts `model_entry` of the zip and the files it references (its MTL libraries and their
// texture maps, resolved relative to the model's folder) under cache_dir/sh3d/<zip stem>/.
// Every file is written through ResolveInside (util/paths.h): nothing lands outside that folder.
// Files already extracted with the right size are kept. OBJ files are written without
// degenerate faces (DropDegenerateObjFaces). Throws Error when the zip or the model cannot be
// read, a name leads out of the folder, or an entry breaks the limits.
ExtractedModel ExtractSh3dModel(const std::filesystem::path& sh3f, const std::string& model_entry,
                                const std::filesystem::path& cache_dir,
                                const ZipLimits& limits = {});

// The OBJ without faces of fewer than three vertices (Blender 3.4's OBJ importer crashes on
// them; some Sweet Home 3D models have them). Extraction applies it to every OBJ.
std::string DropDegenerateObjFaces(std::string_view obj_text);

// One texture line of an MTL file: `map_Kd -s 1 1 1 wood.jpg`.
struct MtlMap {
  std::string key;      // "map_Kd"
  std::string options;  // "-s 1 1 1"
  std::string file;     // "wood.jpg", as written (it may contain spaces)
};
std::optional<MtlMap> ParseMtlMap(std::string_view line);

// The files an OBJ references (`mtllib`) or an MTL references (map_Kd, map_Ks, map_d, bump ...),
// as written in the file.
std::vector<std::string> ObjMaterialLibraries(std::string_view obj_text);
std::vector<std::string> MtlTextureMaps(std::string_view mtl_text);

}  // namespace scenecraft
