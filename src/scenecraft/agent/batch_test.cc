// Unit tests of batch generation at its seams: the prompts file, the plan, the manifest, the worker
// with a fake scene runner, the status, and the Slurm script with a fake sbatch. The real Blender
// and the real Slurm are exercised by the integration tests.
#include "scenecraft/agent/batch.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "scenecraft/agent/batch_run.h"
#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {
namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("scenecraft_batch_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

TEST(BatchInput, ReadsPromptsScenesAndStrings) {
  const std::string text =
      "{\"id\": \"desk\", \"prompt\": \"A lamp on a desk.\", \"seed\": 7, \"rounds\": 0}\n"
      "\n"
      "\"A chair.\"\n"
      "{\"id\": \"s1\", \"scene\": {\"schema\": 1, \"objects\": []}}\n"
      "{\"id\": \"dev01\", \"prompt\": \"A bed.\", \"counts\": {\"bed\": 1}, \"relations\": []}\n";
  const std::vector<BatchItem> items = ParseBatchPrompts(text, "p.jsonl", 1, 3);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].id, "desk");
  EXPECT_EQ(items[0].seed, 7u);
  EXPECT_EQ(items[0].rounds, 0);
  EXPECT_EQ(items[1].id, "line-00003");
  EXPECT_EQ(items[1].prompt, "A chair.");
  EXPECT_EQ(items[1].seed, 3u);
  EXPECT_EQ(items[2].id, "s1");
  EXPECT_NE(items[2].scene_json.find("\"schema\":1"), std::string::npos);
  EXPECT_TRUE(items[2].prompt.empty());
  EXPECT_EQ(items[3].id, "dev01");
  for (const BatchItem& item : items) EXPECT_EQ(item.error, "") << item.id;
}

TEST(BatchInput, BadLineFailsOnlyItself) {
  const std::string text =
      "{\"prompt\": \"A lamp.\"}\n"
      "{\"prompt\": \"unterminated\n"
      "{\"prompt\": \"A desk.\", \"colour\": \"red\"}\n"
      "{\"prompt\": \"A desk.\", \"scene\": {}}\n"
      "{\"id\": \"../etc\", \"prompt\": \"A desk.\"}\n"
      "{\"id\": \"a\", \"prompt\": \"A.\"}\n"
      "{\"id\": \"a\", \"prompt\": \"B.\"}\n"
      "{\"prompt\": \"   \"}\n";
  const std::vector<BatchItem> items = ParseBatchPrompts(text, "p.jsonl", 1, 1);
  ASSERT_EQ(items.size(), 8u);
  EXPECT_EQ(items[0].error, "");
  EXPECT_NE(items[1].error.find("p.jsonl:2"), std::string::npos) << items[1].error;
  EXPECT_NE(items[1].error.find("invalid JSON"), std::string::npos) << items[1].error;
  EXPECT_NE(items[2].error.find("/colour"), std::string::npos) << items[2].error;
  EXPECT_NE(items[3].error.find("exactly one of"), std::string::npos) << items[3].error;
  EXPECT_NE(items[4].error.find("cannot name a folder"), std::string::npos) << items[4].error;
  EXPECT_EQ(items[4].id, "line-00005");  // a bad id never becomes a path
  EXPECT_EQ(items[5].error, "");
  EXPECT_NE(items[6].error.find("already used on line 6"), std::string::npos) << items[6].error;
  EXPECT_EQ(items[6].id, "line-00007");
  EXPECT_NE(items[7].error.find("blank"), std::string::npos) << items[7].error;
  std::set<std::string> ids;
  for (const BatchItem& item : items) EXPECT_TRUE(ids.insert(item.id).second) << item.id;
  EXPECT_THROW(ParseBatchPrompts("\n\n", "empty.jsonl", 1, 1), Error);
}

