#include "adapters/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "adapters/store/migrations.h"

namespace storydesk::store {
namespace {

const FingerprintSettings kSettings{.version = 1, .shingle_words = 5, .permutations = 4, .bands = 2, .seed = 42};

// A fresh directory removed with everything in it at the end of the test.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "storydesk-store-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string DbPath() const { return (dir_ / "s.db").string(); }

  std::unique_ptr<SqliteStore> OpenOrDie(const FingerprintSettings& settings = kSettings) {
    auto opened = SqliteStore::Open(DbPath(), settings);
    EXPECT_TRUE(opened.ok()) << opened.status().message();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

  std::filesystem::path dir_;
};

// An article of story `story` published on day `day` (days since 1970) or undated when day < 0.
StoredArticle Article(const std::string& id, int64_t story, int day, const std::string& source = "Outlet") {
  StoredArticle a;
  a.raw.id = id;
  a.raw.source = source;
  a.raw.title = "Title of " + id;
  a.raw.text = "Body of " + id + ". Second sentence.";
  a.raw.verbatim = R"({"id":")" + id + R"(","text":"…"})";
  a.raw.origin = "in.jsonl:1";
  if (day >= 0) a.raw.published_at = int64_t{day} * 86400;
  a.exact_hash = std::hash<std::string>{}(a.raw.text);
  a.minhash = {1, 2, 3, static_cast<uint32_t>(id.size())};
  a.story = story;
  return a;
}

std::vector<std::string> Ids(const std::vector<StoredArticle>& articles) {
  std::vector<std::string> ids;
  for (const auto& a : articles) ids.push_back(a.raw.id);
  return ids;
}

TEST_F(StoreTest, NewFileHasTheLatestSchemaAndTheGivenSettings) {
  auto store = OpenOrDie();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->SchemaVersion(), LatestSchemaVersion());
  EXPECT_EQ(store->StoredFingerprintSettings(), kSettings);
  EXPECT_EQ(store->DocumentCount().value(), 0);
  EXPECT_EQ(store->MaxStoryId().value(), 0);
  EXPECT_TRUE(store->ListStories({}).value().empty());
}

// Two ingests started at once on a new file both open it: the one that loses the race to create
// the file waits and starts again, where SQLite said "database is locked" at once.
TEST_F(StoreTest, TwoConnectionsCreatingOneNewFileAtOnceBothOpenIt) {
  for (int round = 0; round < 20; ++round) {
    const std::string path = (dir_ / ("race" + std::to_string(round) + ".db")).string();
    std::optional<Status> first, second;
    std::thread other([&] {
      auto opened = SqliteStore::Open(path, kSettings);
      second = opened.ok() ? Status::Ok() : opened.status();
    });
    auto opened = SqliteStore::Open(path, kSettings);
    first = opened.ok() ? Status::Ok() : opened.status();
    other.join();
    ASSERT_TRUE(first->ok()) << "round " << round << ": " << first->message();
    ASSERT_TRUE(second->ok()) << "round " << round << ": " << second->message();
  }
}

TEST_F(StoreTest, EveryFieldRoundTripsAndSurvivesReopening) {
  StoredArticle a = Article("a1", 1, 100);
  a.raw.url = "https://example.org/a1";
  a.raw.published = "1970-04-11";
  a.raw.place = "SEOUL, South Korea";
  a.raw.bullets = {"first \"bullet\"", "second\nline", "été"};
  StoredArticle b = Article("b1", 1, 101);
  b.copy_of = "a1";
  b.relation = "near";
  b.copy_score = 0.9;
  {
    auto store = OpenOrDie();
    std::vector<StoredArticle> batch = {a, b};
    ASSERT_TRUE(store->CommitBatch(batch, {{"seoul", 2}}, 2).ok());
    EXPECT_LT(batch[0].sequence, batch[1].sequence);
  }
  auto store = OpenOrDie();
  std::vector<StoredArticle> all;
  ASSERT_TRUE(store
                  ->ForEachArticle([&](const StoredArticle& s) {
                    all.push_back(s);
                    return true;
                  })
                  .ok());
  ASSERT_EQ(all.size(), 2u);
  const StoredArticle& got = all[0];
  EXPECT_EQ(got.raw.id, "a1");
  EXPECT_EQ(got.raw.source, a.raw.source);
  EXPECT_EQ(got.raw.url, a.raw.url);
  EXPECT_EQ(got.raw.title, a.raw.title);
  EXPECT_EQ(got.raw.published, a.raw.published);
  EXPECT_EQ(got.raw.published_at, a.raw.published_at);
  EXPECT_EQ(got.raw.place, a.raw.place);
  EXPECT_EQ(got.raw.bullets, a.raw.bullets);
  EXPECT_EQ(got.raw.text, a.raw.text);
  EXPECT_EQ(got.raw.verbatim, a.raw.verbatim);
  EXPECT_EQ(got.exact_hash, a.exact_hash);
  EXPECT_EQ(got.minhash, a.minhash);
  EXPECT_EQ(got.story, 1);
  EXPECT_FALSE(got.copy_of);
  EXPECT_EQ(all[1].copy_of, "a1");
  EXPECT_EQ(all[1].relation, "near");
  EXPECT_DOUBLE_EQ(all[1].copy_score, 0.9);
  EXPECT_EQ(store->DocumentCount().value(), 2);
  EXPECT_EQ(store->LoadDocumentFrequencies().value(), (std::map<std::string, int64_t>{{"seoul", 2}}));
}

TEST_F(StoreTest, ABatchWithAnAlreadyStoredIdStoresNothing) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> first = {Article("a1", 1, 100)};
  ASSERT_TRUE(store->CommitBatch(first, {{"x", 1}}, 1).ok());
  std::vector<StoredArticle> second = {Article("new", 2, 101), Article("a1", 1, 100)};
  const Status s = store->CommitBatch(second, {{"x", 5}}, 2);
  EXPECT_EQ(s.code(), ErrorCode::kConflict);
  EXPECT_NE(s.message().find("a1"), std::string::npos) << s.message();
  EXPECT_FALSE(store->FindExactHash("new").value());
  EXPECT_EQ(store->DocumentCount().value(), 1);
  EXPECT_EQ(store->LoadDocumentFrequencies().value().at("x"), 1);
  EXPECT_EQ(store->MaxStoryId().value(), 1);
}

