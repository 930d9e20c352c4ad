// Opening the store the way every storydesk process does: with the fingerprint settings
// compiled into this binary, recomputing the stored fingerprints when the file was written
// with others (the fingerprint migration).
// The service, the HTTP API and the CLI see only store::Store; this file alone chooses the
// engine (SQLite, store/sqlite_store.h).
// Thread-safety: each call opens its own connection; a Store itself is not thread-safe.
#pragma once

#include <memory>
#include <string>

#include "adapters/store/store.h"
#include "storydesk/status.h"

namespace storydesk::service {

// The fingerprint settings compiled into this binary.
store::FingerprintSettings CurrentFingerprintSettings();

// Opens (creating when absent) the store at `path`. *refingerprinted (when given) tells
// whether the fingerprints were recomputed. Errors: those of SqliteStore::Open and Refingerprint.
Result<std::unique_ptr<store::Store>> OpenStore(const std::string& path, bool* refingerprinted = nullptr);

// Whether `path` names a PostgreSQL store ("postgresql://..." or "postgres://...", libpq's URL
// forms) rather than a SQLite file: OpenStore opens it with pg::PgStore.
bool IsStoreUrl(const std::string& path);

// Opens the store at `path` for a reader that keeps its connection (a server's worker thread):
// as OpenStore, without the fingerprint migration, which the writer runs.
Result<std::unique_ptr<store::Store>> OpenStoreForReading(const std::string& path);

}  // namespace storydesk::service
