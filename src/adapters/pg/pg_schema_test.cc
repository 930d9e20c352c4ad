#include "adapters/pg/pg_schema.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "adapters/pg/temporary_postgres.h"

namespace storydesk::pg {
namespace {

TEST(PgSchemaTest, MigratesOnceWhateverManyStartTogetherAndRefusesOthersTables) {
  TemporaryPostgres server;
  const Status started = server.Start();
  if (started.code() == ErrorCode::kNotFound) GTEST_SKIP() << started.message();
  ASSERT_TRUE(started.ok()) << started.message();
  const PgFingerprintSettings settings{1, 5, 128, 32, 42};
  std::vector<std::thread> threads;
  threads.reserve(4);
  std::vector<Status> results(4, Status::Ok());
  std::vector<int> versions(4, 0);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      auto conn = PgConnection::Connect(server.ConnInfo());
      if (!conn.ok()) {
        results[i] = conn.status();
        return;
      }
      results[i] = MigratePg(*conn.value(), settings, &versions[i]);
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < 4; ++i) {
    EXPECT_TRUE(results[i].ok()) << results[i].message();
    EXPECT_EQ(versions[i], LatestPgSchemaVersion());
  }
  auto conn = PgConnection::Connect(server.ConnInfo());
  ASSERT_TRUE(conn.ok());
  auto seed = conn.value()->Query("SELECT value FROM storydesk_meta WHERE key = 'seed'");
  ASSERT_TRUE(seed.ok());
  EXPECT_EQ(seed.value().Text(0, 0), "42");
  // Another application's database is not taken over.
  ASSERT_TRUE(conn.value()->ExecScript("CREATE DATABASE other").ok());
  std::string other = server.ConnInfo();
  other.replace(other.find("dbname=storydesk"), 16, "dbname=other");
  auto other_conn = PgConnection::Connect(other);
  ASSERT_TRUE(other_conn.ok());
  ASSERT_TRUE(other_conn.value()->ExecScript("CREATE TABLE invoices (id int)").ok());
  int version = 0;
  const Status refused = MigratePg(*other_conn.value(), settings, &version);
  EXPECT_FALSE(refused.ok());
  EXPECT_NE(refused.message().find("another application"), std::string::npos) << refused.message();
}

}  // namespace
}  // namespace storydesk::pg
