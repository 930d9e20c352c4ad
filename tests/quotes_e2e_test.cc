// Issue 17: `storydesk quotes` and `storydesk tag FILE` on the seeds, as a reader checks them,
// and on bad input.
#include <gtest/gtest.h>

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

// The attribution whose text holds `words`, or null.
const nlohmann::json* WithText(const std::vector<nlohmann::json>& found, const std::string& words) {
  for (const nlohmann::json& a : found) {
    if (a["text"].get<std::string>().find(words) != std::string::npos) return &a;
  }
  return nullptr;
}

TEST(QuotesE2eTest, TheSeedsQuotesAreAttributedToWhoSaidThem) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no " << kSeeds << ": the seeds are not beside the repo";
  const std::filesystem::path seed000 = Seed("000_"), seed002 = Seed("002_");
  const CommandResult run = RunStorydesk("quotes --format json " + Quote(seed000));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::vector<nlohmann::json> found = JsonLines(run.out);
  const nlohmann::json* ready = WithText(found, "I continue to stand ready to meet");
  ASSERT_NE(ready, nullptr) << run.out;
  EXPECT_EQ((*ready)["kind"], "direct");
  EXPECT_EQ((*ready)["speaker"], "Sung Kim") << "\"Kim said\": the envoy named in full before";
  EXPECT_EQ((*ready)["cue"], "said");
  const nlohmann::json* intent = WithText(found, "does not have hostile intent toward (North Korea)");
  ASSERT_NE(intent, nullptr);
  EXPECT_EQ((*intent)["speaker"], "Sung Kim");
  EXPECT_EQ((*intent)["cue"], "told");
  // Offsets are code points into the file as read (the seed has bullets "•" before it).
  const std::string text = ReadFile(seed000);
  size_t byte = 0;
  for (size_t points = 0; points < (*ready)["start"].get<size_t>() && byte < text.size(); ++points) {
    do ++byte;
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80);
  }
  EXPECT_EQ(text.substr(byte, 3), "\"I ");

  const CommandResult second = RunStorydesk("quotes --format json " + Quote(seed002));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::vector<nlohmann::json> found002 = JsonLines(second.out);
  const nlohmann::json* pledge = WithText(found002, "strengthen his country");
  ASSERT_NE(pledge, nullptr) << second.out;
  EXPECT_EQ((*pledge)["speaker"], "Kim Jong Un") << "the Kim the text is about at that point, not the envoy";
}

TEST(QuotesE2eTest, TheSeedStorysDigestListsItsPeopleAndEachQuoteOnceWithBothWordings) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no " << kSeeds << ": the seeds are not beside the repo";
  TempDir tmp;
  const std::string db = "--db " + Quote(tmp.path() / "s.db") + " ";
  ASSERT_EQ(RunStorydesk(db + "ingest " + Quote(kSeeds)).exit_code, 0);
  const CommandResult show = RunStorydesk(db + "show 1 --format json");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  const nlohmann::json d = nlohmann::json::parse(show.out);
  const std::string a000 = Seed("000_").stem().string(), a002 = Seed("002_").stem().string();
  auto person = [&](const std::string& name) -> const nlohmann::json* {
    for (const nlohmann::json& e : d["entities"]) {
      if (e["name"] == name) return &e;
    }
    return nullptr;
  };
  const nlohmann::json* sung_kim = person("Sung Kim");
  ASSERT_NE(sung_kim, nullptr) << d["entities"].dump();
  EXPECT_EQ((*sung_kim)["type"], "person");
  EXPECT_FALSE((*sung_kim)["roles"].empty());
  const nlohmann::json* noh = person("Noh Kyu-duk");
  ASSERT_NE(noh, nullptr);
  EXPECT_EQ((*noh)["roles"], nlohmann::json::array({"senior South Korean diplomat"}));
  ASSERT_NE(person("Kim Jong Un"), nullptr);
  EXPECT_EQ((*person("Kim Jong Un"))["roles"], nlohmann::json::array({"North Korean leader"}));

  // The two quotes both articles report, each one quote with both wordings, by the envoy.
  auto quote = [&](const std::string& words) -> const nlohmann::json* {
    for (const nlohmann::json& q : d["quotes"]) {
      if (q["text"].get<std::string>().find(words) != std::string::npos) return &q;
    }
    return nullptr;
  };
  for (const std::string& words :
       {std::string("does not have hostile intent toward"), std::string("I continue to stand ready to meet")}) {
    const nlohmann::json* q = quote(words);
    ASSERT_NE(q, nullptr) << words << "\n" << d["quotes"].dump();
    EXPECT_EQ((*q)["speaker"], "Sung Kim") << words;
    EXPECT_EQ((*q)["kind"], "direct");
    ASSERT_EQ((*q)["variants"].size(), 2u) << words << ": " << (*q).dump();
    EXPECT_EQ((*q)["variants"][0]["article"], a000);
    EXPECT_EQ((*q)["variants"][1]["article"], a002);
  }
  const nlohmann::json* pledge = quote("strengthen his country");
  ASSERT_NE(pledge, nullptr);
  EXPECT_EQ((*pledge)["speaker"], "Kim Jong Un");
}