TEST(BatchInput, SeedsMakeVariations) {
  const std::vector<BatchItem> items = ParseBatchPrompts(
      "{\"id\": \"x\", \"prompt\": \"A desk.\", \"seed\": 10}\n\"A bed.\"\n", "p.jsonl", 3, 1);
  ASSERT_EQ(items.size(), 6u);
  EXPECT_EQ(items[0].id, "x-s0");
  EXPECT_EQ(items[2].id, "x-s2");
  EXPECT_EQ(items[2].seed, 12u);
  EXPECT_EQ(items[3].id, "line-00002-s0");
  EXPECT_EQ(items[5].seed, 3u);
}

TEST(BatchPlan, RoundTripsThroughTheOutputFolder) {
  const fs::path dir = TempDir("plan");
  BatchPlan plan;
  plan.prompts = "p.jsonl";
  plan.max_attempts = 5;
  plan.generate.rounds = 2;
  plan.generate.views = 3;
  plan.generate.final_render = {"workbench", 1, 160, 120};
  plan.generate.blender.blender = "/opt/blender/blender";
  plan.generate.assets.sources = {"sh3d", "procedural"};
  plan.items = ParseBatchPrompts(
      "{\"id\": \"a\", \"prompt\": \"A desk.\", \"rounds\": 1}\n{\"scene\": {\"schema\": 1}}\n"
      "not json\n",
      "p.jsonl", 1, 4);
  WriteBatchPlan(plan, dir);
  const BatchPlan read = ReadBatchPlan(dir);
  EXPECT_EQ(read.max_attempts, 5);
  EXPECT_EQ(read.generate.rounds, 2);
  EXPECT_EQ(read.generate.views, 3);
  EXPECT_EQ(read.generate.final_render.engine, "workbench");
  EXPECT_EQ(read.generate.final_render.width, 160);
  EXPECT_EQ(read.generate.blender.blender, "/opt/blender/blender");
  EXPECT_EQ(read.generate.assets.sources, (std::vector<std::string>{"sh3d", "procedural"}));
  ASSERT_EQ(read.items.size(), 3u);
  EXPECT_EQ(read.items[0].rounds, 1);
  EXPECT_EQ(read.items[0].seed, 4u);
  EXPECT_EQ(read.items[1].scene_json, plan.items[1].scene_json);
  EXPECT_EQ(read.items[2].error, plan.items[2].error);
  EXPECT_FALSE(read.items[2].error.empty());
  fs::remove_all(dir);
  EXPECT_THROW(ReadBatchPlan(dir), Error);
}

TEST(Manifest, AppendsWholeLinesAndReportsBrokenOnes) {
  const fs::path dir = TempDir("manifest");
  const fs::path manifest = ManifestPath(dir);
  ManifestRecord r;
  r.id = "a";
  r.status = "done";
  r.relations_passed = 3;
  r.relations_total = 4;
  r.timings = {{"plan", 0.5}};
  r.asset_sources = {{"procedural", 2}};
  r.outputs = {"render.png"};
  r.error = "line one\nline two";  // newlines stay inside the one line
  AppendManifestRecord(manifest, r);
  r.id = "b";
  r.status = "failed";
  AppendManifestRecord(manifest, r);
  {
    std::ofstream out(manifest, std::ios::app);
    out << "{\"id\": \"c\", \"status\": \"do";  // a torn line
  }
  const ManifestContents contents = ReadManifest(manifest);
  ASSERT_EQ(contents.records.size(), 2u);
  EXPECT_EQ(contents.records[0].id, "a");
  EXPECT_EQ(contents.records[0].error, "line one\nline two");
  EXPECT_DOUBLE_EQ(contents.records[0].PassRate(), 0.75);
  EXPECT_EQ(contents.records[0].asset_sources.at("procedural"), 2);
  ASSERT_EQ(contents.problems.size(), 1u);
  EXPECT_NE(contents.problems[0].find("manifest.jsonl:3"), std::string::npos);
  // "done" needs the folder too.
  auto progress = SummariseManifest(contents, dir);
  EXPECT_FALSE(progress.at("a").done);
  fs::create_directories(dir / "a");
  progress = SummariseManifest(contents, dir);
  EXPECT_TRUE(progress.at("a").done);
  EXPECT_FALSE(progress.at("b").done);
  EXPECT_EQ(progress.at("b").attempts, 1);
  fs::remove_all(dir);
}