TEST_F(StoreTest, DocumentFrequenciesAccumulateAcrossBatches) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> one = {Article("a", 1, 1)};
  std::vector<StoredArticle> two = {Article("b", 2, 2)};
  ASSERT_TRUE(store->CommitBatch(one, {{"x", 1}, {"y", 1}}, 1).ok());
  ASSERT_TRUE(store->CommitBatch(two, {{"y", 1}, {"z", 1}}, 1).ok());
  EXPECT_EQ(store->DocumentCount().value(), 2);
  EXPECT_EQ(store->LoadDocumentFrequencies().value(), (std::map<std::string, int64_t>{{"x", 1}, {"y", 2}, {"z", 1}}));
}

// Issue 15: one headline per story, chosen by core/digest/headline.h and kept as articles join;
// furniture never; a file whose headlines follow another rule gets them chosen again on open.
TEST_F(StoreTest, Issue15TheHeadlineFollowsTheRuleAsArticlesJoin) {
  auto store = OpenOrDie();
  auto titled = [](const std::string& id, int day, const std::string& title, const std::string& text) {
    StoredArticle a = Article(id, 1, day);
    a.raw.title = title;
    a.raw.text = text;
    return a;
  };
  const std::string flood =
      "The Ember River burst its levee on Monday and flooded the town of Tarnwick. Hundreds of residents "
      "left their homes as the water rose.";
  std::vector<StoredArticle> first = {titled("f1", 10, "Share", flood)};
  ASSERT_TRUE(store->CommitBatch(first, {}, 1).ok());
  EXPECT_EQ(store->GetStory(1).value().headline,
            "The Ember River burst its levee on Monday and flooded the town of Tarnwick.")
      << "no usable title: the lead";
  std::vector<StoredArticle> second = {titled("f2", 11, "Ember River floods Tarnwick after levee breach", flood)};
  ASSERT_TRUE(store->CommitBatch(second, {}, 1).ok());
  EXPECT_EQ(store->GetStory(1).value().headline, "Ember River floods Tarnwick after levee breach");
  std::vector<StoredArticle> third = {titled("f3", 12, "POPULAR", flood)};
  ASSERT_TRUE(store->CommitBatch(third, {}, 1).ok());
  EXPECT_EQ(store->GetStory(1).value().headline, "Ember River floods Tarnwick after levee breach");

  // A file of another rule: headlines chosen again when opened, and the rule recorded.
  store.reset();
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(DbPath().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE stories SET headline = 'Share'; DELETE FROM meta WHERE key = 'headline_rule'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  store = OpenOrDie();
  EXPECT_EQ(store->GetStory(1).value().headline, "Ember River floods Tarnwick after levee breach");
}

TEST_F(StoreTest, StoriesAreSummarisedAndListedByNewestActivity) {
  auto store = OpenOrDie();
  StoredArticle copy = Article("s1-c", 1, 12, "Copier");
  copy.copy_of = "s1-a";
  copy.relation = "exact";
  copy.copy_score = 1.0;
  std::vector<StoredArticle> batch = {Article("s1-a", 1, 10, "A"), Article("s1-b", 1, 11, "B"), copy,
                                      Article("s2-a", 2, 20, "A"), Article("s3-a", 3, -1, "A")};
  batch[0].raw.title.reset();  // an untitled first article: a title of the story is the headline
  ASSERT_TRUE(store->CommitBatch(batch, {}, 5).ok());

  const auto stories = store->ListStories({}).value();
  ASSERT_EQ(stories.size(), 3u);
  EXPECT_EQ(stories[0].id, 2);
  EXPECT_EQ(stories[1].id, 1);
  EXPECT_EQ(stories[2].id, 3) << "undated stories come last";
  const StorySummary& s1 = stories[1];
  EXPECT_EQ(s1.headline, "Title of s1-b") << "the titles tie: the earlier";
  EXPECT_EQ(s1.first_published, "1970-01-11");
  EXPECT_EQ(s1.last_published, "1970-01-13");
  EXPECT_EQ(s1.articles, 3);
  EXPECT_EQ(s1.sources, 3);
  EXPECT_EQ(s1.copies, 1);
  EXPECT_FALSE(stories[2].first_published);

  EXPECT_EQ(Ids(store->StoryArticles(1).value()), (std::vector<std::string>{"s1-a", "s1-b", "s1-c"}));
  EXPECT_EQ(store->GetStory(2).value().headline, "Title of s2-a");
  EXPECT_EQ(store->GetStory(99).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store->MaxStoryId().value(), 3);
}

TEST_F(StoreTest, StoryFiltersSelectByDateAndLimit) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 10), Article("b", 2, 20), Article("c", 3, 30)};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 3).ok());
  auto ids = [&](const StoryFilter& f) {
    std::vector<int64_t> out;
    for (const auto& s : store->ListStories(f).value()) out.push_back(s.id);
    return out;
  };
  StoryFilter since, until, limit;
  since.since = 20 * 86400;
  until.until = 20 * 86400;
  limit.limit = 1;
  EXPECT_EQ(ids(since), (std::vector<int64_t>{3, 2}));
  EXPECT_EQ(ids(until), (std::vector<int64_t>{1}));
  EXPECT_EQ(ids(limit), (std::vector<int64_t>{3}));
}

