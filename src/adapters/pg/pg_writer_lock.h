// PgWriterLock: one writer at a time on a PostgreSQL store, across machines — the counterpart of
// the SQLite store's WriterLock (a file lock) for stores that live on a server. A session-level
// advisory lock (kIngestLock) held on a connection of its own for as long as the object lives;
// the server releases it when the connection ends however its holder ends (killed included).
// Thread-safety: a move-only handle; use one from one thread at a time.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "adapters/pg/pg_connection.h"
#include "storydesk/status.h"

namespace storydesk::pg {

// The advisory lock key of writers' sessions: "SDSKINGS" as a bigint.
inline constexpr int64_t kIngestLock = 0x5344534B494E4753;

class PgWriterLock {
 public:
  // Takes the lock of the store at `conninfo`, waiting up to `max_wait` (nullopt: as long as it
  // takes; zero: not at all), calling `on_wait` once before waiting. Errors: kConflict when
  // another writer still holds it after max_wait; kStore when the server cannot be reached.
  static Result<PgWriterLock> Acquire(const std::string& conninfo, std::optional<std::chrono::milliseconds> max_wait,
                                      const std::function<void()>& on_wait);

  PgWriterLock(PgWriterLock&&) noexcept = default;
  PgWriterLock& operator=(PgWriterLock&&) noexcept = default;
  ~PgWriterLock() = default;  // closing the connection releases the lock

 private:
  explicit PgWriterLock(std::unique_ptr<PgConnection> connection) : connection_(std::move(connection)) {}
  std::unique_ptr<PgConnection> connection_;
};

}  // namespace storydesk::pg
