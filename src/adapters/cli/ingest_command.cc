// storydesk ingest PATH... — reads articles, groups them and stores them (the ingest pipeline,
// adapters/service/ingest_pipeline.h, around the readers and a progress bar).
#include <cstdio>
#include <iostream>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/service/ingest_pipeline.h"

namespace storydesk::cli {
namespace {

int RunIngest(const std::vector<std::string>& paths, const std::string& db_path,
              std::optional<double> merge_probability) {
  auto opened = OpenStore(db_path);
  if (!opened.ok()) {
    PrintError(opened.status().message());
    return ExitCodeFor(opened.status());
  }
  ProgressBar progress("reading");
  auto read = ReadInputs(paths, &progress);
  progress.Finish();
  if (!read.ok()) {
    PrintError(read.status().message());
    return ExitCodeFor(read.status());
  }
  const size_t read_rejected = read.value().rejected;
  const size_t read_count = read.value().articles.size() + read_rejected;

  ProgressBar grouping("grouping");
  IngestOptions options;
  options.merge_probability = merge_probability;
  options.progress = [&grouping](size_t done, size_t total) { grouping.Update(done, total); };
  auto ingested = IngestArticles(std::move(read.value().articles), *opened.value(), options);
  grouping.Finish();
  if (!ingested.ok()) {
    PrintError(ingested.status().message());
    return kExitStore;
  }
  const IngestReport& r = ingested.value();
  for (const IngestedArticle& a : r.articles) {
    if (a.outcome == IngestOutcome::kRejected) PrintError(a.error);
  }
  if (!r.failure.ok()) {
    PrintError(r.failure.message());
    std::fprintf(stderr, "storydesk: %zu articles were stored before the failure\n", r.stored);
    return kExitStore;
  }
  const size_t rejected = read_rejected + r.rejected;
  std::printf("read %zu, new %zu, duplicates %zu, rejected %zu, stories %zu (%zu new)\n", read_count, r.stored,
              r.duplicates, rejected, r.stories, r.new_stories);
  return rejected > 0 ? kExitRejected : kExitOk;
}

}  // namespace

void AddIngestCommand(CLI::App& app, const GlobalOptions& globals, int* exit_code) {
  auto* cmd = app.add_subcommand("ingest", "read articles, group them into stories and store them");
  auto paths = std::make_shared<std::vector<std::string>>();
  cmd->add_option("paths", *paths,
                  "files (.txt seed text, .jsonl JSON Lines), directories (read recursively) or - for stdin")
      ->required();
  auto merge_probability = std::make_shared<std::optional<double>>();
  cmd->add_option("--merge-probability", *merge_probability,
                  "merge repair: merge two stories when an article fits the second with this attach probability "
                  "(default: off); merged ids keep finding the surviving story")
      ->check(CLI::Range(0.0, 1.0));
  cmd->footer(
      "Prints one line: read, new, duplicates, rejected, stories.\n"
      "Ingesting the same input twice stores nothing new.");
  cmd->callback([paths, merge_probability, &globals, exit_code] {
    *exit_code = RunIngest(*paths, globals.db, *merge_probability);
  });
}

}  // namespace storydesk::cli
