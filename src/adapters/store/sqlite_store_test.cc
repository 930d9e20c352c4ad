#include "adapters/store/sqlite_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

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
  ASSERT_TRUE(store->ForEachArticle([&](const StoredArticle& s) {
                     all.push_back(s);
                     return true;
                   }).ok());
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
  EXPECT_EQ(store->LoadDocumentFrequencies().value(),
            (std::map<std::string, int64_t>{{"x", 1}, {"y", 2}, {"z", 1}}));
}

TEST_F(StoreTest, StoriesAreSummarisedAndListedByNewestActivity) {
  auto store = OpenOrDie();
  StoredArticle copy = Article("s1-c", 1, 12, "Copier");
  copy.copy_of = "s1-a";
  copy.relation = "exact";
  copy.copy_score = 1.0;
  std::vector<StoredArticle> batch = {Article("s1-a", 1, 10, "A"), Article("s1-b", 1, 11, "B"), copy,
                                      Article("s2-a", 2, 20, "A"), Article("s3-a", 3, -1, "A")};
  batch[0].raw.title.reset();  // the headline then comes from the first sentence
  ASSERT_TRUE(store->CommitBatch(batch, {}, 5).ok());

  const auto stories = store->ListStories({}).value();
  ASSERT_EQ(stories.size(), 3u);
  EXPECT_EQ(stories[0].id, 2);
  EXPECT_EQ(stories[1].id, 1);
  EXPECT_EQ(stories[2].id, 3) << "undated stories come last";
  const StorySummary& s1 = stories[1];
  EXPECT_EQ(s1.headline, "Body of s1-a.");
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

}  // namespace
}  // namespace storydesk::store
