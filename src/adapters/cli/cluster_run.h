// ClusterInMemory: `cluster`, `eval`, `digest` and `train-df` as what they are — an ingest
// (service/ingest_pipeline.h: the same reading, analysing, deciding and storing as
// `storydesk ingest`) into a store kept in memory (store::MemoryStore) instead of a file.
// One pipeline, so one rule for everything: an id seen again with the same text is the same
// article (a duplicate, counted once); with another text it is rejected.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "adapters/memory/memory_store.h"
#include "storydesk/status.h"
#include "storydesk/stories/background_frequencies.h"
#include "storydesk/story_engine.h"

namespace storydesk::cli {

// Where one article ended up once the whole input was decided: its story (merges followed)
// and its copy relation (take-overs by earlier-published copies applied).
struct Placement {
  int64_t story = 0;
  int64_t storyline = 0;  // grouping events (EngineOptions::events): the story's storyline; else 0
  std::optional<std::string> copy_of;
  copies::CopyKind relation = copies::CopyKind::kNone;
};

struct ClusterRun {
  std::vector<std::string> input_order;                   // stored ids, in input order, each once
  std::unordered_map<std::string, Placement> placements;  // by id
  size_t rejected = 0;                                    // each already reported on stderr
  size_t duplicates = 0;                                  // ids seen again with the same text
  // Everything stored, in processing (publication) order; texts only with ClusterKeep::articles.
  std::unique_ptr<store::MemoryStore> store;
  // Where the time went, in seconds: reading, analysing (CPU over all analysis threads),
  // deciding in order (waits excluded), waiting for an analysis to finish, and storing.
  double read_seconds = 0, analyse_seconds = 0, decide_seconds = 0, wait_seconds = 0, store_seconds = 0;
};

// What a run keeps beyond the placements.
struct ClusterKeep {
  bool articles = false;  // the texts in ClusterRun::store (and the stories' headlines)
  int threads = 0;        // analysis threads (service::ParallelAnalysis); 0: one per core
  // Called with each article and its decision as it is made (IngestOptions::observe).
  std::function<void(const RawArticle&, const Decision&)> observe;
};

// Reads `paths` (rejections reported on stderr) and ingests every article into a fresh
// MemoryStore with an engine of `options` seeded with `background` (when given). With a
// `shuffle_seed`, the input order is shuffled first (a fixed permutation per seed), which
// reorders articles published at the same time — all of them in an undated corpus — to
// measure how much the result depends on input order. Without `keep.articles` the store keeps
// decisions only (MemoryStore::Contents::kDecisions): memory is then the decisions plus the
// engine's window, not a second copy of the corpus.
// Any number of threads gives the same placements.
// Errors: only when reading or storing cannot go on at all.
Result<ClusterRun> ClusterInMemory(const std::vector<std::string>& paths, const EngineOptions& options,
                                   const std::optional<stories::BackgroundFrequencies>& background,
                                   std::optional<uint64_t> shuffle_seed = std::nullopt, const ClusterKeep& keep = {});

// ClusterInMemory with the shipped models and background, and stories open for
// `window_seconds`, keeping the articles (for digests). Errors: the models cannot be read, or
// those of ClusterInMemory.
Result<ClusterRun> ClusterWithBuiltinModels(const std::vector<std::string>& paths, int64_t window_seconds);

}  // namespace storydesk::cli
