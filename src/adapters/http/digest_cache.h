// DigestCache: the API's story digests, kept while the story they were made from is unchanged.
//
// A digest reads every article of its story, so the server keeps the latest `capacity` of them
// (least recently used goes first). Each is kept under a key the caller derives from what the
// digest depends on (the story's summary row: it changes whenever an article joins, a story
// merges in or a copy is found), so a hit never serves a stale digest and reads no article.
// Single flight: while one request computes a digest, others asking for the same (story, key)
// wait for it instead of computing it again.
// Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "storydesk/status.h"

namespace storydesk::http {

class DigestCache {
 public:
  explicit DigestCache(size_t capacity) : capacity_(capacity) {}

  // The body kept for (story, key); else `compute`'s, which is kept when it succeeds. An error
  // (or an exception, passed on) keeps nothing, and the next request computes again.
  Result<std::string> GetOrCompute(int64_t story, const std::string& key,
                                   const std::function<Result<std::string>()>& compute);

  // How many times a digest was computed (misses), for tests of the cache.
  size_t Computed() const;

 private:
  struct Entry {
    std::string key;
    std::string body;
    std::list<int64_t>::iterator order;
  };
  void Keep(int64_t story, const std::string& key, std::string body);  // under mutex_

  const size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable done_;
  std::list<int64_t> order_;  // most recent first
  std::unordered_map<int64_t, Entry> entries_;
  std::set<std::pair<int64_t, std::string>> computing_;  // (story, key)
  size_t computed_ = 0;
};

}  // namespace storydesk::http