TEST_F(StoreTest, LooksUpByIdHashAndTimeWindow) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 10), Article("b", 1, 12), Article("u", 2, -1),
                                      Article("late", 3, 40)};
  batch[1].exact_hash = batch[0].exact_hash;
  ASSERT_TRUE(store->CommitBatch(batch, {}, 4).ok());
  EXPECT_EQ(store->FindExactHash("a").value(), batch[0].exact_hash);
  EXPECT_FALSE(store->FindExactHash("missing").value());
  EXPECT_EQ(Ids(store->FindByExactHash(batch[0].exact_hash).value()), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(Ids(store->LoadWindow(11 * 86400, 40 * 86400, false).value()), (std::vector<std::string>{"b", "late"}));
  EXPECT_EQ(Ids(store->LoadWindow(0, 10 * 86400, true).value()), (std::vector<std::string>{"a", "u"}));
}

TEST_F(StoreTest, AMergeMovesMembersAndOldIdsStillFindTheStory) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> first = {Article("a", 1, 10), Article("b", 2, 10), Article("c", 3, 11)};
  ASSERT_TRUE(store->CommitBatch(first, {}, 3).ok());
  // "bridge" joins story 1 and shows story 2 to be part of it; in the same batch, "late"
  // shows story 3 to be part of story 1 too (a merge of the merged).
  StoredArticle bridge = Article("bridge", 1, 11);
  bridge.merged_stories = {2};
  StoredArticle late = Article("late", 1, 12);
  late.merged_stories = {3};
  std::vector<StoredArticle> second = {bridge, late};
  const Status committed = store->CommitBatch(second, {}, 2);
  ASSERT_TRUE(committed.ok()) << committed.message();

  EXPECT_EQ(Ids(store->StoryArticles(1).value()), (std::vector<std::string>{"a", "b", "c", "bridge", "late"}));
  for (int64_t old_id : {2, 3}) {
    EXPECT_EQ(store->ResolveStory(old_id).value(), 1) << old_id;
    EXPECT_EQ(store->GetStory(old_id).value().id, 1) << old_id;
    EXPECT_EQ(store->StoryArticles(old_id).value().size(), 5u) << old_id;
  }
  const auto stories = store->ListStories({}).value();
  ASSERT_EQ(stories.size(), 1u);
  EXPECT_EQ(stories[0].articles, 5);
  EXPECT_EQ(stories[0].first_published, "1970-01-11");
  EXPECT_EQ(stories[0].last_published, "1970-01-13");
  EXPECT_EQ(store->GetStory(4).status().code(), ErrorCode::kNotFound);
}

TEST_F(StoreTest, RefingerprintReplacesSignaturesAndSettings) {
  {
    auto store = OpenOrDie();
    std::vector<StoredArticle> batch = {Article("a", 1, 1), Article("b", 1, 2)};
    ASSERT_TRUE(store->CommitBatch(batch, {}, 2).ok());
    FingerprintSettings next = kSettings;
    next.version = 2;
    next.permutations = 2;
    ASSERT_TRUE(store
                    ->Refingerprint(next,
                                    [](const RawArticle& raw, uint64_t* hash, std::vector<uint32_t>* minhash) {
                                      *hash = raw.id.size();
                                      *minhash = {7, 8};
                                    })
                    .ok());
  }
  auto store = OpenOrDie();
  EXPECT_EQ(store->StoredFingerprintSettings().version, 2);
  EXPECT_EQ(store->StoredFingerprintSettings().permutations, 2);
  store->ForEachArticle([](const StoredArticle& s) {
    EXPECT_EQ(s.exact_hash, 1u);
    EXPECT_EQ(s.minhash, (std::vector<uint32_t>{7, 8}));
    return true;
  });
}

