// Issue 18: `storydesk timex` on the seeds, as a reader checks their dates, and on bad input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_runner.h"
#include "temp_dir.h"

namespace storydesk::testing {
namespace {

const std::filesystem::path kSeeds = std::filesystem::path(STORYDESK_SHARED_DIR) / "seeds";

std::filesystem::path Seed(const std::string& prefix) {
  for (const auto& entry : std::filesystem::directory_iterator(kSeeds)) {
    if (entry.path().filename().string().starts_with(prefix)) return entry.path();
  }
  return {};
}

// The value of the expression written `text`, or "(none)".
std::string ValueOf(const std::vector<nlohmann::json>& found, const std::string& text) {
  for (const nlohmann::json& t : found) {
    if (t["text"] == text) return t["value"].get<std::string>();
  }
  return "(none)";
}

TEST(TimexE2eTest, TheSeedsDatesResolveAgainstTheirDay) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no " << kSeeds << ": the seeds are not beside the repo";
  // Both seeds were written on Monday 2021-08-23.
  const CommandResult a = RunStorydesk("timex --format json --published 2021-08-23 " + Quote(Seed("000_")));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  const std::vector<nlohmann::json> found000 = JsonLines(a.out);
  EXPECT_EQ(ValueOf(found000, "Saturday"), "2021-08-21") << a.out;  // "arrived in Seoul on Saturday"
  EXPECT_EQ(ValueOf(found000, "Tuesday"), "2021-08-24") << a.out;   // "is expected to meet ... on Tuesday"
  EXPECT_EQ(ValueOf(found000, "16 August"), "2021-08-16") << a.out;
  for (const nlohmann::json& t : found000) {
    if (t["text"] == "nine-day") {
      EXPECT_EQ(t["type"], "DURATION");
    }
  }
  const CommandResult b = RunStorydesk("timex --format json --published 2021-08-23 " + Quote(Seed("002_")));
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_EQ(ValueOf(JsonLines(b.out), "last Monday"), "2021-08-16") << b.out;  // the day 000 calls 16 August
}

TEST(TimexE2eTest, TheSeedsStoryTimelineHasOneEntryForTheDayTheExerciseBegan) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no " << kSeeds << ": the seeds are not beside the repo";
  const CommandResult run = RunStorydesk("digest --format json " + Quote(kSeeds));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<nlohmann::json> stories = JsonLines(run.out);
  ASSERT_EQ(stories.size(), 1u) << run.out;
  const nlohmann::json& timeline = stories[0]["timeline"];
  std::vector<std::string> dates;
  for (const nlohmann::json& t : timeline) dates.push_back(t["date"].get<std::string>());
  EXPECT_TRUE(std::is_sorted(dates.begin(), dates.end())) << timeline.dump();
  // 000's "16 August" and 002's "last Monday": one entry citing both.
  size_t exercise = 0;
  for (const nlohmann::json& t : timeline) {
    if (t["date"] != "2021-08-16") continue;
    ++exercise;
    EXPECT_EQ(t["articles"].size(), 2u) << t.dump();
    EXPECT_EQ(t["precision"], "day");
  }
  EXPECT_EQ(exercise, 1u) << timeline.dump();
  for (const char* day : {"2021-08-21", "2021-08-22", "2021-08-23", "2021-08-24"}) {
    EXPECT_NE(std::find(dates.begin(), dates.end(), day), dates.end()) << day << " " << timeline.dump();
  }
}

TEST(TimexE2eTest, OffsetsAreCodePointsAndAMissingDateIsSaid) {
  TempDir dir;
  const std::filesystem::path file =
      dir.Write("note.txt", "\xe2\x80\x9cWe met on Tuesday,\xe2\x80\x9d she said in 2019.");
  const CommandResult run = RunStorydesk("timex --format json " + Quote(file));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<nlohmann::json> found = JsonLines(run.out);
  ASSERT_EQ(found.size(), 2u) << run.out;
  EXPECT_EQ(found[0]["start"], 11);  // after the one-code-point opening quote and "We met on "
  EXPECT_EQ(found[0]["value"], "");
  EXPECT_EQ(found[0]["anchored"], true);
  EXPECT_EQ(found[1]["value"], "2019");
  EXPECT_NE(run.err.find("--published"), std::string::npos) << "the unresolved ones are said to need the date";
}

TEST(TimexE2eTest, AStoryTimelineSaysWhichUndatedArticlesItCannotPlace) {
  TempDir dir;
  const std::filesystem::path file = dir.Write(
      "undated.jsonl",
      "{\"id\": \"u1\", \"source\": \"Blog\", \"text\": \"The harbour bridge closed on Tuesday after a ferry struck "
      "one of its piers. Engineers inspected the harbour bridge in 2019.\"}\n");
  const CommandResult json = RunStorydesk("digest --format json " + Quote(file));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const std::vector<nlohmann::json> stories = JsonLines(json.out);
  ASSERT_EQ(stories.size(), 1u) << json.out;
  EXPECT_EQ(stories[0]["timeline_unplaced"], nlohmann::json::array({"u1"})) << json.out;
  bool absolute = false;  // "in 2019" needs no publication date
  for (const nlohmann::json& t : stories[0]["timeline"]) absolute |= t["date"] == "2019";
  EXPECT_TRUE(absolute) << json.out;
  const std::string db = Quote(dir.path() / "store.db");
  ASSERT_EQ(RunStorydesk("--db " + db + " ingest " + Quote(file)).exit_code, 0);
  for (const std::string& command :
       {"digest --format markdown " + Quote(file), "digest --format html " + Quote(file), "--db " + db + " show 1"}) {
    const CommandResult run = RunStorydesk(command);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    std::string out = run.out;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    EXPECT_NE(out.find("not on the timeline"), std::string::npos) << command << ": " << run.out;
  }
}

TEST(TimexE2eTest, BadInputIsRefusedWithOneLine) {
  TempDir dir;
  const std::filesystem::path file = dir.Write("bad.txt", std::string("On Monday \xff\xfe"));
  const CommandResult bytes = RunStorydesk("timex " + Quote(file));
  EXPECT_NE(bytes.exit_code, 0);
  EXPECT_NE(bytes.err.find("bad.txt: not UTF-8 at byte 10"), std::string::npos) << bytes.err;
  const std::filesystem::path good = dir.Write("good.txt", "On Monday.");
  for (const char* date : {"2021-02-30", "23/08/2021", "yesterday"}) {
    const CommandResult run = RunStorydesk("timex --published " + std::string(date) + " " + Quote(good));
    EXPECT_NE(run.exit_code, 0) << date;
    EXPECT_NE(run.err.find("--published"), std::string::npos) << run.err;
  }
  const CommandResult missing = RunStorydesk("timex " + Quote(dir.path() / "none.txt"));
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("none.txt"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace storydesk::testing
