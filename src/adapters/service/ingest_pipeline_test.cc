#include "adapters/service/ingest_pipeline.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "adapters/service/open_store.h"
#include "temp_dir.h"

// IngestSession keeps its engine between calls only while a fresh restore would build the
// same one; these tests check both halves: the same decisions as restoring every time, and a
// restore whenever the kept engine could be wrong. Every article is invented for these tests.

namespace storydesk::service {
namespace {

using storydesk::testing::TempDir;

constexpr int64_t kDay = int64_t{24} * 3600;
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
  a.text = std::string(kStories[story][variant % 3]) + " " + kStories[story][(variant + 1) % 3] + " Correspondent " +
           id + " filed this on the day.";
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
    out.push_back(Article(id, i % 3, kMarch4 + int64_t{i} * 4 * 3600, i / 3));
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

std::unique_ptr<store::Store> Open(const TempDir& dir, const std::string& name) {
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
  std::unique_ptr<store::Store> kept = Open(dir, "kept.db");
  std::unique_ptr<store::Store> restored = Open(dir, "restored.db");
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

// Grouping events: a store holding storylines is ingested at two levels from then on, and an
// engine restored from the store per article decides as the kept one (storylines included).
TEST(IngestSessionTest, EventsAndStorylinesAreRestoredAsDecided) {
  TwoStores stores;
  ASSERT_TRUE(stores.kept && stores.restored);
  std::vector<RawArticle> stream = Stream();
  // The flood story's later reports date it to two days after the first: another event.
  for (RawArticle& a : stream) {
    if (a.id == "a6" || a.id == "a9") {
      a.published_at = *a.published_at + 2 * kDay;
      a.text = "Two days after the levee broke, " + a.text;
    }
  }
  IngestOptions events;
  events.events = true;
  IngestSession session(events);
  std::map<std::string, std::pair<int64_t, int64_t>> kept, restored;
  for (const RawArticle& a : stream) {
    auto one = session.Ingest({a}, *stores.kept);
    ASSERT_TRUE(one.ok() && one.value().stored == 1) << a.id;
    kept[a.id] = {*one.value().articles[0].story, one.value().articles[0].storyline};
    // Only the first ingest asks for events: the store's storylines keep the rest at two levels.
    auto fresh = IngestArticles({a}, *stores.restored, a.id == "a0" ? events : IngestOptions{});
    ASSERT_TRUE(fresh.ok()) << a.id;
    restored[a.id] = {*fresh.value().articles[0].story, fresh.value().articles[0].storyline};
  }
  EXPECT_EQ(kept, restored);
  for (const auto& [id, placed] : kept) EXPECT_GT(placed.second, 0) << id;
  EXPECT_EQ(kept.at("a0").second, kept.at("a3").second) << "one storyline";
  EXPECT_NE(kept.at("a0").second, kept.at("a1").second) << "the museum is another storyline";
}

// A store grouped at one level cannot take events: its stories were not decided as events.
TEST(IngestSessionTest, AOneLevelStoreRefusesEvents) {
  TempDir dir;
  auto db = Open(dir, "s.db");
  ASSERT_TRUE(db);
  ASSERT_TRUE(IngestArticles({Article("a0", 0, kMarch4, 0)}, *db).ok());
  IngestOptions events;
  events.events = true;
  auto refused = IngestArticles({Article("a1", 0, kMarch4 + 3600, 1)}, *db, events);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), ErrorCode::kUsage);
  EXPECT_NE(refused.status().message().find("one level"), std::string::npos) << refused.status().message();
  EXPECT_EQ(db->ArticleCount().value(), 1) << "nothing stored";
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

// Issue 14, defect 2: two writers on one store. Without the WriterLock (an older binary, a
// writer that skips it), another connection's commit between two batches makes the rest of
// the run decide again from the store: nothing is merged by colliding story ids, and the
// grouping is that of the order the commits really happened in.
struct Interleaved {
  TempDir dir;
  std::unique_ptr<store::Store> db = Open(dir, "s.db");
  std::unique_ptr<store::Store> other = Open(dir, "s.db");
};

// Ingests `mine` in batches of one on `db`; after the first batch, `theirs` is ingested
// through `other` (a second writer committing under the first).
IngestReport IngestWithAnotherWriterBetweenBatches(Interleaved& stores, const std::vector<RawArticle>& mine,
                                                   const std::vector<RawArticle>& theirs, IngestReport* their_report) {
  IngestOptions options;
  options.batch_size = 1;
  bool interrupted = false;
  options.progress = [&](size_t, size_t) {
    if (interrupted) return;
    interrupted = true;
    auto report = IngestArticles(theirs, *stores.other);
    EXPECT_TRUE(report.ok());
    if (report.ok()) *their_report = report.value();
  };
  auto report = IngestArticles(mine, *stores.db, options);
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? report.value() : IngestReport{};
}

// Every stored article's story, read from the store.
std::map<std::string, int64_t> StoredStories(store::Store& db) {
  std::map<std::string, int64_t> out;
  EXPECT_TRUE(db.ForEachArticle([&](const store::StoredArticle& a) {
                  out[a.raw.id] = a.story;
                  return true;
                }).ok());
  return out;
}

TEST(IngestSessionTest, Issue14Defect2_AnotherWritersCommitBetweenBatchesIsNotMergedInto) {
  const std::vector<RawArticle> stream = Stream();
  // Mine: the flood and the museum; theirs: the chess open, the same days (disjoint ids).
  std::vector<RawArticle> mine, theirs;
  for (const RawArticle& a : stream) (a.title->rfind("Report 2 ", 0) == 0 ? theirs : mine).push_back(a);
  Interleaved stores;
  ASSERT_TRUE(stores.db && stores.other);
  IngestReport their_report;
  const IngestReport report = IngestWithAnotherWriterBetweenBatches(stores, mine, theirs, &their_report);
  ASSERT_TRUE(report.failure.ok()) << report.failure.message();
  EXPECT_EQ(report.stored, mine.size());
  EXPECT_EQ(their_report.stored, theirs.size());
  auto check = stores.db->CheckInvariants();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check.value().ok()) << check.value().violations.front();

