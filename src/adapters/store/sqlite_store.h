// SqliteStore: the embedded store — one SQLite file in WAL mode.
//
// Tables: meta (schema version, fingerprint parameters, document count), articles (the
// verbatim record and parsed fields), fingerprints (exact hash, MinHash signature), stories,
// memberships, copies (copy relations), document_frequencies (online IDF statistics) and
// article_search (an FTS5 index of article titles and text, kept in sync by triggers).
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
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "storydesk/article.h"
#include "storydesk/status.h"
#include "storydesk/story_engine.h"  // CopyUpdate

struct sqlite3;

namespace storydesk::digest {
struct HeadlineEvidence;
}  // namespace storydesk::digest

namespace storydesk::store {

class StoryHeadlines;

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
  // The article's headline evidence as the engine made it (optional): kept by the store for
  // choosing headlines, so the text need not be analysed again. Not stored, not read back.
  std::shared_ptr<const digest::HeadlineEvidence> headline_evidence;
};

// One member of a story, without its text (StoryMembers).
struct StoryMember {
  std::string id;
  std::optional<std::string> source;
  std::optional<int64_t> published_at;
  bool copy = false;  // a copy of another article
};

// One row of `storydesk stories`.
struct StorySummary {
  int64_t id = 0;
  std::string headline;                  // the story's one headline (core/digest/headline.h)
  std::optional<std::string> first_published;  // YYYY-MM-DD, null when no article is dated
  std::optional<std::string> last_published;
  int articles = 0;
  int sources = 0;                       // distinct non-null sources
  int copies = 0;                        // members that are copies
  std::vector<std::string> source_names;  // distinct non-null sources, sorted (bytewise)
  // (YYYY-MM-DD, articles published that day) in UTC, ascending; undated articles not counted.
  std::vector<std::pair<std::string, int>> activity;
};

// A position in the story list (ordered by last_published_at DESC NULLS LAST, id DESC): the
// list continues after the story with these values. Positional, so it stays valid when that
// story is merged away; a story whose activity changes between two pages moves in the list
// and may be seen twice or not at all, as with any keyset cursor.
struct StoryCursor {
  std::optional<int64_t> last_published_at;  // unix seconds; nullopt for an undated story
  int64_t id = 0;
  bool operator==(const StoryCursor&) const = default;
};

// Which stories ListStories and ListStoryPage return; unset fields select everything.
struct StoryFilter {
  std::optional<int64_t> since;          // unix seconds; stories last published at or after
  std::optional<int64_t> until;          // unix seconds; stories first published before
  std::optional<int> limit;              // ListStories: at most this many; ListStoryPage: page size
  // Free text: stories with an article (title and text together) holding all its words, as
  // the index stems them ("protests" finds "protested"). Text without a letter or digit
  // ("!!!") matches no story. Never FTS5 syntax: operators and quotes are plain separators.
  std::optional<std::string> query;
  std::optional<std::string> source;     // stories with an article from this source (exact match)
  std::optional<StoryCursor> after;      // continue after this story in the list order
};

// One page of stories and where the next one starts.
struct StoryPage {
  std::vector<StorySummary> stories;
  std::optional<StoryCursor> next;       // set when more stories follow: the last one's cursor
};

// One article found by SearchArticles.
struct ArticleMatch {
  std::string article_id;
  std::optional<std::string> title;
  std::string snippet;                   // about 12 tokens of the text, "…" where cut; no markup
  int64_t story = 0;                     // the story it belongs to now (merges resolved)
};

// The message of CommitBatch's kConflict when another writer committed since `decided_at`.
inline constexpr const char* kStaleWriterMessage = "another writer stored articles meanwhile; nothing of this batch was stored";

// What SqliteStore::CheckInvariants found.
struct InvariantReport {
  int64_t articles = 0, stories = 0, copies = 0;  // what the store holds
  // One line per violation ("article 'x' is in no story"), at most the `max_violations` asked
  // for; `violation_count` counts them all.
  std::vector<std::string> violations;
  size_t violation_count = 0;
  bool ok() const { return violation_count == 0; }
};

