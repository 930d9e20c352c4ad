#include "adapters/store/migrations.h"

#include <sqlite3.h>

#include <iterator>
#include <string>

#include "adapters/store/sqlite_store.h"
#include "adapters/store/statement.h"

namespace storydesk::store {
namespace {

// Version 1: the first schema.
//
// Every table keys articles by their caller-given id. Times are unix seconds (INTEGER) so
// range queries use an index; the publication time as given is kept as text too.
// `bullets` is a JSON array of strings (bullets may hold newlines and quotes; JSON escaping
// keeps every byte). `verbatim` is a BLOB so SQLite never reinterprets the record's bytes.
// 64-bit hashes are stored as the int64 with the same bit pattern; MinHash signatures as
// little-endian uint32 arrays. `stories` holds per-story summary rows that CommitBatch
// refreshes, so listing stories reads one index instead of aggregating every membership.
constexpr const char* kSchemaV1 = R"sql(
PRAGMA application_id = 1396986699;  -- 0x5344534B, "SDSK" (kApplicationId)

CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value
);
INSERT INTO meta (key, value) VALUES ('application', 'storydesk'), ('document_count', 0);

CREATE TABLE articles (
  id TEXT PRIMARY KEY NOT NULL,
  sequence INTEGER NOT NULL UNIQUE,   -- ingest order, 1, 2, 3...
  source TEXT,
  url TEXT,
  title TEXT,
  published TEXT,                     -- as given: "2021-08-23" or RFC 3339
  published_at INTEGER,               -- unix seconds; NULL when undated
  place TEXT,
  bullets TEXT NOT NULL,              -- JSON array of strings
  text TEXT NOT NULL,
  verbatim BLOB NOT NULL,             -- the input record, byte for byte
  origin TEXT NOT NULL                -- "path:line"
);
CREATE INDEX articles_by_published_at ON articles (published_at);

CREATE TABLE fingerprints (
  article_id TEXT PRIMARY KEY NOT NULL REFERENCES articles (id),
  exact_hash INTEGER NOT NULL,        -- uint64 as int64 bit pattern
  minhash BLOB NOT NULL               -- little-endian uint32 per permutation
);
CREATE INDEX fingerprints_by_exact_hash ON fingerprints (exact_hash);

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,             -- assigned by the engine, > 0
  first_published_at INTEGER,         -- NULL when no member is dated
  last_published_at INTEGER,
  article_count INTEGER NOT NULL DEFAULT 0,
  source_count INTEGER NOT NULL DEFAULT 0,
  copy_count INTEGER NOT NULL DEFAULT 0,
  headline TEXT NOT NULL DEFAULT ''
);
-- Scanned backwards for "newest activity first"; NULLs sort first, so undated come last.
CREATE INDEX stories_by_last_activity ON stories (last_published_at, id);

CREATE TABLE memberships (
  article_id TEXT PRIMARY KEY NOT NULL REFERENCES articles (id),
  story_id INTEGER NOT NULL REFERENCES stories (id)
);
CREATE INDEX memberships_by_story ON memberships (story_id, article_id);

CREATE TABLE copies (
  article_id TEXT PRIMARY KEY NOT NULL REFERENCES articles (id),
  -- Checked at commit: the original may come later in the same batch.
  original_id TEXT NOT NULL REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED,
  relation TEXT NOT NULL CHECK (relation IN ('exact', 'near')),
  score REAL NOT NULL
);
CREATE INDEX copies_by_original ON copies (original_id);

CREATE TABLE document_frequencies (
  term TEXT PRIMARY KEY NOT NULL,
  df INTEGER NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: merge repair. When an article shows two stories to be one, the newer story's
// members move to the older one and the newer id is recorded here, so a user's or an API
// client's old story id still finds the story (SqliteStore::ResolveStory).
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE story_merges (
  story_id INTEGER PRIMARY KEY NOT NULL,  -- the story merged away
  into_story_id INTEGER NOT NULL,         -- the story it is now part of
  merged_by TEXT NOT NULL REFERENCES articles (id)  -- the article that bridged them
);
CREATE INDEX story_merges_into ON story_merges (into_story_id);
)sql";