  // The serial order that happened: my first article, all of theirs, the rest of mine.
  TempDir serial_dir;
  auto serial = Open(serial_dir, "serial.db");
  ASSERT_TRUE(serial);
  ASSERT_TRUE(IngestArticles({mine.front()}, *serial).ok());
  ASSERT_TRUE(IngestArticles(theirs, *serial).ok());
  ASSERT_TRUE(IngestArticles(std::vector<RawArticle>(mine.begin() + 1, mine.end()), *serial).ok());
  const auto stories = StoredStories(*stores.db);
  EXPECT_EQ(stories, StoredStories(*serial));
  // Their chess story holds none of my articles.
  for (const RawArticle& a : mine) EXPECT_NE(stories.at(a.id), stories.at("a2")) << a.id;
  // The reports say where the articles are.
  std::map<std::string, int64_t> mine_only;
  for (const RawArticle& a : mine) mine_only[a.id] = stories.at(a.id);
  EXPECT_EQ(Stories(report), mine_only);
}

TEST(IngestSessionTest, Issue14Defect2_OverlappingWritersStoreEachArticleOnce) {
  const std::vector<RawArticle> stream = Stream();
  // Theirs are the last four of mine: stored by them first, duplicates for me.
  const std::vector<RawArticle> theirs(stream.end() - 4, stream.end());
  Interleaved stores;
  ASSERT_TRUE(stores.db && stores.other);
  IngestReport their_report;
  const IngestReport report = IngestWithAnotherWriterBetweenBatches(stores, stream, theirs, &their_report);
  ASSERT_TRUE(report.failure.ok()) << report.failure.message();
  EXPECT_EQ(their_report.stored, 4u);
  EXPECT_EQ(report.stored, stream.size() - 4);
  EXPECT_EQ(report.duplicates, 4u);
  EXPECT_EQ(stores.db->ArticleCount().value(), static_cast<int64_t>(stream.size()));
  for (const IngestedArticle& a : report.articles) EXPECT_TRUE(a.story.has_value()) << a.id;
  auto check = stores.db->CheckInvariants();
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check.value().ok()) << check.value().violations.front();
}

}  // namespace
}  // namespace storydesk::service
