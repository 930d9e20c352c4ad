// Store: where articles, their stories and copy relations are kept — the one interface the
// service, the HTTP API and the CLI use, whatever engine is behind it (SqliteStore, the
// embedded default, in sqlite_store.h). Its data types are in store_types.h.
//
// Durability: an article counts as stored only after CommitBatch() returns ok — the whole
// batch commits or none of it does, so a failure never leaves half an article.
// Thread-safety: one Store object per thread; an implementation says whether several
// processes may share what it opens.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "adapters/store/store_types.h"
#include "storydesk/article.h"
#include "storydesk/status.h"

namespace storydesk::store {

// The argument checks every backend makes (kUsage when they fail), so all give one message:
// ListStoryPage's page size, and SearchArticles' limit and matches per story.
inline Status CheckPageSize(int size) {
  if (size >= 1) return Status::Ok();
  return Status::Error(ErrorCode::kUsage, "page size must be at least 1 (got " + std::to_string(size) + ")");
}
inline Status CheckSearchLimits(int limit, int per_story) {
  if (limit < 1) {
    return Status::Error(ErrorCode::kUsage, "search limit must be at least 1 (got " + std::to_string(limit) + ")");
  }
  if (per_story < 1) {
    return Status::Error(ErrorCode::kUsage,
                         "matches per story must be at least 1 (got " + std::to_string(per_story) + ")");
  }
  return Status::Ok();
}

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  virtual int SchemaVersion() const = 0;
  virtual FingerprintSettings StoredFingerprintSettings() const = 0;

  // The exact hash of the stored article with this id, or nullopt when none is stored.
  virtual Result<std::optional<uint64_t>> FindExactHash(const std::string& id) = 0;

  // Articles whose published_at lies in [from, to], plus all undated articles when
  // `include_undated`, in sequence order (their original processing order).
  virtual Result<std::vector<StoredArticle>> LoadWindow(int64_t from, int64_t to, bool include_undated) = 0;

  // The stored article `id`; nullopt when there is none.
  virtual Result<std::optional<StoredArticle>> GetArticle(const std::string& id) = 0;

  // Every article in a copy family (the copies and their originals), each family's original
  // first and then its copies in publication order (undated last, then sequence); families
  // by their original's publication.
  virtual Result<std::vector<StoredArticle>> CopyFamilyArticles() = 0;

  // Articles with this exact hash, in sequence order.
  virtual Result<std::vector<StoredArticle>> FindByExactHash(uint64_t exact_hash) = 0;

  // Online IDF statistics: the number of documents seen and each term's document frequency.
  virtual Result<int64_t> DocumentCount() = 0;
  virtual Result<std::map<std::string, int64_t>> LoadDocumentFrequencies() = 0;

  // The largest story id in use (0 when there is none).
  virtual Result<int64_t> MaxStoryId() = 0;
  // The largest storyline id ever stored (0 when there is none), also when its stories were
  // merged away since: ids are never handed out twice.
  virtual Result<int64_t> MaxStorylineId() = 0;

  // The latest publication time stored (epoch seconds); nullopt when no article is dated.
  virtual Result<std::optional<int64_t>> NewestPublished() = 0;

  // A number that changes when another connection (another process's ingest, say) commits,
  // never for this connection's own commits — how a caller keeping state derived from the
  // store knows that state is still current (SQLite's data_version, for SqliteStore).
  virtual Result<int64_t> DataVersion() = 0;

  // Stores `articles` (sequence numbers are assigned here, in vector order), adds
  // `df_deltas` to the document frequencies and `documents_added` to the document count,
  // and refreshes the stories they belong to — all in one transaction. An article whose id is
  // already stored is an error (kConflict) and nothing of the batch is stored.
  // `decided_at` (when set) is the DataVersion() the caller's decisions were based on: when
  // another connection has committed since, the story ids and groupings decided from the older
  // state may collide with that writer's (issue 14, defect 2), so nothing is stored and the
  // result is kConflict with kStaleWriterMessage — checked inside the write transaction, so
  // no commit can slip in between the check and this batch.
  virtual Status CommitBatch(std::vector<StoredArticle>& articles, const std::map<std::string, int64_t>& df_deltas,
                             int64_t documents_added, std::optional<int64_t> decided_at = std::nullopt) = 0;