// Version 3: excerpt and rewrite copies. SQLite cannot alter a CHECK constraint, so the
// table is rebuilt (in the migration's transaction; rows are kept as they are).
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE copies_v3 (
  article_id TEXT PRIMARY KEY NOT NULL REFERENCES articles (id),
  -- Checked at commit: the original may come later in the same batch.
  original_id TEXT NOT NULL REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED,
  relation TEXT NOT NULL CHECK (relation IN ('exact', 'near', 'excerpt', 'rewrite')),
  score REAL NOT NULL
);
INSERT INTO copies_v3 (article_id, original_id, relation, score)
  SELECT article_id, original_id, relation, score FROM copies;
DROP TABLE copies;
ALTER TABLE copies_v3 RENAME TO copies;
CREATE INDEX copies_by_original ON copies (original_id);
)sql";

// Version 4: full-text search over articles' title and text, for the HTTP API's story and
// article search (SqliteStore::ListStoryPage's `query`, SqliteStore::SearchArticles).
//
// An external-content FTS5 table: the text lives once, in `articles`; the index maps FTS5
// rowids to `articles.sequence` (content_rowid). Not the implicit rowid of `articles`: that
// table's primary key is TEXT, so its rowid is no column of ours, and VACUUM may renumber
// such rowids — silently pointing the index at other articles; `sequence` (INTEGER NOT NULL
// UNIQUE) is assigned by the store and never changes. The porter stemmer over unicode61
// (diacritics removed) lets "protests" find "protested" and "cafe" find "café". FTS5 is
// built into Debian's libsqlite3; a library without it fails this script ("no such module:
// fts5"), which rolls back and leaves the file at version 3.
//
// An external-content index must be told exactly what it indexed to remove it again, so the
// triggers index and un-index the same expressions — coalesce(title, '') for the nullable
// title — and the migration fills the index from existing articles with those expressions
// too. The update trigger also fires on `sequence` (which the store never changes) so the
// index cannot be left pointing at a stale rowid whatever a future script does.
//
// articles_by_source serves the HTTP API's source filter, which otherwise scans every
// article (verbatim records and text included) per request.
constexpr const char* kSchemaV4 = R"sql(
CREATE VIRTUAL TABLE article_search USING fts5(
  title,
  text,
  content = 'articles',
  content_rowid = 'sequence',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO article_search (rowid, title, text)
  SELECT sequence, coalesce(title, ''), text FROM articles;

CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN
  INSERT INTO article_search (rowid, title, text)
    VALUES (new.sequence, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
  INSERT INTO article_search (article_search, rowid, title, text)
    VALUES ('delete', old.sequence, coalesce(old.title, ''), old.text);
END;
CREATE TRIGGER articles_search_update AFTER UPDATE OF title, text, sequence ON articles BEGIN
  INSERT INTO article_search (article_search, rowid, title, text)
    VALUES ('delete', old.sequence, coalesce(old.title, ''), old.text);
  INSERT INTO article_search (rowid, title, text)
    VALUES (new.sequence, coalesce(new.title, ''), new.text);
END;

CREATE INDEX articles_by_source ON articles (source);
)sql";

// Version 5: storylines. Grouping events (EngineOptions::events), every story is an event and
// belongs to one storyline, a level above it that follows a matter over days; the storyline is
// the story's, so it is kept per story (a merged story's row goes with it). Stores written
// without events have no rows: their stories have no storyline.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE story_storylines (
  story_id INTEGER PRIMARY KEY NOT NULL,  -- a story (event) with a summary row
  storyline_id INTEGER NOT NULL
);
CREATE INDEX story_storylines_by_storyline ON story_storylines (storyline_id, story_id);
)sql";

