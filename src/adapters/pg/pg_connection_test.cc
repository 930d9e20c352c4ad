#include "adapters/pg/pg_connection.h"

#include <gtest/gtest.h>

#include "adapters/pg/temporary_postgres.h"

namespace storydesk::pg {
namespace {

// One server for the suite: initdb and start take a couple of seconds.
class PgConnectionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    shared_server = new TemporaryPostgres();
    shared_start = shared_server->Start();
  }
  static void TearDownTestSuite() {
    delete shared_server;
    shared_server = nullptr;
  }
  void SetUp() override {
    if (shared_start.code() == ErrorCode::kNotFound) GTEST_SKIP() << shared_start.message();
    ASSERT_TRUE(shared_start.ok()) << shared_start.message();
  }
  static TemporaryPostgres* shared_server;
  static Status shared_start;
};
TemporaryPostgres* PgConnectionTest::shared_server = nullptr;
Status PgConnectionTest::shared_start = Status::Ok();

TEST_F(PgConnectionTest, ParametersAndRowsRoundTrip) {
  auto conn = PgConnection::Connect(shared_server->ConnInfo());
  ASSERT_TRUE(conn.ok()) << conn.status().message();
  PgConnection& c = *conn.value();
  ASSERT_TRUE(
      c.ExecScript("CREATE TABLE t (id bigint PRIMARY KEY, name text, score double precision, raw bytea)").ok());
  const std::string bytes("a\0b\xff\n", 5);
  ASSERT_TRUE(
      c.Exec("INSERT INTO t VALUES ($1, $2, $3, $4)", Params().Int(-7).Text("Zoë 'quoted'").Real(0.25).Bytes(bytes))
          .ok());
  ASSERT_TRUE(c.Exec("INSERT INTO t VALUES ($1, $2, $3, $4)", Params().Int(8).Null().Real(1e-9).Bytes("")).ok());
  auto rows = c.Query("SELECT id, name, score, raw FROM t ORDER BY id");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows.value().Count(), 2);
  EXPECT_EQ(rows.value().Int(0, 0), -7);
  EXPECT_EQ(rows.value().OptionalText(0, 1), std::optional<std::string>("Zoë 'quoted'"));
  EXPECT_DOUBLE_EQ(rows.value().Real(0, 2), 0.25);
  EXPECT_EQ(rows.value().Bytes(0, 3), bytes);
  EXPECT_EQ(rows.value().OptionalText(1, 1), std::nullopt);
  EXPECT_DOUBLE_EQ(rows.value().Real(1, 2), 1e-9);
}

TEST_F(PgConnectionTest, ErrorsAreValuesAndUniqueViolationsConflicts) {
  auto conn = PgConnection::Connect(shared_server->ConnInfo());
  ASSERT_TRUE(conn.ok());
  PgConnection& c = *conn.value();
  ASSERT_TRUE(c.ExecScript("CREATE TABLE u (id bigint PRIMARY KEY)").ok());
  ASSERT_TRUE(c.Exec("INSERT INTO u VALUES (1)").ok());
  const Status dup = c.Exec("INSERT INTO u VALUES (1)");
  EXPECT_EQ(dup.code(), ErrorCode::kConflict) << dup.message();
  const Status bad = c.Exec("SELECT * FROM no_such_table");
  EXPECT_EQ(bad.code(), ErrorCode::kStore);
  EXPECT_NE(bad.message().find("no_such_table"), std::string::npos) << bad.message();
  EXPECT_EQ(bad.message().find('\n'), std::string::npos);
  // A failed transaction is rolled back whole.
  const Status tx = c.InTransaction([&] {
    if (Status s = c.Exec("INSERT INTO u VALUES (2)"); !s.ok()) return s;
    return c.Exec("INSERT INTO u VALUES (1)");
  });
  EXPECT_FALSE(tx.ok());
  auto count = c.Query("SELECT count(*) FROM u");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count.value().Int(0, 0), 1);
  EXPECT_FALSE(c.InTransaction());
}

TEST_F(PgConnectionTest, ABadAddressIsOneLine) {
  auto conn = PgConnection::Connect("host=/nonexistent-dir user=x dbname=y connect_timeout=2");
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.status().code(), ErrorCode::kStore);
  EXPECT_EQ(conn.status().message().find('\n'), std::string::npos) << conn.status().message();
}

}  // namespace
}  // namespace storydesk::pg
