#include "adapters/http/digest_cache.h"

namespace storydesk::http {

Result<std::string> DigestCache::GetOrCompute(int64_t story, const std::string& key,
                                              const std::function<Result<std::string>()>& compute) {
  {
    std::unique_lock lock(mutex_);
    // Another request computing this very digest: wait for it rather than compute it again.
    done_.wait(lock, [&] { return computing_.count({story, key}) == 0; });
    if (auto it = entries_.find(story); it != entries_.end() && it->second.key == key) {
      order_.splice(order_.begin(), order_, it->second.order);
      return it->second.body;
    }
    computing_.insert({story, key});
    ++computed_;
  }
  Result<std::string> body = std::string();
  try {
    body = compute();
  } catch (...) {
    // The waiters are let go: they compute it themselves.
    std::lock_guard lock(mutex_);
    computing_.erase({story, key});
    done_.notify_all();
    throw;
  }
  // Kept before the waiters wake, so that they find it.
  std::lock_guard lock(mutex_);
  computing_.erase({story, key});
  if (body.ok()) Keep(story, key, body.value());
  done_.notify_all();
  return body;
}

void DigestCache::Keep(int64_t story, const std::string& key, std::string body) {
  if (auto it = entries_.find(story); it != entries_.end()) {
    order_.erase(it->second.order);
    entries_.erase(it);
  }
  order_.push_front(story);
  entries_.emplace(story, Entry{key, std::move(body), order_.begin()});
  if (entries_.size() > capacity_) {
    entries_.erase(order_.back());
    order_.pop_back();
  }
}

size_t DigestCache::Computed() const {
  std::lock_guard lock(mutex_);
  return computed_;
}

}  // namespace storydesk::http
