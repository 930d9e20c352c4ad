// ParallelAnalysis: the per-article half of the engine's work (AnalyzeArticle) on a pool of
// threads, handed back in input order to the one thread that decides (StoryEngine::Decide).
//
// Decisions depend on the order articles are decided in, never on where or when they were
// analysed: AnalyzeArticle is pure, so any number of threads gives the same decisions — and
// stores and exports byte for byte — as one.
//
// Memory stays bounded: workers run at most `lookahead` articles ahead of the one taken last.
// With threads <= 1 no thread is started and Take analyses on the caller's thread.
// Take must be called for 0, 1, 2, ... in turn, from one thread; `articles` must outlive the
// object and not change while it lives (the workers read them).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "storydesk/article.h"
#include "storydesk/story_engine.h"

namespace storydesk::service {

// How many analysis threads `--threads 0` (the default) means: one per core.
int DefaultAnalysisThreads();

class ParallelAnalysis {
 public:
  ParallelAnalysis(const std::vector<RawArticle>& articles, int threads, AnalysisOptions options,
                   size_t lookahead = 256);
  ~ParallelAnalysis();  // stops and joins the workers (articles not taken are dropped)
  ParallelAnalysis(const ParallelAnalysis&) = delete;
  ParallelAnalysis& operator=(const ParallelAnalysis&) = delete;

  // The analysis of articles[i]; waits for it when a worker has not finished it yet.
  AnalyzedArticle Take(size_t i);

  // What `--timings` reports per stage: CPU seconds spent analysing so far, summed over every
  // thread that analysed (the caller's, with threads <= 1); wall seconds Take spent waiting for
  // a worker's analysis not finished yet; and wall seconds the caller spent in Take in all
  // (waiting, or analysing itself when there are no workers) — what to subtract from the
  // caller's loop to get the time it spent deciding.
  double AnalysisSeconds() const { return static_cast<double>(analysis_ns_.load()) * 1e-9; }
  double WaitSeconds() const { return static_cast<double>(wait_ns_.load()) * 1e-9; }
  double TakeSeconds() const { return static_cast<double>(take_ns_) * 1e-9; }

 private:
  void Work();
  AnalyzedArticle TakeAnalysis(size_t i);

  const std::vector<RawArticle>& articles_;
  const AnalysisOptions options_;
  const size_t lookahead_;
  std::mutex mutex_;
  std::condition_variable ready_;                        // a slot was filled
  std::condition_variable room_;                         // the taker moved on, or stop
  std::vector<std::unique_ptr<AnalyzedArticle>> slots_;  // ring of `lookahead` analyses
  size_t next_ = 0;                                      // the next article a worker claims
  size_t taken_ = 0;                                     // articles taken so far
  bool stop_ = false;
  std::vector<std::thread> workers_;
  std::atomic<int64_t> analysis_ns_{0}, wait_ns_{0};
  int64_t take_ns_ = 0;  // the taker's own
};

}  // namespace storydesk::service