// A scene runner that writes one file, and fails the ids it is told to.
struct FakeRunner {
  std::set<std::string> failing;
  std::vector<std::string> calls;
  SceneRunner Get() {
    return [this](const BatchItem& item, const fs::path& dir) {
      calls.push_back(item.id);
      WriteFileAtomic(dir / "scene.json", "{}");
      if (failing.count(item.id)) throw Error("Blender crashed (signal 11)");
      SceneOutcome outcome;
      outcome.exit_code = 3;
      outcome.relations_passed = 1;
      outcome.relations_total = 2;
      return outcome;
    };
  }
};

fs::path MakeBatch(const std::string& name, const std::string& prompts, int max_attempts) {
  const fs::path dir = TempDir(name);
  BatchPlan plan;
  plan.max_attempts = max_attempts;
  plan.items = ParseBatchPrompts(prompts, "p.jsonl", 1, 1);
  WriteBatchPlan(plan, dir);
  return dir;
}

TEST(BatchWorker, ResumesSkipsDoneAndRetriesFailedUpToTheLimit) {
  const fs::path dir =
      MakeBatch("resume",
                "{\"id\":\"a\",\"prompt\":\"A.\"}\n{\"id\":\"b\",\"prompt\":\"B.\"}\n"
                "{\"id\":\"c\",\"prompt\":\"C.\"}\nnot json\n",
                /*max_attempts=*/2);
  FakeRunner runner;
  runner.failing = {"b"};
  WorkerSummary s = RunBatchWorker(dir, runner.Get(), {});
  EXPECT_EQ(s.made, 2);
  EXPECT_EQ(s.failed, 2);  // b, and the bad line (which never reaches the runner)
  EXPECT_EQ(runner.calls, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(fs::exists(dir / "a" / "scene.json"));
  EXPECT_FALSE(fs::exists(dir / "b"));
  EXPECT_TRUE(fs::exists(dir / ".batch" / "failed" / "b.attempt1" / "scene.json"));

  // The second run retries only the failures; the third finds them out of attempts.
  runner.calls.clear();
  s = RunBatchWorker(dir, runner.Get(), {});
  EXPECT_EQ(runner.calls, (std::vector<std::string>{"b"}));
  EXPECT_EQ(s.skipped, 2);
  runner.calls.clear();
  runner.failing.clear();
  s = RunBatchWorker(dir, runner.Get(), {});
  EXPECT_TRUE(runner.calls.empty());

  const ManifestContents m = ReadManifest(ManifestPath(dir));
  EXPECT_TRUE(m.problems.empty());
  ASSERT_EQ(m.records.size(), 6u);
  EXPECT_EQ(m.records[0].outputs, (std::vector<std::string>{"scene.json"}));
  EXPECT_EQ(m.records[0].exit_code, 3);
  EXPECT_EQ(m.records[1].status, "failed");
  EXPECT_EQ(m.records[1].exit_code, 1);
  EXPECT_NE(m.records[1].error.find("signal 11"), std::string::npos);
  EXPECT_EQ(m.records[4].id, "b");
  EXPECT_EQ(m.records[4].attempt, 2);

  const BatchStatus status = ReadBatchStatus(dir);
  EXPECT_EQ(status.total, 4);
  EXPECT_EQ(status.done, 2);
  EXPECT_EQ(status.failed, 2);
  EXPECT_TRUE(status.Finished());
  EXPECT_DOUBLE_EQ(status.mean_pass_rate, 0.5);
  EXPECT_EQ(status.failures.size(), 2u);
  fs::remove_all(dir);
}

TEST(BatchWorker, WorkersOfOneRunTryAFailedSceneOnce) {
  const fs::path dir = MakeBatch("run", "{\"id\":\"b\",\"prompt\":\"B.\"}\n", 3);
  FakeRunner runner;
  runner.failing = {"b"};
  WorkerOptions options;
  options.run_id = "run-1";
  RunBatchWorker(dir, runner.Get(), options);  // the first worker fails it
  RunBatchWorker(dir, runner.Get(), options);  // a second worker of the same run leaves it
  EXPECT_EQ(runner.calls.size(), 1u);
  options.run_id = "run-2";
  RunBatchWorker(dir, runner.Get(), options);  // the next run retries it
  EXPECT_EQ(runner.calls.size(), 2u);
  EXPECT_EQ(ReadManifest(ManifestPath(dir)).records.back().run, "run-2");
  fs::remove_all(dir);
}

TEST(BatchWorker, HalfWrittenSceneNeverCountsAndIsMadeAgain) {
  const fs::path dir = MakeBatch("half", "{\"id\":\"a\",\"prompt\":\"A.\"}\n", 3);
  // A run killed after moving the folder in and before recording it.
  WriteFileAtomic(dir / "a" / "render.png", "partial");
  // A run killed in the middle of the scene.
  WriteFileAtomic(dir / ".batch" / "tmp" / "a" / "host.1" / "scene.py", "partial");
  EXPECT_EQ(ReadBatchStatus(dir).done, 0);
  FakeRunner runner;
  RunBatchWorker(dir, runner.Get(), {});
  EXPECT_EQ(runner.calls.size(), 1u);
  EXPECT_TRUE(fs::exists(dir / "a" / "scene.json"));
  EXPECT_FALSE(fs::exists(dir / "a" / "render.png"));
  EXPECT_TRUE(fs::exists(dir / ".batch" / "stale" / "a" / "render.png"));
  EXPECT_FALSE(fs::exists(dir / ".batch" / "tmp" / "a" / "host.1"));
  EXPECT_EQ(ReadBatchStatus(dir).done, 1);
  fs::remove_all(dir);
}

TEST(BatchWorker, SceneClaimedByAnotherWorkerIsSkipped) {
  const fs::path dir =
      MakeBatch("claim", "{\"id\":\"a\",\"prompt\":\"A.\"}\n{\"id\":\"b\",\"prompt\":\"B.\"}\n", 3);
  const fs::path lock = dir / ".batch" / "locks" / "a.lock";
  fs::create_directories(lock.parent_path());
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX), 0);
  // flock locks belong to the open file description, so a second open in this process conflicts
  // just as another process's would.
  EXPECT_EQ(ReadBatchStatus(dir).running, 1);
  FakeRunner runner;
  const WorkerSummary s = RunBatchWorker(dir, runner.Get(), {});
  EXPECT_EQ(runner.calls, (std::vector<std::string>{"b"}));
  EXPECT_EQ(s.skipped, 1);
  ::close(fd);
  fs::remove_all(dir);
}

