// The story digest through the binary: `digest` on the seed articles (the acceptance
// case), its Markdown and HTML forms, `show --format`, and `eval --summaries`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.h"

namespace storydesk::testing {
namespace {

const std::filesystem::path kSeeds = std::filesystem::path(STORYDESK_SHARED_DIR) / "seeds";

TEST(DigestCliTest, SeedsMakeOneStoryWhoseBulletsCiteBothWhereBothSayIt) {
  if (!std::filesystem::exists(kSeeds))
    GTEST_SKIP() << "no " << kSeeds << ": the seed articles are not beside the repo";
  const CommandResult r = RunStorydesk("digest " + Quote(kSeeds) + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto stories = JsonLines(r.out);
  ASSERT_EQ(stories.size(), 1u);
  const nlohmann::json& s = stories[0];
  EXPECT_EQ(s["schema"], 1);
  EXPECT_FALSE(s["headline"].get<std::string>().empty());
  EXPECT_EQ(s["first_published"], "2021-08-23");
  ASSERT_EQ(s["articles"].size(), 2u);
  std::string seed_002;
  for (const auto& a : s["articles"]) {
    if (a["id"].get<std::string>().rfind("002", 0) == 0) {
      seed_002 = a["id"];
      EXPECT_EQ(a["source"], "AP");
    }
    EXPECT_EQ(a["relation"], "original") << "the two reports are not copies";
    EXPECT_TRUE(a["copy_of"].is_null());
  }
  ASSERT_FALSE(seed_002.empty());

  ASSERT_GE(s["bullets"].size(), 3u);
  ASSERT_LE(s["bullets"].size(), 7u);
  size_t cited_by_both = 0;
  for (const auto& b : s["bullets"]) {
    ASSERT_FALSE(b["sources"].empty()) << b.dump();
    cited_by_both += b["sources"].size() == 2 ? 1 : 0;
  }
  // Both say, in other words, that the exercises are routine and defensive, that aid was
  // discussed, that Kim will meet the Russian deputy minister: some bullets cite both.
  EXPECT_GE(cited_by_both, 1u) << s["bullets"].dump(2);

  ASSERT_EQ(s["sources"].size(), 2u);
  // Each seed has points of its own (000 the Sunday meeting with the foreign minister, 002 the
  // history of the stalled talks), but "adds" lists only what the claim matcher is sure no
  // other source states — names the two share make it unsure of some: at least one is listed,
  // and none of the bullets both state is.
  size_t adds = 0;
  for (const auto& c : s["sources"]) adds += c["adds"].size();
  EXPECT_GE(adds, 1u) << s["sources"].dump(2);
  for (const auto& c : s["sources"]) {
    for (const auto& add : c["adds"]) {
      for (const auto& b : s["bullets"]) {
        if (b["sources"].size() == 2) {
          EXPECT_NE(add, b["text"]) << "a point both state is no add";
        }
      }
    }
  }
  // Who said what: the envoy is one person named by both, and his pledge to meet "anywhere at
  // any time", worded differently by each, is one quote citing both.
  bool envoy_in_both = false;
  for (const auto& e : s["entities"]) {
    if (e["name"] == "Sung Kim") envoy_in_both = e["type"] == "person" && e["articles"].size() == 2;
  }
  EXPECT_TRUE(envoy_in_both) << s["entities"].dump(2);
  size_t envoy_quotes_in_both = 0;
  for (const auto& q : s["quotes"]) envoy_quotes_in_both += q["speaker"] == "Sung Kim" && q["variants"].size() == 2;
  EXPECT_GE(envoy_quotes_in_both, 1u) << s["quotes"].dump(2);
  // The timeline: 000's "16 August" and 002's "last Monday" one entry (tests/timex_e2e_test.cc
  // checks the rest).
  bool exercise_in_both = false;
  for (const auto& t : s["timeline"]) exercise_in_both |= t["date"] == "2021-08-16" && t["articles"].size() == 2;
  EXPECT_TRUE(exercise_in_both) << s["timeline"].dump(2);
}

TEST(DigestCliTest, MarkdownAndHtmlCarryTheSameDigest) {
  if (!std::filesystem::exists(kSeeds))
    GTEST_SKIP() << "no " << kSeeds << ": the seed articles are not beside the repo";
  const auto json = JsonLines(RunStorydesk("digest " + Quote(kSeeds)).out);
  ASSERT_EQ(json.size(), 1u);
  const std::string headline = json[0]["headline"];

  const CommandResult md = RunStorydesk("digest " + Quote(kSeeds) + " --format markdown");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.out.rfind("## " + headline, 0), 0u) << md.out;
  EXPECT_NE(md.out.find("### Sources"), std::string::npos);
  EXPECT_NE(md.out.find("**AP**"), std::string::npos);
  EXPECT_NE(md.out.find("adds: "), std::string::npos);

  const CommandResult html = RunStorydesk("digest " + Quote(kSeeds) + " --format html");
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_EQ(html.out.rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(html.out.find("<h2>" + headline + "</h2>"), std::string::npos);
  EXPECT_NE(html.out.find("<sup><a href=\"#s"), std::string::npos) << "bullets link to their sources";
  // Quotes in the text are escaped, never raw markup.
  EXPECT_EQ(html.out.find("<li>\""), std::string::npos);
  EXPECT_NE(html.out.find("</html>"), std::string::npos);
}

TEST(DigestCliTest, ShowGivesTheStoredStorysDigestInEveryFormat) {
  if (!std::filesystem::exists(kSeeds))
    GTEST_SKIP() << "no " << kSeeds << ": the seed articles are not beside the repo";
  TempDir tmp;
  const auto db = tmp.path() / "d.db";
  ASSERT_EQ(RunStorydesk("--db " + Quote(db) + " ingest " + Quote(kSeeds)).exit_code, 0);
  const auto list = nlohmann::json::parse(RunStorydesk("--db " + Quote(db) + " stories --json").out);
  ASSERT_EQ(list.size(), 1u);
  const std::string id = list[0]["id"].dump();
  const CommandResult json = RunStorydesk("--db " + Quote(db) + " show " + id + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto digest = nlohmann::json::parse(json.out);
  EXPECT_EQ(digest["story"].dump(), id);
  EXPECT_GE(digest["bullets"].size(), 3u);
  const CommandResult text = RunStorydesk("--db " + Quote(db) + " show " + id);
  EXPECT_NE(text.out.find("  * "), std::string::npos) << text.out;
  EXPECT_EQ(RunStorydesk("--db " + Quote(db) + " show " + id + " --format markdown").out.rfind("## ", 0), 0u);
  EXPECT_NE(RunStorydesk("--db " + Quote(db) + " show " + id + " --format html").out.find("<article"),
            std::string::npos);
  EXPECT_EQ(RunStorydesk("--db " + Quote(db) + " show " + id + " --format pdf").exit_code, 2);
}

TEST(DigestCliTest, EvalSummariesScoresDigestsAndTheLeadBaseline) {
  TempDir tmp;
  const std::string a =
      "The city council approved the new bridge budget on Tuesday after a long debate. "
      "Construction workers will start clearing the riverbank in May, the mayor said. "
      "The old crossing was damaged by floods last spring and has been closed since.";
  const std::string b =
      "On Tuesday the council voted for the bridge budget after hours of debate. "
      "Residents had complained for months about the closed crossing. "
      "Work on the riverbank begins in May.";
  const auto articles = tmp.Write("a.jsonl", nlohmann::json{{"id", "a"}, {"text", a}}.dump() + "\n" +
                                                 nlohmann::json{{"id", "b"}, {"text", b}}.dump() + "\n");
  const auto gold = tmp.Write("g.jsonl", "{\"id\": \"a\", \"story\": \"s1\"}\n{\"id\": \"b\", \"story\": \"s1\"}\n");
  const auto summaries = tmp.Write("s.jsonl", nlohmann::json{{"story", "s1"},
                                                             {"summary",
                                                              "The council approved the bridge budget on Tuesday. "
                                                              "Work on the riverbank starts in May."}}
                                                      .dump() +
                                                  "\n");
  for (const char* summarizer : {"digest", "lead"}) {
    const CommandResult r = RunStorydesk("eval --summaries " + Quote(summaries) + " --gold " + Quote(gold) + " " +
                                         Quote(articles) + " --json --summarizer " + summarizer);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto scores = nlohmann::json::parse(r.out);
    EXPECT_EQ(scores["stories"], 1);
    EXPECT_EQ(scores["budget"], "reference");
    for (const char* k : {"rouge1", "rouge2", "rougeL"}) {
      EXPECT_GT(scores[k]["f1"].get<double>(), 0.2) << summarizer << " " << k;
      EXPECT_LE(scores[k]["f1"].get<double>(), 1.0);
    }
  }
  const CommandResult budget = RunStorydesk("eval --summaries " + Quote(summaries) + " --gold " + Quote(gold) + " " +
                                            Quote(articles) + " --json --words 10");
  EXPECT_EQ(nlohmann::json::parse(budget.out)["budget"], 10);
  const auto bad = tmp.Write("bad.jsonl", "{\"story\": \"s1\"}\n");
  const CommandResult r =
      RunStorydesk("eval --summaries " + Quote(bad) + " --gold " + Quote(gold) + " " + Quote(articles));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.jsonl:1"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace storydesk::testing
