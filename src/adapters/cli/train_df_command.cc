// storydesk train-df PATH... -o FILE — counts the document frequencies of the engine's terms
// over a corpus and writes a background model (core/stories/background_frequencies.h).
// `make models` runs it on ../shared/data/allsides-train to recount models/background-df.tsv.
#include <filesystem>
#include <iostream>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/cluster_run.h"
#include "adapters/cli/commands.h"
#include "adapters/service/shipped_models.h"

namespace storydesk::cli {
namespace {

struct TrainDfFlags {
  std::vector<std::string> paths;
  std::string output;
  int64_t min_df = 2;
};

int RunTrainDf(const TrainDfFlags& flags) {
  // The counts are the engine's own terms; an engine with no background counts only the corpus.
  stories::BackgroundFrequencies counts;
  ClusterKeep keep;
  keep.observe = [&counts](const RawArticle&, const Decision& decision) {
    // Copies would count one text several times.
    if (decision.copy_of) return;
    ++counts.documents;
    for (const std::string& term : decision.terms) ++counts.df[term];
  };
  auto run = ClusterInMemory(flags.paths, EngineOptions{}, std::nullopt, std::nullopt, keep);
  if (!run.ok()) {
    PrintError(run.status().message());
    return ExitCodeFor(run.status());
  }
  std::vector<std::string> comments = {"counted by `storydesk train-df` over " + std::to_string(counts.documents) +
                                           " articles (copies skipped), terms seen in at least " +
                                           std::to_string(flags.min_df) + " of them",
                                       "inputs:"};
  for (const std::string& path : flags.paths)
    comments.push_back("  " + std::filesystem::path(path).lexically_normal().string());
  const std::string text = stories::FormatBackgroundFrequencies(counts, flags.min_df, comments);

  if (Status s = WriteFileWhole(flags.output, text); !s.ok()) {
    PrintError(s.message());
    return kExitStore;
  }
  std::cerr << "train-df: " << counts.documents << " documents, " << counts.df.size() << " terms counted, written to "
            << flags.output << '\n';
  return run.value().rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddTrainDfCommand(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand("train-df", "count document frequencies over a corpus into a background model");
  auto flags = std::make_shared<TrainDfFlags>();
  cmd->add_option("paths", flags->paths, "articles: files, directories or - for stdin")->required();
  cmd->add_option("-o,--output", flags->output, "the model file to write")->required();
  cmd->add_option("--min-df", flags->min_df, "keep terms seen in at least this many articles")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}))
      ->capture_default_str();
  cmd->footer(
      "Use the file with `cluster --background FILE` / `eval --background FILE`; the built-in model is "
      "models/background-df.tsv, recounted by `make models`.");
  cmd->callback([flags, exit_code] { *exit_code = RunTrainDf(*flags); });
}

}  // namespace storydesk::cli
