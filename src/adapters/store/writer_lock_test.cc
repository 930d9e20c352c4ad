#include "adapters/store/writer_lock.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "temp_dir.h"

namespace storydesk::store {
namespace {

using namespace std::chrono_literals;
using storydesk::testing::TempDir;

WriterLockOptions NoWait() { return WriterLockOptions{.max_wait = 0ms, .on_wait = {}}; }

TEST(WriterLockTest, OneWriterAtATimeAndReleasedWithTheHandle) {
  TempDir dir;
  const std::string db = (dir.path() / "s.db").string();
  {
    auto first = WriterLock::Acquire(db, NoWait());
    ASSERT_TRUE(first.ok()) << first.status().message();
    EXPECT_EQ(first.value().path(), db + ".writer-lock");
    auto second = WriterLock::Acquire(db, NoWait());
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.status().code(), ErrorCode::kConflict);
    EXPECT_NE(second.status().message().find("another writer"), std::string::npos);
    // Moving the handle keeps the lock.
    WriterLock moved = std::move(first).value();
    EXPECT_FALSE(WriterLock::Acquire(db, NoWait()).ok());
  }
  EXPECT_TRUE(WriterLock::Acquire(db, NoWait()).ok()) << "released when the handle goes";
  EXPECT_TRUE(std::filesystem::exists(db + ".writer-lock")) << "the lock file stays (never unlinked)";
}

TEST(WriterLockTest, TheSecondWriterSaysItWaitsOnceAndProceedsWhenTheFirstIsDone) {
  TempDir dir;
  const std::string db = (dir.path() / "s.db").string();
  auto first = WriterLock::Acquire(db);
  ASSERT_TRUE(first.ok());
  std::atomic<int> waits{0};
  std::atomic<bool> acquired{false};
  std::thread second([&] {
    WriterLockOptions options;
    options.on_wait = [&](const std::string& path) {
      EXPECT_EQ(path, db + ".writer-lock");
      ++waits;
    };
    auto lock = WriterLock::Acquire(db, options);
    EXPECT_TRUE(lock.ok()) << lock.status().message();
    acquired = true;
  });
  std::this_thread::sleep_for(200ms);
  EXPECT_FALSE(acquired) << "waits while the first holds the lock";
  { WriterLock release = std::move(first).value(); }
  second.join();
  EXPECT_TRUE(acquired);
  EXPECT_EQ(waits, 1);
}

TEST(WriterLockTest, ABoundedWaitGivesUpWithAConflict) {
  TempDir dir;
  const std::string db = (dir.path() / "s.db").string();
  auto first = WriterLock::Acquire(db);
  ASSERT_TRUE(first.ok());
  const auto start = std::chrono::steady_clock::now();
  auto second = WriterLock::Acquire(db, WriterLockOptions{.max_wait = 100ms, .on_wait = {}});
  const auto waited = std::chrono::steady_clock::now() - start;
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), ErrorCode::kConflict);
  EXPECT_GE(waited, 100ms);
  EXPECT_LT(waited, 5s);
}

TEST(WriterLockTest, AKilledWriterLeavesNoStaleLock) {
  TempDir dir;
  const std::string db = (dir.path() / "s.db").string();
  int ready[2];
  ASSERT_EQ(pipe(ready), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto lock = WriterLock::Acquire(db, NoWait());
    const char byte = lock.ok() ? 'y' : 'n';
    if (write(ready[1], &byte, 1) != 1) _exit(1);
    pause();  // killed here, holding the lock
    _exit(0);
  }
  close(ready[1]);
  char byte = 0;
  ASSERT_EQ(read(ready[0], &byte, 1), 1);
  close(ready[0]);
  ASSERT_EQ(byte, 'y');
  EXPECT_FALSE(WriterLock::Acquire(db, NoWait()).ok()) << "held by the child";
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WriterLock::Acquire(db, NoWait()).ok()) << "the kernel released the dead writer's lock";
}

TEST(WriterLockTest, ALockFileThatCannotBeCreatedIsAnIoError) {
  TempDir dir;
  auto lock = WriterLock::Acquire((dir.path() / "no-such-dir" / "s.db").string(), NoWait());
  ASSERT_FALSE(lock.ok());
  EXPECT_EQ(lock.status().code(), ErrorCode::kIo);
  EXPECT_NE(lock.status().message().find("s.db.writer-lock"), std::string::npos) << lock.status().message();
}

}  // namespace
}  // namespace storydesk::store
