// ClusterInMemory: reads articles and groups them with a fresh StoryEngine, with no store —
// shared by `cluster` (prints the result) and `eval` (scores it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/stories/background_frequencies.h"
#include "storydesk/status.h"
#include "storydesk/story_engine.h"

namespace storydesk::cli {

struct ClusterRun {
  std::vector<std::string> input_order;                 // accepted ids, in input order
  std::unordered_map<std::string, Decision> decisions;  // by id
  size_t rejected = 0;                                  // each already reported on stderr
  // In processing order, without `verbatim`; empty unless asked for (ClusterKeep::articles).
  std::vector<RawArticle> articles;
  // Where the time went, in seconds: reading, analysing (CPU over all analysis threads),
  // deciding in order (waits excluded) and waiting for an analysis to finish.
  double read_seconds = 0, analyse_seconds = 0, decide_seconds = 0, wait_seconds = 0;
};

// Reads `paths` (rejections reported on stderr), processes the articles in publication order
// with an engine seeded with `background` (when given) and returns every decision. With a
// `shuffle_seed`, the input order is shuffled first (a fixed permutation per seed), which
// reorders articles published at the same time — all of them in an undated corpus — to
// measure how much the result depends on input order. By default each article's text is
// released once it is decided and decisions keep only what grouping says, not the term lists
// and signatures the store persists: memory is then the decisions plus the engine's window,
// not the whole corpus. `keep` asks for more.
// Errors: only when reading cannot go on at all.
// `threads`: threads analysing articles ahead of the engine (service::ParallelAnalysis); 0:
// one per core. Any number gives the same decisions.
struct ClusterKeep {
  bool articles = false;  // ClusterRun::articles, with their texts
  bool terms = false;     // Decision::terms (each article's distinct terms)
  int threads = 0;
};
Result<ClusterRun> ClusterInMemory(const std::vector<std::string>& paths, const EngineOptions& options,
                                   const std::optional<stories::BackgroundFrequencies>& background,
                                   std::optional<uint64_t> shuffle_seed = std::nullopt, ClusterKeep keep = {});

// ClusterInMemory with the shipped models and background, and stories open for
// `window_seconds`, keeping the articles (for digests). Errors: the models cannot be read, or
// those of ClusterInMemory.
Result<ClusterRun> ClusterWithBuiltinModels(const std::vector<std::string>& paths, int64_t window_seconds);

}  // namespace storydesk::cli