TEST_F(StoreTest, ADifferentBinaryKeepsTheStoredSettings) {
  { ASSERT_TRUE(OpenOrDie()); }
  FingerprintSettings other = kSettings;
  other.seed = 7;
  auto store = OpenOrDie(other);
  ASSERT_TRUE(store);
  EXPECT_EQ(store->StoredFingerprintSettings(), kSettings) << "settings change only through Refingerprint";
}

TEST_F(StoreTest, RefusesFilesThatAreNotStorydeskDatabases) {
  {
    std::ofstream(DbPath()) << std::string(4096, 'x');
    auto opened = SqliteStore::Open(DbPath(), kSettings);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), ErrorCode::kStore);
    EXPECT_NE(opened.status().message().find(DbPath()), std::string::npos) << opened.status().message();
    std::filesystem::remove(DbPath());
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(DbPath().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE other (x)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    auto opened = SqliteStore::Open(DbPath(), kSettings);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.status().code(), ErrorCode::kStore);
  }
}

TEST_F(StoreTest, RefusesADatabaseWrittenByANewerStorydesk) {
  { ASSERT_TRUE(OpenOrDie()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(DbPath().c_str(), &db), SQLITE_OK);
  const std::string bump = "PRAGMA user_version = " + std::to_string(LatestSchemaVersion() + 1);
  ASSERT_EQ(sqlite3_exec(db, bump.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto opened = SqliteStore::Open(DbPath(), kSettings);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), ErrorCode::kStore);
  EXPECT_NE(opened.status().message().find("newer"), std::string::npos) << opened.status().message();
}

TEST_F(StoreTest, UsesWriteAheadLogging) {
  { ASSERT_TRUE(OpenOrDie()); }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(DbPath().c_str(), &db), SQLITE_OK);
  std::string mode;
  sqlite3_exec(
      db, "PRAGMA journal_mode",
      [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) = values[0];
        return 0;
      },
      &mode, nullptr);
  sqlite3_close(db);
  EXPECT_EQ(mode, "wal");
}

// --- Search, filters and pages (schema 4) ---

// An article like Article() with the given title (nullopt: untitled) and text.
StoredArticle Written(const std::string& id, int64_t story, int day, std::optional<std::string> title,
                      const std::string& text, const std::string& source = "Outlet") {
  StoredArticle a = Article(id, story, day, source);
  a.raw.title = std::move(title);
  a.raw.text = text;
  return a;
}

std::vector<int64_t> StoryIds(const std::vector<StorySummary>& stories) {
  std::vector<int64_t> ids;
  for (const auto& s : stories) ids.push_back(s.id);
  return ids;
}

std::vector<std::string> MatchIds(const std::vector<ArticleMatch>& matches) {
  std::vector<std::string> ids;
  for (const auto& m : matches) ids.push_back(m.article_id);
  return ids;
}

StoryFilter Query(const std::string& text) {
  StoryFilter f;
  f.query = text;
  return f;
}

// Ids from both listing calls, checking that they agree.
std::vector<int64_t> Listed(SqliteStore& store, const StoryFilter& filter) {
  auto listed = store.ListStories(filter);
  EXPECT_TRUE(listed.ok()) << listed.status().message();
  auto page = store.ListStoryPage(filter);
  EXPECT_TRUE(page.ok()) << page.status().message();
  if (!listed.ok() || !page.ok()) return {};
  EXPECT_EQ(StoryIds(page.value().stories), StoryIds(listed.value())) << "one page of at most 20";
  return StoryIds(listed.value());
}