// Page size of ListStoryPage when StoryFilter::limit is unset.
inline constexpr int kDefaultStoryPageSize = 20;

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

  // The latest publication time stored (epoch seconds); nullopt when no article is dated.
  Result<std::optional<int64_t>> NewestPublished();

  // SQLite's data_version of this connection: it changes when another connection (another
  // process's ingest, say) commits, never for this connection's own commits — how a caller
  // keeping state derived from the store knows that state is still current.
  Result<int64_t> DataVersion();

  // Stores `articles` (sequence numbers are assigned here, in vector order), adds
  // `df_deltas` to the document frequencies and `documents_added` to the document count,
  // and refreshes the stories they belong to — all in one transaction. An article whose id is
  // already stored is an error (kConflict) and nothing of the batch is stored.
  // `decided_at` (when set) is the DataVersion() the caller's decisions were based on: when
  // another connection has committed since, the story ids and groupings decided from the older
  // state may collide with that writer's (issue 14, defect 2), so nothing is stored and the
  // result is kConflict with kStaleWriterMessage — checked inside the write transaction, so
  // no commit can slip in between the check and this batch.
  Status CommitBatch(std::vector<StoredArticle>& articles,
                     const std::map<std::string, int64_t>& df_deltas, int64_t documents_added,
                     std::optional<int64_t> decided_at = std::nullopt);

  // Stories with at least one article that pass every set field of `filter`, by newest
  // activity first: last_published_at DESC (undated stories last), then id DESC. At most
  // `limit` of them when set (all otherwise). Each summary is complete (source_names and
  // activity included) and read in one snapshot.
  Result<std::vector<StorySummary>> ListStories(const StoryFilter& filter);
  // One page of ListStories' list: the first `limit` (kDefaultStoryPageSize when unset)
  // stories after `filter.after`, and in `next` the cursor of the last of them when at least
  // one more story matches. Walking the pages from no cursor until `next` is unset visits
  // each story once, in ListStories' order (when no batch commits meanwhile; see
  // StoryCursor). Costs two small queries per story returned on top
  // of the page's, so keep pages small (up to 100 or so).
  // Errors: kUsage when limit < 1.
  Result<StoryPage> ListStoryPage(const StoryFilter& filter);
  // Articles holding all the words of `query` (see StoryFilter::query), best first (FTS5's
  // bm25 rank, title and text weighted alike; ties in ingest order), at most `limit`, and at
  // most `per_story` of any one story (its best): `per_story` × N matches then reach at least N
  // stories whenever that many match, however many articles one big story has.
  // Text without a letter or digit gives no matches. Errors: kUsage when limit or per_story < 1.
  Result<std::vector<ArticleMatch>> SearchArticles(const std::string& query, int limit,
                                                   int per_story = std::numeric_limits<int>::max());
  // Sizes for a health endpoint: stored articles, and stories with at least one article
  // (stories merged away are not counted).
  Result<int64_t> ArticleCount();
  Result<int64_t> StoryCount();
  // The story `id` is now: itself, or — when merge repair merged it — the story it became
  // part of (following merges of merges).
  Result<int64_t> ResolveStory(int64_t id);
  // One story's summary (of the story it is now part of, for a merged id), complete like
  // ListStories'; kNotFound when there is no such story.
  Result<StorySummary> GetStory(int64_t id);
  // The members of one story (resolved like GetStory), in publication order (undated last,
  // then sequence).
  Result<std::vector<StoredArticle>> StoryArticles(int64_t id);
  // The members of one story as StoryArticles orders them, without their texts: what choosing
  // a few of a huge story needs (the texts of 200,000 members would not fit a request).
  Result<std::vector<StoryMember>> StoryMembers(int64_t id);
  // Every article in sequence order, streamed to `visit` (which returns false to stop).
  Status ForEachArticle(const std::function<bool(const StoredArticle&)>& visit);

  // Checks what must hold of every storydesk file whatever was ingested, crashed or killed
  // (invariant_check.cc lists each check and why): SQLite's integrity_check and foreign keys;
  // every article has a fingerprint and is in exactly one story, that story has a summary row
  // and was not merged away; no story is empty; summary rows agree with their members
  // (articles, sources, copies, first and last publication); every copy points at a stored
  // original of the same story that is no copy itself (so no chains or cycles) and not
  // published after it; the document count equals the articles; the full-text index holds
  // exactly the articles. Reads one snapshot; the full-text check briefly needs the write lock
  // (it waits for a writer's transaction, not for a whole ingest). Violations are results,
  // not errors; errors (kStore) are queries that fail outright, as on a file too damaged to read.
  Result<InvariantReport> CheckInvariants(size_t max_violations = 1000);

  // Replaces the fingerprints of every article using `fingerprint` and records `settings`,
  // in one transaction (the fingerprint migration).
  Status Refingerprint(const FingerprintSettings& settings,
                       const std::function<void(const RawArticle&, uint64_t* exact_hash,
                                                std::vector<uint32_t>* minhash)>& fingerprint);

 private:
  explicit SqliteStore(sqlite3* db);
  // Chooses every story's headline again when the file's were chosen by another headline rule
  // (meta headline_rule; core/digest/headline.h), in one transaction, and records this rule.
  Status RechooseHeadlinesOfAnotherRule();
  sqlite3* db_;
  std::unique_ptr<StoryHeadlines> headlines_;  // keeps stories.headline on commit
};

}  // namespace storydesk::store
