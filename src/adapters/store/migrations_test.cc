#include "adapters/store/migrations.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>
#include <vector>

#include "adapters/store/sqlite_store.h"

namespace storydesk::store {
namespace {

TEST(MigrationsTest, VersionsAreConsecutiveFromOne) {
  const auto migrations = Migrations();
  ASSERT_FALSE(migrations.empty());
  for (size_t i = 0; i < migrations.size(); ++i) {
    EXPECT_EQ(migrations[i].version, static_cast<int>(i + 1));
    EXPECT_NE(std::string(migrations[i].description), "");
  }
  EXPECT_EQ(LatestSchemaVersion(), migrations.back().version);
}

TEST(MigrationsTest, MigratingTwiceIsANoOp) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  const FingerprintSettings settings{.version = 1, .shingle_words = 5, .permutations = 8, .bands = 4, .seed = 1};
  int version = -1;
  ASSERT_TRUE(Migrate(db, settings, &version).ok());
  EXPECT_EQ(version, LatestSchemaVersion());
  EXPECT_EQ(ReadUserVersion(db).value(), LatestSchemaVersion());
  ASSERT_TRUE(Migrate(db, settings, &version).ok());
  EXPECT_EQ(version, LatestSchemaVersion());
  sqlite3_close(db);
}

// Runs `sql` on `db`, failing the test with SQLite's message on error.
void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << "\nin: " << sql;
  sqlite3_free(error);
}

// Brings an empty database to schema `version` as a binary of that version did: its scripts
// in order, then the version bump (the fingerprint settings are recorded by Migrate later).
void ApplyMigrationsUpTo(sqlite3* db, int version) {
  for (const Migration& m : Migrations()) {
    if (m.version > version) break;
    Exec(db, m.sql);
  }
  Exec(db, "PRAGMA user_version = " + std::to_string(version));
}

// An article row as the store writes it; `title` is SQL ("NULL" or a quoted literal).
void InsertArticle(sqlite3* db, const std::string& id, int64_t sequence, const std::string& title,
                   const std::string& text) {
  const std::string values = "'" + id + "', " + std::to_string(sequence) + ", 'Outlet', " + title + ", 86400, '[]', '" +
                             text + "', x'7B7D', 'in.jsonl:1'";
  Exec(db,
       "INSERT INTO articles (id, sequence, source, title, published_at, bullets, text, verbatim, origin) VALUES (" +
           values + ")");
}

// Ids of the articles matching the FTS5 query `match`, sorted.
std::vector<std::string> Search(sqlite3* db, const std::string& match) {
  sqlite3_stmt* stmt = nullptr;
  const char* sql =
      "SELECT a.id FROM article_search JOIN articles a ON a.sequence = article_search.rowid "
      "WHERE article_search MATCH ?1 ORDER BY a.id";
  EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<std::string> ids;
  int rc = 0;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  EXPECT_EQ(rc, SQLITE_DONE) << sqlite3_errmsg(db);
  sqlite3_finalize(stmt);
  return ids;
}

using Ids = std::vector<std::string>;

TEST(MigrationsTest, AVersionThreeFileMigratesWithItsArticlesSearchable) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  ApplyMigrationsUpTo(db, 3);
  ASSERT_EQ(ReadUserVersion(db).value(), 3);
  // Sequences far from the rows' implicit rowids (1, 2, 3): the index must key on sequence.
  InsertArticle(db, "old-a", 10, "'Crowds protested in Seoul'", "Thousands gathered near city hall.");
  InsertArticle(db, "old-b", 20, "NULL", "Caf\u00e9 owners protest rents in Busan.");
  InsertArticle(db, "old-c", 30, "'Markets'", "Shares rose.");

  const FingerprintSettings settings{.version = 1, .shingle_words = 5, .permutations = 8, .bands = 4, .seed = 1};
  int version = -1;
  const Status migrated = Migrate(db, settings, &version);
  ASSERT_TRUE(migrated.ok()) << migrated.message();
  EXPECT_EQ(version, LatestSchemaVersion());

  EXPECT_EQ(Search(db, "\"protests\""), (Ids{"old-a", "old-b"})) << "stemmed, title or text";
  EXPECT_EQ(Search(db, "\"seoul\" \"thousands\""), (Ids{"old-a"})) << "words from title and text together";
  EXPECT_EQ(Search(db, "\"cafe\""), (Ids{"old-b"})) << "diacritics removed";
  EXPECT_EQ(Search(db, "\"shares\""), (Ids{"old-c"}));
  EXPECT_EQ(Search(db, "\"missing\""), Ids{});

  // The triggers keep the index in step with later writes.
  InsertArticle(db, "new", 40, "'Shares fell'", "Markets slid.");
  EXPECT_EQ(Search(db, "\"shares\""), (Ids{"new", "old-c"}));
  Exec(db, "UPDATE articles SET title = 'Bonds' WHERE id = 'old-c'");
  EXPECT_EQ(Search(db, "\"markets\""), (Ids{"new"})) << "the old title is gone from the index";
  EXPECT_EQ(Search(db, "\"bonds\""), (Ids{"old-c"}));
  Exec(db, "UPDATE articles SET title = NULL, text = 'Rents rose.' WHERE id = 'old-b'");
  EXPECT_EQ(Search(db, "\"protest\""), (Ids{"old-a"}));
  EXPECT_EQ(Search(db, "\"rents\""), (Ids{"old-b"}));
  Exec(db, "UPDATE articles SET place = 'Seoul' WHERE id = 'old-b'");  // not an indexed column
  EXPECT_EQ(Search(db, "\"seoul\""), (Ids{"old-a"}));
  Exec(db, "DELETE FROM articles WHERE id = 'old-a'");
  EXPECT_EQ(Search(db, "\"seoul\""), Ids{});
  EXPECT_EQ(Search(db, "\"shares\" OR \"rents\""), (Ids{"new", "old-b", "old-c"}));
  sqlite3_close(db);
}

}  // namespace
}  // namespace storydesk::store