TEST(QuotesE2eTest, StoriesCanBeListedByWhomTheyName) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no " << kSeeds << ": the seeds are not beside the repo";
  TempDir tmp;
  const std::string db = "--db " + Quote(tmp.path() / "s.db") + " ";
  ASSERT_EQ(RunStorydesk(db + "ingest " + Quote(kSeeds)).exit_code, 0);
  const CommandResult kim = RunStorydesk(db + "stories --json --entity 'Sung Kim'");
  ASSERT_EQ(kim.exit_code, 0) << kim.err;
  const nlohmann::json listed = nlohmann::json::parse(kim.out);
  ASSERT_EQ(listed.size(), 1u) << kim.out;
  EXPECT_EQ(listed[0]["id"], 1);
  const CommandResult nobody = RunStorydesk(db + "stories --entity 'Odile Fenwright'");
  EXPECT_EQ(nobody.exit_code, 0) << nobody.err;
  EXPECT_EQ(nobody.out, "no stories\n");
  const CommandResult bad = RunStorydesk(db + "stories --entity '!!!'");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("--entity: a name needs a letter or a digit"), std::string::npos) << bad.err;
}

TEST(QuotesE2eTest, TagListsTheNamesOfATextFile) {
  TempDir tmp;
  const auto file = tmp.Write("a.txt", "Foreign Minister Chung Eui-yong met US envoy Sung Kim in Seoul on Sunday.\n");
  const CommandResult run = RunStorydesk("tag --format json " + Quote(file));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  bool seoul = false;
  for (const nlohmann::json& n : JsonLines(run.out)) {
    if (n["text"] == "Seoul") seoul = n["type"] == "LOC" && n["start"] == 57 && n["end"] == 62;
  }
  EXPECT_TRUE(seoul) << run.out;
}

TEST(QuotesE2eTest, EntitiesLinksEachNameAndPronounOfTheSeedsToItsPerson) {
  if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no " << kSeeds << ": the seeds are not beside the repo";
  const CommandResult run = RunStorydesk("entities --format json " + Quote(kSeeds));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const std::string a000 = Seed("000_").stem().string(), a002 = Seed("002_").stem().string();
  size_t envoy_000 = 0, envoy_002 = 0, leader = 0, pronouns = 0;
  for (const nlohmann::json& m : JsonLines(run.out)) {
    ASSERT_LT(m["start"].get<size_t>(), m["end"].get<size_t>());
    const std::string text = m["text"], entity = m["entity"];
    if (m["pronoun"].get<bool>()) {
      ++pronouns;
      continue;
    }
    if (entity == "Sung Kim") {
      EXPECT_TRUE(text == "Sung Kim" || text == "Kim") << text;
      (m["article"] == a000 ? envoy_000 : envoy_002) += 1;
    }
    if (entity == "Kim Jong Un") {
      EXPECT_TRUE(text == "Kim Jong Un" || text == "Kim") << text;
      EXPECT_EQ(m["article"], a002);
      ++leader;
    }
  }
  EXPECT_GE(envoy_000, 3u) << run.out;
  EXPECT_GE(envoy_002, 2u);
  EXPECT_GE(leader, 2u) << "002's \"Kim\" after Kim Jong Un is the leader";
  EXPECT_GT(pronouns, 0u);

  const CommandResult listing = RunStorydesk("entities " + Quote(kSeeds));
  ASSERT_EQ(listing.exit_code, 0) << listing.err;
  EXPECT_NE(listing.out.find("Sung Kim"), std::string::npos);
  EXPECT_NE(listing.out.find("US Special Representative for North Korea"), std::string::npos) << listing.out;

  const CommandResult without = RunStorydesk("digest --no-people " + Quote(kSeeds));
  ASSERT_EQ(without.exit_code, 0) << without.err;
  const nlohmann::json d = nlohmann::json::parse(JsonLines(without.out).at(0).dump());
  EXPECT_TRUE(d["entities"].empty());
  EXPECT_TRUE(d["quotes"].empty());
  EXPECT_FALSE(d["bullets"].empty());
}

TEST(QuotesE2eTest, EntitiesOnBadInputNamesTheFileAndLine) {
  TempDir tmp;
  const auto bad = tmp.Write("bad.jsonl", "{\"id\": \"a\", \"text\": \"Sung Kim spoke.\"}\n{not json\n");
  const CommandResult run = RunStorydesk("entities " + Quote(bad));
  EXPECT_NE(run.exit_code, 0);
  EXPECT_NE(run.err.find("bad.jsonl:2"), std::string::npos) << run.err;
  const CommandResult missing = RunStorydesk("entities " + Quote(tmp.path() / "none.jsonl"));
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("none.jsonl"), std::string::npos) << missing.err;
}

TEST(QuotesE2eTest, BadInputIsOneLineNamingTheFile) {
  TempDir tmp;
  const auto binary = tmp.Write("bad.txt", std::string("\"Fine,\" he said. \xff\xfe"));
  for (const std::string& verb : std::vector<std::string>{"quotes", "tag"}) {
    std::string args = verb;
    args += ' ';
    args += Quote(binary);
    const CommandResult run = RunStorydesk(args);
    EXPECT_NE(run.exit_code, 0) << verb;
    EXPECT_NE(run.err.find("bad.txt: not UTF-8 at byte 17"), std::string::npos) << verb << ": " << run.err;
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "one line";
  }
  const CommandResult missing = RunStorydesk("quotes " + Quote(tmp.path() / "none.txt"));
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("none.txt"), std::string::npos) << missing.err;
  const CommandResult date = RunStorydesk("quotes --published 2021-13-01 " + Quote(binary));
  EXPECT_NE(date.exit_code, 0);
  EXPECT_NE(date.err.find("--published"), std::string::npos) << date.err;
  const auto empty = tmp.Write("empty.txt", "");
  const CommandResult none = RunStorydesk("quotes --format json " + Quote(empty));
  EXPECT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(none.out, "");
}

}  // namespace
}  // namespace storydesk::testing
