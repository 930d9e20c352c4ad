#include "adapters/memory/memory_store.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "adapters/store/store_contract.h"

namespace storydesk::store {
namespace {

// The memory backend of the contract suite: one store per test, the same one each time it is
// opened again (it lives as long as the backend object).
class MemoryBackend {
 public:
  std::shared_ptr<Store> Open(const FingerprintSettings& settings) {
    if (!store_) store_ = std::make_shared<MemoryStore>(settings);
    return store_;
  }

 private:
  std::shared_ptr<MemoryStore> store_;
};

INSTANTIATE_TYPED_TEST_SUITE_P(Memory, StoreContract, ::testing::Types<MemoryBackend>);

// kDecisions keeps where each article went and drops what only texts are for; asking for
// those is an error, never an empty answer that looks like "nothing matched".
TEST(MemoryStoreTest, ADecisionsStoreKeepsNoTextsAndSaysSoWhenTheyAreNeeded) {
  MemoryStore store(kSettings, MemoryStore::Contents::kDecisions);
  StoredArticle copy = Article("b", 1, 11);
  copy.copy_of = "a";
  copy.relation = copies::CopyKind::kExact;
  std::vector<StoredArticle> batch = {Article("a", 1, 10), copy, Article("u", 2, -1)};
  ASSERT_TRUE(store.CommitBatch(batch, {{"x", 2}}, 3).ok());
  auto b = store.GetArticle("b").value();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->story, 1);
  EXPECT_EQ(b->copy_of, "a");
  EXPECT_EQ(b->relation, copies::CopyKind::kExact);
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
