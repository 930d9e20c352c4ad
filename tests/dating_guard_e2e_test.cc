// Issue 15, the grouping guard: the seeds (two dated 2021 reports of one story) ingested with
// allsides-dev (dated) and multinews-dev (undated, 2017-2018 articles on some of the same
// topics) into one store. The seeds' story took in five undated multinews articles (an Olympic
// team, a missile launch) on shared words alone; it must hold the two seeds only, whatever the
// order of ingestion, and in memory (`cluster`) too. Reads ../shared (never copied into the
// repo); skips when it is absent.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "cli_runner.h"

namespace storydesk::testing {
namespace {

const std::filesystem::path kShared = STORYDESK_SHARED_DIR;
const std::filesystem::path kSeeds = kShared / "seeds";
const std::filesystem::path kAllSides = kShared / "data" / "allsides-dev" / "articles.jsonl";
const std::filesystem::path kMultiNews = kShared / "data" / "multinews-dev" / "articles.jsonl";

bool IsSeed(const std::string& id) { return id.rfind("000_", 0) == 0 || id.rfind("002_", 0) == 0; }

// The ids sharing a story with a seed, from {"id", "story"} lines (export or cluster).
std::set<std::string> SeedStoryMembers(const std::string& lines) {
  const std::vector<nlohmann::json> rows = JsonLines(lines);
  std::set<int64_t> stories;
  for (const auto& r : rows) {
    if (IsSeed(r["id"].get<std::string>())) stories.insert(r["story"].get<int64_t>());
  }
  std::set<std::string> members;
  for (const auto& r : rows) {
    if (stories.count(r["story"].get<int64_t>())) members.insert(r["id"].get<std::string>());
  }
  EXPECT_EQ(stories.size(), 1u) << "the two seeds are one story";
  return members;
}

class SeedsAmongOtherDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto& p : {kSeeds, kAllSides, kMultiNews}) {
      if (!std::filesystem::exists(p)) GTEST_SKIP() << "no " << p << ": the shared data is not beside the repo";
    }
  }
  static void ExpectOnlyTheSeeds(const std::set<std::string>& members) {
    EXPECT_EQ(members.size(), 2u) << "the seeds' story: " << ::testing::PrintToString(members);
    for (const std::string& id : members) EXPECT_TRUE(IsSeed(id)) << id << " joined the seeds' story";
  }
  TempDir tmp_;
};

TEST_F(SeedsAmongOtherDataTest, OneIngestKeepsTheSeedsStoryToTheSeeds) {
  const std::string db = Quote(tmp_.path() / "one.db");
  const CommandResult in =
      RunStorydesk("--db " + db + " ingest " + Quote(kSeeds) + " " + Quote(kAllSides) + " " + Quote(kMultiNews));
  ASSERT_EQ(in.exit_code, 0) << in.err;
  const CommandResult out = RunStorydesk("--db " + db + " export");
  ASSERT_EQ(out.exit_code, 0) << out.err;
  ExpectOnlyTheSeeds(SeedStoryMembers(out.out));
}

TEST_F(SeedsAmongOtherDataTest, SeedsFirstOrLastKeepTheirStoryToThemselves) {
  for (const bool seeds_first : {true, false}) {
    SCOPED_TRACE(seeds_first ? "seeds first" : "seeds last");
    const std::string db = Quote(tmp_.path() / (seeds_first ? "first.db" : "last.db"));
    const std::string seeds = Quote(kSeeds);
    const std::string others = Quote(kAllSides) + " " + Quote(kMultiNews);
    const std::string ingest = "--db " + db + " ingest ";
    for (const std::string& paths : seeds_first ? std::vector{seeds, others} : std::vector{others, seeds}) {
      const CommandResult in = RunStorydesk(ingest + paths);
      ASSERT_EQ(in.exit_code, 0) << in.err;
    }
    const CommandResult out = RunStorydesk("--db " + db + " export");
    ASSERT_EQ(out.exit_code, 0) << out.err;
    ExpectOnlyTheSeeds(SeedStoryMembers(out.out));
  }
}

TEST_F(SeedsAmongOtherDataTest, InMemoryClusteringKeepsTheSeedsStoryToTheSeeds) {
  const CommandResult r = RunStorydesk("cluster " + Quote(kSeeds) + " " + Quote(kAllSides) + " " + Quote(kMultiNews));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ExpectOnlyTheSeeds(SeedStoryMembers(r.out));
}

}  // namespace
}  // namespace storydesk::testing
