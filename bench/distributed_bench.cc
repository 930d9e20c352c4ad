// Distributed ingest's throughput (issue 21): articles per second from a full ARTICLES stream to
// all of it stored in PostgreSQL, with 1 and with 2 `storydesk worker` processes (one analysis
// thread each; one of them also assigns), and the assigner's own ceiling — its articles per
// second when every analysis is already waiting on PREPARED. For context, the same articles by
// one `storydesk ingest` into PostgreSQL and into SQLite. Each scenario gets a fresh 3-node NATS
// cluster and a fresh database; all of it runs on this one machine.
//
//   build-bench/bench/storydesk_distributed_bench build-bench/storydesk [ARTICLES]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "adapters/nats/ingest_streams.h"
#include "adapters/nats/nats_client.h"
#include "adapters/nats/temporary_nats.h"
#include "adapters/pg/pg_connection.h"
#include "adapters/pg/temporary_postgres.h"
#include "distributed/child_process.h"

namespace {

using namespace storydesk;  // NOLINT(google-build-using-namespace): a benchmark's main
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

int64_t Stored(pg::PgConnection& db) {
  auto rows = db.Query("SELECT count(*) FROM articles");
  return rows.ok() ? rows.value().Int(0, 0) : -1;
}

// Seconds until `n` articles are stored (polled every 20 ms); negative after 30 minutes.
double SecondsUntilStored(pg::PgConnection& db, int64_t n, Clock::time_point from) {
  while (Clock::now() - from < std::chrono::minutes(30)) {
    if (Stored(db) >= n) return std::chrono::duration<double>(Clock::now() - from).count();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "distributed_bench: %s\n", what.c_str());
  std::exit(1);
}

int Run(int argc, char** argv) {
  if (argc < 2) Fail("usage: storydesk_distributed_bench STORYDESK_BINARY [ARTICLES]");
  const std::string binary = fs::absolute(argv[1]).string();
  const int64_t n = argc > 2 ? std::atoll(argv[2]) : 6000;
  const fs::path dir = fs::temp_directory_path() / ("storydesk-distributed-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  const std::string log = (dir / "bench.log").string();
  const std::string stream = (dir / "stream.jsonl").string();
  if (testing::RunLogged({binary, "synth", "--articles", std::to_string(n), "--days",
                          std::to_string(std::max<int64_t>(3, n / 400)), "-o", stream},
                         log) != 0) {
    Fail("synth failed: " + testing::ReadWhole(log));
  }
  pg::TemporaryPostgres postgres;
  if (Status s = postgres.Start(); !s.ok()) Fail(s.message());
  std::printf("%lld articles (storydesk synth), one machine: %u hardware threads\n", static_cast<long long>(n),
              std::thread::hardware_concurrency());
  std::printf("%-44s %10s %12s\n", "scenario", "seconds", "articles/s");
  auto report = [&](const std::string& name, double seconds) {
    std::printf("%-44s %10.2f %12.0f\n", name.c_str(), seconds, static_cast<double>(n) / seconds);
    std::fflush(stdout);
  };
  // Single machine, for context.
  {
    const auto began = Clock::now();
    if (testing::RunLogged({binary, "--db", (dir / "one.db").string(), "ingest", stream}, log) != 0)
      Fail("ingest failed");
    report("ingest, SQLite (all cores)", std::chrono::duration<double>(Clock::now() - began).count());
    auto url = postgres.CreateDatabase("single");
    if (!url.ok()) Fail(url.status().message());
    const auto began_pg = Clock::now();
    if (testing::RunLogged({binary, "--store", url.value(), "ingest", stream}, log) != 0)
      Fail("ingest (PostgreSQL) failed");
    report("ingest, PostgreSQL (all cores)", std::chrono::duration<double>(Clock::now() - began_pg).count());
  }
  struct Scenario {
    const char* name;
    int workers;         // worker processes with the store (one assigns)
    bool prepare_first;  // analyses made beforehand by storeless workers: the assigner alone
  };
  const Scenario scenarios[] = {
      {"distributed, 1 worker (1 thread) + assigner", 1, false},
      {"distributed, 2 workers (1 thread each)", 2, false},
      {"assigner alone (analyses all on PREPARED)", 1, true},
  };
  int round = 0;
  for (const Scenario& sc : scenarios) {
    nats::TemporaryNatsCluster cluster(3);
    if (Status s = cluster.Start(); !s.ok()) Fail(s.message());
    auto url = postgres.CreateDatabase("run" + std::to_string(++round));
    if (!url.ok()) Fail(url.status().message());
    auto db = pg::PgConnection::Connect(url.value());
    if (!db.ok()) Fail(db.status().message());
    // The store made before the clock starts (the schema, once).
    if (testing::RunLogged({binary, "--store", url.value(), "stories"}, log) != 0) Fail("cannot open the store");
    const auto began_publish = Clock::now();
    if (testing::RunLogged({binary, "publish", stream, "--nats", cluster.Urls()}, log) != 0) {
      Fail("publish failed: " + testing::ReadWhole(log));
    }
    if (round == 1) report("publish (3 replicas)", std::chrono::duration<double>(Clock::now() - began_publish).count());
    if (sc.prepare_first) {
      std::vector<pid_t> preparers;
      preparers.reserve(2);
      for (int k = 0; k < 2; ++k) {
        preparers.push_back(
            testing::SpawnLogged({binary, "--store", "", "worker", "--nats", cluster.Urls(), "--threads", "1"}, log));
      }
      auto client = nats::NatsClient::Connect(cluster.Urls(), "bench");
      if (!client.ok()) Fail(client.status().message());
      while (true) {
        auto last = nats::LastSequence(*client.value(), nats::kPreparedStream);
        if (last.ok() && static_cast<int64_t>(last.value()) >= n) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      for (pid_t p : preparers) ::kill(p, SIGTERM);
      for (pid_t p : preparers) testing::WaitChild(p);
    }
    const auto began = Clock::now();
    std::vector<pid_t> workers;
    workers.reserve(static_cast<size_t>(sc.workers));
    for (int k = 0; k < sc.workers; ++k) {
      workers.push_back(testing::SpawnLogged(
          {binary, "--store", url.value(), "worker", "--nats", cluster.Urls(), "--threads", "1"}, log));
    }
    const double seconds = SecondsUntilStored(*db.value(), n, began);
    for (pid_t p : workers) ::kill(p, SIGTERM);
    for (pid_t p : workers) testing::WaitChild(p);
    if (seconds < 0) Fail(std::string(sc.name) + ": not all stored: " + testing::ReadWhole(log));
    report(sc.name, seconds);
  }
  fs::remove_all(dir);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    Fail(e.what());
  } catch (...) {
    Fail("unknown exception");
  }
}
