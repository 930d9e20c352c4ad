// StoreWriterLock: one writer at a time on whatever store a path names — the flock of
// store/writer_lock.h beside a SQLite file, or a PostgreSQL session advisory lock
// (pg/pg_writer_lock.h) for a postgresql:// URL. Every writer (ingest, corrections, the server's
// POST) holds one while it restores its engine, decides and commits.
// Thread-safety: a move-only handle.
#pragma once

#include <optional>
#include <string>

#include "adapters/pg/pg_writer_lock.h"
#include "adapters/store/writer_lock.h"
#include "storydesk/status.h"

namespace storydesk::service {

class StoreWriterLock {
 public:
  // As store::WriterLock::Acquire (the same errors), for a file or a URL; `on_wait` is called
  // with the path or URL.
  static Result<StoreWriterLock> Acquire(const std::string& db_path, const store::WriterLockOptions& options = {});

 private:
  std::optional<store::WriterLock> file_;
  std::optional<pg::PgWriterLock> server_;
};

}  // namespace storydesk::service
