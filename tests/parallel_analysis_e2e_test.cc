// Issue 16: analysing on many threads decides nothing differently. `ingest` and `cluster` with
// --threads 1 and --threads 4 over real sets (read from ../shared, never copied here) must give
// byte-identical exports, story lists and cluster output.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "temp_dir.h"

namespace storydesk::testing {
namespace {

const std::filesystem::path kShared = std::filesystem::path(STORYDESK_SHARED_DIR);

std::vector<std::filesystem::path> RealSets() {
  return {kShared / "data" / "allsides-dev" / "articles.jsonl", kShared / "data" / "multinews-dev" / "articles.jsonl",
          kShared / "seeds"};
}

TEST(ParallelAnalysisE2eTest, IngestStoresTheSameWhateverTheThreads) {
  for (const auto& input : RealSets()) {
    if (!std::filesystem::exists(input)) GTEST_SKIP() << "no " << input << ": the data sets are not beside the repo";
  }
  TempDir tmp;
  std::vector<std::string> exports, lists;
  for (const int threads : {1, 4}) {
    const auto db = tmp.path() / ("t" + std::to_string(threads) + ".db");
    std::string args = "--db " + Quote(db) + " ingest --threads " + std::to_string(threads);
    for (const auto& input : RealSets()) args += " " + Quote(input);
    const CommandResult ingest = RunStorydesk(args);
    ASSERT_EQ(ingest.exit_code, 0) << ingest.err;
    const CommandResult exported = RunStorydesk("--db " + Quote(db) + " export");
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
    const CommandResult listed = RunStorydesk("--db " + Quote(db) + " stories --json");
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    exports.push_back(exported.out);
    lists.push_back(listed.out);
  }
  ASSERT_GT(exports[0].size(), 50000u);  // every article decided, not an early failure
  EXPECT_TRUE(exports[0] == exports[1]) << "exports differ between --threads 1 and --threads 4";
  EXPECT_TRUE(lists[0] == lists[1]) << "story lists differ between --threads 1 and --threads 4";
}

TEST(ParallelAnalysisE2eTest, ClusterPrintsTheSameWhateverTheThreads) {
  const auto input = kShared / "data" / "allsides-dev" / "articles.jsonl";
  if (!std::filesystem::exists(input)) GTEST_SKIP() << "no " << input << ": the data sets are not beside the repo";
  const CommandResult one = RunStorydesk("cluster --threads 1 " + Quote(input));
  const CommandResult four = RunStorydesk("cluster --threads 4 " + Quote(input));
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(four.exit_code, 0) << four.err;
  ASSERT_GT(one.out.size(), 10000u);
  EXPECT_TRUE(one.out == four.out) << "cluster output differs between --threads 1 and --threads 4";
}

}  // namespace
}  // namespace storydesk::testing
