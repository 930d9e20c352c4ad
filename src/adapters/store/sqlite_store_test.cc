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
#include "adapters/store/store_contract.h"
#include "temp_dir.h"

namespace storydesk::store {
namespace {

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

// The SQLite backend of the contract suite: a file in a fresh directory, removed at the end.
class SqliteBackend {
 public:
  std::shared_ptr<Store> Open(const FingerprintSettings& settings) {
    if (dir_.path().empty()) return nullptr;
    auto opened = SqliteStore::Open((dir_.path() / "s.db").string(), settings);
    if (!opened.ok()) return nullptr;
    return std::move(opened).value();
  }

 private:
  testing::TempDir dir_;
};

INSTANTIATE_TYPED_TEST_SUITE_P(Sqlite, StoreContract, ::testing::Types<SqliteBackend>);

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
  b.relation = copies::CopyKind::kNear;
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
  EXPECT_EQ(all[1].relation, copies::CopyKind::kNear);
  EXPECT_DOUBLE_EQ(all[1].copy_score, 0.9);
  EXPECT_EQ(store->DocumentCount().value(), 2);
  EXPECT_EQ(store->LoadDocumentFrequencies().value(), (std::map<std::string, int64_t>{{"seoul", 2}}));
}

// A relation the program does not know (a file edited by hand, its CHECK bypassed) is reported
// with the article, not read as an original.
TEST_F(StoreTest, AnUnknownStoredRelationIsAnErrorNamingTheArticle) {
  StoredArticle a = Article("a1", 1, 100);
  StoredArticle b = Article("b1", 1, 101);
  b.copy_of = "a1";
  b.relation = copies::CopyKind::kExcerpt;
  {
    auto store = OpenOrDie();
    std::vector<StoredArticle> batch = {a, b};
    ASSERT_TRUE(store->CommitBatch(batch, {}, 2).ok());
    EXPECT_EQ(store->GetArticle("b1").value()->relation, copies::CopyKind::kExcerpt);
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(DbPath().c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "PRAGMA ignore_check_constraints = ON; UPDATE copies SET relation = 'paraphrase'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = OpenOrDie();
  auto got = store->GetArticle("b1");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("'b1'"), std::string::npos) << got.status().message();
  EXPECT_NE(got.status().message().find("'paraphrase'"), std::string::npos) << got.status().message();
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
