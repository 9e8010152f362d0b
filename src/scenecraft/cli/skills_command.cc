#include "scenecraft/cli/skills_command.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>

#include "scenecraft/agent/learn.h"
#include "scenecraft/agent/learn_blend.h"
#include "scenecraft/agent/library.h"
#include "scenecraft/cli/assets_command.h"
#include "scenecraft/cli/generate_flags.h"
#include "scenecraft/cli/llm_flags.h"
#include "scenecraft/llm/chat_client.h"
#include "scenecraft/llm/http_transport.h"
#include "scenecraft/skills/skill_json.h"
#include "scenecraft/skills/store.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"
#include "scenecraft/util/log.h"
#include "scenecraft/util/strings.h"
#include "scenecraft/util/usage_error.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

void Print(const std::string& text) {
  const std::string visible = EscapeControls(text);
  std::fwrite(visible.data(), 1, visible.size(), stdout);
}

std::string Line(const Skill& s) {
  return std::string(SkillKindName(s.kind)) + "\t" + s.key + "\tv" + std::to_string(s.version) +
         "\t" + s.provenance.origin + "\t" + SkillParamsToJson(s).dump() + "\n";
}

// The skills of a library file or of an exported JSON document, by "kind key".
std::map<std::string, Skill> SkillsOf(const std::string& source) {
  std::vector<Skill> skills;
  if (EndsWith(ToLower(source), ".json")) {
    skills = SkillsFromJsonText(ReadFile(source), source, /*with_version=*/true);
  } else {
    skills = SkillStore(source).Current();
  }
  std::map<std::string, Skill> out;
  for (Skill& s : skills) out[std::string(SkillKindName(s.kind)) + " " + s.key] = std::move(s);
  return out;
}

SkillsSubcommand AddSkills(CLI::App& root) {
  auto* app = root.add_subcommand("skills", "Look at and manage the spatial skill library");
  app->require_subcommand(1);
  auto library = std::make_shared<std::string>();
  app->add_option("--library", *library,
                  "Skill library file (default: skills.sqlite in the asset cache folder)");
  auto* list = app->add_subcommand("list", "The current version of every skill");
  auto* show = app->add_subcommand("show", "Every version of one skill and its update log");
  auto key = std::make_shared<std::string>();
  show->add_option("key", *key, "The skill's key (as `skills list` prints it)")->required();
  auto* diff = app->add_subcommand("diff", "What another library (file or export) has otherwise");
  auto other = std::make_shared<std::string>();
  diff->add_option("other", *other, "A library file or an exported .json")->required();
  auto* exp = app->add_subcommand("export", "Write the current skills as JSON");
  auto out = std::make_shared<std::string>();
  exp->add_option("-o,--out", *out, "Output file (default: standard output)");
  auto* imp = app->add_subcommand("import", "Add the skills of an exported JSON as new versions");
  auto in = std::make_shared<std::string>();
  imp->add_option("file", *in, "Exported skills (.json)")->required();
  auto* reset = app->add_subcommand("reset", "Delete every skill and the log; store the seed");
  auto* invalid = app->add_subcommand(
      "invalid", "Proposed updates that failed the skill schema (an LLM learner's), with why");
  for (CLI::App* sub : {list, show, diff, exp, imp, reset, invalid}) {
    sub->add_option("--library", *library, "Skill library file");
  }
  return {
      app, [=]() -> int {
        const fs::path path = LibraryPath(*library, AssetOptions{});
        if (reset->parsed()) {
          // A damaged file is replaced by a fresh library (its content is no use to anyone).
          try {
            SkillStore(path).Reset();
          } catch (const Error& e) {
            LogWarning(std::string(e.what()) + "; replacing the file");
            fs::path moved = path;
            moved += ".damaged";
            fs::rename(path, moved);
            LogInfo("kept the damaged file as " + moved.string());
            SkillStore fresh(path);
          }
          LogInfo("reset " + path.string() + " to the seed library");
          return 0;
        }
        SkillStore store(path);
        if (list->parsed()) {
          for (const Skill& s : store.Current()) Print(Line(s));
        } else if (invalid->parsed()) {
          for (const InvalidUpdate& u : store.InvalidLog()) {
            Print("invalid " + std::to_string(u.id) + " " + u.time + " " + u.origin + ": " +
                  u.reason + "\n\tproposed " + u.proposal + "\n");
          }
        } else if (show->parsed()) {
          bool found = false;
          for (SkillKind kind : {SkillKind::kRefinement, SkillKind::kMotif, SkillKind::kImplied}) {
            for (const Skill& s : store.History(kind, *key)) {
              found = true;
              Print(Line(s) + "\tprovenance " + ProvenanceToJson(s.provenance).dump() + "\n");
            }
          }
          for (const SkillUpdate& u : store.Log()) {
            if (u.candidate.key != *key) continue;
            found = true;
            Print("log " + std::to_string(u.id) + " " + u.time + " " +
                  (u.accepted ? "accepted v" + std::to_string(u.candidate.version)
                              : std::string("rejected")) +
                  ": " + u.reason + "\n");
          }
          if (!found) throw Error("skills show: no skill has the key '" + *key + "'");
        } else if (diff->parsed()) {
          std::map<std::string, Skill> mine;
          for (Skill& s : store.Current()) {
            mine[std::string(SkillKindName(s.kind)) + " " + s.key] = std::move(s);
          }
          const std::map<std::string, Skill> theirs = SkillsOf(*other);
          for (const auto& [k, s] : mine) {
            const auto it = theirs.find(k);
            if (it == theirs.end()) {
              Print("- " + Line(s));
            } else if (SkillParamsToJson(it->second) != SkillParamsToJson(s)) {
              Print("- " + Line(s) + "+ " + Line(it->second));
            }
          }
          for (const auto& [k, s] : theirs) {
            if (!mine.count(k)) Print("+ " + Line(s));
          }
        } else if (exp->parsed()) {
          const std::string text = SkillsToJsonText(store.Current());
          if (out->empty()) {
            Print(text);
          } else {
            WriteFileAtomic(*out, text);
          }
        } else if (imp->parsed()) {
          // Checked like any outside data: every problem is reported before anything is stored.
          const std::vector<Skill> skills =
              SkillsFromJsonText(ReadFile(*in), *in, /*with_version=*/false);
          for (Skill s : skills) {
            s.provenance.origin = "import";
            const int v =
                store.Record(s, true, "imported from " + fs::path(*in).filename().string());
            LogInfo("imported " + std::string(SkillKindName(s.kind)) + " " + s.key + " v" +
                    std::to_string(v));
          }
        }
        return 0;
      }};
}

