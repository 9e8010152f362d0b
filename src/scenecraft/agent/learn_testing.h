// Set-up shared by the learner's tests that run Blender (agent/learn_integration_test.cc,
// agent/learn_llm_test.cc): a scratch folder named after the test and the process, learn options
// at a tiny Workbench preview with procedural models, the offline backends and the real process
// launcher; and corpus items made of scene JSON documents.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "scenecraft/agent/learn.h"
#include "scenecraft/util/subprocess.h"

namespace scenecraft {

struct LearnTestBed {
  // `name` names the scratch folder; `rounds`: the inner loop's rounds per query.
  explicit LearnTestBed(const std::string& name, int rounds = 0)
      : dir(std::filesystem::temp_directory_path() /
            ("scenecraft-" + name + "-" + std::to_string(getpid()))) {
    std::filesystem::remove_all(dir);
    options.library = dir / "lib.sqlite";
    options.work_dir = dir / "work";
    options.generate.rounds = rounds;
    options.generate.preview = {"workbench", 1, 160, 120};
    options.generate.final_render = options.generate.preview;
    options.generate.assets.sources = {"procedural"};
  }
  ~LearnTestBed() { std::filesystem::remove_all(dir); }
  LearnTestBed(const LearnTestBed&) = delete;
  LearnTestBed& operator=(const LearnTestBed&) = delete;

  // The generate options of one query outside the learner (forced into a fresh folder).
  GenerateOptions Generating(bool use_library) const {
    GenerateOptions o = options.generate;
    o.use_library = use_library;
    o.force = true;
    return o;
  }

  std::filesystem::path dir;
  LearnOptions options;
  BackendOptions backend_options;
  Backends backends{backend_options};
  RealProcessLauncher launcher;
};

// Corpus items "<prefix>0", "<prefix>1", ...: scene JSON documents, or with `prompts` English
// prompts.
inline std::vector<BatchItem> Items(const std::string& prefix,
                                    const std::vector<std::string>& texts, bool prompts = false) {
  std::vector<BatchItem> items;
  for (size_t k = 0; k < texts.size(); ++k) {
    BatchItem item;
    item.id = prefix + std::to_string(k);
    (prompts ? item.prompt : item.scene_json) = texts[k];
    items.push_back(item);
  }
  return items;
}

}  // namespace scenecraft
