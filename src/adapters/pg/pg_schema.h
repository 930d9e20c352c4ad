// The storydesk schema on PostgreSQL: the same tables as the SQLite store's (store/migrations.h)
// in PostgreSQL's types, with full-text search on a stored tsvector column and a GIN index
// instead of FTS5. Its own, append-only list of migrations: version N has had scripts 1..N.
//
// The version is kept in storydesk_meta ('schema_version'); each script runs in its own
// transaction holding an advisory lock (kMigrationLock), so several processes starting at once
// (workers, API servers) migrate once, and a crash leaves one version or the next.
// Thread-safety: touches only the connection given.
#pragma once

#include <cstdint>
#include <span>

#include "adapters/pg/pg_connection.h"
#include "storydesk/status.h"

namespace storydesk::pg {

struct PgMigration {
  int version;
  const char* description;
  const char* sql;
};

std::span<const PgMigration> PgMigrations();
int LatestPgSchemaVersion();

// The advisory lock key migrations hold (pg_advisory_xact_lock): "SDSKMIGR" as a bigint.
inline constexpr int64_t kMigrationLock = 0x5344534B4D494752;

// The fingerprint settings a new database records (the same keys as the SQLite store's meta).
struct PgFingerprintSettings {
  int version = 0;
  int shingle_words = 0;
  int permutations = 0;
  int bands = 0;
  uint64_t seed = 0;
};

// Brings the database up to date; *version is the resulting schema version. Errors: kStore,
// or kStore naming the versions when the database is newer than this binary, or holds tables of
// another application (a non-empty public schema without storydesk_meta).
Status MigratePg(PgConnection& db, const PgFingerprintSettings& settings, int* version);

}  // namespace storydesk::pg
