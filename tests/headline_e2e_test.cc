// Issue 15: one headline per story in every view. The labelled sets and the seeds (read from
// ../shared, never copied here) are ingested into one store as a new user would; the list
// (`stories --json`, what search and the API list show) and the story's digest JSON (`show
// --format json`, `/api/stories/{id}`, the page) must give every story the same headline, and
// no headline may be page furniture.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "adapters/service/open_store.h"
#include "adapters/service/stored_story_digest.h"
#include "cli_runner.h"
#include "storydesk/digest/headline.h"
#include "temp_dir.h"

namespace storydesk::testing {
namespace {

const std::filesystem::path kShared = std::filesystem::path(STORYDESK_SHARED_DIR);

TEST(HeadlineE2eTest, Issue15ListAndStoryJsonAgreeForEveryStory) {
  const std::vector<std::filesystem::path> inputs = {kShared / "data" / "allsides-dev" / "articles.jsonl",
                                                     kShared / "data" / "multinews-dev" / "articles.jsonl",
                                                     kShared / "seeds"};
  for (const auto& input : inputs) {
    if (!std::filesystem::exists(input)) {
      GTEST_SKIP() << "no " << input << ": the labelled data and seeds are not beside the repo";
    }
  }
  TempDir tmp;
  const auto db = tmp.path() / "s.db";
  std::string args = "--db " + Quote(db) + " ingest";
  for (const auto& input : inputs) args += " " + Quote(input);
  const CommandResult ingest = RunStorydesk(args);
  ASSERT_EQ(ingest.exit_code, 0) << ingest.err;

  const CommandResult listed = RunStorydesk("--db " + Quote(db) + " stories --json");
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const nlohmann::json list = nlohmann::json::parse(listed.out);
  ASSERT_GT(list.size(), 400u);

  auto store = service::OpenStore(db.string());
  ASSERT_TRUE(store.ok()) << store.status().message();
  size_t differ = 0, furniture = 0;
  for (const auto& s : list) {
    const std::string headline = s["headline"];
    auto digested = service::DigestStoredStory(*store.value(), s["id"].get<int64_t>());
    ASSERT_TRUE(digested.ok()) << digested.status().message();
    const nlohmann::json page = service::DigestJson(digested.value());
    if (page["headline"] != headline) {
      ++differ;
      ADD_FAILURE() << "story " << s["id"] << ": listed as \"" << headline << "\", shown as " << page["headline"];
    }
    if (headline.empty() || digest::IsFurnitureTitle(headline)) {
      ++furniture;
      ADD_FAILURE() << "story " << s["id"] << " goes by page furniture: \"" << headline << "\"";
    }
  }
  EXPECT_EQ(differ, 0u);
  EXPECT_EQ(furniture, 0u);
  // One sample through the binary's own JSON too.
  const CommandResult shown = RunStorydesk("--db " + Quote(db) + " show " + list[0]["id"].dump() + " --format json");
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_EQ(nlohmann::json::parse(shown.out)["headline"], list[0]["headline"]);
}

}  // namespace
}  // namespace storydesk::testing
