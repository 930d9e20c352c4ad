#include "adapters/store/migrations.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

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

}  // namespace
}  // namespace storydesk::store
