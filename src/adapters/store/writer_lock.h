// WriterLock: one writer at a time on a store file, across processes and threads.
//
// Every writer of a store (`storydesk ingest`, the server's POST /api/articles) holds this
// lock while it restores its engine, decides and commits. Two writers deciding at once would
// each reserve story ids from the same highest id and group their articles without seeing the
// other's (issue 14, defect 2); SQLite's own write lock covers one transaction only, while an
// ingest spans many (one per batch) and the engine state read before them.
//
// Mechanism: an exclusive flock(2) on a lock file beside the database, "DB.writer-lock",
// created when absent and never removed (removing a lock file lets two processes lock two
// different inodes). The kernel releases the lock when its holder exits however it exits
// (SIGKILL included), so a crashed writer never leaves a stale lock behind. flock locks belong
// to an open file description: two WriterLocks in one process exclude each other as two
// processes do. Local file systems only (flock over NFS is not dependable).
//
// Thread-safety: a WriterLock is a move-only handle; use one from one thread at a time.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "storydesk/status.h"

namespace storydesk::store {

struct WriterLockOptions {
  // How long to wait for another writer: nullopt waits as long as it takes, zero does not wait.
  std::optional<std::chrono::milliseconds> max_wait;
  // Called once, with the lock file's path, when the lock is held by someone else and this
  // call is about to wait (the CLI prints "storydesk: waiting for another writer on DB").
  std::function<void(const std::string& lock_path)> on_wait;
};

class WriterLock {
 public:
  // The lock file guarding the database at `db_path`: db_path + ".writer-lock".
  static std::string LockPathFor(const std::string& db_path);

  // Takes the writer lock of the database at `db_path`, waiting as `options` says.
  // Errors: kConflict when another writer still holds it after max_wait ("another writer is
  // storing into DB; try again later"); kIo when the lock file cannot be created or locked
  // (a read-only directory, say), naming the file and the system's reason.
  static Result<WriterLock> Acquire(const std::string& db_path, const WriterLockOptions& options = {});

  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&& other) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  // Releases the lock (closing the file releases the flock).
  ~WriterLock();

  const std::string& path() const { return path_; }

 private:
  WriterLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::string path_;
};

}  // namespace storydesk::store
