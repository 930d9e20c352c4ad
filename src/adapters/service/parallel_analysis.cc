#include "adapters/service/parallel_analysis.h"

#include <algorithm>

namespace storydesk::service {

int DefaultAnalysisThreads() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

ParallelAnalysis::ParallelAnalysis(const std::vector<RawArticle>& articles, int threads, bool headline_evidence,
                                   size_t lookahead)
    : articles_(articles), headline_evidence_(headline_evidence), lookahead_(std::max<size_t>(1, lookahead)) {
  if (threads <= 1 || articles.size() <= 1) return;
  slots_.resize(lookahead_);
  const size_t workers = std::min(static_cast<size_t>(threads), articles.size());
  workers_.reserve(workers);
  for (size_t i = 0; i < workers; ++i) workers_.emplace_back([this] { Work(); });
}

ParallelAnalysis::~ParallelAnalysis() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  room_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void ParallelAnalysis::Work() {
  for (;;) {
    size_t i = 0;
    {
      std::unique_lock lock(mutex_);
      // Claim the next article once its slot is free: within `lookahead` of the taker.
      room_.wait(lock, [&] { return stop_ || next_ >= articles_.size() || next_ < taken_ + lookahead_; });
      if (stop_ || next_ >= articles_.size()) return;
      i = next_++;
    }
    auto analyzed = std::make_unique<AnalyzedArticle>(AnalyzeArticle(articles_[i], headline_evidence_));
    {
      std::lock_guard lock(mutex_);
      slots_[i % lookahead_] = std::move(analyzed);
    }
    ready_.notify_all();
  }
}

AnalyzedArticle ParallelAnalysis::Take(size_t i) {
  if (workers_.empty()) return AnalyzeArticle(articles_[i], headline_evidence_);
  std::unique_ptr<AnalyzedArticle> analyzed;
  {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return slots_[i % lookahead_] != nullptr; });
    analyzed = std::move(slots_[i % lookahead_]);
    taken_ = i + 1;
  }
  room_.notify_all();
  return std::move(*analyzed);
}

}  // namespace storydesk::service