TEST_F(StoreTest, QueryFilterFindsStoriesByTitleOrTextWithStemming) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch = {
      Written("a", 1, 10, "Crowds protested in Seoul", "Thousands gathered near city hall."),
      Written("b", 2, 20, "Markets", "Students protest tuition fees near the ministry."),
      Written("c", 3, 30, std::nullopt, "Rain is expected over the weekend."),
      Written("d", 3, 31, "Caf\u00e9 owners", "Rents keep rising."),
  };
  ASSERT_TRUE(store->CommitBatch(batch, {}, 4).ok());
  EXPECT_EQ(Listed(*store, Query("protests")), (std::vector<int64_t>{2, 1})) << "protested (title), protest (text)";
  EXPECT_EQ(Listed(*store, Query("PROTESTING!!")), (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(Listed(*store, Query("seoul thousands")), (std::vector<int64_t>{1})) << "title and text words together";
  EXPECT_EQ(Listed(*store, Query("seoul tuition")), (std::vector<int64_t>{})) << "all words in one article";
  EXPECT_EQ(Listed(*store, Query("rain")), (std::vector<int64_t>{3})) << "untitled article";
  EXPECT_EQ(Listed(*store, Query("cafe")), (std::vector<int64_t>{3})) << "diacritics removed";
  EXPECT_EQ(Listed(*store, Query("near")), (std::vector<int64_t>{2, 1})) << "NEAR is a word here";
  EXPECT_EQ(Listed(*store, Query("!!!")), (std::vector<int64_t>{})) << "no words: no matches, no error";
  EXPECT_EQ(Listed(*store, Query("")), (std::vector<int64_t>{}));
}

TEST_F(StoreTest, SourceFilterIsAnExactMatchOnAnyMember) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 10, "Reuters"), Article("b", 1, 11, "AP"),
                                      Article("c", 2, 20, "AP"), Article("d", 3, 30, "BBC News"),
                                      Article("e", 4, -1, "Reuters")};
  batch.push_back(Article("f", 5, 40));
  batch.back().raw.source.reset();
  ASSERT_TRUE(store->CommitBatch(batch, {}, 6).ok());
  auto by = [&](const std::string& source) {
    StoryFilter f;
    f.source = source;
    return Listed(*store, f);
  };
  EXPECT_EQ(by("Reuters"), (std::vector<int64_t>{1, 4}));
  EXPECT_EQ(by("AP"), (std::vector<int64_t>{2, 1}));
  EXPECT_EQ(by("BBC News"), (std::vector<int64_t>{3}));
  EXPECT_EQ(by("reuters"), (std::vector<int64_t>{})) << "exact, case included";
  EXPECT_EQ(by("BBC"), (std::vector<int64_t>{})) << "exact, no prefix";
  EXPECT_EQ(by(""), (std::vector<int64_t>{}));
  StoryFilter both = Query("body");
  both.source = "AP";
  EXPECT_EQ(Listed(*store, both), (std::vector<int64_t>{2, 1}));
  both.query = "b";  // only article b's text names "b"; it is AP's
  EXPECT_EQ(Listed(*store, both), (std::vector<int64_t>{1}));
}

TEST_F(StoreTest, DateFiltersCombineWithTheQuery) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch = {
      Written("a", 1, 10, "Flood warning", "Rivers rose."), Written("b", 2, 20, "Flood damage", "Homes lost."),
      Written("c", 3, 30, "Flooding ends", "Waters fell."), Written("d", 4, 25, "Election", "Votes counted."),
      Written("e", 5, -1, "Flood history", "Undated."),
  };
  ASSERT_TRUE(store->CommitBatch(batch, {}, 5).ok());
  StoryFilter f = Query("floods");
  EXPECT_EQ(Listed(*store, f), (std::vector<int64_t>{3, 2, 1, 5}));
  f.since = 20 * 86400;
  EXPECT_EQ(Listed(*store, f), (std::vector<int64_t>{3, 2})) << "undated stories have no activity to be recent";
  f.until = 30 * 86400;
  EXPECT_EQ(Listed(*store, f), (std::vector<int64_t>{2}));
  f.since.reset();
  EXPECT_EQ(Listed(*store, f), (std::vector<int64_t>{2, 1}));
}

TEST_F(StoreTest, PagesVisitEveryStoryOnceInListOrderAcrossUndatedStories) {
  auto store = OpenOrDie();
  // Dated stories with ties on the last day (3, 7, 9 share day 20), undated ones (4, 6, 8)
  // with ids between the dated ones', and a merged-away id (10, into 2).
  std::vector<StoredArticle> batch = {
      Article("s1", 1, 10), Article("s2", 2, 20), Article("s3", 3, 20), Article("s4", 4, -1), Article("s5", 5, 5),
      Article("s6", 6, -1), Article("s7", 7, 20), Article("s8", 8, -1), Article("s9", 9, 20), Article("s10", 10, 3)};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 10).ok());
  std::vector<StoredArticle> merge = {Article("bridge", 2, 15)};
  merge[0].merged_stories = {10};
  ASSERT_TRUE(store->CommitBatch(merge, {}, 1).ok());

  const std::vector<int64_t> all = StoryIds(store->ListStories({}).value());
  ASSERT_EQ(all, (std::vector<int64_t>{9, 7, 3, 2, 1, 5, 8, 6, 4}));
  for (int size : {1, 2, 3, 4, 9, 10, 20}) {
    std::vector<int64_t> walked;
    StoryFilter f;
    f.limit = size;
    int pages = 0;
    while (true) {
      auto page = store->ListStoryPage(f);
      ASSERT_TRUE(page.ok()) << page.status().message();
      ++pages;
      ASSERT_LE(page.value().stories.size(), static_cast<size_t>(size));
      for (const auto& s : page.value().stories) walked.push_back(s.id);
      if (!page.value().next) break;
      ASSERT_EQ(page.value().stories.size(), static_cast<size_t>(size)) << "only the last page is short";
      EXPECT_EQ(page.value().next->id, page.value().stories.back().id);
      f.after = page.value().next;
      ASSERT_LE(pages, 20) << "pagination does not end";
    }
    EXPECT_EQ(walked, all) << "page size " << size;
    EXPECT_EQ(pages, (static_cast<int>(all.size()) + size - 1) / size) << "page size " << size;
  }

  // The cursor carries the story's instant, and an undated story's is null.
  StoryFilter one;
  one.limit = 1;
  one.after = StoryCursor{std::nullopt, 8};
  auto page = store->ListStoryPage(one).value();
  EXPECT_EQ(StoryIds(page.stories), (std::vector<int64_t>{6}));
  EXPECT_EQ(page.next, (StoryCursor{std::nullopt, 6}));
  one.after = StoryCursor{int64_t{5} * 86400, 5};
  page = store->ListStoryPage(one).value();
  EXPECT_EQ(StoryIds(page.stories), (std::vector<int64_t>{8})) << "after the oldest dated story: the undated ones";
  one.after = StoryCursor{int64_t{20} * 86400, 7};
  page = store->ListStoryPage(one).value();
  EXPECT_EQ(StoryIds(page.stories), (std::vector<int64_t>{3}));
  EXPECT_EQ(page.next, (StoryCursor{int64_t{20} * 86400, 3}));
  one.after = StoryCursor{std::nullopt, 4};
  page = store->ListStoryPage(one).value();
  EXPECT_TRUE(page.stories.empty());
  EXPECT_FALSE(page.next);

  // Pages of a filtered list.
  StoryFilter undated = Query("body");
  undated.limit = 2;
  std::vector<int64_t> walked;
  while (true) {
    auto p = store->ListStoryPage(undated).value();
    for (const auto& s : p.stories) walked.push_back(s.id);
    if (!p.next) break;
    undated.after = p.next;
  }
  EXPECT_EQ(walked, all);
}

