// SqliteStore: the embedded store — one SQLite file in WAL mode. Opening, migrating and
// writing are in sqlite_store.cc, lookups, listing and search in sqlite_store_reads.cc, the
// invariant check in invariant_check.cc; the row helpers they share in sqlite_rows.h.
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

#include "adapters/store/store.h"
#include "adapters/store/store_types.h"
#include "storydesk/article.h"
#include "storydesk/status.h"

struct sqlite3;

namespace storydesk::store {

class StoryHeadlines;

class SqliteStore final : public Store {
 public:
  // Opens (creating when absent) the database at `path`, enables WAL, applies migrations and
  // records `settings` when the file is new. Errors: kStore when the file is not a storydesk
  // database, is newer than this binary, or SQLite fails. A file whose fingerprint settings
  // differ from `settings` opens fine: the caller compares StoredFingerprintSettings() and
  // runs Refingerprint() (the fingerprint migration) before using the signatures.
  // Two processes opening one new file at once race to create it: SQLite answers some of the
  // steps (switching to WAL) "database is locked" at once, without waiting, so an open that
  // meets a busy file starts again, for up to the busy timeout.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path, const FingerprintSettings& settings);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

 private:
  // One attempt of Open; *busy tells whether it failed on a busy or locked file.
  static Result<std::unique_ptr<SqliteStore>> OpenOnce(const std::string& path, const FingerprintSettings& settings,
                                                       bool* busy);

 public:
  // The Store interface (store.h states each contract).
  int SchemaVersion() const override;
  FingerprintSettings StoredFingerprintSettings() const override;
  Result<std::optional<uint64_t>> FindExactHash(const std::string& id) override;
  Result<std::vector<StoredArticle>> LoadWindow(int64_t from, int64_t to, bool include_undated) override;
  Result<std::optional<StoredArticle>> GetArticle(const std::string& id) override;
  Result<std::vector<StoredArticle>> CopyFamilyArticles() override;
  Result<std::vector<StoredArticle>> FindByExactHash(uint64_t exact_hash) override;
  Result<int64_t> DocumentCount() override;
  Result<std::map<std::string, int64_t>> LoadDocumentFrequencies() override;
  Result<int64_t> MaxStoryId() override;
  Result<int64_t> MaxStorylineId() override;
  Result<std::optional<int64_t>> NewestPublished() override;
  Result<int64_t> DataVersion() override;
  Status CommitBatch(std::vector<StoredArticle>& articles, const std::map<std::string, int64_t>& df_deltas,
                     int64_t documents_added, std::optional<int64_t> decided_at = std::nullopt) override;
  Result<std::vector<StorySummary>> ListStories(const StoryFilter& filter) override;
  Result<StoryPage> ListStoryPage(const StoryFilter& filter) override;
  Result<std::vector<ArticleMatch>> SearchArticles(const std::string& query, int limit,
                                                   int per_story = std::numeric_limits<int>::max()) override;
  Result<int64_t> ArticleCount() override;
  Result<int64_t> StoryCount() override;
  Result<int64_t> ResolveStory(int64_t id) override;
  Result<StorySummary> GetStory(int64_t id) override;
  Result<std::vector<StoredArticle>> StoryArticles(int64_t id) override;
  Result<std::vector<StoryMember>> StoryMembers(int64_t id) override;
  Status ForEachArticle(const std::function<bool(const StoredArticle&)>& visit) override;
  Result<int64_t> ApplyCorrection(const CorrectionPlan& plan) override;
  Result<std::vector<CorrectionRecord>> ListCorrections() override;
  Result<InvariantReport> CheckInvariants(size_t max_violations = 1000) override;
  Status Refingerprint(const FingerprintSettings& settings,
                       const std::function<void(const RawArticle&, uint64_t* exact_hash,
                                                std::vector<uint32_t>* minhash)>& fingerprint) override;

 private:
  explicit SqliteStore(sqlite3* db);
  // Chooses every story's headline again when the file's were chosen by another headline rule
  // (meta headline_rule; core/digest/headline.h), in one transaction, and records this rule.
  Status RechooseHeadlinesOfAnotherRule();
  sqlite3* db_;
  std::unique_ptr<StoryHeadlines> headlines_;  // keeps stories.headline on commit
};

}  // namespace storydesk::store
