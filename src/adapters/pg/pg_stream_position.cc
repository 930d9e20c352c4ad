#include "adapters/pg/pg_stream_position.h"

namespace storydesk::pg {

Result<PgStreamPosition> PgStreamPosition::Open(const std::string& conninfo, const std::string& stream) {
  auto db = PgConnection::Connect(conninfo);
  if (!db.ok()) return db.status();
  return PgStreamPosition(std::move(db).value(), "stream_position:" + stream);
}

Result<uint64_t> PgStreamPosition::Get() {
  auto rows = db_->Query("SELECT value FROM storydesk_meta WHERE key = $1", Params().Text(key_));
  if (!rows.ok()) return rows.status();
  if (rows.value().Count() == 0) return uint64_t{0};
  return static_cast<uint64_t>(rows.value().Int(0, 0));
}

Status PgStreamPosition::Advance(uint64_t through) {
  return db_->Exec(
      "INSERT INTO storydesk_meta (key, value) VALUES ($1, $2) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value "
      "WHERE storydesk_meta.value::bigint < excluded.value::bigint",
      Params().Text(key_).Int(static_cast<int64_t>(through)));
}

}  // namespace storydesk::pg