TEST_F(StoreTest, PageSizeDefaultsToTwentyAndMustBePositive) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch;
  for (int i = 1; i <= 25; ++i) {
    std::string id = "a";
    id += std::to_string(i);  // not "a" + ...: GCC 12 warns falsely (-Wrestrict) on that
    batch.push_back(Article(id, i, i));
  }
  ASSERT_TRUE(store->CommitBatch(batch, {}, 25).ok());
  auto page = store->ListStoryPage({}).value();
  EXPECT_EQ(page.stories.size(), static_cast<size_t>(kDefaultStoryPageSize));
  EXPECT_EQ(page.next, (StoryCursor{int64_t{6} * 86400, 6}));
  StoryFilter bad;
  bad.limit = 0;
  EXPECT_EQ(store->ListStoryPage(bad).status().code(), ErrorCode::kUsage);
  bad.limit = -1;
  EXPECT_EQ(store->ListStoryPage(bad).status().code(), ErrorCode::kUsage);
  EXPECT_EQ(store->SearchArticles("body", 0).status().code(), ErrorCode::kUsage);
}

TEST_F(StoreTest, SearchArticlesRanksSnippetsAndResolvesMergedStories) {
  auto store = OpenOrDie();
  const std::string long_text =
      "Thousands of people gathered on Saturday near city hall to voice anger against the new law, "
      "organisers said on Sunday evening after the rally ended peacefully.";
  std::vector<StoredArticle> first = {
      Written("strong", 1, 10, "Protest in Seoul", "Protesters protested; the protest grew."),
      Written("weak", 2, 11, "Weekend news", long_text + " A protest was mentioned once."),
      Written("untitled", 3, 12, std::nullopt, "Short protest note."),
      Written("other", 4, 13, "Markets", "Shares rose."),
  };
  ASSERT_TRUE(store->CommitBatch(first, {}, 4).ok());

  auto found = store->SearchArticles("protests", 10);
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found.value().size(), 3u);
  EXPECT_EQ(found.value().front().article_id, "strong") << "most and densest occurrences first";
  EXPECT_EQ(found.value().back().article_id, "weak") << "one occurrence in a long text last";
  for (const ArticleMatch& m : found.value()) {
    EXPECT_EQ(m.snippet.find_first_of("<>[]"), std::string::npos) << m.snippet;
    if (m.article_id == "untitled") {
      EXPECT_FALSE(m.title);
      EXPECT_EQ(m.snippet, "Short protest note.") << "a short text whole, no ellipsis";
      EXPECT_EQ(m.story, 3);
    }
    if (m.article_id == "strong") {
      EXPECT_EQ(m.title, "Protest in Seoul");
    }
  }
  const std::string& cut = found.value().back().snippet;
  EXPECT_NE(cut.find("\u2026"), std::string::npos) << cut;
  EXPECT_NE(cut.find("protest"), std::string::npos) << "the snippet shows the match: " << cut;
  EXPECT_LT(cut.size(), long_text.size() / 2) << cut;

  // Matched in the title only: the snippet is the start of the text.
  auto markets = store->SearchArticles("markets", 10).value();
  ASSERT_EQ(markets.size(), 1u);
  EXPECT_EQ(markets[0].snippet, "Shares rose.");

  auto best = store->SearchArticles("protest", 1).value();
  EXPECT_EQ(MatchIds(best), (std::vector<std::string>{"strong"}));
  EXPECT_TRUE(store->SearchArticles("!!!", 5).value().empty());
  EXPECT_TRUE(store->SearchArticles("nothing", 5).value().empty());

  // Merge repair moves story 2 into story 1: the match reports the story it is part of now.
  std::vector<StoredArticle> second = {Written("bridge", 1, 14, "Bridge", "Joins them.")};
  second[0].merged_stories = {2};
  ASSERT_TRUE(store->CommitBatch(second, {}, 1).ok());
  auto weak = store->SearchArticles("rally", 10).value();
  ASSERT_EQ(weak.size(), 1u);
  EXPECT_EQ(weak[0].article_id, "weak");
  EXPECT_EQ(weak[0].story, 1);
}

