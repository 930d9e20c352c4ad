#include "adapters/cli/cluster_run.h"

#include <unordered_set>

#include "adapters/cli/shipped_models.h"
#include "adapters/cli/cli_common.h"

namespace storydesk::cli {

Result<ClusterRun> ClusterInMemory(const std::vector<std::string>& paths, const EngineOptions& options,
                                   const std::optional<stories::BackgroundFrequencies>& background) {
  ProgressBar progress("reading");
  auto read = ReadInputs(paths, &progress);
  progress.Finish();
  if (!read.ok()) return read.status();
  std::vector<RawArticle>& articles = read.value().articles;

  ClusterRun run;
  run.rejected = read.value().rejected;
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
    ordered.push_back(std::move(a));
  }
  SortForProcessing(&ordered);

  StoryEngine engine(options);
  SeedEngine(background, &engine);
  ProgressBar grouping("grouping");
  for (size_t i = 0; i < ordered.size(); ++i) {
    run.decisions.emplace(ordered[i].id, engine.Add(ordered[i]));
    grouping.Update(i + 1, ordered.size());
  }
  grouping.Finish();
  return run;
}

}  // namespace storydesk::cli
