// SqliteStore::CheckInvariants: a store written through CommitBatch is whole; each deliberate
// corruption (written with plain SQL behind the store's back) is named.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "adapters/store/sqlite_store.h"
#include "temp_dir.h"

namespace storydesk::store {
namespace {

using storydesk::testing::TempDir;

const FingerprintSettings kSettings{.version = 1, .shingle_words = 5, .permutations = 4, .bands = 2, .seed = 42};

StoredArticle Article(const std::string& id, int64_t story, int day) {
  StoredArticle a;
  a.raw.id = id;
  a.raw.source = "Outlet " + id;
  a.raw.title = "Title of " + id;
  a.raw.text = "Body of " + id + ". Second sentence.";
  a.raw.verbatim = a.raw.text;
  a.raw.origin = "in.jsonl:1";
  a.raw.published_at = int64_t{day} * 86400;
  a.exact_hash = std::hash<std::string>{}(a.raw.text);
  a.minhash = {1, 2, 3, 4};
  a.story = story;
  return a;
}

// Story 1: a1 and its copy a2; story 2: a3.
std::string MakeStore(const TempDir& dir) {
  std::string path = (dir.path() / "s.db").string();
  auto store = SqliteStore::Open(path, kSettings);
  EXPECT_TRUE(store.ok());
  std::vector<StoredArticle> batch = {Article("a1", 1, 100), Article("a2", 1, 101), Article("a3", 2, 102)};
  batch[1].copy_of = "a1";
  batch[1].relation = copies::CopyKind::kNear;
  batch[1].copy_score = 0.9;
  EXPECT_TRUE(store.value()->CommitBatch(batch, {{"body", 3}}, 3).ok());
  return path;
}

void Corrupt(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << " in " << sql;
  sqlite3_free(error);
  sqlite3_close(db);
}

InvariantReport Check(const std::string& path) {
  auto store = SqliteStore::Open(path, kSettings);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (!store.ok()) return {};
  auto report = store.value()->CheckInvariants();
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? report.value() : InvariantReport{};
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST(InvariantCheckTest, AStoreWrittenByTheStoreIsWhole) {
  TempDir dir;
  const InvariantReport report = Check(MakeStore(dir));
  EXPECT_TRUE(report.ok()) << Lines(report.violations);
  EXPECT_EQ(report.articles, 3);
  EXPECT_EQ(report.stories, 2);
  EXPECT_EQ(report.copies, 1);
}

TEST(InvariantCheckTest, AnEmptyStoreIsWhole) {
  TempDir dir;
  const std::string path = (dir.path() / "empty.db").string();
  ASSERT_TRUE(SqliteStore::Open(path, kSettings).ok());
  EXPECT_TRUE(Check(path).ok());
}

struct CorruptionCase {
  const char* name;
  const char* sql;       // applied behind the store's back
  const char* expected;  // a substring of one violation
};

const CorruptionCase kCorruptions[] = {
    {"article in no story", "DELETE FROM memberships WHERE article_id = 'a3'", "article 'a3' is in no story"},
    {"membership of a lost article", "PRAGMA foreign_keys = OFF; DELETE FROM articles WHERE id = 'a3'",
     "membership of article 'a3', which is not stored"},
    {"no fingerprint", "DELETE FROM fingerprints WHERE article_id = 'a1'", "article 'a1' has no fingerprint"},
    {"member of a story without a row", "DELETE FROM stories WHERE id = 2", "is in story 2, which has no summary row"},
    {"empty story", "INSERT INTO stories (id, headline) VALUES (99, 'ghost')", "story 99 has no articles"},
    {"stale count", "UPDATE stories SET article_count = 7 WHERE id = 1", "story 1 summary says 7 articles"},
    {"stale dates", "UPDATE stories SET last_published_at = 5 WHERE id = 2", "story 2 summary says 1 articles"},
    {"copy of nothing", "PRAGMA foreign_keys = OFF; UPDATE copies SET original_id = 'gone'",
     "article 'a2' is a copy of 'gone', which is not stored"},
    {"copy of itself", "UPDATE copies SET original_id = 'a2'", "article 'a2' is a copy of itself"},
    {"copy chain", "INSERT INTO copies VALUES ('a1', 'a3', 'near', 0.8)", "which is itself a copy of"},
    {"copy in another story", "UPDATE memberships SET story_id = 2 WHERE article_id = 'a2'",
     "article 'a2' (story 2) is a copy of 'a1' (story 1)"},
    {"original published later", "UPDATE articles SET published_at = published_at + 864000 WHERE id = 'a1'",
     "article 'a2' is a copy of 'a1', published later"},
    {"merged story keeps members", "INSERT INTO story_merges VALUES (2, 1, 'a3')",
     "story 2 was merged into story 1 but still has 1 articles"},
    {"storyline of a story without articles", "INSERT INTO story_storylines VALUES (77, 5)",
     "storyline 5 lists story 77, which has no articles"},
    {"document count", "UPDATE meta SET value = 99 WHERE key = 'document_count'",
     "document count is 99, but 3 articles are stored"},
    {"article missing from the search index",
     "INSERT INTO article_search (article_search, rowid, title, text) "
     "SELECT 'delete', sequence, title, text FROM articles WHERE id = 'a3'",
     "article 'a3' (sequence 3) is missing from the search index"},
    {"search index out of date",
     "DROP TRIGGER articles_search_update; UPDATE articles SET text = 'Quite other words.' WHERE id = 'a1'",
     "the search index does not match the articles"},
};

TEST(InvariantCheckTest, EachCorruptionIsNamed) {
  for (const CorruptionCase& c : kCorruptions) {
    SCOPED_TRACE(c.name);
    TempDir dir;
    const std::string path = MakeStore(dir);
    Corrupt(path, c.sql);
    const InvariantReport report = Check(path);
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(report.violation_count, report.violations.size());
    EXPECT_NE(Lines(report.violations).find(c.expected), std::string::npos) << Lines(report.violations);
  }
}

TEST(InvariantCheckTest, ViolationsBeyondTheLimitAreCountedNotListed) {
  TempDir dir;
  const std::string path = MakeStore(dir);
  Corrupt(path, "DELETE FROM memberships");
  auto store = SqliteStore::Open(path, kSettings);
  ASSERT_TRUE(store.ok());
  auto report = store.value()->CheckInvariants(/*max_violations=*/1);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.value().violations.size(), 1u);
  EXPECT_GT(report.value().violation_count, 3u);
}

}  // namespace
}  // namespace storydesk::store