SkillsSubcommand AddLearn(CLI::App& root) {
  auto* app = root.add_subcommand(
      "learn",
      "Learn spatial skills from a corpus through the inner loop (or from hand-arranged scenes)");
  auto corpus = std::make_shared<std::string>();
  auto scenes = std::make_shared<std::string>();
  auto options = std::make_shared<LearnOptions>();
  auto library = std::make_shared<std::string>();
  auto work = std::make_shared<std::string>("out/learn");
  auto blends = std::make_shared<std::string>();
  app->add_option("corpus", *corpus, "JSONL prompts (shared/corpus or batch format)");
  app->add_option("--from-scenes", *scenes, "Folder of hand-arranged scene JSON files");
  app->add_option("--from-blend", *blends,
                  "Folder of hand-arranged .blend files (read through Blender; -o holds its "
                  "scratch files)");
  app->add_option("--library", *library, "Skill library file (default: in the cache folder)");
  app->add_option("-o,--out", *work, "Folder for the scenes the learner builds")
      ->capture_default_str();
  AddLoopFlags(app, &options->generate);
  AddBlenderFlags(app, &options->generate.blender);
  app->add_option("--min-queries", options->consensus.min_queries,
                  "Fewest queries that must agree before a parameter moves (at least 2)")
      ->capture_default_str();
  auto llm = std::make_shared<BackendOptions>();
  AddLlmFlags(app, llm.get(), /*with_critic=*/true);
  auto asset_flags = std::make_shared<AssetFlags>();
  AddAssetFlags(app, asset_flags.get());
  // Learning runs at preview quality: the final render is the preview's.
  options->generate.final_render = options->generate.preview;
  return {app, [=]() -> int {
            if (static_cast<int>(!corpus->empty()) + static_cast<int>(!scenes->empty()) +
                    static_cast<int>(!blends->empty()) !=
                1) {
              throw UsageError(
                  "learn: give one of a corpus (JSONL), --from-scenes DIR or --from-blend DIR");
            }
            options->library = *library;
            options->work_dir = *work;
            ApplyAssetFlags(*asset_flags, &options->generate.assets);
            try {
              options->Check();
            } catch (const Error& e) {
              throw UsageError(e.what());
            }
            LearnReport report;
            if (!scenes->empty()) {
              report = LearnFromScenes(*scenes, *options);
            } else if (!blends->empty()) {
              RealProcessLauncher launcher;
              report = LearnFromBlends(*blends, *options, launcher);
            } else {
              const std::vector<BatchItem> items =
                  ParseBatchPrompts(ReadFile(*corpus), *corpus, 1, options->generate.seed);
              RealProcessLauncher launcher;
              Backends backends(*llm);
              // With --planner llm the model is also the library learner (agent/learn_llm.h).
              std::unique_ptr<CurlTransport> transport;
              std::unique_ptr<ChatClient> learner;
              if (llm->planner == "llm") {
                transport = std::make_unique<CurlTransport>();
                learner = std::make_unique<ChatClient>(ResolveLlmOptions(*llm), transport.get());
                options->learner = learner.get();
              }
              report = LearnFromCorpus(items, *options, backends, launcher,
                                       [](const std::string& line) { LogInfo(line); });
              options->learner = nullptr;
            }
            Print(report.ToString());
            return 0;
          }};
}

}  // namespace

std::vector<SkillsSubcommand> AddSkillsCommands(CLI::App& root) {
  return {AddSkills(root), AddLearn(root)};
}

}  // namespace scenecraft
