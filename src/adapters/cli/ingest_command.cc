// storydesk ingest PATH... — reads articles, groups them and stores them (the ingest pipeline,
// adapters/service/ingest_pipeline.h, around the readers and a progress bar).
#include <cstdio>
#include <iostream>

#include "adapters/cli/cli_common.h"
#include "adapters/cli/commands.h"
#include "adapters/service/ingest_pipeline.h"
#include "adapters/store/writer_lock.h"

namespace storydesk::cli {
namespace {

struct IngestFlags {
  std::optional<double> merge_probability;
  size_t batch_size = 1000;
  int threads = 0;
  bool log_commits = false;
};

int RunIngest(const std::vector<std::string>& paths, const std::string& db_path, const IngestFlags& flags) {
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
  // One writer at a time (issue 14, defect 2): taken after reading, so a waiting ingest has
  // read its inputs already, and before the pipeline restores its engine from the store, so
  // the engine starts from everything the previous writer stored.
  store::WriterLockOptions lock_options;
  lock_options.on_wait = [&db_path](const std::string&) { PrintError("waiting for another writer on " + db_path); };
  auto lock = store::WriterLock::Acquire(db_path, lock_options);
  if (!lock.ok()) {
    PrintError(lock.status().message());
    return kExitStore;
  }
  const size_t read_rejected = read.value().rejected;
  const size_t read_count = read.value().articles.size() + read_rejected;

  ProgressBar grouping("grouping");
  IngestOptions options;
  options.merge_probability = flags.merge_probability;
  options.batch_size = flags.batch_size;
  options.threads = flags.threads;
  options.progress = [&grouping, &flags](size_t done, size_t total) {
    grouping.Update(done, total);
    // A line per durable step, for operators and for tests that kill the process: the first
    // DONE of the new articles in publication order are stored whatever happens next.
    if (flags.log_commits) std::fprintf(stderr, "storydesk: committed %zu of %zu new articles\n", done, total);
  };
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
    // One line: what failed, where, and what is stored (earlier batches are, and stay whole).
    PrintError(db_path + ": " + r.failure.message() + "; " + std::to_string(r.stored) +
               " articles were stored before the failure");
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
  auto flags = std::make_shared<IngestFlags>();
  cmd->add_option("--merge-probability", flags->merge_probability,
                  "merge repair: merge two stories when an article fits the second with this attach probability "
                  "(default: off); merged ids keep finding the surviving story")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--batch-size", flags->batch_size,
                  "articles per transaction (default 1000): an article is stored once its batch commits")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--threads", flags->threads,
                  "threads analysing articles ahead of the one that decides and writes, in order (0: one per "
                  "core); any number stores the same")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_flag("--log-commits", flags->log_commits,
                "after each committed batch, print 'storydesk: committed DONE of TOTAL new articles' on stderr");
  cmd->footer(
      "Prints one line: read, new, duplicates, rejected, stories.\n"
      "Ingesting the same input twice stores nothing new.\n"
      "One writer at a time: a second ingest (or the server's POST) on the same database waits for the\n"
      "first, saying 'storydesk: waiting for another writer on DB'.");
  cmd->callback([paths, flags, &globals, exit_code] { *exit_code = RunIngest(*paths, globals.db, *flags); });
}

}  // namespace storydesk::cli