TEST_F(StoreTest, SearchKeepsABigStoryFromCrowdingOutTheOthers) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch;
  for (int i = 0; i < 6; ++i) {
    std::string id = "flood";
    id += std::to_string(i);
    batch.push_back(Written(id, 1, 10 + i, "Flood", "Flood waters rose; the flood closed roads."));
  }
  batch.push_back(
      Written("aside", 2, 20, "Council", "The council also discussed the flood briefly among many other items."));
  ASSERT_TRUE(store->CommitBatch(batch, {}, static_cast<int64_t>(batch.size())).ok());

  auto crowded = store->SearchArticles("flood", 4).value();
  ASSERT_EQ(crowded.size(), 4u);
  for (const ArticleMatch& m : crowded)
    EXPECT_EQ(m.story, 1) << "without a cap, the big story's matches fill the limit";

  auto capped = store->SearchArticles("flood", 4, 2).value();
  ASSERT_EQ(capped.size(), 3u) << "two of story 1, then story 2's only match";
  EXPECT_EQ(capped[0].story, 1);
  EXPECT_EQ(capped[1].story, 1);
  EXPECT_EQ(capped[2].article_id, "aside");
  EXPECT_EQ(store->SearchArticles("flood", 4, 0).status().code(), ErrorCode::kUsage);
}

TEST_F(StoreTest, QueriesAreNeverFtsSyntax) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch = {Written("x", 1, 10, "Apples", "Apples only."),
                                      Written("y", 2, 11, "Oranges", "Oranges only.")};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 2).ok());
  for (const std::string query : {R"("a" OR 1=1 --)",
                                  "NEAR(",
                                  "NEAR(apples oranges)",
                                  "\"",
                                  "\"apples",
                                  "*",
                                  "apples*",
                                  "title:apples",
                                  "{title}: apples",
                                  "apples AND",
                                  "(",
                                  ")",
                                  "-apples",
                                  "^apples",
                                  "'; DROP TABLE articles; --",
                                  "\\",
                                  "apples OR oranges",
                                  "apples NOT oranges",
                                  "\xff\xfe",
                                  "\u2014\u2026"}) {
    auto page = store->ListStoryPage(Query(query));
    ASSERT_TRUE(page.ok()) << query << ": " << page.status().message();
    auto listed = store->ListStories(Query(query));
    ASSERT_TRUE(listed.ok()) << query << ": " << listed.status().message();
    auto matches = store->SearchArticles(query, 10);
    ASSERT_TRUE(matches.ok()) << query << ": " << matches.status().message();
    EXPECT_LE(matches.value().size(), 1u) << query << ": nothing may match both articles";
  }
  // Operators are words: "apples OR oranges" needs the word "or", which neither article has.
  EXPECT_TRUE(store->SearchArticles("apples OR oranges", 10).value().empty());
  EXPECT_TRUE(store->SearchArticles(R"("a" OR 1=1 --)", 10).value().empty());
  EXPECT_EQ(MatchIds(store->SearchArticles("title:apples", 10).value()), std::vector<std::string>{})
      << "no column filter: needs the word \"title\"";
  EXPECT_EQ(MatchIds(store->SearchArticles("\"apples", 10).value()), (std::vector<std::string>{"x"}));
  EXPECT_EQ(MatchIds(store->SearchArticles("NEAR(apples", 10).value()), std::vector<std::string>{});
  EXPECT_EQ(store->ArticleCount().value(), 2) << "still there";
}

