#include "adapters/http/digest_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace storydesk::http {
namespace {

Result<std::string> Get(DigestCache& cache, int64_t story, const std::string& key, const std::string& body) {
  return cache.GetOrCompute(story, key, [&]() -> Result<std::string> { return body; });
}

TEST(DigestCacheTest, KeepsADigestWhileItsKeyIsUnchanged) {
  DigestCache cache(4);
  EXPECT_EQ(Get(cache, 1, "3 articles", "first").value(), "first");
  EXPECT_EQ(Get(cache, 1, "3 articles", "second").value(), "first");  // a hit
  EXPECT_EQ(Get(cache, 1, "4 articles", "third").value(), "third");   // the story changed
  EXPECT_EQ(Get(cache, 1, "4 articles", "fourth").value(), "third");
  EXPECT_EQ(cache.Computed(), 2u);
}

TEST(DigestCacheTest, TheLeastRecentlyUsedGoesFirst) {
  DigestCache cache(2);
  Get(cache, 1, "k", "one");
  Get(cache, 2, "k", "two");
  Get(cache, 1, "k", "one");    // 1 is now the most recent
  Get(cache, 3, "k", "three");  // 2 goes
  EXPECT_EQ(Get(cache, 1, "k", "again").value(), "one");
  EXPECT_EQ(Get(cache, 2, "k", "again").value(), "again");
  EXPECT_EQ(cache.Computed(), 4u);
}

TEST(DigestCacheTest, FailuresAreNotKept) {
  DigestCache cache(2);
  auto failed =
      cache.GetOrCompute(1, "k", [] { return Result<std::string>(Status::Error(ErrorCode::kStore, "disk")); });
  EXPECT_FALSE(failed.ok());
  EXPECT_THROW(cache.GetOrCompute(1, "k", []() -> Result<std::string> { throw std::runtime_error("bug"); }),
               std::runtime_error);
  EXPECT_EQ(Get(cache, 1, "k", "fine").value(), "fine");
  EXPECT_EQ(cache.Computed(), 3u);
}

// Requests arriving while the digest is being made wait for it: it is made once.
TEST(DigestCacheTest, ConcurrentRequestsComputeOnce) {
  DigestCache cache(2);
  std::atomic<int> computing{0};
  std::vector<std::thread> threads;
  std::vector<std::string> bodies(8);
  for (size_t i = 0; i < bodies.size(); ++i) {
    threads.emplace_back([&, i] {
      bodies[i] = cache
                      .GetOrCompute(7, "k",
                                    [&]() -> Result<std::string> {
                                      computing.fetch_add(1);
                                      std::this_thread::sleep_for(std::chrono::milliseconds(50));
                                      return std::string("digest");
                                    })
                      .value();
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(computing.load(), 1);
  EXPECT_EQ(cache.Computed(), 1u);
  for (const std::string& body : bodies) EXPECT_EQ(body, "digest");
}

}  // namespace
}  // namespace storydesk::http
