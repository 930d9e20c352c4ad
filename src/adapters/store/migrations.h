// Migrations: the storydesk schema as an ordered list of SQL scripts, and the runner that
// brings a database up to date.
//
// The schema version is SQLite's `PRAGMA user_version`: a file at version N has had scripts
// 1..N applied. Each script runs in its own transaction (BEGIN IMMEDIATE) together with the
// bump of user_version, so a crash leaves the file at one version or the next, never between.
// Scripts are append-only: once released, a script never changes; a schema change is a new one.
// Thread-safety: the functions touch only the connection given; several processes may migrate
// the same file at once (each re-reads the version under the write lock and skips what is done).
#pragma once

#include <cstdint>
#include <span>

#include "storydesk/status.h"

struct sqlite3;

namespace storydesk::store {

struct FingerprintSettings;

struct Migration {
  int version;              // user_version after this script
  const char* description;  // one line, for humans reading the code
  const char* sql;          // one or more statements, no parameters
};

// Every migration, in order; Migrations()[i].version == i + 1.
std::span<const Migration> Migrations();

// The schema version this binary writes and understands (the last migration's version).
int LatestSchemaVersion();

// PRAGMA application_id of a storydesk database ("SDSK"), set by the first migration. Tells a
// storydesk file from another application's SQLite file without reading any table.
inline constexpr int32_t kApplicationId = 0x5344534B;

// Keys of the `meta` table.
inline constexpr const char* kMetaApplication = "application";  // value: "storydesk"
inline constexpr const char* kMetaDocumentCount = "document_count";
inline constexpr const char* kMetaFingerprintVersion = "fingerprint_version";
inline constexpr const char* kMetaShingleWords = "shingle_words";
inline constexpr const char* kMetaPermutations = "permutations";
inline constexpr const char* kMetaBands = "bands";
inline constexpr const char* kMetaSeed = "seed";  // uint64 stored as the int64 bit pattern
// The headline rule (core/digest/headline.h, kHeadlineRuleVersion) the stored headlines follow.
inline constexpr const char* kMetaHeadlineRule = "headline_rule";

// Applies every migration above the file's user_version, each in its own transaction; the
// fingerprint settings are recorded (when not yet present) in the same transaction as the
// migration that creates `meta`, so a new file never exists without them. Sets *version to
// the resulting schema version. The caller has checked that the file is storydesk's (or empty)
// and not newer than this binary. Errors: kStore with SQLite's message; the failed migration's
// transaction is rolled back, earlier ones stay.
Status Migrate(sqlite3* db, const FingerprintSettings& settings, int* version);

// Reads PRAGMA user_version. Errors: kStore (for example "file is not a database").
Result<int> ReadUserVersion(sqlite3* db);

}  // namespace storydesk::store