TEST_F(StoreTest, SummariesNameTheirSourcesAndDailyActivity) {
  auto store = OpenOrDie();
  std::vector<StoredArticle> batch = {Article("a", 1, 10, "Zeta"),  Article("b", 1, 10, "Alpha"),
                                      Article("c", 1, 12, "Alpha"), Article("d", 1, -1, "Mu"),
                                      Article("e", 1, 12, "beta"),  Article("f", 2, -1, "Solo")};
  batch.push_back(Article("g", 1, 12));
  batch.back().raw.source.reset();
  batch.back().raw.published_at = int64_t{12} * 86400 + 86399;  // the last second of the day
  ASSERT_TRUE(store->CommitBatch(batch, {}, 7).ok());

  const std::vector<std::string> sources = {"Alpha", "Mu", "Zeta", "beta"};
  const std::vector<std::pair<std::string, int>> activity = {{"1970-01-11", 2}, {"1970-01-13", 3}};
  auto check = [&](const StorySummary& s, const std::string& where) {
    if (s.id == 1) {
      EXPECT_EQ(s.source_names, sources) << where;
      EXPECT_EQ(s.sources, 4) << where;
      EXPECT_EQ(s.activity, activity) << where << ": undated and unsourced handled";
    } else {
      EXPECT_EQ(s.source_names, std::vector<std::string>{"Solo"}) << where;
      EXPECT_TRUE(s.activity.empty()) << where;
    }
  };
  for (const auto& s : store->ListStories({}).value()) check(s, "ListStories");
  for (const auto& s : store->ListStoryPage({}).value().stories) check(s, "ListStoryPage");
  check(store->GetStory(1).value(), "GetStory");
  check(store->GetStory(2).value(), "GetStory");
  EXPECT_EQ(store->ListStories({}).value().size(), 2u);
}

TEST_F(StoreTest, CountsArticlesAndLiveStories) {
  auto store = OpenOrDie();
  EXPECT_EQ(store->ArticleCount().value(), 0);
  EXPECT_EQ(store->StoryCount().value(), 0);
  std::vector<StoredArticle> first = {Article("a", 1, 1), Article("b", 2, 2), Article("c", 2, 3)};
  ASSERT_TRUE(store->CommitBatch(first, {}, 3).ok());
  EXPECT_EQ(store->ArticleCount().value(), 3);
  EXPECT_EQ(store->StoryCount().value(), 2);
  std::vector<StoredArticle> second = {Article("d", 1, 4)};
  second[0].merged_stories = {2};
  ASSERT_TRUE(store->CommitBatch(second, {}, 1).ok());
  EXPECT_EQ(store->ArticleCount().value(), 4);
  EXPECT_EQ(store->StoryCount().value(), 1) << "story 2 was merged away";
}

TEST_F(StoreTest, AVersionThreeFileOpensWithItsArticlesSearchable) {
  {
    // The file as a schema-3 binary left it: scripts 1 to 3, its settings, one story.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(DbPath().c_str(), &db), SQLITE_OK);
    std::string script;
    for (const Migration& m : Migrations()) {
      if (m.version <= 3) script += m.sql;
    }
    script += R"sql(
      INSERT INTO meta (key, value) VALUES ('fingerprint_version', 1), ('shingle_words', 5),
        ('permutations', 4), ('bands', 2), ('seed', 42);
      INSERT INTO articles (id, sequence, source, title, published_at, bullets, text, verbatim, origin) VALUES
        ('old-1', 7, 'Wire', 'Crowds protested in Seoul', 864000, '[]', 'Thousands gathered near city hall.',
         x'7B7D', 'old.jsonl:1'),
        ('old-2', 9, 'Paper', NULL, 950400, '[]', 'Markets rallied.', x'7B7D', 'old.jsonl:2');
      INSERT INTO fingerprints (article_id, exact_hash, minhash) VALUES
        ('old-1', 1, x'01000000020000000300000004000000'), ('old-2', 2, x'01000000020000000300000004000000');
      INSERT INTO stories (id, first_published_at, last_published_at, article_count, source_count, copy_count,
        headline) VALUES (5, 864000, 864000, 1, 1, 0, 'Crowds protested in Seoul'),
        (6, 950400, 950400, 1, 1, 0, 'Markets rallied.');
      INSERT INTO memberships (article_id, story_id) VALUES ('old-1', 5), ('old-2', 6);
      PRAGMA application_id = 1396986699;
      PRAGMA user_version = 3;
    )sql";
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db, script.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
    sqlite3_close(db);
  }
  auto store = OpenOrDie();
  ASSERT_TRUE(store);
  EXPECT_EQ(store->SchemaVersion(), LatestSchemaVersion());
  auto found = store->SearchArticles("protests seoul", 10).value();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].article_id, "old-1");
  EXPECT_EQ(found[0].story, 5);
  EXPECT_EQ(found[0].snippet, "Thousands gathered near city hall.");
  EXPECT_EQ(StoryIds(store->ListStoryPage(Query("rally")).value().stories), (std::vector<int64_t>{6}));
  EXPECT_EQ(store->GetStory(5).value().source_names, std::vector<std::string>{"Wire"});

  // New articles are indexed beside the old ones.
  std::vector<StoredArticle> batch = {Written("new", 7, 12, "Seoul protest ends", "Crowds went home.")};
  ASSERT_TRUE(store->CommitBatch(batch, {}, 1).ok());
  EXPECT_EQ(batch[0].sequence, 10);
  auto both = store->SearchArticles("seoul protest", 10).value();
  std::vector<std::string> ids = MatchIds(both);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"new", "old-1"}));
  EXPECT_EQ(store->ArticleCount().value(), 3);
  EXPECT_EQ(store->StoryCount().value(), 3);
}

}  // namespace
}  // namespace storydesk::store
