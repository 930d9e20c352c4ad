// MemoryStore: a Store kept in this process's memory — what `cluster`, `eval` and `digest` ingest
// into (one pipeline for every command: read → analyse → decide → store), and a second backend
// that keeps the Store contract honest (store_contract.h runs the same suite over every backend).
//
// Nothing is written anywhere: the store lives as long as the object. Every contract of store.h
// holds, with these differences from SqliteStore:
//   - there is one connection, so DataVersion() never changes and a `decided_at` check passes
//     whenever it names that version (0);
//   - search (SearchArticles, StoryFilter::query) builds its index the first time it is asked
//     and keeps it up to date after; words are cut by the core's tokenizer and stemmed by its
//     Snowball stemmer (SQLite's FTS5 uses unicode61 and Porter), ranked by Okapi BM25
//     (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009)
//     with FTS5's constants (k1 = 1.2, b = 0.75), title and text as one field;
//   - with Contents::kDecisions it keeps what was decided about each article (ids, source,
//     title, dates, fingerprint hash, story, copy relation) but not its text, bullets,
//     verbatim record or MinHash signature: the memory of a whole-corpus `cluster` run is then
//     its decisions, not a second copy of the corpus. Whatever needs the texts afterwards —
//     LoadWindow with articles to return, SearchArticles, a query filter, Refingerprint — is
//     then an error (kUsage), never a silently wrong answer. Headlines are still chosen, from
//     evidence taken at commit.
// Costs: a commit is linear in the batch and in the sizes of the stories it touches; lookups by
// id, hash and story are hash-table finds; listing computes each listed story's summary from
// its members. Not thread-safe (one connection, as store.h asks).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/store/store.h"
#include "adapters/store/store_types.h"

namespace storydesk::store {

class MemoryStore final : public Store {
 public:
  enum class Contents {
    kEverything,  // every field of every article, as SqliteStore keeps them
    kDecisions,   // no texts, bullets, verbatim records or signatures (see above)
  };
  explicit MemoryStore(const FingerprintSettings& settings, Contents contents = Contents::kEverything);
  ~MemoryStore() override;

  // The Store interface (store.h states each contract). SchemaVersion() is 0: there is no file.
  int SchemaVersion() const override { return 0; }
  FingerprintSettings StoredFingerprintSettings() const override { return settings_; }
  Result<std::optional<uint64_t>> FindExactHash(const std::string& id) override;
  Result<std::vector<StoredArticle>> LoadWindow(int64_t from, int64_t to, bool include_undated) override;
  Result<std::optional<StoredArticle>> GetArticle(const std::string& id) override;
  Result<std::vector<StoredArticle>> CopyFamilyArticles() override;
  Result<std::vector<StoredArticle>> FindByExactHash(uint64_t exact_hash) override;
  Result<int64_t> DocumentCount() override { return documents_; }
  Result<std::map<std::string, int64_t>> LoadDocumentFrequencies() override;
  Result<int64_t> MaxStoryId() override { return max_story_; }
  Result<int64_t> MaxStorylineId() override { return max_storyline_; }
  Result<std::optional<int64_t>> NewestPublished() override { return newest_; }
  Result<int64_t> DataVersion() override { return 0; }
  Status CommitBatch(std::vector<StoredArticle>& articles, const std::map<std::string, int64_t>& df_deltas,
                     int64_t documents_added, std::optional<int64_t> decided_at = std::nullopt) override;
  Result<std::vector<StorySummary>> ListStories(const StoryFilter& filter) override;
  Result<StoryPage> ListStoryPage(const StoryFilter& filter) override;
  Result<std::vector<ArticleMatch>> SearchArticles(const std::string& query, int limit,
                                                   int per_story = std::numeric_limits<int>::max()) override;
  Result<int64_t> ArticleCount() override { return static_cast<int64_t>(articles_.size()); }
  Result<int64_t> StoryCount() override { return static_cast<int64_t>(stories_.size()); }
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
  struct Story;
  struct Headlines;
  class SearchIndex;

  // What is kept of `s`: every field a read gives back (no texts in a kDecisions store).
  StoredArticle Kept(const StoredArticle& s) const;
  // The error of an operation that needs the texts a kDecisions store does not keep.
  Status TextsNotKept(const char* what) const;
  // Stories passing `filter` (but its cursor and limit) in list order, with their list positions.
  Result<std::vector<std::pair<StoryCursor, int64_t>>> Listed(const StoryFilter& filter);
  StorySummary Summarize(int64_t id, const Story& story) const;
  // Whether member a comes before member b in a story (publication, undated last, sequence).
  bool Before(size_t a, size_t b) const;
  // Chooses story `id`'s headline again when its first members changed (or `force`).
  void RefreshHeadline(Story& story, const std::vector<size_t>& added, bool force);
  SearchIndex& Search();
  // Records an applied correction; its id.
  int64_t Recorded(const CorrectionPlan& plan);

  FingerprintSettings settings_;
  Contents contents_;
  std::vector<StoredArticle> articles_;               // by sequence - 1
  std::unordered_map<std::string, size_t> index_of_;  // id -> position in articles_
  std::unordered_map<uint64_t, std::vector<size_t>> by_hash_;
  std::map<int64_t, std::unique_ptr<Story>> stories_;  // stories with members, by id
  std::unordered_map<int64_t, int64_t> merged_into_;   // merged story -> the one it is part of now
  std::unordered_map<std::string, int64_t> df_;
  int64_t documents_ = 0;
  int64_t max_story_ = 0;
  int64_t max_storyline_ = 0;
  std::unordered_map<int64_t, int> storyline_events_;  // storyline -> its live stories
  std::vector<CorrectionRecord> corrections_;
  std::optional<int64_t> newest_;
  std::unique_ptr<Headlines> headlines_;
  std::unique_ptr<SearchIndex> search_;  // built on first use
};

}  // namespace storydesk::store
