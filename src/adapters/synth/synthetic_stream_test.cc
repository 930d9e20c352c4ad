#include "adapters/synth/synthetic_stream.h"

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "adapters/read/jsonl_reader.h"

namespace storydesk::synth {
namespace {

std::vector<SyntheticArticle> Make(uint64_t n, uint64_t seed = 7, int days = 10) {
  SyntheticSettings settings;
  settings.articles = n;
  settings.seed = seed;
  settings.days = days;
  SyntheticStream stream(settings);
  std::vector<SyntheticArticle> out;
  SyntheticArticle a;
  while (stream.Next(&a)) out.push_back(a);
  return out;
}

TEST(SyntheticStreamTest, SameSettingsSameBytesOtherSeedOtherStream) {
  const auto a = Make(300), b = Make(300), c = Make(300, 8);
  ASSERT_EQ(a.size(), 300u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(ArticleJson(a[i]), ArticleJson(b[i]));
    EXPECT_EQ(GoldJson(a[i]), GoldJson(b[i]));
  }
  size_t same = 0;
  for (size_t i = 0; i < a.size(); ++i) same += a[i].text == c[i].text;
  EXPECT_LT(same, 10u);
}

TEST(SyntheticStreamTest, PublicationOrderOverTheDaysAsked) {
  const auto a = Make(2000, 3, 10);
  for (size_t i = 1; i < a.size(); ++i) EXPECT_LE(a[i - 1].published, a[i].published);
  EXPECT_EQ(a.front().published, SyntheticSettings{}.start);
  EXPECT_GT(a.back().published, SyntheticSettings{}.start + int64_t{9} * 86400);
  EXPECT_LT(a.back().published, SyntheticSettings{}.start + int64_t{10} * 86400);
}

// The gold labels describe what was generated: copies point back at an earlier article of
// their own story, an exact copy has its text, an excerpt begins it, and chains lead to an
// original that is no copy.
TEST(SyntheticStreamTest, GoldCopiesAndStoriesAreConsistent) {
  const auto a = Make(5000);
  std::map<std::string, const SyntheticArticle*> by_id;
  std::map<std::string, int> story_sizes;
  std::map<std::string, int> relations;
  for (const auto& x : a) {
    by_id[x.id] = &x;
    ++story_sizes[x.story];
    if (!x.copied_from) {
      EXPECT_FALSE(x.original);
      EXPECT_FALSE(x.relation);
      continue;
    }
    ++relations[*x.relation];
    ASSERT_TRUE(by_id.count(*x.copied_from)) << x.id;
    const SyntheticArticle& from = *by_id[*x.copied_from];
    EXPECT_EQ(from.story, x.story);
    EXPECT_LE(from.published, x.published);
    ASSERT_TRUE(by_id.count(*x.original));
    EXPECT_FALSE(by_id[*x.original]->copied_from) << "the original is no copy";
    if (*x.relation == "exact") {
      EXPECT_EQ(x.text, from.text);
    }
    if (*x.relation == "excerpt") {
      EXPECT_LT(x.text.size(), from.text.size());
      EXPECT_EQ(from.text.compare(0, x.text.size(), x.text), 0);
    }
    if (*x.relation == "near") {
      EXPECT_NE(x.text, from.text);
    }
  }
  // Each kind of copy is there, about 12% of the stream in all.
  for (const char* r : {"exact", "near", "excerpt"}) EXPECT_GT(relations[r], 50) << r;
  const int copies = relations["exact"] + relations["near"] + relations["excerpt"];
  EXPECT_GT(copies, 350);
  EXPECT_LT(copies, 900);
  // Stories: many, most small, some big.
  int singles = 0, big = 0;
  for (const auto& [story, size] : story_sizes) {
    singles += size == 1;
    big += size >= 30;
  }
  EXPECT_GT(story_sizes.size(), 500u);
  EXPECT_GT(singles, 100);
  EXPECT_GT(big, 2);
}

// What `storydesk synth` writes is read back by storydesk's own JSON Lines reader unchanged.
TEST(SyntheticStreamTest, RecordsReadBackAsWritten) {
  const auto a = Make(50);
  for (const auto& x : a) {
    auto read = read::ParseJsonLine(ArticleJson(x));
    ASSERT_TRUE(read.ok()) << read.status().message();
    const RawArticle& r = read.value();
    EXPECT_EQ(r.id, x.id);
    EXPECT_EQ(r.text, x.text);
    EXPECT_EQ(r.title.value_or(""), x.title);
    EXPECT_EQ(r.source.value_or(""), x.source);
    EXPECT_EQ(r.published_at, x.published);
  }
  for (const auto& x : a) {
    const auto gold = nlohmann::json::parse(GoldJson(x));
    EXPECT_EQ(gold["id"], x.id);
    EXPECT_EQ(gold["story"], x.story);
  }
}

}  // namespace
}  // namespace storydesk::synth
