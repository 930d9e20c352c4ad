// Opening the store the way every storydesk process does: with the fingerprint settings
// compiled into this binary, recomputing the stored fingerprints when the file was written
// with others (the fingerprint migration).
// Thread-safety: each call opens its own connection; SqliteStore itself is not thread-safe.
#pragma once

#include <memory>
#include <string>

#include "adapters/store/sqlite_store.h"
#include "storydesk/status.h"

namespace storydesk::service {

// The fingerprint settings compiled into this binary.
store::FingerprintSettings CurrentFingerprintSettings();

// Opens (creating when absent) the store at `path`. *refingerprinted (when given) tells
// whether the fingerprints were recomputed. Errors: those of SqliteStore::Open and Refingerprint.
Result<std::unique_ptr<store::SqliteStore>> OpenStore(const std::string& path, bool* refingerprinted = nullptr);

}  // namespace storydesk::service
