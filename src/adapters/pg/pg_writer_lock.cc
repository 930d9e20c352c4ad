#include "adapters/pg/pg_writer_lock.h"

namespace storydesk::pg {

Result<PgWriterLock> PgWriterLock::Acquire(const std::string& conninfo,
                                           std::optional<std::chrono::milliseconds> max_wait,
                                           const std::function<void()>& on_wait) {
  auto connection = PgConnection::Connect(conninfo);
  if (!connection.ok()) return connection.status();
  PgConnection& db = *connection.value();
  auto tried = db.Query("SELECT pg_try_advisory_lock($1)", Params().Int(kIngestLock));
  if (!tried.ok()) return tried.status();
  if (tried.value().Text(0, 0) == "t") return PgWriterLock(std::move(connection).value());
  const std::string busy = "another writer is storing into this PostgreSQL store; try again later";
  if (max_wait && max_wait->count() == 0) return Status::Error(ErrorCode::kConflict, busy);
  if (on_wait) on_wait();
  // lock_timeout bounds the wait (0 disables it: wait as long as it takes).
  if (Status s = db.Exec("SELECT set_config('lock_timeout', $1, false)",
                         Params().Text(std::to_string(max_wait ? max_wait->count() : 0) + "ms"));
      !s.ok()) {
    return s;
  }
  if (Status s = db.Exec("SELECT pg_advisory_lock($1)", Params().Int(kIngestLock)); !s.ok()) {
    if (s.message().find("lock timeout") != std::string::npos) return Status::Error(ErrorCode::kConflict, busy);
    return s;
  }
  return PgWriterLock(std::move(connection).value());
}

}  // namespace storydesk::pg