  // Stories with at least one article that pass every set field of `filter`, by newest
  // activity first: last_published_at DESC (undated stories last), then id DESC. At most
  // `limit` of them when set (all otherwise). Each summary is complete (source_names and
  // activity included) and read in one snapshot.
  virtual Result<std::vector<StorySummary>> ListStories(const StoryFilter& filter) = 0;
  // One page of ListStories' list: the first `limit` (kDefaultStoryPageSize when unset)
  // stories after `filter.after`, and in `next` the cursor of the last of them when at least
  // one more story matches. Walking the pages from no cursor until `next` is unset visits
  // each story once, in ListStories' order (when no batch commits meanwhile; see
  // StoryCursor). Costs two small queries per story returned on top
  // of the page's, so keep pages small (up to 100 or so).
  // Errors: kUsage when limit < 1.
  virtual Result<StoryPage> ListStoryPage(const StoryFilter& filter) = 0;
  // Articles holding all the words of `query` (see StoryFilter::query), best first (FTS5's
  // bm25 rank, title and text weighted alike; ties in ingest order), at most `limit`, and at
  // most `per_story` of any one story (its best): `per_story` × N matches then reach at least N
  // stories whenever that many match, however many articles one big story has.
  // Text without a letter or digit gives no matches. Errors: kUsage when limit or per_story < 1.
  virtual Result<std::vector<ArticleMatch>> SearchArticles(const std::string& query, int limit,
                                                           int per_story = std::numeric_limits<int>::max()) = 0;
  // Sizes for a health endpoint: stored articles, and stories with at least one article
  // (stories merged away are not counted).
  virtual Result<int64_t> ArticleCount() = 0;
  virtual Result<int64_t> StoryCount() = 0;
  // The story `id` is now: itself, or — when merge repair merged it — the story it became
  // part of (following merges of merges).
  virtual Result<int64_t> ResolveStory(int64_t id) = 0;
  // One story's summary (of the story it is now part of, for a merged id), complete like
  // ListStories'; kNotFound when there is no such story.
  virtual Result<StorySummary> GetStory(int64_t id) = 0;
  // The members of one story (resolved like GetStory), in publication order (undated last,
  // then sequence).
  virtual Result<std::vector<StoredArticle>> StoryArticles(int64_t id) = 0;
  // The members of one story as StoryArticles orders them, without their texts: what choosing
  // a few of a huge story needs (the texts of 200,000 members would not fit a request).
  virtual Result<std::vector<StoryMember>> StoryMembers(int64_t id) = 0;
  // Every article in sequence order, streamed to `visit` (which returns false to stop).
  virtual Status ForEachArticle(const std::function<bool(const StoredArticle&)>& visit) = 0;

  // Applies an analyst's correction (planned by service/corrections.h against this store) in
  // one transaction: moves each article of `plan.moves` into `plan.into` (a new story with
  // `plan.storyline` for kSplit), records each of `plan.emptied` as merged into `plan.into`
  // (its id still finds the story), refreshes the summaries and records the correction.
  // Returns the correction's id. Errors: kConflict, nothing changed, when the store no longer
  // matches the plan (an article not in the story the plan saw, a target story gone, a new
  // story's id taken) — plan again; kStore from the engine.
  virtual Result<int64_t> ApplyCorrection(const CorrectionPlan& plan) = 0;
  // Every correction made, oldest first.
  virtual Result<std::vector<CorrectionRecord>> ListCorrections() = 0;

  // Checks what must hold of every storydesk file whatever was ingested, crashed or killed
  // (invariant_check.cc lists each check and why): SQLite's integrity_check and foreign keys;
  // every article has a fingerprint and is in exactly one story, that story has a summary row
  // and was not merged away; no story is empty; summary rows agree with their members
  // (articles, sources, copies, first and last publication); every copy points at a stored
  // original of the same story that is no copy itself (so no chains or cycles) and not
  // published after it; every storyline row names a story with articles; the document count
  // equals the articles; the full-text index holds
  // exactly the articles. Reads one snapshot; the full-text check briefly needs the write lock
  // (it waits for a writer's transaction, not for a whole ingest). Violations are results,
  // not errors; errors (kStore) are queries that fail outright, as on a file too damaged to read.
  virtual Result<InvariantReport> CheckInvariants(size_t max_violations = 1000) = 0;

  // Replaces the fingerprints of every article using `fingerprint` and records `settings`,
  // in one transaction (the fingerprint migration).
  virtual Status Refingerprint(const FingerprintSettings& settings,
                               const std::function<void(const RawArticle&, uint64_t* exact_hash,
                                                        std::vector<uint32_t>* minhash)>& fingerprint) = 0;
};

}  // namespace storydesk::store
