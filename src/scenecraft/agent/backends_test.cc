// The backend options: precedence of flags, config file and environment, the budget syntax, and the
// choice of backends (offline stays the default and needs no model).
#include "scenecraft/agent/backends.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "scenecraft/util/error.h"
#include "scenecraft/util/files.h"

namespace scenecraft {
namespace {

namespace fs = std::filesystem;

class BackendOptionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("scenecraft_llm_flags_test_" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    setenv("XDG_CONFIG_HOME", (dir_ / "config").c_str(), 1);
    unsetenv("SCENECRAFT_API_KEY");
    unsetenv("OPENAI_API_KEY");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(BackendOptionsTest, FlagsOverrideTheConfigFileWhichOverridesDefaults) {
  WriteFileAtomic(dir_ / "llm.json",
                  R"({"url": "http://config.test/v1", "model": "from-config", "max_calls": 7})");
  BackendOptions flags;
  flags.config = (dir_ / "llm.json").string();
  flags.model = "from-flag";
  const LlmOptions o = ResolveLlmOptions(flags);
  EXPECT_EQ(o.url, "http://config.test/v1");
  EXPECT_EQ(o.model, "from-flag");
  EXPECT_EQ(o.max_calls, 7);
  EXPECT_TRUE(o.use_cache);
}

TEST_F(BackendOptionsTest, DefaultConfigFileIsReadFromXdgConfigHome) {
  WriteFileAtomic(dir_ / "config" / "scenecraft" / "llm.json", R"({"model": "xdg-model"})");
  EXPECT_EQ(ResolveLlmOptions(BackendOptions{}).model, "xdg-model");
}

TEST_F(BackendOptionsTest, KeyComesFromScenecraftThenOpenAiVariable) {
  BackendOptions flags;
  flags.model = "m";
  setenv("OPENAI_API_KEY", "sk-openai", 1);
  EXPECT_EQ(ResolveLlmOptions(flags).api_key, "sk-openai");
  setenv("SCENECRAFT_API_KEY", "sk-scenecraft", 1);
  EXPECT_EQ(ResolveLlmOptions(flags).api_key, "sk-scenecraft");
  unsetenv("SCENECRAFT_API_KEY");
  unsetenv("OPENAI_API_KEY");
}

TEST_F(BackendOptionsTest, BudgetTakesCallsOrKeyValuePairs) {
  BackendOptions flags;
  flags.model = "m";
  flags.budget = "12";
  EXPECT_EQ(ResolveLlmOptions(flags).max_calls, 12);
  flags.budget = "calls=3,tokens=5000,seconds=90";
  const LlmOptions o = ResolveLlmOptions(flags);
  EXPECT_EQ(o.max_calls, 3);
  EXPECT_EQ(o.max_tokens, 5000);
  EXPECT_EQ(o.time_budget_s, 90);
  flags.budget = "minutes=3";
  EXPECT_THROW(ResolveLlmOptions(flags), Error);
  flags.budget = "calls=-1";
  EXPECT_THROW(ResolveLlmOptions(flags), Error);
}

TEST_F(BackendOptionsTest, OfflineNeedsNoModelAndBadChoicesAreNamed) {
  Backends offline(BackendOptions{});
  EXPECT_NO_THROW(offline.planner());
  BackendOptions llm;
  llm.planner = "llm";
  try {
    Backends b(llm);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("--llm-model"), std::string::npos) << e.what();
  }
  BackendOptions bad;
  bad.critic = "human";
  EXPECT_THROW(Backends{bad}, Error);
}

}  // namespace
}  // namespace scenecraft
