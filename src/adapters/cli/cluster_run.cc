#include "adapters/cli/cluster_run.h"

#include <chrono>
#include <random>

#include "adapters/cli/cli_common.h"
#include "adapters/service/ingest_pipeline.h"
#include "adapters/service/open_store.h"
#include "adapters/service/shipped_models.h"

namespace storydesk::cli {

Result<ClusterRun> ClusterInMemory(const std::vector<std::string>& paths, const EngineOptions& options,
                                   const std::optional<stories::BackgroundFrequencies>& background,
                                   std::optional<uint64_t> shuffle_seed, const ClusterKeep& keep) {
  const auto read_began = std::chrono::steady_clock::now();
  ProgressBar progress("reading");
  auto read = ReadInputs(paths, &progress, /*keep_verbatim=*/keep.articles);
  progress.Finish();
  if (!read.ok()) return read.status();
  std::vector<RawArticle>& articles = read.value().articles;

  ClusterRun run;
  run.rejected = read.value().rejected;
  run.read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - read_began).count();
  if (shuffle_seed) {
    // Our own Fisher–Yates over mt19937_64: std::shuffle's sequence differs between standard
    // libraries, and a seed must name the same permutation everywhere.
    std::mt19937_64 random(*shuffle_seed);
    for (size_t i = articles.size(); i > 1; --i) {
      const size_t j = static_cast<size_t>(random() % i);
      std::swap(articles[i - 1], articles[j]);
    }
  }

  run.store = std::make_unique<store::MemoryStore>(
      service::CurrentFingerprintSettings(),
      keep.articles ? store::MemoryStore::Contents::kEverything : store::MemoryStore::Contents::kDecisions);
  auto setup = std::make_shared<service::EngineSetup>();
  setup->options = options;
  setup->options.headline_evidence = keep.articles;  // only a store with texts chooses headlines
  setup->background = background;
  service::IngestOptions ingest;
  ingest.engine = setup;
  ingest.threads = keep.threads;
  ingest.observe = keep.observe;
  ProgressBar grouping("grouping");
  ingest.progress = [&grouping](size_t done, size_t total) { grouping.Update(done, total); };
  // One call: the engine is restored once, from the empty store, and never needs the texts back.
  auto report = service::IngestArticles(std::move(articles), *run.store, ingest);
  grouping.Finish();
  if (!report.ok()) return report.status();
  if (!report.value().failure.ok()) return report.value().failure;
  run.analyse_seconds = report.value().times.analyse;
  run.wait_seconds = report.value().times.wait;
  run.decide_seconds = report.value().times.decide;
  run.store_seconds = report.value().times.commit;
  for (const service::IngestedArticle& a : report.value().articles) {
    if (a.outcome == service::IngestOutcome::kStored) {
      run.input_order.push_back(a.id);
    } else if (a.outcome == service::IngestOutcome::kDuplicate) {
      ++run.duplicates;
    } else {
      PrintError(a.error.empty() ? "article '" + a.id + "' was not stored" : a.error);
      ++run.rejected;
    }
  }
  Status visited = run.store->ForEachArticle([&run](const store::StoredArticle& s) {
    run.placements.emplace(s.raw.id, Placement{s.story, s.storyline, s.copy_of, s.relation});
    return true;
  });
  if (!visited.ok()) return visited;
  return run;
}

Result<ClusterRun> ClusterWithBuiltinModels(const std::vector<std::string>& paths, int64_t window_seconds) {
  EngineOptions options;
  options.window_seconds = window_seconds;
  if (Status s = UseBuiltinModels(&options); !s.ok()) return s;
  const auto& background = BuiltinBackground();
  if (!background.ok()) return background.status();
  ClusterKeep keep;
  keep.articles = true;
  return ClusterInMemory(paths, options, background.value(), std::nullopt, keep);
}

}  // namespace storydesk::cli
