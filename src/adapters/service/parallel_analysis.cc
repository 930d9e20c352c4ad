#include "adapters/service/parallel_analysis.h"

#include <time.h>

#include <algorithm>
#include <chrono>

namespace storydesk::service {

namespace {

int64_t ThreadCpuNanoseconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

}  // namespace

int DefaultAnalysisThreads() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

ParallelAnalysis::ParallelAnalysis(const std::vector<RawArticle>& articles, int threads, AnalysisOptions options,
                                   size_t lookahead)
    : articles_(articles), options_(options), lookahead_(std::max<size_t>(1, lookahead)) {
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
    const int64_t began = ThreadCpuNanoseconds();
    auto analyzed = std::make_unique<AnalyzedArticle>(AnalyzeArticle(articles_[i], options_));
    analysis_ns_ += ThreadCpuNanoseconds() - began;
    {
      std::lock_guard lock(mutex_);
      slots_[i % lookahead_] = std::move(analyzed);
    }
    ready_.notify_all();
  }
}

AnalyzedArticle ParallelAnalysis::Take(size_t i) {
  const auto entered = std::chrono::steady_clock::now();
  AnalyzedArticle taken = TakeAnalysis(i);
  take_ns_ += std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - entered).count();
  return taken;
}

AnalyzedArticle ParallelAnalysis::TakeAnalysis(size_t i) {
  if (workers_.empty()) {
    const int64_t began = ThreadCpuNanoseconds();
    AnalyzedArticle analyzed = AnalyzeArticle(articles_[i], options_);
    analysis_ns_ += ThreadCpuNanoseconds() - began;
    return analyzed;
  }
  std::unique_ptr<AnalyzedArticle> analyzed;
  {
    std::unique_lock lock(mutex_);
    if (slots_[i % lookahead_] == nullptr) {
      const auto began = std::chrono::steady_clock::now();
      ready_.wait(lock, [&] { return slots_[i % lookahead_] != nullptr; });
      wait_ns_ +=
          std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - began).count();
    }
    analyzed = std::move(slots_[i % lookahead_]);
    taken_ = i + 1;
  }
  room_.notify_all();
  return std::move(*analyzed);
}

}  // namespace storydesk::service
