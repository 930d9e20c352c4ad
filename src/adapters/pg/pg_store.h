// PgStore: the Store (adapters/store/store.h) on PostgreSQL — for several ingest machines and
// API servers sharing one store that outlives any of them. The same contract as SqliteStore,
// checked by the same typed suite (store_contract.h); the schema is pg_schema.h's.
//
// Concurrency: any number of PgStores (processes, machines) may read and write one database.
// Writers serialise on an advisory lock (kWriterLock) held for each CommitBatch and
// ApplyCorrection transaction, as SQLite's write lock does; DataVersion() is a commit counter
// kept in storydesk_meta, less this connection's own commits, so a writer whose decisions were
// made from an older state is refused (kConflict, kStaleWriterMessage) as with SQLite. Reads
// that must agree with each other run in one REPEATABLE READ snapshot.
// Durability: a batch is stored when its COMMIT returns (PostgreSQL's synchronous_commit).
// Thread-safety: one PgStore per thread (one libpq connection).
#pragma once

#include <memory>
#include <string>

#include "adapters/pg/pg_connection.h"
#include "adapters/store/store.h"
#include "adapters/store/story_headlines.h"

namespace storydesk::pg {

// The advisory lock key writers hold: "SDSKWRIT" as a bigint.
inline constexpr int64_t kWriterLock = 0x5344534B57524954;

class PgStore final : public store::Store {
 public:
  // Connects to `conninfo` (a libpq URL "postgresql://..." or key=value string) and brings the
  // schema up to date. Errors: kStore naming the server's message (never the password).
  static Result<std::unique_ptr<PgStore>> Open(const std::string& conninfo, const store::FingerprintSettings& settings);

  int SchemaVersion() const override;
  store::FingerprintSettings StoredFingerprintSettings() const override;
  Result<std::optional<uint64_t>> FindExactHash(const std::string& id) override;
  Result<std::vector<store::StoredArticle>> LoadWindow(int64_t from, int64_t to, bool include_undated) override;
  Result<std::optional<store::StoredArticle>> GetArticle(const std::string& id) override;
  Result<std::vector<store::StoredArticle>> CopyFamilyArticles() override;
  Result<std::vector<store::StoredArticle>> FindByExactHash(uint64_t exact_hash) override;
  Result<int64_t> DocumentCount() override;
  Result<std::map<std::string, int64_t>> LoadDocumentFrequencies() override;
  Result<int64_t> MaxStoryId() override;
  Result<int64_t> MaxStorylineId() override;
  Result<std::optional<int64_t>> NewestPublished() override;
  Result<int64_t> DataVersion() override;
  Status CommitBatch(std::vector<store::StoredArticle>& articles, const std::map<std::string, int64_t>& df_deltas,
                     int64_t documents_added, std::optional<int64_t> decided_at = std::nullopt) override;
  Result<std::vector<store::StorySummary>> ListStories(const store::StoryFilter& filter) override;
  Result<store::StoryPage> ListStoryPage(const store::StoryFilter& filter) override;
  Result<std::vector<store::ArticleMatch>> SearchArticles(const std::string& query, int limit,
                                                          int per_story = std::numeric_limits<int>::max()) override;
  Result<int64_t> ArticleCount() override;
  Result<int64_t> StoryCount() override;
  Result<int64_t> ResolveStory(int64_t id) override;
  Result<store::StorySummary> GetStory(int64_t id) override;
  Result<std::vector<store::StoredArticle>> StoryArticles(int64_t id) override;
  Result<std::vector<store::StoryMember>> StoryMembers(int64_t id) override;
  Status ForEachArticle(const std::function<bool(const store::StoredArticle&)>& visit) override;
  Result<int64_t> ApplyCorrection(const store::CorrectionPlan& plan) override;
  Result<std::vector<store::CorrectionRecord>> ListCorrections() override;
  Result<store::InvariantReport> CheckInvariants(size_t max_violations = 1000) override;
  Status Refingerprint(const store::FingerprintSettings& settings,
                       const std::function<void(const RawArticle&, uint64_t* exact_hash,
                                                std::vector<uint32_t>* minhash)>& fingerprint) override;

 private:
  explicit PgStore(std::unique_ptr<PgConnection> db);
  Result<std::vector<store::StoredArticle>> Articles(const std::string& where_and_order, const Params& params);
  Status RefreshStory(int64_t id, const std::set<std::string>& added, bool merged);
  Status MergeStory(int64_t from, int64_t into, const std::string& article_id);
  // Runs `body` in one snapshot (REPEATABLE READ), or just runs it inside an open transaction.
  Status InSnapshot(const std::function<Status()>& body);
  // A write transaction holding kWriterLock; bumps the commit counter when it commits.
  Status InWrite(const std::function<Status()>& body);

  std::unique_ptr<PgConnection> db_;
  std::unique_ptr<store::StoryHeadlines> headlines_;
  int schema_version_ = 0;
  int64_t own_commits_ = 0;
};

}  // namespace storydesk::pg
