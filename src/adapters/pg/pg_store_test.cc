// The Store contract (store_contract.h) on PostgreSQL: each test on a fresh database of one
// server this test binary starts (TemporaryPostgres). Skipped when PostgreSQL is not installed.
#include "adapters/pg/pg_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>

#include "adapters/pg/temporary_postgres.h"
#include "adapters/store/store_contract.h"

namespace storydesk::store {
namespace {

// The server, started once for the process by the first test that needs it.
pg::TemporaryPostgres& Server(Status* started) {
  static pg::TemporaryPostgres server;
  static const Status kStarted = server.Start();
  *started = kStarted;
  return server;
}

class PgBackend {
 public:
  std::shared_ptr<Store> Open(const FingerprintSettings& settings) {
    if (!conninfo_.empty()) return Reopen(settings);
    Status started = Status::Ok();
    pg::TemporaryPostgres& server = Server(&started);
    if (!started.ok()) {
      ADD_FAILURE() << started.message();
      return nullptr;
    }
    static std::atomic<int> counter{0};
    const std::string name = "contract_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto admin = pg::PgConnection::Connect(server.ConnInfo());
    EXPECT_TRUE(admin.ok()) << admin.status().message();
    if (!admin.ok()) return nullptr;
    EXPECT_TRUE(admin.value()->ExecScript("CREATE DATABASE " + name).ok());
    conninfo_ = server.ConnInfo();
    conninfo_.replace(conninfo_.find("dbname=storydesk"), 16, "dbname=" + name);
    return Reopen(settings);
  }

 private:
  // A new connection to the test's database each time, as a reopened file.
  std::shared_ptr<Store> Reopen(const FingerprintSettings& settings) {
    auto opened = pg::PgStore::Open(conninfo_, settings);
    EXPECT_TRUE(opened.ok()) << opened.status().message();
    if (!opened.ok()) return nullptr;
    return std::move(opened).value();
  }

  std::string conninfo_;
};

INSTANTIATE_TYPED_TEST_SUITE_P(Postgres, StoreContract, ::testing::Types<PgBackend>);

}  // namespace
}  // namespace storydesk::store
