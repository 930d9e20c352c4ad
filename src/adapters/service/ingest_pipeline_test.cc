#include "adapters/service/ingest_pipeline.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "adapters/service/open_store.h"

// IngestSession keeps its engine between calls only while a fresh restore would build the
// same one; these tests check both halves: the same decisions as restoring every time, and a
// restore whenever the kept engine could be wrong. Every article is invented for these tests.

namespace storydesk::service {
namespace {

using storydesk::testing::TempDir;

constexpr int64_t kDay = 24 * 3600;
constexpr int64_t kMarch4 = 1709510400;  // 2024-03-04T00:00:00Z

// Articles on three invented stories, a few hours apart, each story told in its own words.
RawArticle Article(const std::string& id, int story, int64_t published_at, int variant) {
  static const char* const kStories[][3] = {
      {"The Ember River broke through the old levee at Tarnwick, flooding two hundred homes in Millbrook.",
       "Mayor Odile Fenwright said rescue crews used boats to reach residents trapped upstairs in Tarnwick.",
       "The Tarnwick water board said the Ember River levee had been due for repairs next year."},
      {"A robotics museum opened in Kessing with a hall of walking machines built by local students.",
       "Curator Ansel Brightwater said the Kessing museum expects forty thousand visitors this year.",
       "The Kessing robotics museum's first exhibit shows a century of clockwork and walking machines."},
      {"Grandmaster Lio Varkas won the Orsay chess open after a twelve-hour final game against Pim Dahl.",
       "The Orsay open ended when Pim Dahl resigned in a rook endgame to Lio Varkas after midnight.",
       "Lio Varkas, champion of the Orsay chess open, said the final against Pim Dahl was his hardest game."}};
  RawArticle a;
  a.id = id;
  a.source = "Outlet " + std::to_string(variant);
  a.published_at = published_at;
  a.published = std::to_string(published_at);
  a.title = std::string("Report ") + std::to_string(story) + " " + id;
  // Each variant leads with another sentence and adds an id-specific one: reports, not copies.
  a.text = std::string(kStories[story][variant % 3]) + " " + kStories[story][(variant + 1) % 3] +
           " Correspondent " + id + " filed this on the day.";
  a.origin = "test:" + id;
  a.verbatim = a.text;
  return a;
}

// A stream of 12 articles over two days, three stories interleaved.
std::vector<RawArticle> Stream() {
  std::vector<RawArticle> out;
  for (int i = 0; i < 12; ++i) {
    std::string id = "a";
    id += std::to_string(i);  // (appended, not `"a" + ...`: g++ 12 misreads that as an overlap)
    out.push_back(Article(id, i % 3, kMarch4 + i * 4 * 3600, i / 3));
  }
  return out;
}

std::map<std::string, int64_t> Stories(const IngestReport& report) {
  std::map<std::string, int64_t> out;
  for (const IngestedArticle& a : report.articles) {
    if (a.story) out[a.id] = *a.story;
  }
  return out;
}

std::unique_ptr<store::SqliteStore> Open(const TempDir& dir, const std::string& name) {
  auto db = OpenStore((dir.path() / name).string());
  EXPECT_TRUE(db.ok()) << db.status().message();
  return db.ok() ? std::move(db).value() : nullptr;
}

RawArticle Undated(RawArticle a) {
  a.published_at.reset();
  a.published.reset();
  return a;
}

// Two fresh stores: one for a session to keep its engine on, one restored per article.
struct TwoStores {
  TempDir dir;
  std::unique_ptr<store::SqliteStore> kept = Open(dir, "kept.db");
  std::unique_ptr<store::SqliteStore> restored = Open(dir, "restored.db");
};

// Ingests `stream` an article at a time twice: through `session` into the kept store, and with
// a fresh restore per article (IngestArticles) into the other. The stories each way, by id.
struct TwoWays {
  std::map<std::string, int64_t> by_session, by_restore;
};
TwoWays IngestBothWays(const std::vector<RawArticle>& stream, IngestSession& session, TwoStores& stores) {
  TwoWays out;
  for (const RawArticle& a : stream) {
    auto one = session.Ingest({a}, *stores.kept);
    EXPECT_TRUE(one.ok() && one.value().stored == 1) << a.id;
    if (one.ok()) out.by_session.merge(Stories(one.value()));
    auto fresh = IngestArticles({a}, *stores.restored);
    EXPECT_TRUE(fresh.ok()) << a.id;
    if (fresh.ok()) out.by_restore.merge(Stories(fresh.value()));
  }
  return out;
}

TEST(IngestSessionTest, DecidesAsARestoreEveryTimeWouldAndRestoresOnce) {
  TwoStores stores;
  ASSERT_TRUE(stores.kept && stores.restored);
  IngestSession session;
  const TwoWays result = IngestBothWays(Stream(), session, stores);
  ASSERT_EQ(result.by_session.size(), 12u);
  EXPECT_EQ(result.by_session, result.by_restore);
  EXPECT_EQ(session.Restores(), 1u);
  // The decisions group the three stories (not every article alone): the check above compares
  // real groupings.
  EXPECT_EQ(result.by_session.at("a0"), result.by_session.at("a3"));
  EXPECT_NE(result.by_session.at("a0"), result.by_session.at("a1"));
}

TEST(IngestSessionTest, RestoresWhenAnotherConnectionWrote) {
  TempDir dir;
  auto db = Open(dir, "s.db");
  auto other = Open(dir, "s.db");  // another writer: a CLI ingest, say
  ASSERT_TRUE(db && other);
  IngestSession session;
  ASSERT_TRUE(session.Ingest({Article("a0", 0, kMarch4, 0)}, *db).ok());
  // The other writer stores the first report of the museum story.
  auto elsewhere = IngestArticles({Article("m0", 1, kMarch4 + 3600, 0)}, *other);
  ASSERT_TRUE(elsewhere.ok());
  const int64_t museum = *elsewhere.value().articles[0].story;
  auto next = session.Ingest({Article("m1", 1, kMarch4 + 7200, 1)}, *db);
  ASSERT_TRUE(next.ok()) << next.status().message();
  EXPECT_EQ(session.Restores(), 2u);
  EXPECT_EQ(*next.value().articles[0].story, museum) << "the other writer's story is found";
}

TEST(IngestSessionTest, RestoresForAnArticleFromThePastOrWithoutADate) {
  TempDir dir;
  auto db = Open(dir, "s.db");
  ASSERT_TRUE(db);
  IngestSession session;
  ASSERT_TRUE(session.Ingest({Article("a0", 0, kMarch4 + 2 * kDay, 0)}, *db).ok());
  ASSERT_TRUE(session.Ingest({Article("a1", 0, kMarch4 + 2 * kDay + 60, 1)}, *db).ok());
  EXPECT_EQ(session.Restores(), 1u) << "forward in time: kept";
  ASSERT_TRUE(session.Ingest({Article("a2", 0, kMarch4, 2)}, *db).ok());
  EXPECT_EQ(session.Restores(), 2u) << "two days back: the engine may have forgotten stories";
  ASSERT_TRUE(session.Ingest({Undated(Article("a3", 0, kMarch4 + 3 * kDay, 0))}, *db).ok());
  EXPECT_EQ(session.Restores(), 3u) << "an undated article is compared with every stored story";
}

TEST(IngestSessionTest, KeepsTheEngineForAnUndatedFeedUntilADatedArticleComes) {
  TwoStores stores;
  ASSERT_TRUE(stores.kept && stores.restored);
  IngestSession session;
  std::vector<RawArticle> undated_stream;
  for (const RawArticle& a : Stream()) undated_stream.push_back(Undated(a));
  const TwoWays result = IngestBothWays(undated_stream, session, stores);
  ASSERT_EQ(result.by_session.size(), 12u);
  EXPECT_EQ(result.by_session, result.by_restore);
  EXPECT_EQ(session.Restores(), 1u);
  ASSERT_TRUE(session.Ingest({Article("d0", 0, kMarch4, 0)}, *stores.kept).ok());
  EXPECT_EQ(session.Restores(), 1u) << "restored with everything: a dated article finds all it needs";
  ASSERT_TRUE(session.Ingest({Undated(Article("u1", 1, kMarch4, 2))}, *stores.kept).ok());
  EXPECT_EQ(session.Restores(), 2u) << "after a dated article the engine may have forgotten stories";
}

TEST(IngestSessionTest, OnlyDuplicatesNeedNoEngine) {
  TempDir dir;
  auto db = Open(dir, "s.db");
  ASSERT_TRUE(db);
  IngestSession session;
  const RawArticle a = Article("a0", 0, kMarch4, 0);
  ASSERT_TRUE(session.Ingest({a}, *db).ok());
  auto again = session.Ingest({a}, *db);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().duplicates, 1u);
  EXPECT_TRUE(again.value().articles[0].story.has_value()) << "a duplicate reports its stored story";
  EXPECT_EQ(session.Restores(), 1u);
}

}  // namespace
}  // namespace storydesk::service
