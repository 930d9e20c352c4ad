#include "adapters/cli/cluster_run.h"

#include <chrono>
#include <random>
#include <unordered_set>

#include "adapters/cli/cli_common.h"
#include "adapters/service/parallel_analysis.h"
#include "adapters/service/shipped_models.h"

namespace storydesk::cli {

Result<ClusterRun> ClusterInMemory(const std::vector<std::string>& paths, const EngineOptions& options,
                                   const std::optional<stories::BackgroundFrequencies>& background,
                                   std::optional<uint64_t> shuffle_seed, ClusterKeep keep) {
  const auto read_began = std::chrono::steady_clock::now();
  ProgressBar progress("reading");
  auto read = ReadInputs(paths, &progress);
  progress.Finish();
  if (!read.ok()) return read.status();
  std::vector<RawArticle>& articles = read.value().articles;

  ClusterRun run;
  run.rejected = read.value().rejected;
  run.read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - read_began).count();
  // Input order is kept for the output; processing follows publication order.
  std::vector<RawArticle> ordered;
  ordered.reserve(articles.size());
  std::unordered_set<std::string> ids;
  for (RawArticle& a : articles) {
    if (!ids.insert(a.id).second) {
      PrintError(a.origin + ": id '" + a.id + "' appears more than once; the later article is skipped");
      ++run.rejected;
      continue;
    }
    run.input_order.push_back(a.id);
    // Nothing is stored here, so the verbatim record (as large as the text) is not kept.
    std::string().swap(a.verbatim);
    ordered.push_back(std::move(a));
  }
  if (shuffle_seed) {
    // Our own Fisher–Yates over mt19937_64: std::shuffle's sequence differs between standard
    // libraries, and a seed must name the same permutation everywhere.
    std::mt19937_64 random(*shuffle_seed);
    for (size_t i = ordered.size(); i > 1; --i) {
      const size_t j = static_cast<size_t>(random() % i);
      std::swap(ordered[i - 1], ordered[j]);
    }
  }
  SortForProcessing(&ordered);

  StoryEngine engine(options);
  SeedEngine(background, &engine);
  ProgressBar grouping("grouping");
  service::ParallelAnalysis analysis(ordered, keep.threads > 0 ? keep.threads : service::DefaultAnalysisThreads(),
                                     options.headline_evidence);
  const auto decide_began = std::chrono::steady_clock::now();
  for (size_t i = 0; i < ordered.size(); ++i) {
    Decision d = engine.Decide(ordered[i], analysis.Take(i));
    if (!keep.terms) std::vector<std::string>().swap(d.terms);
    std::vector<uint32_t>().swap(d.minhash);  // the store's signature
    run.decisions.emplace(ordered[i].id, std::move(d));
    if (!keep.articles) {
      std::string().swap(ordered[i].text);
      std::vector<std::string>().swap(ordered[i].bullets);
    }
    grouping.Update(i + 1, ordered.size());
  }
  grouping.Finish();
  run.analyse_seconds = analysis.AnalysisSeconds();
  run.wait_seconds = analysis.WaitSeconds();
  run.decide_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - decide_began).count() - analysis.TakeSeconds();
  // Merge repair may have folded earlier articles' stories into others since they were decided.
  for (auto& [id, decision] : run.decisions) decision.story = engine.CurrentStory(decision.story);
  if (keep.articles) run.articles = std::move(ordered);
  return run;
}

Result<ClusterRun> ClusterWithBuiltinModels(const std::vector<std::string>& paths, int64_t window_seconds) {
  EngineOptions options;
  options.window_seconds = window_seconds;
  if (Status s = UseBuiltinModels(&options); !s.ok()) return s;
  const auto& background = BuiltinBackground();
  if (!background.ok()) return background.status();
  return ClusterInMemory(paths, options, background.value(), std::nullopt, ClusterKeep{.articles = true});
}

}  // namespace storydesk::cli