TEST(BatchWorker, ShardsSplitTheItemsExactlyOnce) {
  const fs::path dir = MakeBatch("shards", "\"A.\"\n\"B.\"\n\"C.\"\n\"D.\"\n\"E.\"\n", 3);
  FakeRunner runner;
  for (int i = 0; i < 3; ++i) {
    WorkerOptions options;
    options.shard = ParseShard(std::to_string(i) + "/3");
    RunBatchWorker(dir, runner.Get(), options);
  }
  EXPECT_EQ(runner.calls.size(), 5u);
  EXPECT_EQ(std::set<std::string>(runner.calls.begin(), runner.calls.end()).size(), 5u);
  EXPECT_EQ(ReadBatchStatus(dir).done, 5);
  EXPECT_THROW(ParseShard("3/3"), Error);
  EXPECT_THROW(ParseShard("1"), Error);
  EXPECT_THROW(ParseShard("1/2x"), Error);
  fs::remove_all(dir);
}

TEST(BatchStatus, CountsRateAndDuplicates) {
  EXPECT_DOUBLE_EQ(SecondsBetweenUtc("2026-01-01T10:00:00.000Z", "2026-01-01T11:00:30.500Z"),
                   3630.5);
  const fs::path dir = MakeBatch("status", "\"A.\"\n\"B.\"\n\"C.\"\n", 3);
  ManifestRecord r;
  r.status = "done";
  r.started_utc = "2026-01-01T10:00:00.000Z";
  r.finished_utc = "2026-01-01T10:30:00.000Z";
  for (const char* id : {"line-00001", "line-00001"}) {
    r.id = id;
    AppendManifestRecord(ManifestPath(dir), r);
  }
  fs::create_directories(dir / "line-00001");
  const BatchStatus status = ReadBatchStatus(dir);
  EXPECT_EQ(status.done, 1);
  EXPECT_EQ(status.pending, 2);
  EXPECT_DOUBLE_EQ(status.scenes_per_hour, 4.0);  // two done records in half an hour
  EXPECT_DOUBLE_EQ(status.eta_s, 1800.0);
  ASSERT_EQ(status.problems.size(), 1u);
  EXPECT_NE(status.problems[0].find("recorded done 2 times"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Slurm, ScriptQuotesPathsAndKeepsThemOutOfDirectives) {
  SlurmOptions options;
  options.scenecraft = "/opt/scene craft/bin/scenecraft";
  options.partition = "gpu";
  options.max_running = 4;
  options.time_limit = "1:00:00";
  const std::string script = SlurmScript("/data/it's $(rm -rf ~)", options, 10);
  EXPECT_NE(script.find("#SBATCH --array=0-9%4\n"), std::string::npos) << script;
  EXPECT_NE(script.find("#SBATCH --requeue\n"), std::string::npos);
  EXPECT_NE(script.find("#SBATCH --partition=gpu\n"), std::string::npos);
  EXPECT_NE(script.find("--worker '/data/it'\\''s $(rm -rf ~)'"), std::string::npos) << script;
  EXPECT_NE(script.find("--shard \"${SLURM_ARRAY_TASK_ID}/10\""), std::string::npos);
  options.partition = "gpu\n#SBATCH --uid=0";
  EXPECT_THROW(options.Check(), Error);
  options.partition = "gpu";
  options.scenecraft = "scenecraft";
  EXPECT_THROW(options.Check(), Error);
}

TEST(Slurm, ShellQuoteSurvivesARealShell) {
  const std::string hostile = "a'b\"c $(echo no) `echo no` \\ ; | & * \n end";
  const fs::path dir = TempDir("quote");
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", "printf '%s' " + ShellQuote(hostile)};
  spec.log_path = dir / "out.txt";
  RealProcessLauncher launcher;
  ASSERT_TRUE(launcher.Run(spec).ok());
  EXPECT_EQ(ReadFile(spec.log_path), hostile);
  fs::remove_all(dir);
}

// sbatch as a fake: records the call, prints a job id or refuses.
class FakeSbatch : public ProcessLauncher {
 public:
  bool refuse = false;
  ProcessSpec last;
  ProcessResult Run(const ProcessSpec& spec) override {
    last = spec;
    WriteFileAtomic(spec.log_path,
                    refuse ? "sbatch: error: invalid partition specified: x\n" : "4242;cluster\n");
    ProcessResult r;
    r.started = true;
    r.exit_code = refuse ? 1 : 0;
    return r;
  }
};

TEST(Slurm, SubmitsTheScriptAndReadsTheJobId) {
  const fs::path dir = MakeBatch("submit", "\"A.\"\n\"B.\"\n", 3);
  SlurmOptions options;
  options.scenecraft = "/usr/bin/scenecraft";
  FakeSbatch sbatch;
  const SlurmSubmission job = SubmitSlurmBatch(dir, options, /*items=*/2, sbatch);
  EXPECT_EQ(job.job_id, "4242");
  EXPECT_EQ(job.tasks, 2);
  EXPECT_TRUE(fs::exists(job.script));
  ASSERT_EQ(sbatch.last.argv.size(), 4u);
  EXPECT_EQ(sbatch.last.argv[0], "sbatch");
  EXPECT_EQ(sbatch.last.argv[2], "--output=" + (dir / ".batch" / "slurm" / "%A_%a.log").string());
  sbatch.refuse = true;
  try {
    SubmitSlurmBatch(dir, options, 2, sbatch);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("invalid partition"), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace scenecraft
