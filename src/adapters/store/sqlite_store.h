// SqliteStore: the embedded store — one SQLite file in WAL mode.
//
// Tables: meta (schema version, fingerprint parameters, document count), articles (the
// verbatim record and parsed fields), fingerprints (exact hash, MinHash signature), stories,
// memberships, copies (copy relations) and document_frequencies (online IDF statistics).
// The schema is versioned; Open() applies pending migrations in order, each in its own
// transaction, and refuses a database written by a newer storydesk.
//
// Durability: an article counts as stored only after CommitBatch() returns ok — the whole
// batch commits in one transaction or not at all, so a failure never leaves half an article.
// Thread-safety: one SqliteStore per thread. Several processes may open the same file: readers
// run concurrently with the single writer (WAL); writers wait on a busy timeout.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storydesk/article.h"
#include "storydesk/status.h"
#include "storydesk/story_engine.h"  // CopyUpdate

struct sqlite3;

namespace storydesk::store {

// The fingerprint settings the stored signatures were computed with. They are part of the
// file format: a database whose settings differ from the binary's must be migrated
// (fingerprints recomputed) before use.
struct FingerprintSettings {
  int version = 0;
  int shingle_words = 0;
  int permutations = 0;
  int bands = 0;
  uint64_t seed = 0;
  bool operator==(const FingerprintSettings&) const = default;
};

// One article with everything the pipeline decided about it.
struct StoredArticle {
  RawArticle raw;                        // raw.id is the primary key
  int64_t sequence = 0;                  // ingest order, assigned by the store on commit
  uint64_t exact_hash = 0;               // xxHash64 of the normalised text
  std::vector<uint32_t> minhash;         // MinHash signature (FingerprintSettings::permutations)
  int64_t story = 0;                     // story id (> 0)
  std::optional<std::string> copy_of;    // id of the original, for copies
  std::optional<std::string> relation;   // "exact" | "near" | "excerpt" | "rewrite" for copies
  double copy_score = 0.0;               // similarity behind `relation`, in [0,1]
  // Stored articles whose copy_of changes on commit: this article, published before their
  // family's original, took the family over. Not read back.
  std::vector<CopyUpdate> copy_updates;
  // Stories this article merged into `story` (merge repair): their members move to `story`
  // on commit and their ids are recorded as merged. Not read back.
  std::vector<int64_t> merged_stories;
};

// One row of `storydesk stories`.
struct StorySummary {
  int64_t id = 0;
  std::string headline;                  // title (or first sentence) of the story's first article
  std::optional<std::string> first_published;  // YYYY-MM-DD, null when no article is dated
  std::optional<std::string> last_published;
  int articles = 0;
  int sources = 0;                       // distinct non-null sources
  int copies = 0;                        // members that are copies
};

struct StoryFilter {
  std::optional<int64_t> since;          // unix seconds; stories last published at or after
  std::optional<int64_t> until;          // unix seconds; stories first published before
  std::optional<int> limit;
};

class SqliteStore {
 public:
  // Opens (creating when absent) the database at `path`, enables WAL, applies migrations and
  // records `settings` when the file is new. Errors: kStore when the file is not a storydesk
  // database, is newer than this binary, or SQLite fails. A file whose fingerprint settings
  // differ from `settings` opens fine: the caller compares StoredFingerprintSettings() and
  // runs Refingerprint() (the fingerprint migration) before using the signatures.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const FingerprintSettings& settings);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  int SchemaVersion() const;
  FingerprintSettings StoredFingerprintSettings() const;

  // The exact hash of the stored article with this id, or nullopt when none is stored.
  Result<std::optional<uint64_t>> FindExactHash(const std::string& id);

  // Articles whose published_at lies in [from, to], plus all undated articles when
  // `include_undated`, in sequence order (their original processing order).
  Result<std::vector<StoredArticle>> LoadWindow(int64_t from, int64_t to, bool include_undated);

  // The stored article `id`; nullopt when there is none.
  Result<std::optional<StoredArticle>> GetArticle(const std::string& id);

  // Every article in a copy family (the copies and their originals), each family's original
  // first and then its copies in publication order (undated last, then sequence); families
  // by their original's publication.
  Result<std::vector<StoredArticle>> CopyFamilyArticles();

  // Articles with this exact hash, in sequence order.
  Result<std::vector<StoredArticle>> FindByExactHash(uint64_t exact_hash);

  // Online IDF statistics: the number of documents seen and each term's document frequency.
  Result<int64_t> DocumentCount();
  Result<std::map<std::string, int64_t>> LoadDocumentFrequencies();

  // The largest story id in use (0 when there is none).
  Result<int64_t> MaxStoryId();

  // Stores `articles` (sequence numbers are assigned here, in vector order), adds
  // `df_deltas` to the document frequencies and `documents_added` to the document count,
  // and refreshes the stories they belong to — all in one transaction. An article whose id is
  // already stored is an error (kConflict) and nothing of the batch is stored.
  Status CommitBatch(std::vector<StoredArticle>& articles,
                     const std::map<std::string, int64_t>& df_deltas, int64_t documents_added);

  // Stories by newest activity first.
  Result<std::vector<StorySummary>> ListStories(const StoryFilter& filter);
  // The story `id` is now: itself, or — when merge repair merged it — the story it became
  // part of (following merges of merges).
  Result<int64_t> ResolveStory(int64_t id);
  // One story's summary (of the story it is now part of, for a merged id); kNotFound when
  // there is no such story.
  Result<StorySummary> GetStory(int64_t id);
  // The members of one story (resolved like GetStory), in publication order (undated last,
  // then sequence).
  Result<std::vector<StoredArticle>> StoryArticles(int64_t id);
  // Every article in sequence order, streamed to `visit` (which returns false to stop).
  Status ForEachArticle(const std::function<bool(const StoredArticle&)>& visit);

  // Replaces the fingerprints of every article using `fingerprint` and records `settings`,
  // in one transaction (the fingerprint migration).
  Status Refingerprint(const FingerprintSettings& settings,
                       const std::function<void(const RawArticle&, uint64_t* exact_hash,
                                                std::vector<uint32_t>* minhash)>& fingerprint);

 private:
  explicit SqliteStore(sqlite3* db);
  sqlite3* db_;
};

}  // namespace storydesk::store
