#include "adapters/pg/pg_schema.h"

#include <iterator>
#include <string>

namespace storydesk::pg {
namespace {

// Version 1: the schema of the SQLite store at its version 6, in one script (no PostgreSQL
// store predates it). Times are unix seconds (bigint); 64-bit hashes the bigint of the same bit
// pattern; MinHash signatures little-endian uint32 arrays in bytea; string arrays (bullets,
// corrections' lists) in the SQLite store's encoding (store/string_array.h), so both stores
// share their readers. `search` is the tsvector of title and text in the configuration
// storydesk_search — English with Porter stemming after unaccent (contrib, a trusted extension),
// as the SQLite store's "porter unicode61 remove_diacritics" — kept by PostgreSQL itself (a
// generated column), so the index can never disagree with the text.
constexpr const char* kSchemaV1 = R"sql(
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION storydesk_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION storydesk_search
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE storydesk_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE articles (
  id text PRIMARY KEY,
  sequence bigint NOT NULL UNIQUE,
  source text,
  url text,
  title text,
  published text,
  published_at bigint,
  place text,
  bullets text NOT NULL,
  text text NOT NULL,
  verbatim bytea NOT NULL,
  origin text NOT NULL,
  search tsvector GENERATED ALWAYS AS
    (setweight(to_tsvector('storydesk_search', coalesce(title, '')), 'A') ||
     to_tsvector('storydesk_search', text)) STORED
);
CREATE INDEX articles_by_published_at ON articles (published_at);
CREATE INDEX articles_by_source ON articles (source);
CREATE INDEX articles_search ON articles USING gin (search);

CREATE TABLE fingerprints (
  article_id text PRIMARY KEY REFERENCES articles (id),
  exact_hash bigint NOT NULL,
  minhash bytea NOT NULL
);
CREATE INDEX fingerprints_by_exact_hash ON fingerprints (exact_hash);

CREATE TABLE stories (
  id bigint PRIMARY KEY,
  first_published_at bigint,
  last_published_at bigint,
  article_count bigint NOT NULL DEFAULT 0,
  source_count bigint NOT NULL DEFAULT 0,
  copy_count bigint NOT NULL DEFAULT 0,
  headline text NOT NULL DEFAULT ''
);
CREATE INDEX stories_by_last_activity ON stories (last_published_at, id);

CREATE TABLE memberships (
  article_id text PRIMARY KEY REFERENCES articles (id),
  story_id bigint NOT NULL REFERENCES stories (id)
);
CREATE INDEX memberships_by_story ON memberships (story_id, article_id);

CREATE TABLE copies (
  article_id text PRIMARY KEY REFERENCES articles (id),
  original_id text NOT NULL REFERENCES articles (id) DEFERRABLE INITIALLY DEFERRED,
  relation text NOT NULL CHECK (relation IN ('exact', 'near', 'excerpt', 'rewrite')),
  score double precision NOT NULL
);
CREATE INDEX copies_by_original ON copies (original_id);

CREATE TABLE document_frequencies (
  term text PRIMARY KEY,
  df bigint NOT NULL
);

CREATE TABLE story_merges (
  story_id bigint PRIMARY KEY,
  into_story_id bigint NOT NULL,
  merged_by text NOT NULL REFERENCES articles (id)
);
CREATE INDEX story_merges_into ON story_merges (into_story_id);

CREATE TABLE story_storylines (
  story_id bigint PRIMARY KEY,
  storyline_id bigint NOT NULL
);
CREATE INDEX story_storylines_by_storyline ON story_storylines (storyline_id, story_id);

CREATE TABLE corrections (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('move', 'split', 'merge', 'move-event')),
  made_at bigint NOT NULL,
  made_by text NOT NULL,
  note text NOT NULL,
  articles text NOT NULL,
  from_stories text NOT NULL,
  into_story_id bigint NOT NULL,
  storyline_id bigint NOT NULL,
  emptied text NOT NULL
);
)sql";

constexpr PgMigration kMigrations[] = {
    {1, "the schema of the SQLite store's version 6, with tsvector search", kSchemaV1},
};

Result<int> ReadVersion(PgConnection& db) {
  auto exists = db.Query("SELECT to_regclass('storydesk_meta') IS NOT NULL");
  if (!exists.ok()) return exists.status();
  if (exists.value().Text(0, 0) != "t") return 0;
  auto version = db.Query("SELECT value FROM storydesk_meta WHERE key = 'schema_version'");
  if (!version.ok()) return version.status();
  if (version.value().Count() == 0) return 0;
  return static_cast<int>(version.value().Int(0, 0));
}

}  // namespace

std::span<const PgMigration> PgMigrations() { return kMigrations; }

int LatestPgSchemaVersion() { return std::end(kMigrations)[-1].version; }

Status MigratePg(PgConnection& db, const PgFingerprintSettings& settings, int* version) {
  for (const PgMigration& m : kMigrations) {
    Status s = db.InTransaction([&]() -> Status {
      if (Status lock = db.Exec("SELECT pg_advisory_xact_lock($1)", Params().Int(kMigrationLock)); !lock.ok()) {
        return lock;
      }
      auto current = ReadVersion(db);
      if (!current.ok()) return current.status();
      if (current.value() > LatestPgSchemaVersion()) {
        return Status::Error(ErrorCode::kStore, "written by a newer storydesk (schema " +
                                                    std::to_string(current.value()) + ", this binary knows up to " +
                                                    std::to_string(LatestPgSchemaVersion()) + "); upgrade storydesk");
      }
      if (current.value() >= m.version) return Status::Ok();
      if (current.value() == 0) {
        auto tables = db.Query("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()");
        if (!tables.ok()) return tables.status();
        if (tables.value().Int(0, 0) > 0) {
          return Status::Error(ErrorCode::kStore,
                               "not a storydesk database (its schema holds another application's tables)");
        }
      }
      if (Status run = db.ExecScript(m.sql); !run.ok()) return run;
      if (m.version == 1) {
        const std::pair<const char*, std::string> rows[] = {
            {"application", "storydesk"},
            {"document_count", "0"},
            {"fingerprint_version", std::to_string(settings.version)},
            {"shingle_words", std::to_string(settings.shingle_words)},
            {"permutations", std::to_string(settings.permutations)},
            {"bands", std::to_string(settings.bands)},
            {"seed", std::to_string(static_cast<int64_t>(settings.seed))},
        };
        for (const auto& [key, value] : rows) {
          if (Status st =
                  db.Exec("INSERT INTO storydesk_meta (key, value) VALUES ($1, $2)", Params().Text(key).Text(value));
              !st.ok()) {
            return st;
          }
        }
      }
      return db.Exec(
          "INSERT INTO storydesk_meta (key, value) VALUES ('schema_version', $1) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          Params().Int(m.version));
    });
    if (!s.ok()) return s;
  }
  auto final_version = ReadVersion(db);
  if (!final_version.ok()) return final_version.status();
  *version = final_version.value();
  return Status::Ok();
}

}  // namespace storydesk::pg
