#include "adapters/memory/memory_store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "adapters/store/store_contract.h"

namespace storydesk::store {
namespace {

// The memory backend of the contract suite: one store per test; opening it again gives the
// same store (it lives as long as the backend object).
class MemoryBackend {
 public:
  std::unique_ptr<Store> Open(const FingerprintSettings& settings) {
    if (!store_) store_ = std::make_shared<MemoryStore>(settings);
    return std::make_unique<Handle>(store_);
  }

 private:
  // A Store forwarding to the shared MemoryStore, so that "reopening" finds what was stored.
  class Handle final : public Store {
   public:
    explicit Handle(std::shared_ptr<MemoryStore> s) : s_(std::move(s)) {}
    int SchemaVersion() const override { return s_->SchemaVersion(); }
    FingerprintSettings StoredFingerprintSettings() const override { return s_->StoredFingerprintSettings(); }
    Result<std::optional<uint64_t>> FindExactHash(const std::string& id) override { return s_->FindExactHash(id); }
    Result<std::vector<StoredArticle>> LoadWindow(int64_t from, int64_t to, bool undated) override {
      return s_->LoadWindow(from, to, undated);
    }
    Result<std::optional<StoredArticle>> GetArticle(const std::string& id) override { return s_->GetArticle(id); }
    Result<std::vector<StoredArticle>> CopyFamilyArticles() override { return s_->CopyFamilyArticles(); }
    Result<std::vector<StoredArticle>> FindByExactHash(uint64_t h) override { return s_->FindByExactHash(h); }
    Result<int64_t> DocumentCount() override { return s_->DocumentCount(); }
    Result<std::map<std::string, int64_t>> LoadDocumentFrequencies() override { return s_->LoadDocumentFrequencies(); }
    Result<int64_t> MaxStoryId() override { return s_->MaxStoryId(); }
    Result<std::optional<int64_t>> NewestPublished() override { return s_->NewestPublished(); }
    Result<int64_t> DataVersion() override { return s_->DataVersion(); }
    Status CommitBatch(std::vector<StoredArticle>& a, const std::map<std::string, int64_t>& df, int64_t n,
                       std::optional<int64_t> decided_at) override {
      return s_->CommitBatch(a, df, n, decided_at);
    }
    Result<std::vector<StorySummary>> ListStories(const StoryFilter& f) override { return s_->ListStories(f); }
    Result<StoryPage> ListStoryPage(const StoryFilter& f) override { return s_->ListStoryPage(f); }
    Result<std::vector<ArticleMatch>> SearchArticles(const std::string& q, int limit, int per_story) override {
      return s_->SearchArticles(q, limit, per_story);
    }
    Result<int64_t> ArticleCount() override { return s_->ArticleCount(); }
    Result<int64_t> StoryCount() override { return s_->StoryCount(); }
    Result<int64_t> ResolveStory(int64_t id) override { return s_->ResolveStory(id); }
    Result<StorySummary> GetStory(int64_t id) override { return s_->GetStory(id); }
    Result<std::vector<StoredArticle>> StoryArticles(int64_t id) override { return s_->StoryArticles(id); }
    Result<std::vector<StoryMember>> StoryMembers(int64_t id) override { return s_->StoryMembers(id); }
    Status ForEachArticle(const std::function<bool(const StoredArticle&)>& visit) override {
      return s_->ForEachArticle(visit);
    }
    Result<InvariantReport> CheckInvariants(size_t max_violations) override {
      return s_->CheckInvariants(max_violations);
    }
    Status Refingerprint(
        const FingerprintSettings& settings,
        const std::function<void(const RawArticle&, uint64_t*, std::vector<uint32_t>*)>& fingerprint) override {
      return s_->Refingerprint(settings, fingerprint);
    }

   private:
    std::shared_ptr<MemoryStore> s_;
  };
  std::shared_ptr<MemoryStore> store_;
};

INSTANTIATE_TYPED_TEST_SUITE_P(Memory, StoreContract, ::testing::Types<MemoryBackend>);

// kDecisions keeps where each article went and drops what only texts are for; asking for
// those is an error, never an empty answer that looks like "nothing matched".
TEST(MemoryStoreTest, ADecisionsStoreKeepsNoTextsAndSaysSoWhenTheyAreNeeded) {
  MemoryStore store(kSettings, MemoryStore::Contents::kDecisions);
  StoredArticle copy = Article("b", 1, 11);
  copy.copy_of = "a";
  copy.relation = "exact";
  std::vector<StoredArticle> batch = {Article("a", 1, 10), copy, Article("u", 2, -1)};
  ASSERT_TRUE(store.CommitBatch(batch, {{"x", 2}}, 3).ok());
  auto b = store.GetArticle("b").value();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->story, 1);
  EXPECT_EQ(b->copy_of, "a");
  EXPECT_EQ(b->relation, "exact");
  EXPECT_EQ(b->raw.title, "Title of b");
  EXPECT_EQ(b->exact_hash, batch[1].exact_hash);
  EXPECT_TRUE(b->raw.text.empty());
  EXPECT_TRUE(b->raw.verbatim.empty());
  EXPECT_TRUE(b->minhash.empty());
  EXPECT_EQ(store.GetStory(1).value().articles, 2);
  EXPECT_EQ(store.GetStory(1).value().copies, 1);
  EXPECT_EQ(store.LoadDocumentFrequencies().value().at("x"), 2);
  EXPECT_TRUE(store.CheckInvariants().value().ok());
  EXPECT_EQ(store.SearchArticles("body", 5).status().code(), ErrorCode::kUsage);
  StoryFilter query;
  query.query = "body";
  EXPECT_EQ(store.ListStories(query).status().code(), ErrorCode::kUsage);
  EXPECT_EQ(store.LoadWindow(0, int64_t{100} * 86400, false).status().code(), ErrorCode::kUsage);
  EXPECT_TRUE(store.LoadWindow(int64_t{50} * 86400, int64_t{60} * 86400, false).value().empty())
      << "nothing to return: no error";
}

TEST(MemoryStoreTest, AStaleDecisionIsAConflictAndStoresNothing) {
  MemoryStore store(kSettings);
  std::vector<StoredArticle> batch = {Article("a", 1, 10)};
  EXPECT_EQ(store.CommitBatch(batch, {}, 1, /*decided_at=*/3).code(), ErrorCode::kConflict);
  EXPECT_EQ(store.ArticleCount().value(), 0);
  ASSERT_TRUE(store.CommitBatch(batch, {}, 1, store.DataVersion().value()).ok());
  std::vector<StoredArticle> twice = {Article("n", 2, 11), Article("n", 2, 12)};
  EXPECT_EQ(store.CommitBatch(twice, {}, 2).code(), ErrorCode::kConflict) << "one id twice in a batch";
  EXPECT_EQ(store.ArticleCount().value(), 1);
  EXPECT_EQ(store.DocumentCount().value(), 1);
}

}  // namespace
}  // namespace storydesk::store