// Version 6: analyst corrections (store_types.h, CorrectionPlan). Each correction made by
// hand is kept as it was applied — the articles moved and the stories they left, the story
// they went to — so an analyst can see what was changed, and later ingests know which stories
// a correction moved apart.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('move', 'split', 'merge', 'move-event')),
  made_at INTEGER NOT NULL,     -- unix seconds
  made_by TEXT NOT NULL,
  note TEXT NOT NULL,
  articles TEXT NOT NULL,       -- string array: the articles moved
  from_stories TEXT NOT NULL,   -- string array: the story each of them left, in that order
  into_story_id INTEGER NOT NULL,
  storyline_id INTEGER NOT NULL,  -- split: the new story's storyline; move-event: the event's new one; else 0
  emptied TEXT NOT NULL         -- string array: the stories left without articles
);
)sql";

constexpr Migration kMigrations[] = {
    {1, "articles, fingerprints, stories, memberships, copies, document frequencies", kSchemaV1},
    {2, "story merges", kSchemaV2},
    {3, "excerpt and rewrite copies", kSchemaV3},
    {4, "full-text search over article titles and text; articles by source", kSchemaV4},
    {5, "storylines of stories", kSchemaV5},
    {6, "analyst corrections", kSchemaV6},
};

static_assert(std::size(kMigrations) > 0, "at least one migration");

// Records `settings` unless the file already has them (a file's settings change only through
// Refingerprint).
Status RecordSettingsIfAbsent(sqlite3* db, const FingerprintSettings& settings) {
  auto insert = Statement::Prepare(db, "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING");
  if (!insert.ok()) return insert.status();
  Statement& statement = insert.value();
  const std::pair<const char*, int64_t> rows[] = {
      {kMetaFingerprintVersion, settings.version},      {kMetaShingleWords, settings.shingle_words},
      {kMetaPermutations, settings.permutations},       {kMetaBands, settings.bands},
      {kMetaSeed, static_cast<int64_t>(settings.seed)},
  };
  for (const auto& [key, value] : rows) {
    statement.Reset();
    statement.BindText(1, key);
    statement.BindInt64(2, value);
    if (Status s = statement.Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

// Applies one migration in its own transaction, unless another process got there first.
Status ApplyOne(sqlite3* db, const Migration& migration, const FingerprintSettings& settings) {
  // IMMEDIATE takes the write lock now, so the version read below cannot go stale.
  if (Status s = ExecScript(db, "BEGIN IMMEDIATE"); !s.ok()) return s;
  auto body = [&]() -> Status {
    Result<int> current = ReadUserVersion(db);
    if (!current.ok()) return current.status();
    if (current.value() >= migration.version) return Status::Ok();
    if (Status s = ExecScript(db, migration.sql); !s.ok()) return s;
    if (Status s = RecordSettingsIfAbsent(db, settings); !s.ok()) return s;
    // A pragma takes no parameters; the version is our own constant, not input.
    const std::string bump = "PRAGMA user_version = " + std::to_string(migration.version);
    return ExecScript(db, bump.c_str());
  };
  Status s = body();
  if (s.ok()) s = ExecScript(db, "COMMIT");
  if (!s.ok()) {
    ExecScript(db, "ROLLBACK");  // may fail when SQLite already rolled back; the first error counts
    return Status::Error(ErrorCode::kStore,
                         "migration to schema " + std::to_string(migration.version) + " failed: " + s.message());
  }
  return Status::Ok();
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return Migrations().back().version; }

Result<int> ReadUserVersion(sqlite3* db) {
  auto query = Statement::Prepare(db, "PRAGMA user_version");
  if (!query.ok()) return query.status();
  Result<bool> row = query.value().Step();
  if (!row.ok()) return row.status();
  if (!row.value()) return Status::Error(ErrorCode::kStore, "store error: PRAGMA user_version returned no row");
  return static_cast<int>(query.value().ColumnInt64(0));
}

Status Migrate(sqlite3* db, const FingerprintSettings& settings, int* version) {
  Result<int> current = ReadUserVersion(db);
  if (!current.ok()) return current.status();
  for (const Migration& migration : Migrations()) {
    if (migration.version <= current.value()) continue;
    if (Status s = ApplyOne(db, migration, settings); !s.ok()) return s;
  }
  Result<int> after = ReadUserVersion(db);
  if (!after.ok()) return after.status();
  *version = after.value();
  return Status::Ok();
}

}  // namespace storydesk::store
